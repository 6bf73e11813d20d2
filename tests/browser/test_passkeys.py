"""Passkeys in real Chromium with its virtual authenticator (CDP `WebAuthn.addVirtualAuthenticator`): add one in
Settings, sign out, sign in with it; and sign up with a passkey alone. The live server is reached as
http://localhost:<port>: WebAuthn wants a host name, and http://localhost counts as a secure origin, so no
insecure-origin allowance is needed (footlog.settings: MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN stays off)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from allauth.mfa.models import Authenticator

from accounts.models import User
from tests.browser.conftest import PASSWORD, shoot, verification_code
from tests.support.services import wait_for

pytestmark = pytest.mark.browser


def virtual_authenticator(context: Any, page: Any) -> tuple[Any, str]:
    """A platform authenticator on this page that holds discoverable credentials and verifies the user at once."""
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp, added["authenticatorId"]


def credentials(cdp: Any, authenticator_id: str) -> list[dict[str, Any]]:
    return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator_id})["credentials"]


def sign_out(page: Any, base: str) -> None:
    page.goto(f"{base}/settings/")
    page.locator("#sign-out").get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{base}/accounts/login/")


def sign_in_with_passkey(page: Any, base: str) -> None:
    page.get_by_role("button", name="Sign in with a passkey").click()
    page.wait_for_url(f"{base}/")
    page.locator("body.app").wait_for()


def test_add_a_passkey_in_settings_sign_out_and_sign_in_with_it(context, page, sign_up, live_server):
    base = live_server.url
    assert base.startswith("http://localhost:"), base
    cdp, authenticator = virtual_authenticator(context, page)
    address = sign_up(page, f"passkey-{uuid.uuid4().hex[:8]}@example.com")

    page.goto(f"{base}/settings/")
    page.locator("#passkeys").get_by_role("link", name="Add a passkey").click()
    # A sensitive change: allauth asks for the password again first, then comes back to the add page.
    page.wait_for_url("**/accounts/reauthenticate/**")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/webauthn/add/**")
    page.get_by_label("Name").fill("My phone")
    assert page.get_by_label("Sign in with it alone, without the password").is_checked()
    shoot(page, "40-passkey-add")
    page.get_by_role("button", name="Create passkey").click()

    # The first passkey brings recovery codes, shown this once.
    page.wait_for_url("**/accounts/2fa/recovery-codes/**")
    codes = page.get_by_label("Your codes").input_value().split()
    assert len(codes) == 10
    shoot(page, "41-recovery-codes")
    page.get_by_role("link", name="Done").click()
    page.get_by_text("You have 1 passkey").wait_for()
    user = User.objects.get(email=address)
    key = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    assert key.wrap().name == "My phone" and key.wrap().is_passwordless is True
    assert [c["isResidentCredential"] for c in credentials(cdp, authenticator)] == [True]
    # Shown once: the codes page no longer shows them.
    page.goto(f"{base}/accounts/2fa/recovery-codes/")
    assert not any(code in page.content() for code in codes)

    sign_out(page, base)
    shoot(page, "42-passkey-sign-in")
    sign_in_with_passkey(page, base)
    assert page.evaluate("fetch('/api/v1/account/').then(r => r.json())")["email"] == address
    key.refresh_from_db()
    assert key.last_used_at is not None

    # The password still signs in; with a passkey on the account, it is then asked for as the second step.
    sign_out(page, base)
    page.get_by_label("Email").fill(address)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()  # sentence case (locale/en)
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    page.get_by_role("button", name="Use my passkey").click()
    page.wait_for_url(f"{base}/")


def test_sign_up_with_a_passkey_alone(context, page, smtp_sink, live_server):
    base = live_server.url
    cdp, authenticator = virtual_authenticator(context, page)
    address = f"pk-signup-{uuid.uuid4().hex[:8]}@example.com"

    page.goto(f"{base}/accounts/signup/")
    page.get_by_role("link", name="Sign up using a passkey").click()
    page.wait_for_url("**/accounts/signup/passkey/")
    page.get_by_label("Email").fill(address)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url("**/accounts/confirm-email/**")
    page.get_by_label("Code").fill(verification_code(smtp_sink, address))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/webauthn/signup/**")
    shoot(page, "43-passkey-signup")
    page.get_by_role("button", name="Create passkey").click()
    page.wait_for_url("**/welcome/**")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Agree and continue").click()
    page.wait_for_url(f"{base}/")

    user = User.objects.get(email=address)
    assert not user.has_usable_password()
    assert len(credentials(cdp, authenticator)) == 1

    sign_out(page, base)
    sign_in_with_passkey(page, base)
    assert page.evaluate("fetch('/api/v1/account/').then(r => r.json())")["email"] == address

    # Recovery codes came with the sign-up passkey; Settings offers them, and seeing them asks for the passkey.
    page.goto(f"{base}/settings/")
    page.get_by_role("link", name="See your recovery codes").click()
    page.wait_for_url("**/reauthenticate/**")
    page.get_by_role("button", name="Confirm with your passkey").click()
    page.wait_for_url("**/accounts/2fa/recovery-codes/")
    assert len(page.get_by_label("Your codes").input_value().split()) == 10
    page.goto(f"{base}/settings/")
    assert page.get_by_role("link", name="See your recovery codes").count() == 0

    # No password to confirm with: deleting the account asks for a mailed code instead.
    page.goto(f"{base}/settings/#danger")
    page.get_by_role("button", name="Email me a code").click()
    page.get_by_text("We sent a code to your email address").wait_for()
    wait_for(lambda: len(smtp_sink.to(address)) >= 2, timeout=20)  # the sign-up code came first
    page.get_by_label("Code from the email, to delete your account").fill(verification_code(smtp_sink, address))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete my account and all data").click()
    page.wait_for_url("**/account-deleted/")  # the page that says so (it was the bare sign-up page)
    assert not User.objects.filter(email=address).exists()
