"""The next-fire computation (pure) and a simulated year of daily reminders through the real tick."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db.models import Min

from reminders import services
from reminders.models import Delivery, Kind, Reminder
from reminders.schedule import next_fire_at

UTC = dt.UTC
EVERY_DAY = range(7)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def test_next_fire_keeps_local_wall_time_across_spring_forward() -> None:
    # Berlin switches to CEST on 2026-03-29: 20:30 local is 19:30Z the day before and 18:30Z that day.
    first = next_fire_at(utc(2026, 3, 28, 12), dt.time(20, 30), "Europe/Berlin", EVERY_DAY)
    second = next_fire_at(first, dt.time(20, 30), "Europe/Berlin", EVERY_DAY)
    assert first == utc(2026, 3, 28, 19, 30)
    assert second == utc(2026, 3, 29, 18, 30)  # 23 hours later, not 24


def test_non_existent_time_fires_once_at_the_shifted_time() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29; it fires at 03:30 CEST (01:30Z), once.
    fire = next_fire_at(utc(2026, 3, 28, 12), dt.time(2, 30), "Europe/Berlin", EVERY_DAY)
    assert fire == utc(2026, 3, 29, 1, 30)
    assert fire.astimezone(ZoneInfo("Europe/Berlin")).time() == dt.time(3, 30)
    assert next_fire_at(fire, dt.time(2, 30), "Europe/Berlin", EVERY_DAY) == utc(2026, 3, 30, 0, 30)


def test_ambiguous_time_fires_once_at_its_first_occurrence() -> None:
    # 02:30 happens twice in Berlin on 2026-10-25 (00:30Z CEST and 01:30Z CET): only the first counts.
    fire = next_fire_at(utc(2026, 10, 24, 12), dt.time(2, 30), "Europe/Berlin", EVERY_DAY)
    assert fire == utc(2026, 10, 25, 0, 30)
    following = next_fire_at(fire, dt.time(2, 30), "Europe/Berlin", EVERY_DAY)
    assert following == utc(2026, 10, 26, 1, 30)  # next day, skipping the second 02:30


def test_weekdays_are_local_weekdays() -> None:
    # 2026-11-23 is a Monday. 07:00 Monday in Sydney is still Sunday in UTC.
    fire = next_fire_at(utc(2026, 11, 20, 0), dt.time(7, 0), "Australia/Sydney", [0])
    assert fire == utc(2026, 11, 22, 20, 0)
    assert fire.astimezone(ZoneInfo("Australia/Sydney")).weekday() == 0


def test_no_weekdays_means_never() -> None:
    assert next_fire_at(utc(2026, 1, 1), dt.time(8), "UTC", []) is None


# --- a simulated year --------------------------------------------------------------------------------

# (zone, local time): 02:30 on both DST days everywhere, plus New York's ambiguous hour (01:30 in November).
CASES = [
    ("Europe/Berlin", dt.time(2, 30)),
    ("America/New_York", dt.time(2, 30)),
    ("America/New_York", dt.time(1, 30)),
    ("Australia/Sydney", dt.time(2, 30)),
    ("Australia/Sydney", dt.time(20, 30)),
]
# Berlin 03-29/10-25, New York 03-08/11-01, Sydney 04-05 (back) and 10-04 (forward).
DST_DAYS = {
    "Europe/Berlin": (dt.date(2026, 3, 29), dt.date(2026, 10, 25)),
    "America/New_York": (dt.date(2026, 3, 8), dt.date(2026, 11, 1)),
    "Australia/Sydney": (dt.date(2026, 4, 5), dt.date(2026, 10, 4)),
}
# After a tick that fired, tick again just over an hour later: on the day a local hour repeats (DST end) that
# second tick lands in the hour's second run, where a naive scheduler would fire again.
RECHECK = dt.timedelta(minutes=61)


@pytest.mark.django_db
def test_simulated_year_fires_every_day_exactly_once(make_user, enqueued) -> None:
    start, end = utc(2025, 12, 31, 0, 7), utc(2027, 1, 1, 12, 7)
    users = {}
    with time_machine.travel(start, tick=False):
        for zone, at in CASES:
            user = make_user(timezone=zone)
            services.preferences_update(
                user, {"enabled": True, "time": at, "timezone": zone, "channels": ["email"], "weekly_photo": False}
            )
            users[user.pk] = (zone, at)
    fired: Counter[tuple[int, dt.date]] = Counter()
    fire_times: dict[tuple[int, dt.date], dt.datetime] = {}
    now = start
    # Beat ticks at every due time (as the per-minute tick would) and once more after each firing.
    with time_machine.travel(start, tick=False) as traveller:
        while now < end:
            traveller.move_to(now)
            due = list(
                Reminder.objects.filter(kind=Kind.DAILY_LOG, next_fire_at__lte=now).values_list(
                    "user_id", "next_fire_at"
                )
            )
            services.dispatch_due()
            for user_id, fire in due:
                day = fire.astimezone(ZoneInfo(users[user_id][0])).date()
                fired[(user_id, day)] += 1
                fire_times[(user_id, day)] = fire
            next_due = Reminder.objects.filter(kind=Kind.DAILY_LOG).aggregate(first=Min("next_fire_at"))["first"]
            now = min(next_due, now + RECHECK) if due else max(next_due, now + dt.timedelta(minutes=1))

    year = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range(365)]
    for user_id, (zone, at) in users.items():
        in_year = {day: count for (uid, day), count in fired.items() if uid == user_id and day.year == 2026}
        assert sorted(in_year) == year, f"{zone} {at}: missing days"
        assert set(in_year.values()) == {1}, f"{zone} {at}: a day fired twice"
        shifted = (dt.datetime.combine(dt.date.min, at) + dt.timedelta(hours=1)).time()
        for day in year:
            local = fire_times[(user_id, day)].astimezone(ZoneInfo(zone))
            assert local.date() == day
            # The chosen wall time every day (never drifting by an hour after a DST change), or one hour later
            # on the DST day when that time did not exist.
            allowed = (at, shifted) if day in DST_DAYS[zone] else (at,)
            assert local.time() in allowed, f"{zone} {at}: fired at {local} on {day}"
        sent_days = set(
            Delivery.objects.filter(user_id=user_id, kind=Kind.DAILY_LOG, local_date__year=2026).values_list(
                "local_date", flat=True
            )
        )
        assert sorted(sent_days) == year
