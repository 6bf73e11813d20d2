"""Fixed-window request counting in the shared cache, for limits of footlog's own (allauth keeps its own).

The cache is Redis when configured; while Redis is unreachable it is a per-process memory cache
(footlog/lib/cache.py), so a limit then counts per process instead of failing open or answering 500.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone


def rate_limit_hit(scope: str, client: str, *, limit: int, window_seconds: int = 60) -> bool:
    """Count one request of `client` (an IP, a user id) in a fixed window; True when it is over `limit`.

    The client is hashed with the secret key before it becomes a cache key, so no cache dump holds it either.
    """
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()[:24]
    window = int(timezone.now().timestamp()) // window_seconds
    key = f"rl:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=window_seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window_seconds * 2)
        count = 1
    return count > limit
