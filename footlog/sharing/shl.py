"""SMART Health Links (HL7 SMART Health Cards and Links IG, STU1) for share links: the payload and the JWE.

- The payload is `{url, key, exp, flag, label, v}`: `url` the manifest URL (its last segment is a manifest id of
  256 random bits), `key` 32 random bytes base64url (43 characters), `exp` the share's expiry in epoch seconds,
  `flag` "P" when a passcode is set (never "L": the content is fixed at creation, there is nothing to poll for),
  `label` at most 80 characters and naming only the range, `v` 1. The link is `shlink:/` + base64url(JSON),
  unpadded.
- The file is the share's FHIR Bundle as a compact JWE: `alg` "dir", `enc` "A256GCM", `cty`
  "application/fhir+json", made with joserfc. It is encrypted once, when the share is made; footlog keeps the
  ciphertext and never the key, so the stored row alone decrypts nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets

from django.utils.translation import gettext
from joserfc import jwe
from joserfc.jwk import OctKey

from footlog.timeline.analysis.wording import day_text, short_day

KEY_BYTES = 32
LABEL_MAX = 80
FHIR_JSON = "application/fhir+json"
JOSE = "application/jose"
PROTECTED = {"alg": "dir", "enc": "A256GCM", "cty": FHIR_JSON}


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def encrypt(plaintext: bytes, key: bytes) -> str:
    """The compact JWE of `plaintext` (a FHIR JSON document) under `key` (32 bytes, used directly)."""
    return jwe.encrypt_compact(dict(PROTECTED), plaintext, OctKey.import_key(key), algorithms=["dir", "A256GCM"])


def decrypt(token: str, key: bytes) -> bytes:
    """The plaintext of a compact JWE made by `encrypt`; joserfc's errors when the key or the token is wrong."""
    return jwe.decrypt_compact(token, OctKey.import_key(key), algorithms=["dir", "A256GCM"]).plaintext or b""


def label(start: dt.date, end: dt.date) -> str:
    """E.g. "footlog history 1 Sep – 30 Nov 2026" (in the active language: the viewer shows it to the reader): the
    range only, no condition and no name (≤ 80 characters)."""
    first = day_text(start) if start.year != end.year else short_day(start)
    span = day_text(end) if start == end else f"{first} – {day_text(end)}"
    return (gettext("footlog history %(range)s") % {"range": span})[:LABEL_MAX]


def payload(url: str, key: bytes, expires_at: dt.datetime, *, passcode: bool, label_text: str) -> dict[str, object]:
    out: dict[str, object] = {"url": url, "key": b64url(key), "exp": int(expires_at.timestamp())}
    if passcode:
        out["flag"] = "P"
    out["label"] = label_text[:LABEL_MAX]
    out["v"] = 1
    return out


def shlink(data: dict[str, object]) -> str:
    """`shlink:/` + base64url of the payload's JSON, unpadded."""
    return "shlink:/" + b64url(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode())


def shlink_decode(link: str) -> dict[str, object]:
    """The payload of a `shlink:/…` (also inside a viewer URL `https://…#shlink:/…`)."""
    encoded = link.split("shlink:/", 1)[1]
    data = json.loads(b64url_decode(encoded))
    if not isinstance(data, dict):
        raise ValueError("not a SMART Health Link payload")
    return data
