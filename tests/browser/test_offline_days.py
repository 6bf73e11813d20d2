"""Offline, in real Chromium (issue 12): any unlogged day works through the outbox, a logged day this phone
cannot show gets the offline page, and any page of the app (a reload of the sign-in page too) gets the offline
page rather than the browser's error."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry, Observation
from footlog.lib.dates import today_in
from tests.browser.conftest import shoot, sign_in, until
from tests.browser.test_offline import wait_until_controlled
from tests.support.services import wait_for

pytestmark = pytest.mark.browser
OFFLINE_NOISE = r"ERR_INTERNET_DISCONNECTED|Failed to fetch"


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def test_an_unlogged_day_works_offline_through_the_outbox(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    today = today_in(member.timezone)
    gap, logged = today - dt.timedelta(days=3), today - dt.timedelta(days=2)
    Observation.objects.create(entry=Entry.objects.create(user=member, date=logged), site="left_sole", count=1)
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/history/")  # History tells this phone which days are logged
    wait_until_controlled(page)
    until(page, f"(await FootlogOutbox.dayOffline('{logged}')) === 'offline'")

    context.set_offline(True)
    console.allow(OFFLINE_NOISE)
    page.goto(f"{live_server.url}/day/{gap}/")
    page.get_by_role("heading", name=gap.strftime("%A %-d %B")).wait_for()
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="Save this day").click()
    page.get_by_text("It will be sent when you are back online.").wait_for()

    page.goto(f"{live_server.url}/day/{logged}/")  # logged on the server, which cannot be asked now
    page.get_by_role("heading", name="You are offline").wait_for()
    shoot(page, "26-offline-logged-day")

    context.set_offline(False)
    page.goto(f"{live_server.url}/day/{gap}/")
    wait_for(lambda: Entry.objects.filter(user=member, date=gap).exists(), timeout=30)
    assert Entry.objects.get(user=member, date=gap).observations.get().site == "left_heel"


def test_offline_reload_of_the_sign_in_page_shows_the_offline_page(
    context: Any, page: Any, console: Any, live_server: Any
) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    until(page, "navigator.serviceWorker.controller !== null")  # it claims the page once active
    until(page, "await caches.match('/offline/') !== undefined")
    context.set_offline(True)
    console.allow(OFFLINE_NOISE)
    page.reload()
    page.get_by_role("heading", name="You are offline").wait_for()
    shoot(page, "27-offline-sign-in-reload")
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_role("heading", name="You are offline").wait_for()
