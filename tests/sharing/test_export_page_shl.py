"""The Export page offers the passcode when creating a link and shows the new link's SMART Health Link once,
with its QR code; the list says which links have a passcode and which are locked."""

from __future__ import annotations

import base64
import json
import re
from html import unescape

import pytest
from django.test import Client

from accounts.models import User
from footlog.sharing.models import Share


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def post_share(browser: Client, **extra: str):
    body = {"action": "share", "from": "2026-11-01", "to": "2026-11-30", "expires_in_days": "7", **extra}
    return browser.post("/export/", body)


def test_the_page_has_a_passcode_field_and_shows_the_shlink_with_its_qr(browser: Client, consented: User):
    assert b'name="passcode"' in browser.get("/export/").content
    response = post_share(browser, passcode="heel-1234")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    shlink = unescape(re.search(r'<textarea id="shlink"[^>]*>([^<]+)</textarea>', html).group(1))
    encoded = shlink.removeprefix("shlink:/")
    payload = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert payload["flag"] == "P" and payload["label"] == "footlog history 1 Nov – 30 Nov 2026"
    assert 'aria-label="QR code of the SMART Health Link"' in html and html.count("<svg") >= 2
    assert "It asks for the same passcode." in html
    share = Share.objects.get(user=consented)
    assert share.has_passcode and "heel-1234" not in share.passcode_hash
    listing = browser.get("/export/").content.decode()
    assert "passcode ·" in listing and shlink not in listing  # shown only once


def test_a_short_passcode_is_refused_in_words_and_creates_nothing(browser: Client, consented: User):
    response = post_share(browser, passcode="abc")
    assert response.status_code == 400 and b"passcode" in response.content
    assert not Share.objects.exists()


def test_no_passcode_makes_a_link_without_the_p_flag(browser: Client, consented: User):
    html = post_share(browser, passcode="").content.decode()
    shlink = unescape(re.search(r'<textarea id="shlink"[^>]*>([^<]+)</textarea>', html).group(1))
    encoded = shlink.removeprefix("shlink:/")
    assert "flag" not in json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    assert not Share.objects.get(user=consented).has_passcode
