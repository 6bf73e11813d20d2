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
    with django_assert_num_queries(5):  # settings, log stamp, entry dates, observations, routine logs
        result = timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 30))
    assert isinstance(result, TimelineResult)
    assert [s.site for s in result.sites] == ["left_heel"]
    assert result.sites[0].since == dt.date(2026, 9, 1)  # found in the look-back before `start`
    assert result.recommendation.level == "book"  # 60 days with daily care
    assert not any(r.red_flag for r in result.recommendation.reasons)
    with django_assert_num_queries(2):  # cached: settings and stamp only
        assert timeline_for(user, dt.date(2026, 10, 1), dt.date(2026, 10, 30)) == result
