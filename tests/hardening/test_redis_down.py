"""Redis gone: login still works and rate limits still count (per process, with a warning), never a 500 and
never open. The Redis here is this test's own redis-server, stopped mid-test; CI's shared one is not touched."""

from __future__ import annotations

import logging

import pytest
import redis
from django.core.cache import cache
from django.test import Client

from footlog.lib import cache as resilient
from footlog.lib.cache import redis_cache_settings
from tests.conftest import PASSWORD
from tests.support.services import need, start_private_redis


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def private_redis(settings, tmp_path):
    """The Django cache on a Redis of our own; yields a function that stops it."""
    server, port = start_private_redis(tmp_path)
    settings.CACHES = {"default": redis_cache_settings(f"redis://127.0.0.1:{port}/0")}
    yield server.stop
    server.stop()


def login(email: str, password: str, **meta: str):
    return Client(**meta).post(
        "/_allauth/app/v1/auth/login", {"email": email, "password": password}, content_type="application/json"
    )


def test_headless_login_works_while_redis_is_down(private_redis, user, caplog):
    assert login(user.email, PASSWORD).status_code == 200  # through Redis
    private_redis()
    caplog.set_level(logging.WARNING, logger="footlog.lib.cache")
    response = login(user.email, PASSWORD)
    assert response.status_code == 200, response.content
    assert any("per-process memory cache" in r.getMessage() for r in caplog.records)


def test_login_page_works_while_redis_is_down(private_redis, user):
    private_redis()
    response = Client().post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content


def test_rate_limits_still_count_while_redis_is_down(private_redis, user):
    private_redis()
    codes = [login(f"nobody-{i}@example.com", "wrong").json()["errors"][0]["code"] for i in range(11)]
    assert codes[:10] == ["email_password_mismatch"] * 10
    assert codes[10] == "too_many_login_attempts"  # never fails open


def test_the_cache_returns_to_redis_once_it_answers_again(settings, tmp_path, monkeypatch):
    server, port = start_private_redis(tmp_path)
    settings.CACHES = {"default": redis_cache_settings(f"redis://127.0.0.1:{port}/0", key_prefix="")}
    monkeypatch.setattr(resilient, "RETRY_AFTER_SECONDS", 0.0)
    server.stop()
    cache.set("k", "in memory")
    assert cache.get("k") == "in memory"
    server, _ = start_private_redis(tmp_path, port)
    try:
        cache.set("k", "in redis")
        assert redis.Redis(port=port).get(":1:k") is not None  # written to Redis again, not to memory
    finally:
        server.stop()


def test_the_project_cache_on_redis_is_the_resilient_one(settings):
    need(bool(settings.REDIS_URL), "needs REDIS_URL")
    assert settings.CACHES["default"]["BACKEND"] == redis_cache_settings("redis://x")["BACKEND"]
