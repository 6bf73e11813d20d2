"""Load and faults: 100 clients x 10 entries against a real gunicorn on PostgreSQL + Redis (not run in CI).

In one run, on the same processes:
  1. baseline: every client reads `GET /api/v1/sites/` (auth + middleware, no writes) 10 times;
  2. load: every client logs 10 entries (its own client ids). ~15 % of the attempts are cut: half lose the
     response (the request was sent, the client stops reading), half abort mid-upload (socket closed after half
     the body). The client retries with the same id until it gets 201/200, as the PWA's outbox does;
  3. fault: while (2) runs, the bench's own Redis is stopped for a few seconds and started again (empty: queued
     messages are lost, as they would be in a crash), and one user's reminder falls due during the outage.
Checks: exactly 1,000 entries (10 per client), no 5xx, and the reminder mail arrives once after Redis is back
(from the next beat tick). Prints p50/p95 of (1) and (2) and their ratio.

    .venv/bin/python bench/load.py [--clients 100] [--entries 10] [--drop 0.15] [--outage 8]
    .venv/bin/python bench/load.py --smoke   # 4 clients x 3 entries, no outage, no beat: the test suite runs it

Uses its own database (BENCH_DB_NAME, default `footlog_bench_load`, dropped and recreated; --smoke drops it at
the end) on BENCH_PG (default postgres://postgres@127.0.0.1:5432) and its OWN redis-server on BENCH_REDIS_PORT
(default: a free port), never the shared 6379. Starts gunicorn (2 processes x 4 threads), one Celery worker and
beat, and stops them all. The clients are users who agreed to the storage of health data (without that consent
every entry answers 403 and the bench would measure nothing). Goals (issue 25, printed first): entry POST p50
<= 2.0x and p95 <= 3.0x of the bare GET's in the same run. It exits 1 when a check fails or a goal is missed; with
--smoke only when it measured nothing (no entry stored, or no request answered below 400).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import requests

if TYPE_CHECKING:
    from aiosmtpd.smtp import SMTP, Envelope, Session

    from accounts.models import User

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = os.environ.get("BENCH_DB_NAME", "footlog_bench_load")  # another name for parallel runs


class Sink:
    """aiosmtpd handler that keeps the recipients of every message."""

    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def spawn(args: list[str], log: Path, **env: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        args,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def start_redis(port: int, workdir: Path) -> subprocess.Popen[bytes]:
    """A throw-away redis-server without persistence: a restart starts empty, like losing the broker's memory."""
    args = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = spawn([*args, "--dir", str(workdir)], workdir / "redis.log")
    wait_until(lambda: _redis_up(port), 20, "redis-server")
    return process


def _redis_up(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(port=port, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def wait_until(predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(interval)


def prepare(pg: str, redis_port: int, smtp_port: int, data_dir: Path) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ.update(
        DATABASE_URL=f"{pg}/{DB_NAME}",
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        FOOTLOG_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE="footlog.settings",
        FOOTLOG_LOG_LEVEL="WARNING",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )


def create_clients(n: int) -> list[dict[str, str]]:
    """N verified users, each with a signed-in session (as a browser would hold) and a CSRF token."""
    from allauth.account.models import EmailAddress
    from django.test import Client

    from accounts.consent import consent_give
    from accounts.models import User

    sessions = []
    for i in range(n):
        user = User.objects.create_user(f"load-{i}@example.com", None, timezone="Europe/Berlin")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        consent_give(user)
        client = Client()
        client.force_login(user)
        sessions.append({"sessionid": client.cookies["sessionid"].value, "csrftoken": secrets.token_hex(16)})
    return sessions


def reminder_user() -> tuple[str, object]:
    """A user whose daily reminder is enabled; the bench makes it fall due while Redis is down."""
    from allauth.account.models import EmailAddress

    from accounts.consent import consent_give
    from accounts.models import User
    from reminders import services

    user = User.objects.create_user("load-reminder@example.com", None, timezone="UTC")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    consent_give(user)
    services.preferences_update(
        user,
        {"enabled": True, "time": dt.time(3, 0), "timezone": "UTC", "channels": ["email"], "weekly_photo": False},
    )
    return user.email, user


class LoadClient:
    """One user's device: its own HTTP connection, its own outbox of entries, retries with the same ids."""

    def __init__(self, base: str, port: int, cookies: dict[str, str], rng: random.Random, drop: float):
        self.base, self.port, self.rng, self.drop = base, port, rng, drop
        self.http = requests.Session()
        self.http.cookies.update(cookies)
        self.csrf_token = cookies["csrftoken"]
        self.http.headers.update({"X-CSRFToken": self.csrf_token, "Accept": "application/json"})
        self.cookie_header = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()
        self.dropped = Counter[str]()

    def bare(self, times: int) -> None:
        for _ in range(times):
            self._timed(lambda: self.http.get(f"{self.base}/api/v1/sites/", timeout=60))

    def log_entries(self, count: int, on_each: Callable[[], None] | None = None) -> None:
        for day in range(count):
            entry = {
                "id": str(uuid.uuid4()),
                "date": (dt.date(2026, 10, 1) + dt.timedelta(days=day)).isoformat(),
                "notes": f"load test day {day}",
                "observations": [{"site": "left_heel", "count": self.rng.randint(0, 9), "largest_mm": 1.5}],
            }
            self._send_until_stored(entry)
            if on_each:
                on_each()

    def _send_until_stored(self, entry: Mapping[str, object]) -> None:
        for attempt in range(30):
            if self.rng.random() < self.drop:
                self._dropped_attempt(entry)
            else:
                try:
                    response = self._timed(
                        lambda: self.http.post(f"{self.base}/api/v1/entries/", json=entry, timeout=60)
                    )
                except requests.RequestException:
                    self.dropped["error"] += 1
                else:
                    if response.status_code in (200, 201):
                        return
            time.sleep(min(2.0, 0.05 * 2**attempt) * self.rng.random())  # jittered backoff, as the outbox does
        raise SystemExit(f"entry {entry['id']} never stored")

    def _dropped_attempt(self, entry: Mapping[str, object]) -> None:
        body = json.dumps(entry).encode()
        if self.rng.random() < 0.5:
            # The request reaches the server whole; the client gives up before the answer comes back.
            self.dropped["lost response"] += 1
            with contextlib.suppress(requests.RequestException):
                self.http.post(f"{self.base}/api/v1/entries/", json=entry, timeout=(5, 0.001))
            return
        # The connection breaks half-way through the upload.
        self.dropped["aborted upload"] += 1
        head = (
            f"POST /api/v1/entries/ HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nCookie: {self.cookie_header}\r\n"
            f"X-CSRFToken: {self.csrf_token}\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(head + body[: len(body) // 2])

    def _timed(self, call: Callable[[], requests.Response]) -> requests.Response:
        started = time.perf_counter()
        response = call()
        self.latencies.append(time.perf_counter() - started)
        self.statuses[response.status_code] += 1
        return response


def run_clients(clients: list[LoadClient], work: Callable[[LoadClient], None]) -> float:
    threads = [threading.Thread(target=work, args=(c,)) for c in clients]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def percentiles(values: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(values, n=100)
    return cuts[49] * 1000, cuts[94] * 1000


P50_GOAL, P95_GOAL = 2.0, 3.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--entries", type=int, default=10)
    parser.add_argument("--drop", type=float, default=0.15, help="share of attempts whose connection is cut")
    parser.add_argument("--outage", type=float, default=8.0, help="seconds Redis stays down")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--smoke", action="store_true", help="a tiny run (seconds) that only checks it measures")
    options = parser.parse_args()
    if options.smoke:
        options.clients, options.entries = 4, 3
    print(
        f"goals: POST entries/ p50 <= {P50_GOAL}x and p95 <= {P95_GOAL}x of bare GET sites/ in the same run; "
        "every entry stored exactly once, no 5xx, the reminder due in the outage mailed once"
        + (" (ratios not judged on --smoke)" if options.smoke else "")
    )
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    redis_port = int(os.environ.get("BENCH_REDIS_PORT") or free_port())
    if redis_port == 6379:
        raise SystemExit("BENCH_REDIS_PORT must not be the shared Redis (6379): the bench stops it")
    workdir = Path(tempfile.mkdtemp(prefix="footlog-load-"))

    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    processes: dict[str, subprocess.Popen[bytes]] = {}
    try:
        processes["redis"] = start_redis(redis_port, workdir)
        prepare(pg, redis_port, controller.port, workdir / "data")
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        sessions = create_clients(options.clients)
        reminder_email, reminder_owner = reminder_user()
        print(f"setup: {options.clients} signed-in clients in {time.perf_counter() - started:.1f} s")

        port = free_port()
        processes["web"] = spawn(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "footlog.wsgi",
                "--config",
                "footlog/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--threads",
                "4",
            ],
            workdir / "web.log",
        )
        processes["worker"] = spawn(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "footlog",
                "worker",
                "--loglevel",
                "WARNING",
                "--concurrency",
                "1",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"load-{os.getpid()}@%h",
            ],
            workdir / "worker.log",
        )
        if not options.smoke:  # the smoke run has no outage and no reminder to wait for
            processes["beat"] = spawn(
                [
                    sys.executable,
                    "-m",
                    "celery",
                    "-A",
                    "footlog",
                    "beat",
                    "--loglevel",
                    "WARNING",
                    "-s",
                    str(workdir / "beat-schedule"),
                ],
                workdir / "beat.log",
            )
        base = f"http://127.0.0.1:{port}"
        wait_until(lambda: _web_up(base), 90, "gunicorn")

        rng = random.Random(options.seed)
        clients = [LoadClient(base, port, s, random.Random(rng.random()), options.drop) for s in sessions]
        bare_s = run_clients(clients, lambda c: c.bare(options.entries))
        bare = [lat for c in clients for lat in c.latencies]
        bare_statuses = sum((c.statuses for c in clients), Counter())
        for c in clients:
            c.latencies, c.statuses = [], Counter()

        total = options.clients * options.entries
        done: defaultdict[str, float] = defaultdict(float)  # entries stored, and the outage's seconds
        lock = threading.Lock()
        outage = threading.Event()

        def progress() -> None:
            with lock:
                done["entries"] += 1
                if done["entries"] == total * 4 // 10:
                    outage.set()

        fault = threading.Thread(
            target=redis_outage, args=(outage, processes, redis_port, workdir, options.outage, reminder_owner, done)
        )
        if not options.smoke:
            fault.start()
        load_s = run_clients(clients, lambda c: c.log_entries(options.entries, progress))
        outage.set()
        if not options.smoke:
            fault.join()

        load = [lat for c in clients for lat in c.latencies]
        statuses = sum((c.statuses for c in clients), Counter())
        dropped = sum((c.dropped for c in clients), Counter())
        from footlog.diary.models import Entry

        stored = Entry.objects.count()
        per_user = Counter(Entry.objects.values_list("user_id", flat=True))
        print(f"baseline GET sites/: {len(bare)} requests in {bare_s:.1f} s, statuses {dict(bare_statuses)}")
        print(
            f"load POST entries/: {len(load)} answered + {sum(dropped.values())} cut {dict(dropped)} "
            f"in {load_s:.1f} s, statuses {dict(sorted(statuses.items()))}"
        )
        if not options.smoke:
            print(f"Redis outage: {done['outage_s']:.1f} s while {done['during_outage']:.0f} entries were stored")
        b50, b95 = percentiles(bare)
        l50, l95 = percentiles(load)
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(
            f"latency ms    p50    p95\n  baseline {b50:7.1f} {b95:7.1f}\n  entries  {l50:7.1f} {l95:7.1f}"
            f"\n  ratio    {l50 / b50:7.2f} {l95 / b95:7.2f}"
        )

        if options.smoke:
            answered = sum(n for code, n in (statuses + bare_statuses).items() if code < 400)
            print(f"entries stored: {stored} (expected {total}); requests answered below 400: {answered}")
            nothing = not stored or not answered
            print("RESULT:", "FAILED: measured nothing" if nothing else "OK (smoke: measured)")
            if nothing:
                print(f"logs in {workdir}")
                sys.exit(1)
            return
        wait_started = time.perf_counter()
        try:
            wait_until(lambda: reminder_email in sink.recipients, 150, "the reminder after Redis came back", 0.5)
            time.sleep(3)
            mails = sink.recipients.count(reminder_email)
            print(
                f"reminder due during the outage: {mails} mail, {time.perf_counter() - wait_started:.0f} s "
                "after the load ended (next beat tick)"
            )
        except SystemExit:
            mails = 0
            print("reminder due during the outage: NOT delivered within 150 s")

        failures = []
        if stored != total or any(n != options.entries for n in per_user.values()):
            failures.append(f"{stored} entries stored, expected exactly {total}")
        if any(code >= 500 for code in statuses) or any(code >= 500 for code in bare_statuses):
            failures.append("5xx answers")
        if mails != 1:
            failures.append(f"{mails} reminder mails, expected exactly 1")
        if l50 / b50 > P50_GOAL:
            failures.append(f"goal missed: p50 x{l50 / b50:.2f} > x{P50_GOAL}")
        if l95 / b95 > P95_GOAL:
            failures.append(f"goal missed: p95 x{l95 / b95:.2f} > x{P95_GOAL}")
        print(
            f"entries stored: {stored} (expected {total}); 5xx: {sum(n for code, n in statuses.items() if code >= 500)}"
        )
        print("RESULT:", "OK" if not failures else "FAILED: " + "; ".join(failures))
        if failures:
            print(f"logs in {workdir}")
            sys.exit(1)
    finally:
        for process in reversed(list(processes.values())):
            stop(process)
        controller.stop()
        if options.smoke:
            drop_database(pg)


def drop_database(pg: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def redis_outage(
    start: threading.Event,
    processes: dict[str, subprocess.Popen[bytes]],
    port: int,
    workdir: Path,
    seconds: float,
    owner: User,
    done: defaultdict[str, float],
) -> None:
    """Stop Redis when 40 % of the entries are in; make the reminder due; start Redis again `seconds` later."""
    from django.db import connection
    from django.utils import timezone

    from reminders.models import Reminder

    start.wait()
    if processes["redis"].poll() is not None:
        return
    before = done["entries"]
    stop(processes["redis"])
    began = time.perf_counter()
    Reminder.objects.filter(user=owner, kind="daily_log").update(next_fire_at=timezone.now())
    time.sleep(seconds)
    done["during_outage"] = done["entries"] - before
    processes["redis"] = start_redis(port, workdir)
    done["outage_s"] = time.perf_counter() - began
    connection.close()


def _web_up(base: str) -> bool:
    try:
        return requests.get(f"{base}/privacy/", timeout=10).status_code == 200
    except requests.RequestException:
        return False


if __name__ == "__main__":
    main()
