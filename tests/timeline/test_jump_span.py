"""The span a fast change is dated by ("the count 3 → 14 in 3 days, 2–5 Dec 2026"): it must run from a check at
the first level to a later check at the last level, never be a single day before the rise (a high value that came
before any low one once gave "0 → 5 in 0 days, 9 Nov" on a flag of 6 Dec)."""

from __future__ import annotations

import datetime as dt
import statistics

from hypothesis import given
from hypothesis import strategies as st

from footlog.timeline.analysis.trend import _jump_span

BASE = dt.date(2026, 11, 9).toordinal()


def test_a_high_value_before_the_low_ones_is_not_the_start() -> None:
    days = [BASE + i for i in range(6)]
    start, end = _jump_span(days, [5, 0, 0, 5, 5, 5], first=0, last=5)
    assert (start, end) == (dt.date(2026, 11, 11), dt.date(2026, 11, 12))


def test_the_span_runs_from_the_last_low_to_the_first_high_after_it() -> None:
    days = [BASE + 2 * i for i in range(7)]
    start, end = _jump_span(days, [3, 2, 3, 8, 3, 14, 15], first=3, last=14)
    assert (start, end) == (dt.date.fromordinal(BASE + 8), dt.date.fromordinal(BASE + 10))


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=4, max_size=40))
def test_a_rise_is_dated_from_a_low_check_to_a_later_high_one(counts: list[int]) -> None:
    first, last = statistics.median(counts[:3]), statistics.median(counts[-3:])
    if last <= first:
        return
    days = [BASE + 3 * i for i in range(len(counts))]
    start, end = _jump_span(days, counts, first, last)
    assert start < end
    assert counts[days.index(start.toordinal())] <= first
    assert counts[days.index(end.toordinal())] >= last
