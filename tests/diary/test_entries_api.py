"""The daily log API: create, idempotent replay, conflicts, ETag/If-Match, listing and deletion."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from footlog.diary.models import Entry, Observation, RoutineLog

URL = "/api/v1/entries/"


def body(date: str = "2026-11-20", **overrides: object) -> dict:
    data = {
        "date": date,
        "notes": "itchy after the long walk",
        "observations": [
            {
                "site": "left_ankle_outer",
                "count": 3,
                "largest_mm": 1.5,
                "itch": 2,
                "pain": 0,
                "redness": False,
                "note": "cluster",
            },
            {"site": "right_heel", "count": 0},
        ],
        "routine": [{"step": "moisturise", "done": True, "detail": "urea 10%"}, {"step": "wash", "done": False}],
    }
    data.update(overrides)
    return data


@pytest.fixture
def entry(api) -> dict:
    response = api.post(URL, body(), format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_created_entry_is_returned_in_contract_shape(entry):
    assert uuid.UUID(entry["id"])
    assert entry["date"] == "2026-11-20"
    assert entry["version"] == 1
    assert entry["photos"] == []
    outer = next(o for o in entry["observations"] if o["site"] == "left_ankle_outer")
    assert outer == {
        "site": "left_ankle_outer",
        "count": 3,
        "largest_mm": 1.5,
        "itch": 2,
        "pain": 0,
        "redness": False,
        "bleeding": False,
        "spreading": False,
        "note": "cluster",
        "confirmed": False,
    }
    heel = next(o for o in entry["observations"] if o["site"] == "right_heel")
    assert heel["count"] == 0 and heel["largest_mm"] is None
    assert {(r["step"], r["done"], r["detail"]) for r in entry["routine"]} == {
        ("moisturise", True, "urea 10%"),
        ("wash", False, ""),
    }


def test_bleeding_and_spreading_are_stored_and_returned(api):
    flagged = {"site": "left_heel", "count": 2, "bleeding": True, "spreading": True}
    created = api.post(URL, body(observations=[flagged]), format="json").json()
    assert (created["observations"][0]["bleeding"], created["observations"][0]["spreading"]) == (True, True)
    stored = Observation.objects.get(entry_id=created["id"])
    assert (stored.bleeding, stored.spreading, stored.redness) == (True, True, False)
    changed = api.patch(
        f"{URL}{created['id']}/", {"observations": [{**flagged, "spreading": False}]}, format="json"
    ).json()
    assert (changed["observations"][0]["bleeding"], changed["observations"][0]["spreading"]) == (True, False)


def test_a_body_without_the_new_flags_replays_as_before(api):
    """An entry stored before bleeding/spreading existed keeps its fingerprint: a queued replay answers 200."""
    from footlog.diary.services import EntryData

    old_shape = EntryData(date=dt.date(2026, 11, 20), observations=[{"site": "left_heel", "count": 1}])
    explicit = EntryData(
        date=old_shape.date, observations=[{"site": "left_heel", "count": 1, "bleeding": False, "spreading": False}]
    )
    flagged = EntryData(date=old_shape.date, observations=[{"site": "left_heel", "count": 1, "bleeding": True}])
    assert old_shape.fingerprint() == explicit.fingerprint() != flagged.fingerprint()


def test_replayed_entry_is_not_duplicated(api):
    client_id = str(uuid.uuid4())
    first = api.post(URL, {**body(), "id": client_id}, format="json")
    second = api.post(URL, {**body(), "id": client_id}, format="json")
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == client_id
    assert Entry.objects.filter(pk=client_id).count() == 1
    assert Observation.objects.filter(entry_id=client_id).count() == 2


def test_replay_with_reordered_lists_counts_as_same_body(api):
    client_id = str(uuid.uuid4())
    api.post(URL, {**body(), "id": client_id}, format="json")
    reordered = body()
    reordered["observations"].reverse()
    reordered["routine"].reverse()
    assert api.post(URL, {**reordered, "id": client_id}, format="json").status_code == 200


def test_same_id_with_different_body_conflicts(api):
    client_id = str(uuid.uuid4())
    api.post(URL, {**body(), "id": client_id}, format="json")
    response = api.post(URL, {**body(notes="changed"), "id": client_id}, format="json")
    assert response.status_code == 409
    assert "detail" in response.json()
    assert Entry.objects.get(pk=client_id).notes == "itchy after the long walk"


def test_second_entry_for_a_taken_date_conflicts_with_existing_id(api, entry):
    response = api.post(URL, body(notes="another"), format="json")
    assert response.status_code == 409
    assert response.json()["id"] == entry["id"]
    assert Entry.objects.count() == 1


def test_another_users_entry_id_is_a_conflict_without_data(api, outsider):
    client_id = str(uuid.uuid4())
    api.post(URL, {**body(), "id": client_id}, format="json")
    response = outsider.post(URL, {**body(), "id": client_id}, format="json")
    assert response.status_code == 409
    assert "itchy" not in response.content.decode()
    assert Entry.objects.filter(pk=client_id).values_list("user__email", flat=True).count() == 1


def test_get_sends_etag_and_if_match_guards_writes(api, entry):
    url = f"{URL}{entry['id']}/"
    etag = api.get(url)["ETag"]
    assert etag
    updated = api.patch(url, {"notes": "calmer today"}, format="json", HTTP_IF_MATCH=etag)
    assert updated.status_code == 200
    assert updated.json()["version"] == 2
    assert updated["ETag"] != etag
    stale = api.patch(url, {"notes": "lost update"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert Entry.objects.get(pk=entry["id"]).notes == "calmer today"
    assert api.delete(url, HTTP_IF_MATCH=etag).status_code == 412


def test_patch_changes_only_given_fields(api, entry):
    url = f"{URL}{entry['id']}/"
    response = api.patch(url, {"notes": "new"}, format="json")
    assert response.status_code == 200
    assert len(response.json()["observations"]) == 2
    assert len(response.json()["routine"]) == 2


def test_put_replaces_lists(api, entry):
    url = f"{URL}{entry['id']}/"
    response = api.put(url, {"date": "2026-11-20", "observations": [{"site": "left_toes", "count": 7}]}, format="json")
    assert response.status_code == 200
    assert [o["site"] for o in response.json()["observations"]] == ["left_toes"]
    assert response.json()["routine"] == []
    assert response.json()["notes"] == ""


def test_moving_an_entry_onto_a_taken_date_conflicts(api, entry):
    other = api.post(URL, body(date="2026-11-21"), format="json").json()
    response = api.patch(f"{URL}{other['id']}/", {"date": "2026-11-20"}, format="json")
    assert response.status_code == 409
    assert response.json()["id"] == entry["id"]
    assert Entry.objects.get(pk=other["id"]).date.isoformat() == "2026-11-21"


def test_list_is_newest_first_paginated_and_filtered(api):
    for day in range(1, 8):
        assert api.post(URL, body(date=f"2026-11-0{day}"), format="json").status_code == 201
    page = api.get(URL, {"page_size": 3}).json()
    assert page["count"] == 7
    assert [e["date"] for e in page["results"]] == ["2026-11-07", "2026-11-06", "2026-11-05"]
    assert page["next"]
    window = api.get(URL, {"from": "2026-11-02", "to": "2026-11-04"}).json()
    assert [e["date"] for e in window["results"]] == ["2026-11-04", "2026-11-03", "2026-11-02"]


@pytest.mark.parametrize(
    "query",
    [
        {"from": "2026-11-05", "to": "2026-11-01"},
        {"from": "yesterday"},
        {"to": "2026-02-30"},
        {"from": "2019-01-01", "to": "2026-01-01"},
    ],
)
def test_list_rejects_bad_ranges(api, query):
    response = api.get(URL, query)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_delete_removes_entry_and_everything_under_it(api, entry):
    response = api.delete(f"{URL}{entry['id']}/")
    assert response.status_code == 204
    assert not Entry.objects.filter(pk=entry["id"]).exists()
    assert Observation.objects.count() == 0
    assert RoutineLog.objects.count() == 0
    assert api.get(f"{URL}{entry['id']}/").status_code == 404
