"""Report jobs on real processes: a job that cannot be queued answers 503 and is not kept; a job whose worker is
killed -9 is re-queued by the sweep and built by the next worker (both on a private Redis, never the shared
6379); an account deleted while a real worker builds its report leaves no file and no error."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone

from footlog.exports.models import ReportJob
from tests.exports.builders import log_entry
from tests.hardening.test_scale_out import signed_in
from tests.support.services import (
    ROOT,
    child_env,
    free_port,
    http_answers,
    start_celery,
    start_gunicorn,
    start_private_redis,
    wait_for,
)

pytestmark = [pytest.mark.services, pytest.mark.timeout(300)]
URL = "/api/v1/exports/report-jobs/"


def test_a_job_the_broker_cannot_take_answers_503_and_is_not_kept(transactional_db, postgres, consented, tmp_path):
    redis, redis_port = start_private_redis(tmp_path)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    port = free_port()
    web = start_gunicorn(port, tmp_path, child_env(REDIS_URL=redis_url, DJANGO_ALLOWED_HOSTS="127.0.0.1"))
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: http_answers(f"{base}/privacy/", below=300), timeout=90, interval=0.5)
        import datetime as dt

        import requests

        from footlog.sharing.services import share_create

        shared = share_create(
            consented, start=dt.date(2026, 9, 1), end=dt.date(2026, 10, 31), include_photos=False, expires_in_days=7
        )
        redis.stop(9)  # the broker (and cache) dies
        http = signed_in(consented)
        body = {"from": "2026-09-01", "to": "2026-10-31"}
        answer = http.post(f"{base}{URL}", json=body, timeout=60)
        share_page = requests.get(f"{base}{shared.path}", timeout=60)  # the share limiter falls back, never a 500
    finally:
        web.stop()
        redis.stop()
    assert answer.status_code == 503, (answer.status_code, answer.text, web.output()[-3000:])
    assert answer.headers["Retry-After"] == "60"
    assert answer.json()["detail"]
    assert not ReportJob.objects.exists()  # not left pending with nothing to pick it up
    assert "Traceback" not in web.output()  # an outage is a warning, not a crash
    assert share_page.status_code == 200, (share_page.status_code, web.output()[-3000:])


def sweep(redis_url: str) -> str:
    """`manage.py reports_sweep --stuck-after-minutes 0` in its own process, publishing to the private Redis."""
    done = subprocess.run(
        [sys.executable, "manage.py", "reports_sweep", "--stuck-after-minutes", "0"],
        cwd=ROOT,
        env=child_env(REDIS_URL=redis_url),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def three_years(user) -> tuple[dt.date, dt.date]:
    """Long enough a history (about 3 s of rendering) to catch the worker in the middle of a build."""
    first = dt.date(2023, 11, 1)
    for day in range(1100):
        log_entry(user, first + dt.timedelta(days=day), notes="itch", observations=[{"site": "left_sole", "count": 2}])
    return first, first + dt.timedelta(days=1099)


@pytest.mark.slow
def test_account_deleted_while_a_real_worker_builds_its_report_leaves_no_file(celery_worker, user, settings):
    from tests.conftest import PASSWORD, logged_in

    first, last = three_years(user)
    client = logged_in(user)
    job = client.post(URL, {"from": str(first), "to": str(last)}, format="json").json()
    wait_for(lambda: ReportJob.objects.filter(pk=job["id"], state="running").exists(), timeout=120, interval=0.05)
    assert client.delete("/api/v1/account/", {"password": PASSWORD}, format="json").status_code == 204
    wait_for(lambda: '"task": "exports.build_report"' in celery_worker.output(), timeout=120, interval=0.2)
    reports = Path(settings.MEDIA_ROOT) / "reports"
    assert sorted(reports.glob(f"{job['id']}*")) == []
    output = celery_worker.output()
    assert "was deleted or re-queued while it ran" in output  # the deletion did land mid-build
    assert "DatabaseError" not in output and "Traceback" not in output


@pytest.mark.slow
def test_a_job_whose_worker_is_killed_is_requeued_by_the_sweep_and_built(transactional_db, postgres, user, tmp_path):
    first, last = three_years(user)
    # As left by a broker outage: pending since an hour, its message lost.
    job = ReportJob.objects.create(
        user=user,
        start=first,
        end=last,
        attempts=1,
        queued_at=timezone.now() - dt.timedelta(hours=1),
    )
    redis, redis_port = start_private_redis(tmp_path)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    workers = []
    try:
        assert "re-queued 1" in sweep(redis_url)
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url))
        wait_for(lambda: ReportJob.objects.get(pk=job.pk).state == "running", timeout=120, interval=0.05)
        workers[0].stop(9)  # kill -9 mid-build: the message stays unacknowledged for the visibility timeout
        time.sleep(1)
        stuck = ReportJob.objects.get(pk=job.pk)
        assert stuck.state == "running" and stuck.progress < 100, workers[0].output()[-3000:]

        assert "re-queued 1" in sweep(redis_url)
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url))
        wait_for(lambda: ReportJob.objects.get(pk=job.pk).state in ("done", "failed"), timeout=180, interval=0.5)
    finally:
        for worker in workers:
            worker.stop()
        redis.stop()
    built = ReportJob.objects.get(pk=job.pk)
    assert (built.state, built.attempts) == (
        "done",
        3,
    )  # queued at creation and by each sweep, workers[-1].output()[-3000:]
    assert built.file.size > 10_000
