"""Page 1's red-flag table: every red-flag event of the range, grouped so that none is cut and no kind is missing.

The analysis lists one event per day, site and kind (`TimelineResult.red_flags`). Page 1 shows one row per kind and
site (or pair of sites: "both outer ankles"), ordered by what a dermatologist reads first: bleeding, spreading,
fast change, pain with redness, pain, redness, then any kind the analysis adds later (its code read as words).
A pain and a redness event at one site on the same day make one "pain with redness" event. Repeated events read
"pain 4–6/10 on 22 days, 10 Nov – 2 Dec 2026". Every dated event stays listed in the report's appendix
(`display.red_flag_lines`); this module only groups, it never drops.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from footlog.diary.sites import SITES
from footlog.timeline.analysis import RedFlag
from footlog.timeline.analysis.wording import day_text, label, short_day

PAIN_WITH_REDNESS = "pain_with_redness"
KIND_ORDER = ("bleeding", "spreading", "fast_change", PAIN_WITH_REDNESS, "pain", "redness")
KIND_WORDS = {  # msgids, read through gettext
    "bleeding": gettext_noop("bleeding"),
    "spreading": gettext_noop("spreading"),
    "fast_change": gettext_noop("fast change"),
    PAIN_WITH_REDNESS: gettext_noop("pain with redness"),
    "pain": gettext_noop("pain"),
    "redness": gettext_noop("redness"),
}
SCORED = {"pain", PAIN_WITH_REDNESS}  # the value is a 0-10 score


@dataclass(frozen=True)
class Event:
    """One day's red flag of one kind at one site, as page 1 counts it."""

    date: dt.date
    site: str
    kind: str
    value: bool | float
    detail: str = ""


@dataclass(frozen=True)
class FlagRow:
    """One row of page 1's red-flag table: a kind at a site (or a symmetric pair), over its days."""

    kind: str
    sites: tuple[str, ...]
    dates: tuple[dt.date, ...]  # distinct days, oldest first
    scores: tuple[int, ...] = ()  # pain scores, for the scored kinds
    detail: str = ""  # the latest event's own words (fast change: what changed, over which span)

    @property
    def site(self) -> str:
        return site_group_label(self.sites)

    @property
    def what(self) -> str:
        word = KIND_WORDS.get(self.kind)
        words = gettext(word) if word else self.kind.replace("_", " ")
        if self.scores:
            low, high = min(self.scores), max(self.scores)
            words += f" {low}/10" if low == high else f" {low}–{high}/10"
        return words

    @property
    def when(self) -> str:
        """ "on 22 Nov 2026", "on 22 days, 10 Nov – 2 Dec 2026"."""
        if len(self.dates) == 1:
            return gettext("on %(date)s") % {"date": day_text(self.dates[0])}
        return gettext("on %(n)s days, %(span)s") % {
            "n": len(self.dates),
            "span": span_text(self.dates[0], self.dates[-1]),
        }

    @property
    def text(self) -> str:
        text = f"{self.what} {self.when}"
        return f"{text} ({self.detail})" if str(self.detail) else text


def span_text(first: dt.date, last: dt.date) -> str:
    """ "10 Nov – 2 Dec 2026"; the first year only when it differs."""
    head = short_day(first) + (f" {first.year}" if first.year != last.year else "")
    return f"{head} – {day_text(last)}"


def site_group_label(sites: Sequence[str]) -> str:
    """ "Left sole"; "Both outer ankles" for a symmetric pair."""
    if len(sites) == 1:
        return label(sites[0])
    region = SITES[sites[0]].region
    return gettext(PAIR_WORDS[region]) if region in PAIR_WORDS else region


# A symmetric pair as the name of a table row (msgids).
PAIR_WORDS = {
    "toes": gettext_noop("Toes of both feet"),
    "top": gettext_noop("Tops of both feet"),
    "sole": gettext_noop("Both soles"),
    "heel": gettext_noop("Both heels"),
    "ankle_inner": gettext_noop("Both inner ankles"),
    "ankle_outer": gettext_noop("Both outer ankles"),
}


def events(flags: Iterable[RedFlag]) -> list[Event]:
    """The analysis' events, with a pain and a redness event of one site and day merged into "pain with
    redness" (the score kept)."""
    by_day: dict[tuple[dt.date, str], dict[str, RedFlag]] = defaultdict(dict)
    for flag in flags:
        by_day[(flag.date, flag.site)][str(flag.kind)] = flag
    out = []
    for (date, site), kinds in by_day.items():
        if "pain" in kinds and "redness" in kinds:
            pain = kinds.pop("pain")
            kinds.pop("redness")
            out.append(Event(date, site, PAIN_WITH_REDNESS, pain.value))
        out += [Event(date, site, kind, f.value, str(getattr(f, "detail", "") or "")) for kind, f in kinds.items()]
    return out


def _score(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return int(value)


def _row(kind: str, sites: tuple[str, ...], group: list[Event]) -> FlagRow:
    group.sort(key=lambda e: e.date)
    scores = tuple(s for e in group if (s := _score(e.value)) is not None) if kind in SCORED else ()
    details = [e.detail for e in group if e.detail]
    return FlagRow(kind, sites, tuple(sorted({e.date for e in group})), scores, details[-1] if details else "")


def _pair_key(site: str) -> tuple[str, str] | None:
    known = SITES.get(site)
    return (known.region, known.side) if known else None


def flag_rows(flags: Iterable[RedFlag]) -> list[FlagRow]:
    """Page 1's rows for `flags`: grouped by kind and site, a symmetric pair of sites with the same kind in one
    row, ordered by kind (KIND_ORDER, then unknown kinds by name) and within a kind the latest first."""
    grouped: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for event in events(flags):
        grouped[(event.kind, event.site)].append(event)
    rows: list[FlagRow] = []
    for kind in sorted({k for k, _ in grouped}, key=_kind_rank):
        sites = sorted(site for k, site in grouped if k == kind)
        by_region: dict[str, list[str]] = defaultdict(list)
        for site in sites:
            pair = _pair_key(site)
            by_region[pair[0] if pair else site].append(site)
        kind_rows = [
            _row(kind, tuple(members), [e for s in members for e in grouped[(kind, s)]])
            for members in by_region.values()
        ]
        rows += sorted(kind_rows, key=lambda r: (r.dates[-1], r.site), reverse=True)
    return rows


def _kind_rank(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind), "") if kind in KIND_ORDER else (len(KIND_ORDER), kind)
