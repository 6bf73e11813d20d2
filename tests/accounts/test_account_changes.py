"""Changing the email or password: re-authentication first, a notice to the address on file after.

A stolen session (or a borrowed phone) must not be enough to take the account over quietly: allauth asks for the
password again before an email is added (valid 5 minutes), a password change needs the old one, and both send a
notice to the address the account had.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from tests.conftest import PASSWORD

NEW = "new-address@example.com"
START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def signed_in(user) -> Client:
    """Signed in through the real login page."""
    client = Client()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    return client


def add_email(client: Client):
    return client.post("/accounts/email/", {"email": NEW, "action_add": ""})


def reauthenticate(client: Client) -> None:
    assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302


def test_adding_an_email_asks_for_the_password_again(signed_in, user, smtp_sink):
    response = add_email(signed_in)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")
    assert not EmailAddress.objects.filter(email=NEW).exists() and smtp_sink.to(NEW) == []
    reauthenticate(signed_in)
    add_email(signed_in)
    assert len(smtp_sink.to(NEW)) == 1  # the verification code, now that the password was given again


def test_the_password_given_again_lasts_five_minutes(signed_in, user, smtp_sink, time_machine):
    time_machine.move_to(START, tick=False)
    reauthenticate(signed_in)
    time_machine.move_to(START + dt.timedelta(minutes=6), tick=False)
    response = add_email(signed_in)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/reauthenticate/")
    assert smtp_sink.to(NEW) == []


def test_a_changed_email_sends_a_notice_to_the_old_address(signed_in, user, smtp_sink):
    old = user.email
    reauthenticate(signed_in)
    add_email(signed_in)
    [code_mail] = smtp_sink.to(NEW)
    code = re.search(r"^\s*([A-Z0-9]{3,}(?:-[A-Z0-9]+)?)\s*$", code_mail.get_content(), re.M)
    assert code, code_mail.get_content()
    response = signed_in.post("/accounts/confirm-email/", {"code": code.group(1)})
    assert response.status_code == 302, response.content
    user.refresh_from_db()
    assert user.email == NEW
    notices = smtp_sink.to(old)
    assert len(notices) == 1 and "changed" in notices[0]["Subject"].lower()
    assert NEW in notices[0].get_content()


def test_a_changed_password_needs_the_old_one_and_sends_a_notice(signed_in, user, smtp_sink):
    change = {"oldpassword": "not it", "password1": "another sturdy phrase 9", "password2": "another sturdy phrase 9"}
    assert signed_in.post("/accounts/password/change/", change).status_code == 200  # the form again, with an error
    assert smtp_sink.to(user.email) == []
    assert signed_in.post("/accounts/password/change/", {**change, "oldpassword": PASSWORD}).status_code == 302
    [notice] = smtp_sink.to(user.email)
    assert "password" in notice["Subject"].lower()


def test_headless_email_change_needs_reauthentication(user, smtp_sink):
    login = Client().post(
        "/_allauth/app/v1/auth/login", {"email": user.email, "password": PASSWORD}, content_type="application/json"
    )
    token = login.json()["meta"]["session_token"]
    response = Client().post(
        "/_allauth/app/v1/account/email", {"email": NEW}, content_type="application/json", HTTP_X_SESSION_TOKEN=token
    )
    assert response.status_code == 401, response.content
    assert "reauthenticate" in {flow["id"] for flow in response.json()["data"]["flows"]}
    assert smtp_sink.to(NEW) == []
