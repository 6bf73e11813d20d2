"""The visit nudge: the hook into the timeline's recommendation and the once-per-episode rule.

A nudge episode is a run of days at level "book" or above. It nudges once at its start and once more if it
escalates to "urgent"; there is no repeat while the level stays put, and a drop back (urgent → book) is quiet.
The episode ends on the first day below "book"; a later rise starts a new one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from footlog.timeline.analysis import LEVEL_ORDER

logger = logging.getLogger(__name__)

# How far back the timeline looks when deciding whether to nudge.
LOOKBACK = dt.timedelta(days=90)
NUDGE_FROM = "book"  # a nudge episode is a run of days at this level or above


def current_recommendation_level(user: Any, today: dt.date) -> str:
    """The timeline's recommendation level for `user` on `today`: "none", "consider", "book" or "urgent".

    The timeline app is imported lazily so reminders work (answering "none") where it is not installed yet.
    """
    try:
        from footlog.timeline.selectors import timeline_for
    except ImportError:
        return "none"
    result = timeline_for(user, today - LOOKBACK, today)
    return str(result.recommendation.level)


@dataclass(frozen=True)
class NudgeDecision:
    send: bool
    nudged_level: str  # the highest level nudged in the open episode; "" when no episode is open


def decide_nudge(level: str, *, nudged_level: str) -> NudgeDecision:
    """Today's decision, given today's `level` and the highest level already nudged in the open episode.

    - below "book": no nudge, the episode (if any) ends;
    - "book" or "urgent" with no episode open: nudge, an episode starts at that level;
    - a level above the one nudged (book → urgent): nudge once more;
    - otherwise (same level, or lower but still ≥ book): quiet, whatever the number of days.
    """
    rank = LEVEL_ORDER.get(level, 0)
    if rank < LEVEL_ORDER[NUDGE_FROM]:
        return NudgeDecision(send=False, nudged_level="")
    if rank > LEVEL_ORDER.get(nudged_level, 0):
        return NudgeDecision(send=True, nudged_level=level)
    return NudgeDecision(send=False, nudged_level=nudged_level)
