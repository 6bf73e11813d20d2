"""Stuck jobs are noticed in about a minute (issue 22, item 5): report and import jobs carry a heartbeat the worker
stamps while it runs; the sweep, every minute, re-queues a running job whose heartbeat is older than
FOOTLOG_JOB_STALE_S (at most 3 runs, then failed with a reason), and the export page says "retrying"."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time

import pytest
from django.utils import timezone

from footlog.exports import report_jobs
from footlog.exports.models import ReportJob
from tests.exports.builders import log_entry
from tests.support.services import ROOT, child_env, start_celery, start_private_redis, wait_for

URL = "/api/v1/exports/report-jobs/"


@pytest.fixture
def job(api, user) -> dict:
    log_entry(user, "2026-10-01", observations=[{"site": "left_heel", "count": 3}])
    created = api.post(URL, {"from": "2026-09-01", "to": "2026-10-31"}, format="json")
    assert created.status_code == 202
    return created.json()


def running(job_id: str, *, beat_age_s: float, attempts: int = 1) -> None:
    now = timezone.now()
    ReportJob.objects.filter(pk=job_id).update(
        state="running",
        started=now - dt.timedelta(seconds=beat_age_s + 5),
        heartbeat=now - dt.timedelta(seconds=beat_age_s),
        attempts=attempts,
        progress=40,
    )


def test_a_job_whose_heartbeat_is_stale_is_requeued_by_the_next_sweep_and_shown_retrying(api, job, settings):
    assert settings.FOOTLOG_JOB_STALE_S == 120 and settings.FOOTLOG_JOB_HEARTBEAT_S == 20
    assert settings.CELERY_BEAT_SCHEDULE["exports-sweep"]["schedule"] == 60.0
    running(job["id"], beat_age_s=60)  # a live worker: its last stamp a minute ago
    report_jobs.report_jobs_sweep()
    assert ReportJob.objects.get(pk=job["id"]).state == "running"
    assert api.get(f"{URL}{job['id']}/").json()["retrying"] is False

    running(job["id"], beat_age_s=121)  # no stamp for over two minutes: its worker is gone
    assert report_jobs.report_jobs_sweep().requeued == 1
    requeued = ReportJob.objects.get(pk=job["id"])
    assert (requeued.state, requeued.attempts) == ("pending", 2)
    assert api.get(f"{URL}{job['id']}/").json()["retrying"] is True


def test_after_three_runs_the_job_fails_with_a_reason(api, job):
    running(job["id"], beat_age_s=121, attempts=3)
    assert report_jobs.report_jobs_sweep().failed == 1
    body = api.get(f"{URL}{job['id']}/").json()
    assert (body["state"], body["retrying"]) == ("failed", False)
    assert "3 tries" in body["error"]


def test_an_import_job_whose_heartbeat_is_stale_is_requeued_then_failed(user, tmp_path):
    from django.core.files.base import ContentFile

    from footlog.portability.account_import import import_jobs_sweep
    from footlog.portability.models import ImportJob

    job = ImportJob(user=user, size=3, status="running")
    job.file.save(f"{job.pk}.zip", ContentFile(b"zip"), save=False)
    job.save()
    now = timezone.now()
    ImportJob.objects.filter(pk=job.pk).update(started=now, heartbeat=now - dt.timedelta(seconds=121))
    import_jobs_sweep()
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("queued", 2) and job.file.name  # the zip is kept for the next run
    ImportJob.objects.filter(pk=job.pk).update(status="running", attempts=3, heartbeat=now - dt.timedelta(seconds=121))
    import_jobs_sweep()
    job.refresh_from_db()
    assert job.status == "failed" and "worker stopped" in job.error["detail"] and not job.file.name


@pytest.mark.django_db(transaction=True)
def test_the_worker_stamps_the_heartbeat_while_it_builds(user, settings, monkeypatch):
    settings.FOOTLOG_JOB_HEARTBEAT_S = 1
    created = ReportJob.objects.create(user=user, start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 31))
    stamps = []

    def slow_render(job: ReportJob) -> bytes:
        for _ in range(3):
            time.sleep(0.8)
            stamps.append(ReportJob.objects.get(pk=job.pk).heartbeat)
        return b"%PDF-1.4 test"

    monkeypatch.setattr(report_jobs, "_render", slow_render)
    assert report_jobs.report_job_run(str(created.pk)) == "done"
    assert stamps[-1] > stamps[0]  # stamped again while it ran


def sweep(redis_url: str, **env: str) -> str:
    """`manage.py reports_sweep` (its default --stuck-after-minutes, 10) in its own process on the private Redis."""
    done = subprocess.run(
        [sys.executable, "manage.py", "reports_sweep"],
        cwd=ROOT,
        env=child_env(REDIS_URL=redis_url, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


def long_history(user) -> tuple[dt.date, dt.date]:
    """A year and a half of entries, written in bulk: a report of them takes a few seconds to build."""
    from footlog.diary.models import Entry, Observation

    first = dt.date(2023, 11, 1)
    entries = Entry.objects.bulk_create(
        Entry(user=user, date=first + dt.timedelta(days=i), notes="itch", create_fingerprint=str(i)) for i in range(550)
    )
    Observation.objects.bulk_create(Observation(entry=e, site="left_sole", count=2) for e in entries)
    return first, first + dt.timedelta(days=549)


@pytest.mark.slow
@pytest.mark.services
@pytest.mark.timeout(180)
def test_a_worker_killed_mid_report_is_noticed_by_its_heartbeat(transactional_db, postgres, user, tmp_path):
    """A real worker stamps the job while it builds; killed -9, it stops; the sweep (by heartbeat alone: the old
    10-minute rule is not reached) queues the job again and the next worker builds it."""
    first, last = long_history(user)
    job = ReportJob.objects.create(
        user=user, start=first, end=last, attempts=1, queued_at=timezone.now() - dt.timedelta(hours=1)
    )  # as left by a lost message: the first sweep queues it on the private Redis
    redis, redis_port = start_private_redis(tmp_path)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    fast = {"FOOTLOG_JOB_HEARTBEAT_S": "1", "FOOTLOG_JOB_STALE_S": "3"}
    workers = []
    try:
        assert "re-queued 1" in sweep(redis_url)
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url, **fast))
        wait_for(lambda: ReportJob.objects.get(pk=job.pk).state == "running", timeout=60, interval=0.05)
        workers[0].stop(9)  # at once: the build takes seconds
        killed_at = time.monotonic()
        time.sleep(3.5)
        assert ReportJob.objects.get(pk=job.pk).state == "running"
        assert "re-queued 1" in sweep(redis_url, **fast)
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url, **fast))
        wait_for(lambda: ReportJob.objects.get(pk=job.pk).state in ("done", "failed"), timeout=120, interval=0.3)
        took = time.monotonic() - killed_at
    finally:
        for worker in workers:
            worker.stop()
        redis.stop()
    built = ReportJob.objects.get(pk=job.pk)
    assert (built.state, built.attempts) == ("done", 3), workers[-1].output()[-3000:]
    assert took < 180
