"""Beat's liveness: every finished `reminders.tick` run records when it ran, in the shared cache.

The tick is enqueued by beat and run by a worker, so a recent tick proves beat, the broker and a worker all work.
`manage.py beat_check` reads the age for a process manager; a tick every minute makes 180 s a safe limit.
"""

from __future__ import annotations

import logging
import time

from celery.signals import task_postrun
from django.core.cache import cache

logger = logging.getLogger(__name__)

TICK_TASK = "reminders.tick"
KEY = "ops:heartbeat:reminders.tick"


def record_tick(at: float | None = None) -> None:
    try:
        cache.set(KEY, at if at is not None else time.time(), timeout=None)
    except Exception:  # the tick's work is done; only its record is lost
        logger.warning("could not record the tick's time", exc_info=True)


def last_tick_age(now: float | None = None) -> float | None:
    """Seconds since the last recorded tick, or None when none is recorded."""
    at = cache.get(KEY)
    if not isinstance(at, int | float):
        return None
    return max(0.0, (now if now is not None else time.time()) - float(at))


def _on_task_postrun(sender: object = None, state: str | None = None, **kwargs: object) -> None:
    if getattr(sender, "name", None) == TICK_TASK and state == "SUCCESS":
        record_tick()


def connect() -> None:

    task_postrun.connect(_on_task_postrun, weak=False, dispatch_uid="footlog.ops.heartbeat")
