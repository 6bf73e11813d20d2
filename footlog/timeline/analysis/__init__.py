"""The persistence analysis: plain data in, a result with its reasons out (docs/timeline.md).

Pure on purpose: no ORM, no request, no clock. `footlog.timeline.selectors.timeline_for` loads the rows and
calls `analyse`; tests feed dataclasses directly. Its parts:

- `types`: the input days, the user's `Thresholds` and the `TimelineResult` (whose `to_dict()` is the API JSON)
- `safety`: the safety floor, fixed in code (clear streak, staleness, every red-flag rule)
- `episodes`: a site's stretches of bumps; `trend`: robust change and fast change; `care`: care against intent
- `redflags`: every red-flag event; `rules`: one function per recommendation rule; `wording`: `LEVEL_TEXT`
- `core`: `analyse`, tying them together

Nothing here diagnoses: texts state what was logged, with dates and numbers.
"""

from footlog.timeline.analysis.core import SiteParts, analyse
from footlog.timeline.analysis.safety import FLOOR_FIELDS, SAFETY_FLOOR
from footlog.timeline.analysis.types import (
    LEVEL_ORDER,
    LEVELS,
    Adherence,
    Coverage,
    DayLog,
    DayPoint,
    Level,
    Reason,
    Recommendation,
    RedFlag,
    RoutineMark,
    SiteObservation,
    SiteSummary,
    Thresholds,
    TimelineResult,
    Visit,
    VisitSummary,
    days_before,
)
from footlog.timeline.analysis.wording import LEVEL_TEXT, SEEK_CARE, label

__all__ = [
    "FLOOR_FIELDS",
    "LEVELS",
    "LEVEL_ORDER",
    "LEVEL_TEXT",
    "SAFETY_FLOOR",
    "SEEK_CARE",
    "Adherence",
    "Coverage",
    "DayLog",
    "DayPoint",
    "Level",
    "Reason",
    "Recommendation",
    "RedFlag",
    "RoutineMark",
    "SiteObservation",
    "SiteParts",
    "SiteSummary",
    "Thresholds",
    "TimelineResult",
    "Visit",
    "VisitSummary",
    "analyse",
    "days_before",
    "label",
]
