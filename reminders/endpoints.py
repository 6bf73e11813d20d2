"""Where Web Push may connect: the one home of the endpoint rules (SSRF).

A push endpoint is a URL the *browser* hands us, so it is attacker-chosen. At subscribe time it must be https
on a host *name* (no IP literal in any notation, no userinfo, no `localhost`) that does not resolve to a
non-public address (a name that cannot be resolved right now is accepted: the send checks again). At send time
`GuardedSession` checks every resolved address and the connected peer itself, which also defeats DNS
rebinding, and follows no redirect.

`REMINDERS_PUSH_ALLOWED_HOSTS` (env `FOOTLOG_PUSH_ALLOWED_HOSTS`) exempts named hosts from these rules, for a
local test push service only; `manage.py check --deploy` refuses it.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import Any
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# A DNS name: dot-separated LDH labels, a top-level label that is not all digits (so no IPv4 notation passes).
_LABEL = r"(?!-)[a-z0-9-]{1,63}(?<!-)"
_HOST_NAME = re.compile(rf"^(?:{_LABEL}\.)+(?=[a-z0-9-]*[a-z])(?!-)[a-z0-9-]{{1,63}}(?<!-)$")


class AddressNotAllowed(Exception):
    """A push connection would reach a non-public address. Not an OSError, so urllib3 neither retries nor
    wraps it: it reaches the transport as it is."""


def allowed_hosts() -> frozenset[str]:
    return frozenset(host.lower() for host in getattr(settings, "REMINDERS_PUSH_ALLOWED_HOSTS", ()))


def is_public(address: Address) -> bool:
    """Globally routable unicast: not loopback, private, link-local, shared, reserved, multicast or unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def endpoint_problem(url: str) -> str | None:
    """Why `url` cannot be a push endpoint, or None when it can."""
    try:
        parts = urlsplit(url)
        port = parts.port or 443
    except ValueError:
        return gettext("Must be a URL from the browser's push service.")
    host = (parts.hostname or "").lower()
    if host in allowed_hosts() and parts.scheme in ("http", "https"):
        return None
    if parts.scheme != "https" or not host:
        return gettext("Must be an https:// URL from the browser's push service.")
    if "@" in parts.netloc:
        return gettext("Must not carry a user name or password.")
    if not _is_host_name(host):
        return gettext("Must name its host (an IP address is not a push service).")
    if host == "localhost" or host.endswith(".localhost"):
        return gettext("Must be a public push service, not this machine.")
    if any(not is_public(address) for address in _resolve(host, port)):
        return gettext("Must be a public push service: this host resolves to a private or local address.")
    return None


def _is_host_name(host: str) -> bool:
    """True for a DNS name; False for every IP notation (dotted, decimal, hex, octal, short, IPv6)."""
    try:
        socket.inet_aton(host)  # accepts 2130706433, 0x7f000001, 0177.0.0.1, 127.1
    except OSError:
        pass
    else:
        return False
    return bool(_HOST_NAME.match(host))


def _resolve(host: str, port: int) -> list[Address]:
    """Every address `host` resolves to; none when it cannot be resolved now."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def _refuse_private(host: str, port: int, sock: socket.socket | None = None) -> None:
    """Raise `AddressNotAllowed` unless every address of `host` (and the connected peer, when given) is public."""
    if host.lower() in allowed_hosts():
        return
    addresses = _resolve(host, port)
    if sock is not None:
        addresses.append(ipaddress.ip_address(str(sock.getpeername()[0]).split("%", 1)[0]))
    if any(not is_public(address) for address in addresses):
        if sock is not None:
            sock.close()
        raise AddressNotAllowed("push endpoint address is not public")


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        _refuse_private(self.host, self.port)  # before any packet: no SYN to an internal address
        sock = super()._new_conn()
        _refuse_private(self.host, self.port, sock)  # the peer actually reached, after any re-resolution
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        _refuse_private(self.host, self.port)
        sock = super()._new_conn()
        _refuse_private(self.host, self.port, sock)
        return sock


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _GuardedHTTPPool, "https": _GuardedHTTPSPool}


class GuardedSession(requests.Session):
    """The requests session Web Push sends through: public peers only, no redirects, no proxies from the
    environment (a proxy would be the peer, hiding the real one)."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False
        self.mount("https://", _GuardedAdapter())
        self.mount("http://", _GuardedAdapter())

    def get_redirect_target(self, resp: requests.Response) -> str | None:
        return None  # a 3xx is the push service's answer, never a place to go
