"""Reminder fan-out: N users due in the same minute, on PostgreSQL + Redis, with a real worker and SMTP sink.

Measures, in one run and on the same Redis:
  1. dispatch: the tick claiming all N reminders, creating N deliveries and enqueuing the send batches
     (goal ≤ 30 s for 100,000);
  2. baseline: raw Celery throughput of the no-op `footlog.ping` task through a worker (tasks/s);
  3. delivery: mails/s from the same worker to a local SMTP sink (goal ≥ half the no-op rate).
The send tasks and the no-op tasks are held aside and released to one running worker in alternating rounds,
so both rates are measured in the same minutes (the machine's load changes; separate phases were not comparable).

Only the daily-log reminder is created per user (no weekly photo or visit-nudge rows), so N claims = N mails.

    .venv/bin/python bench/reminders_fanout.py [--users 100000] [--rounds 10] [--noop 1000] [--concurrency 2]
    .venv/bin/python bench/reminders_fanout.py --smoke   # 20 users, 2 rounds of 20: the test suite runs it

The goals are printed first. It exits 1 when it measured nothing (no reminder claimed, no mail sent) and, except
with --smoke (sizes too small to mean anything), when a goal is missed: dispatch of 100,000 or more users in
≤ 30 s, delivery ≥ 0.5 of the no-op rate. --smoke also drops its database at the end.

Uses its own database (`footlog_bench_reminders`, dropped and recreated) on BENCH_PG (default
postgres://postgres@127.0.0.1:5432) and Redis db BENCH_REDIS_URL (default redis://127.0.0.1:6379/4); only the
Celery queue in that db is purged.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import redis
    from aiosmtpd.smtp import SMTP, Envelope, Session
    from celery.result import AsyncResult

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB_NAME = os.environ.get("BENCH_DB_NAME", "footlog_bench_reminders")  # another name for parallel runs
GOAL_USERS, DISPATCH_GOAL_S, RATIO_GOAL = 100_000, 30.0, 0.5
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]


class CountingSink:
    """aiosmtpd handler that only counts: the sink must not be the bottleneck being measured."""

    def __init__(self) -> None:
        self.count = 0
        self.first: float | None = None
        self.last = 0.0
        self._lock = threading.Lock()

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        with self._lock:
            now = time.perf_counter()
            self.first = self.first or now
            self.last = now
            self.count += len(envelope.rcpt_tos)
        return "250 OK"


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prepare_environment(pg: str, redis_url: str, smtp_port: int) -> None:
    import psycopg

    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    os.environ.update(
        DATABASE_URL=f"{pg}/{DB_NAME}",
        REDIS_URL=redis_url,
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_port}",
        FOOTLOG_DATA_DIR=tempfile.mkdtemp(prefix="footlog-bench-"),
        DJANGO_SETTINGS_MODULE="footlog.settings",
        FOOTLOG_LOG_LEVEL="WARNING",
    )


def create_users(n: int, due: dt.datetime) -> None:
    """N users whose daily reminder is due at `due` (each at its own local wall time of that instant)."""
    from accounts.models import User
    from reminders.models import Reminder, ReminderPreference

    users = [User(email=f"bench-{i}@example.com", password="!", timezone=ZONES[i % len(ZONES)]) for i in range(n)]
    User.objects.bulk_create(users, batch_size=5000)
    users = list(User.objects.only("id", "timezone"))
    from zoneinfo import ZoneInfo

    prefs = [
        ReminderPreference(
            user=u,
            enabled=True,
            time=due.astimezone(ZoneInfo(u.timezone)).time().replace(second=0, microsecond=0),
            weekly_photo=False,
        )
        for u in users
    ]
    ReminderPreference.objects.bulk_create(prefs, batch_size=5000)
    Reminder.objects.bulk_create(
        [Reminder(user_id=p.user_id, preference=p, kind="daily_log", next_fire_at=due) for p in prefs], batch_size=5000
    )


def start_worker(concurrency: int, log: Path) -> subprocess.Popen[bytes]:
    args = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "footlog",
        "worker",
        "--loglevel",
        "WARNING",
        "--concurrency",
        str(concurrency),
        "--without-gossip",
        "--without-mingle",
        "-n",
        f"bench-{os.getpid()}@%h",
    ]
    return subprocess.Popen(
        args, cwd=ROOT, env=dict(os.environ), stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(worker: subprocess.Popen[bytes]) -> None:
    import signal

    os.killpg(worker.pid, signal.SIGTERM)
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()


HELD_PINGS, HELD_SENDS = "bench:held-pings", "bench:held-sends"


def queue() -> str:
    """The queue the tick sends to and the worker consumes (FOOTLOG_CELERY_QUEUE; `celery` by default)."""
    from django.conf import settings

    return str(settings.CELERY_TASK_DEFAULT_QUEUE)


def redis_client() -> redis.Redis:
    import redis
    from django.conf import settings

    if not settings.REDIS_URL:
        raise SystemExit("the bench needs REDIS_URL")
    return redis.Redis.from_url(settings.REDIS_URL)


def queue_length() -> int:
    return int(redis_client().llen(queue()))


def release(held: str, count: int) -> int:
    """Move up to `count` held task messages (oldest first) into the worker's queue at once."""
    client = redis_client()
    with client.pipeline() as pipe:
        for _ in range(count):
            pipe.lmove(held, queue(), "RIGHT", "LEFT")
        return sum(1 for moved in pipe.execute() if moved is not None)


def mails_in(held: str, count: int) -> int:
    """How many deliveries the next `count` held send tasks carry (their only argument is the id list)."""
    raw = redis_client().lrange(held, -count, -1)
    return sum(len(json.loads(base64.b64decode(json.loads(m)["body"]))[0][0]) for m in raw)


def wait_until(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.01)


def ping_round(results: list[AsyncResult[None]]) -> float:
    """Seconds for the worker to run the next batch of held no-op tasks."""
    start = time.perf_counter()
    release(HELD_PINGS, len(results))
    wait_until(lambda: queue_length() == 0 and all(r.ready() for r in results[-10:]), 600, "no-op tasks")
    for result in results:
        result.get(timeout=60)
    return time.perf_counter() - start


def send_round(sink: CountingSink, tasks: int) -> tuple[int, float]:
    """(mails, seconds) for the worker to run the next `tasks` held send tasks."""
    mails, before = mails_in(HELD_SENDS, tasks), sink.count
    start = time.perf_counter()
    release(HELD_SENDS, tasks)
    wait_until(lambda: sink.count >= before + mails, 1800, "the mails")
    return mails, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=10, help="alternating no-op / delivery rounds")
    parser.add_argument("--noop", type=int, default=1_000, help="no-op tasks per round")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--dispatch-only", action="store_true", help="measure the tick only (no worker, no mail)")
    parser.add_argument("--smoke", action="store_true", help="a tiny run (seconds) that only checks it measures")
    options = parser.parse_args()
    if options.smoke:
        options.users, options.rounds, options.noop, options.concurrency = 20, 2, 20, 1
    print(
        f"goals: dispatch of {GOAL_USERS:,} users <= {DISPATCH_GOAL_S:g} s; delivery >= {RATIO_GOAL} of the no-op rate"
        + (" (not judged on --smoke)" if options.smoke else "")
    )
    missed: list[str] = []
    try:
        failures = run(options, missed)
    finally:
        if options.smoke:
            drop_database(os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432"))
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if failures:
        print("RESULT: FAILED: measured nothing (" + "; ".join(failures) + ")")
    elif missed and not options.smoke:
        print("RESULT: FAILED: goal missed (" + "; ".join(missed) + ")")
    else:
        print("RESULT: OK")
    sys.exit(1 if failures or (missed and not options.smoke) else 0)


def drop_database(pg: str) -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    with psycopg.connect(f"{pg}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def run(options: argparse.Namespace, missed: list[str]) -> list[str]:
    """The bench; returns what it failed to measure (empty when it measured) and adds each missed goal to
    `missed`."""
    pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")

    from aiosmtpd.controller import Controller

    sink = CountingSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    prepare_environment(pg, redis_url, controller.port)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    logs = Path(os.environ["FOOTLOG_DATA_DIR"])
    from footlog.celery import app, ping
    from reminders import services
    from reminders.models import Delivery

    app.control.purge()
    client = redis_client()
    client.delete(HELD_PINGS, HELD_SENDS)

    due = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    started = time.perf_counter()
    create_users(options.users, due)
    setup_s = time.perf_counter() - started
    print(f"setup: {options.users:,} users due at {due:%H:%M}Z in {len(ZONES)} zones ({setup_s:.1f} s)")

    started = time.perf_counter()
    claimed = services.dispatch_due(due + dt.timedelta(seconds=5))
    dispatch_s = time.perf_counter() - started
    tasks = queue_length()
    print(
        f"dispatch: {claimed:,} reminders claimed, {Delivery.objects.count():,} deliveries, {tasks:,} send tasks "
        f"in {dispatch_s:.1f} s (goal ≤ {DISPATCH_GOAL_S:g} s): {'OK' if dispatch_s <= DISPATCH_GOAL_S else 'MISSED'}"
    )
    # Judged at the goal's size only: a smaller run says nothing about 100,000.
    if options.users >= GOAL_USERS and dispatch_s > DISPATCH_GOAL_S:
        missed.append(f"dispatch {dispatch_s:.1f} s > {DISPATCH_GOAL_S:g} s")
    if options.dispatch_only:
        app.control.purge()  # nobody will send them
        controller.stop()
        return [] if claimed else ["0 reminders claimed"]

    # Hold the send tasks and the no-op tasks aside, then let one worker run them in alternating rounds, so
    # that both rates are measured in the same minutes on a machine whose load changes.
    for _ in range(tasks):
        client.lmove(queue(), HELD_SENDS, "RIGHT", "LEFT")
    pings = [[ping.apply_async(("x",), queue=HELD_PINGS) for _ in range(options.noop)] for _ in range(options.rounds)]
    worker = start_worker(options.concurrency, logs / "worker.log")
    noop_n = noop_s = mail_n = mail_s = 0.0
    try:
        assert ping.delay("ready").get(timeout=120) == "ready"
        per_round = -(-tasks // options.rounds)
        for results in pings:
            noop_s += ping_round(results)
            noop_n += len(results)
            mails, seconds = send_round(sink, min(per_round, int(client.llen(HELD_SENDS))))
            mail_n, mail_s = mail_n + mails, mail_s + seconds
            print(f"  round: no-op {noop_n / noop_s:,.0f}/s so far, mail {mails / seconds:,.0f}/s this round")
    finally:
        stop(worker)
        client.delete(HELD_PINGS, HELD_SENDS)
    sent = Delivery.objects.filter(status="sent").count()
    noop_rate, mail_rate = noop_n / (noop_s or 1), mail_n / (mail_s or 1)
    print(
        f"no-op baseline: {noop_n:,.0f} footlog.ping tasks at {noop_rate:,.0f} tasks/s "
        f"(worker concurrency {options.concurrency})"
    )
    print(
        f"delivery: {mail_n:,.0f} mails ({sent:,} deliveries marked sent, sink got {sink.count:,}) "
        f"at {mail_rate:,.0f} mails/s"
    )
    ratio = mail_rate / (noop_rate or 1)
    print(f"ratio delivery/no-op: {ratio:.2f} (goal ≥ {RATIO_GOAL}): {'OK' if ratio >= RATIO_GOAL else 'MISSED'}")
    if ratio < RATIO_GOAL:
        missed.append(f"delivery/no-op {ratio:.2f} < {RATIO_GOAL}")
    controller.stop()
    return [
        failure
        for failure, failed in (
            (f"{claimed} reminders claimed", not claimed),
            (f"{sent} deliveries sent", not sent),
            (f"the sink got {sink.count} mails", not sink.count),
            ("no no-op task timed", not noop_n),
        )
        if failed
    ]


if __name__ == "__main__":
    main()
