"""Thin Celery tasks: ids in, one service call. Each is harmless when run twice (see services/).

acks_late + reject_on_worker_lost: a worker that dies mid-task gets the message redelivered, not lost.
"""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from reminders import services
from reminders.services.enqueue import NUDGE_TASK, SEND_TASK


@shared_task(name="reminders.tick", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def tick() -> int:
    """Run by beat every minute: claim due reminders, then re-enqueue deliveries whose message was lost."""
    return services.dispatch_due() + services.requeue_stuck()


@shared_task(name=SEND_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def send_deliveries(delivery_ids: list[int]) -> dict[str, int]:
    return dict(services.deliver(delivery_ids, lanes=services.SEND_LANES))


@shared_task(name=NUDGE_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def evaluate_visit_nudges(items: list[list[int | str]]) -> int:
    """`items` are [reminder id, local date ISO] pairs."""
    return sum(services.visit_nudge_evaluate(int(rid), dt.date.fromisoformat(str(day))) for rid, day in items)


@shared_task(name="reminders.visit_recorded", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def visit_recorded(user_id: int) -> None:
    """Enqueued by name by footlog.clinical.services when a visit is recorded or changed."""
    services.visit_nudge_reset(int(user_id))
