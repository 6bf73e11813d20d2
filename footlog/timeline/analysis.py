"""The persistence analysis: plain data in, a result with its reasons out.

Pure on purpose: no ORM, no request, no clock. `selectors.timeline_for` loads the rows and calls `analyse`;
tests feed dataclasses directly. The rules and their defaults are written down in docs/timeline.md — keep the
two in step.

Vocabulary
- A *logged* day has an entry. A day without an entry is unknown, never "clear".
- A site is *checked* on a logged day when the entry has an observation for it (count 0 = looked, none there).
  A site an entry does not mention was not checked that day: we do not guess that it was clear.
- A site is *present* on a day when it was checked with count > 0.
- An *episode* of a site is its current stretch of bumps: it starts at the first present day after the last
  `clear_streak` consecutive clear checks (days in between that were not checked do not break the streak or the
  episode — they are unknown).

Nothing here diagnoses. Messages describe what was logged and suggest "consider booking a visit"; red flags
add "seek care promptly".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from footlog.diary.sites import SITES  # plain data (keys, labels), no models

Status = Literal["clear", "new", "improving", "persisting", "worsening"]
Trend = Literal["rising", "falling", "steady", "unknown"]
Level = Literal["none", "consider", "book"]
Kind = Literal["care", "trigger"]

SEEK_CARE = "Seek care promptly."
LEVEL_ORDER: dict[str, int] = {"none": 0, "consider": 1, "book": 2}


# --- input ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteObservation:
    """One site looked at on one day. `count` 0 means: looked, none there."""

    site: str
    count: int
    largest_mm: float | None = None
    itch: int = 0
    pain: int = 0
    redness: bool = False


@dataclass(frozen=True)
class RoutineMark:
    """A routine step recorded on a day: `done` True or False. Steps not recorded are unknown."""

    step: str
    kind: Kind
    done: bool
    label: str = ""


@dataclass(frozen=True)
class DayLog:
    """One logged day (an entry), dated in the user's own calendar."""

    date: dt.date
    observations: tuple[SiteObservation, ...] = ()
    routine: tuple[RoutineMark, ...] = ()


@dataclass(frozen=True)
class Thresholds:
    """The user-tunable rule parameters. Defaults are the documented ones (docs/timeline.md)."""

    consider_after_days: int = 28  # a site with bumps on most checked days for this long → consider
    book_after_days: int = 42  # ... for this long while care adherence ≥ care_adherence_min → book
    most_days_ratio: float = 0.6  # "most checked days" = at least this share
    min_checked_days: int = 8  # fewer checked days in an episode is not enough evidence for a duration rule
    care_adherence_min: float = 0.7
    clear_streak: int = 3  # this many clear checks in a row end an episode
    trend_window_days: int = 14  # trend: mean of the earlier half vs the later half of this many days
    rise_min_count: float = 2.0  # a change in mean count at least this big is a trend
    rise_min_mm: float = 0.5  # ... or in the largest size, in mm
    symptom_days: int = 2  # pain, itch or redness on this many days ...
    symptom_window_days: int = 7  # ... within the last this many days → book
    red_flag_window_days: int = 14  # red flags look at the last this many days
    fast_change_min_count: float = 5.0  # later-half mean at least twice the earlier and up by at least this → red flag
    fast_change_mm: float = 2.0  # or the largest size up by at least this many mm → red flag

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


# --- output --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteSummary:
    """Per-site figures over the window, plus the status and trend as of the window's last day."""

    site: str
    status: Status
    trend: Trend
    first_seen: dt.date | None  # first present day in the window
    last_seen: dt.date | None  # last present day in the window
    days_present: int
    days_checked: int
    latest_count: int | None  # the last checked count in the window
    since: dt.date | None  # start of the current episode (may precede the window); None when clear


@dataclass(frozen=True)
class DayPoint:
    date: dt.date
    logged: bool
    total: int | None  # None when not logged or no site checked: unknown, not zero
    by_site: dict[str, int]


@dataclass(frozen=True)
class Adherence:
    step: str
    label: str
    kind: Kind
    done: int
    logged: int  # days the step was recorded (done or not) in the window
    rate: float | None  # done / logged, None when never recorded


@dataclass(frozen=True)
class Reason:
    """Why a recommendation was made. `evidence` holds the numbers it rests on."""

    code: str
    level: Level
    message: str
    site: str | None
    since: dt.date | None
    evidence: dict[str, Any] = field(default_factory=dict)
    red_flag: bool = False


@dataclass(frozen=True)
class Recommendation:
    level: Level
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class TimelineResult:
    start: dt.date
    end: dt.date
    series: tuple[DayPoint, ...]
    sites: tuple[SiteSummary, ...]
    adherence: tuple[Adherence, ...]
    recommendation: Recommendation
    thresholds: Thresholds

    def to_dict(self) -> dict[str, Any]:
        """The API JSON shape (see shared API contract, "Timeline"); dates as YYYY-MM-DD strings.

        Written out field by field rather than with `dataclasses.asdict`, which deep-copies every value and was
        the largest cost of a cached timeline request (bench/timeline.py).
        """
        return {
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "series": [
                {"date": p.date.isoformat(), "logged": p.logged, "total": p.total, "by_site": dict(p.by_site)}
                for p in self.series
            ],
            "sites": [
                {
                    "site": s.site,
                    "status": s.status,
                    "trend": s.trend,
                    "first_seen": _iso(s.first_seen),
                    "last_seen": _iso(s.last_seen),
                    "days_present": s.days_present,
                    "days_checked": s.days_checked,
                    "latest_count": s.latest_count,
                    "since": _iso(s.since),
                }
                for s in self.sites
            ],
            "adherence": {
                a.step: {"label": a.label, "kind": a.kind, "done": a.done, "logged": a.logged, "rate": a.rate}
                for a in self.adherence
            },
            "recommendation": {
                "level": self.recommendation.level,
                "reasons": [
                    {
                        "code": r.code,
                        "level": r.level,
                        "message": r.message,
                        "site": r.site,
                        "since": _iso(r.since),
                        "evidence": _jsonable(r.evidence),
                        "red_flag": r.red_flag,
                    }
                    for r in self.recommendation.reasons
                ],
            },
            "thresholds": self.thresholds.to_dict(),
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _jsonable(evidence: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v.isoformat() if isinstance(v, dt.date) else list(v) if isinstance(v, list) else v
        for k, v in evidence.items()
    }


# --- analysis ------------------------------------------------------------------------------------------------


def analyse(
    days: Iterable[DayLog], start: dt.date, end: dt.date, thresholds: Thresholds | None = None
) -> TimelineResult:
    """Summarise `days` over [start, end] and recommend, as of `end`.

    `days` may reach back before `start` (history): it is used for episodes ("since"), trends and rules, while
    the series, per-site counts and adherence cover only [start, end]. Days after `end` are ignored. At most one
    DayLog per date (the database guarantees one entry per user and date).
    """
    if start > end:
        raise ValueError("start must not be after end")
    th = thresholds or Thresholds()
    history = sorted((d for d in days if d.date <= end), key=lambda d: d.date)
    window = [d for d in history if d.date >= start]
    checks = _checks_by_site(history)
    sites = tuple(_site_summary(site, obs, start, end, th) for site, obs in sorted(checks.items()))
    sites = tuple(s for s in sites if s.days_checked or s.since)
    reasons = _reasons(history, checks, sites, end, th)
    level: Level = max((r.level for r in reasons), key=LEVEL_ORDER.__getitem__, default="none")
    return TimelineResult(
        start=start,
        end=end,
        series=_series(window, start, end),
        sites=sites,
        adherence=_adherence(window),
        recommendation=Recommendation(level, reasons),
        thresholds=th,
    )


Check = tuple[dt.date, SiteObservation]


def _checks_by_site(history: Sequence[DayLog]) -> dict[str, list[Check]]:
    checks: dict[str, list[Check]] = {}
    for day in history:
        for obs in day.observations:
            checks.setdefault(obs.site, []).append((day.date, obs))
    return checks


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


def _adherence(window: Sequence[DayLog]) -> tuple[Adherence, ...]:
    tally: dict[str, list[Any]] = {}  # step -> [label, kind, done, logged], in first-seen order
    for day in window:
        for mark in day.routine:
            row = tally.setdefault(mark.step, [mark.label or mark.step, mark.kind, 0, 0])
            row[2] += int(mark.done)
            row[3] += 1
    return tuple(
        Adherence(step, label, kind, done, logged, round(done / logged, 2) if logged else None)
        for step, (label, kind, done, logged) in tally.items()
    )


def episode_start(checks: Sequence[Check], clear_streak: int) -> dt.date | None:
    """First present day of the site's current episode, or None when its latest checks are clear."""
    since: dt.date | None = None
    clear_run = 0
    for date, obs in checks:
        if obs.count > 0:
            if since is None or clear_run >= clear_streak:
                since = date
            clear_run = 0
        else:
            clear_run += 1
    # A clear latest check means the site is clear now, whatever came before.
    return None if clear_run else since


def _halves(checks: Sequence[Check], end: dt.date, th: Thresholds) -> tuple[list[SiteObservation], ...]:
    """Checked observations in the earlier and the later half of the trend window ending at `end`."""
    half = max(th.trend_window_days // 2, 1)
    split = days_before(end, half - 1)  # first day of the later half
    begin = days_before(split, half)
    earlier = [o for d, o in checks if begin <= d < split]
    later = [o for d, o in checks if split <= d <= end]
    return earlier, later


@dataclass(frozen=True)
class _Change:
    earlier_mean: float
    later_mean: float
    earlier_mm: float | None
    later_mm: float | None

    @property
    def count_delta(self) -> float:
        return self.later_mean - self.earlier_mean

    @property
    def mm_delta(self) -> float:
        if self.earlier_mm is None or self.later_mm is None:
            return 0.0
        return self.later_mm - self.earlier_mm


def change(checks: Sequence[Check], end: dt.date, th: Thresholds) -> _Change | None:
    """Means of the two halves of the trend window; None without at least 2 checks in each half."""
    earlier, later = _halves(checks, end, th)
    if len(earlier) < 2 or len(later) < 2:
        return None

    def mean(obs: list[SiteObservation]) -> float:
        return sum(o.count for o in obs) / len(obs)

    def largest(obs: list[SiteObservation]) -> float | None:
        sizes = [o.largest_mm for o in obs if o.largest_mm is not None]
        return max(sizes) if sizes else None

    return _Change(round(mean(earlier), 2), round(mean(later), 2), largest(earlier), largest(later))


def _since(checks: Sequence[Check], since: dt.date | None) -> list[Check]:
    """The checks of the current episode only: a trend never compares across a clear spell, so bumps that
    just appeared are "new", not "rising" (a new site elsewhere is the spreading rule's business)."""
    return [] if since is None else [(d, o) for d, o in checks if d >= since]


def trend_of(ch: _Change | None, th: Thresholds) -> Trend:
    if ch is None:
        return "unknown"
    if ch.count_delta >= th.rise_min_count or (ch.mm_delta >= th.rise_min_mm and ch.count_delta >= 0):
        return "rising"
    if ch.count_delta <= -th.rise_min_count or (ch.mm_delta <= -th.rise_min_mm and ch.count_delta <= 0):
        return "falling"
    return "steady"


@dataclass(frozen=True)
class _Episode:
    since: dt.date
    last_seen: dt.date
    days_present: int
    days_checked: int

    @property
    def span_days(self) -> int:
        return (self.last_seen - self.since).days + 1

    @property
    def ratio(self) -> float:
        return self.days_present / self.days_checked if self.days_checked else 0.0


def _episode(checks: Sequence[Check], since: dt.date | None) -> _Episode | None:
    if since is None:
        return None
    inside = [(d, o) for d, o in checks if d >= since]
    present = [d for d, o in inside if o.count > 0]
    return _Episode(since, present[-1], len(present), len(inside))


def _persists(ep: _Episode | None, days: int, th: Thresholds) -> bool:
    return (
        ep is not None
        and ep.span_days >= days
        and ep.days_checked >= th.min_checked_days
        and ep.ratio >= th.most_days_ratio
    )


def _site_summary(site: str, checks: list[Check], start: dt.date, end: dt.date, th: Thresholds) -> SiteSummary:
    in_window = [(d, o) for d, o in checks if d >= start]
    present = [d for d, o in in_window if o.count > 0]
    since = episode_start(checks, th.clear_streak)
    trend = trend_of(change(_since(checks, since), end, th), th)
    status: Status
    if since is None:
        status = "clear"
    elif trend == "rising":
        status = "worsening"
    elif trend == "falling":
        status = "improving"
    elif _persists(_episode(checks, since), th.consider_after_days, th):
        status = "persisting"
    else:
        status = "new"
    return SiteSummary(
        site=site,
        status=status,
        trend=trend,
        first_seen=present[0] if present else None,
        last_seen=present[-1] if present else None,
        days_present=len(present),
        days_checked=len(in_window),
        latest_count=in_window[-1][1].count if in_window else None,
        since=since,
    )


# --- rules ---------------------------------------------------------------------------------------------------


def _reasons(
    history: Sequence[DayLog],
    checks: dict[str, list[Check]],
    sites: Sequence[SiteSummary],
    end: dt.date,
    th: Thresholds,
) -> tuple[Reason, ...]:
    reasons: list[Reason] = []
    for summary in sites:
        site_checks = checks[summary.site]
        ep = _episode(site_checks, summary.since)
        reasons += _duration_reasons(summary.site, ep, summary.trend, history, th)
        reasons += _change_reasons(summary.site, site_checks, summary.since, end, th)
    reasons += _symptom_reasons(history, end, th)
    reasons += _spreading_reasons(checks, end, th)
    # Red flags first, then the strongest level, so a client showing only the first reason shows the urgent one.
    reasons.sort(key=lambda r: (not r.red_flag, -LEVEL_ORDER[r.level]))
    return tuple(reasons)


def care_rate(history: Sequence[DayLog], since: dt.date) -> tuple[float | None, int, int]:
    """(rate, done, recorded) of all care steps from `since` on; rate None when no care step was recorded."""
    done = recorded = 0
    for day in history:
        if day.date < since:
            continue
        for mark in day.routine:
            if mark.kind == "care":
                recorded += 1
                done += int(mark.done)
    return (round(done / recorded, 2) if recorded else None), done, recorded


def _duration_reasons(
    site: str, ep: _Episode | None, trend: Trend, history: Sequence[DayLog], th: Thresholds
) -> list[Reason]:
    """`persisting` (consider) or `persisting_despite_care` (book). Falling counts keep it at consider: home care
    that is visibly working is not the "persists despite home care" case."""
    if ep is None or not _persists(ep, th.consider_after_days, th):
        return []
    rate, done, recorded = care_rate(history, ep.since)
    evidence = {
        "span_days": ep.span_days,
        "days_present": ep.days_present,
        "days_checked": ep.days_checked,
        "care_rate": rate,
        "care_done": done,
        "care_recorded": recorded,
    }
    seen = (
        f"Bumps were logged at {label(site)} on {ep.days_present} of {ep.days_checked} checked days "
        f"since {ep.since.isoformat()} ({ep.span_days} days)"
    )
    faithful = rate is not None and rate >= th.care_adherence_min
    if _persists(ep, th.book_after_days, th) and faithful and trend != "falling":
        message = (
            f"{seen}, while your care routine was done {rate:.0%} of the time. "
            "They persist despite home care: consider booking a visit with a dermatologist."
        )
        return [Reason("persisting_despite_care", "book", message, site, ep.since, evidence)]
    care = "no care routine was logged" if rate is None else f"your care routine was done {rate:.0%} of the time"
    falling = f", and counts fell over the last {th.trend_window_days} days" if trend == "falling" else ""
    message = f"{seen}; {care}{falling}. Consider booking a visit if they do not settle."
    return [Reason("persisting", "consider", message, site, ep.since, evidence)]


def _change_reasons(
    site: str, checks: Sequence[Check], since: dt.date | None, end: dt.date, th: Thresholds
) -> list[Reason]:
    ch = change(_since(checks, since), end, th)
    if since is None or ch is None:
        return []
    evidence = {
        "earlier_mean_count": ch.earlier_mean,
        "later_mean_count": ch.later_mean,
        "earlier_largest_mm": ch.earlier_mm,
        "later_largest_mm": ch.later_mm,
        "window_days": th.trend_window_days,
    }
    period = f"over the last {th.trend_window_days} days"
    counts = f"the average count went from {ch.earlier_mean:g} to {ch.later_mean:g}"
    sizes = (
        f" and the largest size from {ch.earlier_mm:g} to {ch.later_mm:g} mm"
        if ch.earlier_mm is not None and ch.later_mm is not None
        else ""
    )
    fast = (ch.later_mean >= 2 * ch.earlier_mean and ch.count_delta >= th.fast_change_min_count) or (
        ch.mm_delta >= th.fast_change_mm
    )
    if fast:
        message = f"Fast change at {label(site)} {period}: {counts}{sizes}. {SEEK_CARE}"
        return [Reason("red_flag_fast_change", "book", message, site, since, evidence, red_flag=True)]
    if trend_of(ch, th) == "rising":
        message = f"Rising at {label(site)} {period}: {counts}{sizes}. Consider booking a visit soon."
        return [Reason("rising", "book", message, site, since, evidence)]
    return []


def _symptom_reasons(history: Sequence[DayLog], end: dt.date, th: Thresholds) -> list[Reason]:
    """Red flags for pain and redness, and the "symptoms on N days within a week" rule."""
    flag_from = days_before(end, th.red_flag_window_days - 1)
    symptom_from = days_before(end, th.symptom_window_days - 1)
    reasons: list[Reason] = []
    for kind, logged in (("pain", lambda o: o.pain > 0), ("redness", lambda o: o.redness)):
        hits = [(d.date, o) for d in history if d.date >= flag_from for o in d.observations if logged(o)]
        if hits:
            sites = sorted({o.site for _, o in hits})
            days = sorted({d for d, _ in hits})
            when = (
                f"on {days[0].isoformat()}"
                if len(days) == 1
                else f"on {len(days)} days from {days[0].isoformat()} to {days[-1].isoformat()}"
            )
            message = f"{kind.capitalize()} was logged {when} at {', '.join(label(s) for s in sites)}. {SEEK_CARE}"
            evidence = {"days": len(days), "last": days[-1], "sites": sites, "window_days": th.red_flag_window_days}
            site = sites[0] if len(sites) == 1 else None
            reasons.append(Reason(f"red_flag_{kind}", "book", message, site, days[0], evidence, red_flag=True))
    symptom_days = sorted(
        {d.date for d in history if d.date >= symptom_from for o in d.observations if o.pain or o.itch or o.redness}
    )
    if len(symptom_days) >= th.symptom_days:
        message = (
            f"Pain, itch or redness was logged on {len(symptom_days)} days in the last {th.symptom_window_days} "
            "days. Consider booking a visit."
        )
        evidence = {"days": len(symptom_days), "window_days": th.symptom_window_days}
        reasons.append(Reason("symptoms_recurring", "book", message, None, symptom_days[0], evidence))
    return reasons


def _spreading_reasons(checks: dict[str, list[Check]], end: dt.date, th: Thresholds) -> list[Reason]:
    """Bumps at sites that had been checked clear (and never had bumps) while another site already had them."""
    recent_from = days_before(end, th.red_flag_window_days - 1)
    established = any(o.count > 0 and d < recent_from for site in checks.values() for d, o in site)
    if not established:
        return []  # the first weeks of logging are not "spreading"
    new_sites = []
    for site, site_checks in checks.items():
        before = [o for d, o in site_checks if d < recent_from]
        now = [(d, o) for d, o in site_checks if recent_from <= d <= end and o.count > 0]
        if now and before and all(o.count == 0 for o in before):
            new_sites.append((site, now[0][0]))
    if not new_sites:
        return []
    names = ", ".join(label(s) for s, _ in sorted(new_sites))
    since = min(d for _, d in new_sites)
    message = f"Bumps appeared at sites that had been clear: {names}. {SEEK_CARE}"
    evidence = {"new_sites": sorted(s for s, _ in new_sites), "window_days": th.red_flag_window_days}
    only = new_sites[0][0] if len(new_sites) == 1 else None
    return [Reason("red_flag_spreading", "book", message, only, since, evidence, red_flag=True)]


def days_before(date: dt.date, days: int) -> dt.date:
    """`date` minus `days`, stopping at the first representable date (year 1 is a valid `from`)."""
    return date - dt.timedelta(days=min(days, (date - dt.date.min).days))


def label(site: str) -> str:
    """The site's readable label ("Left outer ankle"); unknown keys are shown as they are."""
    known = SITES.get(site)
    return known.label if known else site.replace("_", " ")
