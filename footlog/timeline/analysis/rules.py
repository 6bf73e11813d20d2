"""The recommendation rules, one function each: facts in (`Facts`), reasons out.

Every reason names its evidence. Levels: `none` (information), `consider`, `book`, `urgent` (a red flag in the
last 14 days). Red-flag rules are the safety floor (`safety`), never settings. Messages state what was logged,
with dates and numbers, and end with the level's wording from `wording.LEVEL_TEXT`; they never name a condition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.care import Care, care_since
from footlog.timeline.analysis.episodes import (
    Check,
    Episode,
    clear_checks_before,
    open_episode,
    persisting_episode,
    persists,
)
from footlog.timeline.analysis.trend import Change, trend_of
from footlog.timeline.analysis.types import (
    LEVEL_ORDER,
    Coverage,
    DayLog,
    Level,
    Outlier,
    Reason,
    RedFlag,
    SiteSummary,
    SlightSymptom,
    Thresholds,
    Visit,
    VisitSummary,
    window_start,
)
from footlog.timeline.analysis.wording import LEVEL_TEXT, day_text, days_text, label, span_text


@dataclass(frozen=True)
class Facts:
    """Everything the rules read, computed once by `core.analyse`."""

    history: Sequence[DayLog]
    checks: dict[str, list[Check]]
    episodes: dict[str, list[Episode]]
    changes: dict[str, Change | None]  # of each site's open episode (trend.change)
    sites: dict[str, SiteSummary]
    flags: Sequence[RedFlag]
    coverage: Coverage
    start: dt.date
    end: dt.date
    th: Thresholds
    slight: Sequence[SlightSymptom] = ()
    outliers: Sequence[Outlier] = ()
    visits: Sequence[Visit] = ()
    visit_summaries: Sequence[VisitSummary] = ()

    def last(self, days: int) -> dt.date:
        """The first day of the last `days` days ending on `end` (`end` itself is day 1): the one home of window
        arithmetic (`types.window_start`). `d >= f.last(14)` holds for `end` and the 13 days before it."""
        return window_start(self.end, days)

    def within(self, date: dt.date, days: int) -> bool:
        """`date` is among the last `days` days (today and the `days - 1` before it)."""
        return self.last(days) <= date <= self.end

    @property
    def visited(self) -> Visit | None:
        """The latest `visited` visit on or before `end`."""
        seen = [v for v in self.visits if v.kind == "visited" and v.date <= self.end]
        return max(seen, key=lambda v: v.date, default=None)

    @property
    def booked(self) -> Visit | None:
        """A `booked` visit that rests the booking advice: its date + 7 days not yet passed, and no `visited`
        visit recorded on or after its date."""
        seen = self.visited
        waiting = [
            v
            for v in self.visits
            if v.kind == "booked"
            and self.end <= v.date + dt.timedelta(days=safety.BOOKED_GRACE_DAYS)
            and (seen is None or seen.date < v.date)
        ]
        return min(waiting, key=lambda v: v.date, default=None)

    def after_visit(self, date: dt.date) -> bool:
        """`date` lies after the latest `visited` visit (True when there is none)."""
        seen = self.visited
        return seen is None or date > seen.date

    def open_episodes(self) -> list[tuple[str, Episode]]:
        return [(site, ep) for site, eps in sorted(self.episodes.items()) if (ep := open_episode(eps))]


def _as_of(summary: SiteSummary) -> str:
    """Past tense for a site not looked at lately: nothing is claimed about it after its last check."""
    if summary.status == "stale" and summary.last_checked:
        return f" (as of {day_text(summary.last_checked)}, when it was last checked)"
    return ""


# --- duration and trend ----------------------------------------------------------------------------------------


def persisting(f: Facts) -> list[Reason]:
    """Bumps on most checks for 4 weeks → consider; for 6 weeks despite the care the user meant to do → book.
    Falling counts keep it at consider: care that visibly works is not "despite home care"."""
    reasons = []
    cares: dict[dt.date, Care] = {}  # sites whose episodes began the same day share one tally
    for site, ep in f.open_episodes():
        if not persisting_episode(ep, f.th):
            continue
        summary = f.sites[site]
        care = cares.get(ep.start) or cares.setdefault(ep.start, care_since(f.history, ep.start))
        evidence = {
            "span_days": ep.span_days,
            "days_present": ep.days_present,
            "days_checked": ep.days_checked,
            "last_checked": ep.last_check,
            "care_adherence": care.adherence,
            "care_steps": care.steps,
            "recurrences": summary.recurrences,
            "few_checks": ep.days_checked < f.th.min_checked_days,
        }
        if ep.days_checked < f.th.min_checked_days:
            # Sparse but consistent (R3): say so, with how many checks over how long.
            seen = (
                f"Bumps at {label(site)} on {ep.days_present} of {ep.days_checked} checks since "
                f"{day_text(ep.start)}, over {ep.span_days} days to {day_text(ep.last_check)} "
                f"(few checks: the picture may be incomplete){_as_of(summary)}"
            )
        else:
            seen = (
                f"Bumps were logged at {label(site)} on {ep.days_present} of {ep.days_checked} checked days "
                f"from {day_text(ep.start)} to {day_text(ep.last_check)} ({ep.span_days} days){_as_of(summary)}"
            )
        if summary.recurrences and summary.first_onset:
            first = day_text(summary.first_onset)
            seen += f"; they had cleared and come back {summary.recurrences} time(s) since {first}"
        faithful = care.adherence is not None and care.adherence >= f.th.care_adherence_min
        trend = summary.trend
        if persists(ep, f.th.book_after_days, f.th) and faithful and trend != "falling":
            message = f"{seen}, despite home care ({care.text()}). {LEVEL_TEXT['book']}"
            reasons.append(Reason("persisting_despite_care", "book", message, site, ep.start, evidence))
            continue
        falling = f", and counts fell over the last {f.th.trend_window_days} days" if trend == "falling" else ""
        message = f"{seen}; {care.text()}{falling}. {LEVEL_TEXT['consider']}"
        reasons.append(Reason("persisting", "consider", message, site, ep.start, evidence))
    return reasons


def rising(f: Facts) -> list[Reason]:
    """Counts (Theil-Sen) or sizes (median of 3) rising over the episode's last `trend_window_days` → book."""
    reasons = []
    for site, ep in f.open_episodes():
        ch = f.changes[site]
        if trend_of(ch, f.th) != "rising" or ch is None:
            continue
        evidence = {
            "count_change": ch.count_change,
            "first_count": ch.first_count,
            "last_count": ch.last_count,
            "first_mm": ch.first_mm,
            "last_mm": ch.last_mm,
            "checks": ch.checks,
            "window_days": ch.days,
        }
        sizes = (
            f"; the largest size from {ch.first_mm:g} to {ch.last_mm:g} mm"
            if ch.first_mm is not None and ch.last_mm is not None
            else ""
        )
        counts = (
            f"the count went from about {ch.first_count:g} to about {ch.last_count:g}"
            if abs(ch.last_count - ch.first_count) >= 1
            else f"the count stayed about {ch.last_count:g}"
        )
        message = (
            f"Rising at {label(site)} over the last {ch.days} days of logging up to {day_text(ep.last_check)}: "
            f"{counts} ({ch.checks} checks){sizes}{_as_of(f.sites[site])}. {LEVEL_TEXT['book']}"
        )
        reasons.append(Reason("rising", "book", message, site, ep.start, evidence))
    return reasons


# --- red flags -------------------------------------------------------------------------------------------------

_FLAG_WORDS = {
    "pain": "Pain was logged",
    "redness": "Redness was logged",
    "bleeding": "Bleeding was logged",
    "spreading": "Spreading was marked",
    "fast_change": "Fast change was seen",
}


def _flag_sentence(kind: str, site: str, flags: list[RedFlag]) -> str:
    dates = sorted({flag.date for flag in flags})
    text = f"{_FLAG_WORDS[kind]} at {label(site)} {days_text(dates)}"
    if kind == "pain":
        text += f" (pain {', '.join(str(flag.value) for flag in flags)} out of 10)"
    if kind == "fast_change":
        text += f": {flags[-1].detail}"
    return text


def _by_kind_and_site(flags: Sequence[RedFlag]) -> list[tuple[tuple[str, str], list[RedFlag]]]:
    def key(flag: RedFlag) -> tuple[str, str]:
        return flag.kind, flag.site

    return [(k, list(group)) for k, group in groupby(sorted(flags, key=key), key=key)]


def red_flags_recent(f: Facts) -> list[Reason]:
    """Any red flag in the last 14 days (`end` and the 13 days before) → urgent, one reason per kind and site.
    One dated before a recorded visit was seen there (`red_flags_before_visit`)."""
    recent = [flag for flag in f.flags if f.within(flag.date, safety.URGENT_WITHIN_DAYS) and f.after_visit(flag.date)]
    reasons = []
    for (kind, site), flags in _by_kind_and_site(recent):
        # A repeat rule's partner day may lie just before the 14 days: name it, so "pain 2" reads as the pair it is.
        partners_from = window_start(flags[0].date, safety.REPEAT_WINDOW_DAYS)
        partners = [x for x in f.flags if (x.kind, x.site) == (kind, site) and partners_from <= x.date < flags[0].date]
        message = f"{_flag_sentence(kind, site, partners + flags)}. {LEVEL_TEXT['urgent']}"
        evidence = {"dates": [flag.date for flag in flags], "values": [flag.value for flag in flags]}
        reasons.append(Reason(f"red_flag_{kind}", "urgent", message, site, flags[0].date, evidence, red_flag=True))
    return reasons


def red_flags_earlier(f: Facts) -> list[Reason]:
    """A red flag 14-89 days before `end` is not forgotten: book. Older ones stay listed in `red_flags` only."""
    earlier = [
        flag
        for flag in f.flags
        if f.within(flag.date, safety.EARLIER_RED_FLAG_DAYS)
        and not f.within(flag.date, safety.URGENT_WITHIN_DAYS)
        and f.after_visit(flag.date)
    ]
    reasons = []
    for (kind, site), flags in _by_kind_and_site(earlier):
        days = (f.end - flags[-1].date).days
        message = f"{_flag_sentence(kind, site, flags)}, {days} days before {day_text(f.end)}. {LEVEL_TEXT['book']}"
        evidence = {"kind": kind, "dates": [flag.date for flag in flags], "values": [flag.value for flag in flags]}
        reasons.append(Reason("red_flag_earlier", "book", message, site, flags[0].date, evidence, red_flag=True))
    return reasons


# --- symptoms below the floor ------------------------------------------------------------------------------------


def single_symptom(f: Facts) -> list[Reason]:
    """A dated note (pain ≤ 3, or ≤ 2 with redness, or redness alone, on one day: not a red flag) within the last
    14 days → consider. Older notes are listed only (`slight_symptoms`): never a `book` reason, and never a reason
    to keep a since-cleared site from reading `none`."""
    reasons = []
    for note in f.slight:
        if not note.recent:
            continue
        found = [f"pain {note.pain} out of 10"] if note.pain else []
        if note.redness:
            found.append("redness")
        what = " and ".join(found)
        message = (
            f"{what.capitalize()} was logged at {label(note.site)} on {day_text(note.date)}, on one day only. "
            f"{LEVEL_TEXT['consider']}"
        )
        evidence = {"date": note.date, "pain": note.pain, "redness": note.redness}
        reasons.append(Reason("symptom_once", "consider", message, note.site, note.date, evidence))
    return reasons


def itch_recurring(f: Facts) -> list[Reason]:
    """Itch ≥ 4 on 2 days within 7 (the later in the last 14 days) → consider. Itch alone never goes higher."""
    reasons = []
    for site in sorted(f.checks):
        days = [(d, o.itch) for d, o in f.checks[site] if o.itch >= safety.ITCH_MIN and d <= f.end]
        span = safety.REPEAT_WINDOW_DAYS - 1
        pairs = [
            (a, b)
            for (a, _), (b, _) in pairwise(days)
            if (b - a).days <= span and f.within(b, safety.URGENT_WITHIN_DAYS)
        ]
        if not pairs:
            continue
        dates = sorted({d for pair in pairs for d in pair})
        scores = [itch for d, itch in days if d in dates]
        message = (
            f"Itch of {safety.ITCH_MIN} or more was logged at {label(site)} {days_text(dates)} "
            f"(itch {', '.join(map(str, scores))} out of 10). {LEVEL_TEXT['consider']}"
        )
        evidence = {"dates": dates, "scores": scores}
        reasons.append(Reason("itch_recurring", "consider", message, site, dates[0], evidence))
    return reasons


# --- context -----------------------------------------------------------------------------------------------------


def new_site(f: Facts) -> list[Reason]:
    """Bumps lately at a site shown clear (≥ 3 clear checks) while another site has an open episode → consider.
    Inferred, so never a red flag: a ticked `spreading` is the red flag."""
    opened = dict(f.open_episodes())
    reasons = []
    for site, ep in opened.items():
        if not f.within(ep.start, safety.NEW_SITE_RECENT_DAYS) or len(f.episodes[site]) > 1:
            continue  # an earlier episode there makes it a recurrence (`recurred`), not a new site
        clear_before = clear_checks_before(f.checks[site], ep.start)
        others = sorted(s for s, other in opened.items() if s != site and other.start < ep.start)
        if clear_before < safety.NEW_SITE_CLEAR_CHECKS or not others:
            continue
        message = (
            f"Bumps were logged at {label(site)} from {day_text(ep.start)}, after {clear_before} clear checks there, "
            f"while bumps at {', '.join(label(s) for s in others)} were still logged. {LEVEL_TEXT['consider']}"
        )
        evidence = {"clear_checks_before": clear_before, "other_sites": others}
        reasons.append(Reason("new_site", "consider", message, site, ep.start, evidence))
    return reasons


def trigger_before_onset(f: Facts) -> list[Reason]:
    """A trigger first marked done in the 7 days before an open episode began: worth mentioning, never a cause."""
    first_done: dict[str, tuple[dt.date, str]] = {}
    for day in f.history:
        for mark in day.routine:
            if mark.kind == "trigger" and mark.done:
                first_done.setdefault(mark.step, (day.date, mark.label or mark.step))
    reasons = []
    for site, ep in f.open_episodes():
        for step, (date, step_label) in first_done.items():
            before = (ep.start - date).days
            if not 1 <= before <= safety.TRIGGER_BEFORE_DAYS:
                continue
            gap = f"{before} day{'s' if before > 1 else ''} before"
            message = (
                f'"{step_label}" was first marked on {day_text(date)}, {gap} bumps were logged at {label(site)} '
                f"(from {day_text(ep.start)}). Worth mentioning at a visit."
            )
            evidence = {"trigger": step, "trigger_date": date, "onset": ep.start, "days_before": before}
            reasons.append(Reason("trigger_before_onset", "consider", message, site, ep.start, evidence))
    return reasons


def not_checked(f: Facts) -> list[Reason]:
    """A site not looked at for over a week is unknown now; say so rather than claim anything."""
    reasons = []
    for site, summary in sorted(f.sites.items()):
        if summary.status == "stale" and summary.last_checked and summary.since:
            last_bumps = max(d for d, o in f.checks[site] if o.count > 0)
            message = (
                f"{label(site)} has not been checked since {day_text(summary.last_checked)} (bumps last logged there "
                f"on {day_text(last_bumps)}); nothing is known about it after that."
            )
            evidence = {"last_checked": summary.last_checked}
            reasons.append(Reason("not_checked", "none", message, site, summary.since, evidence))
    return reasons


def sparse_logging(f: Facts) -> list[Reason]:
    c = f.coverage
    if not c.window_days or c.ratio >= safety.SPARSE_BELOW:
        return []
    last = f", last entry {day_text(c.last_entry)}" if c.last_entry else ""
    message = (
        f"{c.logged_days} of {c.window_days} days logged{last}. Days not logged are unknown, so this reading "
        "rests on little evidence."
    )
    evidence = {"logged_days": c.logged_days, "window_days": c.window_days, "last_entry": c.last_entry}
    return [Reason("sparse_logging", "none", message, None, None, evidence)]


def recurred(f: Facts) -> list[Reason]:
    """An open episode that began after a clear spell (an earlier episode closed by 3 clear checks) → consider,
    naming the clear spell: "clear 3–24 Nov 2026, came back 25 Nov 2026"."""
    reasons = []
    for site, ep in f.open_episodes():
        episodes = f.episodes[site]
        if len(episodes) < 2:
            continue
        before = episodes[-2]
        clear = [d for d, o in f.checks[site] if before.last_check < d < ep.start and o.count == 0]
        if not clear:
            continue
        message = (
            f"Bumps at {label(site)} came back on {day_text(ep.start)} after a clear spell "
            f"(clear {span_text(clear[0], clear[-1])}, {len(clear)} clear checks){_as_of(f.sites[site])}. "
            f"{LEVEL_TEXT['consider']}"
        )
        evidence = {"clear_from": clear[0], "clear_to": clear[-1], "clear_checks": len(clear), "came_back": ep.start}
        reasons.append(Reason("recurred", "consider", message, site, ep.start, evidence))
    return reasons


def one_day_outlier(f: Facts) -> list[Reason]:
    """A value far outside the site's own history on one day only: a caveat, never a trend or fast change."""
    reasons = []
    for o in f.outliers:
        value = f"{o.value:g} mm" if o.field == "largest_mm" else f"{o.value:g} bumps"
        usual = f"{o.usual:g} mm" if o.field == "largest_mm" else f"{o.usual:g}"
        message = (
            f"{value} at {label(o.site)} on {day_text(o.date)} on one day only (usually about {usual} there): "
            "read with care."
        )
        evidence = {"date": o.date, "field": o.field, "value": o.value, "usual": o.usual}
        reasons.append(Reason("one_day_outlier", "none", message, o.site, o.date, evidence))
    return reasons


# --- visits ------------------------------------------------------------------------------------------------------


def _since_text(summary: VisitSummary) -> str:
    return "; ".join(f"{c.before:g} → {c.after:g} at {label(c.site)}" for c in summary.since)


def seen(f: Facts) -> list[Reason]:
    """After a `visited` visit: when the patient was seen, the plan and what changed since, at level none."""
    visit = f.visited
    if visit is None:
        return []
    summary = next((v for v in f.visit_summaries if v.date == visit.date and v.kind == "visited"), None)
    message = f"Seen by a dermatologist on {day_text(visit.date)}"
    if visit.plan:
        message += f" (plan: {visit.plan})"
    if summary and summary.since:
        message += f"; since then: {_since_text(summary)}"
    message += "."
    evidence = {"visit": visit.date, "plan": visit.plan, "review_on": visit.review_on}
    return [Reason("seen", "none", message, None, visit.date, evidence)]


def red_flags_before_visit(f: Facts) -> list[Reason]:
    """Red flags of the last 90 days dated on or before the visit day: listed, not urgent (the visit saw them)."""
    visit = f.visited
    if visit is None:
        return []
    before = [flag for flag in f.flags if f.within(flag.date, safety.EARLIER_RED_FLAG_DAYS) and flag.date <= visit.date]
    reasons = []
    for (kind, site), flags in _by_kind_and_site(before):
        message = f"{_flag_sentence(kind, site, flags)}, before the visit on {day_text(visit.date)}."
        evidence = {"kind": kind, "dates": [x.date for x in flags], "values": [x.value for x in flags]}
        reasons.append(Reason("red_flag_before_visit", "none", message, site, flags[0].date, evidence, red_flag=True))
    return reasons


def review_due(f: Facts) -> list[Reason]:
    """The visit's review date reached: book when bumps were logged since the visit, else consider."""
    visit = f.visited
    if visit is None or visit.review_on is None or visit.review_on > f.end:
        return []
    bumps = sorted({site for site, checks in f.checks.items() for d, o in checks if d > visit.date and o.count > 0})
    level: Level = "book" if bumps else "consider"
    where = f"; bumps were logged since at {', '.join(label(s) for s in bumps)}" if bumps else ""
    message = (
        f"Review date reached: {day_text(visit.review_on)}, set at the visit on {day_text(visit.date)}{where}. "
        f"{LEVEL_TEXT[level]}"
    )
    evidence = {"visit": visit.date, "review_on": visit.review_on, "sites_with_bumps": bumps}
    return [Reason("review_due", level, message, None, visit.review_on, evidence)]


def rising_since_visit(f: Facts) -> list[Reason]:
    """New evidence after a visit: at least 3 checks after it whose last 3 (median) are `rise_min_count` above
    the count at the visit → book."""
    visit = f.visited
    summary = next((v for v in f.visit_summaries if visit and v.date == visit.date and v.kind == "visited"), None)
    if visit is None or summary is None:
        return []
    reasons = []
    for c in summary.since:
        # A site clear at the visit (before 0) that has bumps now is a new site or a recurrence, not a rise.
        rise = c.before > 0 and c.after - c.before >= f.th.rise_min_count
        if c.checks_after >= safety.VISIT_RISE_MIN_CHECKS and rise:
            message = (
                f"Since the visit on {day_text(visit.date)} the count at {label(c.site)} went {c.before:g} → "
                f"{c.after:g} over {c.checks_after} checks. {LEVEL_TEXT['book']}"
            )
            evidence = {"visit": visit.date, "before": c.before, "after": c.after, "checks_after": c.checks_after}
            reasons.append(Reason("rising_since_visit", "book", message, c.site, visit.date, evidence))
    return reasons


def new_since_visit(f: Facts) -> list[Reason]:
    """Bumps at a site that had none at the visit (first logged there after it, or its episode opened after it
    with no earlier one) → consider. A site that had cleared and came back reads `recurred`."""
    visit = f.visited
    if visit is None:
        return []
    reasons = []
    for site, ep in f.open_episodes():
        if ep.start <= visit.date or len(f.episodes[site]) > 1:
            continue
        message = (
            f"Bumps were logged at {label(site)} from {day_text(ep.start)}, after the visit on "
            f"{day_text(visit.date)}. {LEVEL_TEXT['consider']}"
        )
        evidence = {"visit": visit.date, "onset": ep.start}
        reasons.append(Reason("new_site", "consider", message, site, ep.start, evidence))
    return reasons


def booked(f: Facts) -> list[Reason]:
    visit = f.booked
    if visit is None:
        return []
    message = f"A visit is booked for {day_text(visit.date)}: bring this log to it."
    return [Reason("booked", "none", message, None, visit.date, {"visit": visit.date})]


_AFTER_VISIT = ("review_due", "rising_since_visit")  # rules that read only what came after the visit


def after_visits(f: Facts, reasons: list[Reason]) -> list[Reason]:
    """A recorded visit ends the nudge, not the vigilance (R5).

    After a `visited` visit, advice resting on evidence from before it is not repeated: only red flags after it
    (their own rules), reasons whose evidence began after it (`since` later than the visit: a new site, a
    recurrence, a rise, notes), and the review date reached advise again. A `booked` visit rests every non-red-flag
    advice until its date + 7 days. Information (level none) always stays.
    """
    visit = f.visited
    if visit is not None:
        fresh = [r for r in reasons if r.since is not None and r.since > visit.date]
        reasons = [r for r in reasons if r.red_flag or r.level == "none" or r.code in _AFTER_VISIT or r in fresh]
        sites_new = {r.site for r in reasons if r.code == "new_site" and "visit" in r.evidence}
        reasons = [r for r in reasons if r.code != "new_site" or "visit" in r.evidence or r.site not in sites_new]
    if f.booked is not None:
        reasons = [r for r in reasons if r.red_flag or r.level == "none"]
    return reasons


RULES: tuple[Callable[[Facts], list[Reason]], ...] = (
    red_flags_recent,
    red_flags_earlier,
    red_flags_before_visit,
    persisting,
    rising,
    recurred,
    single_symptom,
    itch_recurring,
    new_site,
    trigger_before_onset,
    not_checked,
    one_day_outlier,
    seen,
    review_due,
    rising_since_visit,
    new_since_visit,
    booked,
    sparse_logging,
)


def level_of(reasons: Sequence[Reason]) -> Level:
    return max((r.level for r in reasons), key=LEVEL_ORDER.__getitem__, default="none")
