"""A local stand-in for a browser vendor's push service (the one thing outside the machine).

It checks what a real one checks (RFC 8292 VAPID JWT signed by the key in `k`, audience, expiry, TTL, the
aes128gcm encoding) and decrypts the payload (RFC 8291) with the subscription's private key.
"""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import http_ece
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def _unb64(value: str) -> bytes:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    claims: dict[str, Any]
    vapid_key: str
    payload: dict[str, Any]


@dataclass
class FakePushService:
    keys: dict[str, Any] = field(default_factory=dict)  # path → BrowserKeys
    status: int = 201
    received: list[Received] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def handle(self, path: str, headers: dict[str, str], body: bytes) -> int:
        try:
            claims, vapid_key = verify_vapid(headers.get("authorization", ""), f"http://127.0.0.1:{self.port}")
            assert int(headers["ttl"]) > 0, "TTL header missing"
            assert headers.get("content-encoding") == "aes128gcm", "wrong Content-Encoding"
            browser = self.keys[path]
            plain = http_ece.decrypt(
                body, private_key=browser.private_key, auth_secret=browser.auth, version="aes128gcm"
            )
            self.received.append(Received(path, headers, claims, vapid_key, json.loads(plain)))
        except Exception as exc:  # the test asserts on `errors`
            self.errors.append(f"{type(exc).__name__}: {exc}")
            return 400
        return self.status


def verify_vapid(authorization: str, audience: str) -> tuple[dict[str, Any], str]:
    """Check `vapid t=<jwt>,k=<key>` like a push service does; return the claims and the key."""
    scheme, _, params = authorization.partition(" ")
    assert scheme.lower() == "vapid", f"not a VAPID Authorization: {scheme!r}"
    parts = dict(item.strip().split("=", 1) for item in params.split(","))
    token, key = parts["t"], parts["k"]
    header_b64, claims_b64, signature_b64 = token.split(".")
    assert json.loads(_unb64(header_b64))["alg"] == "ES256"
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), _unb64(key))
    raw = _unb64(signature_b64)
    signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public.verify(signature, f"{header_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))  # raises if forged
    claims = json.loads(_unb64(claims_b64))
    assert claims["aud"] == audience, f"audience {claims['aud']!r}"
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600, "exp must be within 24 hours"
    assert claims["sub"].startswith(("mailto:", "https://")), "sub must be a contact"
    return claims, key


def serve(service: FakePushService) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            status = service.handle(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    service.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class SilentListener:
    """A push endpoint that accepts connections and never answers (on 127.0.0.1); records what it got."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.received = b""
        self.held: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            self.held.append(conn)
            threading.Thread(target=self._read, args=(conn,), daemon=True).start()

    def _read(self, conn: socket.socket) -> None:
        while True:
            try:
                chunk = conn.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            self.received += chunk

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()
