"""`analyse`: the whole reading of a log, from days to sites, red flags, coverage and a recommendation."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from footlog.timeline.analysis.care import window_care
from footlog.timeline.analysis.episodes import Check, Episode, checks_by_site, episodes_of, open_episode, persists
from footlog.timeline.analysis.redflags import red_flags
from footlog.timeline.analysis.rules import RULES, Facts, level_of
from footlog.timeline.analysis.safety import EARLIER_RED_FLAG_DAYS, STALE_AFTER_DAYS
from footlog.timeline.analysis.trend import Change, _day, change, trend_of
from footlog.timeline.analysis.types import (
    LEVEL_ORDER,
    Coverage,
    DayLog,
    DayPoint,
    Recommendation,
    SiteSummary,
    Status,
    Thresholds,
    TimelineResult,
    days_before,
)


def analyse(
    days: Iterable[DayLog],
    start: dt.date,
    end: dt.date,
    thresholds: Thresholds | None = None,
    *,
    first_entry: dt.date | None = None,
) -> TimelineResult:
    """Summarise `days` over [start, end] and recommend, as of `end`.

    `days` may reach back before `start` (history): it is used for episodes, trends, red flags and rules, while
    the series, per-site counts, adherence and `red_flags` cover only [start, end]. Days after `end` are ignored.
    At most one DayLog per date. `first_entry` is the user's first entry ever (for coverage); by default the
    first day given.
    """
    if start > end:
        raise ValueError("start must not be after end")
    th = thresholds or Thresholds()
    history = sorted((d for d in days if d.date <= end), key=lambda d: d.date)
    window = [d for d in history if d.date >= start]
    checks = checks_by_site([(d.date, d.observations) for d in history])
    episodes = {site: episodes_of(site_checks) for site, site_checks in checks.items()}
    changes = {site: change(ep.checks, th) if (ep := open_episode(eps)) else None for site, eps in episodes.items()}
    summaries = [
        _site_summary(site, checks[site], episodes[site], changes[site], start, end, th) for site in sorted(checks)
    ]
    sites = {s.site: s for s in summaries if s.days_checked or s.since}
    # Events matter in the window (listed) and in the 90 days before `end` (reasons); older ones are context.
    flags = red_flags(checks, episodes, min(start, days_before(end, EARLIER_RED_FLAG_DAYS - 1)))
    coverage = _coverage(history, start, end, first_entry)
    facts = Facts(history, checks, episodes, changes, sites, flags, coverage, start, end, th)
    reasons = [reason for rule in RULES for reason in rule(facts)]
    # Red flags first, then the strongest level, so a client showing only the first reason shows the urgent one.
    reasons.sort(key=lambda r: (not r.red_flag, -LEVEL_ORDER[r.level]))
    adherence, care = window_care(window)  # every day of the window is from `start` on
    return TimelineResult(
        start=start,
        end=end,
        series=_series(window, start, end),
        sites=tuple(sites.values()),
        adherence=adherence,
        recommendation=Recommendation(level_of(reasons), tuple(reasons)),
        thresholds=th,
        coverage=coverage,
        # Every event in the window, and any older one a reason rests on (a short window must not hide it).
        red_flags=tuple(flags),
        care_adherence=care.adherence,
    )


def _site_summary(
    site: str,
    checks: Sequence[Check],
    episodes: Sequence[Episode],
    ch: Change | None,
    start: dt.date,
    end: dt.date,
    th: Thresholds,
) -> SiteSummary:
    in_window = checks[bisect_left(checks, start, key=_day) :]  # checks are in date order
    present = [d for d, o in in_window if o.count > 0]
    current = open_episode(episodes)
    trend = trend_of(ch, th) if current else "unknown"
    last_checked = checks[-1][0] if checks else None
    return SiteSummary(
        site=site,
        status=_status(current, trend, last_checked, end, th),
        trend=trend,
        first_seen=present[0] if present else None,
        last_seen=present[-1] if present else None,
        days_present=len(present),
        days_checked=len(in_window),
        latest_count=in_window[-1][1].count if in_window else None,
        since=current.start if current else None,
        last_checked=last_checked,
        first_onset=episodes[0].start if episodes else None,
        recurrences=max(len(episodes) - 1, 0),
    )


def _status(current: Episode | None, trend: str, last_checked: dt.date | None, end: dt.date, th: Thresholds) -> Status:
    """First match wins: stale (not looked at for over a week), clear, worsening, improving, persisting, new."""
    if last_checked is None or (end - last_checked).days > STALE_AFTER_DAYS:
        return "stale"
    if current is None:
        return "clear"
    if trend == "rising":
        return "worsening"
    if trend == "falling":
        return "improving"
    return "persisting" if persists(current, th.consider_after_days, th) else "new"


def _series(window: Sequence[DayLog], start: dt.date, end: dt.date) -> tuple[DayPoint, ...]:
    by_date = {d.date: d for d in window}
    points = []
    for offset in range((end - start).days + 1):
        date = start + dt.timedelta(days=offset)
        day = by_date.get(date)
        by_site = {o.site: o.count for o in day.observations} if day else {}
        total = sum(by_site.values()) if by_site else None
        points.append(DayPoint(date, day is not None, total, by_site))
    return tuple(points)


def _coverage(history: Sequence[DayLog], start: dt.date, end: dt.date, first_entry: dt.date | None) -> Coverage:
    first = first_entry or (history[0].date if history else None)
    if first is None or first > end:
        return Coverage(0, 0, None)
    counted_from = max(start, first)
    logged = sum(1 for d in history if counted_from <= d.date <= end)
    return Coverage(logged, (end - counted_from).days + 1, history[-1].date if history else None)
