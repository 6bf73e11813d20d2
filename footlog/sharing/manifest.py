"""The public SMART Health Link endpoints of a share: the manifest (POST) and its one file (GET).

Per the IG (SMART Health Cards and Links, STU1):
- `POST /shl/{manifest id}` with `{"recipient", "passcode"?, "embeddedLengthMax"?}` answers 200
  `{"files": [{"contentType": "application/fhir+json", "location" | "embedded"}]}`; a wrong (or missing) passcode
  401 `{"remainingAttempts": n}`, each wrong one counting down the share's one counter; an unknown, revoked,
  expired or locked link 404; a malformed request 400. Nothing of the share is read before the link is open
  and the request well formed.
- `location` is short-lived (an hour) and single-use: `/shl/file/{ticket}`, a signed ticket naming the share,
  which answers the compact JWE as `application/jose` while the share is still open (else 404).

Both are made for browser receivers too: CSRF-exempt (no cookie is involved), `Access-Control-Allow-Origin: *`,
preflights answered. Each answer is `private, no-store` and counts against the share pages' per-client limit.
Every manifest answer and file fetch goes into the share's access log; paths are redacted from logs
(footlog/lib/logredact.py).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from footlog.lib.client_ip import client_ip
from footlog.lib.jsonbody import loads_bounded
from footlog.lib.links import absolute_url
from footlog.lib.private import private_response
from footlog.lib.ratelimit import rate_limit_hit
from footlog.sharing import selectors, services, shl, tokens
from footlog.sharing.models import Share
from footlog.sharing.pages import DEFAULT_RATE_PER_MINUTE

MAX_BODY_BYTES = 4096  # a recipient, a passcode and a number: anything longer is not a manifest request
RECIPIENT_MAX = 256
TICKET_SECONDS = 3600  # the IG: location URLs expire within an hour
TICKET_SALT = "footlog.shl.file"


def _cors(response: HttpResponse, methods: str) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = methods
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Access-Control-Max-Age"] = "86400"
    return private_response(response, no_referrer=True, noindex=True)


def _error(status: int, message: str, **extra: object) -> JsonResponse:
    return JsonResponse({"error": message, **extra}, status=status)


def _not_found() -> JsonResponse:
    return _error(404, "This link is unknown, expired or no longer active.")


View = Callable[..., HttpResponse]


def shl_endpoint(method: str) -> Callable[[View], View]:
    """CSRF-exempt, CORS-open, rate-limited, answering OPTIONS itself and 405 to any other method."""
    allowed = f"{method}, OPTIONS"

    def decorate(view: View) -> View:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, **kwargs: str) -> HttpResponse:
            if request.method == "OPTIONS":
                response: HttpResponse = HttpResponse(status=204)
            elif request.method != method:
                response = _error(405, "Method not allowed.")
                response["Allow"] = allowed
            elif rate_limit_hit(
                "share",
                client_ip(request),
                limit=getattr(settings, "FOOTLOG_SHARE_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE),
            ):
                response = _error(429, "Too many requests; wait a minute.")
                response["Retry-After"] = "60"
            else:
                response = view(request, **kwargs)
            return _cors(response, allowed)

        return wrapper

    return decorate


class BadRequest(ValueError):
    pass


def _manifest_request(request: HttpRequest) -> dict[str, Any]:
    """The request's `recipient`, `passcode` and `embeddedLengthMax`, checked; BadRequest names the problem."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise BadRequest("Bad Content-Length.") from None
    if length > MAX_BODY_BYTES:
        raise BadRequest("The request body is too large.")
    try:
        raw = request.body
    except RequestDataTooBig:
        raise BadRequest("The request body is too large.") from None
    if len(raw) > MAX_BODY_BYTES:
        raise BadRequest("The request body is too large.")
    try:
        body = loads_bounded(raw, max_depth=4)
    except (ValueError, UnicodeDecodeError):  # JSONDecodeError and TooDeep are ValueErrors
        raise BadRequest("The body is not JSON.") from None
    if not isinstance(body, dict):
        raise BadRequest("The body must be a JSON object.")
    recipient = body.get("recipient")
    if not isinstance(recipient, str) or not recipient.strip():
        raise BadRequest("`recipient` (a non-empty string) is required.")
    if len(recipient) > RECIPIENT_MAX:
        raise BadRequest(f"`recipient` has at most {RECIPIENT_MAX} characters.")
    passcode = body.get("passcode")
    if passcode is not None and not isinstance(passcode, str):
        raise BadRequest("`passcode` must be a string.")
    limit = body.get("embeddedLengthMax")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise BadRequest("`embeddedLengthMax` must be a non-negative integer.")
    return {"recipient": recipient, "passcode": passcode, "embedded_max": limit}


def _open_share_by_manifest_id(manifest_id: str) -> Share | None:
    if not tokens.well_formed(manifest_id):
        return None
    share = selectors.share_by_shl_id_hash(tokens.token_hash(manifest_id))
    return share if share is not None and share.is_open() else None


def _file_url(request: HttpRequest, share: Share) -> str:
    ticket = signing.dumps({"s": str(share.pk), "n": secrets.token_urlsafe(12)}, salt=TICKET_SALT, compress=True)
    return absolute_url(reverse("shl-file", kwargs={"ticket": ticket}), request)


@shl_endpoint("POST")
def shl_manifest(request: HttpRequest, manifest_id: str) -> HttpResponse:
    try:
        body = _manifest_request(request)
    except BadRequest as problem:
        return _error(400, str(problem))
    share = _open_share_by_manifest_id(manifest_id)
    if share is None:
        return _not_found()
    who = (client_ip(request), request.headers.get("User-Agent", ""))
    if share.has_passcode:
        if body["passcode"] is None:
            return _error(401, "This link needs its passcode.", remainingAttempts=share.passcode_attempts_left)
        result = services.share_passcode_try(share, body["passcode"])
        if result.locked:
            return _not_found()  # locked meanwhile: gone, like a revoked link
        if not result.ok:
            services.share_access_record(share, *who, "bad-passcode", recipient=body["recipient"])
            return _error(401, "Wrong passcode.", remainingAttempts=result.remaining)
    found = selectors.share_ciphertext(share.pk)
    if found is None:
        return _not_found()
    services.share_access_record(share, *who, "shl-manifest", recipient=body["recipient"])
    _, jwe = found
    entry: dict[str, str] = {"contentType": shl.FHIR_JSON}
    if body["embedded_max"] is not None and len(jwe) <= body["embedded_max"]:
        entry["embedded"] = jwe
    else:
        entry["location"] = _file_url(request, share)
    return JsonResponse({"files": [entry]})


@shl_endpoint("GET")
def shl_file(request: HttpRequest, ticket: str) -> HttpResponse:
    try:
        claim = signing.loads(ticket, salt=TICKET_SALT, max_age=TICKET_SECONDS)
        share_id, nonce = str(claim["s"]), str(claim["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError, json.JSONDecodeError):
        return _not_found()
    found = selectors.share_ciphertext(share_id)
    if found is None or not found[0].is_open():
        return _not_found()
    # Single use: the first fetch takes the ticket (the cache outlives its hour).
    if not cache.add(f"shl-ticket:{nonce}", 1, timeout=TICKET_SECONDS + 60):
        return _not_found()
    share, jwe = found
    services.share_access_record(share, client_ip(request), request.headers.get("User-Agent", ""), "shl-file")
    response = HttpResponse(jwe, content_type=shl.JOSE)
    response["X-Content-Type-Options"] = "nosniff"
    return response
