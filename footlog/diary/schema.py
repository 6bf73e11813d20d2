"""The diary's part of the OpenAPI schema: a drf-spectacular postprocessing hook (SPECTACULAR_SETTINGS).

It lives here rather than in footlog/api/schema.py because the API's plumbing sits below the apps (it may not
import the diary); this hook runs after footlog.api.schema.document_errors.
"""

from __future__ import annotations

from typing import Any

from footlog.diary.sites import SITE_KEYS


def observation_limits(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict[str, Any]:
    """An entry holds each site at most once (the serializer's max_length, which drf-spectacular leaves out)."""
    schemas = result.get("components", {}).get("schemas", {})
    for name in ("EntryCreateInRequest", "EntryInRequest", "PatchedEntryInRequest"):
        observations = schemas.get(name, {}).get("properties", {}).get("observations")
        if observations is not None:
            observations["maxItems"] = len(SITE_KEYS)
    return result
