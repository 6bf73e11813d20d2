"""Request log: one structured line per request, with the route pattern instead of the path.

Paths can carry secrets (share links `/share/<token>/`, unsubscribe tokens), so the log names the URL pattern
that matched (`share/<str:token>/`) and never the path, the query string, headers or bodies.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBadRequest, HttpResponseBase
from django.utils.functional import SimpleLazyObject, empty

from footlog.lib.client_ip import client_ip
from footlog.lib.jsonbody import TooDeep, loads_bounded
from footlog.lib.metrics import observe_request
from footlog.lib.private import private_response

logger = logging.getLogger("footlog.request")


def _route(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return str(match.route)
    if request.path_info.startswith(settings.STATIC_URL):
        return "<static>"
    return "<unmatched>"


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, without loading a session only to log it."""
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    """Outermost middleware: times the whole stack and logs method, route, view, status, duration, user id
    and the client's address (as our trusted proxies report it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        began = time.perf_counter()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        status = response.status_code
        elapsed = time.perf_counter() - began
        observe_request(_route(request), request.method or "", status, elapsed)
        # Probes (/healthz, /readyz) come every few seconds and a 503 there is an answer, not an error.
        probe = getattr(response, "footlog_probe", False)
        logger.log(
            logging.DEBUG if probe else logging.ERROR if status >= 500 else logging.INFO,
            "%s %s %s",
            request.method,
            _route(request),
            status,
            extra={
                "event": "request",
                "method": request.method,
                "route": _route(request),
                "view": match.view_name if match else None,
                "status": status,
                "duration_ms": round(elapsed * 1000, 1),
                "user": _user_id(request),
                "client_ip": client_ip(request),
            },
        )
        return response


class HeadlessJsonDepthMiddleware:
    """allauth's headless views json.loads their bodies unbounded: a deeply nested body raised RecursionError
    (500) before any login. Such a body gets what allauth answers to any body it cannot parse: a bare 400."""

    PREFIX = "/_allauth/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info.startswith(self.PREFIX) and request.method != "GET" and request.body:
            try:
                loads_bounded(request.body)
            except TooDeep:
                return HttpResponseBadRequest()
            except ValueError:
                pass  # malformed JSON: allauth answers it itself, in its own way
        return self.get_response(request)


class PrivateApiMiddleware:
    """Every answer under /api/v1/ is `Cache-Control: private, no-store`: nearly all carry health data (entries,
    photos, timeline, exports, shares, account), and a rule per view would sooner or later miss one."""

    PREFIX = "/api/v1/"

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        return private_response(response) if request.path_info.startswith(self.PREFIX) else response
