"""Passkeys through allauth's MFA (issue 16): added with the headless `app` client, then a password-free sign-in
with it; an assertion naming another account is refused; the pages carry no inline script; a passkey-only account
deletes itself with an emailed code; and the insecure-origin switch never reaches a deployment."""

from __future__ import annotations

import json
import re
import secrets

import pytest
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client

from accounts.models import User
from tests.conftest import PASSWORD
from tests.hardening.test_production_settings import PRODUCTION, run_django
from tests.support.webauthn import SoftPasskey

APP = "/_allauth/app/v1"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def localhost() -> Client:
    """WebAuthn binds a passkey to a host name: the RP ID is the request's host, as in the browser tests."""
    return Client(HTTP_HOST="localhost")


def app_call(client: Client, method: str, path: str, token: str | None = None, body: dict | None = None):
    headers = {"HTTP_X_SESSION_TOKEN": token} if token else {}
    send = getattr(client, method.lower())
    if body is None:
        return send(f"{APP}{path}", **headers)
    return send(f"{APP}{path}", body, content_type="application/json", **headers)


def app_password_login(client: Client, user: User) -> str:
    response = app_call(client, "POST", "/auth/login", body={"email": user.email, "password": PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


def app_add_passkey(client: Client, user: User, passkey: SoftPasskey, *, expect: int = 200) -> dict:
    """Signed in with the password, add `passkey` (password-free) through the headless account endpoints."""
    token = app_password_login(client, user)
    # Adding an authenticator is a sensitive change: allauth asks for the password again, even right after login.
    again = app_call(client, "POST", "/auth/reauthenticate", token, {"password": PASSWORD})
    assert again.status_code == 200, again.content
    options = app_call(client, "GET", "/account/authenticators/webauthn?passwordless", token)
    assert options.status_code == 200, options.content
    credential = passkey.create(options.json()["data"]["creation_options"])
    added = app_call(
        client,
        "POST",
        "/account/authenticators/webauthn",
        token,
        {"name": "Test phone", "credential": credential, "passwordless": True},
    )
    assert added.status_code == expect, added.content
    return added.json()


def app_passkey_login(client: Client, passkey: SoftPasskey, *, user_handle: bytes | None = None):
    begun = app_call(client, "GET", "/auth/webauthn/login")
    assert begun.status_code == 200, begun.content
    token = begun.json()["meta"]["session_token"]
    assertion = passkey.get(begun.json()["data"]["request_options"], user_handle=user_handle)
    return app_call(client, "POST", "/auth/webauthn/login", token, {"credential": assertion})


def test_app_client_adds_a_passkey_and_signs_in_with_it_without_a_password(user):
    passkey = SoftPasskey()
    added = app_add_passkey(localhost(), user, passkey)
    assert added["data"]["type"] == "webauthn"
    assert added["data"]["is_passwordless"] is True
    # The first passkey also makes the recovery codes.
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()

    response = app_passkey_login(localhost(), passkey)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meta"]["is_authenticated"] is True
    assert body["data"]["user"]["email"] == user.email
    methods = [m["method"] for m in body["data"]["methods"]]
    assert methods == ["mfa"]
    # The session token is a footlog API credential like any other.
    token = body["meta"]["session_token"]
    account = localhost().get("/api/v1/account/", HTTP_X_SESSION_TOKEN=token)
    assert account.status_code == 200 and account.json()["email"] == user.email


def test_password_sign_in_keeps_working_and_asks_for_the_passkey_second(user):
    passkey = SoftPasskey()
    app_add_passkey(localhost(), user, passkey)
    client = localhost()
    first = app_call(client, "POST", "/auth/login", body={"email": user.email, "password": PASSWORD})
    assert first.status_code == 401
    pending = [f["id"] for f in first.json()["data"]["flows"] if f.get("is_pending")]
    assert pending == ["mfa_authenticate"]
    token = first.json()["meta"]["session_token"]
    begun = app_call(client, "GET", "/auth/webauthn/authenticate", token)
    assert begun.status_code == 200, begun.content
    second = app_call(
        client,
        "POST",
        "/auth/webauthn/authenticate",
        token,
        {"credential": passkey.get(begun.json()["data"]["request_options"])},
    )
    assert second.status_code == 200, second.content
    assert second.json()["meta"]["is_authenticated"] is True


def test_passkey_assertion_for_another_account_is_refused(user, other_user):
    """The attacker's own (valid) passkey, with the victim's user handle in the assertion: no session for anyone."""
    attacker_key = SoftPasskey()
    app_add_passkey(localhost(), other_user, attacker_key)
    app_add_passkey(localhost(), user, SoftPasskey())
    victim_handle = user_pk_to_url_str(user).encode()
    response = app_passkey_login(localhost(), attacker_key, user_handle=victim_handle)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["param"] == "credential"
    assert "session_token" not in response.json().get("meta", {})


def test_passkey_not_registered_or_for_another_site_is_refused(user):
    # A passkey made on another origin (a look-alike site) is not accepted for this one.
    app_add_passkey(localhost(), user, SoftPasskey(origin="https://footlog-login.example"), expect=400)
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()
    app_add_passkey(localhost(), user, SoftPasskey())
    stranger = SoftPasskey(user_handle=user_pk_to_url_str(user).encode())  # the right account, an unknown key
    assert app_passkey_login(localhost(), stranger).status_code == 400


def _tampered(**response: object) -> dict:
    good = SoftPasskey(user_handle=b"1").get({"publicKey": {"challenge": "AAAAAAAAAAAAAAAAAAAAAA"}})
    good["response"].update(response)
    return good


MALFORMED = [
    None,
    "x",
    42,
    [],
    {},
    {"id": "x"},
    {"type": "public-key", "id": "!!", "rawId": "!!", "response": {}},
    {"type": "public-key", "id": "AAAA", "response": {"clientDataJSON": "AAAA"}},
    _tampered(authenticatorData="AAAA"),
    _tampered(clientDataJSON="bm90IGpzb24"),
    _tampered(clientDataJSON="e30"),  # {}
    _tampered(signature=""),
    _tampered(userHandle="!!"),
    _tampered(userHandle=None),
    _tampered(userHandle="OTk5OTk5"),  # an account that does not exist
]


@pytest.mark.parametrize("credential", MALFORMED)
def test_malformed_passkey_assertions_are_400_not_500(db, credential):
    client = localhost()
    begun = app_call(client, "GET", "/auth/webauthn/login")
    token = begun.json()["meta"]["session_token"]
    response = app_call(client, "POST", "/auth/webauthn/login", token, {"credential": credential})
    assert response.status_code == 400, response.content
    page = localhost()
    page.get("/accounts/2fa/webauthn/login/", HTTP_ACCEPT="application/json")
    refused = page.post("/accounts/2fa/webauthn/login/", {"credential": json.dumps(credential)})
    assert refused.status_code == 302  # back to the sign-in page with the error as a message


@pytest.mark.parametrize("credential", MALFORMED[:8])
def test_malformed_passkey_registrations_are_400_not_500(user, credential):
    client = localhost()
    token = app_password_login(client, user)
    app_call(client, "POST", "/auth/reauthenticate", token, {"password": PASSWORD})
    app_call(client, "GET", "/account/authenticators/webauthn", token)
    response = app_call(client, "POST", "/account/authenticators/webauthn", token, {"credential": credential})
    assert response.status_code == 400, response.content
    assert not Authenticator.objects.filter(user=user).exists()


def test_passkey_pages_render_without_inline_script(user, settings):
    settings.MFA_REAUTHENTICATION_REQUIRED = False  # force_login leaves no fresh reauthentication record
    client = localhost()
    client.force_login(user)
    pages = {
        "/accounts/login/": None,
        "/accounts/signup/": None,
        "/accounts/signup/passkey/": None,
        "/settings/": "Add a passkey",
        "/accounts/2fa/": "Passkeys",
        "/accounts/2fa/webauthn/": "No passkeys yet",
        "/accounts/2fa/webauthn/add/": "Create passkey",
    }
    for path, text in pages.items():
        page = (Client(HTTP_HOST="localhost") if path.startswith("/accounts/log") or "signup" in path else client).get(
            path
        )
        assert page.status_code == 200, (path, page.status_code)
        html = page.content.decode()
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
        assert inline == [], (path, inline)
        if text:
            assert text in html, path
    login = Client(HTTP_HOST="localhost").get("/accounts/login/").content.decode()
    assert "Sign in with a passkey" in login and "footlog/passkeys.js" in login
    add = client.get("/accounts/2fa/webauthn/add/").content.decode()
    assert 'data-passkey="create"' in add and "&quot;challenge&quot;" in add


def test_recovery_codes_are_shown_once(user, settings):
    settings.MFA_REAUTHENTICATION_REQUIRED = False  # force_login leaves no fresh reauthentication record
    client = localhost()
    app_add_passkey(client, user, SoftPasskey())
    client.force_login(user)
    first = client.get("/accounts/2fa/recovery-codes/").content.decode()
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()
    assert codes and all(code in first for code in codes)
    again = client.get("/accounts/2fa/recovery-codes/").content.decode()
    assert not any(code in again for code in codes)
    assert client.get("/accounts/2fa/recovery-codes/download/").status_code == 403


def test_account_export_keeps_the_passkey_rows_but_not_their_secrets(user):
    import io
    import zipfile

    client = localhost()
    app_add_passkey(client, user, SoftPasskey())
    seed = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES).data["seed"]
    client.force_login(user)
    response = client.get("/api/v1/account/export")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    data = zipfile.ZipFile(io.BytesIO(body)).read("footlog-data.json").decode()
    rows = json.loads(data)
    assert seed not in data and "attestationObject" not in data
    assert "mfa.authenticator" in json.dumps(rows)


# --- A passkey-only account (made by passkey sign-up) deletes itself with an emailed code ------------------------


@pytest.fixture
def passkey_only(make_user) -> User:
    user = make_user()
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def mailed_code(address: str) -> str:
    message = [m for m in mail.outbox if address in m.to][-1]
    match = re.search(r"^([A-Z0-9]{6})$", message.body, re.MULTILINE)
    assert match, message.body
    return match.group(1)


def test_passkey_only_account_deletes_itself_with_the_mailed_code(passkey_only, caplog):
    api = localhost()
    api.force_login(passkey_only)
    settings_page = api.get("/settings/").content.decode()
    assert "Email me a code" in settings_page and "delete-password" not in settings_page

    assert api.post("/api/v1/account/delete-code").status_code == 202
    code = mailed_code(passkey_only.email)
    assert "delete" in mail.outbox[-1].subject.lower()

    wrong = api.delete("/api/v1/account/", {"code": "AAAAAA"}, content_type="application/json")
    assert wrong.status_code == 400 and "code" in wrong.json()["errors"]
    assert User.objects.filter(pk=passkey_only.pk).exists()

    done = api.delete("/api/v1/account/", {"code": code.lower()}, content_type="application/json")
    assert done.status_code == 204, done.content
    assert not User.objects.filter(pk=passkey_only.pk).exists()
    assert code not in caplog.text


def test_deletion_code_is_single_use_and_dies_after_three_wrong_tries(passkey_only, make_user):
    api = localhost()
    api.force_login(passkey_only)
    api.post("/api/v1/account/delete-code")
    code = mailed_code(passkey_only.email)
    for _ in range(3):
        assert api.delete("/api/v1/account/", {"code": "ZZZZZZ"}, content_type="application/json").status_code == 400
    late = api.delete("/api/v1/account/", {"code": code}, content_type="application/json")
    assert late.status_code == 400, "the right code after three wrong ones is no longer valid"
    assert User.objects.filter(pk=passkey_only.pk).exists()


def test_password_account_still_confirms_with_the_password_not_a_code(user, api):
    refused = api.post("/api/v1/account/delete-code")
    assert refused.status_code == 400 and "code" in refused.json()["errors"]
    assert mail.outbox == []
    assert api.delete("/api/v1/account/", {"code": "AAAAAA"}, format="json").status_code == 400
    assert api.delete("/api/v1/account/", {"password": PASSWORD}, format="json").status_code == 204


def test_deletion_codes_are_rate_limited(passkey_only):
    api = localhost()
    api.force_login(passkey_only)
    codes = [api.post("/api/v1/account/delete-code").status_code for _ in range(5)]
    assert codes[:3] == [202, 202, 202] and codes[3:] == [429, 429]


def test_passkey_signup_page_creates_an_account_without_a_password(db, settings):
    client = localhost()
    address = f"pk-{secrets.token_hex(4)}@example.com"
    response = client.post("/accounts/signup/passkey/", {"email": address})
    assert response.status_code == 302, response.content
    user = User.objects.get(email=address)
    assert not user.has_usable_password()
    assert EmailAddress.objects.filter(user=user, verified=False).exists()


def test_app_client_signs_up_with_a_passkey_alone(db):
    client = localhost()
    address = f"pk-app-{secrets.token_hex(4)}@example.com"
    started = app_call(client, "POST", "/auth/webauthn/signup", body={"email": address})
    assert started.status_code == 401, started.content
    token = started.json()["meta"]["session_token"]
    message = [m for m in mail.outbox if address in m.to][-1]
    code = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", message.body, re.MULTILINE)
    assert code, message.body
    verified = app_call(client, "POST", "/auth/email/verify", token, {"key": code.group(1)})
    assert verified.status_code == 401, verified.content  # verified; the passkey is still to come
    pending = [f["id"] for f in verified.json()["data"]["flows"] if f.get("is_pending")]
    assert pending == ["mfa_signup_webauthn"]
    token = verified.json()["meta"].get("session_token", token)

    passkey = SoftPasskey()
    options = app_call(client, "GET", "/auth/webauthn/signup", token)
    assert options.status_code == 200, options.content
    credential = passkey.create(options.json()["data"]["creation_options"])
    done = app_call(client, "PUT", "/auth/webauthn/signup", token, {"name": "App phone", "credential": credential})
    assert done.status_code == 200, done.content
    assert done.json()["meta"]["is_authenticated"] is True
    user = User.objects.get(email=address)
    assert not user.has_usable_password()
    # The sign-up passkey brings recovery codes too (accounts.passkeys), and then signs in alone.
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert app_passkey_login(localhost(), passkey).status_code == 200


# --- The insecure-origin switch: development only ----------------------------------------------------------------


def test_insecure_origin_switch_is_refused_without_debug(tmp_path):
    result = run_django(tmp_path, ["check"], FOOTLOG_WEBAUTHN_INSECURE_ORIGIN="true")
    assert result.returncode != 0
    assert "FOOTLOG_WEBAUTHN_INSECURE_ORIGIN may only be true with DJANGO_DEBUG=true" in result.stderr


def test_deploy_check_refuses_the_insecure_origin_switch(tmp_path):
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": secrets.token_urlsafe(60)}
    debugging = {**env, "DJANGO_DEBUG": "true", "FOOTLOG_WEBAUTHN_INSECURE_ORIGIN": "true"}
    result = run_django(tmp_path, ["check", "--deploy"], **debugging)
    assert result.returncode != 0
    assert "footlog.E001" in result.stderr, result.stderr
    # Without the switch the same deployment has no footlog.E001.
    assert "footlog.E001" not in run_django(tmp_path, ["check", "--deploy"], **env).stderr
