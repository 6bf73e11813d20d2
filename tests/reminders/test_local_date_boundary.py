"""A reminder belongs to the user's local date, never UTC's: pinned under a frozen clock at 23:30 and 00:30 local
time in a zone east of UTC (Tokyo, +9) and one west of it (Los Angeles, -8 in January).

At 00:30 in Tokyo it is still the day before in UTC; at 23:30 in Los Angeles it is already the next day in UTC.
A local date computed in UTC would date those reminders a day off: the mail would name the wrong day and a day
already logged would not quiet it. The tick runs in-process (no beat: the end-to-end test keeps the real one).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from footlog.diary.models import Entry
from reminders import services
from reminders.models import Delivery

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 1, 15)  # winter: no DST anywhere near, Los Angeles is UTC-8
CASES = [
    ("Asia/Tokyo", dt.time(23, 30)),
    ("Asia/Tokyo", dt.time(0, 30)),
    ("America/Los_Angeles", dt.time(23, 30)),
    ("America/Los_Angeles", dt.time(0, 30)),
]


def fire_instant(zone: str, at: dt.time) -> dt.datetime:
    return dt.datetime.combine(DAY, at, tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)


def subscribe(make_user, zone: str, at: dt.time):  # type: ignore[no-untyped-def]
    user = make_user(timezone=zone)
    with time_machine.travel(fire_instant(zone, at) - dt.timedelta(hours=2), tick=False):
        services.preferences_update(
            user, {"enabled": True, "time": at, "timezone": zone, "channels": ["email"], "weekly_photo": False}
        )
    return user


def daily(user) -> list[Delivery]:  # type: ignore[no-untyped-def]
    return list(Delivery.objects.filter(user=user, kind="daily_log"))


def test_the_cases_straddle_utc_midnight() -> None:
    """The boundary is only pinned if some cases fall on another UTC date (in both directions)."""
    off = {(zone, at) for zone, at in CASES if fire_instant(zone, at).date() != DAY}
    assert ("Asia/Tokyo", dt.time(0, 30)) in off and ("America/Los_Angeles", dt.time(23, 30)) in off


@pytest.mark.parametrize(("zone", "at"), CASES, ids=[f"{z.split('/')[1]}-{t:%H%M}" for z, t in CASES])
def test_the_reminder_is_dated_and_worded_with_the_local_date(make_user, enqueued, mailoutbox, zone, at) -> None:
    user = subscribe(make_user, zone, at)
    with time_machine.travel(fire_instant(zone, at) - dt.timedelta(minutes=1), tick=False):
        services.dispatch_due()
        assert daily(user) == []  # not due a minute early
    with time_machine.travel(fire_instant(zone, at) + dt.timedelta(seconds=20), tick=False):
        services.dispatch_due()  # the tick, as beat runs it every minute
        [delivery] = daily(user)
        assert delivery.local_date == DAY
        assert services.deliver([delivery.pk])["sent"] == 1
    [mail] = mailoutbox
    # The day the user is living, not UTC's, written as the user reads dates (issue 26: "9 Nov 2026", not ISO).
    assert f"for {DAY.day} {DAY:%b %Y}" in mail.body


@pytest.mark.parametrize(("zone", "at"), CASES, ids=[f"{z.split('/')[1]}-{t:%H%M}" for z, t in CASES])
def test_a_day_logged_in_local_time_quiets_its_reminder(make_user, enqueued, mailoutbox, zone, at) -> None:
    user = subscribe(make_user, zone, at)
    Entry.objects.create(user=user, date=DAY)
    with time_machine.travel(fire_instant(zone, at) + dt.timedelta(seconds=20), tick=False):
        services.dispatch_due()
        [delivery] = daily(user)
        assert services.deliver([delivery.pk])["skipped"] == 1
    assert mailoutbox == []
