"""The analysis result's shape: series, adherence, windows over longer history, local dates, JSON."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from footlog.lib.dates import local_date
from footlog.timeline.analysis import DayLog, SiteObservation, analyse
from tests.timeline.builders import day, days

H = "left_heel"


def test_unlogged_days_are_unknown_in_the_series_not_zero() -> None:
    result = analyse(days({H: "3.0"}), day(0), day(3))
    points = [(p.logged, p.total, p.by_site) for p in result.series]
    assert points == [(True, 3, {H: 3}), (False, None, {}), (True, 0, {H: 0}), (False, None, {})]


def test_logged_day_without_observations_has_unknown_total() -> None:
    result = analyse(days({H: "-"}, care="y"), day(0), day(0))
    assert result.series[0].logged is True
    assert result.series[0].total is None


def test_adherence_counts_done_over_recorded_days_per_step_and_kind() -> None:
    result = analyse(days({H: "3333"}, care="yyn.", trigger="nny."), day(0), day(3))
    rows = {a.step: (a.kind, a.done, a.logged, a.rate) for a in result.adherence}
    # Care is scored against its target (7 a week: 2 of 3 recorded days); a trigger is an exposure, never a rate.
    assert rows == {"moisturise": ("care", 2, 3, 0.67), "tight_footwear": ("trigger", 1, 3, None)}


def test_adherence_covers_the_window_only() -> None:
    result = analyse(days({H: "3333"}, care="nnyy"), day(2), day(3))
    assert [(a.done, a.logged) for a in result.adherence] == [(2, 2)]


def test_history_before_the_window_sets_since_but_not_window_counts() -> None:
    result = analyse(days({H: "3" * 40}), day(30), day(39))
    site = result.sites[0]
    assert site.since == day(0)
    assert (site.first_seen, site.days_present, site.days_checked) == (day(30), 10, 10)
    assert site.status == "persisting"
    assert result.recommendation.level == "consider"
    assert len(result.series) == 10


def test_days_after_the_end_are_ignored() -> None:
    result = analyse(days({H: "0000009"}), day(0), day(4))
    assert result.sites[0].status == "clear"
    assert result.sites[0].latest_count == 0


def test_an_entry_logged_at_2330_in_sydney_belongs_to_that_local_date() -> None:
    sydney = ZoneInfo("Australia/Sydney")
    late = dt.datetime(2026, 11, 24, 23, 30, tzinfo=sydney)
    after_midnight = dt.datetime(2026, 11, 25, 0, 30, tzinfo=sydney)  # still 24 Nov in UTC
    assert after_midnight.astimezone(dt.UTC).date() == dt.date(2026, 11, 24)
    logs = [
        DayLog(local_date(late, "Australia/Sydney"), (SiteObservation(H, 2),)),
        DayLog(local_date(after_midnight, "Australia/Sydney"), (SiteObservation(H, 5),)),
    ]
    result = analyse(logs, dt.date(2026, 11, 24), dt.date(2026, 11, 24))
    assert [(p.date, p.total) for p in result.series] == [(dt.date(2026, 11, 24), 2)]
    assert result.sites[0].latest_count == 2


def test_to_dict_is_the_api_shape_and_json_serialisable() -> None:
    result = analyse(days({H: "3" * 30}, care="y" * 30), day(0), day(29))
    body = json.loads(json.dumps(result.to_dict()))
    assert body["from"] == "2026-01-01" and body["to"] == "2026-01-30"
    assert set(body) >= {"series", "sites", "adherence", "recommendation"}
    assert body["series"][0] == {"date": "2026-01-01", "logged": True, "total": 3, "by_site": {H: 3}}
    site = body["sites"][0]
    assert {
        k: site[k]
        for k in ("site", "status", "first_seen", "last_seen", "days_present", "days_checked", "latest_count", "trend")
    } == {
        "site": H,
        "status": "persisting",
        "first_seen": "2026-01-01",
        "last_seen": "2026-01-30",
        "days_present": 30,
        "days_checked": 30,
        "latest_count": 3,
        "trend": "steady",
    }
    assert body["adherence"]["moisturise"] == {
        "label": "moisturise",
        "kind": "care",
        "done": 30,
        "logged": 30,
        "rate": 1.0,
        "target_per_week": 7,
    }
    reason = body["recommendation"]["reasons"][0]
    assert body["recommendation"]["level"] == "consider"
    assert (reason["code"], reason["site"], reason["since"]) == ("persisting", H, "2026-01-01")
    assert reason["evidence"]["days_present"] == 30 and reason["evidence"]["care_adherence"] == 1.0
    assert body["recommendation"]["headline"] == "Worth mentioning to a dermatologist; keep logging."  # issue 21
    assert body["coverage"] == {"logged_days": 30, "window_days": 30, "last_entry": "2026-01-30"}
    assert body["red_flags"] == [] and body["care_adherence"] == 1.0
    assert (site["last_checked"], site["first_onset"], site["recurrences"]) == ("2026-01-30", "2026-01-01", 0)


def test_start_after_end_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError):
        analyse([], day(2), day(1))
