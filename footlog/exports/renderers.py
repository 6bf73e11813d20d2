"""Renderers that let DRF content negotiation accept file downloads (CSV, PDF, JSON bundle, zip)."""

from __future__ import annotations

import json
from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView


class _FileRenderer(BaseRenderer):
    """The view returns the file itself; an error body that still reaches here is rendered as JSON."""

    charset = None

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode()


class CsvRenderer(_FileRenderer):
    media_type = "text/csv"
    format = "csv"


class PdfRenderer(_FileRenderer):
    media_type = "application/pdf"
    format = "pdf"


class FhirRenderer(_FileRenderer):
    media_type = "application/fhir+json"
    format = "fhir"


class ZipRenderer(_FileRenderer):
    media_type = "application/zip"
    format = "zip"


class FileDownloadView(APIView):
    """A view that answers with a file but keeps errors in the API's JSON shape whatever was negotiated."""

    def handle_exception(self, exc: Exception) -> Response:
        # finalize_response copies the renderer from the request, so that is where it must be switched.
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = "application/json"
        return super().handle_exception(exc)
