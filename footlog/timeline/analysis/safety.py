"""The safety floor: rules and numbers no user setting can change (docs/timeline.md, "Safety floor").

A red flag is never lost, weakened by a setting, or contradicted by a headline, so these are constants in code,
not `Thresholds` fields; `PUT timeline/settings` naming any of them is refused.
"""

from __future__ import annotations

CLEAR_STREAK = 3  # clear checks in a row that end an episode (one zero inside an episode does not)
STALE_AFTER_DAYS = 7  # a site last checked more than this many days before `to` is "stale"
URGENT_WITHIN_DAYS = 14  # a red flag this recent makes the level "urgent"
EARLIER_RED_FLAG_DAYS = 90  # an older red flag (15-90 days) still gives a "book" reason
PAIN_ALONE = 4  # pain of this score or more on one day is a red flag
PAIN_REPEAT_MIN = 2  # pain of this score or more (both days) on REPEAT_DAYS ...
REPEAT_DAYS = 2  # pain (≥ PAIN_REPEAT_MIN) or redness on this many days ...
REPEAT_WINDOW_DAYS = 7  # ... within this many days at one site is a red flag
PAIN_WITH_REDNESS_MIN = 3  # pain of this score or more with redness the same day is a red flag
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
# Sparse but consistent: an open episode with at least this many checks, its first and last at least this many
# days apart, bumps on at least `most_days_ratio` of them, is `persisting` however few the checks (≥ consider).
SPARSE_PERSIST_MIN_CHECKS = 2
SPARSE_PERSIST_APART_DAYS = 28
# A one-day value far outside the site's own history: the median m of the present checks in the 90 days before,
# with at least 3 of them; size ≥ 3m and ≥ m + 4 mm, or count ≥ 5m and ≥ m + 10.
OUTLIER_LOOKBACK_DAYS = 90
OUTLIER_MIN_CHECKS = 3
OUTLIER_SIZE_RATIO = 3.0
OUTLIER_SIZE_PLUS_MM = 4.0
OUTLIER_COUNT_RATIO = 5.0
OUTLIER_COUNT_PLUS = 10
# Visits: a `booked` visit rests the booking advice until its date plus this many days; after a `visited` visit,
# a rise needs this many checks after it to be new evidence.
BOOKED_GRACE_DAYS = 7
VISIT_RISE_MIN_CHECKS = 3

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

SAFETY_FLOOR: dict[str, object] = {
    "clear_streak": CLEAR_STREAK,
    "stale_after_days": STALE_AFTER_DAYS,
    "urgent_within_days": URGENT_WITHIN_DAYS,
    "earlier_red_flag_days": EARLIER_RED_FLAG_DAYS,
    "pain_red_flag_min": PAIN_ALONE,
    "pain_repeat_min": PAIN_REPEAT_MIN,
    "pain_with_redness_min": PAIN_WITH_REDNESS_MIN,
    "sparse_persist_apart_days": SPARSE_PERSIST_APART_DAYS,
    "repeat_days": REPEAT_DAYS,
    "repeat_window_days": REPEAT_WINDOW_DAYS,
    "fast_change_window_days": FAST_CHANGE_WINDOW_DAYS,
    "fast_change_mm": FAST_CHANGE_MM,
    "fast_change_count_ratio": FAST_CHANGE_COUNT_RATIO,
    "fast_change_count_plus": FAST_CHANGE_COUNT_PLUS,
}
