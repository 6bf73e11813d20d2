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


def slow_import_zip(photos: int = 30) -> bytes:
    """A footlog export (format 2) of `photos` days, each with a 1600×1200 photo: every photo is decoded and
    re-encoded by the import, so the job runs for several seconds (about 0.3 s a photo on the loaded machine)."""
    import io
    import json
    import zipfile

    from PIL import Image

    image = Image.blend(
        Image.new("RGB", (1600, 1200), (222, 184, 160)), Image.effect_noise((1600, 1200), 30).convert("RGB"), 0.1
    )
    jpeg = io.BytesIO()
    image.save(jpeg, "JPEG", quality=85)
    days = [(dt.date(2026, 1, 1) + dt.timedelta(days=i)).isoformat() for i in range(photos)]
    document = {
        "format": 2,
        "account": {"timezone": "Europe/Berlin", "display_name": ""},
        "routine_steps": [],
        "history": [
            {"date": day, "notes": "", "for_clinician": False, "observations": [{"site": "left_heel", "count": 2}]}
            for day in days
        ],
        "photos": [{"date": day, "file": f"photos/{i}.jpg", "site": "left_heel"} for i, day in enumerate(days)],
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("footlog-data.json", json.dumps(document))
        for i in range(photos):
            archive.writestr(f"photos/{i}.jpg", jpeg.getvalue())
    return out.getvalue()


def in_child(code: str, redis_url: str, **env: str) -> str:
    """Run Python `code` in a footlog process of its own (`manage.py shell -c`) on the private Redis, as beat's
    sweep task or the web process would."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=child_env(REDIS_URL=redis_url, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout


@pytest.mark.slow
@pytest.mark.services
@pytest.mark.timeout(300)
def test_a_worker_killed_mid_import_is_noticed_by_its_heartbeat(transactional_db, postgres, user, tmp_path):
    """The import's twin of the report test above: a real worker runs the import and stamps its heartbeat;
    killed -9 mid-job, the job stays `running` until its stamp is FOOTLOG_JOB_STALE_S old; the sweep queues it
    again (its zip kept) and the restarted worker imports it whole, once, within 3 minutes of the restart."""
    from django.core.files.base import ContentFile

    from footlog.diary.models import Entry, Photo
    from footlog.portability.models import ImportJob

    content = slow_import_zip()
    job = ImportJob(user=user, size=len(content), progress={"stage": "queued", "percent": 0})
    job.file.save(f"{job.pk}.zip", ContentFile(content), save=False)
    job.save()  # as account_import_create leaves it; the message is sent below, on the private Redis
    redis, redis_port = start_private_redis(tmp_path)
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    fast = {"FOOTLOG_JOB_HEARTBEAT_S": "1", "FOOTLOG_JOB_STALE_S": "3"}
    sweep_code = (
        "from footlog.portability.account_import import import_jobs_sweep; print('touched', import_jobs_sweep())"
    )
    workers = []
    try:
        in_child(f"from footlog.portability.tasks import run_import; run_import.delay('{job.pk}')", redis_url)
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url, **fast))

        def mid_photos() -> bool:
            progress = ImportJob.objects.get(pk=job.pk).progress
            return progress.get("stage") == "photos" and progress.get("done", 0) >= 2

        wait_for(mid_photos, timeout=90, interval=0.05)
        workers[0].stop(9)
        assert ImportJob.objects.get(pk=job.pk).status == "running"
        time.sleep(3.5)  # past FOOTLOG_JOB_STALE_S: the stamp is stale now
        assert ImportJob.objects.get(pk=job.pk).status == "running"  # nothing but the sweep notices
        assert "touched 1" in in_child(sweep_code, redis_url, **fast)
        requeued = ImportJob.objects.get(pk=job.pk)
        assert (requeued.status, requeued.attempts) == ("queued", 2) and requeued.file.name  # the zip is kept
        workers.append(start_celery("worker", tmp_path, REDIS_URL=redis_url, **fast))
        restarted_at = time.monotonic()
        wait_for(lambda: ImportJob.objects.get(pk=job.pk).status in ("done", "failed"), timeout=180, interval=0.3)
        took = time.monotonic() - restarted_at
    finally:
        for worker in workers:
            worker.stop()
        redis.stop()
    finished = ImportJob.objects.get(pk=job.pk)
    assert (finished.status, finished.attempts) == ("done", 2), (finished.error, workers[-1].output()[-3000:])
    assert finished.result["entries"] == 30 and finished.result["photos"] == 30
    assert Entry.objects.filter(user=user).count() == 30 and Photo.objects.filter(user=user).count() == 30
    assert not finished.file.name  # deleted once the job ended
    assert took < 180
