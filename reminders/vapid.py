"""The server's VAPID identity for Web Push: from settings.VAPID (checked at start-up by footlog/lib/config.py),
else a key generated once into the data dir."""

from __future__ import annotations

import base64
import contextlib
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from py_vapid import Vapid02

KEY_FILE = "vapid_private.pem"


@dataclass(frozen=True)
class VapidIdentity:
    vapid: Vapid02
    public_key: str  # base64url of the uncompressed P-256 point: the browser's applicationServerKey
    subject: str


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _public_key_of(vapid: Vapid02) -> str:
    return _b64url(
        vapid.public_key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )


def _generated_key(path: Path) -> Vapid02:
    """Read the key at `path`, creating it first if missing.

    The key is written to a temporary file and hard-linked into place: link() fails if the name exists, so
    when web, worker and beat start together exactly one key wins and nobody reads a half-written file.
    """
    if not path.exists():
        fresh = Vapid02()
        fresh.generate_keys()
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vapid-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(fresh.private_pem())
            os.chmod(tmp, 0o600)
            with contextlib.suppress(FileExistsError):  # another process won the race: use its key
                os.link(tmp, path)
        finally:
            os.unlink(tmp)
    return Vapid02.from_pem(path.read_bytes())


@lru_cache(maxsize=1)
def identity() -> VapidIdentity:
    configured = settings.VAPID  # validated at start-up: both keys or neither, the pair matching
    if configured["private_key"]:
        vapid = Vapid02.from_string(configured["private_key"])
    else:
        vapid = _generated_key(Path(settings.DATA_DIR) / KEY_FILE)
    return VapidIdentity(vapid=vapid, public_key=_public_key_of(vapid), subject=configured["subject"])
