"""One error shape for the whole API: {"detail": "...", "errors": {"field": ["message"]}, "code": "..."}
(`errors` and `code` optional; `code` is a stable machine name such as `consent_required`).

`detail` and the field messages speak the request's language (the account's choice, else Accept-Language, else
English: footlog/i18n.py); `code` and the field names never change with it. DRF's own messages come from DRF's
catalogs, except the few footlog's catalog words the same (formal German, the gate's wording)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404, JsonResponse
from django.utils.translation import gettext, gettext_noop
from rest_framework import exceptions
from rest_framework.response import Response

from footlog.lib.errors import (
    Conflict,
    FootlogError,
    InvalidInput,
    PayloadTooLarge,
    PreconditionFailed,
    QuotaExceeded,
    ServiceUnavailable,
)

__all__ = [
    "Conflict",
    "PayloadTooLarge",
    "PreconditionFailed",
    "QuotaExceeded",
    "error_body",
    "exception_handler",
    "json_error",
]


# DRF's msgids whose German in DRF's catalog says "du" ("Stelle sicher, ...", "Gib ... ein"): named here so that
# makemessages puts them in footlog's catalog, whose formal rows (locale/translations/api.py) win over DRF's. The
# rest of DRF's catalog (de, es) is used as it ships.
DRF_REWORDED = (
    gettext_noop("Ensure that there are no more than {max_decimal_places} decimal places."),
    gettext_noop("Ensure that there are no more than {max_digits} digits in total."),
    gettext_noop("Ensure that there are no more than {max_whole_digits} digits before the decimal point."),
    gettext_noop("Ensure this field has at least {min_length} characters."),
    gettext_noop("Ensure this filename has at most {max_length} characters (it has {length})."),
    gettext_noop("Ensure this value is greater than or equal to {min_value}."),
    gettext_noop("Ensure this value is less than or equal to {max_value}."),
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a valid email address."),
)


def _as_api_exception(exc: FootlogError) -> exceptions.APIException:
    """A domain error as the DRF exception of its status, so DRF's handler (rollback included) answers it."""
    if isinstance(exc, InvalidInput):
        return exceptions.ValidationError(exc.errors)
    api = exceptions.APIException(exc.detail)
    api.status_code = exc.status_code
    api.extra = {**({"code": exc.code} if exc.code else {}), **exc.extra}  # type: ignore[attr-defined]  # read back below (error_body extra)
    if isinstance(exc, ServiceUnavailable):
        api.wait = exc.retry_after  # type: ignore[attr-defined]  # DRF's handler turns `wait` into Retry-After
    return api


def _flatten(detail: object) -> object:
    """Turn DRF's nested ErrorDetail structures into plain strings, lists and dicts."""
    if isinstance(detail, dict):
        return {str(key): _flatten(value) for key, value in detail.items()}
    if isinstance(detail, list):
        return [_flatten(item) for item in detail]
    return str(detail)


def _as_message_lists(errors: Mapping[str, object]) -> dict[str, list[object] | dict[str, object]]:
    return {field: value if isinstance(value, (list, dict)) else [value] for field, value in errors.items()}


def error_body(detail: str, errors: Mapping[str, object] | None = None, **extra: object) -> dict[str, object]:
    body: dict[str, object] = {"detail": detail}
    if errors:
        body["errors"] = errors
    body.update(extra)
    return body


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    # Imported here: rest_framework.views loads DEFAULT_PARSER_CLASSES (footlog.api.parsers), which imports
    # this module, so a top-level import breaks any process that imports a service before DRF's views.
    from rest_framework.views import exception_handler as drf_exception_handler

    """DRF's handler, then the body reshaped to {"detail", "errors"}; Django's own errors mapped to 4xx."""
    if isinstance(exc, FootlogError):
        exc = _as_api_exception(exc)
    elif isinstance(exc, RequestDataTooBig):
        exc = _as_api_exception(PayloadTooLarge())
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()  # DRF's "Not found.", in its catalog's words
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    data = _flatten(response.data)
    if isinstance(exc, exceptions.ValidationError):
        response.data = _validation_body(data)
    else:
        detail = data.get("detail", gettext("Error.")) if isinstance(data, dict) else str(data)
        response.data = error_body(str(detail), **getattr(exc, "extra", {}))
    return response


def _validation_body(data: object) -> dict[str, object]:
    errors = _as_message_lists(data if isinstance(data, dict) else {"non_field_errors": data})
    if list(errors) == ["non_field_errors"]:
        return error_body("; ".join(map(str, errors["non_field_errors"])), errors)
    return error_body(gettext("Some fields are invalid."), errors)


def json_error(detail: str, status_code: int) -> JsonResponse:
    """For plain Django views (URL not found, server error) under /api/."""
    return JsonResponse(error_body(detail), status=status_code)
