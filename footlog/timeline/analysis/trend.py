"""Change over an episode, judged robustly: one odd value (a typo, a noisy day) must not make a trend.

- Counts: the Theil-Sen slope (median of pairwise slopes) over the episode's last `trend_window_days`,
  at least 4 checks, scaled to the window.
- Sizes: the median of the first 3 against the median of the last 3 size values in that window.
- Fast change (a red flag) is stricter and fixed (`safety`): growth seen across several checks, not one value.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.episodes import Check
from footlog.timeline.analysis.types import Thresholds, Trend, days_before
from footlog.timeline.analysis.wording import Msg, Num, Span, msg, nmsg

MIN_TREND_CHECKS = 4
MIN_SIZE_VALUES = 4  # the first 3 and the last 3 size values then differ by at least one value
TREND_Z = 2.33  # Mann-Kendall z a trend must reach (one-sided 1 %): beyond what noise makes
FEW_VALUES_MIN_SPAN = 14  # days 4-5 values must span to make a trend by their order alone


@dataclass(frozen=True)
class Change:
    checks: int
    days: int  # the window judged
    count_change: float  # Theil-Sen slope x window: bumps gained (or lost) over the window
    count_z: float  # Mann-Kendall z of the counts: is the ordering beyond noise?
    mm_z: float  # ... of the sizes
    count_z_needed: float  # `required_z` for the number of counts
    mm_z_needed: float  # ... and of sizes
    first_count: float  # median of the first 3 counts in the window (for messages)
    last_count: float  # median of the last 3 counts
    first_mm: float | None  # median of the first 3 sizes, when there are enough sizes
    last_mm: float | None

    @property
    def mm_change(self) -> float:
        if self.first_mm is None or self.last_mm is None:
            return 0.0
        return round(self.last_mm - self.first_mm, 6)  # 3.3 - 1.3 is 1.9999999999999998 in floats


def theil_sen(points: Sequence[tuple[float, float]]) -> float:
    """Median of the slopes between every pair of points with different x (0 when there is none)."""
    slopes = [(y2 - y1) / (x2 - x1) for i, (x1, y1) in enumerate(points) for x2, y2 in points[i + 1 :] if x2 != x1]
    return _median(slopes) if slopes else 0.0


def _median(values: list[float]) -> float:
    """`statistics.median`, without its overhead: the middle value, or the mean of the two middle ones."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def mann_kendall_s(values: Sequence[float]) -> int:
    """The Mann-Kendall S: pairs (i < j) with values[j] above values[i], minus those below; ties count 0.

    Counted against the values to the right kept sorted (bisect), O(n log n) comparisons rather than every pair.
    """
    if any(v != v for v in values):  # NaN compares false both ways: count pair by pair, as the definition does
        return sum((b > a) - (b < a) for i, a in enumerate(values) for b in values[i + 1 :])
    right: list[float] = []
    s = 0
    for a in reversed(values):
        s += len(right) - bisect_right(right, a) - bisect_left(right, a)
        insort(right, a)
    return s


def mann_kendall_z(values: Sequence[float]) -> float:
    """The Mann-Kendall trend statistic as a z-score (ties corrected): how unlikely the ordering is as noise.

    Paired with the Theil-Sen slope, it keeps a noisy flat history (counts +-2, sizes +-0.5 mm) from reading as a
    trend: a slope alone, extrapolated over the window, is too easily made by a few odd values.
    """
    n = len(values)
    s = mann_kendall_s(values)
    ties = Counter(values).values()
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    if variance <= 0 or s == 0:
        return 0.0
    return (s - 1 if s > 0 else s + 1) / math.sqrt(variance)


@cache
def _perfect_z(n: int) -> float:
    """The z of n values in perfect order, the most n values can reach."""
    return mann_kendall_z(list(range(n)))


def required_z(n: int, span_days: int) -> float:
    """TREND_Z; or, for the 4-5 values of a weekly logger's month, where even a perfectly ordered series cannot
    reach it, that perfect order (every value above, or below, the one before) - but only across at least
    `FEW_VALUES_MIN_SPAN` days: four rising counts on four days in a row are noise, not a trend."""
    perfect = _perfect_z(n)
    if perfect >= TREND_Z:
        return TREND_Z
    return perfect if span_days >= FEW_VALUES_MIN_SPAN else math.inf


def _day(check: Check) -> dt.date:
    """A check's date: the key to bisect a site's checks, which are in date order."""
    return check[0]


def window_checks(checks: Sequence[Check], last: dt.date, days: int) -> list[Check]:
    first = days_before(last, days - 1)
    return [c for c in checks if first <= c[0] <= last]


def _median_of(values: Sequence[float]) -> float:
    if len(values) == 3:  # what statistics.median does (sorted(values)[n // 2]), without its overhead
        return float(sorted(values)[1])
    return float(statistics.median(values))


def change(episode_checks: Sequence[Check], th: Thresholds) -> Change | None:
    """The change over the episode's last `trend_window_days`, ending at its last check; None with < 4 checks."""
    if not episode_checks:
        return None
    last = episode_checks[-1][0]
    # window_checks(episode_checks, last, ...): checks are in date order, so the window is a suffix
    checks = list(episode_checks[bisect_left(episode_checks, days_before(last, th.trend_window_days - 1), key=_day) :])
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


def trend_of(ch: Change | None, th: Thresholds) -> Trend:
    """Rising: counts up by >= rise_min_count over the window, or sizes up by >= rise_min_mm while counts do not
    fall; each only when its ordering is beyond noise (Mann-Kendall). Falling symmetrically."""
    if ch is None:
        return "unknown"
    counts_up = ch.count_change >= th.rise_min_count and ch.count_z >= ch.count_z_needed
    counts_down = ch.count_change <= -th.rise_min_count and ch.count_z <= -ch.count_z_needed
    sizes_up = ch.mm_change >= th.rise_min_mm and ch.mm_z >= ch.mm_z_needed and ch.count_change >= 0
    sizes_down = ch.mm_change <= -th.rise_min_mm and ch.mm_z <= -ch.mm_z_needed and ch.count_change <= 0
    if counts_up or (sizes_up and not counts_down):
        return "rising"
    if counts_down or sizes_down:
        return "falling"
    return "steady"


@dataclass(frozen=True)
class FastChange:
    by: str  # "size" | "count"
    first: float
    last: float
    values: int
    # The span the change happened in: the last check still at the first level before the first check at the
    # last level ("3 → 14 in 3 days, 2–5 Dec 2026"), not the whole window judged.
    from_date: dt.date | None = None
    to_date: dt.date | None = None

    def text(self) -> Msg:
        first, last = Num(round(self.first, 2)), Num(round(self.last, 2))
        if self.by == "size":
            what = msg("the largest size %(first)s → %(last)s mm", first=first, last=last)
        else:
            what = msg("the count %(first)s → %(last)s", first=first, last=last)
        if self.from_date is None or self.to_date is None:
            return msg("%(what)s across %(n)s checks", what=what, n=self.values)
        days = (self.to_date - self.from_date).days
        return nmsg(
            "%(what)s in %(n)s day, %(span)s",
            "%(what)s in %(n)s days, %(span)s",
            "n",
            what=what,
            n=days,
            span=Span(self.from_date, self.to_date),
        )


def _jump_span(days: Sequence[int], values: Sequence[float], first: float, last: float) -> tuple[dt.date, dt.date]:
    """The dates (ordinals in `days`) the change took: the first value at or above `last` that comes after a value
    at or below `first`, from the last such low value before it.

    A high value before any low one (5, 0, 0, 5, 5, 5) is not where the change began: taking it gave "0 → 5 in 0
    days" dated weeks before the rise. `first` and `last` are medians of the first and last three values, so a low
    value always precedes a high one; the whole span is the fallback all the same.
    """
    up = last >= first

    def low(v: float) -> bool:
        return v <= first if up else v >= first

    def high(v: float) -> bool:
        return v >= last if up else v <= last

    start = None
    for i, v in enumerate(values):
        if low(v):
            start = i
        elif start is not None and high(v):
            return dt.date.fromordinal(days[start]), dt.date.fromordinal(days[i])
    return dt.date.fromordinal(days[0]), dt.date.fromordinal(days[-1])


def _medians_of_3(values: Sequence[float]) -> list[float]:
    """median(values[i:i+3]) for every i with three values: computed once per episode, looked up per day.

    max(min(a, b), min(max(a, b), c)) spelled out with the builtins' own comparisons (min(a, b) is `b if b < a
    else a`, max(a, b) is `b if b > a else a`): the same value, without four calls per triple.
    """
    return [
        (m if (m := (c if c < (h := (b if b > a else a)) else h)) > (lo := (b if b < a else a)) else lo)
        for a, b, c in zip(values, values[1:], values[2:], strict=False)
    ]


def _may_change(
    first_j: int,
    days: Sequence[int],
    size_days: Sequence[int],
    size_medians: Sequence[float],
    count_medians: Sequence[float],
    sizes_can: bool,
    counts_can: bool,
) -> list[int]:
    """The checks from `first_j` on at which a test of `fast_changes` can pass, in order: the others are not run
    (a 3-year history has ~1,000 checks a site, few of them this far above the least median).

    Check j's size test compares `last`, the median of 3 ending at the last size up to its day, with a `first`
    that is one of the size medians, so never below the least of them: when `last` is not 2 mm above the least
    (rounded as the test rounds; subtraction and rounding are monotone) the test fails. The count test likewise
    needs `last` (count_medians[j + 1 - 3]) at least 5 above the least count median. NaN never passes a test: the
    least skips it (unless it comes first, and then `sizes_can`/`counts_can` were False already).
    """
    n = safety.FAST_CHANGE_MIN_VALUES
    counts: list[int] = []
    if counts_can:
        floor = min(count_medians) + safety.FAST_CHANGE_COUNT_PLUS
        counts = [k + n - 1 for k in range(max(first_j - n + 1, 0), len(count_medians)) if count_medians[k] >= floor]
    if not sizes_can:
        return counts
    least = min(size_medians)
    # round(x, 6) >= 2 needs x >= 1.9999995: the plain comparison first, the rounding only for those near
    near = safety.FAST_CHANGE_MM - 1e-6
    sizes = [
        k
        for k, last in enumerate(size_medians)
        if last - least >= near and round(last - least, 6) >= safety.FAST_CHANGE_MM
    ]
    todo = set(counts)
    for k in sizes:
        # the checks whose day has exactly k + n sizes on or before it (bisect_right(size_days, day) == k + n)
        low = bisect_left(days, size_days[k + n - 1])
        high = bisect_left(days, size_days[k + n]) if k + n < len(size_days) else len(days)
        todo.update(range(max(low, first_j), high))
    return sorted(todo)


def fast_changes(episode_checks: Sequence[Check], since: dt.date) -> list[tuple[dt.date, FastChange]]:
    """The red-flag test as of each check from `since` on, over the episode's last 28 days up to that check.

    With >= 3 values in that span: the median of the last 3 sizes >= 2 mm above the median of the first 3, or
    the median of the last 3 counts >= 2x and >= +5 over the first 3 (fixed, `safety`). One sweep with bisect
    and medians of 3 precomputed from the first span that a check from `since` on can see, so a long history
    costs O(n log n), not a scan per day. A test that no span can pass (the medians' whole range is below its
    threshold) is not run day by day: its answer is "no" for every day.
    """
    n = safety.FAST_CHANGE_MIN_VALUES
    span = safety.FAST_CHANGE_WINDOW_DAYS - 1
    first_j = bisect_left(episode_checks, since, key=_day)  # checks are in date order: those from `since` on
    if first_j == len(episode_checks):
        return []
    # Only checks from the first day any of those spans holds matter: every index below counts from there.
    lowest = episode_checks[first_j][0].toordinal() - span
    base = bisect_left(episode_checks, dt.date.fromordinal(lowest), key=_day) if lowest >= 1 else 0
    tail = episode_checks[base:]
    first_j -= base
    days = [d.toordinal() for d, _ in tail]
    counts = [o.count for _, o in tail]
    size_days = [d.toordinal() for d, o in tail if o.largest_mm is not None]
    sizes = [o.largest_mm for _, o in tail if o.largest_mm is not None]
    count_medians, size_medians = _medians_of_3(counts), _medians_of_3(sizes)
    # last - first never exceeds max - min (rounding and float subtraction are monotone)
    sizes_can = bool(size_medians) and round(max(size_medians) - min(size_medians), 6) >= safety.FAST_CHANGE_MM
    counts_can = bool(count_medians) and max(count_medians) - min(count_medians) >= safety.FAST_CHANGE_COUNT_PLUS
    if not (sizes_can or counts_can):
        return []
    found = []
    for j in _may_change(first_j, days, size_days, size_medians, count_medians, sizes_can, counts_can):
        today = days[j]
        if sizes_can:
            s_lo, s_hi = bisect_left(size_days, today - span), bisect_right(size_days, today)
            if s_hi - s_lo >= n:
                first, last = size_medians[s_lo], size_medians[s_hi - n]
                if round(last - first, 6) >= safety.FAST_CHANGE_MM:  # exactly +2 mm must count
                    span_of = _jump_span(size_days[s_lo:s_hi], sizes[s_lo:s_hi], first, last)
                    found.append((tail[j][0], FastChange("size", first, last, s_hi - s_lo, *span_of)))
                    continue
        if counts_can:
            lo = bisect_left(days, today - span)
            if j + 1 - lo >= n:
                first, last = count_medians[lo], count_medians[j + 1 - n]
                if last >= safety.FAST_CHANGE_COUNT_RATIO * first and last - first >= safety.FAST_CHANGE_COUNT_PLUS:
                    span_of = _jump_span(days[lo : j + 1], counts[lo : j + 1], first, last)
                    found.append((tail[j][0], FastChange("count", first, last, j + 1 - lo, *span_of)))
    return found
