"""Content negotiation of the API: JSON (or a view's own format such as PDF), else 406 in the error shape.

The browsable API is not offered: its HTML forms assumed querysets the views do not have (500 on
`Accept: text/html`) and its inline scripts would break the Content Security Policy. DRF answers an unknown
`?format=` with 404, as if the resource were missing; here it is a 406 like an unacceptable Accept header.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils.translation import gettext
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BaseRenderer

if TYPE_CHECKING:
    from rest_framework.request import Request


class ApiContentNegotiation(DefaultContentNegotiation):
    def select_renderer(
        self, request: Request, renderers: Iterable[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        # DRF reads an empty `?format=` as no format at all; the schema's enum has no empty value, so it is a 406
        # like any other format the endpoint does not answer in.
        if not format_suffix and request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) == "":
            raise NotAcceptable(gettext("This endpoint does not answer in the format %(format)s.") % {"format": "''"})
        selected: tuple[BaseRenderer, str] = super().select_renderer(request, renderers, format_suffix)
        return selected

    def filter_renderers(self, renderers: Iterable[BaseRenderer], format: str) -> list[BaseRenderer]:
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            raise NotAcceptable(
                gettext("This endpoint does not answer in the format %(format)s.") % {"format": repr(format)}
            )
        return matching
