"""The server's VAPID identity for Web Push: from the environment, else generated once into the data dir."""

from __future__ import annotations

import base64
import contextlib
import os
import tempfile
from dataclasses import dataclass
from email.utils import parseaddr
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
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


def _default_subject() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@localhost"
    return f"mailto:{address}"


@lru_cache(maxsize=1)
def identity() -> VapidIdentity:
    private = os.environ.get("VAPID_PRIVATE_KEY", "").strip()
    public = os.environ.get("VAPID_PUBLIC_KEY", "").strip()
    subject = os.environ.get("VAPID_SUBJECT", "").strip() or _default_subject()
    if not subject.startswith(("mailto:", "https://")):
        raise ImproperlyConfigured("VAPID_SUBJECT must be a mailto: or https: URL")
    if bool(private) != bool(public):
        raise ImproperlyConfigured("Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither")
    if private:
        try:
            vapid = Vapid02.from_string(private)
        except Exception as exc:
            raise ImproperlyConfigured("VAPID_PRIVATE_KEY is not a base64url P-256 private key") from exc
        if _public_key_of(vapid) != public.rstrip("="):
            raise ImproperlyConfigured("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY")
    else:
        vapid = _generated_key(Path(settings.DATA_DIR) / KEY_FILE)
    return VapidIdentity(vapid=vapid, public_key=_public_key_of(vapid), subject=subject)
