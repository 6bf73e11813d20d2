from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from accounts.consent import consent_give
from accounts.models import User
from tests.support.browser import chromium, playwright_driver  # noqa: F401 (shared fixtures)
from tests.support.network import loopback_only  # noqa: F401 (autouse: every test stays on loopback)
from tests.support.services import (
    Process,
    SmtpSink,
    clear_shared_cache,
    need,
    redis_available,
    run_smtp_sink,
    start_celery,
)

PASSWORD = "a sturdy passphrase 42"


# Under xdist the longest tests go first: a long test queued last would run alone on one core while the other core
# idles at the end of the run. (--dist loadgroup queues an xdist_group before single tests.)
FIRST_MARKS = ("slow", "browser", "services")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return  # one process: the file order, as written

    def rank(item: pytest.Item) -> int:
        return next((i for i, mark in enumerate(FIRST_MARKS) if item.get_closest_marker(mark)), len(FIRST_MARKS))

    items.sort(key=rank)  # stable: the file order within each rank, and the same on every worker


@pytest.fixture(scope="session", autouse=True)
def _plain_static_names(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Pages render plain static names in tests: STATIC_ROOT is an empty dir, so no manifest from an earlier
    collectstatic (perhaps stale) applies, and the live server's static handler (the finders) serves every file.
    Hashed names and their cache are tested where they are collected (tests/browser/test_phone_weight.py)."""
    from django.test import override_settings

    with override_settings(STATIC_ROOT=str(tmp_path_factory.mktemp("static-root"))):
        yield


@pytest.fixture(scope="session", autouse=True)
def _flush_by_delete() -> Iterator[None]:
    """Transactional tests (live server, real workers) empty every table after each test with Django's flush. On
    PostgreSQL that is one TRUNCATE of every table, which replaces each table's and index's files: 1.1-1.5 s per
    test on the loaded 2-core machine, against 0.07-0.11 s for DELETE on the few rows a test leaves. Same result:
    every table empty (sequences are not reset by either; a test asking for reset_sequences gets the TRUNCATE);
    the foreign keys are deferred (Django creates them DEFERRABLE INITIALLY DEFERRED), so the order is free."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def delete(
        self: DatabaseOperations,
        style: Any,
        tables: Any,
        *,
        reset_sequences: bool = False,
        allow_cascade: bool = False,
    ) -> list[str]:
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;", *(f"DELETE FROM {self.quote_name(table)};" for table in tables)]  # noqa: S608 (table names)

    DatabaseOperations.sql_flush = delete  # type: ignore[method-assign,assignment]
    yield
    DatabaseOperations.sql_flush = truncate  # type: ignore[method-assign,assignment]


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    clear_shared_cache()
    yield


@pytest.fixture
def real_hasher(settings: Any) -> list[str]:
    """The project's real password hashers (PBKDF2 first) instead of the suite's fast one (tests/settings.py), for
    tests whose point is the time hashing takes: sign-up timing, the passcode race."""
    settings.PASSWORD_HASHERS = list(django_settings.REAL_PASSWORD_HASHERS)
    return list(settings.PASSWORD_HASHERS)


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    """A verified user who agreed to the current consent text (pass `consent=False` for one who has not: the API
    answers them 403 consent_required and the pages send them to the welcome step)."""

    def make(
        email: str | None = None, *, timezone: str = "Europe/Berlin", password: str = PASSWORD, consent: bool = True
    ) -> User:
        import uuid

        address = email or f"user-{uuid.uuid4().hex[:10]}@example.com"
        user = User.objects.create_user(address, password, timezone=timezone)
        EmailAddress.objects.create(user=user, email=address, verified=True, primary=True)
        return consent_give(user) if consent else user

    return make


@pytest.fixture
def user(make_user: Callable[..., User]) -> User:
    return make_user()


@pytest.fixture
def other_user(make_user: Callable[..., User]) -> User:
    return make_user()


def logged_in(user: User) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def api(user: User) -> APIClient:
    """The owner's client (session login)."""
    return logged_in(user)


@pytest.fixture
def outsider(other_user: User) -> APIClient:
    """Another signed-in user: must see 404 for everything of `user`'s."""
    return logged_in(other_user)


@pytest.fixture
def consented(user: User) -> User:
    """The signed-in user once they agreed to the storage of health data (`make_user` gives it by default)."""
    return consent_give(user)


@pytest.fixture
def unconsented_user(make_user: Callable[..., User]) -> User:
    """Signed up and verified, but has not agreed to the storage of health data yet."""
    return make_user(consent=False)


@pytest.fixture
def unconsented_api(unconsented_user: User) -> APIClient:
    """The API client of `unconsented_user` (session login)."""
    return logged_in(unconsented_user)


@pytest.fixture
def browser(consented: User) -> Client:
    """A Django test client signed in as `consented`: the app's pages, as a browser would fetch them."""
    client = Client()
    client.force_login(consented)
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def postgres(db: None) -> None:
    need(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def redis_service() -> str:
    need(redis_available(), "needs Redis (set REDIS_URL)")
    return str(django_settings.REDIS_URL)


@pytest.fixture
def smtp_sink(settings: Any) -> Iterator[SmtpSink]:
    """A real SMTP server on localhost; Django's mail goes to it for the test."""
    for sink, port in run_smtp_sink():
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        sink.port = port  # type: ignore[attr-defined]
        yield sink


@pytest.fixture
def celery_worker(transactional_db: None, postgres: None, redis_service: str, tmp_path: Path) -> Iterator[Process]:
    """A real `celery worker` process on Redis, sharing the test PostgreSQL database."""
    from footlog.celery import ping

    worker = start_celery("worker", tmp_path)
    try:
        assert ping.delay("ready").get(timeout=60) == "ready"
        yield worker
    except Exception:
        print(worker.output())
        raise
    finally:
        worker.stop()
