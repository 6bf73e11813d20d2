"""Handing work to the broker: the one place the services enqueue Celery tasks (tests capture it here).

By name (footlog.lib.tasks): reminders/tasks.py imports the services, never the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence

from footlog.lib.tasks import enqueue

SEND_TASK = "reminders.send_deliveries"
NUDGE_TASK = "reminders.evaluate_visit_nudges"
SEND_BATCH = 100  # deliveries per send task: one SMTP connection / HTTP session per lane serves them all


def sends(delivery_ids: Sequence[int], countdown: int | None = None) -> None:
    """Enqueue send tasks for `delivery_ids` once the current transaction commits (at once outside one)."""
    for start in range(0, len(delivery_ids), SEND_BATCH):
        enqueue(SEND_TASK, list(delivery_ids[start : start + SEND_BATCH]), countdown=countdown or None)


def nudges(items: Sequence[tuple[int, str]]) -> None:
    """Enqueue the visit-nudge decisions for (reminder id, local date ISO) pairs."""
    for start in range(0, len(items), SEND_BATCH):
        batch: list[list[int | str]] = [list(item) for item in items[start : start + SEND_BATCH]]
        enqueue(NUDGE_TASK, batch)
