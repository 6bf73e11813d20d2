"""A value far from the person's usual is asked about, in real Chromium (issue 21, item 6): logged offline, the
outbox holds the server's question as "confirm"; the day's page asks "30 mm is much larger than your usual 2 mm
at this spot — keep it?"; Keep sends it again with the mark. "Same as last time" never copies a kept outlier."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Observation
from footlog.diary.services import EntryData, entry_create
from footlog.lib.dates import today_in
from tests.browser.conftest import shoot, sign_in, until
from tests.browser.test_offline import wait_until_controlled
from tests.support.services import wait_for

pytestmark = pytest.mark.browser

QUESTION = "30 mm is much larger than your usual 2 mm at this spot — keep it?"


@pytest.fixture
def member(make_user: Any) -> User:
    user = consent_give(make_user(timezone="Asia/Tokyo"))
    today = today_in(user.timezone)
    for back in (8, 6, 4):
        obs = [{"site": "left_heel", "count": 2, "largest_mm": 2.0}]
        entry_create(user, EntryData(date=today - dt.timedelta(days=back), observations=obs), ask_outliers=False)
    kept = [
        {"site": "left_heel", "count": 2, "largest_mm": 2.0},
        {"site": "left_top", "count": 40, "largest_mm": 2.0, "outlier_confirmed": True},
    ]
    entry_create(user, EntryData(date=today - dt.timedelta(days=2), observations=kept), ask_outliers=False)
    return user


def test_an_outlier_logged_offline_is_asked_about_and_kept_with_the_mark(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    wait_until_controlled(page)
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")

    page.locator("#same-as-last").click()
    copied = page.evaluate("() => Object.keys(window.footlogForm.state.obs).sort()")
    assert copied == ["left_heel"]  # the kept 40 at the top of the foot was true of that day only

    context.set_offline(True)
    console.allow(r"ERR_INTERNET_DISCONNECTED|Failed to fetch|400 \(Bad Request\)")
    page.get_by_role("button", name="Left heel: 2").click()
    page.get_by_label("Largest one, in mm").fill("30")
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("It will be sent when you are back online.").wait_for()

    context.set_offline(False)  # sent; the server asks instead of storing
    until(page, "(await window.FootlogOutbox.held()).some(function (it) { return !!it.confirm; })")
    assert not Observation.objects.filter(entry__user=member, largest_mm=30).exists()

    page.reload()
    page.get_by_text(QUESTION).wait_for()
    page.get_by_text("Did you mean 3.0 mm?").wait_for()
    shoot(page, "30-outlier-question")
    with page.expect_navigation(timeout=30_000):  # the day reloads once the outbox sent it again
        page.get_by_role("button", name="Keep it").click()
    stored = wait_for(
        lambda: Observation.objects.filter(entry__user=member, largest_mm=30).first(), timeout=30, interval=0.2
    )
    assert stored.outlier_confirmed is True
    until(page, "await window.FootlogOutbox.count() === 0")
    assert page.evaluate("async () => (await window.FootlogOutbox.held()).length") == 0
