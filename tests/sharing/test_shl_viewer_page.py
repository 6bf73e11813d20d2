"""The SMART Health Link in its viewer-prefix form (`<base>/shl/view#shlink:/…`): the API and the Export page offer
it with its QR code (one presenter for both), and the viewer page itself is a public page with no data, the share
pages' headers and its script a static file. Its browser side: tests/browser/test_shl_viewer.py."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

from footlog.sharing.services import qr_svg

BODY = {"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_api_offers_the_viewer_url_and_its_qr_code(api, settings):
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = "https://footlog.example", True
    response = api.post("/api/v1/shares/", {**BODY, "passcode": "heel-1234"}, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["shlink"].startswith("shlink:/")
    assert created["shlink_url"] == "https://footlog.example/shl/view#" + created["shlink"]
    # The QR a camera reads is the viewer URL (what a phone can open), not the bare payload.
    assert created["shlink_qr_svg"] == qr_svg(created["shlink_url"]) != qr_svg(created["shlink"])
    assert created["qr_svg"] == qr_svg(created["url"])


def test_the_export_page_offers_the_viewer_url_its_qr_and_the_bare_link(browser: Client):
    html = browser.post("/export/", {"action": "share", **BODY, "include_photos": ""}).content.decode()
    viewer = unescape(re.search(r'<textarea id="shlink-url"[^>]*>([^<]+)</textarea>', html).group(1))
    bare = unescape(re.search(r'<textarea id="shlink"[^>]*>([^<]+)</textarea>', html).group(1))
    assert viewer == "http://testserver/shl/view#" + bare and bare.startswith("shlink:/")
    assert qr_svg(viewer) in html  # the SMART Health Link's QR code is the viewer URL's


def test_the_viewer_page_is_public_private_and_carries_no_data(client: Client):
    response = client.get("/shl/view")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Referrer-Policy"] == "no-referrer" and "noindex" in response["X-Robots-Tag"]
    assert "connect-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "footlog/shl-viewer.js" in html and "<script>" not in html  # a static file, no inline script
    assert "{#" not in html and "{%" not in html
    assert client.head("/shl/view").status_code == 200
    assert client.post("/shl/view", {}).status_code == 405  # not taken for a manifest id


def test_the_share_pages_on_their_base_template_render_whole(client: Client, db: None):
    html = client.get("/share/" + "x" * 43 + "/").content.decode()
    assert "This link is not available" in html and "{#" not in html and "{%" not in html
    assert '<meta name="referrer" content="no-referrer">' in html
