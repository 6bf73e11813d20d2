"""Render the report to PDF with WeasyPrint, loading nothing but our static files and this user's photos."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from footlog.exports.report import Report

STATIC_SCHEME = "footlog-static:"
PHOTO_SCHEME = "footlog-photo:"


class ForbiddenResource(FatalURLFetchingError):  # type: ignore[misc]  # weasyprint: no type hints
    """The report asked for something outside its allow-list; rendering stops rather than fetch it."""


class ReportFetcher(URLFetcher):  # type: ignore[misc]  # weasyprint: no type hints
    """Serves `footlog-static:<path>` from our static files and `footlog-photo:<id>` from `photos`.

    Everything else — http(s), file:, data:, another user's photo, a path escaping the static dirs — raises
    ForbiddenResource, which WeasyPrint does not swallow: a report never reaches out of its allow-list.
    """

    def __init__(self, photos: dict[str, Callable[[], bytes]]):
        super().__init__(allowed_protocols=())
        self._photos = photos

    def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> URLFetcherResponse:
        if url.startswith(STATIC_SCHEME):
            return self._static(url)
        if url.startswith(PHOTO_SCHEME):
            read = self._photos.get(url.removeprefix(PHOTO_SCHEME))
            if read is not None:
                return URLFetcherResponse(url, read(), {"Content-Type": "image/jpeg"})
        raise ForbiddenResource(f"not allowed in a report: {url[:80]}")

    def _static(self, url: str) -> URLFetcherResponse:
        relative = url.removeprefix(STATIC_SCHEME)
        if ".." in Path(relative).parts or relative.startswith("/"):
            raise ForbiddenResource(f"not a static file: {relative[:80]}")
        found = finders.find(relative)
        if not found:
            raise ForbiddenResource(f"no such static file: {relative[:80]}")
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(str(found)).read_bytes(), {"Content-Type": content_type})


def report_html(report: Report) -> str:
    return render_to_string("exports/report.html", {"report": report, "static_prefix": STATIC_SCHEME})


def render_pdf(report: Report, photo_reader: Callable[..., bytes] | None = None) -> bytes:
    """The report as PDF bytes. `photo_reader(photo_id, size)` returns a photo's JPEG in the rendition the report
    asks for (`report.photo_sizes`: "display" for close-ups, else "thumb"); only `report.photo_ids` load."""
    photos: dict[str, Callable[[], bytes]] = {}
    if photo_reader is not None:
        for photo_id in report.photo_ids:
            photos[photo_id] = partial(photo_reader, photo_id, report.photo_sizes.get(photo_id, "thumb"))
    html = HTML(string=report_html(report), base_url=STATIC_SCHEME, url_fetcher=ReportFetcher(photos))
    pdf: bytes = html.write_pdf()
    return pdf
