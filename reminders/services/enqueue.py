"""Handing work to the broker: the one place the services enqueue Celery tasks (tests capture it here)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from django.db import transaction

SEND_BATCH = 100  # deliveries per send task: one SMTP connection / HTTP session per lane serves them all


def sends(delivery_ids: Sequence[int], countdown: int | None = None) -> None:
    """Enqueue send tasks for `delivery_ids` once the current transaction commits (at once outside one)."""
    from reminders.tasks import send_deliveries

    for start in range(0, len(delivery_ids), SEND_BATCH):
        chunk = list(delivery_ids[start : start + SEND_BATCH])
        if countdown:
            transaction.on_commit(partial(send_deliveries.apply_async, (chunk,), countdown=countdown))
        else:
            send_deliveries.delay_on_commit(chunk)  # type: ignore[attr-defined]  # Celery 5.4+, not in the stubs


def nudges(items: Sequence[tuple[int, str]]) -> None:
    """Enqueue the visit-nudge decisions for (reminder id, local date ISO) pairs."""
    from reminders.tasks import evaluate_visit_nudges

    for start in range(0, len(items), SEND_BATCH):
        batch: list[list[int | str]] = [list(item) for item in items[start : start + SEND_BATCH]]
        evaluate_visit_nudges.delay_on_commit(batch)  # type: ignore[attr-defined]  # Celery 5.4+, not in the stubs
