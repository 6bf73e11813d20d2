"""The client's address, the one way: allauth's rate limits, the share limiter and the request log all ask here.

Behind `FOOTLOG_TRUSTED_PROXIES` proxies of our own (deploy/nginx.conf is one), each appends the address it saw to
`X-Forwarded-For`, so the client is the entry that many places from the right; whatever stands further left was
written by the client and may be forged. With 0 (the default: gunicorn faces the clients) the header is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address of the client that made `request`, never a value the client can choose."""
    remote: str = request.META.get("REMOTE_ADDR", "")
    hops: int = settings.FOOTLOG_TRUSTED_PROXIES
    forwarded: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops <= 0 or not forwarded:
        return remote
    chain = [part.strip() for part in forwarded.split(",")]
    # A shorter chain came past fewer of our proxies than configured: its leftmost entry is still one of theirs.
    candidate = chain[-hops] if len(chain) >= hops else chain[0]
    return candidate if _is_address(candidate) else remote


def _is_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
