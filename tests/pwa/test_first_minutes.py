"""The first minutes with footlog, server side: the signed-out landing, the error pages, the favicon, flash
messages shown once, and the Settings page's confirmations, time-zone list and display name."""

from __future__ import annotations

import io

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import Http404, HttpRequest, HttpResponse
from django.test import Client
from django.urls import path
from PIL import Image

from accounts.models import User
from footlog.urls import urlpatterns as footlog_urls
from tests.timeline.test_wording import offences

pytestmark = pytest.mark.django_db


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug in a view")


def missing_day(request: HttpRequest, day: str) -> HttpResponse:
    raise Http404(f"no such day {day}")  # what /day/<impossible date>/ does


# The real URLs and the real handlers, plus a view that fails and one that raises Http404 (ROOT_URLCONF below).
urlpatterns = [path("boom/", boom), path("api/v1/boom/", boom), path("day/<str:day>/", missing_day), *footlog_urls]
handler404 = "footlog.urls.handler404"
handler500 = "footlog.urls.handler500"


def with_message(client: Client, text: str) -> None:
    """Put a flash message in the client's cookie, as a redirect after sign-in does."""
    storage = CookieStorage(HttpRequest())
    storage.add(constants.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    client.cookies.update(response.cookies)


def test_signed_out_root_says_what_footlog_is_with_sign_up_and_sign_in() -> None:
    response = Client().get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<li><strong>") == 3  # the three lines
    assert 'href="/accounts/signup/"' in html and 'href="/accounts/login/"' in html
    assert "never diagnoses" in html and offences(html) == []


def test_signed_in_root_is_still_today(browser: Client) -> None:
    response = browser.get("/")
    assert response.status_code == 200 and b'id="today-form"' in response.content


def test_a_message_is_shown_on_the_landing_once(client: Client) -> None:
    with_message(client, "Your account was deleted.")
    assert b"Your account was deleted." in client.get("/").content
    assert b"Your account was deleted." not in client.get("/").content


def test_message_landing_on_today_does_not_turn_up_stale_on_the_next_page(browser: Client, consented: User) -> None:
    with_message(browser, f"Successfully signed in as {consented.email}.")
    # Today is kept offline: it shows no messages (they may name the account) but uses them up.
    assert consented.email.encode() not in browser.get("/").content
    assert consented.email.encode() not in browser.get("/history/").content


def test_message_is_shown_once_on_a_page_that_shows_messages(browser: Client) -> None:
    with_message(browser, "The link is revoked: it no longer opens.")
    assert b"The link is revoked" in browser.get("/history/").content
    assert b"The link is revoked" not in browser.get("/timeline/").content


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("address", ["/no-such-page/", "/day/2026-02-30/"])
def test_missing_page_is_the_styled_404_with_the_navigation(browser: Client, address: str) -> None:
    response = browser.get(address)
    assert response.status_code == 404
    html = response.content.decode()
    assert "This page is not here" in html and 'nav class="tabs"' in html and "/static/footlog/app.css" in html


def test_missing_page_is_styled_for_signed_out_visitors_too(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and b"This page is not here" in response.content


@pytest.mark.urls(__name__)
def test_missing_api_address_stays_json() -> None:
    response = Client().get("/api/v1/no-such-thing/")
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert response.json()["detail"] == "Not found."


@pytest.mark.urls(__name__)
def test_failing_page_is_the_styled_500_with_the_navigation(consented: User) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(consented)
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html and 'nav class="tabs"' in html
    assert "a bug in a view" not in html and consented.email not in html


@pytest.mark.urls(__name__)
def test_failing_api_call_stays_json() -> None:
    response = Client(raise_request_exception=False).get("/api/v1/boom/")
    assert response.status_code == 500 and response.json()["detail"] == "Server error."


def test_favicon_answers_with_an_icon_every_page_points_at() -> None:
    response = Client().get("/favicon.ico")
    assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
    assert b'<link rel="icon" href="/favicon.ico"' in Client().get("/").content


def test_each_settings_save_is_confirmed_in_its_own_section(browser: Client) -> None:
    response = browser.post("/settings/", {"action": "thresholds", "consider_after_days": "21"}, follow=True)
    assert response.redirect_chain[-1][0] == "/settings/#thresholds"
    html = response.content.decode()
    saved = html.index('id="saved-thresholds"')
    assert html.rindex('id="thresholds"', 0, saved) > html.rindex('id="steps"', 0, saved)  # inside its section
    assert html.count("Saved.") == 1
    assert "Saved." not in browser.get("/settings/").content.decode()  # once


def test_settings_saves_the_display_name_and_the_zone_together(browser: Client, consented: User) -> None:
    response = browser.post("/settings/", {"action": "profile", "display_name": " Sam ", "timezone": "Asia/Tokyo"})
    assert response.status_code == 302 and response["Location"] == "/settings/#profile"
    consented.refresh_from_db()
    assert (consented.display_name, consented.timezone) == ("Sam", "Asia/Tokyo")
    html = browser.get("/settings/").content.decode()
    assert 'value="Sam"' in html and 'id="saved-profile"' in html


def test_settings_offers_a_searchable_list_of_time_zones(browser: Client) -> None:
    html = browser.get("/settings/").content.decode()
    assert 'list="tz-list"' in html and '<datalist id="tz-list">' in html
    for zone in ("UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata"):
        assert f'<option value="{zone}">' in html


def test_unknown_time_zone_is_an_inline_error_naming_it_and_nothing_changes(browser: Client, consented: User) -> None:
    response = browser.post("/settings/", {"action": "profile", "display_name": "Sam", "timezone": "Mars/Olympus"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="tz-error"' in html and "Mars/Olympus" in html[html.index('id="tz-error"') :]
    assert 'aria-describedby="tz-error tz-hint" aria-invalid="true"' in html
    assert 'value="Mars/Olympus"' in html  # what was typed stays in the field, next to its error
    consented.refresh_from_db()
    assert (consented.timezone, consented.display_name) == ("Europe/Berlin", "")  # nothing half-saved


def test_settings_puts_sign_out_above_the_danger_zone(browser: Client) -> None:
    html = browser.get("/settings/").content.decode()
    assert html.index('action="/accounts/logout/"') < html.index('id="delete-account"')
