"""One home for what footlog says about a log: the headline per level and the small phrases reasons share.

Used by the Timeline page, the PDF report, the share page and the visit nudge. Nothing here names a condition or
implies one; texts state what was logged, with dates and numbers (tests/timeline/test_wording.py scans them).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from footlog.diary.sites import SITES  # plain data (keys, labels), no models
from footlog.lib.dates import day_text as day_text  # moved down: clinical (below the timeline) writes dates too

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")

SEEK_CARE = "Seek care promptly."
# The one wording table: the level's words per audience. The patient reads the Timeline page and the nudge; the
# clinician reads the PDF report and the share page, which speak of "the patient's log", never "your".
LEVEL_TEXTS: dict[tuple[str, Audience], str] = {
    ("none", "patient"): "Nothing in your log suggests booking a visit now.",
    ("none", "clinician"): "Nothing in the patient's log suggests booking a visit now.",
    ("consider", "patient"): "Worth mentioning to a dermatologist; keep logging.",
    ("consider", "clinician"): "Worth mentioning to a dermatologist; keep logging.",
    ("book", "patient"): "Consider booking a visit with a dermatologist.",
    ("book", "clinician"): "Consider booking a visit with a dermatologist.",
    ("urgent", "patient"): SEEK_CARE,
    ("urgent", "clinician"): SEEK_CARE,
}
# After a recorded visit when nothing logged since suggests booking again (level `none`, reason `seen`).
SEEN_TEXT = "Seen by a dermatologist on {date}; nothing logged since suggests booking again."
# The patient's words per level (the Timeline page, the nudge, reasons' endings): kept as a plain dict for callers.
LEVEL_TEXT: dict[str, str] = {level: text for (level, audience), text in LEVEL_TEXTS.items() if audience == "patient"}


def headline_text(level: str, audience: Audience = "patient", seen_on: dt.date | None = None) -> str:
    """The headline for a level and audience; `seen_on` (a visit) replaces the `none` words."""
    if level == "none" and seen_on is not None:
        return SEEN_TEXT.format(date=short_day(seen_on))
    return LEVEL_TEXTS[(level, audience)]


def label(site: str) -> str:
    """The site's readable label ("Left outer ankle"); unknown keys are shown as they are."""
    known = SITES.get(site)
    return known.label if known else site.replace("_", " ")


def short_day(date: dt.date) -> str:
    """A date in a running sentence: "1 Dec"."""
    return f"{date.day} {date:%b}"


def span_text(first: dt.date, last: dt.date) -> str:
    """A span of days: "2–5 Dec 2026", "28 Nov – 2 Dec 2026", "30 Dec 2026 – 2 Jan 2027", or one day."""
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{day_text(last)}"
    if first.year == last.year:
        return f"{short_day(first)} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


def days_text(dates: list[dt.date]) -> str:
    """ "on 9 Nov 2026" or "on 3 days from 9 Nov 2026 to 14 Nov 2026"."""
    if len(dates) == 1:
        return f"on {day_text(dates[0])}"
    return f"on {len(dates)} days from {day_text(dates[0])} to {day_text(dates[-1])}"


def percent(rate: float) -> str:
    return f"{rate:.0%}"
