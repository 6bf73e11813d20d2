"""`analyse`: the whole reading of a log, from days to sites, red flags, coverage and a recommendation."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, MutableMapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.care import window_care
from footlog.timeline.analysis.episodes import (
    Check,
    Episode,
    checks_by_site,
    episodes_of,
    open_episode,
    persisting_episode,
)
from footlog.timeline.analysis.redflags import flag_order, site_red_flags, slight_symptoms
from footlog.timeline.analysis.rules import RULES, Facts, after_visits, level_of
from footlog.timeline.analysis.safety import EARLIER_RED_FLAG_DAYS, STALE_AFTER_DAYS
from footlog.timeline.analysis.trend import Change, _day, _median, change, trend_of
from footlog.timeline.analysis.types import (
    LEVEL_ORDER,
    Coverage,
    DayLog,
    DayPoint,
    Outlier,
    Recommendation,
    RedFlag,
    SinceVisit,
    SiteSummary,
    Status,
    Thresholds,
    TimelineResult,
    Visit,
    VisitSummary,
    days_before,
    window_start,
)

_date_of = attrgetter("date")  # a DayLog's date, as a C-level key for bisecting


def analyse(
    days: Iterable[DayLog],
    start: dt.date,
    end: dt.date,
    thresholds: Thresholds | None = None,
    *,
    first_entry: dt.date | None = None,
    visits: Iterable[Visit] = (),
    memo: MutableMapping[str, SiteParts] | None = None,
) -> TimelineResult:
    """Summarise `days` over [start, end] and recommend, as of `end`.

    `days` may reach back before `start` (history): it is used for episodes, trends, red flags and rules, while
    the series, per-site counts, adherence and `red_flags` cover only [start, end]. Days after `end` are ignored.
    At most one DayLog per date. `first_entry` is the user's first entry ever (for coverage); by default the
    first day given. `visits` are the user's recorded visits (`booked` or `visited`, any date).

    `memo` (optional) holds each site's `SiteParts` from an earlier call: a site whose checks, window and
    thresholds are all equal to its part's is not analysed again (an edit of one site reuses the others). On
    return it holds exactly this call's parts. The result is the same with or without it
    (tests/timeline/test_incremental.py).
    """
    if start > end:
        raise ValueError("start must not be after end")
    th = thresholds or Thresholds()
    history = sorted((d for d in days if d.date <= end), key=lambda d: d.date)
    window = [d for d in history if d.date >= start]
    checks = checks_by_site([(d.date, d.observations) for d in history])
    parts = {site: _parts_of(site, checks[site], start, end, th, memo) for site in sorted(checks)}
    if memo is not None:
        memo.clear()
        memo.update(parts)
    episodes = {site: p.episodes for site, p in parts.items()}
    changes = {site: p.change for site, p in parts.items()}
    sites = {p.summary.site: p.summary for p in parts.values() if p.summary.days_checked or p.summary.since}
    flags = sorted((flag for p in parts.values() for flag in p.flags), key=flag_order)
    slight = slight_symptoms(checks, flags, start, window_start(end, safety.URGENT_WITHIN_DAYS))
    outliers = [o for p in parts.values() for o in p.outliers]
    visit_list = sorted(set(visits), key=lambda v: (v.date, v.kind))
    summaries_of_visits = [_visit_summary(v, checks, end) for v in visit_list]
    coverage = _coverage(history, start, end, first_entry)
    facts = Facts(
        history,
        checks,
        episodes,
        changes,
        sites,
        flags,
        coverage,
        start,
        end,
        th,
        slight=slight,
        outliers=outliers,
        visits=visit_list,
        visit_summaries=summaries_of_visits,
    )
    reasons = after_visits(facts, [reason for rule in RULES for reason in rule(facts)])
    # The strongest level first, red flags first within it, so a client showing only the first reason shows the
    # urgent one.
    reasons.sort(key=lambda r: (-LEVEL_ORDER[r.level], not r.red_flag))
    level = level_of(reasons)
    visited = facts.visited
    adherence, care = window_care(window)  # every day of the window is from `start` on
    return TimelineResult(
        start=start,
        end=end,
        series=_series(window, start, end),
        sites=tuple(sites.values()),
        adherence=adherence,
        recommendation=Recommendation(level, tuple(reasons), visited.date if visited else None),
        thresholds=th,
        coverage=coverage,
        # Every event in the window, and any older one a reason rests on (a short window must not hide it).
        red_flags=tuple(flags),
        care_adherence=care.adherence,
        visits=tuple(summaries_of_visits),
        slight_symptoms=tuple(slight),
        outliers=tuple(o for o in outliers if o.date >= start),
    )


@dataclass(frozen=True)
class SiteParts:
    """What the analysis reads from one site's checks alone, for one window and thresholds (`site_parts`)."""

    start: dt.date
    end: dt.date
    th: Thresholds
    checks: list[Check]  # the site's checks up to `end`, history included: the input, kept to compare
    episodes: list[Episode]
    change: Change | None  # of the open episode
    summary: SiteSummary
    flags: list[RedFlag]  # from the red-flag look-back on
    outliers: list[Outlier]  # from `start` on


def site_parts(site: str, checks: list[Check], start: dt.date, end: dt.date, th: Thresholds) -> SiteParts:
    """Episodes, trend, summary, red flags and outliers of one site: a function of its checks, the window and
    the thresholds only (no other site, no routine, no visit)."""
    episodes = episodes_of(checks)
    ch = change(ep.checks, th) if (ep := open_episode(episodes)) else None
    # Events matter in the window (listed) and in the 90 days before `end` (reasons); older ones are context.
    since = min(start, window_start(end, EARLIER_RED_FLAG_DAYS))
    return SiteParts(
        start,
        end,
        th,
        checks,
        episodes,
        ch,
        _site_summary(site, checks, episodes, ch, start, end, th),
        site_red_flags(site, checks, episodes, since),
        _outliers(site, checks, start),
    )


def _parts_of(
    site: str,
    checks: list[Check],
    start: dt.date,
    end: dt.date,
    th: Thresholds,
    memo: MutableMapping[str, SiteParts] | None,
) -> SiteParts:
    kept = memo.get(site) if memo is not None else None
    # Equal values of a column have equal types here (read from the database, or built alike), so == is enough.
    if kept is not None and kept.start == start and kept.end == end and kept.th == th and kept.checks == checks:
        return kept
    return site_parts(site, checks, start, end, th)


def _outliers(site: str, checks: Sequence[Check], start: dt.date) -> list[Outlier]:
    """Present checks from `start` on whose size or count is far outside the site's own history (the median m
    of the present checks in the 90 days before that day, with ≥ 3 of them): size ≥ 3m and ≥ m + 4 mm, or count
    ≥ 5m and ≥ m + 10; on one day only (the next check is not as far out).

    Only a check that can be far out is compared (most checks cannot, and sorting the 90 days before each one
    was most of an uncached analysis, docs/performance.md): m of present counts is above 0, so a count outlier
    is above 10; m of sizes none below 0 is at least 0, so a size outlier is at least 4 mm. Equal to the plain
    version (tests/timeline/test_outliers_equivalence.py).
    """
    found = []
    sizes_from_0 = not [o for _, o in checks if o.largest_mm is not None and o.largest_mm < 0]
    first = bisect_left(checks, start, key=_day)
    count_plus, mm_plus = safety.OUTLIER_COUNT_PLUS, safety.OUTLIER_SIZE_PLUS_MM
    # The present checks that can be far out, in one comprehension (it runs over every check of a long window):
    # any, when a size is below 0; else a count above 10 or a size of at least 4 mm.
    candidates = [
        i
        for i in range(first, len(checks))
        if not (o := checks[i][1]).count <= 0
        and (not sizes_from_0 or o.count > count_plus or ((mm := o.largest_mm) is not None and not mm < mm_plus))
    ]
    for i in candidates:
        date, obs = checks[i]
        lo = bisect_left(checks, days_before(date, safety.OUTLIER_LOOKBACK_DAYS), key=_day)
        before = [o for _, o in checks[lo:i] if o.count > 0]
        if len(before) < safety.OUTLIER_MIN_CHECKS:
            continue
        following = checks[i + 1][1] if i + 1 < len(checks) else None
        sizes = [o.largest_mm for o in before if o.largest_mm is not None]
        if obs.largest_mm is not None and len(sizes) >= safety.OUTLIER_MIN_CHECKS:
            m = _median(sizes)

            def far(mm: float | None, m: float = m) -> bool:
                return mm is not None and mm >= safety.OUTLIER_SIZE_RATIO * m and mm >= m + safety.OUTLIER_SIZE_PLUS_MM

            if far(obs.largest_mm) and not (following and far(following.largest_mm)):
                found.append(Outlier(date, site, "largest_mm", obs.largest_mm, round(m, 2)))
        m = _median([float(o.count) for o in before])

        def far_count(n: int, m: float = m) -> bool:
            return n >= safety.OUTLIER_COUNT_RATIO * m and n >= m + safety.OUTLIER_COUNT_PLUS

        if far_count(obs.count) and not (following and far_count(following.count)):
            found.append(Outlier(date, site, "count", obs.count, round(m, 2)))
    return found


def _visit_summary(visit: Visit, checks: dict[str, list[Check]], end: dt.date) -> VisitSummary:
    """The visit with, per site checked on both sides of it, the median of the last (up to) 3 counts on or before
    the visit day against the median of the last (up to) 3 counts after it, up to `end`."""
    since = []
    if visit.date <= end:
        for site, site_checks in sorted(checks.items()):
            cut = bisect_left(site_checks, visit.date + dt.timedelta(days=1), key=_day)
            before = [float(o.count) for d, o in site_checks[:cut]][-3:]
            after = [float(o.count) for d, o in site_checks[cut:] if d <= end]
            if before and after and (any(before) or any(after)):
                since.append(SinceVisit(site, _median(before), _median(after[-3:]), len(after)))
    return VisitSummary(visit.date, visit.kind, visit.plan, visit.review_on, tuple(since))


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
    # The highest count, its earliest day (max over (count, -day) keeps the first of equal keys: the same check)
    top = max([o.count for _, o in in_window], default=None)
    peak = next(c for c in in_window if c[1].count == top) if in_window else None
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
        peak_count=peak[1].count if peak else None,
        peak_date=peak[0] if peak and peak[1].count > 0 else None,
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
    return "persisting" if persisting_episode(current, th) else "new"


def _series(window: Sequence[DayLog], start: dt.date, end: dt.date) -> tuple[DayPoint, ...]:
    """Every day of [start, end]: logged or not, the total and the count per site (days not logged: unknown)."""
    by_date = {d.date: d.observations for d in window}
    points = []
    for ordinal in range(start.toordinal(), end.toordinal() + 1):
        date = dt.date.fromordinal(ordinal)
        observations = by_date.get(date)
        if observations is None:
            points.append(DayPoint(date, False, None, {}))
        else:
            by_site = {o.site: o.count for o in observations}
            points.append(DayPoint(date, True, sum(by_site.values()) if by_site else None, by_site))
    return tuple(points)


def _coverage(history: Sequence[DayLog], start: dt.date, end: dt.date, first_entry: dt.date | None) -> Coverage:
    first = first_entry or (history[0].date if history else None)
    if first is None or first > end:
        return Coverage(0, 0, None)
    counted_from = max(start, first)
    logged = len(history) - bisect_left(history, counted_from, key=_date_of)  # in date order, none after `end`
    return Coverage(logged, (end - counted_from).days + 1, history[-1].date if history else None)
