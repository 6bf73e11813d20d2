"""Benchmark: GET /api/v1/timeline/ against a bare authenticated DRF endpoint, same server, same run.

    .venv/bin/python bench/timeline.py [--requests 200] [--database-url postgres://postgres@127.0.0.1:5432/bench_x]

Builds a throw-away database (SQLite in a temp dir by default; with --database-url the named Postgres database is
created and dropped) holding 3 years of daily entries, 3 sites a day plus two routine steps, serves footlog with
Django's WSGI server in a thread, and times real HTTP requests with a session cookie, interleaving the endpoints;
each timed request starts on an idle server (an untimed bare request first: the timeline writes its cache after
the response is sent, and that work must not be charged to whichever endpoint comes next).

Goals, printed first (issue 11, tightened by issue 25): the timeline's query count is the same for 1 week and 3
years and at most 8 (counted with nothing cached and with the answer cached); with 3 years stored, the default
90-day window's median is at most 1.5x the bare endpoint's when cached and at most 2.0x uncached; in a second run
with its own bare baseline, the default window right after an edit of today's entry (one site's count changed)
at most 1.5x and the 3-year window uncached at most 3.0x. Exit status 1 when a goal is missed.

`--smoke` (the test suite runs it: seconds) stores 60 days and times 3 requests per endpoint after 2 warm-up
rounds; the goals are printed but not judged: it fails only when it measured nothing (a request that did not
answer 200, no timing).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from django.core.servers.basehttp import WSGIServer
    from django.urls import URLPattern, URLResolver
    from rest_framework.request import Request
    from rest_framework.response import Response

    from accounts.models import User

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

YEARS_DAYS = 3 * 365  # --smoke stores 60 days
WARMUP_ROUNDS = 20  # --smoke: 2
QUERY_GOAL, CACHED_GOAL, UNCACHED_GOAL, EDIT_GOAL, YEARS_UNCACHED_GOAL = 8, 1.5, 2.0, 1.5, 3.0


def configure(database_url: str | None) -> None:
    """Isolated settings before Django starts: temp data dir, embedded cache, no shared Redis."""
    os.environ["FOOTLOG_DATA_DIR"] = tempfile.mkdtemp(prefix="footlog-bench-timeline-")
    os.environ.pop("REDIS_URL", None)
    os.environ["DJANGO_DEBUG"] = "false"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        _postgres_database(database_url, create=True)
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footlog.settings")
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)  # no log line per request (setup configured logging; this outranks it)


def _postgres_database(url: str, *, create: bool) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


# --- the bare endpoint and the bench URLconf (ROOT_URLCONF points at this module) ----------------------------

urlpatterns: list[URLPattern | URLResolver] = []


def install_urlconf() -> None:
    from django.conf import settings
    from django.urls import clear_url_caches, path
    from rest_framework.response import Response
    from rest_framework.views import APIView

    import footlog.urls

    class Bare(APIView):
        """Same authentication, permission and renderer stack as every API view; no work."""

        def get(self, request: Request) -> Response:
            return Response({"ok": True})

    urlpatterns[:] = [path("api/v1/bench-bare/", Bare.as_view()), *footlog.urls.urlpatterns]
    settings.ROOT_URLCONF = __name__
    clear_url_caches()


# --- data --------------------------------------------------------------------------------------------------


def seed(today: dt.date) -> User:
    """A user with 3 years of daily entries up to `today`: 3 sites a day, moisturise and wash."""
    from django.core.management import call_command

    from accounts.models import User
    from footlog.diary.models import Entry, Observation, RoutineLog, RoutineStep

    call_command("migrate", verbosity=0)
    from accounts.consent import consent_give

    user = consent_give(User.objects.create_user("bench@example.com", "bench passphrase 42", timezone="UTC"))
    rng = random.Random(4)
    first = today - dt.timedelta(days=YEARS_DAYS - 1)
    entries = Entry.objects.bulk_create(
        Entry(user=user, date=first + dt.timedelta(days=i), create_fingerprint="bench") for i in range(YEARS_DAYS)
    )
    Observation.objects.bulk_create(
        Observation(entry=e, site=site, count=rng.randint(0, 6), largest_mm=round(rng.uniform(0.5, 2.5), 1))
        for e in entries
        for site in ("left_heel", "left_ankle_outer", "right_toes")
    )
    steps = list(RoutineStep.objects.filter(user__isnull=True, key__in=["moisturise", "wash"]))
    RoutineLog.objects.bulk_create(RoutineLog(entry=e, step=s, done=rng.random() < 0.8) for e in entries for s in steps)
    return user


# --- measuring ---------------------------------------------------------------------------------------------


def serve() -> WSGIServer:
    from django.core.servers.basehttp import WSGIRequestHandler, WSGIServer
    from django.core.wsgi import get_wsgi_application

    server = WSGIServer(("127.0.0.1", 0), WSGIRequestHandler, ipv6=False, allow_reuse_address=True)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def session_cookie(user: User) -> tuple[str, str]:
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value


def query_count(user: User, params: dict[str, str], *, cold: bool) -> int:
    """Every query of one request, authentication included, counted in-process; `cold` empties the cache first
    (nothing of the user's log or answers cached: the most queries a request can take)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    if cold:
        cache.clear()  # the bench's own cache, under its temp data dir
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/v1/timeline/", params)
    assert response.status_code == 200, response.content
    return len(queries)


def touch_today(user: User, today: dt.date) -> None:
    """An edit of today's entry as the diary makes it (version and `updated` grow), outside the timed request:
    one site's count changes (0-6 in turn), so the answer really changes and a cache cannot pass it off as the
    old one; the other sites stay as they were, as when the patient corrects one value."""
    from django.db.models import F

    from footlog.diary.models import Entry, Observation

    entry = Entry.objects.get(user=user, date=today)
    Observation.objects.filter(entry=entry, site="left_heel").update(count=(F("count") + 1) % 7)
    entry.version = F("version") + 1
    entry.save(update_fields=["version", "updated"])


def time_endpoints(
    base: str, cookie: tuple[str, str], paths: dict[str, str | Callable[[int], str]], rounds: int
) -> dict[str, float]:
    """Median seconds per endpoint; endpoints are interleaved in each round so drift hits them alike.

    A path may be a function of the round number (a new URL each time, e.g. to miss the cache). Each timed
    request starts on an idle server: an untimed bare request goes first, and the single-threaded server answers
    it only once the previous response is closed, so work a response leaves for after it is sent (the timeline's
    cache writes) is not charged to the next endpoint, whichever it is.
    """
    import requests

    http = requests.Session()
    http.cookies.set(*cookie)
    samples: dict[str, list[float]] = {name: [] for name in paths}
    for round_no in range(rounds + WARMUP_ROUNDS):
        for name, path in paths.items():
            url = base + (path(round_no) if callable(path) else path)
            assert http.get(base + "/api/v1/bench-bare/").status_code == 200  # wait until the server is idle
            started = time.perf_counter()
            response = http.get(url)
            elapsed = time.perf_counter() - started
            assert response.status_code == 200, (path, response.status_code, response.text[:200])
            if round_no >= WARMUP_ROUNDS:  # warm-up rounds are not counted
                samples[name].append(elapsed)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per endpoint")
    parser.add_argument("--database-url", help="a Postgres URL; the database is created and dropped")
    parser.add_argument("--smoke", action="store_true", help="a tiny run (seconds) that only checks it measures")
    args = parser.parse_args()
    if args.smoke:
        global YEARS_DAYS, WARMUP_ROUNDS
        YEARS_DAYS, WARMUP_ROUNDS, args.requests = 60, 2, 3
    print(
        f"goals: queries equal for 1 week / 3 years and <= {QUERY_GOAL}; default window cached <= {CACHED_GOAL}x, "
        f"uncached <= {UNCACHED_GOAL}x; after an edit of today <= {EDIT_GOAL}x; 3 years uncached <= "
        f"{YEARS_UNCACHED_GOAL}x (of bare, same run)" + (" (not judged on --smoke)" if args.smoke else "")
    )
    configure(args.database_url)
    try:
        return run(args.requests, args.database_url, smoke=args.smoke)
    finally:
        from django.db import connections

        connections.close_all()
        if args.database_url:
            _postgres_database(args.database_url, create=False)
        shutil.rmtree(os.environ["FOOTLOG_DATA_DIR"], ignore_errors=True)


def run(rounds: int, database_url: str | None, *, smoke: bool = False) -> int:
    from django.db import connection

    today = dt.datetime.now(dt.UTC).date()
    install_urlconf()
    user = seed(today)
    week = {"from": (today - dt.timedelta(days=6)).isoformat(), "to": today.isoformat()}
    years = {"from": (today - dt.timedelta(days=YEARS_DAYS - 1)).isoformat(), "to": today.isoformat()}
    queries = {
        name: (query_count(user, params, cold=True), query_count(user, params, cold=False))
        for name, params in (("1 week", week), ("3 years", years), ("default window", {}))
    }

    server = serve()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def cold(round_no: int) -> str:
        """A 90-day window ending on a different day each round: its answer is never cached, so each request reads
        the stamps, analyses and renders; the months of the log are cached after the first (as when the default
        window moves on a day). The rounds after an edit, which re-read a month, are measured separately."""
        end = today - dt.timedelta(days=round_no + 1)
        return f"/api/v1/timeline/?from={(end - dt.timedelta(days=89)).isoformat()}&to={end.isoformat()}"

    paths: dict[str, str | Callable[[int], str]] = {
        "bare": "/api/v1/bench-bare/",
        "timeline (default 90 days)": "/api/v1/timeline/",
        "timeline (90 days, uncached)": cold,
        "timeline (1 week)": f"/api/v1/timeline/?from={week['from']}&to={week['to']}",
        "timeline (3 years)": f"/api/v1/timeline/?from={years['from']}&to={years['to']}",
    }

    def years_cold(round_no: int) -> str:
        """The 3-year window ending on a different day each round: its answer never cached."""
        end = today - dt.timedelta(days=round_no + 1)
        return f"/api/v1/timeline/?from={(end - dt.timedelta(days=YEARS_DAYS - 1)).isoformat()}&to={end.isoformat()}"

    def after_edit(round_no: int) -> str:
        touch_today(user, today)  # before the clock starts: the default window must be analysed again
        return "/api/v1/timeline/"

    cookie = session_cookie(user)
    try:
        medians = time_endpoints(base, cookie, paths, rounds)
        # Second run, its own bare baseline: these invalidate answers the first run's cached paths would use.
        more = time_endpoints(
            base,
            cookie,
            {"bare": "/api/v1/bench-bare/", "after an edit of today": after_edit, "3 years, uncached": years_cold},
            rounds,
        )
    finally:
        server.shutdown()

    print(f"footlog timeline bench — {connection.vendor}, {YEARS_DAYS} daily entries x 3 sites, {rounds} requests each")
    print("queries per request (auth included), nothing cached / answer cached: "
          + ", ".join(f"{name} {cold}/{warm}" for name, (cold, warm) in queries.items())
          + f"  (goal: equal, <= {QUERY_GOAL})")  # fmt: skip
    bare = medians["bare"]
    for name, median in medians.items():
        print(f"  {name:30s} median {median * 1000:7.2f} ms   x{median / bare:5.2f} of bare")
    print("second run:")
    for name, median in more.items():
        print(f"  {name:30s} median {median * 1000:7.2f} ms   x{median / more['bare']:5.2f} of bare")
    cached = medians["timeline (default 90 days)"] / bare
    uncached = medians["timeline (90 days, uncached)"] / bare
    edit = more["after an edit of today"] / more["bare"]
    years_uncached = more["3 years, uncached"] / more["bare"]
    counts = set(queries.values())
    goals = [
        (
            f"queries equal and <= {QUERY_GOAL}",
            len(counts) == 1 and max(max(pair) for pair in counts) <= QUERY_GOAL,
            "",
        ),
        (f"default window cached <= {CACHED_GOAL}x bare", cached <= CACHED_GOAL, f" (x{cached:.2f})"),
        (f"default window uncached <= {UNCACHED_GOAL}x bare", uncached <= UNCACHED_GOAL, f" (x{uncached:.2f})"),
        (f"after an edit of today <= {EDIT_GOAL}x bare", edit <= EDIT_GOAL, f" (x{edit:.2f})"),
        (
            f"3 years uncached <= {YEARS_UNCACHED_GOAL}x bare",
            years_uncached <= YEARS_UNCACHED_GOAL,
            f" (x{years_uncached:.2f})",
        ),
    ]
    for what, ok, figure in goals:
        print(f"goal {what}: {'met' if ok else 'MISSED'}{figure}")
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if smoke:
        nothing = not all(median > 0 for median in [*medians.values(), *more.values()])
        print("smoke:", "FAILED: measured nothing" if nothing else f"measured {len(medians) + len(more)} endpoints")
        return 1 if nothing else 0
    return 0 if all(ok for _, ok, _ in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
