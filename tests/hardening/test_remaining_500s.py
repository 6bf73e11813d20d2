"""Inputs that answered 500 (issue 13, item 10 and 11): each now gets a clear 4xx in the API's error shape."""

from __future__ import annotations

import pytest

from footlog.diary.models import Entry, Observation, RoutineLog

ENTRY = {
    "date": "2026-11-20",
    "notes": "kept",
    "observations": [{"site": "left_heel", "count": 2}],
    "routine": [{"step": "wash", "done": True}],
}


@pytest.fixture
def entry(api) -> dict:
    response = api.post("/api/v1/entries/", ENTRY, format="json")
    assert response.status_code == 201, response.content
    return response.json()


@pytest.mark.parametrize(
    ("body", "list_name", "missing"),
    [
        ({"routine": [{"done": False}]}, "routine", "step"),
        ({"observations": [{"count": 1}]}, "observations", "site"),
        ({"observations": [{"site": "left_heel"}]}, "observations", "count"),
        ({"routine": [{"step": "wash", "done": True}, {"detail": "x"}]}, "routine", "step"),
    ],
)
def test_patch_with_incomplete_list_items_is_400_naming_the_missing_field(api, entry, body, list_name, missing):
    response = api.patch(f"/api/v1/entries/{entry['id']}/", body, format="json")
    assert response.status_code == 400, response.content
    per_item = response.json()["errors"][list_name]  # {"index": {"field": [...]}}
    assert any(missing in item for item in per_item.values()), response.json()
    stored = api.get(f"/api/v1/entries/{entry['id']}/").json()
    assert (stored["version"], len(stored["observations"]), len(stored["routine"])) == (1, 1, 1)  # nothing written


def test_patch_with_whole_items_still_takes_their_defaults(api, entry):
    response = api.patch(
        f"/api/v1/entries/{entry['id']}/", {"observations": [{"site": "left_toes", "count": 3}]}, format="json"
    )
    assert response.status_code == 200, response.content
    [obs] = response.json()["observations"]
    assert (obs["site"], obs["count"], obs["itch"], obs["pain"], obs["largest_mm"]) == ("left_toes", 3, 0, 0, None)
    assert response.json()["notes"] == "kept"  # what the PATCH did not name stays


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/timeline/?to=0001-01-05",
        "/api/v1/timeline/?from=0001-01-01",
        "/api/v1/exports/report.pdf?to=0001-01-05",
        "/api/v1/exports/history.csv?to=9999-12-31",
        "/api/v1/exports/history.csv?from=9999-12-30&to=9999-12-31",
        "/api/v1/exports/fhir.json?to=9999-12-31",
        "/api/v1/entries/?to=9999-12-31",
        "/api/v1/photos/?from=0001-01-01",
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_a_400_on_the_range(api, url):
    response = api.get(url)
    assert response.status_code == 400, (response.status_code, response.content[:300])
    assert set(response.json()["errors"]) & {"from", "to"}


@pytest.mark.parametrize(
    "body", [{"from": "0001-01-01", "to": "0001-01-05"}, {"from": "9999-12-30", "to": "9999-12-31"}]
)
def test_range_bodies_at_the_ends_of_the_calendar_are_a_400(api, body):
    response = api.post("/api/v1/shares/", {**body, "include_photos": False, "expires_in_days": 7}, format="json")
    assert response.status_code == 400, response.content
    response = api.post("/api/v1/exports/report-jobs/", body, format="json")
    assert response.status_code == 400, response.content


@pytest.mark.parametrize("end", ["0001-01-05", "0001-01-01", "9999-12-31"])
def test_history_page_at_the_ends_of_the_calendar_answers(browser, end):
    assert browser.get(f"/history/?end={end}").status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/entries/", "/api/v1/photos/", "/api/v1/timeline/", "/api/v1/account/"])
def test_html_accept_is_406_in_the_error_shape(api, path):
    response = api.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 406, response.content[:300]
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/entries/", "/api/v1/photos/"])
def test_browsable_api_format_is_406(api, path):
    response = api.get(path + "?format=api")
    assert response.status_code == 406, response.content[:300]
    assert response.json()["detail"]


def test_json_and_wildcard_accept_still_answer_json(api, entry):
    for accept in ("application/json", "*/*", "text/html, application/json;q=0.9"):
        response = api.get("/api/v1/entries/", HTTP_ACCEPT=accept)
        assert response.status_code == 200 and response["Content-Type"] == "application/json"
    assert api.get("/api/v1/entries/?format=json").status_code == 200


@pytest.mark.parametrize("bad_id", [42, 0, True, False, 1.5, ["6f1c3d7e-8a0b-4c2d-9e1f-123456789abc"]])
def test_a_client_id_that_is_not_a_uuid_string_is_400(api, bad_id):
    response = api.post("/api/v1/entries/", {**ENTRY, "id": bad_id}, format="json")
    assert response.status_code == 400, response.content
    assert "id" in response.json()["errors"]
    assert Entry.objects.count() == Observation.objects.count() == RoutineLog.objects.count() == 0
