"""The analysis' plain data: what goes in (days as logged), the user's tunable thresholds, and what comes out.

Nothing here knows about the ORM or HTTP; `selectors.timeline_for` builds the input from rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from footlog.timeline.analysis.wording import Audience, Msg, headline_text

Status = Literal["clear", "new", "improving", "persisting", "worsening", "stale"]
Trend = Literal["rising", "falling", "steady", "unknown"]
Level = Literal["none", "consider", "book", "urgent"]
Kind = Literal["care", "trigger"]
RedFlagKind = Literal["pain", "redness", "bleeding", "spreading", "fast_change"]

LEVELS: tuple[Level, ...] = ("none", "consider", "book", "urgent")
LEVEL_ORDER: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}


def days_before(date: dt.date, days: int) -> dt.date:
    """`date` minus `days`, stopping at the first representable date (year 1 is a valid `from`)."""
    return date - dt.timedelta(days=min(days, (date - dt.date.min).days))


def window_start(end: dt.date, days: int) -> dt.date:
    """The first day of the last `days` days ending on `end` (`end` itself is day 1): the one home of window
    arithmetic (`Facts.last`, and `core.analyse` before the facts exist). A 14-day window holds `end` and the 13
    days before it."""
    return days_before(end, days - 1)


# --- input ---------------------------------------------------------------------------------------------------


# The input types are NamedTuples, not dataclasses: a 3-year timeline miss builds ~1,000 of them, and a frozen
# dataclass costs several times more to construct (bench/timeline.py). They pickle (the timeline's month cache)
# as `tuple.__new__(cls, values)`, which unpickling runs in C, rather than through the Python-level __new__.


class SiteObservation(NamedTuple):
    """One site looked at on one day. `count` 0 means: looked, none there."""

    site: str
    count: int  # type: ignore[assignment]  # shadows tuple.count, which nothing here uses
    largest_mm: float | None = None
    itch: int = 0
    pain: int = 0
    redness: bool = False
    bleeding: bool = False
    spreading: bool = False

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple.__new__, (type(self), tuple(self)))


class RoutineMark(NamedTuple):
    """A routine step recorded on a day: `done` True or False. Steps not recorded are unknown.

    `target_per_week` is how often the user means to do the step (0 = as needed, not scored); None means the
    kind's default (care 7, trigger 0).
    """

    step: str
    kind: Kind
    done: bool
    label: str = ""
    target_per_week: int | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple.__new__, (type(self), tuple(self)))

    @property
    def target(self) -> int:
        if self.target_per_week is not None:
            return self.target_per_week
        return 7 if self.kind == "care" else 0


class DayLog(NamedTuple):
    """One logged day (an entry), dated in the user's own calendar."""

    date: dt.date
    observations: tuple[SiteObservation, ...] = ()
    routine: tuple[RoutineMark, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple.__new__, (type(self), tuple(self)))


class Visit(NamedTuple):
    """A visit the user recorded: `booked` (an appointment, its date may lie ahead) or `visited` (seen that day).
    `plan` is what the dermatologist proposed, `review_on` when they want to see the patient again."""

    date: dt.date
    kind: Literal["booked", "visited"]
    plan: str = ""
    review_on: dt.date | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple.__new__, (type(self), tuple(self)))


@dataclass(frozen=True)
class Thresholds:
    """The user-tunable rule parameters (duration, trend and care rules). Defaults are documented in
    docs/timeline.md. Red-flag rules, the clear streak and staleness are not here on purpose: they are the
    safety floor (`rules.SAFETY_FLOOR`), which no setting can weaken."""

    consider_after_days: int = 28  # a site with bumps on most checked days for this long → consider
    book_after_days: int = 42  # ... for this long while care adherence ≥ care_adherence_min → book
    most_days_ratio: float = 0.6  # "most checked days" = at least this share
    min_checked_days: int = 8  # fewer checked days in an episode is not enough evidence for a duration rule
    care_adherence_min: float = 0.7
    trend_window_days: int = 28  # trend: Theil-Sen slope over the episode's last this many days
    rise_min_count: float = 2.0  # slope x window at least this many bumps is a trend
    rise_min_mm: float = 0.5  # ... or the median size of the last 3 vs the first 3 values, in mm

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
    last_checked: dt.date | None = None  # last day the site was checked, in the history read
    first_onset: dt.date | None = None  # start of the first episode in the history read
    recurrences: int = 0  # episodes that began after the first one (each after a clear run)
    peak_count: int | None = None  # the highest count in the window (page 1: "peak 6 on 3 Nov")
    peak_date: dt.date | None = None  # ... its first day


class DayPoint(NamedTuple):
    """One day of the window's series. A NamedTuple, not a frozen dataclass (issue 25): a 3-year answer builds
    1,095 of them, several times faster so, and without a __dict__ each for the garbage collector to scan."""

    date: dt.date
    logged: bool
    total: int | None  # None when not logged or no site checked: unknown, not zero
    by_site: dict[str, int]


@dataclass(frozen=True)
class Adherence:
    """One routine step over the window. `rate` is care measured against intent:
    min(1, 7 x done ÷ logged ÷ target); None for triggers, for care steps with target 0, or when never recorded."""

    step: str
    label: str
    kind: Kind
    done: int
    logged: int  # days the step was recorded (done or not) in the window
    rate: float | None
    target_per_week: int = 7


@dataclass(frozen=True)
class RedFlag:
    """One day on which a red-flag rule held at one site. `value`: the score, size or count that day, or True."""

    date: dt.date
    site: str
    kind: RedFlagKind
    value: bool | float  # a score or count (int), a size in mm (float), or True
    # For messages only (fast change: "from 1 to 3.5 mm ..."): a wording.Msg, rendered in the reader's language.
    detail: Msg | str = field(default="", compare=False)


@dataclass(frozen=True)
class Coverage:
    logged_days: int
    window_days: int  # from max(start, first entry ever) to end
    last_entry: dt.date | None

    @property
    def ratio(self) -> float:
        return self.logged_days / self.window_days if self.window_days else 0.0


@dataclass(frozen=True)
class Reason:
    """Why a recommendation was made. `evidence` holds the numbers it rests on."""

    code: str
    level: Level
    message: Msg  # rendered in the active language when read: str(reason.message)
    site: str | None
    since: dt.date | None
    evidence: dict[str, Any] = field(default_factory=dict)
    red_flag: bool = False


@dataclass(frozen=True)
class Recommendation:
    level: Level
    reasons: tuple[Reason, ...]
    seen_on: dt.date | None = None  # the last `visited` visit, when nothing since suggests booking again

    @property
    def headline(self) -> str:
        """The patient's headline (the Timeline page, the nudge)."""
        return self.headline_for("patient")

    def headline_for(self, audience: Audience) -> str:
        """The level's words for `audience` ("patient" or "clinician"), from the one wording table; rendered per
        request from the level (and the visit date for `seen`), never cached as text."""
        return headline_text(self.level, audience, self.seen_on)


@dataclass(frozen=True)
class SlightSymptom:
    """One day of slight pain (≤ 3, or ≤ 2 with redness) or redness alone at a site: a dated note, not a red
    flag. `recent` when within the last 14 days (then also a `symptom_once` reason at `consider`)."""

    date: dt.date
    site: str
    pain: int
    redness: bool
    recent: bool


@dataclass(frozen=True)
class Outlier:
    """A value far outside the site's own history on one day only ("30 mm on one day only")."""

    date: dt.date
    site: str
    field: Literal["largest_mm", "count"]
    value: float
    usual: float


@dataclass(frozen=True)
class SinceVisit:
    """How a site changed since a visit: the median of the last (up to) 3 checks on or before the visit day
    against the median of the last (up to) 3 checks after it."""

    site: str
    before: float
    after: float
    checks_after: int


@dataclass(frozen=True)
class VisitSummary:
    date: dt.date
    kind: Literal["booked", "visited"]
    plan: str
    review_on: dt.date | None
    since: tuple[SinceVisit, ...] = ()


@dataclass(frozen=True)
class TimelineResult:
    start: dt.date
    end: dt.date
    series: tuple[DayPoint, ...]
    sites: tuple[SiteSummary, ...]
    adherence: tuple[Adherence, ...]
    recommendation: Recommendation
    thresholds: Thresholds
    coverage: Coverage = Coverage(0, 0, None)
    red_flags: tuple[RedFlag, ...] = ()
    care_adherence: float | None = None  # over the window; None = routine not recorded
    visits: tuple[VisitSummary, ...] = ()
    slight_symptoms: tuple[SlightSymptom, ...] = ()  # dated notes below the red-flag floor, in the window
    outliers: tuple[Outlier, ...] = ()  # one-day values far outside the site's own history, in the window

    def to_dict(self, *, series: bool = True) -> dict[str, Any]:
        """The API JSON shape (see shared API contract, "Timeline"); dates as YYYY-MM-DD strings. Without the
        "series" key when `series` is False (`selectors.render_json` writes the series' JSON itself).

        Written out field by field rather than with `dataclasses.asdict`, which deep-copies every value and was
        the largest cost of a cached timeline request (bench/timeline.py).
        """
        body: dict[str, Any] = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        if series:
            body["series"] = series_dicts(self.series)
        return body | {
            "sites": [_site_dict(s) for s in self.sites],
            "adherence": {
                a.step: {
                    "label": a.label,
                    "kind": a.kind,
                    "done": a.done,
                    "logged": a.logged,
                    "rate": a.rate,
                    "target_per_week": a.target_per_week,
                }
                for a in self.adherence
            },
            "care_adherence": self.care_adherence,
            "coverage": {
                "logged_days": self.coverage.logged_days,
                "window_days": self.coverage.window_days,
                "last_entry": _iso(self.coverage.last_entry),
            },
            "red_flags": [
                {"date": f.date.isoformat(), "site": f.site, "kind": f.kind, "value": f.value} for f in self.red_flags
            ],
            "recommendation": {
                "level": self.recommendation.level,
                "headline": self.recommendation.headline,
                "headline_clinician": self.recommendation.headline_for("clinician"),
                "seen_on": _iso(self.recommendation.seen_on),
                "reasons": [_reason_dict(r) for r in self.recommendation.reasons],
            },
            "thresholds": self.thresholds.to_dict(),
            "visits": [
                {
                    "date": v.date.isoformat(),
                    "kind": v.kind,
                    "plan": v.plan,
                    "review_on": _iso(v.review_on),
                    "since": [
                        {"site": c.site, "before": c.before, "after": c.after, "checks_after": c.checks_after}
                        for c in v.since
                    ],
                }
                for v in self.visits
            ],
            "slight_symptoms": [
                {"date": n.date.isoformat(), "site": n.site, "pain": n.pain, "redness": n.redness, "recent": n.recent}
                for n in self.slight_symptoms
            ],
            "outliers": [
                {"date": o.date.isoformat(), "site": o.site, "field": o.field, "value": o.value, "usual": o.usual}
                for o in self.outliers
            ],
        }


def series_dicts(series: tuple[DayPoint, ...]) -> list[dict[str, Any]]:
    """The series as the API JSON has it."""
    return [
        {"date": date.isoformat(), "logged": logged, "total": total, "by_site": dict(by_site)}
        for date, logged, total, by_site in series
    ]


def _site_dict(s: SiteSummary) -> dict[str, Any]:
    return {
        "site": s.site,
        "status": s.status,
        "trend": s.trend,
        "first_seen": _iso(s.first_seen),
        "last_seen": _iso(s.last_seen),
        "last_checked": _iso(s.last_checked),
        "first_onset": _iso(s.first_onset),
        "recurrences": s.recurrences,
        "days_present": s.days_present,
        "days_checked": s.days_checked,
        "latest_count": s.latest_count,
        "since": _iso(s.since),
        "peak_count": s.peak_count,
        "peak_date": _iso(s.peak_date),
    }


def _reason_dict(r: Reason) -> dict[str, Any]:
    return {
        "code": r.code,
        "level": r.level,
        "message": str(r.message),
        "site": r.site,
        "since": _iso(r.since),
        "evidence": _jsonable(r.evidence),
        "red_flag": r.red_flag,
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _jsonable(evidence: dict[str, Any]) -> dict[str, object]:
    def one(v: object) -> object:
        if isinstance(v, dt.date):
            return v.isoformat()
        if isinstance(v, (list, tuple)):
            return [one(x) for x in v]
        return v

    return {k: one(v) for k, v in evidence.items()}
