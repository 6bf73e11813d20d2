"""Page 1 of the report in numbers: per site the facts a dermatologist asks for, what was tried, the exposures.

The timeline's analysis gives each site's status, episode and trend; this module prints the numbers those rest on
(the last 28 days of the episode and its span) and the history around them, from a fixed number of queries:
observations of the range (1), the first present day per site ever (1), onsets (1), routine marks (1).
Wording states what was logged, with dates and numbers; it never names or implies a condition.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Min
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from accounts.models import User
from footlog.clinical.models import SiteOnset
from footlog.clinical.selectors import site_onsets_in_calendar
from footlog.diary.models import Observation, RoutineLog
from footlog.diary.sites import SITES
from footlog.exports.flag_rows import site_group_label, span_text
from footlog.timeline.analysis import Adherence, SiteSummary, Thresholds, TimelineResult
from footlog.timeline.analysis.types import Outlier
from footlog.timeline.analysis.wording import day_text, label, number, step_label

BASIS_DAYS = 28  # the numbers the status rests on: the episode's last 28 days (the trend window)
WEEK = 7
MAX_DATES = 3  # "on 3 Nov, 9 Nov, 12 Nov and 2 more days"

STATUS_WORDS = {  # msgids, read through gettext
    "clear": gettext_noop("clear now"),
    "new": gettext_noop("new"),
    "improving": gettext_noop("improving"),
    "persisting": gettext_noop("persisting"),
    "worsening": gettext_noop("worsening"),
    "stale": gettext_noop("not checked recently"),
}
TREND_WORDS = {"rising": gettext_noop("rising"), "falling": gettext_noop("falling"), "steady": gettext_noop("steady")}
THRESHOLD_WORDS = {
    "consider_after_days": gettext_noop("consider a visit after (days)"),
    "book_after_days": gettext_noop("book a visit after (days)"),
    "most_days_ratio": gettext_noop("share of checked days with bumps"),
    "min_checked_days": gettext_noop("checked days needed"),
    "care_adherence_min": gettext_noop("care counted as faithful from"),
    "trend_window_days": gettext_noop("trend window (days)"),
    "rise_min_count": gettext_noop("change in count that counts"),
    "rise_min_mm": gettext_noop("change in size that counts (mm)"),
}


class Check(NamedTuple):
    date: dt.date
    count: int  # type: ignore[assignment]  # shadows tuple.count, which nothing here uses
    largest_mm: float | None
    itch: int
    pain: int
    note: str = ""


@dataclass
class SiteNote:
    """The patient's own words about a site on a day (the observation's note), shown as written."""

    date: dt.date
    text: str


@dataclass
class SiteFacts:
    """One site with bumps in the range, in numbers: active, cleared since, or not checked recently."""

    key: str
    label: str
    status: str  # "persisting, rising"
    reported_onset: str  # "about Mar 2026", "not sure", "" (not asked or not answered)
    onset_note: str
    first_logged: dt.date | None  # first day bumps were logged here, ever
    since: dt.date | None  # the current episode's start
    last_checked: dt.date | None
    counts: str  # "first week 2–4 → last week 9–10", or "2–4" for a short basis
    change: str  # "2 → 10 over 10 weeks"
    largest: str  # "3.5 mm (12 Nov 2026)"
    itch: str  # "5/10 on 3 Nov, 9 Nov"
    pain: str
    recurrences: int
    stale: str = ""
    peak: str = ""  # "12 (3 Nov 2026)": the highest count in the range and its (latest) day
    latest: str = ""  # "5 on 30 Nov 2026", "none since 21 Oct 2026 (last checked 30 Nov 2026)", "not checked since …"
    spell: str = ""  # a cleared site: "bumps 1 Sep – 20 Oct 2026"
    notes: list[SiteNote] = field(default_factory=list)  # the latest few, newest first
    notes_more: int = 0  # older notes at this site in the range (all in the daily log)
    pair: str = ""  # on the first of a symmetric pair shown together: "Both outer ankles"
    caveats: list[str] = field(default_factory=list)  # "30 mm on 12 Nov 2026 only (usual 2 mm)"
    paired: bool = False


@dataclass
class SiteLine:
    """Sites told in one line each: all clear, or not checked since a date."""

    label: str
    text: str


@dataclass
class CareLine:
    label: str
    done: int
    logged: int
    target: str  # "7/week", "as needed"
    percent: int | None
    details: str  # products and strengths from the routine detail: "urea 10 %"
    own: bool  # the user's own step (a treatment they added)
    first: dt.date | None
    last: dt.date | None


@dataclass
class ExposureLine:
    """A trigger as a dated exposure: "New product from 21 Nov 2026 (3 days: 21 Nov, 22 Nov, 25 Nov)"."""

    label: str
    first: dt.date
    days: int
    dates: str


@dataclass
class Findings:
    sites: list[SiteFacts] = field(default_factory=list)
    clear: str = ""  # "Left sole, Right heel: clear when last checked"
    stale: list[SiteLine] = field(default_factory=list)
    care: list[CareLine] = field(default_factory=list)
    exposures: list[ExposureLine] = field(default_factory=list)
    thresholds: list[str] = field(default_factory=list)  # only those the user changed, with the default


def had_bumps(summary: SiteSummary) -> bool:
    """A site page 1 must show in the sites table: bumps logged in the range (cleared or not checked since
    included), or an episode still open from before it."""
    return summary.status not in ("clear", "stale") or summary.days_present > 0 or summary.since is not None


def gather(user: User, timeline: TimelineResult, start: dt.date, end: dt.date) -> Findings:
    """The page-1 facts of `timeline` for `user` over [start, end]: every site with bumps in the range, cleared
    and stale ones included; the sites without bumps in one line each."""
    shown = [s for s in timeline.sites if had_bumps(s)]
    earliest = min([start, *(s.since for s in shown if s.since)])
    checks = _checks_by_site(user, earliest, end)
    firsts = _first_present_day(user)
    onsets = {o.site: o for o in site_onsets_in_calendar(user)}
    facts = [_site_facts(s, checks.get(s.site, []), firsts.get(s.site), onsets.get(s.site), start) for s in shown]
    for fact in facts:
        fact.caveats = outlier_caveats(getattr(timeline, "outliers", ()), fact.key, start)
    facts.sort(key=lambda f: (f.since or f.first_logged or dt.date.max, f.key))
    care, exposures = _tried(user, timeline.adherence, start, end)
    return Findings(
        sites=_pairs_together(facts),
        clear=_clear_line(s for s in timeline.sites if s.status == "clear" and not had_bumps(s)),
        stale=[_stale_line(s) for s in timeline.sites if s.status == "stale" and not had_bumps(s)],
        care=care,
        exposures=exposures,
        thresholds=_changed_thresholds(timeline.thresholds),
    )


def _checks_by_site(user: User, start: dt.date, end: dt.date) -> dict[str, list[Check]]:
    rows = (
        Observation.objects.filter(entry__user=user, entry__date__gte=start, entry__date__lte=end)
        .order_by("entry__date")
        .values_list("site", "entry__date", "count", "largest_mm", "itch", "pain", "note")
    )
    by_site: dict[str, list[Check]] = defaultdict(list)
    for site, date, count, largest_mm, itch, pain, note in rows:
        by_site[site].append(Check(date, count, largest_mm, itch, pain, note.strip()))
    return by_site


def _pairs_together(facts: list[SiteFacts]) -> list[SiteFacts]:
    """Both sides of a region next to each other (the later one moved up to its partner), the first marked with
    the pair's name ("Both outer ankles") so that the table groups them."""
    keys = {f.key for f in facts}
    placed: set[str] = set()
    out: list[SiteFacts] = []
    for fact in facts:
        if fact.key in placed:
            continue
        out.append(fact)
        placed.add(fact.key)
        site = SITES.get(fact.key)
        partner = f"{'right' if site.side == 'left' else 'left'}_{site.region}" if site else ""
        if partner in keys and partner not in placed:
            other = next(f for f in facts if f.key == partner)
            fact.pair = site_group_label(sorted([fact.key, partner]))
            fact.paired = other.paired = True
            out.append(other)
            placed.add(partner)
    return out


def _first_present_day(user: User) -> dict[str, dt.date]:
    rows = (
        Observation.objects.filter(entry__user=user, count__gt=0)
        .values("site")
        .annotate(first=Min("entry__date"))
        .values_list("site", "first")
    )
    return dict(rows)


def _site_facts(
    summary: SiteSummary, checks: list[Check], first_logged: dt.date | None, onset: SiteOnset | None, start: dt.date
) -> SiteFacts:
    cleared = summary.status == "clear" and summary.last_seen is not None
    basis_end = (summary.last_seen if cleared else summary.last_checked) or (checks[-1].date if checks else start)
    basis_start = max(summary.since or start, basis_end - dt.timedelta(days=BASIS_DAYS - 1))
    basis = [c for c in checks if basis_start <= c.date <= basis_end]
    in_range = [c for c in checks if c.date >= start]
    status = gettext(STATUS_WORDS[summary.status]) if summary.status in STATUS_WORDS else summary.status
    if summary.trend in TREND_WORDS and summary.status in ("new", "persisting"):  # "worsening, rising" says it twice
        status += f", {gettext(TREND_WORDS[summary.trend])}"
    return SiteFacts(
        key=summary.site,
        label=label(summary.site),
        status=status,
        reported_onset=_onset_text(onset),
        onset_note=onset.note if onset else "",
        first_logged=first_logged,
        since=summary.since,
        last_checked=summary.last_checked,
        counts=_counts_text(basis, basis_start, basis_end),
        change=_change_text([c for c in checks if summary.since is None or c.date >= summary.since]),
        largest=_largest_text(in_range),
        itch=_worst_text(in_range, "itch"),
        pain=_worst_text(in_range, "pain"),
        recurrences=summary.recurrences,
        peak=_peak_text(in_range),
        latest=_latest_text(summary, checks),
        spell=(
            gettext("bumps %(span)s") % {"span": _span_dates(summary.first_seen, summary.last_seen)}
            if cleared and summary.first_seen and summary.last_seen
            else ""
        ),
        notes=[SiteNote(c.date, c.note) for c in reversed(in_range) if c.note][:SITE_NOTES],
        notes_more=max(0, sum(1 for c in in_range if c.note) - SITE_NOTES),
    )


SITE_NOTES = 3  # per site on page 1: the latest few, newest first


def outlier_caveats(outliers: Iterable[Outlier], site: str, start: dt.date) -> list[str]:
    """The analysis' one-day values far outside the site's own history (when it gives them), as page-1 caveats."""
    out = []
    for o in outliers:
        if o.site != site or o.date < start:
            continue
        value, usual, date = number(o.value), number(o.usual), day_text(o.date)
        if o.field == "largest_mm":
            text = gettext("%(value)s mm on %(date)s only (usual %(usual)s mm)")
        else:
            text = ngettext(
                "%(value)s bump on %(date)s only (usual %(usual)s)",
                "%(value)s bumps on %(date)s only (usual %(usual)s)",
                int(o.value),
            )
        out.append(text % {"value": value, "date": date, "usual": usual})
    return out


def _span_dates(first: dt.date, last: dt.date) -> str:
    return day_text(first) if first == last else span_text(first, last)


def _peak_text(checks: list[Check]) -> str:
    """ "12 (3 Nov 2026)": the highest count in the range, on the latest day it was reached."""
    present = [c for c in checks if c.count > 0]
    if not present:
        return ""
    top = max(present, key=lambda c: (c.count, c.date))
    return f"{top.count} ({day_text(top.date)})"


def _latest_text(summary: SiteSummary, checks: list[Check]) -> str:
    """The site's state as last logged: "5 on 30 Nov 2026"; cleared: "none since 21 Oct 2026 (last checked …)";
    not checked recently: "not checked since 9 Nov 2026 (5 then)"."""
    if not checks:
        return display_stale(summary)
    last = checks[-1]
    if summary.status == "stale":
        return gettext("not checked since %(date)s (%(n)s then)") % {"date": day_text(last.date), "n": last.count}
    if last.count == 0:
        bumps = [c.date for c in checks if c.count > 0]
        clear_from = next((c.date for c in checks if bumps and c.date > bumps[-1]), last.date)
        checked = gettext(" (last checked %(date)s)") % {"date": day_text(last.date)} if clear_from != last.date else ""
        return gettext("none since %(date)s") % {"date": day_text(clear_from)} + checked
    return gettext("%(n)s on %(date)s") % {"n": last.count, "date": day_text(last.date)}


def display_stale(summary: SiteSummary) -> str:
    if summary.last_checked is None:
        return gettext("not checked in this period")
    return gettext("not checked since %(date)s") % {"date": day_text(summary.last_checked)}


def _onset_text(onset: SiteOnset | None) -> str:
    if onset is None:
        return ""
    if onset.not_sure or onset.noticed_since is None:
        return gettext("not sure")
    return gettext("about %(month)s") % {"month": date_format(onset.noticed_since, "M Y")}


def _span(counts: Iterable[int]) -> str:
    values = list(counts)
    low, high = min(values), max(values)
    return f"{low}" if low == high else f"{low}–{high}"


def _counts_text(basis: list[Check], basis_start: dt.date, basis_end: dt.date) -> str:
    """Counts in the first and the last week of the basis (min–max), or one span when it is under two weeks."""
    if not basis:
        return ""
    if (basis_end - basis_start).days + 1 < 2 * WEEK:
        return _checks_text(basis)
    first = [c.count for c in basis if c.date < basis_start + dt.timedelta(days=WEEK)]
    last = [c.count for c in basis if c.date > basis_end - dt.timedelta(days=WEEK)]
    if not first or not last:
        return _checks_text(basis)
    return gettext("first week %(first)s → last week %(last)s") % {"first": _span(first), "last": _span(last)}


def _checks_text(basis: list[Check]) -> str:
    n = len(basis)
    return ngettext("%(span)s (%(n)s check)", "%(span)s (%(n)s checks)", n) % {
        "span": _span(c.count for c in basis),
        "n": n,
    }


def _change_text(episode: list[Check]) -> str:
    """ "2 → 10 over 10 weeks": the episode's first count to its latest, over its span."""
    if len(episode) < 2:
        return ""
    days = (episode[-1].date - episode[0].date).days
    if days >= 2 * WEEK:
        span = gettext("%(n)s weeks") % {"n": round(days / WEEK)}
    else:
        span = ngettext("%(n)s day", "%(n)s days", days) % {"n": days}
    return gettext("%(first)s → %(last)s over %(span)s") % {
        "first": episode[0].count,
        "last": episode[-1].count,
        "span": span,
    }


def _largest_text(checks: list[Check]) -> str:
    sized = [c for c in checks if c.largest_mm is not None]
    if not sized:
        return ""
    top = max(sized, key=lambda c: (c.largest_mm, c.date))
    return f"{number(top.largest_mm or 0)} mm ({day_text(top.date)})"


def _worst_text(checks: list[Check], score: str) -> str:
    """The worst itch or pain score with its days: "5/10 on 3 Nov 2026, 9 Nov 2026"; "" when none was logged."""
    worst = max((getattr(c, score) for c in checks), default=0)
    if not worst:
        return ""
    days = [c.date for c in checks if getattr(c, score) == worst]
    return gettext("%(worst)s/10 on %(dates)s") % {"worst": worst, "dates": _dates_text(days)}


def _dates_text(days: list[dt.date]) -> str:
    """ "3 Nov 2026, 9 Nov 2026" for a few days; "30 days from 1 Nov 2026 to 30 Nov 2026" for many."""
    if len(days) > MAX_DATES:
        return gettext("%(n)s days from %(first)s to %(last)s") % {
            "n": len(days),
            "first": day_text(days[0]),
            "last": day_text(days[-1]),
        }
    return ", ".join(day_text(d) for d in days)


def _clear_line(sites: Iterable[SiteSummary]) -> str:
    labels = [label(s.site) for s in sites]
    return gettext("%(sites)s: clear when last checked") % {"sites": ", ".join(labels)} if labels else ""


def _stale_line(summary: SiteSummary) -> SiteLine:
    return SiteLine(label(summary.site), display_stale(summary))


def _tried(
    user: User, adherence: tuple[Adherence, ...], start: dt.date, end: dt.date
) -> tuple[list[CareLine], list[ExposureLine]]:
    """Care steps against their weekly target, with the products named in their detail and, for the user's own
    steps, the first and last day done; triggers as dated exposures, never as a rate."""
    marks = (
        RoutineLog.objects.filter(entry__user=user, entry__date__gte=start, entry__date__lte=end, done=True)
        .order_by("entry__date")
        .values_list("step__key", "step__user_id", "entry__date", "detail")
    )
    done_days: dict[str, list[dt.date]] = defaultdict(list)
    details: dict[str, list[str]] = defaultdict(list)
    own: set[str] = set()
    for key, owner, day, detail in marks:
        done_days[key].append(day)
        if owner is not None:
            own.add(key)
        if detail.strip() and detail.strip() not in details[key]:
            details[key].append(detail.strip())
    care, exposures = [], []
    for a in adherence:
        days = done_days.get(a.step, [])
        if a.kind == "trigger":
            if days:
                exposures.append(ExposureLine(step_label(a.step, a.label), days[0], len(days), _dates_text(days)))
            continue
        care.append(
            CareLine(
                label=step_label(a.step, a.label),
                done=a.done,
                logged=a.logged,
                target=gettext("%(n)s/week") % {"n": a.target_per_week} if a.target_per_week else gettext("as needed"),
                percent=None if a.rate is None else round(a.rate * 100),
                details=", ".join(details.get(a.step, [])[:MAX_DATES]),
                own=a.step in own,
                first=days[0] if days else None,
                last=days[-1] if days else None,
            )
        )
    return care, exposures


def _changed_thresholds(thresholds: Thresholds) -> list[str]:
    """ "book a visit after (days): 56 (default 42)" for each setting the user changed; [] when none."""
    defaults = Thresholds()
    return [
        gettext("%(name)s: %(value)s (default %(default)s)")
        % {
            "name": gettext(THRESHOLD_WORDS[name]) if name in THRESHOLD_WORDS else name,
            "value": number(value),
            "default": number(getattr(defaults, name)),
        }
        for name, value in thresholds.to_dict().items()
        if value != getattr(defaults, name)
    ]
