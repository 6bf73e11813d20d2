"""Save shows the verdict (issue 23, item 2), in real Chromium at 390×844: after a save, the timeline's answer
for that day stands at the top of the viewport with the focus on it; a logged red flag stays marked after a
reload, on Today and on that day's own page. Texts come from the computed timeline, never from this file."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from footlog.lib.dates import today_in
from footlog.timeline.selectors import timeline_for
from tests.browser.conftest import SCREENSHOTS, sign_in, until

pytestmark = pytest.mark.browser
VIEWPORT_HEIGHT = 844


def top_of_viewport(page: Any, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and 0 <= box["y"] <= VIEWPORT_HEIGHT / 3 and box["height"] > 0


def computed(user: Any, day: dt.date) -> Any:
    return timeline_for(user, day - dt.timedelta(days=89), day).recommendation


def test_a_red_flag_saved_on_today_is_shown_at_the_top_and_stays_marked(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = make_user(timezone="Asia/Tokyo")
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_label("Pain").fill("6")
    page.get_by_text("Bleeding", exact=True).click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    recommendation = computed(user, today_in(user.timezone))
    assert recommendation.level == "urgent"
    banner = page.locator("#seek-care")
    banner.get_by_text(recommendation.headline, exact=True).wait_for()
    until(page, "document.activeElement && document.activeElement.id === 'seek-care'")  # focus moved: announced
    assert banner.get_attribute("role") == "alert"
    assert top_of_viewport(page, "#seek-care")
    shown = banner.locator("li").all_inner_texts()
    assert shown == [str(r.message) for r in recommendation.reasons if r.level == "urgent"]
    assert any("Left heel" in text for text in shown)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "phone-verdict-after-save.png"))  # the viewport, as the phone shows it

    for url in (f"{live_server.url}/", f"{live_server.url}/day/{today_in(user.timezone).isoformat()}/"):
        page.goto(url)
        banner.get_by_text(recommendation.headline, exact=True).wait_for()
        chip = page.locator("#logged-sites .chip.flagged")
        chip.wait_for()
        assert chip.inner_text().startswith("Left heel: 1") and "red flag" in chip.inner_text()


def test_a_day_without_red_flag_ends_its_save_with_a_one_line_summary(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = make_user(timezone="Asia/Tokyo")
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    recommendation = computed(user, today_in(user.timezone))
    assert recommendation.level != "urgent"
    line = page.locator("#day-verdict")
    line.get_by_text(recommendation.headline, exact=True).wait_for()
    assert line.get_by_role("link", name="See the timeline").get_attribute("href") == "/timeline/"
    until(page, "document.activeElement && document.activeElement.id === 'day-verdict'")
    assert top_of_viewport(page, "#day-verdict")
    assert page.locator("#seek-care").is_hidden()
    assert page.locator("#logged-sites .chip.flagged").count() == 0
