"""The one home of the headers of an answer that carries someone's health data (or a secret link).

`Cache-Control: private, no-store` keeps it out of shared caches and out of the browser's store; a download gets
a name the server made (never one derived from user input). `no_referrer` adds `Referrer-Policy: no-referrer`
to answers whose own address is a secret (a share link, a photo, an unsubscribe token), so that it never leaves
in a Referer header; the site-wide default (settings.SECURE_REFERRER_POLICY) is `same-origin`. `noindex` keeps
the public share pages out of search engines.

`private_response` marks one answer; `private_page` is the same as a view decorator. Used by the API middleware
(every /api/v1/ answer), the downloads (report, CSV, FHIR, account zip, photos), the app pages that show the
log, the share pages and the SMART Health Link answers, and the unsubscribe page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.http.response import HttpResponseBase

PRIVATE = "private, no-store"
NO_REFERRER = "no-referrer"
NOINDEX = "noindex, nofollow, noarchive"
R = TypeVar("R", bound=HttpResponseBase)
V = TypeVar("V", bound=Callable[..., Any])


def private_response(
    response: R, *, filename: str | None = None, inline: bool = False, no_referrer: bool = False, noindex: bool = False
) -> R:
    """Mark `response` private and unstorable (keeping stricter directives it already has); with `filename`, say
    how to save it: an attachment, or `inline` for what a browser shows (a PDF on the share page, a photo)."""
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    if not {"private", "no-store"} <= directives:
        response["Cache-Control"] = PRIVATE
    if filename is not None:
        response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    if no_referrer:
        response["Referrer-Policy"] = NO_REFERRER
    if noindex:
        response["X-Robots-Tag"] = NOINDEX
    return response


def private_page(view: V | None = None, *, no_referrer: bool = False, noindex: bool = False) -> Any:
    """`@private_page` (or `@private_page(no_referrer=True)`): every answer of the view, `private_response`."""

    def decorate(function: V) -> V:
        @wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            return private_response(function(*args, **kwargs), no_referrer=no_referrer, noindex=noindex)

        return wrapper  # type: ignore[return-value]  # wraps() keeps the view's signature; mypy sees Callable

    return decorate(view) if view is not None else decorate
