"""The stable interface other apps call: selectors.timeline_for(user, start, end)."""

from __future__ import annotations

import datetime as dt

from footlog.diary.models import Entry
from footlog.timeline.analysis import TimelineResult
from footlog.timeline.selectors import timeline_for
from tests.timeline.rows import log_days


def test_timeline_for_reads_only_that_users_rows_in_a_fixed_number_of_queries(
    user, other_user, django_assert_num_queries
) -> None:
    log_days(user, dt.date(2026, 9, 1), 60, {"left_heel": 2}, care={"moisturise": True})
    log_days(other_user, dt.date(2026, 9, 1), 60, {"right_toes": 9}, pain=3)
    # settings, log stamp, entries with observations, routine logs, visits (the look-back holds the first entry)
    with django_assert_num_queries(5):
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
    timeline_cache_forget(user.pk)
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
    timeline_cache_forget(user.pk)
    with django_assert_num_queries(5):  # the log (and the visits) is read again, and so its months are cached again
        timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 5))
    with django_assert_num_queries(3):  # the other window: analysed again from the cached months (and the visits)
        assert timeline_for(user, dt.date(2026, 10, 5), dt.date(2026, 10, 5)) == day


def test_a_log_that_begins_inside_the_window_reads_the_first_entry_ever(user, django_assert_num_queries) -> None:
    """Coverage counts from max(from, first entry ever): an entry long before the look-back still counts."""
    log_days(user, dt.date(2025, 1, 1), 1, {"left_heel": 1})
    log_days(user, dt.date(2026, 11, 10), 11, {"left_heel": 1})
    with django_assert_num_queries(6):  # the 5, plus the first entry ever: none in the look-back before `from`
        old_logger = timeline_for(user, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
    assert (old_logger.coverage.logged_days, old_logger.coverage.window_days) == (11, 20)
    with django_assert_num_queries(3):  # cached: settings, stamp, first entry (part of the fingerprint)
        assert timeline_for(user, dt.date(2026, 11, 1), dt.date(2026, 11, 20)) == old_logger
    Entry.objects.filter(user=user, date=dt.date(2025, 1, 1)).delete()  # outside the look-back, still seen
    new_logger = timeline_for(user, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
    assert (new_logger.coverage.logged_days, new_logger.coverage.window_days) == (11, 11)
