"""A small text notation for building DayLogs in tests (one character per day).

Site patterns: a digit or a letter is the count that day (a=10, b=11, ...), "-" = the day is logged but the site
was not checked, "." = nothing for this site that day. Routine patterns: "y" done, "n" not done, "." not recorded.
A day is logged (has an entry) when any pattern has something other than "." at that position.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from footlog.timeline.analysis import DayLog, RoutineMark, SiteObservation
from footlog.timeline.analysis.types import Kind

BASE = dt.date(2026, 1, 1)


def _count(char: str) -> int:
    return int(char) if char.isdigit() else ord(char) - ord("a") + 10


# Steps the `routine` patterns may name: kind and the built-in target per week.
STEPS: dict[str, tuple[Kind, int]] = {
    "wash": ("care", 7),
    "moisturise": ("care", 7),
    "sock_change": ("care", 7),
    "breathable_footwear": ("care", 7),
    "exfoliate": ("care", 2),
    "sunscreen": ("care", 0),
    "tight_footwear": ("trigger", 0),
    "new_product": ("trigger", 0),
}


def days(
    sites: dict[str, str],
    *,
    care: str = "",
    trigger: str = "",
    routine: dict[str, str] | None = None,
    extra: dict[tuple[str, int], dict[str, Any]] | None = None,
    base: dt.date = BASE,
) -> list[DayLog]:
    """DayLogs from patterns; `extra[(site, i)]` adds fields (pain, itch, redness, largest_mm, bleeding,
    spreading) to one observation. `care` is moisturise, `trigger` is tight_footwear; `routine` names any of
    STEPS."""
    extra = extra or {}
    marks = {"moisturise": care, "tight_footwear": trigger, **(routine or {})}
    patterns = [*sites.values(), *marks.values()]
    length = max(len(p) for p in patterns)
    logs = []
    for i in range(length):
        chars = [p[i] if i < len(p) else "." for p in patterns]
        if all(c == "." for c in chars):
            continue
        observations = tuple(
            SiteObservation(site, _count(p[i]), **extra.get((site, i), {}))
            for site, p in sites.items()
            if i < len(p) and p[i] not in ".-"
        )
        steps = tuple(
            RoutineMark(step, STEPS[step][0], p[i] == "y", label=step, target_per_week=STEPS[step][1])
            for step, p in marks.items()
            if i < len(p) and p[i] in "yn"
        )
        logs.append(DayLog(base + dt.timedelta(days=i), observations, steps))
    return logs


def day(i: int, base: dt.date = BASE) -> dt.date:
    return base + dt.timedelta(days=i)
