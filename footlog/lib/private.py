"""The one home of the headers of an answer that carries someone's health data.

`Cache-Control: private, no-store` keeps it out of shared caches and out of the browser's store; a download gets
a name the server made (never one derived from user input). Used by the API middleware (every /api/v1/ answer),
the downloads (report, CSV, FHIR, account zip, photos), the app pages that show the log and the share pages.
"""

from __future__ import annotations

from typing import TypeVar

from django.http.response import HttpResponseBase

PRIVATE = "private, no-store"
R = TypeVar("R", bound=HttpResponseBase)


def private_response(response: R, *, filename: str | None = None, inline: bool = False) -> R:
    """Mark `response` private and unstorable (keeping stricter directives it already has); with `filename`, say
    how to save it: an attachment, or `inline` for what a browser shows (a PDF on the share page, a photo)."""
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    if not {"private", "no-store"} <= directives:
        response["Cache-Control"] = PRIVATE
    if filename is not None:
        response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{filename}"'
    return response
