"""The workplace's network rule, enforced: test traffic goes only to 127.0.0.0/8 or ::1.

`LoopbackOnly` replaces name resolution with a table (IP literals and `localhost` resolve as usual, other names
only as the test says, else "unknown name") and fails any connect outside loopback: the connect raises
`ConnectionRefusedError` and the test fails at teardown, even when the code under test swallowed the error.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import pytest

_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    return True


class LoopbackOnly:
    def __init__(self) -> None:
        self.names: dict[str, list[list[str]]] = {}
        self.refused: list[Any] = []

    def resolve(self, name: str, *addresses: str) -> None:
        """Make `name` resolve to `addresses` (any address: connecting outside loopback still fails)."""
        self.names[name.lower()] = [list(addresses)]

    def rebind(self, name: str, *answers: list[str]) -> None:
        """DNS rebinding: each lookup of `name` gets the next answer; the last one stays."""
        self.names[name.lower()] = [list(answer) for answer in answers]

    def getaddrinfo(self, host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0) -> Any:
        name = host.decode() if isinstance(host, bytes) else host
        if name is None or _is_literal(str(name)) or str(name).lower() in ("localhost", "localhost."):
            return _real_getaddrinfo(host, port, family, type, proto, flags)
        answers = self.names.get(str(name).lower().rstrip("."))
        if answers is None:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known (stubbed resolver)")
        addresses = answers.pop(0) if len(answers) > 1 else answers[0]
        infos = []
        for address in addresses:
            af = socket.AF_INET6 if ":" in address else socket.AF_INET
            if family in (0, af):
                sockaddr = (address, int(port or 0), 0, 0) if af == socket.AF_INET6 else (address, int(port or 0))
                infos.append((af, type or socket.SOCK_STREAM, proto or 6, "", sockaddr))
        return infos

    def allowed(self, address: Any) -> bool:
        if not isinstance(address, tuple):
            return True  # AF_UNIX paths stay on the machine
        try:
            return ipaddress.ip_address(str(address[0]).split("%", 1)[0]).is_loopback
        except ValueError:
            return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Every test (autouse): names resolve only as the test says, and nothing connects outside loopback."""
    guard = LoopbackOnly()

    def connect(sock: socket.socket, address: Any) -> None:
        if not guard.allowed(address):
            guard.refused.append(address)
            raise ConnectionRefusedError(f"test network rule: no connection to {address!r} outside loopback")
        _real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: Any) -> int:
        if not guard.allowed(address):
            guard.refused.append(address)
            return 111
        return _real_connect_ex(sock, address)

    monkeypatch.setattr(socket, "getaddrinfo", guard.getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield guard
    assert guard.refused == [], f"connections attempted outside loopback: {guard.refused}"
