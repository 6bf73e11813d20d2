"""How the timeline's result reads on a page, in the PDF and on the share page: one home for these phrases.

The headline per level is the analysis' wording table (`LEVEL_TEXT`), used as it is; this module only formats the
result's facts (red flags, coverage, care, stale sites) the same way everywhere. Nothing here names or implies a
condition (tests/timeline/test_wording.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from footlog.diary.sites import SITES
from footlog.timeline.analysis import Coverage, Reason, RedFlag, SiteSummary, label
from footlog.timeline.analysis.safety import SPARSE_BELOW
from footlog.timeline.analysis.wording import BOTH_SIDES, Both, Msg, SiteRef, day_text, number, percent

__all__ = ["BOTH_SIDES"]  # kept importable here (its home is wording)

# Msgids; read through gettext (the active language).
RED_FLAG_WORDS = {
    "pain": gettext_noop("pain"),
    "redness": gettext_noop("redness"),
    "bleeding": gettext_noop("bleeding"),
    "spreading": gettext_noop("spreading"),
    "fast_change": gettext_noop("fast change"),
}
ROUTINE_NOT_RECORDED = gettext_noop("routine not recorded")
# A site's status as the Timeline page's table shows it ("stale" rows say since when instead: stale_text).
STATUS_WORDS = {
    "clear": gettext_noop("clear"),
    "new": gettext_noop("new"),
    "improving": gettext_noop("improving"),
    "persisting": gettext_noop("persisting"),
    "worsening": gettext_noop("worsening"),
    "stale": gettext_noop("not checked recently"),
}


@dataclass(frozen=True)
class RedFlagLine:
    """One red-flag event as shown: date, site, what (kind) and its score or size."""

    date: dt.date
    site: str
    kind: str
    value: str

    @property
    def what(self) -> str:
        """ "pain 6/10", "bleeding", "fast change: the largest size 1 → 3.5 mm in 10 days, 1–11 Jan 2026"."""
        if not self.value:
            return self.kind
        return f"{self.kind} {self.value}" if self.value[0].isdigit() else f"{self.kind}: {self.value}"

    @property
    def text(self) -> str:
        return gettext("%(date)s, %(site)s: %(what)s") % {
            "date": day_text(self.date),
            "site": self.site,
            "what": self.what,
        }


def red_flag_value(flag: RedFlag) -> str:
    """The score of a red flag as read: "6/10" for pain, what changed for a fast change, "" for a yes/no flag."""
    value = flag.value
    detail = getattr(flag, "detail", "")  # fast change: what changed, across which checks
    if flag.kind != "pain" and detail:
        return str(detail)
    if value is True or value is None or value is False:
        return ""
    if flag.kind == "pain" and isinstance(value, (int, float)):
        return f"{number(value)}/10"
    if isinstance(value, (int, float)):
        return number(value)
    return str(value)


def red_flag_lines(flags: tuple[RedFlag, ...] | list[RedFlag]) -> list[RedFlagLine]:
    """Every red-flag event, newest first (the most pressing on top), none dropped."""
    ordered = sorted(flags, key=lambda f: (f.date, f.site, f.kind), reverse=True)
    return [RedFlagLine(f.date, label(f.site), _flag_word(f.kind), red_flag_value(f)) for f in ordered]


def _flag_word(kind: str) -> str:
    word = RED_FLAG_WORDS.get(kind)
    return gettext(word) if word else kind.replace("_", " ")


def coverage_text(coverage: Coverage) -> str:
    """ "58 of 90 days logged; last entry 30 Nov 2026"."""
    params: dict[str, object] = {"logged": coverage.logged_days, "window": coverage.window_days}
    if coverage.last_entry:
        params["last"] = day_text(coverage.last_entry)
        return gettext("%(logged)s of %(window)s days logged; last entry %(last)s") % params
    return gettext("%(logged)s of %(window)s days logged") % params


def is_sparse(coverage: Coverage) -> bool:
    return coverage.window_days > 0 and coverage.ratio < SPARSE_BELOW


def sparse_text(coverage: Coverage) -> str:
    """The note under a sparse log, or "" when enough days were logged."""
    if not is_sparse(coverage):
        return ""
    return gettext(
        "Only %(logged)s of %(window)s days were logged. Days not logged are unknown, so this reading rests on "
        "little evidence."
    ) % {"logged": coverage.logged_days, "window": coverage.window_days}


def care_text(rate: float | None) -> str:
    """Care adherence against what the user meant to do, or "routine not recorded" (never 0 % for nothing)."""
    if rate is None:
        return gettext(ROUTINE_NOT_RECORDED)
    return gettext("%(rate)s of the planned care done") % {"rate": percent(rate)}


def status_text(status: str) -> str:
    """A site's status in the active language ("persisting", "anhaltend")."""
    word = STATUS_WORDS.get(status)
    return gettext(word) if word else status


def stale_text(site: SiteSummary) -> str:
    """ "not checked since 9 Nov 2026" for a stale site, "" otherwise."""
    if site.status != "stale":
        return ""
    if site.last_checked is None:
        return gettext("not checked in this period")
    return gettext("not checked since %(date)s") % {"date": day_text(site.last_checked)}


@dataclass(frozen=True)
class ReasonLine:
    """A reason as shown: one per site, or one for both sides of a region when their reasons say the same."""

    code: str
    level: str
    sites: tuple[str, ...]
    text: str
    red_flag: bool


def reason_lines(reasons: tuple[Reason, ...] | list[Reason]) -> list[ReasonLine]:
    """The reasons in order, with a left/right pair of one region grouped when their code, level and message
    (the site aside) are the same: "Bumps at both outer ankles on 7 of 7 checks since ...". Compared as codes
    and parameters (wording.Msg), so the grouping is the same in every language; texts in the active one."""

    def key(r: Reason) -> tuple[str, str, str, Msg] | None:
        site = SITES.get(r.site or "")
        if site is None or not isinstance(r.message, Msg):
            return None
        return (r.code, r.level, site.region, r.message.swap(SiteRef(site.key), Both(site.region)))

    keys = [key(r) for r in reasons]
    used: set[int] = set()
    lines = []
    for i, r in enumerate(reasons):
        if i in used:
            continue
        partner = next(
            (j for j in range(i + 1, len(reasons)) if j not in used and keys[i] is not None and keys[j] == keys[i]),
            None,
        )
        mine = keys[i]
        if partner is None or mine is None:
            lines.append(ReasonLine(r.code, r.level, (r.site,) if r.site else (), str(r.message), r.red_flag))
            continue
        used.add(partner)
        text = str(mine[3])
        text = text[:1].upper() + text[1:]
        sites = tuple(sorted({r.site or "", reasons[partner].site or ""}))
        lines.append(ReasonLine(r.code, r.level, sites, text, r.red_flag))
    return lines
