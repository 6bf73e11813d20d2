"""Guided photo capture and the quality prompt on the day form, in real Chromium at 390x844.

The live camera is Chromium's fake one (`--use-fake-device-for-media-stream`), fed a frame file made here; it runs
in a second Chromium launched from the shared Playwright driver, since launch flags cannot change per context.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Photo
from footlog.lib.dates import today_in
from tests.browser.conftest import SCREENSHOTS, ConsoleWatch, sign_in, until
from tests.diary.photo_samples import skin_photo
from tests.exports.builders import add_photo, log_entry
from tests.support.browser import ARGS, CHROMIUM, PHONE

pytestmark = pytest.mark.browser


def shoot_screen(page: Any, name: str) -> None:
    """What the phone's screen shows: a full-page shot would draw an open dialog mid-page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


# What the fake camera films: two flat halves, far from the ghost's green, so a ghost drawn into the captured
# photo at 40 % would show at once.
TOP, BOTTOM = (220, 50, 50), (40, 70, 220)
GHOST = (60, 200, 60)
FRAME = (640, 480)


def y4m_frame(path: Path) -> Path:
    """One 4:2:0 frame (full-range BT.601) that Chromium's fake capture device loops."""
    width, height = FRAME

    def yuv(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
        r, g, b = rgb
        y = 0.299 * r + 0.587 * g + 0.114 * b
        u = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
        v = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
        return tuple(max(0, min(255, round(c))) for c in (y, u, v))  # type: ignore[return-value]

    top, bottom = yuv(TOP), yuv(BOTTOM)
    luma = bytes([top[0]]) * (width * height // 2) + bytes([bottom[0]]) * (width * height // 2)
    quarter = width * height // 8  # each chroma plane is (w/2)*(h/2); half of it per colour
    u_plane = bytes([top[1]]) * quarter + bytes([bottom[1]]) * quarter
    v_plane = bytes([top[2]]) * quarter + bytes([bottom[2]]) * quarter
    header = f"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n".encode()
    path.write_bytes(header + b"FRAME\n" + luma + u_plane + v_plane)
    return path


@pytest.fixture(scope="module")
def camera_chromium(playwright_driver: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    frame = y4m_frame(tmp_path_factory.mktemp("camera") / "frame.y4m")
    fake = [
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={frame}",
    ]
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=[*ARGS, *fake], headless=True)
    yield browser
    browser.close()


@pytest.fixture
def camera_page(camera_chromium: Any, console: ConsoleWatch, transactional_db: None) -> Iterator[Any]:
    ctx = camera_chromium.new_context(**PHONE, permissions=["camera"])
    ctx.on("page", console.attach)
    yield ctx.new_page()
    ctx.close()
    assert console.unexpected() == []


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def earlier_photo(user: User, days_ago: int, view: str, colour: tuple[int, int, int] = GHOST) -> Photo:
    day = today_in(user.timezone) - dt.timedelta(days=days_ago)
    entry = log_entry(user, day, observations=[{"site": "left_heel", "count": 2}])
    photo = add_photo(user, entry, "left_heel", colour=colour)
    Photo.objects.filter(pk=photo.pk).update(view=view)
    return photo


def blurred_skin() -> bytes:
    """Out of focus: the calibrated skin sample (tests/diary/photo_samples.py) with a wide blur."""
    return skin_photo(1600, 1200, blur=8)


def mean(image: Image.Image, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    w, h = image.size
    part = image.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h))).convert("RGB")
    small = part.resize((1, 1), Image.Resampling.BOX)
    return tuple(float(c) for c in small.getpixel((0, 0)))  # type: ignore[union-attr]


def near(found: tuple[float, ...], wanted: tuple[int, int, int], tolerance: float = 30) -> bool:
    return all(abs(f - w) <= tolerance for f, w in zip(found, wanted, strict=True))


def open_left_heel(page: Any, base: str) -> None:
    page.goto(f"{base}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    until(page, "!!document.getElementById('today-form').dataset.camera")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()


GHOST_OPACITY = "+getComputedStyle(document.getElementById('capture-ghost')).opacity"


def test_live_capture_shows_the_ghost_and_keeps_it_out_of_the_photo(
    camera_page: Any, member: User, live_server: Any
) -> None:
    page = camera_page
    ghost = earlier_photo(member, 3, "overview")
    # A later close-up: the latest photo of the spot, but another kind, so never the overview's ghost.
    close_up = earlier_photo(member, 1, "closeup", colour=(250, 250, 250))
    sign_in(page.context, member, live_server.url)
    open_left_heel(page, live_server.url)
    assert page.evaluate("document.getElementById('today-form').dataset.camera") == "live"
    page.get_by_text("Coin or ruler in frame").first.click()
    page.get_by_text("Add a photo of this spot").click()
    dialog = page.get_by_role("dialog", name="Left heel · overview")
    dialog.wait_for()
    until(page, "document.getElementById('capture').dataset.live === 'true'")
    until(page, "document.getElementById('capture-ghost').naturalWidth > 0")
    assert page.locator("#capture-ghost").get_attribute("src") == f"/api/v1/photos/{ghost.pk}/image"
    assert abs(page.evaluate(GHOST_OPACITY) - 0.4) <= 0.05
    assert page.locator("#capture-ghost").is_visible() and page.locator("#capture-video").is_visible()
    # The ghost lies over the live picture, box on box.
    video, over = page.locator("#capture-video").bounding_box(), page.locator("#capture-ghost").bounding_box()
    assert video == over
    assert "20 cm" in page.locator("#capture-prompt").inner_text()
    shoot_screen(page, "40-capture-ghost")

    switch = dialog.get_by_label("as a guide")
    switch.uncheck()
    assert page.locator("#capture-ghost").is_hidden()
    switch.check()  # shown while the photo is taken: it must still not end up in it
    assert page.locator("#capture-ghost").is_visible()

    dialog.get_by_role("button", name="Take the photo").click()
    dialog.wait_for(state="hidden")
    page.get_by_role("img", name="New photo of Left heel").wait_for()
    assert page.locator("input[name=photo-view][value=closeup]").is_checked()  # overview, then the close-up
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    today = today_in(member.timezone)
    taken = Photo.objects.get(user=member, entry__date=today)
    assert (taken.site, taken.view, taken.scale_in_frame) == ("left_heel", "overview", True)
    body = page.request.get(f"{live_server.url}/api/v1/photos/{taken.pk}/image").body()
    image = Image.open(io.BytesIO(body))
    assert image.size[0] / image.size[1] == pytest.approx(FRAME[0] / FRAME[1], rel=0.02)
    top, bottom = mean(image, (0.1, 0.1, 0.9, 0.4)), mean(image, (0.1, 0.6, 0.9, 0.9))
    assert near(top, TOP) and near(bottom, BOTTOM), (top, bottom)  # the camera's frame, with no green ghost in it

    # The hint under the spot shows the last photo (of any kind) of an earlier day, never the one just taken.
    page.reload()
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.get_by_role("button", name="Left heel: 1").click()
    page.locator("#previous-photo img").wait_for()
    assert page.locator("#previous-photo img").get_attribute("src") == f"/api/v1/photos/{close_up.pk}/image?size=thumb"
    day = close_up.entry.date
    assert page.locator("#previous-caption").inner_text() == f"Last photo of this spot, close-up, {day.day} {day:%b}"


def test_without_a_camera_the_chosen_picture_shows_under_the_ghost_and_a_blurred_one_offers_a_retake(
    page: Any, member: User, live_server: Any
) -> None:
    earlier_photo(member, 2, "overview")
    sign_in(page.context, member, live_server.url)
    open_left_heel(page, live_server.url)
    assert page.evaluate("document.getElementById('today-form').dataset.camera") == "none"
    page.locator("#photo").set_input_files({"name": "heel.jpg", "mimeType": "image/jpeg", "buffer": blurred_skin()})
    dialog = page.get_by_role("dialog", name="Left heel · overview")
    dialog.wait_for()
    until(page, "document.getElementById('capture-ghost').naturalWidth > 0")
    until(page, "document.getElementById('capture-still').naturalWidth > 0")
    assert page.locator("#capture-still").is_visible() and page.locator("#capture-ghost").is_visible()
    assert abs(page.evaluate(GHOST_OPACITY) - 0.4) <= 0.05
    shoot_screen(page, "41-capture-chosen-under-ghost")
    dialog.get_by_role("button", name="Use this photo").click()
    page.get_by_role("img", name="New photo of Left heel").wait_for()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    warning = page.get_by_role("alert").filter(has_text="looks blurred — retake?")
    warning.wait_for()
    today = today_in(member.timezone)
    blurred = Photo.objects.get(user=member, entry__date=today)
    assert blurred.quality_sharp is False
    warning.scroll_into_view_if_needed()
    shoot_screen(page, "42-retake-prompt")
    with page.expect_file_chooser() as chooser:
        warning.get_by_role("button", name="Retake").click()
    until(page, "/is deleted/.test(document.getElementById('save-status').textContent)")
    assert not Photo.objects.filter(pk=blurred.pk).exists()
    sharp = skin_photo(1600, 1200)
    chooser.value.set_files({"name": "heel.jpg", "mimeType": "image/jpeg", "buffer": sharp})
    dialog.get_by_role("button", name="Use this photo").click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    retaken = Photo.objects.get(user=member, entry__date=today)
    assert (retaken.view, retaken.quality_sharp) == ("overview", True)
    assert page.locator("#quality-warn").is_hidden()
    until(page, "await window.FootlogOutbox.count() === 0")


def test_keep_leaves_a_blurred_photo_alone(page: Any, member: User, live_server: Any) -> None:
    sign_in(page.context, member, live_server.url)
    open_left_heel(page, live_server.url)
    page.locator("#photo").set_input_files({"name": "heel.jpg", "mimeType": "image/jpeg", "buffer": blurred_skin()})
    page.get_by_role("img", name="New photo of Left heel").wait_for()  # no earlier photo: no ghost, no review
    page.get_by_role("button", name="Save today").click()
    warning = page.get_by_role("alert").filter(has_text="looks blurred — retake?")
    warning.get_by_role("button", name="Keep").click()
    page.locator("#quality-warn").wait_for(state="hidden")  # once "kept" is stored
    assert Photo.objects.filter(user=member).count() == 1
    page.reload()  # kept means no longer asked
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    assert page.locator("#quality-warn").is_hidden()
