"""footlog.lib.tasks: tasks handed to Celery by name, after the commit; run in-process when eager."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis
from celery import current_app
from django.conf import settings
from django.db import transaction

from footlog.lib import tasks


@pytest.fixture
def broker(redis_service: str) -> Any:
    """The real Redis broker's connection and the queue tasks go to; the test's messages are removed after."""
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    before = client.llen(queue)
    yield client, queue, before
    while client.llen(queue) > before:
        client.lpop(queue)


def queued_task_names(client: Any, queue: str, count: int) -> list[tuple[str, str]]:
    messages = [json.loads(raw) for raw in client.lrange(queue, 0, count - 1)]
    return [(m["headers"]["task"], m["headers"]["argsrepr"]) for m in messages]


@pytest.mark.django_db(transaction=True)
def test_enqueue_waits_for_the_commit_and_sends_by_name(broker: Any) -> None:
    client, queue, before = broker
    with transaction.atomic():
        tasks.enqueue("footlog.ping", "after-commit")
        assert client.llen(queue) == before, "nothing is sent before the commit"
    assert client.llen(queue) == before + 1
    assert queued_task_names(client, queue, 1) == [("footlog.ping", "['after-commit']")]


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_transaction_sends_nothing(broker: Any) -> None:
    client, queue, before = broker
    with pytest.raises(RuntimeError), transaction.atomic():
        tasks.enqueue("footlog.ping", "rolled-back")
        raise RuntimeError
    assert client.llen(queue) == before


def test_send_runs_the_registered_task_in_process_when_eager(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    task = current_app.tasks["footlog.ping"]
    monkeypatch.setattr(task, "run", lambda value: ran.append(value) or value)
    monkeypatch.setattr(current_app, "send_task", lambda *a, **k: pytest.fail("published although eager"))
    current_app.conf.task_always_eager = True
    try:
        tasks.send("footlog.ping", "eager")
    finally:
        current_app.conf.task_always_eager = False
    assert ran == ["eager"]
