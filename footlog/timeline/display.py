"""How the timeline's result reads on a page, in the PDF and on the share page: one home for these phrases.

The headline per level is the analysis' wording table (`LEVEL_TEXT`), used as it is; this module only formats the
result's facts (red flags, coverage, care, stale sites) the same way everywhere. Nothing here names or implies a
condition (tests/timeline/test_wording.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from footlog.timeline.analysis import Coverage, RedFlag, SiteSummary, label
from footlog.timeline.analysis.safety import SPARSE_BELOW
from footlog.timeline.analysis.wording import day_text, percent

RED_FLAG_WORDS = {
    "pain": "pain",
    "redness": "redness",
    "bleeding": "bleeding",
    "spreading": "spreading",
    "fast_change": "fast change",
}
ROUTINE_NOT_RECORDED = "routine not recorded"


@dataclass(frozen=True)
class RedFlagLine:
    """One red-flag event as shown: date, site, what (kind) and its score or size."""

    date: Any
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
        return f"{day_text(self.date)}, {self.site}: {self.what}"


def red_flag_value(flag: RedFlag) -> str:
    """The score of a red flag as read: "6/10" for pain, what changed for a fast change, "" for a yes/no flag."""
    value = flag.value
    detail = getattr(flag, "detail", "")  # fast change: what changed, across which checks
    if flag.kind != "pain" and detail:
        return str(detail)
    if value is True or value is None or value is False:
        return ""
    if flag.kind == "pain" and isinstance(value, (int, float)):
        return f"{value:g}/10"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return str(value)


def red_flag_lines(flags: tuple[RedFlag, ...] | list[RedFlag]) -> list[RedFlagLine]:
    """Every red-flag event, newest first (the most pressing on top), none dropped."""
    ordered = sorted(flags, key=lambda f: (f.date, f.site, f.kind), reverse=True)
    return [
        RedFlagLine(f.date, label(f.site), RED_FLAG_WORDS.get(f.kind, f.kind.replace("_", " ")), red_flag_value(f))
        for f in ordered
    ]


def coverage_text(coverage: Coverage) -> str:
    """ "58 of 90 days logged; last entry 30 Nov 2026"."""
    text = f"{coverage.logged_days} of {coverage.window_days} days logged"
    if coverage.last_entry:
        text += f"; last entry {day_text(coverage.last_entry)}"
    return text


def is_sparse(coverage: Coverage) -> bool:
    return coverage.window_days > 0 and coverage.ratio < SPARSE_BELOW


def sparse_text(coverage: Coverage) -> str:
    """The note under a sparse log, or "" when enough days were logged."""
    if not is_sparse(coverage):
        return ""
    return (
        f"Only {coverage.logged_days} of {coverage.window_days} days were logged. Days not logged are unknown, "
        "so this reading rests on little evidence."
    )


def care_text(rate: float | None) -> str:
    """Care adherence against what the user meant to do, or "routine not recorded" (never 0 % for nothing)."""
    if rate is None:
        return ROUTINE_NOT_RECORDED
    return f"{percent(rate)} of the planned care done"


def stale_text(site: SiteSummary) -> str:
    """ "not checked since 9 Nov 2026" for a stale site, "" otherwise."""
    if site.status != "stale":
        return ""
    if site.last_checked is None:
        return "not checked in this period"
    return f"not checked since {day_text(site.last_checked)}"
