"""The visit nudge: the hook into the timeline's recommendation and the once-per-episode rule."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

RENUDGE_AFTER = dt.timedelta(days=14)
# How far back the timeline looks when deciding whether to nudge.
LOOKBACK = dt.timedelta(days=90)


def current_recommendation_level(user: Any, today: dt.date) -> str:
    """The timeline's recommendation level for `user` on `today`: "none", "consider" or "book".

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
    episode_open: bool


def decide_nudge(level: str, *, episode_open: bool, last_sent_on: dt.date | None, today: dt.date) -> NudgeDecision:
    """An episode starts when the level becomes "book" and ends when it is anything else.

    Nudge once when an episode starts, then again every 14 days while it lasts; never twice on one episode
    otherwise.
    """
    if level != "book":
        return NudgeDecision(send=False, episode_open=False)
    if not episode_open:
        return NudgeDecision(send=True, episode_open=True)
    due_again = last_sent_on is None or today - last_sent_on >= RENUDGE_AFTER
    return NudgeDecision(send=due_again, episode_open=True)
