"""Thin Celery tasks: ids in, one service call. Each is harmless when run twice (see services.py)."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from reminders import services

TASK_OPTIONS = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}


@shared_task(name="reminders.tick", **TASK_OPTIONS)
def tick() -> int:
    """Run by beat every minute: claim due reminders, then re-enqueue deliveries whose message was lost."""
    return services.dispatch_due() + services.requeue_stuck()


@shared_task(name="reminders.send_deliveries", **TASK_OPTIONS)
def send_deliveries(delivery_ids: list[int]) -> dict[str, int]:
    return dict(services.deliver(delivery_ids, lanes=services.SEND_LANES))


@shared_task(name="reminders.evaluate_visit_nudges", **TASK_OPTIONS)
def evaluate_visit_nudges(items: list[list]) -> int:
    """`items` are [reminder id, local date ISO] pairs."""
    return sum(services.visit_nudge_evaluate(int(rid), dt.date.fromisoformat(day)) for rid, day in items)
