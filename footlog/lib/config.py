"""Strict parsing of environment variables: a malformed value is a start-up error naming the variable."""

from __future__ import annotations

import ipaddress
import os
import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off", ""}


def parse_bool(name: str, *, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def parse_list(name: str, *, default: str) -> list[str]:
    raw = os.environ.get(name, default)
    items = [item.strip() for item in raw.split(",")]
    if not all(items):
        raise ImproperlyConfigured(f"{name} must be a comma separated list without empty items, not {raw!r}")
    return items


def parse_url(name: str, *, default: str, schemes: tuple[str, ...] = ("http", "https")) -> str:
    raw = os.environ.get(name, default).strip()
    parts = urlsplit(raw)
    # sqlite:////abs/path has no host; every other scheme we accept needs one.
    if parts.scheme not in schemes or not (parts.netloc or parts.scheme == "sqlite"):
        raise ImproperlyConfigured(f"{name} must be a {'/'.join(schemes)} URL, not {raw!r}")
    return raw.rstrip("/")


def local_base_url() -> str:
    """Where links point when FOOTLOG_PUBLIC_URL is unset: the app `make run` started, on `PORT` (default 8000),
    at `HOST` when that is a name, else at localhost (an address such as 127.0.0.1 or 0.0.0.0 is no place for a
    link in a mail)."""
    raw_port = os.environ.get("PORT", "").strip() or "8000"
    if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
        raise ImproperlyConfigured(f"PORT must be a port number, not {raw_port!r}")
    host = os.environ.get("HOST", "").strip()
    if not host or _is_address(host):
        host = "localhost"
    return f"http://{host}:{int(raw_port)}"


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def parse_optional_url(name: str, *, schemes: tuple[str, ...]) -> str | None:
    if not os.environ.get(name, "").strip():
        return None
    return parse_url(name, default="", schemes=schemes)


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
