"""The recommendation rules, one function each: facts in (`Facts`), reasons out.

Every reason names its evidence. Levels: `none` (information), `consider`, `book`, `urgent` (a red flag in the
last 14 days). Red-flag rules are the safety floor (`safety`), never settings. Messages state what was logged,
with dates and numbers, and end with the level's wording from `wording.LEVEL_TEXT`; they never name a condition.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise
from operator import attrgetter

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
from footlog.timeline.analysis.trend import Change, _day, trend_of
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
    days_before,
    window_start,
)
from footlog.timeline.analysis.wording import (
    Days,
    Joined,
    Msg,
    Num,
    SiteRef,
    Span,
    StepRef,
    cmsg,
    level_msg,
    msg,
    nmsg,
)

_date_of = attrgetter("date")  # a DayLog's date, as a C-level key for bisecting


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

    def history_from(self, date: dt.date) -> Sequence[DayLog]:
        """The days of `history` from `date` on (`history` is in date order, `core.analyse`)."""
        return self.history[bisect_left(self.history, date, key=_date_of) :]

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


def _as_of(summary: SiteSummary) -> Msg | str:
    """Past tense for a site not looked at lately: nothing is claimed about it after its last check."""
    if summary.status == "stale" and summary.last_checked:
        return msg(" (as of %(date)s, when it was last checked)", date=summary.last_checked)
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
        care = cares.get(ep.start) or cares.setdefault(ep.start, care_since(f.history_from(ep.start), ep.start))
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
            seen = msg(
                "Bumps at %(site)s on %(present)s of %(checked)s checks since %(start)s, over %(span)s days to "
                "%(last)s (few checks: the picture may be incomplete)%(as_of)s",
                site=SiteRef(site),
                present=ep.days_present,
                checked=ep.days_checked,
                start=ep.start,
                span=ep.span_days,
                last=ep.last_check,
                as_of=_as_of(summary),
            )
        else:
            seen = msg(
                "Bumps were logged at %(site)s on %(present)s of %(checked)s checked days from %(start)s to "
                "%(last)s (%(span)s days)%(as_of)s",
                site=SiteRef(site),
                present=ep.days_present,
                checked=ep.days_checked,
                start=ep.start,
                last=ep.last_check,
                span=ep.span_days,
                as_of=_as_of(summary),
            )
        if summary.recurrences and summary.first_onset:
            seen = nmsg(
                "%(seen)s; they had cleared and come back %(n)s time since %(first)s",
                "%(seen)s; they had cleared and come back %(n)s times since %(first)s",
                "n",
                seen=seen,
                n=summary.recurrences,
                first=summary.first_onset,
            )
        faithful = care.adherence is not None and care.adherence >= f.th.care_adherence_min
        trend = summary.trend
        if persists(ep, f.th.book_after_days, f.th) and faithful and trend != "falling":
            message = msg(
                "%(seen)s, despite home care (%(care)s). %(advice)s",
                seen=seen,
                care=care.text(),
                advice=level_msg("book"),
            )
            reasons.append(Reason("persisting_despite_care", "book", message, site, ep.start, evidence))
            continue
        falling = (
            msg(", and counts fell over the last %(days)s days", days=f.th.trend_window_days)
            if trend == "falling"
            else ""
        )
        message = msg(
            "%(seen)s; %(care)s%(falling)s. %(advice)s",
            seen=seen,
            care=care.text(),
            falling=falling,
            advice=level_msg("consider"),
        )
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
            msg("; the largest size from %(first)s to %(last)s mm", first=Num(ch.first_mm), last=Num(ch.last_mm))
            if ch.first_mm is not None and ch.last_mm is not None
            else ""
        )
        counts = (
            msg(
                "the count went from about %(first)s to about %(last)s",
                first=Num(ch.first_count),
                last=Num(ch.last_count),
            )
            if abs(ch.last_count - ch.first_count) >= 1
            else msg("the count stayed about %(last)s", last=Num(ch.last_count))
        )
        message = msg(
            "Rising at %(site)s over the last %(days)s days of logging up to %(last)s: %(counts)s (%(checks)s "
            "checks)%(sizes)s%(as_of)s. %(advice)s",
            site=SiteRef(site),
            days=ch.days,
            last=ep.last_check,
            counts=counts,
            checks=ch.checks,
            sizes=sizes,
            as_of=_as_of(f.sites[site]),
            advice=level_msg("book"),
        )
        reasons.append(Reason("rising", "book", message, site, ep.start, evidence))
    return reasons


# --- red flags -------------------------------------------------------------------------------------------------

_FLAG_WORDS = {
    "pain": "Pain was logged at %(site)s %(days)s",
    "redness": "Redness was logged at %(site)s %(days)s",
    "bleeding": "Bleeding was logged at %(site)s %(days)s",
    "spreading": "Spreading was marked at %(site)s %(days)s",
    "fast_change": "Fast change was seen at %(site)s %(days)s",
}
if False:  # the msgids above, for makemessages (the dict keeps the kinds' order of the rules' docs)
    msg("Pain was logged at %(site)s %(days)s")
    msg("Redness was logged at %(site)s %(days)s")
    msg("Bleeding was logged at %(site)s %(days)s")
    msg("Spreading was marked at %(site)s %(days)s")
    msg("Fast change was seen at %(site)s %(days)s")


def _flag_sentence(kind: str, site: str, flags: list[RedFlag]) -> Msg:
    dates = tuple(sorted({flag.date for flag in flags}))
    text = msg(_FLAG_WORDS[kind], site=SiteRef(site), days=Days(dates))
    if kind == "pain":
        values = Joined(tuple(str(flag.value) for flag in flags))
        text = msg("%(text)s (pain %(values)s out of 10)", text=text, values=values)
    if kind == "fast_change" and flags[-1].detail:
        text = msg("%(text)s: %(detail)s", text=text, detail=flags[-1].detail)
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
        message = msg(
            "%(flag)s. %(advice)s", flag=_flag_sentence(kind, site, partners + flags), advice=level_msg("urgent")
        )
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
        message = msg(
            "%(flag)s, %(days)s days before %(end)s. %(advice)s",
            flag=_flag_sentence(kind, site, flags),
            days=days,
            end=f.end,
            advice=level_msg("book"),
        )
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
        if note.pain and note.redness:
            what = msg("Pain %(pain)s out of 10 and redness", pain=note.pain)
        elif note.pain:
            what = msg("Pain %(pain)s out of 10", pain=note.pain)
        else:
            what = msg("Redness")
        message = msg(
            "%(what)s was logged at %(site)s on %(date)s, on one day only. %(advice)s",
            what=what,
            site=SiteRef(note.site),
            date=note.date,
            advice=level_msg("consider"),
        )
        evidence = {"date": note.date, "pain": note.pain, "redness": note.redness}
        reasons.append(Reason("symptom_once", "consider", message, note.site, note.date, evidence))
    return reasons


def itch_recurring(f: Facts) -> list[Reason]:
    """Itch ≥ 4 on 2 days within 7 (the later in the last 14 days) → consider. Itch alone never goes higher."""
    reasons = []
    span = safety.REPEAT_WINDOW_DAYS - 1
    # A pair's later day lies in the last 14 days, its earlier one at most `span` before: older checks never pair.
    pairs_from = days_before(f.last(safety.URGENT_WITHIN_DAYS), span)
    for site in sorted(f.checks):
        checks = f.checks[site]
        recent = checks[bisect_left(checks, pairs_from, key=_day) :]
        days = [(d, o.itch) for d, o in recent if o.itch >= safety.ITCH_MIN and d <= f.end]
        pairs = [
            (a, b)
            for (a, _), (b, _) in pairwise(days)
            if (b - a).days <= span and f.within(b, safety.URGENT_WITHIN_DAYS)
        ]
        if not pairs:
            continue
        dates = sorted({d for pair in pairs for d in pair})
        scores = [itch for d, itch in days if d in dates]
        message = msg(
            "Itch of %(min)s or more was logged at %(site)s %(days)s (itch %(scores)s out of 10). %(advice)s",
            min=safety.ITCH_MIN,
            site=SiteRef(site),
            days=Days(tuple(dates)),
            scores=Joined(tuple(map(str, scores))),
            advice=level_msg("consider"),
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
        message = msg(
            "Bumps were logged at %(site)s from %(start)s, after %(clear)s clear checks there, while bumps at "
            "%(others)s were still logged. %(advice)s",
            site=SiteRef(site),
            start=ep.start,
            clear=clear_before,
            others=Joined(tuple(SiteRef(s) for s in others)),
            advice=level_msg("consider"),
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
            message = nmsg(
                '"%(step)s" was first marked on %(date)s, %(n)s day before bumps were logged at %(site)s '
                "(from %(start)s). Worth mentioning at a visit.",
                '"%(step)s" was first marked on %(date)s, %(n)s days before bumps were logged at %(site)s '
                "(from %(start)s). Worth mentioning at a visit.",
                "n",
                step=StepRef(step, step_label),
                date=date,
                n=before,
                site=SiteRef(site),
                start=ep.start,
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
            message = cmsg(
                "%(site)s has not been checked since %(last)s (bumps last logged there on %(bumps)s); nothing is "
                "known about it after that.",
                site=SiteRef(site),
                last=summary.last_checked,
                bumps=last_bumps,
            )
            evidence = {"last_checked": summary.last_checked}
            reasons.append(Reason("not_checked", "none", message, site, summary.since, evidence))
    return reasons


def sparse_logging(f: Facts) -> list[Reason]:
    c = f.coverage
    if not c.window_days or c.ratio >= safety.SPARSE_BELOW:
        return []
    last = msg(", last entry %(date)s", date=c.last_entry) if c.last_entry else ""
    message = msg(
        "%(logged)s of %(window)s days logged%(last)s. Days not logged are unknown, so this reading rests on little "
        "evidence.",
        logged=c.logged_days,
        window=c.window_days,
        last=last,
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
        checks = f.checks[site]  # in date order: the checks between the two episodes by bisect
        between = checks[bisect_right(checks, before.last_check, key=_day) : bisect_left(checks, ep.start, key=_day)]
        clear = [d for d, o in between if before.last_check < d < ep.start and o.count == 0]
        if not clear:
            continue
        message = msg(
            "Bumps at %(site)s came back on %(start)s after a clear spell (clear %(span)s, %(n)s clear checks)"
            "%(as_of)s. %(advice)s",
            site=SiteRef(site),
            start=ep.start,
            span=Span(clear[0], clear[-1]),
            n=len(clear),
            as_of=_as_of(f.sites[site]),
            advice=level_msg("consider"),
        )
        evidence = {"clear_from": clear[0], "clear_to": clear[-1], "clear_checks": len(clear), "came_back": ep.start}
        reasons.append(Reason("recurred", "consider", message, site, ep.start, evidence))
    return reasons


def one_day_outlier(f: Facts) -> list[Reason]:
    """A value far outside the site's own history on one day only: a caveat, never a trend or fast change."""
    reasons = []
    for o in f.outliers:
        params = {"value": Num(o.value), "site": SiteRef(o.site), "date": o.date, "usual": Num(o.usual)}
        if o.field == "largest_mm":
            message = msg(
                "%(value)s mm at %(site)s on %(date)s on one day only (usually about %(usual)s mm there): read "
                "with care.",
                **params,
            )
        else:
            message = msg(
                "%(value)s bumps at %(site)s on %(date)s on one day only (usually about %(usual)s there): read "
                "with care.",
                **params,
            )
        evidence = {"date": o.date, "field": o.field, "value": o.value, "usual": o.usual}
        reasons.append(Reason("one_day_outlier", "none", message, o.site, o.date, evidence))
    return reasons


# --- visits ------------------------------------------------------------------------------------------------------


def _since_text(summary: VisitSummary) -> Joined:
    parts = (
        msg("%(before)s → %(after)s at %(site)s", before=Num(c.before), after=Num(c.after), site=SiteRef(c.site))
        for c in summary.since
    )
    return Joined(tuple(parts), "; ")


def seen(f: Facts) -> list[Reason]:
    """After a `visited` visit: when the patient was seen, the plan and what changed since, at level none."""
    visit = f.visited
    if visit is None:
        return []
    summary = next((v for v in f.visit_summaries if v.date == visit.date and v.kind == "visited"), None)
    # The plan is the patient's own words: a parameter, never translated.
    plan = msg(" (plan: %(plan)s)", plan=visit.plan) if visit.plan else ""
    since = msg("; since then: %(since)s", since=_since_text(summary)) if summary and summary.since else ""
    message = msg("Seen by a dermatologist on %(date)s%(plan)s%(since)s.", date=visit.date, plan=plan, since=since)
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
        message = msg(
            "%(flag)s, before the visit on %(date)s.", flag=_flag_sentence(kind, site, flags), date=visit.date
        )
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
    where = (
        msg("; bumps were logged since at %(sites)s", sites=Joined(tuple(SiteRef(s) for s in bumps))) if bumps else ""
    )
    message = msg(
        "Review date reached: %(review)s, set at the visit on %(date)s%(where)s. %(advice)s",
        review=visit.review_on,
        date=visit.date,
        where=where,
        advice=level_msg(level),
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
            message = msg(
                "Since the visit on %(date)s the count at %(site)s went %(before)s → %(after)s over %(checks)s "
                "checks. %(advice)s",
                date=visit.date,
                site=SiteRef(c.site),
                before=Num(c.before),
                after=Num(c.after),
                checks=c.checks_after,
                advice=level_msg("book"),
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
        message = msg(
            "Bumps were logged at %(site)s from %(start)s, after the visit on %(date)s. %(advice)s",
            site=SiteRef(site),
            start=ep.start,
            date=visit.date,
            advice=level_msg("consider"),
        )
        evidence = {"visit": visit.date, "onset": ep.start}
        reasons.append(Reason("new_site", "consider", message, site, ep.start, evidence))
    return reasons


def booked(f: Facts) -> list[Reason]:
    visit = f.booked
    if visit is None:
        return []
    message = msg("A visit is booked for %(date)s: bring this log to it.", date=visit.date)
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
