"""End to end with real parts: PostgreSQL, Redis, a Celery worker (and beat) process and an SMTP sink."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.utils import timezone

from footlog.celery import ping
from reminders import services
from reminders.models import Delivery, DeliveryAttempt, Kind, PushSubscription, Reminder
from reminders.tasks import send_deliveries
from tests.reminders.fake_push import FakePushService, serve
from tests.support.services import Process, SmtpSink, free_port, start_celery, wait_for

pytestmark = [pytest.mark.services, pytest.mark.timeout(300)]


def start_worker(tmp_path: Path, smtp_port: int) -> Process:
    """A real worker whose mail goes to the test's sink (the child reads EMAIL_URL from its environment)."""
    # The fake push service below lives on loopback: only an allow-listed host may be reached there.
    worker = start_celery(
        "worker", tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}", FOOTLOG_PUSH_ALLOWED_HOSTS="127.0.0.1"
    )
    try:
        assert ping.delay("ready").get(timeout=60) == "ready"
    except Exception:
        print(worker.output())
        worker.stop()
        raise
    return worker


@pytest.fixture
def mail_worker(transactional_db, postgres, redis_service, smtp_sink, tmp_path) -> Iterator[Process]:
    worker = start_worker(tmp_path, smtp_sink.port)
    yield worker
    worker.stop()


def drain() -> None:
    """Wait until the worker has taken everything queued before this call (one process, FIFO queue)."""
    assert ping.delay("drained").get(timeout=60) == "drained"


def enable(user, at: dt.time, channels=("email",)) -> None:
    services.preferences_update(
        user,
        {"enabled": True, "time": at, "timezone": user.timezone, "channels": list(channels), "weekly_photo": False},
    )


def beat_schedule_ticking_at(path: Path, when: dt.datetime) -> None:
    """Leave the schedule file a beat leaves when it last ticked one interval before `when`: the beat started on it
    ticks first at `when` (or at once if that has passed) instead of a whole minute after it starts, as a fresh
    interval schedule does. Beat still reads the file, decides the tick is due and sends it."""
    from celery.beat import PersistentScheduler
    from celery.schedules import schedule

    from footlog.celery import app

    scheduler = PersistentScheduler(app=app, schedule_filename=str(path), lazy=True)
    scheduler.setup_schedule()
    assert "reminders-tick" in scheduler.schedule
    for entry in scheduler.schedule.values():
        if isinstance(entry.schedule, schedule):
            entry.last_run_at = when - entry.schedule.run_every
    scheduler.close()


@pytest.mark.xdist_group("servers")  # starts servers or beat: never two at once (make test runs -n 2)
def test_reminder_due_at_local_time_produces_exactly_one_mail(mail_worker, smtp_sink, make_user, tmp_path) -> None:
    """The one test of beat itself: the tick reaches the worker through beat (the others call the tick's task)."""
    user = make_user(timezone="America/New_York")
    local_now = timezone.now().astimezone(ZoneInfo("America/New_York"))
    due = local_now.replace(second=0, microsecond=0)  # this local minute, so due at beat's first tick
    # Set while the clock read a minute earlier, as the user would have set it then (the next occurrence is this
    # minute); beat's first tick comes as beat starts (beat_schedule_ticking_at), not a minute after it: no wait
    # for a minute to turn.
    with time_machine.travel(due - dt.timedelta(minutes=1), tick=False):
        enable(user, due.time())
    assert Reminder.objects.get(user=user, kind=Kind.DAILY_LOG).next_fire_at == due
    beat_schedule_ticking_at(tmp_path / "beat-schedule", timezone.now())
    beat = start_celery(
        "beat", tmp_path, "-s", str(tmp_path / "beat-schedule"), EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}"
    )
    try:
        wait_for(lambda: smtp_sink.to(user.email), timeout=150, interval=0.2)
    except AssertionError:
        print(beat.output(), mail_worker.output())
        raise
    finally:
        beat.stop()
    assert "Sending due task reminders-tick" in beat.output()
    drain()
    [mail] = smtp_sink.to(user.email)
    assert mail["Subject"] == "Time for today's footlog"
    delivery = Delivery.objects.get(user=user)
    assert delivery.status == "sent"
    assert delivery.local_date == due.date()  # the user's date, not UTC's
    assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 1


def test_same_delivery_enqueued_ten_times_is_sent_once(mail_worker, smtp_sink, make_user) -> None:
    user = make_user()
    enable(user, dt.time(8, 0))
    delivery = Delivery.objects.create(
        user=user, kind="daily_log", local_date=dt.date(2026, 11, 24), channel="email", next_attempt_at=timezone.now()
    )
    for _ in range(10):
        send_deliveries.delay([delivery.pk])
    drain()
    assert len(smtp_sink.to(user.email)) == 1
    assert DeliveryAttempt.objects.filter(delivery=delivery).count() == 1


class GateSink(SmtpSink):
    """Once `hold_at` messages have arrived, holds every further recipient (before any message data is sent)
    until the test lets them go."""

    def __init__(self, hold_at: int) -> None:
        super().__init__()
        self.hold_at, self.holding, self.release = hold_at, False, False

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:
        while len(self.messages) >= self.hold_at and not self.release:
            self.holding = True
            await asyncio.sleep(0.05)
        envelope.rcpt_tos.append(address)
        return "250 OK"


def pool_children(worker: Process) -> list[int]:
    pid = worker.popen.pid
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_worker_killed_mid_batch_loses_nothing_and_sends_nothing_twice(
    transactional_db, postgres, redis_service, make_user, tmp_path
) -> None:
    sink = GateSink(hold_at=3)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    worker = start_worker(tmp_path, controller.port)
    try:
        users = [make_user() for _ in range(8)]
        for user in users:
            enable(user, dt.time(8, 0))
        ids = [
            Delivery.objects.create(
                user=u,
                kind="daily_log",
                local_date=dt.date(2026, 11, 24),
                channel="email",
                next_attempt_at=timezone.now(),
            ).pk
            for u in users
        ]
        send_deliveries.delay(ids)  # one batch, one task (split over send lanes inside the worker)
        wait_for(lambda: sink.holding, timeout=60)
        [child] = pool_children(worker)
        os.kill(child, signal.SIGKILL)  # the pool process dies in the middle of the batch
        wait_for(lambda: pool_children(worker) and pool_children(worker) != [child], timeout=30)
        time.sleep(1)  # whatever the dead process had fully sent has arrived by now
        sent_before_kill = Counter(str(m["To"]) for m in sink.messages)
        sink.release = True
        wait_for(lambda: Delivery.objects.filter(pk__in=ids, status="sent").count() == len(ids), timeout=90)
        drain()
        received = Counter(str(m["To"]) for m in sink.messages)
        killed_before_send = [u.email for u in users if u.email not in sent_before_kill]
        assert killed_before_send, "the kill should land before some sends"
        # Nothing lost; nothing sent twice whose send had not happened when the worker died. A mail whose data
        # the server had taken may come again: its "sent" mark died with the process (at most once per lane).
        assert all(received[email] == 1 for email in killed_before_send), (received, worker.output())
        assert all(1 <= received[u.email] <= 2 for u in users), received
        assert sum(received.values()) - len(users) <= services.SEND_LANES
    finally:
        worker.stop()
        controller.stop()


@pytest.fixture
def push_service() -> Iterator[FakePushService]:
    service = FakePushService()
    server = serve(service)
    yield service
    server.shutdown()
    server.server_close()


def test_push_through_the_worker_and_410_removes_the_subscription(
    mail_worker, push_service, make_user, browser_keys, settings
) -> None:
    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ("127.0.0.1",)
    user = make_user()
    keys = browser_keys()
    push_service.keys["/wpush/e2e"] = keys
    services.push_subscription_save(
        user, push_service.url("/wpush/e2e"), keys.p256dh, keys.subscription_json("")["keys"]["auth"]
    )
    enable(user, dt.time(8, 0), channels=("push",))
    first = Delivery.objects.create(
        user=user, kind="daily_log", local_date=dt.date(2026, 11, 24), channel="push", next_attempt_at=timezone.now()
    )
    send_deliveries.delay([first.pk])
    drain()
    assert push_service.errors == []
    assert [r.payload["title"] for r in push_service.received] == ["Time for today's footlog"]
    push_service.status = 410
    second = Delivery.objects.create(
        user=user, kind="daily_log", local_date=dt.date(2026, 11, 25), channel="push", next_attempt_at=timezone.now()
    )
    send_deliveries.delay([second.pk])
    drain()
    assert not PushSubscription.objects.filter(user=user).exists()
    assert Delivery.objects.get(pk=second.pk).status == "failed"
