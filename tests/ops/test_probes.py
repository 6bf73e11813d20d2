"""/healthz and /readyz: no login, no versions, hosts or data; 503 naming the failing check (Redis stopped), 200
again once it is back; exempt from the https redirect; never logged as errors."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from footlog.lib.cache import redis_cache_settings
from tests.support.services import start_private_redis


@pytest.fixture
def private_redis(settings, tmp_path):
    """Cache and broker on a Redis of this test (the machine's shared Redis is never stopped)."""
    server, port = start_private_redis(tmp_path)
    url = f"redis://127.0.0.1:{port}/0"
    settings.REDIS_URL = url
    settings.CELERY_BROKER_URL = url
    settings.CACHES = {"default": redis_cache_settings(url)}
    yield server, port
    server.stop()


def test_healthz_answers_without_login_or_io():
    response = Client().get("/healthz")  # no `db` fixture: any query would raise
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_readyz_names_every_check_with_its_time(db, private_redis):
    response = Client().get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ready"
    assert set(body["checks"]) == {"database", "migrations", "cache", "broker", "photo_storage"}
    for check in body["checks"].values():
        assert check["ok"] is True
        assert isinstance(check["ms"], float | int) and check["ms"] >= 0
    assert set(check) == {"ok", "ms"}  # nothing else: no versions, hosts, errors


def test_readyz_is_503_naming_redis_while_it_is_down_and_200_after(db, private_redis, tmp_path, caplog):
    server, port = private_redis
    server.stop()
    caplog.set_level(logging.DEBUG)
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["cache", "broker"]
    assert body["checks"]["database"]["ok"] is True
    text = response.content.decode()
    assert "127.0.0.1" not in text and str(port) not in text and "Error" not in text
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], "a probe's 503 is not an error"
    assert any(r.name == "footlog.ops.health" and r.levelno == logging.WARNING for r in caplog.records)

    again, _ = start_private_redis(tmp_path, port=port)
    try:
        assert Client().get("/readyz").status_code == 200
    finally:
        again.stop()


def test_readyz_is_503_when_photo_storage_is_not_writable(db, settings, tmp_path):
    (tmp_path / "disk").write_text("a file where the folder should be (permissions alone do not stop root)")
    folder = tmp_path / "disk" / "photos"
    settings.STORAGES = {
        **settings.STORAGES,
        "photos": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(folder)}},
    }
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["photo_storage"]


def test_readyz_is_503_when_migrations_are_missing(db, monkeypatch):
    from footlog.ops import health

    monkeypatch.setattr(health, "_migrations_applied", False)
    monkeypatch.setattr(health.MigrationExecutor, "migration_plan", lambda self, targets: [("x", False)])
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["migrations"]


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_are_exempt_from_the_https_redirect(db, settings, path):
    settings.SECURE_SSL_REDIRECT = True
    assert Client().get(path).status_code == 200
    assert Client().get("/privacy/").status_code == 301  # the redirect is on for everything else
