"""The OpenAPI schema's error answers: every operation may answer the error shape.

Views document their typical errors (400, 404, 409 ...) but any operation can also answer 401, 404 (a page past
the end), 406, 413, 415 or 429; a `default` response with the error schema says so once for all, and error
responses documented without a body get the schema too, so clients (and schemathesis) can check them.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from footlog.api.permissions import requires_consent

ERROR_SCHEMA = {
    "type": "object",
    "description": 'The API\'s error shape: {"detail", "errors"?, "code"?}',
    "properties": {
        "detail": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {}, "description": "Per field: a list of messages"},
        "code": {"type": "string", "description": "A stable machine name, e.g. consent_required"},
    },
    "required": ["detail"],
}
ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}


def document_errors(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            responses = operation.setdefault("responses", {})
            for status, response in responses.items():
                if status.startswith(("4", "5")) and "content" not in response:
                    response["content"] = ERROR_CONTENT
            responses.setdefault("default", {"description": "An error, in the error shape", "content": ERROR_CONTENT})
    return result


# For views' @extend_schema(responses=...): the hook above gives it the error schema.
ERROR = OpenApiResponse(description='Error: {"detail": "...", "errors": {...}, "code": "..."}')


class FootlogAutoSchema(AutoSchema):
    """drf-spectacular's schema, plus the 403 `consent_required` on every view that checks consent."""

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        if requires_consent(self.view) and "403" not in responses:
            responses["403"] = {
                "description": 'No consent to the current text yet: {"detail": "...", "code": "consent_required"}',
                "content": ERROR_CONTENT,
            }
        return responses
