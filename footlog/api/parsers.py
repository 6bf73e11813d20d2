from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from footlog.api.errors import PayloadTooLarge
from footlog.lib.jsonbody import MAX_DEPTH, TooDeep, check_depth


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
            raise PayloadTooLarge(f"The JSON body is over {limit // 1024} KB.")
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise PayloadTooLarge(f"The JSON body is over {limit // 1024} KB.")
        try:
            data = check_depth(super().parse(io.BytesIO(raw), media_type, parser_context))
        except (RecursionError, TooDeep):
            raise ParseError(f"The JSON body nests deeper than {MAX_DEPTH} levels.") from None
        if not isinstance(data, (dict, list)):
            raise ParseError("The JSON body must be an object.")
        return data
