from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 366

    def get_page_size(self, request: Request) -> int | None:
        # DRF falls back to the default size on a page_size it cannot read; the schema says a positive integer, so
        # anything else is a 400 (a larger size is capped at max_page_size, as before).
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isascii() and value.isdigit() and int(value) >= 1):
            raise serializers.ValidationError({self.page_size_query_param: [gettext("Must be a whole number from 1.")]})
        return super().get_page_size(request)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, object]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = f"Results per page, from 1 (more than {self.max_page_size}: capped)."
        return parameters
