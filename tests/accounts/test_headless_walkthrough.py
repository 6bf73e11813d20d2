"""Issue 2's walk-through over real HTTP: sign up with the headless `app` client, verify with the code from a
real SMTP server, give consent to the current text, log an entry with the session token, replay it, read it back."""

from __future__ import annotations

import re
import uuid

import pytest
import requests

from tests.support.services import wait_for

pytestmark = pytest.mark.django_db(transaction=True)


def verification_code(sink, address: str) -> str:
    message = wait_for(lambda: sink.to(address), timeout=10)[-1]
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", text, re.MULTILINE)
    assert match, text
    return match.group(1)


def test_new_user_signs_up_verifies_and_logs_an_entry_over_http(live_server, smtp_sink):
    base = live_server.url
    address = f"walk-{uuid.uuid4().hex[:8]}@example.com"
    auth = f"{base}/_allauth/app/v1/auth"

    signup = requests.post(f"{auth}/signup", json={"email": address, "password": "milia-walk-2026!"}, timeout=10)
    assert signup.status_code == 401, signup.text  # signed up, but the email is not verified yet
    flows = {flow["id"]: flow for flow in signup.json()["data"]["flows"]}
    assert flows["verify_email"]["is_pending"] is True
    token = signup.json()["meta"]["session_token"]
    headers = {"X-Session-Token": token}

    assert requests.get(f"{base}/api/v1/entries/", headers=headers, timeout=10).status_code == 401

    verify = requests.post(
        f"{auth}/email/verify", json={"key": verification_code(smtp_sink, address)}, headers=headers, timeout=10
    )
    assert verify.status_code == 200, verify.text
    assert verify.json()["meta"]["is_authenticated"] is True
    token = verify.json()["meta"].get("session_token", token)
    headers = {"X-Session-Token": token}

    refused = requests.get(f"{base}/api/v1/entries/", headers=headers, timeout=10)
    assert refused.status_code == 403 and refused.json()["code"] == "consent_required"
    version = requests.get(f"{base}/api/v1/account/", headers=headers, timeout=10).json()["consent"]["current_version"]
    agreed = requests.post(f"{base}/api/v1/account/consent", json={"version": version}, headers=headers, timeout=10)
    assert agreed.status_code == 200, agreed.text

    entry = {
        "id": str(uuid.uuid4()),
        "date": "2026-11-23",
        "notes": "first log",
        "observations": [{"site": "right_ankle_inner", "count": 4, "largest_mm": 2}],
        "routine": [{"step": "moisturise", "done": True}],
    }
    created = requests.post(f"{base}/api/v1/entries/", json=entry, headers=headers, timeout=10)
    assert created.status_code == 201, created.text
    replayed = requests.post(f"{base}/api/v1/entries/", json=entry, headers=headers, timeout=10)
    assert replayed.status_code == 200
    assert replayed.json()["id"] == entry["id"]

    read = requests.get(f"{base}/api/v1/entries/{entry['id']}/", headers=headers, timeout=10)
    assert read.status_code == 200
    assert read.json()["observations"][0]["count"] == 4
    assert read.headers["ETag"]
    listing = requests.get(f"{base}/api/v1/entries/", headers=headers, timeout=10).json()
    assert listing["count"] == 1


def test_wrong_verification_code_is_refused(live_server, smtp_sink):
    auth = f"{live_server.url}/_allauth/app/v1/auth"
    address = f"wrong-{uuid.uuid4().hex[:8]}@example.com"
    token = requests.post(f"{auth}/signup", json={"email": address, "password": "milia-walk-2026!"}, timeout=10).json()[
        "meta"
    ]["session_token"]
    verification_code(smtp_sink, address)
    response = requests.post(
        f"{auth}/email/verify", json={"key": "ZZZZZZ"}, headers={"X-Session-Token": token}, timeout=10
    )
    assert response.status_code == 400
    assert (
        requests.get(f"{live_server.url}/api/v1/entries/", headers={"X-Session-Token": token}, timeout=10).status_code
        == 401
    )


def test_browser_session_needs_csrf_for_writes(live_server, user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post("/api/v1/entries/", {"date": "2026-11-20"}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_headless_browser_and_app_clients_are_both_enabled(client):
    for kind in ("browser", "app"):
        response = client.get(f"/_allauth/{kind}/v1/config")
        assert response.status_code == 200
        assert response.json()["data"]["account"]["login_methods"] == ["email"]
