from __future__ import annotations

from allauth.headless.contrib.rest_framework.authentication import XSessionTokenAuthentication
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.request import Request


class SessionTokenAuthentication(XSessionTokenAuthentication):  # type: ignore[misc]  # allauth: no type hints
    """allauth's headless `X-Session-Token`; names itself in WWW-Authenticate so anonymous calls get 401."""

    def authenticate_header(self, request: Request) -> str:
        return "X-Session-Token"


class SessionTokenScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]  # drf-spectacular: unannotated __init_subclass__
    target_class = SessionTokenAuthentication
    name = "sessionToken"

    def get_security_definition(self, auto_schema: object) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}
