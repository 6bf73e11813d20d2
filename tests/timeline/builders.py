"""A small text notation for building DayLogs in tests (one character per day).

Site patterns: a digit or a letter is the count that day (a=10, b=11, ...), "-" = the day is logged but the site
was not checked, "." = nothing for this site that day. Routine patterns: "y" done, "n" not done, "." not recorded.
A day is logged (has an entry) when any pattern has something other than "." at that position.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from footlog.timeline.analysis import DayLog, RoutineMark, SiteObservation

BASE = dt.date(2026, 1, 1)


def _count(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("a") + 10


def days(
    sites: dict[str, str],
    *,
    care: str = "",
    trigger: str = "",
    extra: dict[tuple[str, int], dict[str, Any]] | None = None,
    base: dt.date = BASE,
) -> list[DayLog]:
    """DayLogs from patterns; `extra[(site, i)]` adds fields (pain, itch, redness, largest_mm) to one observation."""
    extra = extra or {}
    length = max(len(p) for p in [*sites.values(), care, trigger])
    logs = []
    for i in range(length):
        chars = [p[i] if i < len(p) else "." for p in [*sites.values(), care, trigger]]
        if all(c == "." for c in chars):
            continue
        observations = tuple(
            SiteObservation(site, _count(p[i]), **extra.get((site, i), {}))
            for site, p in sites.items()
            if i < len(p) and p[i] not in ".-"
        )
        routine = tuple(
            RoutineMark(step, kind, p[i] == "y", label=step)
            for step, kind, p in (("moisturise", "care", care), ("tight_footwear", "trigger", trigger))
            if i < len(p) and p[i] in "yn"
        )
        logs.append(DayLog(base + dt.timedelta(days=i), observations, routine))
    return logs


def day(i: int, base: dt.date = BASE) -> dt.date:
    return base + dt.timedelta(days=i)
