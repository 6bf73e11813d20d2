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
from footlog.timeline.analysis.episodes import Check, Episode, clear_checks_before, open_episode, persists
from footlog.timeline.analysis.trend import Change, trend_of
from footlog.timeline.analysis.types import (
    LEVEL_ORDER,
    Coverage,
    DayLog,
    Level,
    Reason,
    RedFlag,
    SiteSummary,
    Thresholds,
    days_before,
)
from footlog.timeline.analysis.wording import LEVEL_TEXT, day_text, days_text, label


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

    def ago(self, days: int) -> dt.date:
        return days_before(self.end, days)

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
        if not persists(ep, f.th.consider_after_days, f.th):
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
        }
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
    """Any red flag in the last 14 days → urgent, one reason per kind and site."""
    recent = [flag for flag in f.flags if f.ago(safety.URGENT_WITHIN_DAYS - 1) <= flag.date <= f.end]
    reasons = []
    for (kind, site), flags in _by_kind_and_site(recent):
        # A repeat rule's partner day may lie just before the 14 days: name it, so "pain 2" reads as the pair it is.
        partners_from = days_before(flags[0].date, safety.REPEAT_WINDOW_DAYS - 1)
        partners = [x for x in f.flags if (x.kind, x.site) == (kind, site) and partners_from <= x.date < flags[0].date]
        message = f"{_flag_sentence(kind, site, partners + flags)}. {LEVEL_TEXT['urgent']}"
        evidence = {"dates": [flag.date for flag in flags], "values": [flag.value for flag in flags]}
        reasons.append(Reason(f"red_flag_{kind}", "urgent", message, site, flags[0].date, evidence, red_flag=True))
    return reasons


def red_flags_earlier(f: Facts) -> list[Reason]:
    """A red flag 15-90 days ago is not forgotten: book. Older ones stay listed in `red_flags` only."""
    earlier = [
        flag
        for flag in f.flags
        if f.ago(safety.EARLIER_RED_FLAG_DAYS - 1) <= flag.date < f.ago(safety.URGENT_WITHIN_DAYS - 1)
    ]
    reasons = []
    for (kind, site), flags in _by_kind_and_site(earlier):
        days = (f.end - flags[-1].date).days
        message = f"{_flag_sentence(kind, site, flags)}, {days} days before {day_text(f.end)}. {LEVEL_TEXT['book']}"
        evidence = {"kind": kind, "dates": [flag.date for flag in flags], "values": [flag.value for flag in flags]}
        reasons.append(Reason("red_flag_earlier", "book", message, site, flags[0].date, evidence, red_flag=True))
    return reasons


# --- symptoms below the floor ------------------------------------------------------------------------------------


def _recent_checks(f: Facts, site: str) -> list[Check]:
    first = f.ago(safety.URGENT_WITHIN_DAYS - 1)
    return [(d, o) for d, o in f.checks[site] if first <= d <= f.end]


def single_symptom(f: Facts) -> list[Reason]:
    """Slight pain (1-3) or redness on one day, in the last 14 days, that is not a red flag → consider."""
    flagged = {(flag.date, flag.site, flag.kind) for flag in f.flags}
    reasons = []
    for site in sorted(f.checks):
        for date, obs in _recent_checks(f, site):
            found = []
            if obs.pain and (date, site, "pain") not in flagged:
                found.append(f"pain {obs.pain} out of 10")
            if obs.redness and (date, site, "redness") not in flagged:
                found.append("redness")
            if found:
                what = " and ".join(found)
                message = (
                    f"{what.capitalize()} was logged at {label(site)} on {day_text(date)}, on one day only. "
                    f"{LEVEL_TEXT['consider']}"
                )
                evidence = {"date": date, "pain": obs.pain, "redness": obs.redness}
                reasons.append(Reason("symptom_once", "consider", message, site, date, evidence))
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
            if (b - a).days <= span and b >= f.ago(safety.URGENT_WITHIN_DAYS - 1)
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
        if ep.start < f.ago(safety.NEW_SITE_RECENT_DAYS - 1):
            continue
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


RULES: tuple[Callable[[Facts], list[Reason]], ...] = (
    red_flags_recent,
    red_flags_earlier,
    persisting,
    rising,
    single_symptom,
    itch_recurring,
    new_site,
    trigger_before_onset,
    not_checked,
    sparse_logging,
)


def level_of(reasons: Sequence[Reason]) -> Level:
    return max((r.level for r in reasons), key=LEVEL_ORDER.__getitem__, default="none")
