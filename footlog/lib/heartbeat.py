"""A job's heartbeat: a thread that stamps the job's row every FOOTLOG_JOB_HEARTBEAT_S seconds while the job runs.

A worker killed mid-job (kill -9, out of memory) stops stamping; the sweep (every minute) re-queues a running job
whose stamp is older than FOOTLOG_JOB_STALE_S (issue 22: the user waited 10 minutes before). The stamp is a
conditional UPDATE the caller gives, so a job re-queued or deleted meanwhile is not touched.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


@contextmanager
def beating(stamp: Callable[[], object], every: float | None = None) -> Iterator[None]:
    """Call `stamp()` now and then every `every` seconds (FOOTLOG_JOB_HEARTBEAT_S) until the block ends."""
    interval = float(every or settings.FOOTLOG_JOB_HEARTBEAT_S)
    stop = threading.Event()

    def run() -> None:
        try:
            while not stop.wait(interval):
                try:
                    stamp()
                except Exception:  # a missed beat is not the job's failure; the next one tries again
                    logger.warning("job heartbeat failed", exc_info=True)
        finally:
            connection.close()  # this thread's own connection

    stamp()
    thread = threading.Thread(target=run, name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=interval + 5)
