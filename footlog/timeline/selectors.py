"""Reads for the timeline: load a user's log in a fixed number of queries and run the pure analysis."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from footlog.api.scoping import owned
from footlog.diary.models import Entry, Observation, RoutineLog
from footlog.timeline.analysis import DayLog, RoutineMark, SiteObservation, Thresholds, TimelineResult, analyse
from footlog.timeline.models import TimelineSettings


def thresholds_for(user: Any) -> Thresholds:
    """The user's saved thresholds, or the documented defaults when they never saved any (1 query)."""
    saved = owned(TimelineSettings.objects.all(), user).first()
    return saved.thresholds() if saved else Thresholds()


def lookback_days(thresholds: Thresholds) -> int:
    """How much history before `start` the rules need: twice the longest duration rule, at least 8 weeks.

    Episodes ("since") are found inside this look-back; an older episode shows the look-back's first day.
    """
    longest = max(
        thresholds.book_after_days,
        thresholds.consider_after_days,
        thresholds.trend_window_days,
        thresholds.red_flag_window_days,
        thresholds.symptom_window_days,
    )
    return max(2 * longest, 56)


def timeline_for(user: Any, start: dt.date, end: dt.date) -> TimelineResult:
    """The timeline of `user` over [start, end] (dates in the user's calendar), recommendation as of `end`.

    Stable interface (reminders' visit nudge, exports' PDF and share page). Always 4 queries, whatever the
    history length: settings, entry dates, observations, routine logs (with their steps). Call
    `result.to_dict()` for the API JSON.
    """
    thresholds = thresholds_for(user)
    first = start - dt.timedelta(days=lookback_days(thresholds))
    return analyse(_day_logs(user, first, end), start, end, thresholds)


def _day_logs(user: Any, first: dt.date, end: dt.date) -> list[DayLog]:
    in_range = {"entry__date__gte": first, "entry__date__lte": end}
    dates = owned(Entry.objects.all(), user).filter(date__gte=first, date__lte=end).values_list("date", flat=True)
    observations: dict[dt.date, list[SiteObservation]] = defaultdict(list)
    rows = owned(Observation.objects.all(), user, "entry__user").filter(**in_range)
    for date, site, count, largest_mm, itch, pain, redness in rows.values_list(
        "entry__date", "site", "count", "largest_mm", "itch", "pain", "redness"
    ):
        observations[date].append(SiteObservation(site, count, largest_mm, itch, pain, redness))
    routine: dict[dt.date, list[RoutineMark]] = defaultdict(list)
    logs = owned(RoutineLog.objects.all(), user, "entry__user").filter(**in_range)
    for date, key, kind, label, done in logs.order_by("entry__date", "step__position", "step_id").values_list(
        "entry__date", "step__key", "step__kind", "step__label", "done"
    ):
        routine[date].append(RoutineMark(key, kind, done, label))
    return [DayLog(date, tuple(observations[date]), tuple(routine[date])) for date in sorted(dates)]
