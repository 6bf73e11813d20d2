"""The one parser of footlog's environment variables (footlog/settings.py reads nothing else).

Strict on purpose: a malformed or out-of-range value is a start-up error whose message names the variable and
says what it accepts, rather than a traceback from deep inside a library or a value that is silently clamped.
An empty variable means its default, like an unset one.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import os
import re
import secrets
import time
from collections.abc import Sequence
from email.utils import parseaddr
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import environ
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def _raw(name: str) -> str | None:
    """The variable's value without surrounding blanks, or None when it is unset or empty."""
    value = os.environ.get(name, "").strip()
    return value or None


def _refuse(name: str, expected: str, raw: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{name} must be {expected}, not {raw!r}")


def parse_str(name: str, *, default: str) -> str:
    return _raw(name) or default


def parse_token(name: str, *, min_length: int) -> str:
    """A secret such as a bearer token: empty when unset, else at least `min_length` characters without blanks."""
    raw = _raw(name)
    if raw is None:
        return ""
    if len(raw) < min_length or any(c.isspace() for c in raw):
        raise ImproperlyConfigured(f"{name} must be at least {min_length} characters without blanks")
    return raw


def parse_bool(name: str, *, default: bool) -> bool:
    raw = _raw(name)
    if raw is None:
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise _refuse(name, "true or false", raw)


def parse_debug_only_bool(name: str, *, debug: bool) -> bool:
    """A development switch (default off) that may only be turned on together with DJANGO_DEBUG."""
    value = parse_bool(name, default=False)
    if value and not debug:
        raise ImproperlyConfigured(f"{name} may only be true with DJANGO_DEBUG=true (it is for development)")
    return value


def parse_int(name: str, min: int, max: int, *, default: int) -> int:
    """A whole number from `min` to `max` inclusive (the bounds are part of the variable's contract)."""
    raw = _raw(name)
    if raw is None:
        return default
    expected = f"a whole number from {min} to {max}"
    try:
        value = int(raw)
    except ValueError:
        raise _refuse(name, expected, raw) from None
    if not min <= value <= max:
        raise _refuse(name, expected, raw)
    return value


def parse_choice(name: str, choices: Sequence[str], *, default: str, case_sensitive: bool = False) -> str:
    """One of `choices`, returned as spelled there (`info` is INFO unless `case_sensitive`)."""
    raw = _raw(name)
    if raw is None:
        return default
    for choice in choices:
        if raw == choice or (not case_sensitive and raw.lower() == choice.lower()):
            return choice
    raise _refuse(name, f"one of {', '.join(choices)}", raw)


def parse_queue_name(name: str, *, default: str) -> str:
    """A Celery queue name: letters, digits, dots, dashes and underscores (1-64)."""
    raw = _raw(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[A-Za-z0-9_.-]{1,64}", raw):
        raise _refuse(name, "a queue name of letters, digits, '.', '-' or '_' (at most 64)", raw)
    return raw


def parse_list(name: str, *, default: str) -> list[str]:
    """Comma separated items; an empty default means an empty list when the variable is unset."""
    raw = _raw(name) or default
    if not raw:
        return []
    items = [item.strip() for item in raw.split(",")]
    if not all(items):
        raise _refuse(name, "a comma separated list without empty items", raw)
    return items


def parse_path(name: str, *, default: Path) -> Path:
    return Path(_raw(name) or default).resolve()


def parse_url(name: str, *, default: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    raw = _raw(name) or default
    parts = urlsplit(raw)
    # sqlite:////abs/path has no host; every other scheme we accept needs one.
    if parts.scheme not in schemes or not (parts.netloc or parts.scheme == "sqlite"):
        raise _refuse(name, f"a {'/'.join(schemes)} URL", raw)
    return raw.rstrip("/")


def parse_optional_url(name: str, *, schemes: tuple[str, ...]) -> str | None:
    if _raw(name) is None:
        return None
    return parse_url(name, default="", schemes=schemes)


def parse_database_url(name: str, *, default: str) -> dict[str, Any]:
    """Django's DATABASES entry from a postgres:// or sqlite:// URL."""
    url = parse_optional_url(name, schemes=("postgres", "postgresql", "sqlite")) or default
    try:
        return dict(environ.Env.db_url_config(url))
    except Exception as exc:  # django-environ raises a variety of errors for bad URLs
        raise ImproperlyConfigured(f"{name} is not a valid database URL: {exc}") from exc


def parse_email_url(name: str, *, default: str) -> dict[str, Any]:
    """Django's EMAIL_* settings from a django-environ mail URL (smtp://, consolemail://, ...)."""
    try:
        return dict(environ.Env.email_url_config(_raw(name) or default))
    except Exception as exc:
        raise ImproperlyConfigured(f"{name} is not a valid mail URL: {exc}") from exc


def parse_from_address(name: str, *, default: str) -> str:
    """A mail sender such as `footlog <no-reply@example.org>` or a bare address."""
    raw = _raw(name) or default
    _, address = parseaddr(raw)
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise _refuse(name, "a mail address such as 'footlog <no-reply@example.org>'", raw)
    return raw


def _b64url_bytes(name: str, raw: str, length: int) -> bytes:

    try:
        decoded = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
    except (binascii.Error, ValueError):
        decoded = b""
    if len(decoded) != length:
        raise _refuse(name, f"the base64url of {length} raw bytes", raw[:12] + "…")
    return decoded


def parse_vapid(*, default_subject: str) -> dict[str, str]:
    """The Web Push identity: VAPID_PRIVATE_KEY and VAPID_PUBLIC_KEY (both or neither; base64url raw P-256 keys,
    the public one the private one's) and VAPID_SUBJECT (mailto: or https:). Empty keys mean "generate one into
    the data dir" (reminders/vapid.py). Checked here, at start-up, not at the first push."""

    private, public = _raw("VAPID_PRIVATE_KEY") or "", _raw("VAPID_PUBLIC_KEY") or ""
    subject = _raw("VAPID_SUBJECT") or default_subject
    if not subject.startswith(("mailto:", "https://")):
        raise _refuse("VAPID_SUBJECT", "a mailto: or https: URL", subject)
    if bool(private) != bool(public):
        missing = "VAPID_PUBLIC_KEY" if private else "VAPID_PRIVATE_KEY"
        raise ImproperlyConfigured(f"{missing} is not set: set both VAPID keys, or neither")
    if private:
        scalar = int.from_bytes(_b64url_bytes("VAPID_PRIVATE_KEY", private, 32), "big")
        try:
            key = ec.derive_private_key(scalar, ec.SECP256R1())
        except ValueError as exc:
            raise _refuse("VAPID_PRIVATE_KEY", "a P-256 private key", private[:12] + "…") from exc
        point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        if _b64url_bytes("VAPID_PUBLIC_KEY", public, 65) != point:
            raise ImproperlyConfigured("VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY")
    return {"private_key": private, "public_key": public.rstrip("="), "subject": subject}


def local_base_url() -> str:
    """Where links point when FOOTLOG_PUBLIC_URL is unset: the app `make run` started, on the port it was given
    (`FOOTLOG_RUN_PORT`, which the Makefile exports once for every process; else `PORT`, default 8000), at `HOST`
    when that is a name, else at localhost (an address such as 127.0.0.1 or 0.0.0.0 is no place for a link in a
    mail).

    `FOOTLOG_RUN_PORT` comes first because honcho hands each process its own `PORT` (web 8101, worker 8201, beat
    8301): built from `PORT`, a mail sent by the worker linked to a port nothing listens on."""
    port = parse_int("FOOTLOG_RUN_PORT", 1, 65535, default=parse_int("PORT", 1, 65535, default=8000))
    host = parse_str("HOST", default="localhost")
    if _is_address(host):
        host = "localhost"
    return f"http://{host}:{port}"


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def generated_secret(path: Path) -> str:
    """Return the secret stored at `path`, creating it (owner-readable only) on first use."""
    try:
        # O_EXCL: when web, worker and beat start together exactly one of them writes the key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_when_written(path)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


def _read_when_written(path: Path) -> str:
    for _ in range(50):
        value = path.read_text().strip()
        if value:
            return value
        time.sleep(0.02)
    raise ImproperlyConfigured(f"{path} is empty; delete it to generate a new secret")
