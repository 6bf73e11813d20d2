"""Which language footlog speaks: the account's choice, else the browser's, else English (issue 26)."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import User
from tests.conftest import PASSWORD


def _lang(response) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r'<html lang="([a-z-]+)"', response.content.decode())
    assert match, "no <html lang>"
    return match.group(1)


def test_language_is_stored_read_and_cleared_through_the_api(api, user):
    assert api.get("/api/v1/account/").json()["language"] is None
    assert api.patch("/api/v1/account/", {"language": "de"}, format="json").json()["language"] == "de"
    user.refresh_from_db()
    assert user.language == "de"
    assert api.patch("/api/v1/account/", {"language": None}, format="json").status_code == 200
    user.refresh_from_db()
    assert user.language is None


@pytest.mark.parametrize("value", ["xx", "DE", "de-AT", "", 5, ["de"]])
def test_unknown_language_is_a_400_in_the_error_shape(api, user, value):
    response = api.patch("/api/v1/account/", {"language": value}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert "language" in body["errors"] and body["detail"]
    user.refresh_from_db()
    assert user.language is None


def test_outsider_cannot_reach_anothers_language(outsider, user):
    """The account route is the caller's own: another user's PATCH changes only their own account."""
    outsider.patch("/api/v1/account/", {"language": "es"}, format="json")
    user.refresh_from_db()
    assert user.language is None


def test_without_accept_language_pages_stay_english(client):
    response = client.get("/")
    assert _lang(response) == "en"
    assert response["Content-Language"] == "en"


def test_signed_out_pages_follow_the_browser_and_the_switch(client):
    assert _lang(client.get("/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")) == "es"
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert _lang(page) == "en"  # a language footlog does not ship falls back to English
    assert 'action="/i18n/setlang/"' in page.content.decode()
    client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert _lang(client.get("/", HTTP_ACCEPT_LANGUAGE="es")) == "de"  # the switch wins over the browser


def test_the_accounts_choice_wins_over_the_browser(browser, consented):
    assert _lang(browser.get("/settings/", HTTP_ACCEPT_LANGUAGE="es")) == "es"  # none chosen: the browser's
    User.objects.filter(pk=consented.pk).update(language="de")
    assert _lang(browser.get("/settings/", HTTP_ACCEPT_LANGUAGE="es")) == "de"
    assert _lang(browser.get("/settings/")) == "de"


def test_token_signed_api_calls_speak_the_accounts_language(user):
    """An app signed in with X-Session-Token (no session cookie) gets its chosen language too."""
    User.objects.filter(pk=user.pk).update(language="es")
    client = Client()
    login = client.post(
        "/_allauth/app/v1/auth/login", {"email": user.email, "password": PASSWORD}, content_type="application/json"
    )
    assert login.status_code == 200
    token = login.json()["meta"]["session_token"]
    api = APIClient()
    response = api.get("/api/v1/visits/00000000-0000-0000-0000-000000000000/", HTTP_X_SESSION_TOKEN=token)
    assert response["Content-Language"] == "es"


def test_settings_control_sets_and_clears_the_language(browser, consented):
    response = browser.post(
        "/settings/", {"action": "profile", "display_name": "", "timezone": "UTC", "language": "es"}
    )
    assert response.status_code == 302
    consented.refresh_from_db()
    assert consented.language == "es"
    page = browser.get("/settings/").content.decode()
    assert re.search(r'<option value="es" lang="es" selected>', page)
    browser.post("/settings/", {"action": "profile", "timezone": "UTC", "language": ""})
    consented.refresh_from_db()
    assert consented.language is None
    refused = browser.post("/settings/", {"action": "profile", "timezone": "UTC", "language": "xx"})
    assert refused.status_code == 400
    consented.refresh_from_db()
    assert consented.language is None


def test_switch_while_signed_in_stores_the_choice(browser, consented):
    browser.post("/i18n/setlang/", {"language": "es", "next": "/settings/"})
    consented.refresh_from_db()
    assert consented.language == "es"


def test_javascript_catalog_answers(client):
    response = client.get("/jsi18n/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    assert b"django.gettext" in response.content or b"gettext" in response.content
