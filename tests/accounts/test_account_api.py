from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from accounts.models import User


def test_owner_reads_and_changes_profile(api, user):
    assert api.get("/api/v1/account/").json()["email"] == user.email
    response = api.patch("/api/v1/account/", {"timezone": "Australia/Sydney", "display_name": "Sam"}, format="json")
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.timezone, user.display_name) == ("Australia/Sydney", "Sam")


@pytest.mark.parametrize("tz", ["Mars/Olympus", "UTC+2", "", 5])
def test_unknown_time_zone_is_rejected(api, user, tz):
    response = api.patch("/api/v1/account/", {"timezone": tz}, format="json")
    assert response.status_code == 400
    assert "timezone" in response.json()["errors"]
    user.refresh_from_db()
    assert user.timezone == "Europe/Berlin"


def test_email_cannot_be_changed_through_the_profile(api, user):
    api.patch("/api/v1/account/", {"email": "evil@example.com"}, format="json")
    user.refresh_from_db()
    assert user.email != "evil@example.com"


def test_model_validates_time_zone(db):
    user = User(email="a@example.com", timezone="Nowhere/City")
    with pytest.raises(ValidationError):
        user.full_clean()


def test_emails_are_unique_regardless_of_case(db):
    User.objects.create_user("Person@Example.com", "pw-123456789")
    assert User.objects.get().email == "person@example.com"
    with pytest.raises(Exception):
        User.objects.create_user("PERSON@example.com", "pw-123456789")
