"""The one rule for absolute links (share links, reminder mail and push, unsubscribe links).

With FOOTLOG_PUBLIC_URL set (production: https) every link uses it. Without it, a link made while answering a
request uses that request's own origin, so it reaches the app wherever it runs (the host was already checked
against DJANGO_ALLOWED_HOSTS); a link made without a request (mail and push, sent by the worker) uses the
`HOST` and the port that `make run` was given (`FOOTLOG_RUN_PORT`, see `config.local_base_url`): every process of
`make run` agrees on it, whatever `PORT` honcho handed that process.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def absolute_url(path: str, request: HttpRequest | None = None) -> str:
    """`path` (starting with "/") as an absolute URL that reaches the running app."""
    if request is not None and not settings.FOOTLOG_PUBLIC_URL_SET:
        return request.build_absolute_uri(path)
    return f"{settings.FOOTLOG_PUBLIC_URL}{path}"
