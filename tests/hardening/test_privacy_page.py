"""The privacy page is public and says what is stored, where, for how long, and how to export and delete it."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_privacy_page_is_public_and_answers_what_where_how_long_export_delete(client, settings):
    response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("What is stored", "Where", "For how long", "Take it with you", "Delete it"):
        assert f"<h2>{heading}</h2>" in html
    assert "GET /api/v1/account/export" in html and "DELETE /api/v1/account/" in html
    assert f"Sessions: {settings.SESSION_COOKIE_AGE // 86400} days" in html
    assert "the server&#x27;s disk" in html or "the server's disk" in html


@pytest.mark.django_db
def test_privacy_page_says_what_is_kept_on_the_phone_and_when_it_goes(client):
    html = client.get("/privacy/").content.decode()
    assert "<h2>What is kept on your phone</h2>" in html
    assert "last 30 days" in html and "Photos are not part of the copy" in html
    assert "Signing out or deleting your account wipes the copy" in html


@pytest.mark.django_db
def test_privacy_page_names_the_bucket_when_photos_go_to_s3(client, settings):
    settings.FOOTLOG_S3_BUCKET = "photos-bucket"
    assert "an S3-compatible bucket" in client.get("/privacy/").content.decode()


@pytest.mark.django_db
def test_privacy_page_only_answers_reads(client):
    assert client.post("/privacy/").status_code == 405
