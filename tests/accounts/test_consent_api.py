"""Consent to storing health data, enforced by the API as by the pages: until the user agreed to the current text,
every health-data route answers 403 `consent_required`; the account, giving consent, taking data out, deleting
everything, the body sites and the push key stay open. The protected routes are generated from the URLconf, so
a new route is checked without anyone remembering to."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.consent import CONSENT_VERSION
from accounts.models import User
from footlog.diary.models import Entry
from tests.conftest import PASSWORD
from tests.hardening.test_authorization_matrix import allowed_methods, api_routes

# Route name -> why it answers without consent. Everything else under /api/v1/ must refuse.
OPEN_WITHOUT_CONSENT = {
    "account": "read the consent state, set the time zone, delete the account",
    "account-consent": "give consent",
    "account-delete-code": "delete the account (the mailed code of an account without a password)",
    "account-export": "take one's own data out",
    "site-list": "the fixed list of body sites",
    "push-public-key": "the server's public key",
    "reminder-unsubscribe": "a signed link from a mail, no login at all",
}
# Any value of the right shape: consent is checked before any object is looked up.
KWARGS = {"pk": uuid.UUID(int=7), "key": "wash", "token": "x", "site": "left_heel"}
INT_PK_ROUTES = {"push-subscription-detail"}


def url_of(name: str, pattern: Any) -> str:
    names = pattern.pattern.regex.groupindex
    kwargs = {k: (1 if name in INT_PK_ROUTES and k == "pk" else v) for k, v in KWARGS.items() if k in names}
    return reverse(name, kwargs=kwargs)


PROTECTED = [
    pytest.param(pattern.name, url_of(pattern.name, pattern), method, id=f"{method} {route}")
    for route, pattern in api_routes()
    if pattern.name not in OPEN_WITHOUT_CONSENT
    for method in sorted(allowed_methods(pattern) | {"OPTIONS"})
]


def test_the_protected_routes_cover_the_health_data() -> None:
    names = {name for name, _, _ in (p.values for p in PROTECTED)}
    for expected in (
        "entry-list",
        "photo-image",
        "timeline",
        "timeline-settings",
        "routine-step-list",
        "site-history-list",
    ):
        assert expected in names
    assert {"export-pdf", "export-csv", "export-fhir", "report-job-list", "share-list"} <= names


@pytest.mark.parametrize("name,url,method", PROTECTED)
def test_health_data_routes_refuse_a_user_without_consent(unconsented_api: APIClient, name, url, method) -> None:
    response = getattr(unconsented_api, method.lower())(url, {}, format="json")
    assert response.status_code == 403, (method, url, response.status_code)
    if method != "HEAD":  # a HEAD answer has no body
        assert response.json()["code"] == "consent_required"
        assert response.json()["detail"]


def test_an_entry_posted_without_consent_is_not_stored(unconsented_api: APIClient, unconsented_user: User) -> None:
    response = unconsented_api.post("/api/v1/entries/", {"date": "2026-11-20", "notes": "n"}, format="json")
    assert response.status_code == 403
    assert not Entry.objects.filter(user=unconsented_user).exists()


def test_signed_out_callers_still_get_the_authentication_answer(anonymous: APIClient) -> None:
    response = anonymous.get("/api/v1/entries/")
    assert response.status_code in (401, 403)
    assert response.json().get("code") != "consent_required"


@pytest.mark.parametrize("url", ["/api/v1/account/", "/api/v1/sites/", "/api/v1/push/public-key"])
def test_open_routes_answer_without_consent(unconsented_api: APIClient, url: str) -> None:
    assert unconsented_api.get(url).status_code == 200


def test_account_export_and_time_zone_change_work_without_consent(unconsented_api: APIClient) -> None:
    assert unconsented_api.get("/api/v1/account/export").status_code == 200
    response = unconsented_api.patch("/api/v1/account/", {"timezone": "Asia/Tokyo"}, format="json")
    assert response.status_code == 200 and response.json()["timezone"] == "Asia/Tokyo"


def test_the_account_can_be_deleted_without_consent(unconsented_api: APIClient, unconsented_user: User) -> None:
    response = unconsented_api.delete("/api/v1/account/", {"password": PASSWORD}, format="json")
    assert response.status_code == 204
    assert not User.objects.filter(pk=unconsented_user.pk).exists()


def test_account_shows_the_consent_state(unconsented_api: APIClient) -> None:
    consent = unconsented_api.get("/api/v1/account/").json()["consent"]
    assert consent == {"given_at": None, "version": None, "current_version": CONSENT_VERSION}


def test_consent_given_through_the_api_opens_the_health_data(unconsented_api: APIClient) -> None:
    response = unconsented_api.post("/api/v1/account/consent", {"version": CONSENT_VERSION}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["version"] == CONSENT_VERSION and response.json()["given_at"]
    consent = unconsented_api.get("/api/v1/account/").json()["consent"]
    assert consent["version"] == consent["current_version"] == CONSENT_VERSION and consent["given_at"]
    created = unconsented_api.post("/api/v1/entries/", {"date": "2026-11-20", "notes": "n"}, format="json")
    assert created.status_code == 201, created.content
    assert unconsented_api.get("/api/v1/timeline/").status_code == 200


@pytest.mark.parametrize("body", [{"version": "2020-01-v0"}, {"version": "nonsense"}, {"version": 1}, {}])
def test_a_stale_or_unknown_version_is_refused(unconsented_api: APIClient, unconsented_user: User, body) -> None:
    response = unconsented_api.post("/api/v1/account/consent", body, format="json")
    assert response.status_code == 400, response.content
    assert "version" in response.json()["errors"]
    unconsented_user.refresh_from_db()
    assert unconsented_user.health_data_consent_version == ""
    assert unconsented_api.get("/api/v1/entries/").status_code == 403


def test_an_older_consent_is_asked_again_by_the_api(api: APIClient, user: User) -> None:
    assert api.get("/api/v1/entries/").status_code == 200
    user.health_data_consent_version = "2020-01-v0"
    user.save()
    response = api.get("/api/v1/entries/")
    assert response.status_code == 403 and response.json()["code"] == "consent_required"
    assert api.get("/api/v1/account/").json()["consent"]["version"] == "2020-01-v0"


def test_the_schema_documents_the_consent_answer_and_the_error_code(tmp_path) -> None:
    import yaml

    target = tmp_path / "schema.yml"
    call_command("spectacular", "--validate", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    refused = schema["paths"]["/api/v1/entries/"]["post"]["responses"]["403"]
    assert refused["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"
    assert "code" in schema["components"]["schemas"]["Error"]["properties"]
    assert "403" not in schema["paths"]["/api/v1/sites/"]["get"]["responses"]
    assert "consent" in schema["components"]["schemas"]["Account"]["properties"]
