"""Offline use in real Chromium: the service worker serves the app, the outbox sends each item exactly once."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry, Photo
from tests.browser.conftest import shoot, sign_in, until
from tests.browser.test_journey import log_left_heel
from tests.support.browser import ARGS, CHROMIUM, PHONE
from tests.support.services import wait_for

pytestmark = pytest.mark.browser


def wait_until_controlled(page: Any) -> None:
    until(page, "navigator.serviceWorker.controller !== null")
    until(page, "await caches.match('/') !== undefined")


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def test_entry_and_photo_logged_offline_arrive_exactly_once(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    wait_until_controlled(page)

    context.set_offline(True)
    console.allow(r"ERR_INTERNET_DISCONNECTED|Failed to fetch")
    log_left_heel(page, count=2, with_photo=True)
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("It will be sent when you are back online.").wait_for()
    assert page.locator("#outbox-status").inner_text() == "2 items are waiting to be sent."
    # The scripts Today fetches only when needed come from the service worker: the photo check, the camera.
    until(page, "!!window.FootlogQuality")
    until(page, "(await fetch(JSON.parse(document.getElementById('today-config').textContent).capture_js)).ok")

    page.reload()  # still offline: only the service worker can answer
    page.get_by_role("heading", name="Today").wait_for()
    page.locator("#outbox-status").get_by_text("2 items are waiting").wait_for()
    page.get_by_role("button", name="Left heel: 2").wait_for()  # the unsent day is shown again
    shoot(page, "10-today-offline")
    assert Entry.objects.filter(user=member).count() == 0

    context.set_offline(False)  # the page's "online" handler sends the outbox
    wait_for(lambda: Photo.objects.filter(user=member).count() == 1, timeout=30)
    until(page, "await window.FootlogOutbox.count() === 0")
    page.reload()
    until(page, "await window.FootlogOutbox.count() === 0")
    entry = Entry.objects.get(user=member)
    assert entry.observations.get().count == 2
    photo = Photo.objects.get(user=member)
    assert (photo.entry_id, photo.site) == (entry.id, "left_heel")
    assert page.locator("#outbox-status").is_hidden()


def test_offline_visit_to_an_uncached_page_shows_the_offline_page(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    wait_until_controlled(page)
    context.set_offline(True)
    console.allow(r"ERR_INTERNET_DISCONNECTED|Failed to fetch")
    page.goto(f"{live_server.url}/history/")
    page.get_by_role("heading", name="You are offline").wait_for()
    shoot(page, "11-offline-page")


def test_app_is_installable(
    playwright_driver: Any, transactional_db: None, member: User, live_server: Any, tmp_path: Any
) -> None:
    context = playwright_driver.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=ARGS, headless=True, **PHONE
    )
    try:
        sign_in(context, member, live_server.url)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(f"{live_server.url}/")
        wait_until_controlled(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest.get("errors") == [], manifest
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()
