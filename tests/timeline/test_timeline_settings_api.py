"""GET/PUT timeline/settings: the user's rule thresholds, defaults until saved, validated, per user."""

from __future__ import annotations

import datetime as dt

import pytest

from footlog.timeline.analysis import Thresholds
from footlog.timeline.models import TimelineSettings
from tests.timeline.rows import log_days

URL = "/api/v1/timeline/settings"


def test_defaults_are_answered_when_never_saved_and_nothing_is_stored(api, user) -> None:
    response = api.get(URL)
    assert response.status_code == 200
    assert response.json() == Thresholds().to_dict()
    assert not TimelineSettings.objects.filter(user=user).exists()


def test_put_stores_values_and_resets_left_out_fields_to_defaults(api, user) -> None:
    api.put(URL, {"consider_after_days": 21, "most_days_ratio": 0.5}, format="json")
    response = api.put(URL, {"consider_after_days": 14}, format="json")
    assert response.status_code == 200, response.content
    expected = {**Thresholds().to_dict(), "consider_after_days": 14}
    assert response.json() == expected
    assert api.get(URL).json() == expected
    assert TimelineSettings.objects.get(user=user).thresholds() == Thresholds(consider_after_days=14)


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
        ({"consider_after_days": 0}, "consider_after_days"),
        ({"consider_after_days": "28"}, "consider_after_days"),
        ({"most_days_ratio": 1.5}, "most_days_ratio"),
        ({"care_adherence_min": True}, "care_adherence_min"),
        ({"consider_after_days": 50, "book_after_days": 30}, "book_after_days"),
        ({"symptom_days": 9, "symptom_window_days": 7}, "symptom_days"),
    ],
    ids=["zero_days", "string_number", "ratio_over_one", "boolean", "book_before_consider", "symptoms_gt_window"],
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
