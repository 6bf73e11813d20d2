"""allauth's pages and limits: templated pages under /accounts/, rate limits kept in the shared cache."""

from __future__ import annotations

import pytest

from tests.conftest import PASSWORD
from tests.support.services import clear_shared_cache


@pytest.mark.parametrize("path", ["/accounts/signup/", "/accounts/login/", "/accounts/password/reset/"])
def test_public_account_pages_render_for_phones(client, db, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b'name="viewport"' in response.content


@pytest.mark.parametrize("path", ["/accounts/email/", "/accounts/password/change/", "/accounts/logout/"])
def test_signed_in_account_pages_render(client, user, path):
    client.force_login(user)
    assert client.get(path).status_code == 200


def login(client, email: str, password: str):
    return client.post(
        "/_allauth/app/v1/auth/login", {"email": email, "password": password}, content_type="application/json"
    )


def test_repeated_failed_logins_are_rate_limited_through_the_cache(client, user):
    codes = [login(client, user.email, "wrong").json()["errors"][0]["code"] for _ in range(6)]
    assert codes[:5] == ["email_password_mismatch"] * 5
    assert codes[5] == "too_many_login_attempts"
    # Even the right password is refused while the limit holds, until the shared cache forgets the counter.
    assert login(client, user.email, PASSWORD).json()["errors"][0]["code"] == "too_many_login_attempts"
    clear_shared_cache()
    assert login(client, user.email, PASSWORD).status_code == 200


def test_unverified_user_cannot_log_in_to_the_api(client, make_user, db):
    from allauth.account.models import EmailAddress

    user = make_user()
    EmailAddress.objects.filter(user=user).update(verified=False)
    response = client.post(
        "/_allauth/app/v1/auth/login", {"email": user.email, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 401
    pending = {flow["id"] for flow in response.json()["data"]["flows"] if flow.get("is_pending")}
    assert "verify_email" in pending
