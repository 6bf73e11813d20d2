"""Reads for the History page: every day in a window, logged or not, so gaps stay visible."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils.dates import WEEKDAYS_ABBR

from accounts.models import User
from footlog.diary import selectors as diary_selectors
from footlog.diary.models import Entry
from footlog.lib.dates import first_weekday
from footlog.timeline.analysis import wording


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


def history_days(user: User, end: dt.date, *, length: int) -> list[Day]:
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
            day.sites = [wording.label(o.site) for o in observations if o.count]
            day.routine_done = sum(1 for r in routine if r.done and r.step.kind == "care")
            day.routine_total = sum(1 for r in routine if r.step.kind == "care")
        days.append(day)
    return days


def total_band(total: int) -> int:
    """A colour step for a day's total on the calendar: 0 none seen, then 1-2, 3-9, 10+ bumps."""
    return 0 if total == 0 else 1 if total < 3 else 2 if total < 10 else 3


def month_view(user: User, first: dt.date, last: dt.date) -> dict[str, object]:
    """The month starting at `first` as weeks of days, from the locale's first day of the week (Sunday in English,
    Monday in German and Spanish; None pads the first and last week); days after `last` cannot be opened."""
    length = calendar.monthrange(first.year, first.month)[1]
    end = first.replace(day=length)
    by_date = {day.date: day for day in history_days(user, end, length=length)}
    start = first_weekday()
    cells: list[dict[str, object] | None] = [None] * ((first.weekday() - start) % 7)
    for offset in range(length):
        date = first + dt.timedelta(days=offset)
        day = by_date[date]
        band = total_band(day.total) if day.logged else None
        cells.append({"day": day, "band": band, "open": date <= last, "last": date == last})
    cells += [None] * (-len(cells) % 7)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = end + dt.timedelta(days=1)
    return {
        "month": first,
        "weeks": [cells[i : i + 7] for i in range(0, len(cells), 7)],
        "previous": previous,
        "following": following if following <= last else None,
        "weekdays": [WEEKDAYS_ABBR[(start + i) % 7] for i in range(7)],  # "Sun".."Sat", "Mo".."So", "lun".."dom"
    }
