"""GET timeline/: the owner's analysis over a date range, default window, bad parameters, fixed query count."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.timeline.rows import log_days

URL = "/api/v1/timeline/"
NOW = dt.datetime(2026, 11, 24, 13, 30, tzinfo=dt.UTC)  # 00:30 on 25 Nov in Sydney, 14:30 on 24 Nov in Berlin


@pytest.fixture
def persisting(user) -> None:
    """Five weeks of bumps at the left heel up to 2026-11-20, moisturised every day."""
    log_days(user, dt.date(2026, 10, 17), 35, {"left_heel": 3, "right_heel": 0}, care={"moisturise": True})


def test_owner_sees_series_sites_adherence_and_recommendation(api, persisting) -> None:
    response = api.get(URL, {"from": "2026-11-01", "to": "2026-11-22"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["from"], body["to"]) == ("2026-11-01", "2026-11-22")
    assert len(body["series"]) == 22
    assert body["series"][0] == {
        "date": "2026-11-01",
        "logged": True,
        "total": 3,
        "by_site": {"left_heel": 3, "right_heel": 0},
    }
    assert body["series"][-1] == {"date": "2026-11-22", "logged": False, "total": None, "by_site": {}}
    heel = next(s for s in body["sites"] if s["site"] == "left_heel")
    assert heel["status"] == "persisting" and heel["since"] == "2026-10-17"
    assert (heel["days_present"], heel["days_checked"], heel["latest_count"]) == (20, 20, 3)
    assert next(s for s in body["sites"] if s["site"] == "right_heel")["status"] == "clear"
    assert body["adherence"]["moisturise"] == {
        "label": "Moisturiser or oil after washing",
        "kind": "care",
        "done": 20,
        "logged": 20,
        "rate": 1.0,
        "target_per_week": 7,
    }
    assert body["care_adherence"] == 1.0
    assert body["coverage"] == {"logged_days": 20, "window_days": 22, "last_entry": "2026-11-20"}
    assert body["red_flags"] == []
    assert heel["last_checked"] == "2026-11-20" and heel["first_onset"] == "2026-10-17"
    assert heel["recurrences"] == 0
    assert body["recommendation"]["level"] == "consider"
    reason = body["recommendation"]["reasons"][0]
    assert (reason["code"], reason["site"], reason["since"]) == ("persisting", "left_heel", "2026-10-17")
    assert reason["evidence"]["care_adherence"] == 1.0 and reason["evidence"]["days_present"] == 35


def test_outsider_sees_none_of_the_owners_data(outsider, persisting) -> None:
    body = outsider.get(URL, {"from": "2026-11-01", "to": "2026-11-22"}).json()
    assert body["sites"] == [] and body["adherence"] == {}
    assert not any(day["logged"] for day in body["series"])
    assert body["recommendation"] == {
        "level": "none",
        "headline": "Nothing in your log suggests booking a visit now.",
        "headline_clinician": "Nothing in the patient's log suggests booking a visit now.",
        "seen_on": None,
        "reasons": [],
    }
    assert body["red_flags"] == [] and body["care_adherence"] is None
    assert body["visits"] == [] and body["slight_symptoms"] == [] and body["outliers"] == []
    assert body["coverage"]["logged_days"] == 0


def test_anonymous_is_refused(anonymous) -> None:
    response = anonymous.get(URL)
    assert response.status_code in (401, 403)
    assert "series" not in response.json()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "2026-11-10", "to": "2026-11-01"}, "from"),
        ({"from": "2026-13-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "20261101"}, "from"),
        ({"from": "2020-01-01", "to": "2026-11-01"}, "to"),
    ],
    ids=["from_after_to", "month_13", "words", "no_dashes", "over_five_years"],
)
def test_bad_parameters_are_a_400_in_the_error_shape(api, params, field) -> None:
    response = api.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert body["detail"] and field in body["errors"]


@pytest.mark.parametrize(
    "window", [("0001-01-01", "0001-01-05"), ("9999-12-01", "9999-12-31")], ids=["year_1", "year_9999"]
)
def test_dates_at_the_ends_of_the_calendar_are_a_400_not_a_500(api, window) -> None:
    # footlog's one calendar bound (footlog/api/params.py: 1900-01-01 to 2999-12-31) for every from/to.
    response = api.get(URL, {"from": window[0], "to": window[1]})
    assert response.status_code == 400, response.content
    assert {"from", "to"} <= response.json()["errors"].keys()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("zone", "today"), [("Australia/Sydney", "2026-11-25"), ("Europe/Berlin", "2026-11-24")])
def test_default_window_is_the_last_90_days_up_to_the_users_own_today(make_user, zone, today) -> None:
    from tests.conftest import logged_in

    client = logged_in(make_user(timezone=zone))
    body = client.get(URL).json()
    assert body["to"] == today
    assert body["from"] == (dt.date.fromisoformat(today) - dt.timedelta(days=89)).isoformat()
    assert len(body["series"]) == 90


@time_machine.travel(NOW, tick=False)
def test_only_from_given_runs_from_there_to_the_users_today(api) -> None:
    body = api.get(URL, {"from": "2026-10-01"}).json()
    assert (body["from"], body["to"]) == ("2026-10-01", "2026-11-24")


def _queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params).status_code == 200
    return len(queries)


def test_query_count_is_the_same_for_a_week_and_three_years(user, api) -> None:
    log_days(
        user,
        dt.date(2023, 11, 25),
        3 * 365,
        {"left_heel": 3, "left_toes": 1, "right_sole": 2},
        care={"moisturise": True, "wash": False},
    )
    week = _queries(api, {"from": "2026-11-17", "to": "2026-11-23"})
    three_years = _queries(api, {"from": "2023-11-25", "to": "2026-11-23"})
    assert week == three_years
    assert week <= 8, week


def test_a_cached_timeline_follows_every_entry_write(api, user) -> None:
    window = {"from": "2026-11-01", "to": "2026-11-03"}
    log_days(user, dt.date(2026, 11, 1), 1, {"left_heel": 2})
    assert api.get(URL, window).json()["series"][0]["total"] == 2
    entry_id = api.get("/api/v1/entries/").json()["results"][0]["id"]

    # update
    updated = api.patch(
        f"/api/v1/entries/{entry_id}/", {"observations": [{"site": "left_heel", "count": 7}]}, format="json"
    )
    assert updated.status_code == 200, updated.content
    assert api.get(URL, window).json()["series"][0]["total"] == 7
    # create
    created = api.post(
        "/api/v1/entries/", {"date": "2026-11-02", "observations": [{"site": "left_heel", "count": 1}]}, format="json"
    )
    assert created.status_code == 201, created.content
    assert api.get(URL, window).json()["series"][1] == {
        "date": "2026-11-02",
        "logged": True,
        "total": 1,
        "by_site": {"left_heel": 1},
    }
    # delete
    assert api.delete(f"/api/v1/entries/{entry_id}/").status_code == 204
    assert api.get(URL, window).json()["series"][0]["logged"] is False


def test_a_cached_answer_takes_no_more_queries_than_a_fresh_one(user, api) -> None:
    log_days(user, dt.date(2026, 11, 1), 20, {"left_heel": 3})
    window = {"from": "2026-11-01", "to": "2026-11-20"}
    fresh, cached = _queries(api, window), _queries(api, window)
    assert cached < fresh <= 8
    assert api.get(URL, window).json() == api.get(URL, window).json()


def test_documented_output_serializer_matches_the_answer(api, persisting) -> None:
    from footlog.timeline.serializers import TimelineOut

    body = api.get(URL, {"from": "2026-11-01", "to": "2026-11-22"}).json()
    assert body["recommendation"]["reasons"]
    assert dict(TimelineOut(body).data) == body


def test_documented_output_serializer_matches_an_urgent_answer_with_stale_sites(api, user) -> None:
    """Every field of to_dict(), red flags, "urgent", a stale site and a routine never recorded included."""
    from footlog.diary.models import Entry, Observation
    from footlog.timeline.serializers import TimelineOut

    log_days(user, dt.date(2026, 10, 1), 20, {"left_toes": 2})  # last checked 20 Oct: stale by 22 Nov
    entry = Entry.objects.create(user=user, date=dt.date(2026, 11, 20))
    Observation.objects.create(entry=entry, site="left_heel", count=2, pain=7, redness=True, bleeding=True)
    body = api.get(URL, {"from": "2026-10-01", "to": "2026-11-22"}).json()
    assert body["recommendation"]["level"] == "urgent"
    assert body["recommendation"]["headline"] == "Seek care promptly."
    assert {(f["date"], f["site"], f["kind"]) for f in body["red_flags"]} >= {
        ("2026-11-20", "left_heel", "pain"),
        ("2026-11-20", "left_heel", "bleeding"),
    }
    toes = next(s for s in body["sites"] if s["site"] == "left_toes")
    assert toes["status"] == "stale" and toes["last_checked"] == "2026-10-20"
    assert body["care_adherence"] is None
    assert dict(TimelineOut(body).data) == body


def test_a_recorded_visit_is_read_into_the_answer_for_its_owner_only(api, outsider, user, persisting) -> None:
    from footlog.clinical.models import Visit
    from footlog.timeline.services import timeline_cache_forget

    Visit.objects.create(
        user=user, kind="visited", date=dt.date(2026, 11, 15), plan="retinoid nightly", review_on=dt.date(2026, 12, 15)
    )
    timeline_cache_forget(user.pk)  # visit writes drop the cache (the clinical service does it)
    body = api.get(URL, {"from": "2026-11-01", "to": "2026-11-20"}).json()
    assert body["recommendation"]["level"] == "none"
    assert body["recommendation"]["seen_on"] == "2026-11-15"
    assert body["recommendation"]["headline"] == (
        "Seen by a dermatologist on 15 Nov; nothing logged since suggests booking again."
    )
    assert body["visits"] == [
        {
            "date": "2026-11-15",
            "kind": "visited",
            "plan": "retinoid nightly",
            "review_on": "2026-12-15",
            "since": [{"site": "left_heel", "before": 3.0, "after": 3.0, "checks_after": 5}],
        }
    ]
    assert [r["code"] for r in body["recommendation"]["reasons"]] == ["seen"]
    other = outsider.get(URL, {"from": "2026-11-01", "to": "2026-11-20"}).json()
    assert other["visits"] == [] and other["recommendation"]["seen_on"] is None
