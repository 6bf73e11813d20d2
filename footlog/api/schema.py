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
from footlog.lib.dates import known_timezones

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


# footlog's calendar (footlog/lib/dates.py), as a pattern the schema can state: 1900-01-01 to 2999-12-31.
DATE_PATTERN = r"^(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
DATE_BOUNDS = "A date from 1900-01-01 to 2999-12-31 (footlog's calendar)."
# Bodies that refuse a field they do not know (the others ignore unknown fields, as DRF does).
CLOSED_BODIES = ("PatchedPhotoPatchInRequest", "PatchedVisitPatchInRequest")
# Rules between fields, which JSON Schema cannot state: said in the body's description (the server's 400 names them).
VISIT_RULES = "A visit had is not after today, a booked one at most a year ahead; review_on is not before date."
RANGE_RULE = "`from` must not be after `to`, and the range may span at most five years."
CROSS_FIELD_RULES = {
    "TimelineSettingsIORequest": "book_after_days must not be less than consider_after_days.",
    "RoutineStepInRequest": "A trigger is not scored: its target_per_week can only be 0.",
    "EntryCreateInRequest": "Each site may appear once per entry; the date may not be after the account's today.",
    "EntryInRequest": "Each site may appear once per entry; the date may not be after the account's today.",
    "PatchedEntryInRequest": "Each site may appear once per entry; the date may not be after the account's today.",
    "PatchedVisitPatchInRequest": VISIT_RULES,
    "VisitInRequest": VISIT_RULES,
}
# DRF's CharField refuses the NUL character (ProhibitNullCharactersValidator): every free text in a body says so.
NO_NUL_PATTERN = "^[^\\u0000]*$"


def _bound_dates(node: Any) -> None:
    """Every input date (request bodies and query parameters) carries the calendar's bounds."""
    if isinstance(node, dict):
        if node.get("type") == "string" and node.get("format") == "date" and "pattern" not in node:
            node["pattern"] = DATE_PATTERN
            node["description"] = " ".join(filter(None, [node.get("description"), DATE_BOUNDS]))
        for value in node.values():
            _bound_dates(value)
    elif isinstance(node, list):
        for value in node:
            _bound_dates(value)


def _free_text(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and not {"format", "enum", "pattern"} & node.keys():
            node["pattern"] = NO_NUL_PATTERN
        for key, value in node.items():
            if key != "enum":
                _free_text(value)
    elif isinstance(node, list):
        for value in node:
            _free_text(value)


def _state_the_rules(schemas: dict[str, Any]) -> None:

    for name, component in schemas.items():
        if not name.endswith("Request"):
            continue
        properties = component.get("properties", {})
        rules = [CROSS_FIELD_RULES.get(name, "")]
        if "from" in properties and "to" in properties:
            rules.append(RANGE_RULE)
        if any(rules):
            component["description"] = " ".join(filter(None, [component.get("description"), *rules]))
        # A time zone is one of the names footlog knows (footlog.lib.dates.known_timezones).
        if properties.get("timezone", {}).get("type") == "string":
            properties["timezone"]["enum"] = sorted(known_timezones())
        _free_text(component)
    # An entry's observations: footlog/diary/schema.py (a hook of the diary's own; the API plumbing sits below it).
    # Each reminder channel may appear once (reminders/serializers.py).
    channels = schemas.get("PreferencesInRequest", {}).get("properties", {}).get("channels")
    if channels is not None:
        channels["uniqueItems"] = True
    # A multipart field cannot carry null: the photo's site is a site key, blank or left out.
    site = schemas.get("PhotoInRequest", {}).get("properties", {}).get("site")
    if site is not None:
        site.pop("nullable", None)
        site["oneOf"] = [choice for choice in site.get("oneOf", []) if not choice.get("$ref", "").endswith("/NullEnum")]


def _require_a_body_with_required_fields(operation: dict[str, Any], schemas: dict[str, Any]) -> None:
    """A body with a required field cannot be left out: the request says so (drf-spectacular leaves PATCH bodies
    and bodies written out by hand optional)."""
    body = operation.get("requestBody")
    if not body:
        return
    for content in body.get("content", {}).values():
        schema = content.get("schema", {})
        ref = schema.get("$ref", "")
        if ref:
            schema = schemas.get(ref.rsplit("/", 1)[-1], {})
        if schema.get("required"):
            body["required"] = True


def _state_the_consent_version(schemas: dict[str, Any]) -> None:
    """POST account/consent takes the current consent text's version only: the schema names it."""
    from accounts.consent import CONSENT_VERSION  # the app's module, loaded once the apps are

    version = schemas.get("ConsentInRequest", {}).get("properties", {}).get("version")
    if version is not None:
        version["enum"] = [CONSENT_VERSION]
        version["description"] = "The current consent text's version (GET account/ names it)."


def document_errors(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"])."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, component in schemas.items():
        if name.endswith("Request"):
            _bound_dates(component)
        if name in CLOSED_BODIES:
            component["additionalProperties"] = False
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict):
                _bound_dates(operation.get("parameters", []))
                _require_a_body_with_required_fields(operation, schemas)
                names = {parameter.get("name") for parameter in operation.get("parameters", [])}
                if {"from", "to"} <= names:
                    operation["description"] = " ".join(filter(None, [operation.get("description"), RANGE_RULE]))
    _state_the_consent_version(schemas)
    _state_the_rules(schemas)
    result["components"]["schemas"]["Error"] = ERROR_SCHEMA
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
