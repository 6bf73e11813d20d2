"""A spot's gallery, /photos/<site>/, in real Chromium at 390x844: compare two dates side by side and with the
overlay slider, enlarge a photo, retag it, delete it after confirming; reached from the day form's spot panel."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Photo
from footlog.lib.dates import today_in
from tests.browser.conftest import SCREENSHOTS, shoot, sign_in, until
from tests.exports.builders import add_photo, log_entry

pytestmark = pytest.mark.browser


def shoot_screen(page: Any, name: str) -> None:
    """What the phone's screen shows: a full-page shot would draw an open dialog mid-page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def photo_on(user: User, days_ago: int, view: str | None, colour: tuple[int, int, int]) -> Photo:
    day = today_in(user.timezone) - dt.timedelta(days=days_ago)
    entry = log_entry(user, day, observations=[{"site": "left_heel", "count": 3}])
    photo = add_photo(user, entry, "left_heel", colour=colour)
    Photo.objects.filter(pk=photo.pk).update(view=view, scale_in_frame=view == "overview")
    return photo


def set_range(page: Any, selector: str, value: int) -> None:
    page.evaluate(
        "([s, v]) => { const r = document.querySelector(s); r.value = v; r.dispatchEvent(new Event('input')); }",
        [selector, value],
    )


TOP = "getComputedStyle(document.getElementById('ov-top'))"


def test_compare_two_dates_side_by_side_and_with_the_slider(page: Any, member: User, live_server: Any) -> None:
    first = photo_on(member, 21, "overview", (200, 120, 100))
    photo_on(member, 14, "closeup", (190, 150, 130))
    photo_on(member, 7, "overview", (210, 160, 140))
    latest = photo_on(member, 1, "overview", (220, 190, 170))
    sign_in(page.context, member, live_server.url)
    page.goto(f"{live_server.url}/photos/left_heel/")
    assert page.get_by_role("heading", name="Overview · 3").is_visible()
    assert page.get_by_role("heading", name="Close-up · 1").is_visible()
    # By default the first and the latest of the same kind.
    assert page.locator("#cmp-a").input_value() == str(first.pk)
    assert page.locator("#cmp-b").input_value() == str(latest.pk)
    until(page, "['ov-top', 'cmp-img-a'].every(id => document.getElementById(id).naturalWidth > 0)")
    assert page.locator("#cmp-img-a").get_attribute("src") == f"/api/v1/photos/{first.pk}/image"
    assert page.locator("#ov-top").get_attribute("src") == f"/api/v1/photos/{latest.pk}/image"
    side_a, side_b = page.locator("#cmp-img-a").bounding_box(), page.locator("#cmp-img-b").bounding_box()
    assert side_a["y"] == side_b["y"] and side_a["width"] == side_b["width"]  # side by side, the same size
    assert page.evaluate(f"{TOP}.clipPath") == "inset(0px 0px 0px 50%)"
    set_range(page, "#cmp-slider", 80)
    assert page.evaluate(f"{TOP}.clipPath") == "inset(0px 0px 0px 20%)"
    page.get_by_text("Fade", exact=True).click()
    set_range(page, "#cmp-slider", 30)
    assert page.evaluate(f"{TOP}.clipPath") == "none"
    assert float(page.evaluate(f"{TOP}.opacity")) == pytest.approx(0.3)
    shoot(page, "45-gallery-compare")

    closeup = Photo.objects.get(view="closeup")
    page.locator("#cmp-b").select_option(str(closeup.pk))
    assert "not the same kind of shot" in page.locator("#cmp-note").inner_text()
    assert page.locator("#ov-top").get_attribute("src") == f"/api/v1/photos/{closeup.pk}/image"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_enlarge_then_delete_after_confirming(page: Any, member: User, live_server: Any) -> None:
    first = photo_on(member, 9, "overview", (200, 120, 100))
    gone = photo_on(member, 2, "overview", (220, 190, 170))
    sign_in(page.context, member, live_server.url)
    page.goto(f"{live_server.url}/photos/left_heel/")
    day = gone.entry.date
    page.get_by_role("button", name=f"Open the photo of {day.day} {day:%B %Y}").click()
    viewer = page.get_by_role("dialog")
    viewer.wait_for()
    until(page, "document.getElementById('viewer-img').naturalWidth > 0")
    assert page.locator("#viewer-img").get_attribute("src") == f"/api/v1/photos/{gone.pk}/image"  # display rendition
    assert page.locator("#viewer-img").bounding_box()["width"] > 300
    shoot_screen(page, "46-gallery-enlarged")

    asked: list[str] = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    viewer.get_by_role("button", name="Delete this photo").click()
    assert asked and "cannot be undone" in asked[0]
    assert Photo.objects.filter(pk=gone.pk).exists()  # said no: kept

    page.once("dialog", lambda d: d.accept())
    viewer.get_by_role("button", name="Delete this photo").click()
    page.get_by_text("deleted.").wait_for()
    assert not Photo.objects.filter(pk=gone.pk).exists()
    assert page.locator(f'li[data-photo="{gone.pk}"]').count() == 0
    assert page.get_by_role("heading", name="Overview · 1").is_visible()
    assert page.locator("#compare").is_hidden()  # one photo left: nothing to compare
    assert Photo.objects.filter(pk=first.pk).exists()


def test_retag_a_photo_from_the_gallery(page: Any, member: User, live_server: Any) -> None:
    untagged = photo_on(member, 4, None, (200, 120, 100))
    sign_in(page.context, member, live_server.url)
    page.goto(f"{live_server.url}/photos/left_heel/")
    assert page.get_by_role("heading", name="Not tagged · 1").is_visible()
    page.locator(f'[data-open="{untagged.pk}"]').click()
    viewer = page.get_by_role("dialog")
    viewer.get_by_label("Kind of shot").select_option("closeup")
    viewer.get_by_label("Coin or ruler in frame").check()
    viewer.get_by_role("button", name="Save the tags").click()
    page.get_by_text("Tags saved").wait_for()
    untagged.refresh_from_db()
    assert (untagged.view, untagged.scale_in_frame) == ("closeup", True)
    assert page.get_by_role("heading", name="Close-up · 1").is_visible()


def test_the_spot_panel_leads_to_the_gallery(page: Any, member: User, live_server: Any) -> None:
    photo_on(member, 3, "overview", (200, 120, 100))
    sign_in(page.context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("link", name="All photos of this spot").click()
    page.wait_for_url("**/photos/left_heel/")
    assert page.get_by_role("heading", name="Photos of left heel").is_visible()
