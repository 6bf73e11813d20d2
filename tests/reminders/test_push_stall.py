"""One user's silent push endpoints do not stall another user's reminder (issue 13, item 2).

Real parts: PostgreSQL, a private redis-server, a real Celery worker process (one pool process, as on a small
deployment), the real send task and an SMTP sink. Outside the machine, faked on 127.0.0.1: 20 push endpoints
that accept connections and never answer, and one push service that does answer.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from footlog.celery import app
from reminders import services
from reminders.models import Delivery, PushSubscription
from reminders.tasks import send_deliveries
from tests.reminders.fake_push import FakePushService, SilentListener, serve
from tests.support.services import Process, start_celery, start_private_redis, wait_for

pytestmark = [pytest.mark.services, pytest.mark.slow, pytest.mark.timeout(420)]
DAY = dt.date(2026, 11, 24)
BOUND = 60  # seconds the silent endpoints may add to another user's reminder


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[str]:
    """The broker of this test alone: the worker's queue holds nothing of anyone else's."""
    process, port = start_private_redis(tmp_path)
    yield f"redis://127.0.0.1:{port}/0"
    process.stop()


@pytest.fixture
def worker(transactional_db, postgres, private_redis, smtp_sink, tmp_path: Path) -> Iterator[Process]:
    process = start_celery(
        "worker",
        tmp_path,
        REDIS_URL=private_redis,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}",
        FOOTLOG_PUSH_ALLOWED_HOSTS="127.0.0.1",  # the endpoints below live on loopback
    )
    try:
        wait_for(lambda: " ready" in process.output(), timeout=90, interval=0.2)
        yield process
    finally:
        process.stop()


@pytest.fixture
def silent_endpoints() -> Iterator[list[SilentListener]]:
    listeners = [SilentListener() for _ in range(20)]
    yield listeners
    for listener in listeners:
        listener.close()


@pytest.fixture
def push_service() -> Iterator[FakePushService]:
    service = FakePushService()
    server = serve(service)
    yield service
    server.shutdown()
    server.server_close()


def push_user(make_user: Any, endpoints: dict[str, Any]) -> Delivery:
    """A user subscribed at `endpoints` (endpoint → browser keys) whose push reminder is due now."""
    user = make_user()
    for endpoint, keys in endpoints.items():
        services.push_subscription_save(user, endpoint, keys.p256dh, keys.subscription_json("")["keys"]["auth"])
    services.preferences_update(user, {"enabled": True, "channels": ["push"], "weekly_photo": False})
    return Delivery.objects.create(
        user=user, kind="daily_log", local_date=DAY, channel="push", next_attempt_at=timezone.now()
    )


def victim_delay(broker: str, sink: Any, make_user: Any, first: Delivery) -> float:
    """Seconds from enqueuing `first`'s send and then a victim's email reminder until the victim's mail arrives."""
    victim = make_user()
    services.preferences_update(victim, {"enabled": True, "weekly_photo": False})
    mail = Delivery.objects.create(
        user=victim, kind="daily_log", local_date=DAY, channel="email", next_attempt_at=timezone.now()
    )
    with app.connection_for_write(broker) as connection:
        started = time.monotonic()
        send_deliveries.apply_async(([first.pk],), connection=connection)
        send_deliveries.apply_async(([mail.pk],), connection=connection)
    wait_for(lambda: sink.to(victim.email), timeout=300, interval=0.1)
    return time.monotonic() - started


def test_twenty_silent_push_endpoints_do_not_delay_another_users_reminder(
    worker, private_redis, smtp_sink, make_user, browser_keys, settings, silent_endpoints, push_service
) -> None:
    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ("127.0.0.1",)
    push_service.keys["/wpush/fine"] = keys = browser_keys()
    fine = push_user(make_user, {push_service.url("/wpush/fine"): keys})
    baseline = victim_delay(private_redis, smtp_sink, make_user, fine)

    endpoints = {f"http://127.0.0.1:{s.port}/wpush/{n}": browser_keys() for n, s in enumerate(silent_endpoints)}
    silent = push_user(make_user, endpoints)
    assert PushSubscription.objects.filter(user=silent.user).count() == services.MAX_PER_USER
    stalled = victim_delay(private_redis, smtp_sink, make_user, silent)
    print(f"victim's reminder after {baseline:.1f} s without the silent endpoints, {stalled:.1f} s with them")
    assert stalled - baseline <= BOUND, worker.output()[-4000:]
    silent.refresh_from_db()
    assert silent.attempts == 1 and silent.status == "retry"  # counted, and it will end at the attempt cap
    assert push_service.received and push_service.errors == []
