"""One home for what footlog says about a log: the headline per level and the small phrases reasons share.

Used by the Timeline page, the PDF report, the share page and the visit nudge. Nothing here names a condition or
implies one; texts state what was logged, with dates and numbers (tests/timeline/test_wording.py scans them).
"""

from __future__ import annotations

import datetime as dt

from footlog.diary.sites import SITES  # plain data (keys, labels), no models

SEEK_CARE = "Seek care promptly."
LEVEL_TEXT: dict[str, str] = {
    "none": "Nothing in your log suggests booking a visit now.",
    "consider": "Consider booking a visit with a dermatologist.",
    "book": "Book a visit with a dermatologist.",
    "urgent": SEEK_CARE,
}


def label(site: str) -> str:
    """The site's readable label ("Left outer ankle"); unknown keys are shown as they are."""
    known = SITES.get(site)
    return known.label if known else site.replace("_", " ")


def day_text(date: dt.date) -> str:
    """A date as people read it: "9 Nov 2026"."""
    return f"{date.day} {date:%b %Y}"


def days_text(dates: list[dt.date]) -> str:
    """ "on 9 Nov 2026" or "on 3 days from 9 Nov 2026 to 14 Nov 2026"."""
    if len(dates) == 1:
        return f"on {day_text(dates[0])}"
    return f"on {len(dates)} days from {day_text(dates[0])} to {day_text(dates[-1])}"


def percent(rate: float) -> str:
    return f"{rate:.0%}"
