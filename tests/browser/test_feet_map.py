"""The feet map and the spot form in real Chromium at 390x844 (issue 12, parts 4 and 5): every site is easy to
hit, opening a site records nothing, numbers out of range are refused in view, a removed site can be brought back,
and leaving with unsaved changes asks first."""

from __future__ import annotations

from typing import Any

import pytest

from accounts.consent import consent_give
from footlog.diary.models import Entry
from footlog.diary.sites import SITE_KEYS
from tests.browser.conftest import shoot, sign_in, until

pytestmark = pytest.mark.browser

VISUAL_ORDER = [
    *("left_toes", "left_top", "left_ankle_outer", "left_ankle_inner"),
    *("right_toes", "right_top", "right_ankle_inner", "right_ankle_outer"),
    *("left_sole", "left_heel", "right_sole", "right_heel"),
]

# The element under each point of a 44x44 square around a site's centre (5x5 samples, 1 px inside the edges).
SQUARE_OWNERS = """(site) => {
  const box = document.querySelector(`#feet [data-site="${site}"]`).getBoundingClientRect();
  const cx = box.left + box.width / 2, cy = box.top + box.height / 2, owners = new Set();
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) {
    const hit = document.elementFromPoint(cx - 21 + i * 10.5, cy - 21 + j * 10.5);
    const owner = hit && hit.closest('[data-site]');
    owners.add(owner ? owner.dataset.site : String(hit && hit.tagName));
  }
  return [...owners];
}"""


@pytest.fixture
def today(page: Any, context: Any, make_user: Any, live_server: Any) -> Any:
    """A consented user on Today, the form loaded (its baseline taken) and ready."""
    user = consent_give(make_user(timezone="Asia/Tokyo"))
    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.user = user
    return page


def site(page: Any, key: str) -> Any:
    return page.locator(f'#feet [data-site="{key}"]')


def entry_sites(user: Any) -> dict[str, int]:
    return {o.site: o.count for o in Entry.objects.get(user=user).observations.all()}


def settle(page: Any) -> None:
    """Wait for a smooth scroll to end, so that measured boxes are where a tap lands."""
    until(page, "new Promise(r => { const y = scrollY; setTimeout(() => r(scrollY === y), 120); })")


def save(page: Any) -> None:
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()


def test_every_site_has_a_hit_area_of_at_least_44_px_that_no_neighbour_steals(today: Any) -> None:
    page = today
    shoot(page, "39-map-closed")
    assert page.locator("#feet [data-site]").count() == len(SITE_KEYS)
    for key in SITE_KEYS:
        box = site(page, key).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (key, box)
        site(page, key).scroll_into_view_if_needed()
        settle(page)
        assert page.evaluate(SQUARE_OWNERS, key) == [key], key
        # A real tap at the centre opens that very site.
        box = site(page, key).bounding_box()
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert site(page, key).get_attribute("aria-expanded") == "true", key
        assert page.locator("#site-title").inner_text() == page.evaluate(
            "(k) => JSON.parse(document.getElementById('today-config').textContent).sites.find(s => s.key === k).label",
            key,
        )
    # The leg stub and the toe pads are background: a tap there opens nothing.
    assert page.evaluate(
        "[...document.querySelectorAll('#feet .skin')].every(el => getComputedStyle(el).pointerEvents === 'none')"
    )


def test_opening_sites_records_nothing_until_a_count_is_set(today: Any) -> None:
    page = today
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="Right toes", exact=True).click()  # looked at, nothing set
    page.get_by_role("button", name="Left sole", exact=True).click()
    page.get_by_role("button", name="None here").click()
    page.get_by_role("button", name="Right outer ankle", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="One more").click()
    assert page.evaluate("document.querySelector('[data-site=left_heel]').classList.contains('none')") is False
    shoot(page, "40-map-site-open")
    save(page)
    assert entry_sites(page.user) == {"left_sole": 0, "right_ankle_outer": 2}
    assert page.locator("#logged-sites").inner_text().split("\n") == ["Left sole: 0", "Right outer ankle: 2"]


def test_a_site_opens_with_the_keyboard_and_reads_out_its_state(today: Any) -> None:
    page = today
    page.get_by_role("button", name="Left toes", exact=True).focus()
    order = [page.evaluate("document.activeElement.dataset.site")]
    for _ in SITE_KEYS[1:]:
        page.keyboard.press("ArrowRight")  # the map is one Tab stop; the arrows move within it
        order.append(page.evaluate("document.activeElement.dataset.site"))
    assert order == VISUAL_ORDER  # row by row, left to right as drawn
    shoot(page, "41-map-focus")
    page.get_by_role("button", name="Left top of foot", exact=True).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "count"
    page.keyboard.type("4")
    page.get_by_role("button", name="Right heel", exact=True).focus()
    page.keyboard.press(" ")
    assert page.locator("#site-title").inner_text() == "Right heel"
    states = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('#feet [data-site]')].map(g =>
             [g.dataset.site, document.getElementById(g.getAttribute('aria-describedby')).textContent]))"""
    )
    assert states["left_top"] == "4 bumps" and states["right_heel"] == "not looked"
    shoot(page, "41-map-legend")


def test_out_of_range_count_and_size_show_an_error_and_nothing_is_saved(today: Any) -> None:
    page = today
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_label("How many bumps?").fill("250")
    assert page.locator("#count-error").inner_text() == "Enter a whole number from 0 to 200."
    assert page.get_by_label("How many bumps?").input_value() == "250"  # never changed behind the user's back
    page.get_by_label("Largest one, in mm").fill("45")
    assert page.locator("#largest_mm-error").inner_text() == "Enter a size from 0 to 30 mm, or leave it empty."
    page.get_by_role("button", name="Left sole", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="Save today").click()
    # The save stops on the faulty site, reopened with what was typed.
    page.get_by_text("Fix the marked field for Left heel first.").wait_for()
    assert page.locator("#site-title").inner_text() == "Left heel"
    assert page.get_by_label("How many bumps?").input_value() == "250"
    assert page.get_by_label("Largest one, in mm").get_attribute("aria-invalid") == "true"
    shoot(page, "42-map-inline-error")
    assert not Entry.objects.filter(user=page.user).exists()
    assert page.evaluate("FootlogOutbox.count()") == 0

    page.get_by_label("How many bumps?").fill("20")
    page.get_by_label("Largest one, in mm").fill("2.5")
    save(page)
    observation = Entry.objects.get(user=page.user).observations.get(site="left_heel")
    assert (observation.count, observation.largest_mm) == (20, 2.5)


def test_a_detail_without_a_count_stops_the_save_instead_of_vanishing(today: Any) -> None:
    page = today
    page.get_by_role("button", name="Right toes", exact=True).click()
    page.get_by_text("Bleeding", exact=True).click()
    page.get_by_role("button", name="Save today").click()
    page.locator("#count-error").get_by_text("How many bumps on Right toes?").wait_for()
    assert page.evaluate("document.activeElement.id") == "count"
    assert not Entry.objects.filter(user=page.user).exists()


def test_undo_brings_a_removed_site_back(today: Any) -> None:
    page = today
    page.get_by_role("button", name="Left inner ankle", exact=True).click()
    page.get_by_label("How many bumps?").fill("3")
    page.get_by_text("Redness around them").click()
    page.get_by_role("button", name="Remove this spot").click()
    assert page.locator("#undo-text").inner_text() == "Left inner ankle removed."
    assert page.evaluate("document.activeElement.id") == "undo"
    assert page.locator("#logged-sites").inner_text() == ""
    shoot(page, "43-map-undo")
    page.get_by_role("button", name="Undo").click()
    assert page.locator("#undo-bar").is_hidden()
    assert page.get_by_label("How many bumps?").input_value() == "3"
    assert page.locator("#redness").is_checked()
    save(page)
    observation = Entry.objects.get(user=page.user).observations.get()
    assert (observation.site, observation.count, observation.redness) == ("left_ankle_inner", 3, True)


def test_leaving_with_unsaved_changes_asks_first_and_not_after_a_save(today: Any, live_server: Any) -> None:
    page = today
    dialogs: list[str] = []

    def stay(dialog: Any) -> None:
        dialogs.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("link", name="History").click()  # an in-app link: a confirm, and staying keeps the work
    assert dialogs == ["confirm"]
    assert page.url == f"{live_server.url}/"
    page.close(run_before_unload=True)  # reload or close: the browser's own prompt
    for _ in range(100):
        if len(dialogs) == 2:
            break
        page.wait_for_timeout(50)  # dialog events arrive while Playwright is called
    assert dialogs == ["confirm", "beforeunload"]
    assert not page.is_closed()

    save(page)
    page.get_by_role("link", name="History").click()
    page.wait_for_url("**/history/")
    assert dialogs == ["confirm", "beforeunload"]  # nothing asked after the save


def test_a_settings_form_typed_in_but_not_saved_asks_before_a_link_leaves(today: Any, live_server: Any) -> None:
    page = today
    page.goto(f"{live_server.url}/settings/")
    dialogs: list[str] = []

    def stay(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", stay)
    page.get_by_label("New step").fill("Retinoid cream")
    page.get_by_role("link", name="Today").click()
    assert dialogs == ["Your changes on this page are not saved. Leave without saving them?"]
    assert page.url == f"{live_server.url}/settings/"
    page.get_by_role("button", name="Add step").click()
    page.get_by_role("button", name="Remove Retinoid cream").wait_for()
    page.get_by_role("link", name="Today").click()
    page.wait_for_url(f"{live_server.url}/")
    assert len(dialogs) == 1
