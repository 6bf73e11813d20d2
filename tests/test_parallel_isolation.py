"""`make test` runs the suite on two xdist workers; each has its own share of every service (tests/isolated_env.py).
These pin the scheme: a clash would make tests fail at random, only when two of them meet."""

from __future__ import annotations

import os

from django.conf import settings
from django.db import connection

from tests.isolated_env import worker_redis_url


def test_a_worker_gets_redis_database_index_plus_one_on_the_same_server() -> None:
    assert worker_redis_url("redis://127.0.0.1:6379/0", 0) == "redis://127.0.0.1:6379/1"
    assert worker_redis_url("redis://127.0.0.1:6379/0", 1) == "redis://127.0.0.1:6379/2"
    assert worker_redis_url("redis://:secret@cache.internal:6380", 0) == "redis://:secret@cache.internal:6380/1"


def test_this_process_uses_its_workers_share(db: None) -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:  # a plain `pytest` run: the project's defaults
        assert settings.CELERY_TASK_DEFAULT_QUEUE == "celery"
        return
    index = int(worker.removeprefix("gw"))
    assert f"celery-{worker}" == settings.CELERY_TASK_DEFAULT_QUEUE
    assert str(settings.DATA_DIR).endswith(worker)
    if settings.REDIS_URL:
        assert str(settings.REDIS_URL).endswith(f"/{index + 1}")
    # PostgreSQL: pytest-django's `_gw<N>` suffix; SQLite: the file lives in the worker's own data dir.
    assert worker in connection.settings_dict["NAME"]  # the database in use


def test_the_suite_hashes_passwords_fast_and_real_hasher_restores_the_real_one(real_hasher: list[str]) -> None:
    from django.conf import global_settings

    assert real_hasher == list(global_settings.PASSWORD_HASHERS)
    assert settings.PASSWORD_HASHERS[0].endswith("PBKDF2PasswordHasher")


def test_other_tests_use_the_fast_hasher() -> None:
    assert settings.PASSWORD_HASHERS[0].endswith("MD5PasswordHasher")
