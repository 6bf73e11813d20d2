from __future__ import annotations

import pytest

from footlog.diary.models import RoutineStep, RoutineStepTarget

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
        "target_per_week": 7,
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
    tops = [s for s in sites if s["key"] in ("left_top", "right_top")]
    assert {(s["snomed_code"], s["snomed_display"]) for s in tops} == {("2402003", "Dorsum of foot")}
    assert {s["key"] for s in sites} == {
        f"{side}_{r}"
        for side in ("left", "right")
        for r in ("toes", "top", "sole", "heel", "ankle_inner", "ankle_outer")
    }


def test_builtin_steps_come_back_after_a_flush(db):
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    assert set(RoutineStep.objects.filter(user=None).values_list("key", flat=True)) == BUILTIN_CARE | BUILTIN_TRIGGER


BUILTIN_TARGETS = {
    "wash": 7,
    "exfoliate": 2,
    "moisturise": 7,
    "sock_change": 7,
    "sunscreen": 0,
    "breathable_footwear": 7,
    "tight_footwear": 0,
    "new_product": 0,
    "long_sun_exposure": 0,
}


def targets(client) -> dict[str, int]:
    return {s["key"]: s["target_per_week"] for s in client.get(URL).json()}


def test_builtin_steps_carry_their_default_targets(api):
    assert targets(api) == BUILTIN_TARGETS


@pytest.mark.parametrize(
    ("data", "target"),
    [
        ({"label": "Urea cream", "kind": "care"}, 7),
        ({"label": "Urea cream", "kind": "care", "target_per_week": 3}, 3),
        ({"label": "Urea cream", "kind": "care", "target_per_week": 0}, 0),
        ({"label": "Hot bath", "kind": "trigger"}, 0),
        ({"label": "Hot bath", "kind": "trigger", "target_per_week": 0}, 0),
    ],
)
def test_own_step_takes_an_optional_target(api, data, target):
    created = api.post(URL, data, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["target_per_week"] == target
    assert targets(api)[created.json()["key"]] == target


def test_patching_a_builtin_target_is_stored_for_that_user_only(api, outsider, user):
    response = api.patch(f"{URL}exfoliate/", {"target_per_week": 3}, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == {
        "key": "exfoliate",
        "label": "Gentle exfoliation",
        "kind": "care",
        "builtin": True,
        "archived": False,
        "target_per_week": 3,
    }
    assert targets(api)["exfoliate"] == 3
    assert targets(outsider)["exfoliate"] == 2  # the default, untouched for everyone else
    assert RoutineStep.objects.get(user=None, key="exfoliate").target_per_week == 2
    assert api.patch(f"{URL}exfoliate/", {"target_per_week": 2}, format="json").json()["target_per_week"] == 2
    assert RoutineStepTarget.objects.get(user=user).target_per_week == 2  # one row per user and step


def test_patching_an_own_step_target_changes_its_row(api):
    key = api.post(URL, {"label": "Retinoid cream", "kind": "care"}, format="json").json()["key"]
    response = api.patch(f"{URL}{key}/", {"target_per_week": 4}, format="json")
    assert response.status_code == 200
    assert response.json()["target_per_week"] == 4
    assert RoutineStep.objects.get(key=key).target_per_week == 4
    assert not RoutineStepTarget.objects.exists()


def test_another_users_own_step_is_not_found_for_patch(api, outsider):
    key = outsider.post(URL, {"label": "Secret cream", "kind": "care"}, format="json").json()["key"]
    response = api.patch(f"{URL}{key}/", {"target_per_week": 1}, format="json")
    assert response.status_code == 404
    assert RoutineStep.objects.get(key=key).target_per_week == 7
    assert api.patch(f"{URL}no_such_step/", {"target_per_week": 1}, format="json").status_code == 404


def test_patching_a_target_needs_a_signed_in_user(anonymous, db):
    response = anonymous.patch(f"{URL}wash/", {"target_per_week": 1}, format="json")
    assert response.status_code in (401, 403)
    assert not RoutineStepTarget.objects.exists()


@pytest.mark.parametrize("value", [-1, 8, 3.5, "3", True, None, [3]])
def test_a_target_outside_zero_to_seven_or_not_an_integer_is_refused(api, value):
    response = api.patch(f"{URL}wash/", {"target_per_week": value}, format="json")
    assert response.status_code == 400
    assert "target_per_week" in response.json()["errors"]
    assert not RoutineStepTarget.objects.exists()


def test_a_target_is_required_in_a_patch(api):
    response = api.patch(f"{URL}wash/", {}, format="json")
    assert response.status_code == 400
    assert "target_per_week" in response.json()["errors"]


def test_a_trigger_takes_only_a_zero_target(api):
    response = api.patch(f"{URL}new_product/", {"target_per_week": 2}, format="json")
    assert response.status_code == 400
    assert "target_per_week" in response.json()["errors"]
    assert api.patch(f"{URL}new_product/", {"target_per_week": 0}, format="json").status_code == 200
    own = api.post(URL, {"label": "Hot bath", "kind": "trigger"}, format="json").json()["key"]
    assert api.patch(f"{URL}{own}/", {"target_per_week": 1}, format="json").status_code == 400
    assert RoutineStep.objects.get(key=own).target_per_week == 0


@pytest.mark.parametrize("value", [1, 7, -1, 8, "2", 2.0])
def test_posting_a_trigger_with_a_target_other_than_zero_is_refused(api, value):
    response = api.post(URL, {"label": "Hot bath", "kind": "trigger", "target_per_week": value}, format="json")
    assert response.status_code == 400
    assert "target_per_week" in response.json()["errors"]
    assert not RoutineStep.objects.filter(user__isnull=False).exists()


@pytest.mark.parametrize("value", [8, -1, "7", 2.5, False])
def test_posting_a_care_step_with_a_bad_target_is_refused(api, value):
    response = api.post(URL, {"label": "Urea", "kind": "care", "target_per_week": value}, format="json")
    assert response.status_code == 400
    assert "target_per_week" in response.json()["errors"]


def test_the_database_refuses_a_target_out_of_range_or_on_a_trigger(user):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        RoutineStep.objects.create(user=user, key="my_x", label="x", kind="trigger", target_per_week=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoutineStep.objects.create(user=user, key="my_y", label="y", kind="care", target_per_week=8)
    with pytest.raises(IntegrityError), transaction.atomic():
        RoutineStepTarget.objects.create(user=user, step=RoutineStep.objects.get(key="wash"), target_per_week=9)


def test_a_new_target_is_seen_by_the_timeline_at_once(api, django_capture_on_commit_callbacks):
    from footlog.lib.dates import today_in

    today = today_in("Europe/Berlin").isoformat()
    api.post("/api/v1/entries/", {"date": today, "routine": [{"step": "exfoliate", "done": True}]}, format="json")
    assert api.get("/api/v1/timeline/").json()["adherence"]["exfoliate"]["target_per_week"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        api.patch(f"{URL}exfoliate/", {"target_per_week": 5}, format="json")
    assert api.get("/api/v1/timeline/").json()["adherence"]["exfoliate"]["target_per_week"] == 5
