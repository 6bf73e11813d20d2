"""SQLite, the default, under concurrent writes over real HTTP: 20 clients each post an entry and then its photo
at the same moment. Every answer is a 201 and nothing is lost: writes begin with BEGIN IMMEDIATE, so a request
waits for the write lock within the busy timeout instead of failing with "database is locked" (a 500).

Two servers: footlog's real gunicorn (several processes and threads) on a fresh SQLite file, as `make run` and
a small deployment run it; and the test runner's live server on the test database (a file, not shared-cache
memory), as the browser tests use it.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.db import connection

from footlog.diary.models import Entry, Photo
from tests.conftest import PASSWORD
from tests.diary import photo_samples
from tests.support.services import ROOT, Process, free_port, http_answers, migrated_sqlite, start_gunicorn, wait_for

CLIENTS = 20
JPEG = photo_samples.jpeg()


def sign_in(base: str, email: str) -> requests.Session:
    """The headless app client's session token, as a native client would use it."""
    response = requests.post(
        f"{base}/_allauth/app/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=30
    )
    assert response.status_code == 200, response.text
    http = requests.Session()
    http.headers["X-Session-Token"] = response.json()["meta"]["session_token"]
    return http


def log_day_with_photo(http: requests.Session, base: str, day: int) -> list[int]:
    """One client: the day's entry, then its photo straight away (what the outbox does after being offline)."""
    entry = {"id": str(uuid.uuid4()), "date": f"2026-10-{day:02d}", "observations": [{"site": "left_heel", "count": 2}]}
    created = http.post(f"{base}/api/v1/entries/", json=entry, timeout=60)
    photo = http.post(
        f"{base}/api/v1/entries/{entry['id']}/photos/",
        files={"image": ("IMG.jpg", JPEG, "image/jpeg")},
        data={"site": "left_heel"},
        timeout=60,
    )
    return [created.status_code, photo.status_code]


def post_at_once(base: str, email: str) -> Counter[int]:
    token = sign_in(base, email).headers["X-Session-Token"]  # one sign-in: the password hash is slow on purpose
    sessions = [requests.Session() for _ in range(CLIENTS)]
    for http in sessions:
        http.headers["X-Session-Token"] = token
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        answers = pool.map(lambda i: log_day_with_photo(sessions[i], base, i + 1), range(CLIENTS))
        return Counter(status for pair in answers for status in pair)


SEED = """
import django; django.setup()
from allauth.account.models import EmailAddress
from accounts.consent import consent_give
from accounts.models import User
user = User.objects.create_user({email!r}, {password!r}, timezone="Europe/Berlin")
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
consent_give(user)
"""
COUNT = """
import django; django.setup()
from footlog.diary.models import Entry, Photo
print(Entry.objects.count(), Photo.objects.count())
"""


def sqlite_env(data_dir: Path) -> dict[str, str]:
    """The service-free defaults (SQLite in the data dir, file cache, embedded broker), whatever CI sets."""
    import os

    keep = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "FOOTLOG_"))}
    return {**keep, "FOOTLOG_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "footlog.settings"}


def run_python(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def gunicorn_on_sqlite(tmp_path: Path) -> Iterator[tuple[str, dict[str, str], Process]]:
    env = sqlite_env(tmp_path / "data")
    migrated_sqlite(tmp_path / "data")
    migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
    subprocess.run(migrate, cwd=ROOT, env=env, check=True, timeout=300)
    port = free_port()
    # make run's shape, with more threads: several processes and threads writing to one SQLite file.
    web: Process = start_gunicorn(port, tmp_path, env, workers=2, threads=8)
    try:
        wait_for(lambda: http_answers(f"http://127.0.0.1:{port}/api/v1/sites/", below=404), timeout=60)
        yield f"http://127.0.0.1:{port}", env, web
    finally:
        web.stop()


@pytest.mark.xdist_group("servers")  # starts servers or beat: never two at once (make test runs -n 2)
def test_gunicorn_on_sqlite_takes_20_concurrent_entries_with_photos(gunicorn_on_sqlite) -> None:
    base, env, web = gunicorn_on_sqlite
    email = f"busy-{uuid.uuid4().hex[:8]}@example.com"
    run_python(SEED.format(email=email, password=PASSWORD), env)
    statuses = post_at_once(base, email)
    assert statuses == Counter({201: 2 * CLIENTS}), (statuses, web.output()[-3000:])
    assert "locked" not in web.output()
    assert run_python(COUNT, env).split() == [str(CLIENTS), str(CLIENTS)]


@pytest.mark.django_db(transaction=True)
def test_the_live_server_on_the_sqlite_test_database_takes_20_concurrent_entries_with_photos(
    live_server, user, settings
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("about the SQLite test database; the gunicorn test covers SQLite whatever DATABASE_URL says")
    assert not connection.is_in_memory_db(), "live-server tests need a file, not shared-cache memory"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user.set_password(PASSWORD)
    user.save()
    statuses = post_at_once(live_server.url, user.email)
    assert statuses == Counter({201: 2 * CLIENTS}), statuses
    assert (Entry.objects.filter(user=user).count(), Photo.objects.filter(user=user).count()) == (CLIENTS, CLIENTS)
