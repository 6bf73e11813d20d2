"""The Settings page offers only tunable thresholds; the red-flag rules are shown as fixed, never as inputs."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts import consent
from accounts.models import User
from footlog.timeline.analysis import FLOOR_FIELDS, SAFETY_FLOOR
from footlog.timeline.selectors import thresholds_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(user: User) -> Client:
    consent.consent_give(user)
    client = Client()
    client.force_login(user)
    return client


def test_the_form_shows_tunable_thresholds_only(browser: Client) -> None:
    html = browser.get("/settings/").content.decode()
    for name in ("consider_after_days", "book_after_days", "care_adherence_min"):
        assert f'name="{name}"' in html
    for name in {*FLOOR_FIELDS, *SAFETY_FLOOR, "symptom_days", "symptom_window_days"}:
        assert f'name="{name}"' not in html, name
    assert 'id="thr-floor"' in html and "Seek care promptly." in html


def test_a_posted_floor_field_changes_nothing(browser: Client, user: User) -> None:
    response = browser.post(
        "/settings/", {"action": "thresholds", "consider_after_days": "21", "fast_change_mm": "30", "clear_streak": "1"}
    )
    assert response.status_code == 302
    saved = thresholds_for(user)
    assert saved.consider_after_days == 21
    assert not hasattr(saved, "fast_change_mm") and not hasattr(saved, "clear_streak")
