"""The app's server side: manifest, service worker, the consent gate and the pages' access rules."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from PIL import Image

from accounts import consent
from accounts.models import User
from footlog.diary.models import Entry
from footlog.lib.dates import today_in

pytestmark = pytest.mark.django_db


def test_manifest_makes_the_app_installable() -> None:
    response = Client().get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    body = json.loads(response.content)
    assert body["id"] == "/" and body["scope"] == "/" and body["start_url"].startswith("/")
    assert body["display"] == "standalone" and body["theme_color"] and body["background_color"]
    sizes = {(icon["sizes"], icon["purpose"]) for icon in body["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("192x192", "maskable"), ("512x512", "maskable")} <= sizes
    for icon in body["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path and Image.open(path).size == tuple(int(n) for n in icon["sizes"].split("x"))


def test_service_worker_is_served_from_the_root_without_caching() -> None:
    response = Client().get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"
    text = response.content.decode()
    assert "/offline/" in text and "footlog/outbox.js" in text


def test_service_worker_never_keeps_api_or_photo_answers() -> None:
    text = Client().get("/sw.js").content.decode()
    # The fetch handler leaves these to the network: no respondWith, hence no cache.put.
    assert "api|_allauth|accounts|admin|share" in text
    assert 'KEPT_PAGES = ["/"]' in text


def test_offline_page_needs_no_login() -> None:
    response = Client().get("/offline/")
    assert response.status_code == 200 and b"You are offline" in response.content


@pytest.mark.parametrize("path", ["/history/", "/timeline/", "/settings/", "/export/"])
def test_app_pages_send_anonymous_visitors_to_sign_in(path: str) -> None:
    response = Client().get(path)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("path", ["/", "/history/", "/timeline/", "/settings/", "/export/"])
def test_app_pages_ask_for_consent_first(unconsented_user: User, path: str) -> None:
    client = Client()
    client.force_login(unconsented_user)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/welcome/?next=")


def test_consent_records_version_time_and_detected_time_zone(unconsented_user: User) -> None:
    client = Client()
    client.force_login(unconsented_user)
    response = client.post("/welcome/", {"consent": "yes", "timezone": "Asia/Tokyo", "next": "/history/"})
    assert response.status_code == 302 and response["Location"] == "/history/"
    unconsented_user.refresh_from_db()
    assert unconsented_user.health_data_consent_version == consent.CONSENT_VERSION
    assert unconsented_user.health_data_consented_at is not None
    assert unconsented_user.timezone == "Asia/Tokyo"


def test_consent_without_the_box_ticked_is_refused(unconsented_user: User) -> None:
    client = Client()
    client.force_login(unconsented_user)
    response = client.post("/welcome/", {"timezone": "Asia/Tokyo"})
    assert response.status_code == 400
    unconsented_user.refresh_from_db()
    assert unconsented_user.health_data_consent_version == "" and unconsented_user.timezone == "Europe/Berlin"


def test_consent_ignores_an_unknown_time_zone_and_an_outside_next(unconsented_user: User) -> None:
    client = Client()
    client.force_login(unconsented_user)
    response = client.post("/welcome/", {"consent": "yes", "timezone": "Mars/Olympus", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    unconsented_user.refresh_from_db()
    assert unconsented_user.timezone == "Europe/Berlin" and consent.has_current_consent(unconsented_user)


def test_an_older_consent_version_is_asked_again(consented: User) -> None:
    consented.health_data_consent_version = "2020-01-v0"
    consented.save()
    client = Client()
    client.force_login(consented)
    assert client.get("/")["Location"].startswith("/welcome/")


def test_today_page_carries_no_health_data(browser: Client, consented: User) -> None:
    Entry.objects.create(
        user=consented, date=today_in(consented.timezone), notes="secret note text", create_fingerprint="x"
    )
    response = browser.get("/")
    assert response.status_code == 200
    assert b"secret note text" not in response.content and consented.email.encode() not in response.content
    assert b'capture="environment"' in response.content and b'id="today-config"' in response.content
    assert b"<script>" not in response.content  # no inline scripts: data travels as application/json


def test_today_form_offers_the_red_flags_and_nothing_done(browser: Client) -> None:
    response = browser.get("/")
    for control in (b'id="bleeding"', b'id="spreading"', b'id="redness"', b'id="nothing-done"', b'id="seek-care"'):
        assert control in response.content
    config = response.context["config"]
    assert config["urgent_text"] == "Seek care promptly."  # the one wording table's text for "urgent"
    assert {s["key"]: s["target_per_week"] for s in config["steps"]}["exfoliate"] == 2


def test_a_new_form_shape_makes_a_new_service_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept copies of an older Today form (which sent every step as done or not) are dropped by the new worker."""
    from footlog.pwa import views

    views.shell_version.cache_clear()
    current = views.shell_version()
    assert current in Client().get("/sw.js").content.decode()
    monkeypatch.setattr(views, "SHELL_GENERATION", views.SHELL_GENERATION - 1)
    views.shell_version.cache_clear()
    try:
        assert views.shell_version() != current
    finally:
        monkeypatch.undo()
        views.shell_version.cache_clear()


def test_history_shows_gaps_between_logged_days(browser: Client, consented: User) -> None:
    today = today_in(consented.timezone)
    Entry.objects.create(user=consented, date=today, create_fingerprint="a")
    Entry.objects.create(user=consented, date=today - dt.timedelta(days=2), create_fingerprint="b")
    response = browser.get("/history/")
    days = response.context["days"]
    assert [day.logged for day in days[:3]] == [True, False, True]
    assert response.content.count(b"<span>not logged</span>") == 26


def test_history_shows_only_the_users_own_days(browser: Client, other_user: User) -> None:
    Entry.objects.create(user=other_user, date=today_in(other_user.timezone), create_fingerprint="a")
    response = browser.get("/history/")
    assert not any(day.logged for day in response.context["days"])


def test_timeline_shows_status_banner_and_chart(browser: Client, consented: User) -> None:
    today = today_in(consented.timezone)
    for offset in range(3):
        day = today - dt.timedelta(days=offset)
        entry = Entry.objects.create(user=consented, date=day, create_fingerprint=str(offset))
        entry.observations.create(site="left_heel", count=4)
    response = browser.get("/timeline/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Left heel" in text and 'class="status ' in text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in text and 'role="img"' in text
    assert response.context["logged_days"] == 3
    assert "Consider booking" in text or "Nothing in your log suggests" in text


def test_timeline_shows_only_the_users_own_log(browser: Client, other_user: User) -> None:
    entry = Entry.objects.create(user=other_user, date=today_in(other_user.timezone), create_fingerprint="a")
    entry.observations.create(site="right_toes", count=9)
    response = browser.get("/timeline/")
    assert response.context["logged_days"] == 0 and "Right toes" not in response.content.decode()


def test_settings_saves_reminder_time_weekdays_and_channels(browser: Client, consented: User) -> None:
    response = browser.post(
        "/settings/",
        {"action": "reminders", "enabled": "on", "time": "07:45", "weekdays": ["0", "2"], "channels": ["email"]},
    )
    assert response.status_code == 302
    from reminders.selectors import preferences_for

    pref = preferences_for(consented)
    assert pref.enabled and pref.time.strftime("%H:%M") == "07:45"
    assert list(pref.weekdays) == [0, 2] and list(pref.channels) == ["email"]


def test_settings_rejects_a_bad_threshold_with_a_message(browser: Client, consented: User) -> None:
    response = browser.post("/settings/", {"action": "thresholds", "consider_after_days": "-3"})
    assert response.status_code == 400 and b'role="alert"' in response.content
    from footlog.timeline.selectors import thresholds_for

    assert thresholds_for(consented).consider_after_days == 28


def test_settings_adds_and_archives_an_own_routine_step(browser: Client, consented: User) -> None:
    assert browser.post("/settings/", {"action": "steps", "label": "Retinoid cream", "kind": "care"}).status_code == 302
    step = consented.routine_steps.get()
    assert step.label == "Retinoid cream"
    assert browser.post("/settings/", {"action": "archive", "key": step.key}).status_code == 302
    step.refresh_from_db()
    assert step.archived_at is not None


def test_settings_cannot_archive_another_users_step(browser: Client, other_user: User) -> None:
    from footlog.diary.services import routine_step_create

    step = routine_step_create(other_user, "Theirs", "care")
    assert browser.post("/settings/", {"action": "archive", "key": step.key}).status_code == 404
    step.refresh_from_db()
    assert step.archived_at is None


def test_settings_refuses_an_unknown_time_zone(browser: Client, consented: User) -> None:
    response = browser.post("/settings/", {"action": "timezone", "timezone": "Mars/Base"})
    assert response.status_code == 400
    consented.refresh_from_db()
    assert consented.timezone == "Europe/Berlin"


def test_settings_zone_change_moves_the_next_reminder(browser: Client, consented: User) -> None:
    import datetime as dt

    import time_machine

    from reminders.models import Reminder
    from reminders.services import preferences_update

    with time_machine.travel(dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC), tick=False):
        preferences_update(consented, {"enabled": True, "time": dt.time(20, 30)})
        assert browser.post("/settings/", {"action": "timezone", "timezone": "America/Los_Angeles"}).status_code < 400
    daily = Reminder.objects.get(user=consented, kind="daily_log")
    assert daily.next_fire_at == dt.datetime(2026, 12, 2, 4, 30, tzinfo=dt.UTC)  # 20:30 in Los Angeles


def test_export_page_creates_a_share_link_shown_once_with_a_qr_code(browser: Client, consented: User) -> None:
    from footlog.sharing.models import Share

    today = today_in(consented.timezone).isoformat()
    response = browser.post("/export/", {"action": "share", "from": today, "to": today, "expires_in_days": "7"})
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    url = response.context["created"].url  # the shared presenter's NewShare (was a dict)
    assert "/share/" in url and url.encode() in response.content and b"<svg" in response.content
    share = Share.objects.get(user=consented)
    assert url.encode() not in browser.get("/export/").content  # only the hash is kept
    assert browser.post("/export/", {"action": "revoke", "id": str(share.id)}).status_code == 302
    share.refresh_from_db()
    assert share.revoked_at is not None


def test_export_page_refuses_a_bad_range(browser: Client) -> None:
    response = browser.post(
        "/export/", {"action": "share", "from": "2026-02-01", "to": "2026-01-01", "expires_in_days": "7"}
    )
    assert response.status_code == 400 and b'role="alert"' in response.content


def test_export_page_cannot_revoke_another_users_link(browser: Client, other_user: User) -> None:
    from footlog.sharing.services import share_create

    today = today_in(other_user.timezone)
    created = share_create(other_user, start=today, end=today, include_photos=False, expires_in_days=3)
    assert browser.post("/export/", {"action": "revoke", "id": str(created.share.id)}).status_code == 404
    assert browser.post("/export/", {"action": "revoke", "id": "not-a-uuid"}).status_code == 404
    created.share.refresh_from_db()
    assert created.share.revoked_at is None


def test_onboarding_sets_the_daily_reminder_in_the_detected_zone(user: User) -> None:
    from reminders.selectors import preferences_for

    client = Client()
    client.force_login(user)
    client.post("/welcome/", {"consent": "yes", "timezone": "America/Chicago", "remind": "on", "remind_time": "07:15"})
    pref = preferences_for(user)
    assert pref.enabled and pref.time.strftime("%H:%M") == "07:15" and pref.timezone == "America/Chicago"
