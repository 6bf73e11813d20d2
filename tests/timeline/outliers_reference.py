"""The outlier check as it was before it skipped the checks that cannot be far out (footlog/timeline/analysis/core.py at
2b5c211), kept verbatim as the reference the fast one must equal exactly (tests/timeline/test_outliers_equivalence.py).
Do not "improve" this file: its whole point is to stay the simple, obviously right version."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.episodes import Check
from footlog.timeline.analysis.trend import _day, _median
from footlog.timeline.analysis.types import Outlier, days_before


def _outliers(site: str, checks: Sequence[Check], start: dt.date) -> list[Outlier]:
    """Present checks from `start` on whose size or count is far outside the site's own history (the median m
    of the present checks in the 90 days before that day, with ≥ 3 of them): size ≥ 3m and ≥ m + 4 mm, or count
    ≥ 5m and ≥ m + 10; on one day only (the next check is not as far out)."""
    found = []
    first = bisect_left(checks, start, key=_day)
    for i in range(first, len(checks)):
        date, obs = checks[i]
        if obs.count <= 0:
            continue
        lo = bisect_left(checks, days_before(date, safety.OUTLIER_LOOKBACK_DAYS), key=_day)
        before = [o for _, o in checks[lo:i] if o.count > 0]
        if len(before) < safety.OUTLIER_MIN_CHECKS:
            continue
        following = checks[i + 1][1] if i + 1 < len(checks) else None
        sizes = [o.largest_mm for o in before if o.largest_mm is not None]
        if obs.largest_mm is not None and len(sizes) >= safety.OUTLIER_MIN_CHECKS:
            m = _median(sizes)

            def far(mm: float | None, m: float = m) -> bool:
                return mm is not None and mm >= safety.OUTLIER_SIZE_RATIO * m and mm >= m + safety.OUTLIER_SIZE_PLUS_MM

            if far(obs.largest_mm) and not (following and far(following.largest_mm)):
                found.append(Outlier(date, site, "largest_mm", obs.largest_mm, round(m, 2)))
        m = _median([float(o.count) for o in before])

        def far_count(n: int, m: float = m) -> bool:
            return n >= safety.OUTLIER_COUNT_RATIO * m and n >= m + safety.OUTLIER_COUNT_PLUS

        if far_count(obs.count) and not (following and far_count(following.count)):
            found.append(Outlier(date, site, "count", obs.count, round(m, 2)))
    return found
