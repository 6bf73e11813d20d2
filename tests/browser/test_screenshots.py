"""Every page at phone size with a full demo history, saved for people to look at (test-artifacts/screenshots/).

Also the page-level checks a person would make: every page loads without console errors, every form control
has an accessible name, and nothing is wider than the phone.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from footlog.pwa.demo import create_demo
from tests.browser.conftest import ROOT, shoot, sign_in, until
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser

PAGES = [
    ("30-today", "/"),
    ("31-history", "/history/"),
    ("32-timeline", "/timeline/"),
    ("33-export", "/export/"),
    ("34-settings", "/settings/"),
    ("37-photos-gallery", "/photos/left_ankle_outer/"),
]
UNLABELLED = """() => [...document.querySelectorAll(
  'input:not([type=hidden]), select, textarea, button, [role=button]')]
  .filter(el => !el.closest('[hidden]') && !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
     && !el.getAttribute('aria-labelledby') && !el.textContent.trim())
  .map(el => el.outerHTML.slice(0, 80))"""


def test_every_page_at_phone_size(context: Any, page: Any, live_server: Any) -> None:
    user, _, _ = create_demo("demo@example.com", "demo demo demo 1", timezone="Asia/Tokyo")
    sign_in(context, user, live_server.url)
    for name, path in PAGES:
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(UNLABELLED) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, f"{path} is wider than the phone"
        shoot(page, name)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Left outer ankle", exact=True).click()
    page.locator("#previous-photo img").wait_for()  # last week's photo of the spot, for framing
    shoot(page, "35-today-site-open")
    page.goto(f"{live_server.url}/export/")
    page.get_by_role("button", name="Create link").click()
    page.get_by_role("img", name="QR code of the link").wait_for()
    assert "/share/" in page.get_by_label("Link", exact=True).input_value()
    shoot(page, "36-share-created")


README_SHOTS = ROOT / "docs" / "img"
IMAGES_IN_VIEW_LOADED = """[...document.images].filter(i => {
    const r = i.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.width > 0;
  }).every(i => i.complete && i.naturalWidth > 0)"""


@pytest.mark.skipif(
    os.environ.get("FOOTLOG_README_SHOTS") != "1", reason="writes docs/img: run with FOOTLOG_README_SHOTS=1"
)
def test_readme_screenshots_light_and_dark(chromium: Any, live_server: Any, transactional_db: None) -> None:
    """README's app section: Today and the Timeline at 390x844, light and dark, from the demo history; then in
    German and Spanish (a phone set to that language: its Accept-Language, no choice in Settings), light.
    `FOOTLOG_README_SHOTS=1 .venv/bin/pytest -p no:xdist tests/browser/test_screenshots.py -k readme`"""
    user, _, _ = create_demo("demo@example.com", "demo demo demo 1", timezone="Asia/Tokyo")
    shots = [("light", "en", "light"), ("dark", "en", "dark"), ("de", "de-DE", "light"), ("es", "es-ES", "light")]
    for suffix, locale, scheme in shots:
        context = chromium.new_context(**{**PHONE, "device_scale_factor": 1}, color_scheme=scheme, locale=locale)
        try:
            sign_in(context, user, live_server.url)
            page = context.new_page()
            page.goto(f"{live_server.url}/")
            page.locator("#logged-sites li").first.wait_for()  # today's entry is on the map
            assert page.evaluate("document.documentElement.lang") == locale.split("-")[0]
            page.screenshot(path=str(README_SHOTS / f"today-{suffix}.png"))
            page.goto(f"{live_server.url}/timeline/")
            page.wait_for_load_state("networkidle")
            page.locator("section.chart").evaluate("e => scrollTo(0, e.getBoundingClientRect().top + scrollY - 70)")
            # The photos below the chart load lazily, once scrolled into view: wait for every image in the viewport.
            until(page, IMAGES_IN_VIEW_LOADED)
            page.screenshot(path=str(README_SHOTS / f"timeline-{suffix}.png"))
        finally:
            context.close()
