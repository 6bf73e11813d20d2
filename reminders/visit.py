"""The visit nudge: the hook into the timeline's recommendation and the once-per-episode rule.

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
from footlog.timeline.analysis import LEVEL_ORDER

logger = logging.getLogger(__name__)

# How far back the timeline looks when deciding whether to nudge.
LOOKBACK = dt.timedelta(days=90)
NUDGE_FROM = "book"  # a nudge episode is a run of days at this level or above
QUIET_DAYS_TO_END = 14  # ... that ends after this many days in a row below it


def current_recommendation_level(user: User, today: dt.date) -> str:
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


def after_visit(level: str, *, nudged_level: str) -> str:
    """The nudged level once the user recorded a visit (booked or had) while the timeline reads `level`.

    A recorded visit answers the nudge: it counts as if `level` had been nudged, so nothing is sent until the level
    rises above it, and the run still ends after two weeks below "book" as usual.
    """
    if LEVEL_ORDER.get(level, 0) < LEVEL_ORDER[NUDGE_FROM]:
        return nudged_level
    return max(level, nudged_level, key=lambda lv: LEVEL_ORDER.get(lv, 0))


def visit_recorded(user: User, today: dt.date) -> None:
    """Quiet the visit nudge after the user recorded a visit on `today` (their local date)."""
    from django.db import transaction

    from reminders.models import Kind, Reminder

    level = current_recommendation_level(user, today)
    with transaction.atomic():
        for reminder in Reminder.objects.select_for_update().filter(user=user, kind=Kind.VISIT_NUDGE):
            reminder.nudge_level = after_visit(level, nudged_level=reminder.nudge_level)
            reminder.nudge_quiet_since = None
            reminder.save(update_fields=["nudge_level", "nudge_quiet_since"])
