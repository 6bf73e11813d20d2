from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from footlog.api.errors import PayloadTooLarge
from footlog.lib.jsonbody import MAX_DEPTH, TooDeep, loads_strict


def bad_json(detail: str) -> ParseError:
    """400 with the stable code `bad_json` (the import answers the same code for its JSON)."""
    error = ParseError(detail)
    error.extra = {"code": "bad_json"}  # type: ignore[attr-defined]  # read by footlog.api.errors
    return error


class BoundedJSONParser(JSONParser):
    """JSON parser that refuses bodies over FOOTLOG_MAX_JSON_BYTES with 413 instead of reading them.

    DRF reads the raw stream, which bypasses Django's DATA_UPLOAD_MAX_MEMORY_SIZE, so the limit lives here; the
    nesting is bounded too (footlog/lib/jsonbody.py), so a deep body is a 400, not a RecursionError.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        limit = settings.FOOTLOG_MAX_JSON_BYTES
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise PayloadTooLarge(gettext("The JSON body is over %(kb)s KB.") % {"kb": limit // 1024})
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge(gettext("The JSON body is over %(kb)s KB.") % {"kb": limit // 1024})
        try:
            data = loads_strict(raw.decode((parser_context or {}).get("encoding") or settings.DEFAULT_CHARSET))
        except (RecursionError, TooDeep):
            raise bad_json(
                gettext("The JSON body nests deeper than %(depth)s levels.") % {"depth": MAX_DEPTH}
            ) from None
        except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, NotFinite, an integer too long to read
            raise bad_json(gettext("JSON parse error - %(error)s") % {"error": str(exc)[:200]}) from None
        if not isinstance(data, (dict, list)):
            raise bad_json(gettext("The JSON body must be an object."))
        return data
