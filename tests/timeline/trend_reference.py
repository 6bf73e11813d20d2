"""The trend statistics as they were before they were made faster (footlog/timeline/analysis/trend.py at b77d613),
kept verbatim as the reference the fast ones must equal exactly (tests/timeline/test_trend_equivalence.py).
Do not "improve" this file: its whole point is to stay the simple, obviously right version."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.episodes import Check
from footlog.timeline.analysis.trend import (
    FEW_VALUES_MIN_SPAN,
    MIN_SIZE_VALUES,
    MIN_TREND_CHECKS,
    TREND_Z,
    Change,
    FastChange,
    _jump_span,
)
from footlog.timeline.analysis.types import Thresholds, days_before


def theil_sen(points: Sequence[tuple[float, float]]) -> float:
    """Median of the slopes between every pair of points with different x (0 when there is none)."""
    slopes = [(y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1 :] if x2 != x1]
    return statistics.median(slopes) if slopes else 0.0


def mann_kendall_z(values: Sequence[float]) -> float:
    """The Mann-Kendall trend statistic as a z-score (ties corrected): how unlikely the ordering is as noise.

    Paired with the Theil-Sen slope, it keeps a noisy flat history (counts +-2, sizes +-0.5 mm) from reading as a
    trend: a slope alone, extrapolated over the window, is too easily made by a few odd values.
    """
    n = len(values)
    s = sum((b > a) - (b < a) for i, a in enumerate(values) for b in values[i + 1 :])
    ties = Counter(values).values()
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    if variance <= 0 or s == 0:
        return 0.0
    return (s - 1 if s > 0 else s + 1) / math.sqrt(variance)


def required_z(n: int, span_days: int) -> float:
    """TREND_Z; or, for the 4-5 values of a weekly logger's month, where even a perfectly ordered series cannot
    reach it, that perfect order (every value above, or below, the one before) - but only across at least
    `FEW_VALUES_MIN_SPAN` days: four rising counts on four days in a row are noise, not a trend."""
    perfect = mann_kendall_z(list(range(n)))
    if perfect >= TREND_Z:
        return TREND_Z
    return perfect if span_days >= FEW_VALUES_MIN_SPAN else math.inf


def window_checks(checks: Sequence[Check], last: dt.date, days: int) -> list[Check]:
    first = days_before(last, days - 1)
    return [c for c in checks if first <= c[0] <= last]


def _median_of(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def change(episode_checks: Sequence[Check], th: Thresholds) -> Change | None:
    """The change over the episode's last `trend_window_days`, ending at its last check; None with < 4 checks."""
    if not episode_checks:
        return None
    checks = window_checks(episode_checks, episode_checks[-1][0], th.trend_window_days)
    if len(checks) < MIN_TREND_CHECKS:
        return None
    origin = checks[0][0]
    slope = theil_sen([((d - origin).days, o.count) for d, o in checks])
    counts = [o.count for _, o in checks]
    sizes = [o.largest_mm for _, o in checks if o.largest_mm is not None]
    size_days = [d for d, o in checks if o.largest_mm is not None]
    enough_sizes = len(sizes) >= MIN_SIZE_VALUES
    span = (checks[-1][0] - origin).days + 1
    return Change(
        checks=len(checks),
        days=th.trend_window_days,
        count_change=round(slope * th.trend_window_days, 2),
        count_z=mann_kendall_z(counts),
        mm_z=mann_kendall_z(sizes) if enough_sizes else 0.0,
        count_z_needed=required_z(len(counts), span),
        mm_z_needed=required_z(len(sizes), (size_days[-1] - size_days[0]).days + 1) if enough_sizes else TREND_Z,
        first_count=_median_of(counts[:3]),
        last_count=_median_of(counts[-3:]),
        first_mm=_median_of(sizes[:3]) if enough_sizes else None,
        last_mm=_median_of(sizes[-3:]) if enough_sizes else None,
    )


def _medians_of_3(values: Sequence[float]) -> list[float]:
    """median(values[i:i+3]) for every i with three values: computed once per episode, looked up per day."""
    return [max(min(a, b), min(max(a, b), c)) for a, b, c in zip(values, values[1:], values[2:], strict=False)]


def fast_changes(episode_checks: Sequence[Check], since: dt.date) -> list[tuple[dt.date, FastChange]]:
    """The red-flag test as of each check from `since` on, over the episode's last 28 days up to that check.

    With >= 3 values in that span: the median of the last 3 sizes >= 2 mm above the median of the first 3, or
    the median of the last 3 counts >= 2x and >= +5 over the first 3 (fixed, `safety`). One sweep with bisect
    and precomputed medians of 3, so a long history costs O(n log n), not a scan per day.
    """
    n = safety.FAST_CHANGE_MIN_VALUES
    span = safety.FAST_CHANGE_WINDOW_DAYS - 1
    days = [d.toordinal() for d, _ in episode_checks]
    counts = [o.count for _, o in episode_checks]
    size_days = [d.toordinal() for d, o in episode_checks if o.largest_mm is not None]
    sizes = [o.largest_mm for _, o in episode_checks if o.largest_mm is not None]
    count_medians, size_medians = _medians_of_3(counts), _medians_of_3(sizes)
    found = []
    for j, (date, _) in enumerate(episode_checks):
        if date < since:
            continue
        today = days[j]
        s_lo, s_hi = bisect_left(size_days, today - span), bisect_right(size_days, today)
        if s_hi - s_lo >= n:
            first, last = size_medians[s_lo], size_medians[s_hi - n]
            if round(last - first, 6) >= safety.FAST_CHANGE_MM:  # exactly +2 mm must count
                span_of = _jump_span(size_days[s_lo:s_hi], sizes[s_lo:s_hi], first, last)
                found.append((date, FastChange("size", first, last, s_hi - s_lo, *span_of)))
                continue
        lo = bisect_left(days, today - span)
        if j + 1 - lo >= n:
            first, last = count_medians[lo], count_medians[j + 1 - n]
            if last >= safety.FAST_CHANGE_COUNT_RATIO * first and last - first >= safety.FAST_CHANGE_COUNT_PLUS:
                span_of = _jump_span(days[lo : j + 1], counts[lo : j + 1], first, last)
                found.append((date, FastChange("count", first, last, j + 1 - lo, *span_of)))
    return found
