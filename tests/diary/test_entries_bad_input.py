"""Every malformed entry gets a 4xx in the API's error shape, and nothing is written."""

from __future__ import annotations

import json

import pytest

from footlog.diary.models import Entry, Observation, RoutineLog

URL = "/api/v1/entries/"


def obs(**fields: object) -> dict:
    return {"site": "left_heel", "count": 1, **fields}


def entry_with(**fields: object) -> dict:
    return {"date": "2026-11-20", **fields}


BAD_BODIES = {
    "unknown site": (entry_with(observations=[obs(site="left_knee")]), "observations"),
    "count -1": (entry_with(observations=[obs(count=-1)]), "observations"),
    "count 201": (entry_with(observations=[obs(count=201)]), "observations"),
    "largest_mm 31": (entry_with(observations=[obs(largest_mm=31)]), "observations"),
    "itch 11": (entry_with(observations=[obs(itch=11)]), "observations"),
    "pain as text": (entry_with(observations=[obs(pain="high")]), "observations"),
    "count as string": (entry_with(observations=[obs(count="3")]), "observations"),
    "count as bool": (entry_with(observations=[obs(count=True)]), "observations"),
    "redness as string": (entry_with(observations=[obs(redness="yes")]), "observations"),
    "bleeding as string": (entry_with(observations=[obs(bleeding="true")]), "observations"),
    "bleeding as 1": (entry_with(observations=[obs(bleeding=1)]), "observations"),
    "bleeding as null": (entry_with(observations=[obs(bleeding=None)]), "observations"),
    "spreading as string": (entry_with(observations=[obs(spreading="yes")]), "observations"),
    "spreading as 0": (entry_with(observations=[obs(spreading=0)]), "observations"),
    "same site twice": (entry_with(observations=[obs(), obs(count=2)]), "observations"),
    "malformed date": ({"date": "20-11-2026"}, "date"),
    "impossible date": ({"date": "2026-02-30"}, "date"),
    "date in the future": ({"date": "2999-01-01"}, "date"),
    "missing date": ({"notes": "x"}, "date"),
    "notes over 5000": (entry_with(notes="x" * 5001), "notes"),
    "notes as number": (entry_with(notes=5), "notes"),
    "unknown routine step": (entry_with(routine=[{"step": "dance", "done": True}]), "routine"),
    "routine done as string": (entry_with(routine=[{"step": "wash", "done": "true"}]), "routine"),
    "same step twice": (
        entry_with(routine=[{"step": "wash", "done": True}, {"step": "wash", "done": False}]),
        "routine",
    ),
    "observations not a list": (entry_with(observations={"site": "left_heel"}), "observations"),
    "observation not an object": (entry_with(observations=["left_heel"]), "observations"),
    "client id not a uuid": (entry_with(id="not-a-uuid"), "id"),
}


@pytest.mark.parametrize("case", BAD_BODIES, ids=list(BAD_BODIES))
def test_bad_entry_body_is_rejected_with_field_errors(api, case):
    data, field = BAD_BODIES[case]
    response = api.post(URL, data, format="json")
    assert response.status_code == 400, response.content
    payload = response.json()
    assert payload["detail"]
    assert field in payload["errors"]
    assert Entry.objects.count() == Observation.objects.count() == RoutineLog.objects.count() == 0


def test_archived_step_is_rejected(api):
    step = api.post("/api/v1/routine-steps/", {"label": "Retinoid cream", "kind": "care"}, format="json").json()
    api.delete(f"/api/v1/routine-steps/{step['key']}/")
    response = api.post(URL, entry_with(routine=[{"step": step["key"], "done": True}]), format="json")
    assert response.status_code == 400
    assert "archived" in response.json()["errors"]["routine"][0]


def test_another_users_custom_step_is_unknown(api, outsider):
    step = outsider.post("/api/v1/routine-steps/", {"label": "Secret cream", "kind": "care"}, format="json").json()
    response = api.post(URL, entry_with(routine=[{"step": step["key"], "done": True}]), format="json")
    assert response.status_code == 400


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2", b"\xff\xfe", b'"just a string"', b"42"])
def test_non_json_body_is_a_400(api, raw):
    response = api.generic("POST", URL, raw, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]


def test_wrong_content_type_is_a_415(api):
    response = api.generic("POST", URL, b"date=2026-11-20", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.json()["detail"]


def test_three_megabyte_body_is_a_413_and_nothing_is_stored(api):
    raw = json.dumps(entry_with(notes="x" * (3 * 1024 * 1024))).encode()
    response = api.generic("POST", URL, raw, content_type="application/json")
    assert response.status_code == 413
    assert response.json()["detail"]
    assert Entry.objects.count() == 0


def test_bad_update_leaves_the_entry_untouched(api):
    created = api.post(URL, entry_with(notes="kept", observations=[obs(count=4)]), format="json").json()
    response = api.put(f"{URL}{created['id']}/", entry_with(observations=[obs(count=500)]), format="json")
    assert response.status_code == 400
    stored = Entry.objects.get(pk=created["id"])
    assert (stored.notes, stored.version, stored.observations.get().count) == ("kept", 1, 4)


@pytest.mark.parametrize("name", ["bleeding", "spreading"])
def test_a_red_flag_that_is_not_a_boolean_is_named_and_nothing_is_saved(api, name):
    created = api.post(URL, entry_with(notes="kept", observations=[obs(count=4)]), format="json").json()
    response = api.patch(f"{URL}{created['id']}/", {"observations": [obs(**{name: "true"})]}, format="json")
    assert response.status_code == 400
    assert name in str(response.json()["errors"]["observations"]), response.json()
    stored = Entry.objects.get(pk=created["id"])
    assert (stored.version, stored.observations.get().count) == (1, 4)
    assert getattr(stored.observations.get(), name) is False
