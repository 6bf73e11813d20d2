"""Calendar helpers: a user's "today" is a date in their own time zone, never the server's."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_timezone(name: str) -> bool:
    return name in known_timezones()


def local_date(moment: dt.datetime, tz_name: str) -> dt.date:
    """The calendar date of an aware `moment` as seen in `tz_name` (23:30 in Sydney stays that date)."""
    return moment.astimezone(ZoneInfo(tz_name)).date()


def today_in(tz_name: str, now: dt.datetime | None = None) -> dt.date:
    return local_date(now or dt.datetime.now(dt.UTC), tz_name)
