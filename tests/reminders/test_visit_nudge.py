"""The visit nudge: one per run of days at "book" or above, one more on escalation to "urgent", never a repeat
while the level stays; its title is the wording table's headline for its level."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import time_machine
from django.core import mail

from footlog.diary.models import Entry, Observation, RoutineLog, RoutineStep
from footlog.timeline.analysis import LEVEL_TEXT
from reminders import services, visit
from reminders.messages import message_for
from reminders.models import Delivery, Reminder
from reminders.services import enqueue
from reminders.visit import decide_nudge

UTC = dt.UTC
START = dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("level", "nudged", "send", "nudged_after"),
    [
        ("none", "", False, ""),
        ("consider", "", False, ""),
        ("book", "", True, "book"),  # a run at book begins: nudge
        ("book", "book", False, "book"),  # same run, any later day: quiet (no 14-day repeat)
        ("urgent", "book", True, "urgent"),  # escalation within the run: one more
        ("urgent", "urgent", False, "urgent"),
        ("book", "urgent", False, "urgent"),  # back down to book: quiet, the run goes on
        ("urgent", "", True, "urgent"),  # a run that begins urgent nudges once
        ("consider", "book", False, "book"),  # one day below: the run goes on (two weeks end it)
        ("none", "urgent", False, "urgent"),
    ],
)
def test_nudge_decision(level, nudged, send, nudged_after) -> None:
    decision = decide_nudge(level, nudged_level=nudged, today=START)
    assert (decision.send, decision.nudged_level) == (send, nudged_after)


def test_two_weeks_below_book_end_the_run_and_a_later_rise_nudges_again() -> None:
    nudged, quiet = "book", None
    for offset in range(14):
        decision = decide_nudge("consider", nudged_level=nudged, quiet_since=quiet, today=START + dt.timedelta(offset))
        nudged, quiet = decision.nudged_level, decision.quiet_since
        assert not decision.send
    assert (nudged, quiet) == ("", None)
    assert decide_nudge("book", nudged_level=nudged, today=START + dt.timedelta(15)).send


def test_a_dip_shorter_than_two_weeks_does_not_nudge_again() -> None:
    nudged, quiet, sent = "", None, 0
    for offset, level in enumerate(["book", "consider", "consider", "book", "none", "book", "book"]):
        decision = decide_nudge(level, nudged_level=nudged, quiet_since=quiet, today=START + dt.timedelta(offset))
        nudged, quiet, sent = decision.nudged_level, decision.quiet_since, sent + decision.send
    assert sent == 1 and quiet is None


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
def test_one_nudge_per_run_at_book_and_one_more_on_escalation(nudge_reminder, monkeypatch) -> None:
    levels = (
        ["none", "consider"]
        + ["book"] * 20  # 3 Nov: the run begins; 20 days at book, no repeat
        + ["urgent"] * 3  # 23 Nov: escalation
        + ["book"] * 3  # back down: quiet
        + ["consider"] * 2  # a dip of two days does not end the run
        + ["book"]  # quiet
        + ["consider"] * 14  # two weeks below end it
        + ["book"]  # 16 Dec: a new run
    )
    sent = run_days(nudge_reminder, levels, monkeypatch)
    assert sent == [dt.date(2026, 11, 3), dt.date(2026, 11, 23), dt.date(2026, 12, 16)]
    assert sorted(Delivery.objects.filter(kind="visit_nudge").values_list("local_date", flat=True)) == sent
    nudge_reminder.refresh_from_db()
    assert nudge_reminder.nudge_level == "book" and nudge_reminder.nudge_last_sent_on == dt.date(2026, 12, 16)


@pytest.mark.django_db
def test_a_run_that_begins_urgent_nudges_once(nudge_reminder, monkeypatch) -> None:
    sent = run_days(nudge_reminder, ["urgent", "urgent", "book", "urgent", "book"], monkeypatch)
    assert sent == [START]


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
    monkeypatch.setattr(enqueue, "nudges", lambda items: handed.extend(items))
    due = nudge_reminder.next_fire_at
    with time_machine.travel(due, tick=False):
        services.dispatch_due()
    assert handed == [(nudge_reminder.pk, due.date().isoformat())]


@pytest.mark.django_db
def test_nudge_uses_the_real_timeline_recommendation(nudge_reminder, user) -> None:
    # Pain 6 logged today is a red flag: the timeline says "urgent" and the nudge goes out once.
    today = dt.date(2026, 11, 24)
    entry = Entry.objects.create(user=user, date=today)
    Observation.objects.create(entry=entry, site="left_heel", count=3, pain=6)
    assert visit.current_recommendation_level(user, today) == "urgent"
    assert services.visit_nudge_evaluate(nudge_reminder.pk, today) is True
    assert services.visit_nudge_evaluate(nudge_reminder.pk, today + dt.timedelta(days=1)) is False
    assert visit.current_recommendation_level(user, today - dt.timedelta(days=1)) == "none"


def test_nudge_title_is_the_headline_of_its_level() -> None:
    urgent = message_for("visit_nudge", START, 1, level="urgent")
    book = message_for("visit_nudge", START, 1, level="book")
    assert urgent.title == "Seek care promptly." == LEVEL_TEXT["urgent"]
    assert book.title == LEVEL_TEXT["book"] == "Consider booking a visit with a dermatologist."  # issue 21 wording
    assert message_for("visit_nudge", START, 1).title == LEVEL_TEXT["book"]
    assert urgent.url.endswith("/timeline/") and urgent.body != book.body


@pytest.mark.django_db
def test_the_sent_nudge_speaks_for_the_level_it_was_sent_at(nudge_reminder, monkeypatch, enqueued, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_days(nudge_reminder, ["book", "urgent"], monkeypatch)
    book_day, urgent_day = enqueued
    services.deliver(book_day)
    assert mail.outbox[-1].subject == LEVEL_TEXT["book"]
    services.deliver(urgent_day)
    assert mail.outbox[-1].subject == "Seek care promptly."
    assert "red flag" in mail.outbox[-1].body


@pytest.mark.django_db
def test_a_noisy_flat_history_sends_at_most_one_nudge_in_eight_weeks(nudge_reminder, user, capsys) -> None:
    """The issue's noise case through the real timeline: counts 4 ± 2, a size on a third of days (1.5 ± 0.5 mm),
    faithful daily care; one nudge at most (a real 'persisting despite care' after six weeks is that one)."""
    rng = random.Random(11)
    wash = RoutineStep.objects.get(user=None, key="wash")
    days = [START - dt.timedelta(days=56) + dt.timedelta(days=i) for i in range(56)]
    for day in days:
        entry = Entry.objects.create(user=user, date=day, create_fingerprint=day.isoformat())
        size = round(1.5 + rng.uniform(-0.5, 0.5), 1) if rng.random() < 1 / 3 else None
        Observation.objects.create(entry=entry, site="left_heel", count=4 + rng.randint(-2, 2), largest_mm=size)
        RoutineLog.objects.create(entry=entry, step=wash, done=True)
    sent = [day for day in days if services.visit_nudge_evaluate(nudge_reminder.pk, day)]
    with capsys.disabled():
        print(f"\nnoisy flat history, 8 weeks: {len(sent)} visit nudge(s) {[d.isoformat() for d in sent]}")
    assert len(sent) <= 1
