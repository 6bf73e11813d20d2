"""The safety floor: rules and numbers no user setting can change (docs/timeline.md, "Safety floor").

A red flag is never lost, weakened by a setting, or contradicted by a headline, so these are constants in code,
not `Thresholds` fields; `PUT timeline/settings` naming any of them is refused.
"""

from __future__ import annotations

from typing import Any

CLEAR_STREAK = 3  # clear checks in a row that end an episode (one zero inside an episode does not)
STALE_AFTER_DAYS = 7  # a site last checked more than this many days before `to` is "stale"
URGENT_WITHIN_DAYS = 14  # a red flag this recent makes the level "urgent"
EARLIER_RED_FLAG_DAYS = 90  # an older red flag (15-90 days) still gives a "book" reason
PAIN_ALONE = 4  # pain of this score or more on one day is a red flag
REPEAT_DAYS = 2  # pain (any score) or redness on this many days ...
REPEAT_WINDOW_DAYS = 7  # ... within this many days at one site is a red flag
ITCH_MIN = 4  # itch of this score on REPEAT_DAYS within REPEAT_WINDOW_DAYS → consider (never higher)
FAST_CHANGE_WINDOW_DAYS = 28  # fast change looks at the episode's last this many days ...
FAST_CHANGE_MIN_VALUES = 3  # ... and needs this many values (sizes or counts)
FAST_CHANGE_MM = 2.0  # median of the last 3 sizes this far above the median of the first 3
FAST_CHANGE_COUNT_RATIO = 2.0  # or the median of the last 3 counts at least this many times ...
FAST_CHANGE_COUNT_PLUS = 5  # ... and this many more than the median of the first 3
TRIGGER_BEFORE_DAYS = 7  # a trigger first done this many days before an episode began is worth mentioning
NEW_SITE_CLEAR_CHECKS = 3  # a site with this many clear checks before new bumps is a "new site"
NEW_SITE_RECENT_DAYS = 28  # ... when those bumps began this recently
SPARSE_BELOW = 0.5  # under this share of days logged, the answer says the log is sparse

# Field names that sound like thresholds but belong to the floor: a settings write naming one is refused.
FLOOR_FIELDS = (
    "clear_streak",
    "stale_after_days",
    "red_flag_window_days",
    "fast_change_min_count",
    "fast_change_mm",
    "fast_change_window_days",
    "symptom_days",
    "symptom_window_days",
    "pain_red_flag",
    "urgent_within_days",
)

SAFETY_FLOOR: dict[str, Any] = {
    "clear_streak": CLEAR_STREAK,
    "stale_after_days": STALE_AFTER_DAYS,
    "urgent_within_days": URGENT_WITHIN_DAYS,
    "earlier_red_flag_days": EARLIER_RED_FLAG_DAYS,
    "pain_red_flag_min": PAIN_ALONE,
    "repeat_days": REPEAT_DAYS,
    "repeat_window_days": REPEAT_WINDOW_DAYS,
    "fast_change_window_days": FAST_CHANGE_WINDOW_DAYS,
    "fast_change_mm": FAST_CHANGE_MM,
    "fast_change_count_ratio": FAST_CHANGE_COUNT_RATIO,
    "fast_change_count_plus": FAST_CHANGE_COUNT_PLUS,
}
