"""Every bench runs, at its `--smoke` size, so that none rots unnoticed: bench/load.py measured nothing for weeks
once consent arrived (every entry answered 403). A smoke run fails only when its bench measured nothing (no entry
stored, every request 4xx, an empty export), never on a ratio: the sizes are too small for the goals to mean
anything. The benches start servers and workers on free ports, each with its own database (named after the xdist
worker's) and the worker's Redis database, so they run beside other tests under -n 2.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.support.services import ROOT, need, redis_available, test_database_url

BENCHES = sorted(path.name for path in (ROOT / "bench").glob("*.py"))
NEEDS_SERVICES = {"load.py", "reminders_fanout.py"}  # PostgreSQL (their own database) and Redis

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600), pytest.mark.xdist_group("servers")]


def bench_env(name: str) -> dict[str, str]:
    """The bench's own database beside the test database, on the test worker's Redis database."""
    import os

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)  # each bench picks footlog.settings itself
    if connection.vendor == "postgresql":
        env["BENCH_PG"] = test_database_url().rsplit("/", 1)[0]  # the server, without the database
        env["BENCH_DB_NAME"] = f"{connection.settings_dict['NAME']}_bench_{Path(name).stem}"
    if settings.REDIS_URL:
        env["BENCH_REDIS_URL"] = str(settings.REDIS_URL)
    return env


def test_every_bench_has_a_smoke_size() -> None:
    assert BENCHES, "no bench found"
    for name in BENCHES:
        assert "--smoke" in (ROOT / "bench" / name).read_text(), f"bench/{name} has no --smoke size"


@pytest.mark.parametrize("name", BENCHES)
def test_bench_smoke_run_measures_something(name: str, db: None, tmp_path: Path) -> None:
    if name in NEEDS_SERVICES:
        need(connection.vendor == "postgresql", "needs PostgreSQL (set DATABASE_URL)")
        need(redis_available(), "needs Redis (set REDIS_URL)")
    result = subprocess.run(
        [sys.executable, f"bench/{name}", "--smoke"],
        cwd=ROOT,
        env=bench_env(name),
        capture_output=True,
        text=True,
        timeout=540,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "measured nothing" not in output and "Traceback" not in output, output[-4000:]
