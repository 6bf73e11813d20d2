"""Behind the documented nginx every request comes from the proxy's address: rate limits must key on the client
the proxy names (FOOTLOG_TRUSTED_PROXIES hops), and without trusted proxies a client's X-Forwarded-For is ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client

from footlog.lib.logjson import JsonFormatter
from tests.conftest import PASSWORD

NGINX = "127.0.0.1"  # what gunicorn sees as REMOTE_ADDR behind the proxy on the same machine
CLIENT_A, CLIENT_B = "203.0.113.10", "198.51.100.20"
SHARE = {"from": "2026-10-01", "to": "2026-10-20", "include_photos": False, "expires_in_days": 7}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def one_proxy(settings):
    # Only footlog's setting: allauth's rate limits must follow it (through the account adapter).
    settings.FOOTLOG_TRUSTED_PROXIES = 1


def via_proxy(client_ip: str, claimed: str | None = None) -> dict[str, str]:
    """The request as a proxy forwards it, the address it saw last (deploy/nginx.conf overwrites the header, so
    there `claimed` is gone; a proxy using `$proxy_add_x_forwarded_for` keeps what the client wrote, on the left)."""
    chain = f"{claimed}, {client_ip}" if claimed else client_ip
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": chain}


def login(meta: dict[str, str], email: str, password: str) -> dict:
    response = Client(**meta).post(
        "/_allauth/app/v1/auth/login", {"email": email, "password": password}, content_type="application/json"
    )
    return {"status": response.status_code, **response.json()}


def failed_logins_from(meta_for_attempt, attempts: int = 11) -> list[str]:
    """Wrong passwords for distinct unknown emails (so only the per-IP limit can trip); the error codes."""
    return [
        login(meta_for_attempt(i), f"nobody-{i}@example.com", "wrong")["errors"][0]["code"] for i in range(attempts)
    ]


def test_failed_logins_behind_one_proxy_lock_only_that_client(one_proxy, user):
    codes = failed_logins_from(lambda i: via_proxy(CLIENT_A))
    assert codes[-1] == "too_many_login_attempts"  # A hit allauth's 10/m/ip limit...
    assert login(via_proxy(CLIENT_B), user.email, PASSWORD)["status"] == 200  # ...and B logs in all the same


def test_a_forged_left_entry_does_not_escape_the_limit(one_proxy, user):
    """Behind one proxy only the last entry counts: A cannot rotate what it writes itself."""
    codes = failed_logins_from(lambda i: via_proxy(CLIENT_A, claimed=f"192.0.2.{i}"))
    assert codes[-1] == "too_many_login_attempts"


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings, user):
    assert settings.FOOTLOG_TRUSTED_PROXIES == 0  # the default
    codes = failed_logins_from(lambda i: {"REMOTE_ADDR": CLIENT_A, "HTTP_X_FORWARDED_FOR": f"192.0.2.{i}"})
    assert codes[-1] == "too_many_login_attempts"  # rotating a spoofed header does not help


@pytest.fixture
def share_path(user, time_machine) -> str:
    time_machine.move_to(dt.datetime(2026, 10, 21, 9, 0, 10, tzinfo=dt.UTC), tick=False)  # one rate window
    owner = Client()
    owner.force_login(user)
    response = owner.post("/api/v1/shares/", SHARE, content_type="application/json")
    assert response.status_code == 201, response.content
    return urlsplit(response.json()["url"]).path


def bad_share_tokens(meta_for_attempt, attempts: int = 61) -> list[int]:
    return [Client(**meta_for_attempt(i)).get(f"/share/{'x' * 43}/").status_code for i in range(attempts)]


def test_bad_share_tokens_behind_one_proxy_block_only_that_client(one_proxy, share_path):
    codes = bad_share_tokens(lambda i: via_proxy(CLIENT_A))
    assert codes[:60] == [404] * 60 and codes[60] == 429
    assert Client(**via_proxy(CLIENT_B)).get(share_path).status_code == 200


def test_share_limit_ignores_x_forwarded_for_without_trusted_proxies(share_path):
    codes = bad_share_tokens(lambda i: {"REMOTE_ADDR": CLIENT_A, "HTTP_X_FORWARDED_FOR": f"192.0.2.{i}"})
    assert codes[60] == 429


def request_line(caplog) -> dict:
    [record] = [r for r in caplog.records if r.name == "footlog.request"]
    return json.loads(JsonFormatter().format(record))


def test_request_log_names_the_client_the_proxy_saw(one_proxy, db, caplog):
    caplog.set_level(logging.INFO, logger="footlog.request")
    Client(**via_proxy(CLIENT_A, claimed="192.0.2.1")).get(f"/no-such-page/{uuid.uuid4()}/")
    assert request_line(caplog)["client_ip"] == CLIENT_A


def test_request_log_ignores_x_forwarded_for_without_trusted_proxies(db, caplog):
    caplog.set_level(logging.INFO, logger="footlog.request")
    Client(REMOTE_ADDR=CLIENT_A, HTTP_X_FORWARDED_FOR="192.0.2.1").get("/no-such-page/")
    assert request_line(caplog)["client_ip"] == CLIENT_A


@pytest.mark.slow
def test_behind_one_proxy_on_real_gunicorn(postgres, redis_service, transactional_db, make_user, settings, tmp_path):
    """The same through the real web server, two processes sharing Redis: A is locked out of login, B is not,
    and each request line names the client."""
    import requests

    from tests.support.services import child_env, free_port, http_answers, start_gunicorn, wait_for

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # what gunicorn checks with
    user = make_user()
    port = free_port()
    env = child_env(FOOTLOG_TRUSTED_PROXIES="1", DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost")
    web = start_gunicorn(port, tmp_path, env, workers=2, threads=2)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: http_answers(f"{base}/privacy/", below=300), timeout=60)

        def login_as(client: str, email: str, password: str) -> requests.Response:
            return requests.post(
                f"{base}/_allauth/app/v1/auth/login",
                json={"email": email, "password": password},
                headers={"X-Forwarded-For": client},
                timeout=30,
            )

        codes = [login_as(CLIENT_A, f"nobody-{i}@example.com", "wrong").json()["errors"][0]["code"] for i in range(11)]
        assert codes[-1] == "too_many_login_attempts"
        assert login_as(CLIENT_B, user.email, PASSWORD).status_code == 200
    finally:
        web.stop()
    lines = [json.loads(line) for line in web.output().splitlines() if line.startswith('{"')]
    clients = {line.get("client_ip") for line in lines if line.get("logger") == "footlog.request"}
    assert {CLIENT_A, CLIENT_B} <= clients
