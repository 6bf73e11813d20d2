"""The shared cache on Redis that survives Redis going away.

Rate limits (allauth's, the share link's, account deletion's) and cached timelines live in the Django cache.
When Redis is unreachable, every cache call used to raise and the request answered 500 (login included). This
backend falls back to a per-process memory cache for a few seconds at a time, with a warning: limits then
count per process (stricter than none, never open) until Redis answers again.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import redis
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5.0  # how long to use the memory cache before trying Redis again
FALLBACK_ENTRIES = 10_000


def redis_cache_settings(url: str, *, key_prefix: str = "footlog") -> dict[str, object]:
    """The CACHES entry for the shared cache on Redis at `url` (settings.py and the outage tests use it)."""
    return {
        "BACKEND": "footlog.lib.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix,
        # Fail fast: a request waits at most this long for a Redis that is gone before falling back.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict[str, object]) -> None:
        super().__init__(server, params)
        self._fallback = LocMemCache(f"footlog-fallback-{id(self)}", {"OPTIONS": {"MAX_ENTRIES": FALLBACK_ENTRIES}})
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _either(self, name: str, *args: object, **kwargs: object) -> Any:  # a cached value: Any in BaseCache too
        """Call `name` on Redis, or on the per-process cache while Redis is (recently found) unreachable."""
        if time.monotonic() >= self._down_until:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except (redis.ConnectionError, redis.TimeoutError) as exc:
                self._mark_down(exc)
        return getattr(self._fallback, name)(*args, **kwargs)

    def _mark_down(self, exc: Exception) -> None:
        with self._lock:
            first = time.monotonic() >= self._down_until
            self._down_until = time.monotonic() + RETRY_AFTER_SECONDS
        if first:
            logger.warning(
                "Redis cache unreachable (%s): rate limits and cached results use a per-process memory cache "
                "for %.0f s",
                type(exc).__name__,
                RETRY_AFTER_SECONDS,
            )

    def add(self, *args: object, **kwargs: object) -> bool:
        return bool(self._either("add", *args, **kwargs))

    def get(self, *args: object, **kwargs: object) -> Any:
        return self._either("get", *args, **kwargs)

    def set(self, *args: object, **kwargs: object) -> None:
        self._either("set", *args, **kwargs)

    def touch(self, *args: object, **kwargs: object) -> bool:
        return bool(self._either("touch", *args, **kwargs))

    def delete(self, *args: object, **kwargs: object) -> bool:
        return bool(self._either("delete", *args, **kwargs))

    def get_many(self, *args: object, **kwargs: object) -> dict[str, object]:
        return dict(self._either("get_many", *args, **kwargs))

    def has_key(self, *args: object, **kwargs: object) -> bool:
        return bool(self._either("has_key", *args, **kwargs))

    def incr(self, *args: object, **kwargs: object) -> int:
        return int(self._either("incr", *args, **kwargs))

    def set_many(self, *args: object, **kwargs: object) -> list[str]:
        return list(self._either("set_many", *args, **kwargs) or [])

    def delete_many(self, *args: object, **kwargs: object) -> None:
        self._either("delete_many", *args, **kwargs)

    def clear(self) -> None:
        self._either("clear")
