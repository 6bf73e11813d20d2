"""Retries and the attempt cap (issue 13, items 2 and 8): a try is counted before the network call, a retry is
due from the time of its failure, the sweep never postpones a due retry, and a slow lane hands its rest on."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection

from reminders import services
from reminders.models import Delivery, DeliveryAttempt
from reminders.services import delivery as delivery_service
from reminders.transports import PUSH_SEND_MAX_SECONDS
from tests.support.services import SmtpSink, free_port

UTC = dt.UTC
DUE = dt.datetime(2026, 11, 24, 19, 30, tzinfo=UTC)


class ClockSink(SmtpSink):
    """An SMTP server on which every message takes `seconds` of the (travelled) clock; `code` < 500 refuses
    the recipient for now (a transient error), 250 accepts it."""

    def __init__(self, traveller: Any, seconds: float, code: int = 250, *, watch: bool = False) -> None:
        super().__init__()
        self.traveller, self.seconds, self.code, self.watch = traveller, seconds, code, watch
        self.seen_attempts: list[int] = []

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if self.watch:  # what another database connection sees while the mail is on the wire
            self.seen_attempts += await asyncio.to_thread(committed_attempts)
        self.traveller.shift(dt.timedelta(seconds=self.seconds))
        if self.code != 250:
            return f"{self.code} busy, try later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def committed_attempts() -> list[int]:
    try:
        return list(Delivery.objects.values_list("attempts", flat=True))
    finally:
        connection.close()


@pytest.fixture
def clock() -> Iterator[Any]:
    with time_machine.travel(DUE, tick=False) as traveller:
        yield traveller


@pytest.fixture
def sink_on(settings: Any) -> Iterator[Any]:
    controllers: list[Controller] = []

    def start(sink: SmtpSink) -> SmtpSink:
        controller = Controller(sink, hostname="127.0.0.1", port=free_port())
        controller.start()
        controllers.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
        return sink

    yield start
    for controller in controllers:
        controller.stop()


def email_deliveries(make_user: Any, n: int) -> list[int]:
    ids = []
    for _ in range(n):
        user = make_user()
        services.preferences_update(user, {"enabled": True, "weekly_photo": False})
        ids.append(
            Delivery.objects.create(
                user=user, kind="daily_log", local_date=DUE.date(), channel="email", next_attempt_at=DUE
            ).pk
        )
    return ids


@pytest.mark.django_db
def test_retry_is_due_from_the_failure_not_from_the_batch_start(make_user, clock, sink_on, enqueued) -> None:
    ids = email_deliveries(make_user, 2)
    sink_on(ClockSink(clock, seconds=40, code=451))  # each try takes 40 s, then fails for now
    assert services.deliver(ids)["retry"] == 2
    first, second = (Delivery.objects.get(pk=pk) for pk in ids)
    # The second one failed 80 s after the batch began: its retry is 30 s after that, not already past.
    assert first.next_attempt_at == DUE + dt.timedelta(seconds=40 + 30)
    assert second.next_attempt_at == DUE + dt.timedelta(seconds=80 + 30)
    assert second.finished_at is None and second.attempts == 1


@pytest.mark.django_db
def test_sweep_never_postpones_a_due_retry(make_user, clock, sink_on, enqueued) -> None:
    [pk] = email_deliveries(make_user, 1)
    sink = sink_on(ClockSink(clock, seconds=0, code=451))
    services.deliver([pk])
    retry_at = Delivery.objects.get(pk=pk).next_attempt_at
    enqueued.clear()  # the countdown message is lost (a broker restart)
    clock.move_to(retry_at + dt.timedelta(minutes=6))
    assert services.requeue_stuck() == 1
    assert enqueued == [[pk]]
    assert Delivery.objects.get(pk=pk).next_attempt_at == retry_at  # still due, not pushed ahead
    sink.code = 250
    assert services.deliver([pk])["sent"] == 1  # the swept message is not "not yet"
    assert services.requeue_stuck() == 0


@pytest.mark.django_db(transaction=True)
def test_try_is_counted_before_the_network_call(make_user, clock, sink_on, enqueued) -> None:
    [pk] = email_deliveries(make_user, 1)
    sink = sink_on(ClockSink(clock, seconds=0, watch=True))
    assert services.deliver([pk])["sent"] == 1
    assert sink.seen_attempts == [1]  # committed while the mail was on the wire (read from another connection)


@pytest.mark.django_db
def test_tries_that_never_reported_back_end_at_the_cap(make_user, clock, sink_on, enqueued) -> None:
    # Five tries started and each killed its worker before marking anything (a hung send, a hard time limit).
    [pk] = email_deliveries(make_user, 1)
    Delivery.objects.filter(pk=pk).update(attempts=services.MAX_ATTEMPTS)
    sink = sink_on(ClockSink(clock, seconds=0))
    assert services.deliver([pk])["failed"] == 1
    assert sink.messages == []
    assert DeliveryAttempt.objects.get(delivery_id=pk).error == "gave up"
    assert services.requeue_stuck(DUE + dt.timedelta(hours=1)) == 0  # the sweep no longer brings it back


@pytest.mark.django_db
def test_slow_lane_hands_the_rest_to_a_new_task(make_user, clock, sink_on, enqueued) -> None:
    ids = email_deliveries(make_user, 3)
    sink = sink_on(ClockSink(clock, seconds=delivery_service.LANE_BUDGET_SECONDS + 1))
    outcome = services.deliver(ids)
    assert (outcome["sent"], outcome["deferred"]) == (1, 2)
    assert enqueued == [ids[1:]]
    assert len(sink.messages) == 1


def test_a_lane_at_its_longest_fits_inside_the_task_time_limit() -> None:
    longest = delivery_service.LANE_BUDGET_SECONDS + PUSH_SEND_MAX_SECONDS
    assert longest < django_settings.CELERY_TASK_SOFT_TIME_LIMIT
