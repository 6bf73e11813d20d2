"""Handing work to Celery by the task's name: a service never imports its app's tasks (which import the service).

`enqueue` sends once the current transaction commits (at once outside one), so a worker never looks for a row
that is not committed yet; `send` sends now, for callers that must know whether the broker took the message
(and withdraw their job when it did not). Names route as before (`CELERY_TASK_ROUTES` matches names). When
`task_always_eager` is on, `send_task` would still publish: the registered task runs in-process instead, as
`.delay()` would have done.
"""

from __future__ import annotations

from functools import partial

from celery import current_app
from django.db import transaction


def send(name: str, *args: object, countdown: float | None = None) -> None:
    """Hand task `name` to the broker now; the broker's connection errors reach the caller."""
    if current_app.conf.task_always_eager:
        current_app.tasks[name].apply(args=args)
        return
    # No result is kept (every task footlog enqueues ignores its result): send_task would otherwise subscribe to
    # the result backend, and a broker that is down would raise its RuntimeError instead of the connection error.
    current_app.send_task(name, args=list(args), countdown=countdown, ignore_result=True)


def enqueue(name: str, *args: object, countdown: float | None = None) -> None:
    """`send` once the current transaction commits (at once outside one)."""
    transaction.on_commit(partial(send, name, *args, countdown=countdown))
