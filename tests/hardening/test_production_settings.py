"""Production settings: `check --deploy` is clean, and pages and API responses carry the security headers."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys

import pytest

from tests.support.services import ROOT

PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "FOOTLOG_PUBLIC_URL": "https://footlog.example.org",
    "DJANGO_ALLOWED_HOSTS": "footlog.example.org",
}


def run_django(tmp_path, args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a child with only the given footlog variables (none inherited from the test run)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FOOTLOG_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, "FOOTLOG_DATA_DIR": str(tmp_path), **env},
        timeout=120,
    )


def test_deploy_check_passes_with_production_variables(tmp_path):
    result = run_django(
        tmp_path,
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_check_refuses_the_plain_http_development_defaults(tmp_path):
    """The check above is only meaningful if the same command fails when TLS settings are off."""
    result = run_django(tmp_path, ["check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode != 0
    for code in ("security.W004", "security.W008", "security.W012", "security.W016", "footlog.W001"):
        assert code in result.stderr


@pytest.mark.parametrize(
    "public_url,code",
    [(None, "footlog.W001"), ("http://footlog.example.org", "footlog.W002")],
)
def test_deploy_check_warns_without_an_https_public_url(tmp_path, public_url, code):
    """Mail and push links use FOOTLOG_PUBLIC_URL: unset (links to localhost) or plain http is no production."""
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": secrets.token_urlsafe(60)}
    env.pop("FOOTLOG_PUBLIC_URL")
    if public_url:
        env["FOOTLOG_PUBLIC_URL"] = public_url
    result = run_django(tmp_path, ["check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode != 0
    assert f"({code}) FOOTLOG_PUBLIC_URL is" in result.stderr, result.stderr
    # The plain `check` (what `make run` and the tests run) stays quiet about it.
    assert run_django(tmp_path, ["check", "--fail-level", "WARNING"], **env).returncode == 0


PROBE = """
import json
from django.test import Client
client = Client(HTTP_HOST="footlog.example.org")
page = client.get("/accounts/login/", secure=True)
plain = client.get("/accounts/login/")
print(json.dumps({
    "status": page.status_code,
    "hsts": page.headers.get("Strict-Transport-Security", ""),
    "csp": page.headers.get("Content-Security-Policy", ""),
    "csrf_secure": bool(page.cookies["csrftoken"]["secure"]),
    "redirect": [plain.status_code, plain.headers.get("Location", "")],
}))
from django.conf import settings
print(json.dumps({"session_secure": settings.SESSION_COOKIE_SECURE, "session_name": settings.SESSION_COOKIE_NAME,
                  "session_httponly": settings.SESSION_COOKIE_HTTPONLY, "samesite": settings.SESSION_COOKIE_SAMESITE}))
"""


def test_https_deployment_sends_hsts_secure_cookies_and_redirects_plain_http(tmp_path):
    result = run_django(tmp_path, ["shell", "-c", PROBE], DJANGO_SECRET_KEY=secrets.token_urlsafe(60), **PRODUCTION)
    assert result.returncode == 0, result.stderr
    page, conf = (json.loads(line) for line in result.stdout.strip().splitlines()[-2:])
    assert page["status"] == 200
    assert "max-age=31536000" in page["hsts"] and "includeSubDomains" in page["hsts"]
    assert "upgrade-insecure-requests" in page["csp"]
    assert page["csrf_secure"] is True
    assert page["redirect"] == [301, "https://footlog.example.org/accounts/login/"]
    assert conf == {
        "session_secure": True,
        "session_name": "__Host-sessionid",
        "session_httponly": True,
        "samesite": "Lax",
    }


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def assert_hardened(response) -> dict[str, list[str]]:
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response["Content-Security-Policy"])
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    return policy


@pytest.mark.django_db
def test_page_carries_security_headers_and_a_csp(client):
    assert_hardened(client.get("/accounts/login/"))


def test_api_response_carries_security_headers_and_a_csp(api):
    response = api.get("/api/v1/sites/")
    assert response.status_code == 200
    assert_hardened(response)


@pytest.mark.django_db
def test_api_docs_come_from_the_local_sidecar_with_a_nonced_style_and_no_inline_script(client):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    policy = assert_hardened(page)
    assert not re.search(r"(src|href)=\"https?://", html), "Swagger UI must not load from a CDN"
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    nonce = re.search(r'<style nonce="([^"]+)"', html).group(1)
    assert f"'nonce-{nonce}'" in policy["style-src"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "every script is a file"
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "SwaggerUIBundle" in script.content.decode()


ROUTES_PROBE = """
from footlog.celery import app
import footlog.exports.tasks, reminders.tasks
route = lambda name: app.amqp.router.route({}, name)["queue"].name
print(route("reminders.tick"), route("reminders.send_deliveries"), route("exports.build_report"), route("footlog.ping"))
"""


@pytest.mark.parametrize(
    "queues,expected",
    [("true", "reminders reminders exports celery"), ("false", "celery celery celery celery")],
)
def test_reminders_and_exports_get_their_own_queues_only_when_asked(tmp_path, queues, expected):
    result = run_django(tmp_path, ["shell", "-c", ROUTES_PROBE], FOOTLOG_TASK_QUEUES=queues)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected
