"""A recorded visit (booked or had) answers the visit nudge: nothing more is sent until the level rises."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from reminders import services, visit
from reminders.models import Reminder
from reminders.visit import after_visit

UTC = dt.UTC
START = dt.date(2026, 11, 1)


@pytest.mark.parametrize(
    ("level", "nudged", "after"),
    [
        ("book", "", "book"),  # a visit while the log reads "book": counts as nudged at book
        ("urgent", "book", "urgent"),
        ("book", "urgent", "urgent"),  # never lowers what was nudged
        ("consider", "", ""),  # below book there is nothing to answer
        ("consider", "book", "book"),
    ],
)
def test_after_visit(level, nudged, after) -> None:
    assert after_visit(level, nudged_level=nudged) == after


@pytest.fixture
def nudge_reminder(user, enqueued):
    with time_machine.travel(dt.datetime(2026, 10, 31, 12, tzinfo=UTC), tick=False):
        services.preferences_update(user, {"enabled": True, "time": dt.time(9, 0), "timezone": "Europe/Berlin"})
    return Reminder.objects.get(user=user, kind="visit_nudge")


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["booked", "visited"])
def test_a_recorded_visit_stops_nudges_until_the_level_rises(
    kind, api, nudge_reminder, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    level = {"now": "book"}
    monkeypatch.setattr(visit, "current_recommendation_level", lambda user, today: level["now"])
    with (
        time_machine.travel(dt.datetime(2026, 11, 1, 10, tzinfo=UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api.post("/api/v1/visits/", {"kind": kind, "date": "2026-11-01"}, format="json")
    assert response.status_code == 201
    # Without the visit, the first day at "book" nudges (tests/reminders/test_visit_nudge.py); after it, quiet.
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START) is False
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=1)) is False
    level["now"] = "urgent"  # the level rises above the one the visit answered: nudge again
    assert services.visit_nudge_evaluate(nudge_reminder.pk, START + dt.timedelta(days=2)) is True
