"""Strict parsing of environment variables: a malformed value is a start-up error naming the variable."""

from __future__ import annotations

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
