"""The tick, the delivery rules and the email transport against a real SMTP sink."""

from __future__ import annotations

import datetime as dt
import re
import threading
from urllib.parse import urlsplit

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import resolve

from footlog.diary.models import Entry
from reminders import services
from reminders.models import Delivery, DeliveryAttempt, Reminder, ReminderPreference
from tests.support.services import SmtpSink, free_port

pytestmark = pytest.mark.django_db
UTC = dt.UTC
# 2026-11-24 is a Tuesday; 20:30 in Berlin (CET) is 19:30Z.
DUE = dt.datetime(2026, 11, 24, 19, 30, tzinfo=UTC)


@pytest.fixture
def subscribed(user):
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.preferences_update(
            user,
            {"enabled": True, "time": dt.time(20, 30), "timezone": "Europe/Berlin", "weekly_photo": False},
        )
    return user


def tick_at(moment: dt.datetime) -> int:
    with time_machine.travel(moment, tick=False):
        return services.dispatch_due()


def test_tick_claims_due_reminder_once_and_advances_it(subscribed, enqueued) -> None:
    assert tick_at(DUE - dt.timedelta(seconds=1)) == 0
    assert tick_at(DUE + dt.timedelta(seconds=3)) == 2  # the daily log and the daily visit-nudge check
    delivery = Delivery.objects.get()
    assert (delivery.kind, delivery.local_date, delivery.channel) == ("daily_log", dt.date(2026, 11, 24), "email")
    assert enqueued == [[delivery.pk]]
    assert Reminder.objects.get(user=subscribed, kind="daily_log").next_fire_at == DUE + dt.timedelta(days=1)
    assert tick_at(DUE + dt.timedelta(seconds=40)) == 0
    assert Delivery.objects.count() == 1


def test_database_refuses_a_second_delivery_for_the_same_day_and_channel(subscribed, enqueued) -> None:
    tick_at(DUE)
    with pytest.raises(IntegrityError), transaction.atomic():
        Delivery.objects.create(
            user=subscribed, kind="daily_log", local_date=dt.date(2026, 11, 24), channel="email", next_attempt_at=DUE
        )


def test_rescheduled_reminder_for_the_same_day_does_not_send_again(subscribed, enqueued) -> None:
    tick_at(DUE)
    # The user moves the reminder to later the same evening: the day already had its reminder.
    with time_machine.travel(DUE + dt.timedelta(minutes=1), tick=False):
        services.preferences_update(subscribed, {"time": dt.time(21, 0)})
    tick_at(DUE + dt.timedelta(minutes=31))
    assert Delivery.objects.filter(kind="daily_log").count() == 1
    # The still-pending row may be enqueued again; sending is idempotent, so that is one reminder.
    assert {i for batch in enqueued for i in batch} == {Delivery.objects.get().pk}


def test_reminder_late_by_hours_after_an_outage_is_not_sent(subscribed, enqueued) -> None:
    assert tick_at(DUE + dt.timedelta(hours=4)) == 2
    assert not Delivery.objects.exists()
    # It moved on to the next day instead of replaying the missed one.
    assert Reminder.objects.get(user=subscribed, kind="daily_log").next_fire_at == DUE + dt.timedelta(days=1)


def test_reminder_on_an_unchosen_weekday_is_not_scheduled(user, enqueued) -> None:
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.preferences_update(
            user, {"enabled": True, "time": dt.time(20, 30), "timezone": "Europe/Berlin", "weekdays": [0]}
        )
    daily = Reminder.objects.get(user=user, kind="daily_log")
    assert daily.next_fire_at == dt.datetime(2026, 11, 30, 19, 30, tzinfo=UTC)  # next Monday


def test_weekly_photo_reminder_fires_on_its_weekday(user, enqueued) -> None:
    with time_machine.travel(DUE, tick=False):
        services.preferences_update(
            user, {"enabled": True, "time": dt.time(9, 0), "timezone": "Europe/Berlin", "photo_weekday": 6}
        )
    photo = Reminder.objects.get(user=user, kind="weekly_photo")
    assert photo.next_fire_at == dt.datetime(2026, 11, 29, 8, 0, tzinfo=UTC)  # Sunday 09:00 CET
    tick_at(photo.next_fire_at)
    assert Delivery.objects.filter(kind="weekly_photo", local_date=dt.date(2026, 11, 29)).count() == 1


@pytest.mark.usefixtures("postgres")
def test_two_concurrent_ticks_claim_each_reminder_once(make_user, enqueued, transactional_db) -> None:
    for _ in range(40):
        with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
            services.preferences_update(
                make_user(), {"enabled": True, "time": dt.time(20, 30), "timezone": "Europe/Berlin"}
            )
    counts: list[int] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        try:
            barrier.wait()
            counts.append(services.dispatch_due(DUE, batch_size=7))
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 80  # 40 daily + 40 visit checks, each claimed by exactly one tick
    assert Delivery.objects.count() == 40
    assert sorted(i for batch in enqueued for i in batch) == sorted(Delivery.objects.values_list("pk", flat=True))


# --- sending ---------------------------------------------------------------------------------------------


def test_email_has_text_html_deep_link_and_one_click_unsubscribe(subscribed, enqueued, smtp_sink, settings) -> None:
    settings.FOOTLOG_PUBLIC_URL = "https://footlog.example"
    tick_at(DUE)
    with time_machine.travel(DUE + dt.timedelta(seconds=5), tick=False):
        assert services.deliver(enqueued[0])["sent"] == 1
    [mail] = smtp_sink.to(subscribed.email)
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    assert re.search(r"https://footlog\.example/(\s|$)", text, re.MULTILINE)  # the deep link to Today
    assert 'href="https://footlog.example/"' in html
    assert resolve("/").view_name == "pwa:today"
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = mail["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe.startswith("https://footlog.example/api/v1/reminders/unsubscribe/")
    assert unsubscribe in text
    assert Delivery.objects.get().status == "sent"
    assert list(DeliveryAttempt.objects.values_list("number", "outcome")) == [(1, "sent")]


def test_one_click_unsubscribe_stops_reminder_emails(subscribed, enqueued, smtp_sink) -> None:
    tick_at(DUE)
    services.deliver(enqueued[0])
    path = urlsplit(smtp_sink.messages[0]["List-Unsubscribe"].strip().strip("<>")).path
    client = Client(enforce_csrf_checks=True)
    assert client.get(path).status_code == 200  # a link scanner's GET changes nothing
    assert ReminderPreference.objects.get(user=subscribed).channels == ["email"]
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert ReminderPreference.objects.get(user=subscribed).channels == []
    assert not Reminder.objects.filter(user=subscribed, next_fire_at__isnull=False).exists()


def test_forged_unsubscribe_token_changes_nothing(subscribed) -> None:
    response = Client().post("/api/v1/reminders/unsubscribe/forged-token/")
    assert response.status_code == 400
    assert ReminderPreference.objects.get(user=subscribed).channels == ["email"]


def test_same_delivery_sent_again_is_not_resent(subscribed, enqueued, smtp_sink) -> None:
    tick_at(DUE)
    for _ in range(10):
        services.deliver(enqueued[0])
    assert len(smtp_sink.messages) == 1
    assert DeliveryAttempt.objects.count() == 1


def test_daily_reminder_is_skipped_when_the_day_is_logged(subscribed, enqueued, smtp_sink) -> None:
    Entry.objects.create(user=subscribed, date=dt.date(2026, 11, 24))
    tick_at(DUE)
    assert services.deliver(enqueued[0])["skipped"] == 1
    assert smtp_sink.messages == []
    assert DeliveryAttempt.objects.get().error == "already logged that day"


def test_logged_day_is_still_reminded_when_skip_is_off(subscribed, enqueued, smtp_sink) -> None:
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.preferences_update(subscribed, {"skip_if_logged": False})
    Entry.objects.create(user=subscribed, date=dt.date(2026, 11, 24))
    tick_at(DUE)
    services.deliver(enqueued[0])
    assert len(smtp_sink.messages) == 1


def test_unreachable_smtp_is_transient_and_retried_with_backoff(subscribed, enqueued, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    tick_at(DUE)
    with time_machine.travel(DUE, tick=False):
        assert services.deliver(enqueued[0])["retry"] == 1
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("retry", 1)
    assert delivery.next_attempt_at == DUE + dt.timedelta(seconds=30)
    assert enqueued[-1] == [delivery.pk]  # re-enqueued with a countdown
    # A duplicate message before the backoff is over does not cut it short.
    with time_machine.travel(DUE + dt.timedelta(seconds=10), tick=False):
        assert services.deliver([delivery.pk])["not yet"] == 1
    for _ in range(2, 6):
        with time_machine.travel(Delivery.objects.get().next_attempt_at, tick=False):
            services.deliver([delivery.pk])
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("failed", 5)
    assert [services.backoff_seconds(n) for n in range(1, 7)] == [30, 60, 120, 240, 480, 900]
    assert list(DeliveryAttempt.objects.values_list("outcome", flat=True)) == ["transient"] * 5


class RefusingSink(SmtpSink):
    """An SMTP server that knows no recipients (550) or is busy (450)."""

    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    async def handle_RCPT(self, server, session, envelope, address, options) -> str:
        return f"{self.code} not now" if self.code < 500 else f"{self.code} no such user"


@pytest.fixture
def refusing_smtp(settings):
    def start(code: int) -> None:
        controller = Controller(RefusingSink(code), hostname="127.0.0.1", port=free_port())
        controller.start()
        started.append(controller)
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port

    started: list[Controller] = []
    yield start
    for controller in started:
        controller.stop()


def test_refused_recipient_is_permanent_and_not_retried(subscribed, enqueued, refusing_smtp) -> None:
    refusing_smtp(550)
    tick_at(DUE)
    assert services.deliver(enqueued[0])["failed"] == 1
    assert len(enqueued) == 1  # nothing re-enqueued
    attempt = DeliveryAttempt.objects.get()
    assert (attempt.outcome, attempt.error) == ("permanent", "recipient refused 550")


def test_busy_mailbox_is_transient(subscribed, enqueued, refusing_smtp) -> None:
    refusing_smtp(450)
    tick_at(DUE)
    assert services.deliver(enqueued[0])["retry"] == 1
    assert DeliveryAttempt.objects.get().outcome == "transient"


def test_sweeper_reenqueues_a_delivery_whose_message_was_lost(subscribed, enqueued) -> None:
    tick_at(DUE)
    enqueued.clear()
    with time_machine.travel(DUE + dt.timedelta(minutes=2), tick=False):
        assert services.requeue_stuck() == 0  # still within the grace period
    with time_machine.travel(DUE + dt.timedelta(minutes=6), tick=False):
        assert services.requeue_stuck() == 1
        assert services.requeue_stuck() == 0  # not again every minute
    assert enqueued == [[Delivery.objects.get().pk]]


def test_deleting_the_user_removes_pending_deliveries(subscribed, enqueued) -> None:
    tick_at(DUE)
    subscribed.delete()
    assert not Delivery.objects.exists()
    assert services.deliver(enqueued[0])["busy"] == 1  # a queued message for a deleted user is harmless
