"""Real services for tests: PostgreSQL, Redis, a Celery worker process and an SMTP sink.

Outside CI a missing service skips the test with a reason; with FOOTLOG_REQUIRE_SERVICES=1 (CI) it fails.
"""

from __future__ import annotations

import email
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def need(condition: bool, reason: str) -> None:
    """Skip (locally) or fail (CI) when a real service the test needs is not there."""
    if condition:
        return
    if settings.FOOTLOG_REQUIRE_SERVICES:
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(reason)


def redis_available() -> bool:
    if not settings.REDIS_URL:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def clear_shared_cache() -> None:
    """Forget rate-limit counters without touching the broker's keys in a shared Redis."""
    from django.core.cache import cache

    if settings.REDIS_URL:
        client = cache._cache.get_client()  # type: ignore[attr-defined]
        for key in client.scan_iter("footlog:*"):
            client.delete(key)
    else:
        cache.clear()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def http_answers(url: str, *, below: int = 500) -> bool:
    """True when `url` answers with a status under `below`; False while a server is not listening or still
    booting (patient timeouts: the machine may be busy)."""
    import requests

    try:
        return requests.get(url, timeout=10).status_code < below
    except requests.RequestException:
        return False


def wait_for(predicate: Callable[[], Any], timeout: float = 20.0, interval: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


def test_database_url() -> str:
    """A URL for the database the test runner created, so that child processes share it."""
    params = connection.settings_dict
    user = params.get("USER") or "postgres"
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{params['NAME']}"


def child_env(**extra: str) -> dict[str, str]:
    """Environment for a footlog child process (worker, beat, web) bound to the test database."""
    env = {
        **os.environ,
        "DATABASE_URL": test_database_url(),
        "FOOTLOG_DATA_DIR": str(settings.DATA_DIR),
        "PYTHONUNBUFFERED": "1",
    }
    env.update(extra)
    return env


class Process:
    """A footlog child process whose output is kept in a file for failure messages."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path):
        self.log = log
        self._handle = log.open("wb")
        self.popen = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self._handle, stderr=subprocess.STDOUT, start_new_session=True
        )

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self, sig: int = 15) -> None:
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, sig)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, 9)
                self.popen.wait()
        self._handle.close()


def start_celery(kind: str, tmp_path: Path, *extra_args: str, **env: str) -> Process:
    """Start `celery worker` or `celery beat` for the footlog app against the test database and Redis."""
    args = [sys.executable, "-m", "celery", "-A", "footlog", kind, "--loglevel", "INFO", *extra_args]
    if kind == "worker":
        args += ["--concurrency", "1", "--without-gossip", "--without-mingle", "-n", f"test-{os.getpid()}@%h"]
    return Process(args, child_env(**env), tmp_path / f"celery-{kind}-{time.monotonic_ns()}.log")


def start_gunicorn(port: int, tmp_path: Path, env: dict[str, str], *, workers: int = 1, threads: int = 4) -> Process:
    """Start footlog's real web server (gunicorn with footlog/gunicorn.conf.py) on 127.0.0.1:`port`."""
    args = [
        sys.executable,
        "-m",
        "gunicorn",
        "footlog.wsgi",
        "--config",
        "footlog/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
    ]
    return Process(args, env, tmp_path / f"gunicorn-{port}.log")


class SmtpSink:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address in str(m["To"])]


def run_smtp_sink() -> Iterator[tuple[SmtpSink, int]]:
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


def start_private_redis(tmp_path: Path, port: int | None = None) -> tuple[Process, int]:
    """A throw-away redis-server of this test on a free port (never CI's 6379), for outage tests; `port` starts
    it again where a stopped one was."""
    import shutil

    need(shutil.which("redis-server") is not None, "needs redis-server on PATH")
    port = port or free_port()
    args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = Process(args, dict(os.environ), tmp_path / f"redis-{port}-{time.monotonic_ns()}.log")

    def answers() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    wait_for(answers, timeout=20)
    return server, port


_SQLITE_TEMPLATE: list[Path] = []


def migrated_sqlite(data_dir: Path) -> Path:
    """Put the database a fresh SQLite install has after `manage.py migrate` into `data_dir` (footlog.sqlite3, the
    default name). The migrations run once per test process, by that same command in a data dir of its own, and
    every caller gets a copy: a migration of the whole project costs 5 s of CPU (30 s and more on the loaded
    machine), and four tests start fresh installs. The callers still run `migrate` on the copy, as `make run`
    does on every start (nothing left to apply)."""
    import sqlite3

    if not _SQLITE_TEMPLATE:
        template = Path(os.environ["FOOTLOG_DATA_DIR"]) / f"sqlite-template-{os.getpid()}"
        template.mkdir(parents=True, exist_ok=True)
        keep = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS_URL", "FOOTLOG_"))}
        env = {**keep, "FOOTLOG_DATA_DIR": str(template), "DJANGO_SETTINGS_MODULE": "footlog.settings"}
        migrate = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
        subprocess.run(migrate, cwd=ROOT, env=env, check=True, timeout=300)
        _SQLITE_TEMPLATE.append(template / "footlog.sqlite3")
    database = data_dir / "footlog.sqlite3"
    data_dir.mkdir(parents=True, exist_ok=True)
    assert not database.exists(), f"{database} exists already"
    # SQLite's backup API, not a file copy: it reads a consistent database, pages still in a WAL file included.
    with closing(sqlite3.connect(_SQLITE_TEMPLATE[0])) as source, closing(sqlite3.connect(database)) as copy:
        source.backup(copy)
    return database
