"""One rule for absolute links: FOOTLOG_PUBLIC_URL when set; else the request's own origin for a link made in a
request (a share link), and make run's HOST/PORT for one made without (mail and push)."""

from __future__ import annotations

import datetime as dt

import pytest

from reminders.messages import message_for

BODY = {"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7}


@pytest.fixture
def unset(settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "http://localhost:8000", False
    settings.ALLOWED_HOSTS = ["localhost"]


def test_a_share_link_made_in_a_request_reaches_the_app_on_its_own_port(api, unset):
    created = api.post("/api/v1/shares/", BODY, format="json", HTTP_HOST="localhost:8101")
    assert created.status_code == 201
    assert created.json()["url"].startswith("http://localhost:8101/share/")
    page = api.get("/export/", HTTP_HOST="localhost:8101")
    assert page.status_code in (200, 302)


def test_the_export_page_shows_a_link_on_the_requests_origin(api, consented, unset):
    answer = api.post("/export/", {"action": "share", **BODY}, HTTP_HOST="localhost:8101")
    assert answer.status_code == 200
    assert "http://localhost:8101/share/" in answer.content.decode()
    assert "http://localhost:8000/share/" not in answer.content.decode()


def test_a_set_public_url_wins_over_the_request(api, settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "https://footlog.example", True
    created = api.post("/api/v1/shares/", BODY, format="json")
    assert created.json()["url"].startswith("https://footlog.example/share/")


def test_mail_and_push_links_use_the_configured_base(settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "http://localhost:8101", False
    message = message_for("daily_log", dt.date(2026, 12, 1), 1)
    assert message.url == "http://localhost:8101/"
    assert message.unsubscribe_url.startswith("http://localhost:8101/")
