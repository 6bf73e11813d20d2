"""GET/PUT timeline/settings: the user's tunable thresholds, defaults until saved, validated, per user; the
red-flag rules are a read-only safety floor that no write can touch."""

from __future__ import annotations

import datetime as dt

import pytest

from footlog.diary.models import Entry, Observation
from footlog.timeline.analysis import FLOOR_FIELDS, SAFETY_FLOOR, Thresholds
from footlog.timeline.models import TimelineSettings
from tests.timeline.rows import log_days

URL = "/api/v1/timeline/settings"


def answer(thresholds: Thresholds) -> dict:
    return {**thresholds.to_dict(), "safety_floor": dict(SAFETY_FLOOR)}


def test_defaults_are_answered_when_never_saved_and_nothing_is_stored(api, user) -> None:
    response = api.get(URL)
    assert response.status_code == 200
    assert response.json() == answer(Thresholds())
    assert not TimelineSettings.objects.filter(user=user).exists()


def test_settings_list_only_tunable_thresholds_and_the_floor_read_only(api) -> None:
    body = api.get(URL).json()
    assert set(body) == {*Thresholds.__dataclass_fields__, "safety_floor"}
    assert not set(FLOOR_FIELDS) & set(body)  # no red-flag rule among the settings
    assert body["safety_floor"] == SAFETY_FLOOR
    assert body["trend_window_days"] == 28


def test_put_stores_values_and_resets_left_out_fields_to_defaults(api, user) -> None:
    api.put(URL, {"consider_after_days": 21, "most_days_ratio": 0.5}, format="json")
    response = api.put(URL, {"consider_after_days": 14}, format="json")
    assert response.status_code == 200, response.content
    expected = answer(Thresholds(consider_after_days=14))
    assert response.json() == expected
    assert api.get(URL).json() == expected
    assert TimelineSettings.objects.get(user=user).thresholds() == Thresholds(consider_after_days=14)


def test_the_answer_of_a_get_can_be_put_back_unchanged(api, user) -> None:
    body = {**api.get(URL).json(), "book_after_days": 50}
    response = api.put(URL, body, format="json")
    assert response.status_code == 200, response.content
    assert response.json() == answer(Thresholds(book_after_days=50))


def test_saved_thresholds_change_the_timeline(api, user) -> None:
    log_days(user, dt.date(2026, 11, 1), 20, {"left_heel": 3})
    window = {"from": "2026-11-01", "to": "2026-11-20"}
    assert api.get("/api/v1/timeline/", window).json()["recommendation"]["level"] == "none"
    api.put(URL, {"consider_after_days": 14}, format="json")
    body = api.get("/api/v1/timeline/", window).json()
    assert body["recommendation"]["level"] == "consider"
    assert body["thresholds"]["consider_after_days"] == 14


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"red_flag_window_days": 1}, "red_flag_window_days"),
        ({"fast_change_mm": 30}, "fast_change_mm"),
        ({"fast_change_min_count": 200}, "fast_change_min_count"),
        ({"clear_streak": 1}, "clear_streak"),
        ({"stale_after_days": 365}, "stale_after_days"),
        ({"symptom_days": 7, "symptom_window_days": 7}, "symptom_days"),
        ({"pain_red_flag_min": 10}, "pain_red_flag_min"),
        ({"consider_after_days": 14, "red_flag_window_days": 1}, "red_flag_window_days"),
        ({"safety_floor": {**SAFETY_FLOOR, "fast_change_mm": 30}}, "safety_floor"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_safety_floor_field_is_a_400_naming_it_and_nothing_is_saved(api, user, payload, field) -> None:
    response = api.put(URL, payload, format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] and field in body["errors"]
    assert "safety" in " ".join(body["errors"][field]).lower()
    assert not TimelineSettings.objects.filter(user=user).exists()


def test_every_floor_field_is_refused(api, user) -> None:
    for name in FLOOR_FIELDS:
        response = api.put(URL, {name: 1}, format="json")
        assert response.status_code == 400 and name in response.json()["errors"], name
    assert not TimelineSettings.objects.filter(user=user).exists()


def test_a_refused_red_flag_setting_leaves_pain_with_redness_urgent(api, user) -> None:
    # The case: "tuning away" the red flags used to turn pain 7 + redness into level "none".
    api.put(URL, {"red_flag_window_days": 1, "fast_change_mm": 30}, format="json")
    today = dt.date(2026, 11, 20)
    entry = Entry.objects.create(user=user, date=today)
    Observation.objects.create(entry=entry, site="left_heel", count=2, pain=7, redness=True)
    body = api.get("/api/v1/timeline/", {"from": "2026-11-01", "to": today.isoformat()}).json()
    assert body["recommendation"]["level"] == "urgent"
    assert body["recommendation"]["headline"] == "Seek care promptly."
    assert "red_flag_window_days" not in body["thresholds"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"consider_after_days": 0}, "consider_after_days"),
        ({"consider_after_days": "28"}, "consider_after_days"),
        ({"most_days_ratio": 1.5}, "most_days_ratio"),
        ({"care_adherence_min": True}, "care_adherence_min"),
        ({"consider_after_days": 50, "book_after_days": 30}, "book_after_days"),
        ({"trend_window_days": 3}, "trend_window_days"),
        ({"trend_window_days": 500}, "trend_window_days"),
        ({"rise_min_count": 0}, "rise_min_count"),
        ({"rise_min_mm": 31}, "rise_min_mm"),
        ({"min_checked_days": 2.5}, "min_checked_days"),
    ],
    ids=[
        "zero_days",
        "string_number",
        "ratio_over_one",
        "boolean",
        "book_before_consider",
        "trend_window_under_a_week",
        "trend_window_too_long",
        "rise_zero",
        "rise_mm_too_big",
        "fractional_days",
    ],
)
def test_invalid_thresholds_are_a_400_and_nothing_is_saved(api, user, payload, field) -> None:
    response = api.put(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not TimelineSettings.objects.filter(user=user).exists()


def test_non_object_body_is_a_400(api) -> None:
    assert api.put(URL, [1, 2], format="json").status_code == 400


def test_outsider_neither_sees_nor_changes_the_owners_thresholds(api, user, outsider) -> None:
    api.put(URL, {"consider_after_days": 14}, format="json")
    assert outsider.get(URL).json()["consider_after_days"] == Thresholds().consider_after_days
    outsider.put(URL, {"consider_after_days": 60, "book_after_days": 90}, format="json")
    assert TimelineSettings.objects.get(user=user).consider_after_days == 14


@pytest.mark.parametrize("method", ["get", "put"])
def test_anonymous_is_refused(db, anonymous, method) -> None:
    response = getattr(anonymous, method)(URL, {}, format="json")
    assert response.status_code in (401, 403)
    assert not TimelineSettings.objects.exists()


def test_the_service_refuses_anything_but_a_tunable_threshold(user) -> None:
    from footlog.timeline.services import timeline_settings_update

    with pytest.raises(ValueError, match="fast_change_mm"):
        timeline_settings_update(user, {"fast_change_mm": 30})
    assert not TimelineSettings.objects.filter(user=user).exists()
