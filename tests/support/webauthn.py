"""A software passkey for tests: makes the WebAuthn registration and assertion JSON a browser would send.

Built from fido2's own data classes and an EC P-256 key, so allauth's server side (fido2.server) checks real
signatures, challenges, origins and RP ID hashes. Only the authenticator (the phone) is simulated.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2.cose import ES256
from fido2.utils import websafe_encode
from fido2.webauthn import Aaguid, AttestationObject, AttestedCredentialData, AuthenticatorData, CollectedClientData

FLAG = AuthenticatorData.FLAG


@dataclass
class SoftPasskey:
    """One discoverable credential for `rp_id`, used from `origin`."""

    rp_id: str = "localhost"
    origin: str = "http://localhost"
    key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))
    credential_id: bytes = field(default_factory=lambda: os.urandom(32))
    user_handle: bytes = b""
    counter: int = 0

    def _rp_hash(self) -> bytes:
        return hashlib.sha256(self.rp_id.encode()).digest()

    def create(self, creation_options: dict[str, Any]) -> dict[str, Any]:
        """The `navigator.credentials.create()` result as JSON for allauth's `creation_options`."""
        options = creation_options["publicKey"]
        self.user_handle = _b64decode(options["user"]["id"])
        cose = ES256.from_cryptography_key(self.key.public_key())
        attested = AttestedCredentialData.create(Aaguid.NONE, self.credential_id, cose)
        auth_data = AuthenticatorData.create(self._rp_hash(), FLAG.UP | FLAG.UV | FLAG.AT, self.counter, attested)
        client_data = CollectedClientData.create("webauthn.create", options["challenge"], self.origin)
        attestation = AttestationObject.create("none", auth_data, {})
        return {
            "type": "public-key",
            "id": websafe_encode(self.credential_id),
            "rawId": websafe_encode(self.credential_id),
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": websafe_encode(client_data),
                "attestationObject": websafe_encode(attestation),
                "transports": ["internal"],
            },
            "clientExtensionResults": {"credProps": {"rk": True}},
        }

    def get(self, request_options: dict[str, Any], *, user_handle: bytes | None = None) -> dict[str, Any]:
        """The `navigator.credentials.get()` result as JSON for allauth's `request_options`, signed by this key.
        `user_handle` overrides the account the assertion names (an attacker's edit)."""
        options = request_options["publicKey"]
        self.counter += 1
        auth_data = AuthenticatorData.create(self._rp_hash(), FLAG.UP | FLAG.UV, self.counter)
        client_data = CollectedClientData.create("webauthn.get", options["challenge"], self.origin)
        signature = self.key.sign(bytes(auth_data) + hashlib.sha256(client_data).digest(), ec.ECDSA(hashes.SHA256()))
        return {
            "type": "public-key",
            "id": websafe_encode(self.credential_id),
            "rawId": websafe_encode(self.credential_id),
            "authenticatorAttachment": "platform",
            "response": {
                "clientDataJSON": websafe_encode(client_data),
                "authenticatorData": websafe_encode(auth_data),
                "signature": websafe_encode(signature),
                "userHandle": websafe_encode(self.user_handle if user_handle is None else user_handle),
            },
            "clientExtensionResults": {},
        }


def _b64decode(text: str) -> bytes:
    from fido2.utils import websafe_decode

    return websafe_decode(text)
