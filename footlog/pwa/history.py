"""Reads for the History page: every day in a window, logged or not, so gaps stay visible."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from footlog.diary import selectors as diary_selectors
from footlog.diary.models import Entry


@dataclass
class Day:
    date: dt.date
    entry: Entry | None = None
    total: int = 0
    sites: list[str] = field(default_factory=list)
    routine_done: int = 0
    routine_total: int = 0

    @property
    def logged(self) -> bool:
        return self.entry is not None


def history_days(user: Any, end: dt.date, *, length: int) -> list[Day]:
    """`length` days ending at `end`, newest first; a day without an entry is a gap (entry None)."""
    start = end - dt.timedelta(days=length - 1)
    by_date = {entry.date: entry for entry in diary_selectors.entry_list(user, start, end)}
    days = []
    for offset in range(length):
        date = end - dt.timedelta(days=offset)
        entry = by_date.get(date)
        day = Day(date, entry)
        if entry is not None:
            observations = list(entry.observations.all())
            routine = list(entry.routine.all())
            day.total = sum(o.count for o in observations)
            day.sites = [o.get_site_display() for o in observations if o.count]
            day.routine_done = sum(1 for r in routine if r.done and r.step.kind == "care")
            day.routine_total = sum(1 for r in routine if r.step.kind == "care")
        days.append(day)
    return days
