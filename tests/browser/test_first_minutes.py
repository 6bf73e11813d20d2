"""The first minutes in real Chromium at 390x844: the landing, flash messages shown once, the error pages and
the Settings page (each save confirmed where you look, the time-zone search and its inline error, Sign out
above the danger zone). Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from tests.browser.conftest import PASSWORD, shoot, sign_in

pytestmark = pytest.mark.browser

VIEWPORT_HEIGHT = 844


@pytest.fixture
def member(make_user: Any) -> User:
    """An account in Berlin; the browser (tests/support/browser.PHONE) is in Tokyo."""
    return consent_give(make_user(timezone="Europe/Berlin"))


def in_view(locator: Any) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT_HEIGHT


def test_landing_then_sign_in_shows_each_message_once(page: Any, member: User, live_server: Any) -> None:
    page.goto(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("A private diary")
    assert page.locator(".pitch li").count() == 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shoot(page, "40-landing")
    page.get_by_role("link", name="Sign in").last.click()
    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()  # sentence case (locale/en)
    page.wait_for_url(f"{live_server.url}/")
    page.locator("#today-form").wait_for()
    # The sign-in message landed on Today, which shows none: it must not surface later, stale.
    for address in ("/history/", "/timeline/"):
        page.goto(f"{live_server.url}{address}")
        assert page.locator(".messages").count() == 0, address
    page.goto(f"{live_server.url}/settings/")
    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("You have signed out.").wait_for()
    assert page.url == f"{live_server.url}/accounts/login/"
    page.reload()
    page.get_by_label("Email").wait_for()
    assert page.get_by_text("You have signed out.").count() == 0


def test_settings_confirms_saves_searches_zones_and_names_an_unknown_one(
    page: Any, context: Any, member: User, live_server: Any, console: Any
) -> None:
    console.allow(r"status of 400")  # the refused zone's answer, as it should be
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    zone = page.get_by_label("Days are counted in this time zone")
    assert zone.input_value() == "Europe/Berlin"
    # Searchable: the field's list holds the IANA zones; the phone's own zone comes first, for a new choice.
    assert page.evaluate("document.getElementById('tz').list.options.length") > 300
    assert page.evaluate("document.getElementById('tz').list.options[0].value") == "Asia/Tokyo"
    matches = page.evaluate(
        "[...document.getElementById('tz').list.options].map(o => o.value)"
        ".filter(v => v.toLowerCase().includes('kolk'))"
    )
    assert matches == ["Asia/Kolkata"]
    assert zone.get_attribute("placeholder") == "Asia/Tokyo"
    shoot(page, "41-settings")

    zone.fill("Mars/Olympus")
    page.get_by_label("Your name").fill("Sam")
    page.locator("#profile-form").get_by_role("button", name="Save").click()
    error = page.locator("#tz-error")
    error.wait_for()
    assert "Mars/Olympus" in error.inner_text()
    assert zone.input_value() == "Mars/Olympus" and zone.get_attribute("aria-invalid") == "true"
    assert in_view(error)  # the refused form opens at its section, not at the top of a long page
    field, message = zone.bounding_box(), error.bounding_box()
    assert 0 <= message["y"] - (field["y"] + field["height"]) < 24  # right under the field it is about
    shoot(page, "42-settings-unknown-zone")
    member.refresh_from_db()
    assert (member.timezone, member.display_name) == ("Europe/Berlin", "")

    page.get_by_role("button", name="Use this phone's zone: Asia/Tokyo").click()
    assert zone.input_value() == "Asia/Tokyo"
    page.locator("#profile-form").get_by_role("button", name="Save").click()
    saved = page.locator("#saved-profile")
    saved.wait_for()
    assert saved.inner_text().strip().endswith("Saved.") and in_view(saved)
    shoot(page, "43-settings-saved")
    member.refresh_from_db()
    assert (member.timezone, member.display_name) == ("Asia/Tokyo", "Sam")

    # Another section's save says so in that section, in view, and the earlier "Saved." is gone.
    page.get_by_label("At", exact=True).fill("21:15")
    page.get_by_role("button", name="Save reminder").click()
    page.locator("#saved-reminders").wait_for()
    assert in_view(page.locator("#saved-reminders")) and page.locator("#saved-profile").count() == 0

    sign_out = page.get_by_role("button", name="Sign out").bounding_box()
    delete = page.get_by_role("button", name="Delete my account and all data").bounding_box()
    assert sign_out["y"] + sign_out["height"] < delete["y"]


def test_a_new_choice_left_empty_takes_the_phones_zone(page: Any, context: Any, member: User, live_server: Any) -> None:
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    page.get_by_label("Days are counted in this time zone").fill("")
    page.locator("#profile-form").get_by_role("button", name="Save").click()
    page.locator("#saved-profile").wait_for()
    member.refresh_from_db()
    assert member.timezone == "Asia/Tokyo"


def test_error_pages_are_styled_with_the_navigation(
    page: Any, context: Any, member: User, live_server: Any, settings: Any, console: Any
) -> None:
    settings.ROOT_URLCONF = "tests.pwa.test_first_minutes"  # the real URLs plus a failing view
    console.allow(r"status of 404|status of 500")
    sign_in(context, member, live_server.url)
    for name, address, heading in (
        ("44-not-found", "/no-such-page/", "This page is not here"),
        ("45-not-found-day", "/day/2026-02-30/", "This page is not here"),
        ("46-server-error", "/boom/", "Something went wrong on our side"),
    ):
        response = page.goto(f"{live_server.url}{address}")
        assert response.status in (404, 500)
        assert page.get_by_role("heading", level=1).inner_text() == heading
        assert page.get_by_role("navigation", name="Main").get_by_role("link").count() == 5
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(246, 248, 247)"  # app.css
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shoot(page, name)
    icon = page.request.get(f"{live_server.url}/favicon.ico")
    assert icon.status == 200 and icon.headers["content-type"] == "image/x-icon"
