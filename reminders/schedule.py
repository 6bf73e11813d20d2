"""Pure scheduling: the next UTC instant a wall-clock time occurs in an IANA zone. No models, no clock.

Days are stepped in the *local* calendar and each candidate is resolved with zoneinfo, never by adding
24 hours, so a reminder stays at 20:30 local across DST changes.
- A time that does not exist (spring forward, e.g. 02:30 in Berlin on the last Sunday of March) resolves
  with fold=0, i.e. the offset before the gap, which is the shifted wall time 03:30: it fires once.
- A time that exists twice (fall back) resolves to its first occurrence only: it fires once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

UTC = dt.UTC


def local_occurrence(day: dt.date, at: dt.time, tz_name: str) -> dt.datetime:
    """The UTC instant of wall time `at` on local `day` in `tz_name` (first occurrence; gaps shift forward)."""
    naive = dt.datetime.combine(day, at.replace(tzinfo=None, fold=0))
    return naive.replace(tzinfo=ZoneInfo(tz_name)).astimezone(UTC)


def next_fire_at(after: dt.datetime, at: dt.time, tz_name: str, weekdays: Iterable[int]) -> dt.datetime | None:
    """The first occurrence strictly after `after` (aware) of `at` local time on one of `weekdays` (0=Mon).

    Returns None when `weekdays` is empty.
    """
    days = frozenset(weekdays)
    if not days:
        return None
    zone = ZoneInfo(tz_name)
    # Start a day early: `after` may be late on a local date whose occurrence is still ahead in UTC terms.
    first = after.astimezone(zone).date() - dt.timedelta(days=1)
    for offset in range(9):
        day = first + dt.timedelta(days=offset)
        if day.weekday() not in days:
            continue
        candidate = local_occurrence(day, at, tz_name)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: some weekday occurs within nine days")  # pragma: no cover
