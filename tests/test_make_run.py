"""`make run`'s process set (Procfile via honcho) starts web, worker and beat with no external service:
SQLite and the embedded filesystem broker in a fresh data dir; one Ctrl-C stops them all."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from tests.support.services import ROOT, Process, free_port, http_answers, migrated_sqlite, wait_for

VENV_BIN = os.path.dirname(sys.executable)


def service_free_env(tmp_path, port: int) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "EMAIL_URL", "FOOTLOG_TEST_DB_NAME")
    }
    return {
        **env,
        "FOOTLOG_DATA_DIR": str(tmp_path / "data"),
        "PORT": str(port),
        "FOOTLOG_RUN_PORT": str(port),  # as the Makefile exports it
        "PYTHONUNBUFFERED": "1",
        "DJANGO_SETTINGS_MODULE": "footlog.settings",
    }


@pytest.mark.xdist_group("servers")  # starts servers or beat: never two at once (make test runs -n 2)
def test_web_worker_and_beat_start_without_services_and_stop_on_ctrl_c(tmp_path):
    port = free_port()
    env = service_free_env(tmp_path, port)
    migrated_sqlite(tmp_path / "data")  # then migrate, as `make run` does (nothing left to apply)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=120
    )
    honcho = Process([f"{VENV_BIN}/honcho", "-f", "Procfile", "start"], env, tmp_path / "honcho.log")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: http_answers(f"{base}/accounts/login/", below=300), timeout=90, interval=0.5)
        assert requests.get(f"{base}/api/v1/entries/", timeout=5).status_code == 401
        signup = requests.post(
            f"{base}/_allauth/app/v1/auth/signup",
            json={"email": "run@example.com", "password": "milia-run-2026!"},
            timeout=10,
        )
        assert signup.status_code == 401 and signup.json()["meta"]["session_token"]
        roundtrip = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup(); from footlog.celery import ping; "
                "print(ping.delay('via-embedded-broker').get(timeout=40))",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert "via-embedded-broker" in roundtrip.stdout, roundtrip.stderr
        # A reminder mail built where honcho runs the worker (its own PORT) links to the web process: both answer.
        links = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django, datetime; django.setup(); from accounts.models import User; "
                "from reminders.messages import message_for; "
                "m = message_for('daily_log', datetime.date.today(), User.objects.get().pk); "
                "print(m.url, m.unsubscribe_url)",
            ],
            cwd=ROOT,
            env={**env, "PORT": str(port + 100)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert links.returncode == 0, links.stderr
        for link in links.stdout.split():
            assert link.startswith(f"http://localhost:{port}/"), link
            assert requests.get(link.replace("localhost", "127.0.0.1"), timeout=10).status_code == 200, link
        wait_for(lambda: "beat: Starting" in honcho.output(), timeout=30)
    except BaseException:
        print(honcho.output())
        raise
    finally:
        honcho.stop(signal.SIGINT)
    assert honcho.popen.returncode is not None
    time.sleep(0.5)
    with pytest.raises(requests.ConnectionError):
        requests.get(f"http://127.0.0.1:{port}/accounts/login/", timeout=5)


def test_make_run_starts_honcho_once_with_no_fallback():
    """After Ctrl-C honcho exits non-zero; a fallback (`honcho … || honcho …`) then started the app a second
    time. `make -n` prints the recipe without running it; the test above shows one SIGINT stops that honcho."""
    result = subprocess.run(["make", "-n", "run"], cwd=ROOT, capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    starts = [line for line in result.stdout.splitlines() if "bin/honcho" in line and not line.startswith("#")]
    assert len(starts) == 1 and "||" not in starts[0] and starts[0].endswith("-f Procfile start"), starts
