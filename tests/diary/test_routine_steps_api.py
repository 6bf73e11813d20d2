from __future__ import annotations

import pytest

from footlog.diary.models import RoutineStep

URL = "/api/v1/routine-steps/"
BUILTIN_CARE = {"wash", "exfoliate", "moisturise", "sock_change", "sunscreen", "breathable_footwear"}
BUILTIN_TRIGGER = {"tight_footwear", "new_product", "long_sun_exposure"}


def test_builtin_steps_are_listed_with_kind(api):
    steps = api.get(URL).json()
    assert {s["key"] for s in steps if s["kind"] == "care" and s["builtin"]} == BUILTIN_CARE
    assert {s["key"] for s in steps if s["kind"] == "trigger" and s["builtin"]} == BUILTIN_TRIGGER


def test_custom_step_is_created_and_listed_only_for_its_owner(api, outsider):
    response = api.post(URL, {"label": "Retinoid cream", "kind": "care"}, format="json")
    assert response.status_code == 201
    step = response.json()
    assert step == {
        "key": "my_retinoid_cream",
        "label": "Retinoid cream",
        "kind": "care",
        "builtin": False,
        "archived": False,
    }
    assert step["key"] in {s["key"] for s in api.get(URL).json()}
    assert step["key"] not in {s["key"] for s in outsider.get(URL).json()}


def test_same_label_twice_gets_distinct_keys(api):
    first = api.post(URL, {"label": "Lactic acid", "kind": "care"}, format="json").json()
    second = api.post(URL, {"label": "Lactic acid", "kind": "care"}, format="json").json()
    assert first["key"] != second["key"]


def test_archived_step_disappears_from_list_but_history_keeps_it(api):
    step = api.post(URL, {"label": "Coconut oil", "kind": "care"}, format="json").json()
    entry = api.post(
        "/api/v1/entries/", {"date": "2026-11-01", "routine": [{"step": step["key"], "done": True}]}, format="json"
    ).json()
    assert api.delete(f"{URL}{step['key']}/").status_code == 204
    assert step["key"] not in {s["key"] for s in api.get(URL).json()}
    again = api.get(f"/api/v1/entries/{entry['id']}/").json()
    assert again["routine"][0]["step"] == step["key"]


def test_builtin_step_cannot_be_archived(api):
    assert api.delete(f"{URL}wash/").status_code == 404
    assert RoutineStep.objects.get(key="wash", user=None).archived_at is None


@pytest.mark.parametrize(
    "data",
    [
        {"label": "", "kind": "care"},
        {"label": "x", "kind": "ritual"},
        {"label": 5, "kind": "care"},
        {"kind": "care"},
        {"label": "x" * 101, "kind": "care"},
    ],
)
def test_bad_step_is_rejected(api, data):
    response = api.post(URL, data, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_sites_list_all_twelve_with_snomed_codes(api):
    sites = api.get("/api/v1/sites/").json()
    assert len(sites) == 12
    heel = next(s for s in sites if s["key"] == "left_heel")
    assert heel["snomed_code"] == "76853006" and heel["laterality_code"] == "7771000"
    assert {s["key"] for s in sites} == {
        f"{side}_{r}"
        for side in ("left", "right")
        for r in ("toes", "top", "sole", "heel", "ankle_inner", "ankle_outer")
    }


def test_builtin_steps_come_back_after_a_flush(db):
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    assert set(RoutineStep.objects.filter(user=None).values_list("key", flat=True)) == BUILTIN_CARE | BUILTIN_TRIGGER
