"""Forget what is cached about one user after a write that the cache's own fingerprint cannot see.

The timeline caches its results per user with a fingerprint of the diary (entries), so entry writes are seen at
once; a recorded visit is not part of that fingerprint. Apps below the timeline (clinical) must not import it,
so they call `user_caches_forget`, which reaches the forgetters by dotted name, the way tasks are enqueued by
name: nothing here imports an app.
"""

from __future__ import annotations

import logging

from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# Each takes a user id and drops everything cached for that user (see the named function's contract).
FORGETTERS = ("footlog.timeline.services.timeline_cache_forget",)


def user_caches_forget(user_id: int) -> None:
    """Drop the user's cached results. A cache that is down only delays fresh figures until they expire (≤ 6 h),
    so a failure is logged, never raised: the write that called this is already stored."""
    for name in FORGETTERS:
        try:
            import_string(name)(user_id)
        except Exception:  # any cache backend error, or an app not installed
            logger.warning("cache forget failed: %s", name, exc_info=True)
