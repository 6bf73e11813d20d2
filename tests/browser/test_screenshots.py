"""Every page at phone size with a full demo history, saved for people to look at (test-artifacts/screenshots/).

Also the page-level checks a person would make: every page loads without console errors, every form control
has an accessible name, and nothing is wider than the phone.
"""

from __future__ import annotations

from typing import Any

import pytest

from footlog.pwa.demo import create_demo
from tests.browser.conftest import shoot, sign_in

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
