"""The state-free rules of the tunable timeline thresholds: their bounds (which the API fields and the schema
are built from) and the one cross-field rule. One home for the API, the settings page and the import."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext_lazy

from footlog.lib import checks
from footlog.lib.checks import Errors
from footlog.timeline.analysis import FLOOR_FIELDS, SAFETY_FLOOR, Thresholds

# name -> (low, high, whole number?); every field of `Thresholds`, nothing else.
BOUNDS: dict[str, tuple[float, float, bool]] = {
    "consider_after_days": (1, 365, True),
    "book_after_days": (1, 365, True),
    "most_days_ratio": (0.05, 1, False),
    "min_checked_days": (1, 365, True),
    "care_adherence_min": (0, 1, False),
    "trend_window_days": (7, 120, True),
    "rise_min_count": (0.5, 200, False),
    "rise_min_mm": (0.1, 30, False),
}
# A write naming any of these is refused: the red-flag rules, the clear streak and staleness are the safety floor,
# constants in code (footlog.timeline.analysis.safety), never a user setting.
REFUSED_FIELDS = frozenset(FLOOR_FIELDS) | frozenset(SAFETY_FLOOR)
FLOOR_MESSAGE = gettext_lazy("This is a safety-floor rule (red flags, clear streak, staleness); it cannot be changed.")
BOOK_NOT_BEFORE_CONSIDER = gettext_lazy("Must not be less than consider_after_days.")


def thresholds_errors(values: Mapping[str, object]) -> Errors:
    """Each given threshold in its bounds and of its type; a safety-floor name refused; book_after_days not
    less than consider_after_days (a field left out counts at its default). Unknown names are not checked."""
    errors: Errors = {}
    for name, value in values.items():
        if name in REFUSED_FIELDS:
            checks.add(errors, name, FLOOR_MESSAGE)
        elif name in BOUNDS:
            low, high, whole = BOUNDS[name]
            if whole:
                checks.whole(errors, name, value, int(low), int(high))
            else:
                checks.number(errors, name, value, low, high)
    if not errors:
        merged = {**Thresholds().to_dict(), **{k: v for k, v in values.items() if k in BOUNDS}}
        if merged["book_after_days"] < merged["consider_after_days"]:
            checks.add(errors, "book_after_days", BOOK_NOT_BEFORE_CONSIDER)
    return errors
