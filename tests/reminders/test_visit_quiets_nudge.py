"""A recorded visit (booked or had) answers the visit nudge: it resets the nudge state (a task enqueued by name
from footlog.clinical), the timeline rests the booking advice after it, and new evidence after it starts a new
run that nudges once. A visit's review date sends one reminder on that day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from footlog.clinical.models import Visit
from reminders import services, tasks, visit
from reminders.messages import message_for
from reminders.models import Delivery, Reminder

UTC = dt.UTC
START = dt.date(2026, 11, 1)


@pytest.fixture
def nudge_reminder(user, enqueued):
    with time_machine.travel(dt.datetime(2026, 10, 31, 12, tzinfo=UTC), tick=False):
        services.preferences_update(user, {"enabled": True, "time": dt.time(9, 0), "timezone": "Europe/Berlin"})
    return Reminder.objects.get(user=user, kind="visit_nudge")


@pytest.fixture
def run_tasks(monkeypatch):
    """Run what footlog.clinical enqueues by name, as the worker would (the task registry resolves the name)."""
    from footlog.celery import app
    from footlog.clinical import services as clinical_services

    monkeypatch.setattr(clinical_services, "enqueue_task", lambda name, *args: app.tasks[name](*args))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["booked", "visited"])
def test_a_recorded_visit_resets_the_nudge_and_new_evidence_nudges_once_more(
    kind, api, nudge_reminder, monkeypatch, run_tasks, django_capture_on_commit_callbacks
) -> None:
    level = {"now": "book"}
    monkeypatch.setattr(visit, "current_recommendation_level", lambda user, today: level["now"])
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START) is True  # the run at "book" nudged
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=1)) is False
    with (
        time_machine.travel(dt.datetime(2026, 11, 2, 10, tzinfo=UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api.post("/api/v1/visits/", {"kind": kind, "date": "2026-11-02"}, format="json")
    assert response.status_code == 201
    nudge_reminder.refresh_from_db()
    assert (nudge_reminder.nudge_level, nudge_reminder.nudge_quiet_since) == ("", None)
    level["now"] = "none"  # the timeline rests the advice after the visit: quiet
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=2)) is False
    level["now"] = "book"  # new evidence after the visit: a new run, one nudge
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=3)) is True
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=4)) is False


@pytest.mark.django_db
def test_the_reset_task_is_harmless_twice_and_for_a_user_without_reminders(user, nudge_reminder, other_user):
    Reminder.objects.filter(pk=nudge_reminder.pk).update(nudge_level="urgent", nudge_quiet_since=START)
    tasks.visit_recorded(user.pk)
    tasks.visit_recorded(user.pk)
    tasks.visit_recorded(other_user.pk)
    nudge_reminder.refresh_from_db()
    assert (nudge_reminder.nudge_level, nudge_reminder.nudge_quiet_since) == ("", None)


@pytest.mark.django_db
def test_the_review_date_sends_one_reminder_on_that_day(user, nudge_reminder, monkeypatch, enqueued) -> None:
    monkeypatch.setattr(visit, "current_recommendation_level", lambda user, today: "none")
    review = START + dt.timedelta(days=10)
    Visit.objects.create(user=user, kind="visited", date=START, plan="retinoid nightly", review_on=review)
    assert services.visit_nudge_evaluate(nudge_reminder.pk, review - dt.timedelta(days=1)) is False
    assert services.visit_nudge_evaluate(nudge_reminder.pk, review) is True
    assert services.visit_nudge_evaluate(nudge_reminder.pk, review) is False  # twice on the day: once
    assert services.visit_nudge_evaluate(nudge_reminder.pk, review + dt.timedelta(days=1)) is False
    sent = Delivery.objects.get(user=user)
    assert (sent.local_date, sent.level) == (review, "review")
    nudge_reminder.refresh_from_db()
    assert nudge_reminder.nudge_level == ""  # a review reminder opens no nudge run


def test_the_review_reminder_states_the_recorded_date_without_advice() -> None:
    message = message_for("visit_nudge", dt.date(2027, 1, 12), 1, level="review")
    assert message.title == "Your review date has come"
    assert "12 Jan 2027" in message.body  # as the user reads dates (issue 26), no longer ISO
    assert "book" not in message.body.lower()
