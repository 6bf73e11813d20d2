"""GET timeline/ reads all a cached answer needs in one query (selectors.prepare): the user's thresholds, the
stamps of their months, their first and latest entry. Every answer must equal the one computed from nothing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from footlog.diary.models import Entry
from footlog.timeline.selectors import timeline_for
from footlog.timeline.services import timeline_cache_forget
from tests.timeline.rows import log_days

URL = "/api/v1/timeline/"
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 24)


def from_scratch(user: Any, start: dt.date, end: dt.date) -> dict[str, Any]:
    timeline_cache_forget(user.pk)
    body: dict[str, Any] = json.loads(json.dumps(timeline_for(user, start, end).to_dict()))
    return body


def log_reads(client: Any, params: dict[str, str]) -> tuple[dict[str, Any], list[str]]:
    """The answer and the queries that read the log or the settings (authentication's are the bare endpoint's)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200, response.content
    reads = [q["sql"] for q in queries if "diary_" in q["sql"] or "timeline_" in q["sql"]]
    return response.json(), reads


def test_a_cached_answer_reads_the_log_and_settings_in_one_query(api, user) -> None:
    log_days(user, dt.date(2026, 6, 1), 170, {"left_heel": 2}, care={"moisturise": True})
    window = {"from": "2026-10-01", "to": "2026-11-17"}
    fresh, fresh_reads = log_reads(api, window)
    cached, cached_reads = log_reads(api, window)
    assert len(cached_reads) == 1, cached_reads
    assert len(fresh_reads) == 3, fresh_reads  # the one, then entries with observations and routine logs
    assert cached == fresh == from_scratch(user, dt.date(2026, 10, 1), dt.date(2026, 11, 17))


def test_another_users_log_and_settings_do_not_reach_the_answer(api, user, other_user) -> None:
    from footlog.timeline.services import timeline_settings_update

    log_days(user, dt.date(2026, 10, 1), 30, {"left_heel": 2})
    log_days(other_user, dt.date(2026, 9, 1), 80, {"right_toes": 5}, pain=6)
    timeline_settings_update(other_user, {"consider_after_days": 7, "book_after_days": 300})
    Entry.objects.create(user=other_user, date=dt.date(2026, 12, 20))  # a later entry of theirs moves nothing
    body = api.get(URL, {"from": "2026-10-15", "to": "2026-11-13"}).json()
    assert [s["site"] for s in body["sites"]] == ["left_heel"]
    assert body["red_flags"] == [] and body["thresholds"]["consider_after_days"] == 28
    assert body == from_scratch(user, dt.date(2026, 10, 15), dt.date(2026, 11, 13))


def test_thresholds_with_a_longer_look_back_read_the_older_months_too(api, user) -> None:
    """book_after_days 300 looks back 600 days: an episode that began a year before `from` is found."""
    log_days(user, dt.date(2025, 9, 1), 440, {"left_heel": 2}, care={"moisturise": True})
    assert api.put("/api/v1/timeline/settings", {"book_after_days": 300}, format="json").status_code == 200
    window = {"from": "2026-10-01", "to": "2026-11-13"}
    body = api.get(URL, window).json()
    assert body["sites"][0]["since"] == "2025-09-01"
    assert body == from_scratch(user, dt.date(2026, 10, 1), dt.date(2026, 11, 13))
    assert api.get(URL, window).json() == body  # cached
    assert api.put("/api/v1/timeline/settings", {}, format="json").status_code == 200  # defaults again
    shorter = api.get(URL, window).json()
    assert shorter["sites"][0]["since"] == "2026-07-03"  # the default look-back's first day (180 days)
    assert shorter == from_scratch(user, dt.date(2026, 10, 1), dt.date(2026, 11, 13))


@time_machine.travel(NOW, tick=False)
def test_a_later_entry_ends_the_default_window_as_log_end_says(make_user) -> None:
    from footlog.diary.selectors import log_end
    from tests.conftest import logged_in

    user = make_user(timezone="UTC")
    client = logged_in(user)
    log_days(user, dt.date(2026, 10, 1), 50, {"left_heel": 1})
    Entry.objects.create(user=user, date=dt.date(2026, 12, 2))  # after today (the zone moved west, say)
    assert log_end(user, TODAY) == dt.date(2026, 12, 2)
    body = client.get(URL).json()
    assert (body["from"], body["to"]) == ("2026-09-04", "2026-12-02")
    assert body == from_scratch(user, dt.date(2026, 9, 4), dt.date(2026, 12, 2))
    only_from = client.get(URL, {"from": "2026-11-01"}).json()
    assert (only_from["from"], only_from["to"]) == ("2026-11-01", "2026-12-02")


def test_a_back_filled_day_and_a_first_entry_before_the_look_back_show_in_the_next_answer(api, user) -> None:
    log_days(user, dt.date(2026, 10, 10), 40, {"left_heel": 2})
    window = {"from": "2026-11-01", "to": "2026-11-20"}
    before = api.get(URL, window).json()
    assert before["coverage"]["window_days"] == 20 and before["sites"][0]["since"] == "2026-10-10"
    created = api.post(
        "/api/v1/entries/", {"date": "2026-09-20", "observations": [{"site": "left_heel", "count": 3}]}, format="json"
    )  # back-filled, inside the look-back
    assert created.status_code == 201, created.content
    after = api.get(URL, window).json()
    assert after != before and after == from_scratch(user, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
    Entry.objects.filter(user=user, date__gte=dt.date(2026, 9, 1), date__lt=dt.date(2026, 11, 5)).delete()
    late = api.get(URL, window).json()  # the log now begins inside the window: coverage counts from there
    assert late["coverage"]["window_days"] == 16
    assert late == from_scratch(user, dt.date(2026, 11, 1), dt.date(2026, 11, 20))
