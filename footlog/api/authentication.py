from __future__ import annotations

from typing import Any

from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.request import Request

from footlog.i18n import activate_for


class SessionTokenAuthentication(XSessionTokenAuthentication):  # type: ignore[misc]  # allauth: no type hints
    """allauth's headless `X-Session-Token`; names itself in WWW-Authenticate so anonymous calls get 401.
    A token's user speaks their chosen language, as a session's does (footlog/i18n.py)."""

    def authenticate(self, request: Request) -> Any:
        result = super().authenticate(request)
        if result is not None:
            activate_for(result[0])
        return result

    def authenticate_header(self, request: Request) -> str:
        return "X-Session-Token"


class SessionTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]  # drf-spectacular: unannotated __init_subclass__
    target_class = SessionTokenAuthentication
    name = "sessionToken"

    def get_security_definition(self, auto_schema: object) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}
