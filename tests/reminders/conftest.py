from __future__ import annotations

import base64
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from reminders.services import enqueue


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@dataclass
class BrowserKeys:
    """What a browser holds for one push subscription: its private key and auth secret."""

    private_key: ec.EllipticCurvePrivateKey
    auth: bytes

    @property
    def p256dh(self) -> str:
        point = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return b64url(point)

    def subscription_json(self, endpoint: str) -> dict[str, Any]:
        return {
            "endpoint": endpoint,
            "expirationTime": None,
            "keys": {"p256dh": self.p256dh, "auth": b64url(self.auth)},
        }


@pytest.fixture
def browser_keys() -> Callable[[], BrowserKeys]:
    return lambda: BrowserKeys(ec.generate_private_key(ec.SECP256R1()), os.urandom(16))


@pytest.fixture
def enqueued(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """Capture the send batches the services enqueue instead of handing them to a broker."""
    batches: list[list[int]] = []
    monkeypatch.setattr(enqueue, "sends", lambda ids, countdown=None: batches.append(list(ids)) if ids else None)
    monkeypatch.setattr(enqueue, "nudges", lambda items: None)
    return batches
