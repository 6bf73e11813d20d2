"""The push opt-in and the settings page in real Chromium.

Headless Chromium has no push service to subscribe with (that lives outside the machine), so the test
replaces only `PushManager.subscribe` with one that returns a subscription shaped like a browser's, carrying
a real P-256 key. Everything after that (permission, service worker, API, database) is real.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from accounts.consent import consent_give
from accounts.models import User
from reminders.models import PushSubscription
from reminders.selectors import preferences_for
from tests.browser.conftest import shoot, sign_in, until

pytestmark = pytest.mark.browser

ENDPOINT = "https://push.example.test/send/device-1"


def fake_subscription() -> dict[str, Any]:
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    raw = key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    keys = {"p256dh": b64(raw), "auth": b64(b"0123456789abcdef")}
    return {"endpoint": ENDPOINT, "expirationTime": None, "keys": keys}


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def test_push_opt_in_stores_a_subscription(context: Any, page: Any, member: User, live_server: Any) -> None:
    context.grant_permissions(["notifications"], origin=live_server.url)
    script = (
        "PushManager.prototype.subscribe = function () {"
        " var s = %s; return Promise.resolve({toJSON: function () { return s; }}); };"
    )
    context.add_init_script(script % json.dumps(fake_subscription()))
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    until(page, "navigator.serviceWorker.controller !== null")
    page.get_by_role("button", name="Enable push on this phone").click()
    page.get_by_text("Push is on for this phone.").wait_for()
    subscription = PushSubscription.objects.get(user=member)
    assert subscription.endpoint == ENDPOINT
    assert "push" in preferences_for(member).channels
    shoot(page, "20-settings")


def test_settings_forms_save_from_the_page(page: Any, context: Any, member: User, live_server: Any) -> None:
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    page.get_by_label("At", exact=True).fill("21:15")
    page.get_by_role("button", name="Save reminder").click()
    page.get_by_text("Saved.").wait_for()
    assert preferences_for(member).time.strftime("%H:%M") == "21:15"
