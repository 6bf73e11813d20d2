"""A newcomer's first minutes, in real Chromium at phone size: sign up, verify, consent, log today."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from PIL import Image

from accounts.consent import CONSENT_VERSION, consent_give
from accounts.models import User
from footlog.diary.models import Entry, Photo
from tests.browser.conftest import shoot, sign_in, until

pytestmark = pytest.mark.browser


def jpeg_bytes(colour: tuple[int, int, int] = (200, 170, 150)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), colour).save(out, "JPEG")
    return out.getvalue()


def log_left_heel(page: Any, *, count: int, with_photo: bool) -> None:
    page.get_by_role("button", name="Left heel", exact=True).click()
    for _ in range(count):
        page.get_by_role("button", name="One more").click()
    page.get_by_label("Itch").fill("2")
    if with_photo:
        page.locator("#photo").set_input_files({"name": "heel.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()})
        page.get_by_role("img", name="New photo of Left heel").wait_for()
    page.get_by_text("Moisturise").click()
    page.get_by_label("Notes").fill("new socks")


def test_sign_up_verify_consent_and_log_today(page: Any, sign_up: Any, live_server: Any) -> None:
    address = sign_up(page, "newcomer@example.com", screenshots=True)
    user = User.objects.get(email=address)
    assert user.health_data_consent_version == CONSENT_VERSION
    assert user.timezone == "Asia/Tokyo"  # detected in the browser

    log_left_heel(page, count=3, with_photo=True)
    shoot(page, "04-today-filled")
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    entry = Entry.objects.get(user=user)
    observation = entry.observations.get()
    assert (observation.site, observation.count, observation.itch) == ("left_heel", 3, 2)
    # Only the step the person touched is recorded; the others stay "not recorded", not "not done".
    assert [(r.step.key, r.done) for r in entry.routine.all()] == [("moisturise", True)]
    assert page.locator("#seek-care").is_hidden()  # nothing logged that asks for prompt care
    assert entry.notes == "new socks"
    assert Photo.objects.get(user=user).site == "left_heel"
    until(page, "await window.FootlogOutbox.count() === 0")

    page.goto(f"{live_server.url}/timeline/")
    row = page.get_by_role("row", name=re.compile("Left heel"))
    assert "3" in row.inner_text()
    page.get_by_role("img", name="Bumps per site over time").wait_for()
    page.goto(f"{live_server.url}/history/")
    assert "Left heel" in page.locator(".days li").first.inner_text()


def test_map_and_stepper_work_with_the_keyboard(page: Any, context: Any, make_user: Any, live_server: Any) -> None:
    user = consent_give(make_user())
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    site = page.get_by_role("button", name="Right sole", exact=True)
    site.focus()
    page.keyboard.press("Enter")
    assert site.get_attribute("aria-expanded") == "true"  # open, not recorded until a count is set
    assert page.evaluate("document.activeElement.id") == "count"  # focus moves to the count
    page.keyboard.type("4")
    page.keyboard.press("Tab")  # leaves the field, the chip follows
    page.get_by_role("button", name="Right sole: 4").wait_for()


def test_signing_out_forgets_what_waits_on_this_phone(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = consent_give(make_user())
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    until(page, "navigator.serviceWorker.controller !== null")
    # A day still waiting to be sent (as after an offline save), queued after this page's own send attempt.
    page.evaluate(
        """FootlogOutbox.enqueue({id: crypto.randomUUID(), method: "POST",
             body: {date: "2026-01-02", notes: "private", observations: [], routine: []}}, [])"""
    )
    assert page.evaluate("FootlogOutbox.count()") == 1
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/**")
    assert page.evaluate("FootlogOutbox.count()") == 0
    assert page.evaluate("caches.keys()") == []
    assert not Entry.objects.filter(user=user).exists()


def test_bleeding_logged_today_shows_seek_care_at_once(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = consent_give(make_user(timezone="Asia/Tokyo"))
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_text("Bleeding", exact=True).click()
    page.get_by_role("button", name="Right toes", exact=True).focus()  # another spot: the first one is kept
    page.keyboard.press("Enter")
    page.get_by_role("button", name="None here").click()  # a site is recorded once it has a count
    page.get_by_text("Spreading", exact=True).click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    alert = page.get_by_role("alert")
    alert.get_by_text("Seek care promptly.", exact=True).wait_for()
    shoot(page, "05-today-seek-care")
    flags = {o.site: (o.bleeding, o.spreading) for o in Entry.objects.get(user=user).observations.all()}
    assert flags == {"left_heel": (True, False), "right_toes": (False, True)}

    page.reload()  # the stored day comes back with its ticks
    page.get_by_role("button", name="Left heel: 1").click()
    assert page.locator("#bleeding").is_checked() and not page.locator("#spreading").is_checked()


def test_nothing_done_today_records_every_care_step_as_not_done(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = consent_give(make_user(timezone="Asia/Tokyo"))
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    page.get_by_text("Tight or rubbing shoes").click()
    page.get_by_text("Nothing done today").click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    marks = {r.step.key: r.done for r in Entry.objects.get(user=user).routine.all()}
    care = {"wash", "exfoliate", "moisturise", "sock_change", "sunscreen", "breathable_footwear"}
    assert marks == {**dict.fromkeys(care, False), "tight_footwear": True}
    assert page.locator("#seek-care").is_hidden()

    page.reload()
    until(page, "document.getElementById('nothing-done').checked")
    page.get_by_text("Clean socks").click()  # something was done after all
    assert not page.locator("#nothing-done").is_checked()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    marks = {r.step.key: r.done for r in Entry.objects.get(user=user).routine.all()}
    assert marks["sock_change"] is True and marks["wash"] is False and len(marks) == 7
