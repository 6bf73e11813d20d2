"""The stable interface other apps call: selectors.timeline_for(user, start, end)."""

from __future__ import annotations

import datetime as dt

from footlog.timeline.analysis import TimelineResult
from footlog.timeline.selectors import timeline_for
from tests.timeline.rows import log_days


def test_timeline_for_reads_only_that_users_rows_in_a_fixed_number_of_queries(
    user, other_user, django_assert_num_queries
) -> None:
    log_days(user, dt.date(2026, 9, 1), 60, {"left_heel": 2}, care={"moisturise": True})
    log_days(other_user, dt.date(2026, 9, 1), 60, {"right_toes": 9}, pain=3)
    with django_assert_num_queries(5):  # settings, log stamp, first entry, entries with observations, routine
        result = timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 30))
    assert isinstance(result, TimelineResult)
    assert [s.site for s in result.sites] == ["left_heel"]
    assert result.sites[0].since == dt.date(2026, 9, 1)  # found in the look-back before `start`
    assert result.recommendation.level == "book"  # 60 days with daily care
    assert not any(r.red_flag for r in result.recommendation.reasons)
    with django_assert_num_queries(2):  # cached: settings and stamp only
        assert timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 30)) == result


def test_forgetting_the_cache_makes_the_next_call_read_the_log_again(user, django_assert_num_queries) -> None:
    from footlog.timeline.services import timeline_cache_forget

    log_days(user, dt.date(2026, 10, 1), 5, {"left_heel": 2})
    first = timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5))
    timeline_cache_forget(user)
    with django_assert_num_queries(5):
        assert timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5)) == first


def test_windows_are_cached_side_by_side_and_forgotten_together(user, django_assert_num_queries) -> None:
    from footlog.timeline.services import timeline_cache_forget

    log_days(user, dt.date(2026, 10, 1), 5, {"left_heel": 2})
    week = timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5))
    day = timeline_for(user, dt.date(2026, 10, 5), dt.date(2026, 10, 5))
    assert len(week.series) == 5 and len(day.series) == 1
    with django_assert_num_queries(4):  # both cached: settings and stamp each
        assert timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5)) == week
        assert timeline_for(user, dt.date(2026, 10, 5), dt.date(2026, 10, 5)) == day
    timeline_cache_forget(user)
    with django_assert_num_queries(10):  # both read again
        timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5))
        timeline_for(user, dt.date(2026, 10, 5), dt.date(2026, 10, 5))
