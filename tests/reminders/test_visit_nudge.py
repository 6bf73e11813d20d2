"""The visit nudge: once when the recommendation becomes "book", again after 14 days if it still says so."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from footlog.diary.models import Entry, Observation
from reminders import services, visit
from reminders.models import Delivery, Reminder
from reminders.visit import decide_nudge

UTC = dt.UTC
START = dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("level", "episode_open", "last_sent_days_ago", "send", "open_after"),
    [
        ("none", False, None, False, False),
        ("consider", False, None, False, False),
        ("book", False, None, True, True),  # becomes book: nudge
        ("book", True, 1, False, True),  # same episode, next day: quiet
        ("book", True, 13, False, True),
        ("book", True, 14, True, True),  # still book after 14 days: nudge again
        ("consider", True, 3, False, False),  # episode over
        ("book", False, 3, True, True),  # a new episode nudges even soon after the last one
    ],
)
def test_nudge_decision(level, episode_open, last_sent_days_ago, send, open_after) -> None:
    today = dt.date(2026, 11, 24)
    last = None if last_sent_days_ago is None else today - dt.timedelta(days=last_sent_days_ago)
    decision = decide_nudge(level, episode_open=episode_open, last_sent_on=last, today=today)
    assert (decision.send, decision.episode_open) == (send, open_after)


@pytest.fixture
def nudge_reminder(user, enqueued):
    with time_machine.travel(dt.datetime(2026, 10, 31, 12, tzinfo=UTC), tick=False):
        services.preferences_update(user, {"enabled": True, "time": dt.time(9, 0), "timezone": "Europe/Berlin"})
    return Reminder.objects.get(user=user, kind="visit_nudge")


def run_days(reminder: Reminder, levels: list[str], monkeypatch) -> list[dt.date]:
    """Evaluate the nudge on consecutive days with the given timeline levels; return the days it was sent."""
    sent = []
    for offset, level in enumerate(levels):
        day = START + dt.timedelta(days=offset)
        monkeypatch.setattr(visit, "current_recommendation_level", lambda user, today, lv=level: lv)
        if services.visit_nudge_evaluate(reminder.pk, day):
            sent.append(day)
    return sent


@pytest.mark.django_db
def test_nudge_is_sent_once_per_episode_and_again_after_fourteen_days(nudge_reminder, monkeypatch) -> None:
    levels = ["none", "consider", "book", "book", "book"] + ["book"] * 15 + ["consider", "book"]
    sent = run_days(nudge_reminder, levels, monkeypatch)
    assert sent == [dt.date(2026, 11, 3), dt.date(2026, 11, 17), dt.date(2026, 11, 22)]
    assert sorted(Delivery.objects.filter(kind="visit_nudge").values_list("local_date", flat=True)) == sent


@pytest.mark.django_db
def test_nudge_evaluated_twice_on_one_day_sends_once(nudge_reminder, monkeypatch, enqueued) -> None:
    monkeypatch.setattr(visit, "current_recommendation_level", lambda user, today: "book")
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START) is True
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START) is False
    assert Delivery.objects.filter(kind="visit_nudge").count() == 1
    assert len(enqueued) == 1


@pytest.mark.django_db
def test_tick_hands_due_nudge_checks_to_the_evaluator(nudge_reminder, monkeypatch) -> None:
    handed: list = []
    monkeypatch.setattr(services, "_enqueue_nudges", lambda items: handed.extend(items))
    due = nudge_reminder.next_fire_at
    with time_machine.travel(due, tick=False):
        services.dispatch_due()
    assert handed == [(nudge_reminder.pk, due.date().isoformat())]


@pytest.mark.django_db
def test_nudge_uses_the_real_timeline_recommendation(nudge_reminder, user) -> None:
    # Pain logged today is a red flag: the timeline says "book" and the nudge goes out once.
    today = dt.date(2026, 11, 24)
    entry = Entry.objects.create(user=user, date=today)
    Observation.objects.create(entry=entry, site="left_heel", count=3, pain=6)
    assert visit.current_recommendation_level(user, today) == "book"
    assert services.visit_nudge_evaluate(nudge_reminder.pk, today) is True
    assert services.visit_nudge_evaluate(nudge_reminder.pk, today + dt.timedelta(days=1)) is False
    assert visit.current_recommendation_level(user, today - dt.timedelta(days=1)) == "none"
