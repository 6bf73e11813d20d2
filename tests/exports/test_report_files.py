"""A report's file lives exactly as long as its job: deleted with the job and the account, also mid-build; the
sweep re-queues or fails stuck jobs, deletes reports past 7 days and files no job references."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from footlog.exports import pdf, report_jobs
from footlog.exports.models import ReportJob
from tests.conftest import PASSWORD
from tests.exports.builders import log_entry

URL = "/api/v1/exports/report-jobs/"
BODY = {"from": "2026-09-01", "to": "2026-10-31", "questions": "Has it spread?"}


@pytest.fixture
def reports_dir(settings) -> Path:
    return Path(settings.MEDIA_ROOT) / report_jobs.REPORTS_DIR


def files_of(reports_dir: Path, job_id: object) -> list[Path]:
    return sorted(reports_dir.glob(f"{job_id}*"))


@pytest.fixture
def job(api, user) -> dict:
    log_entry(user, "2026-10-01", notes="itchy after the run", observations=[{"site": "left_heel", "count": 3}])
    created = api.post(URL, BODY, format="json")
    assert created.status_code == 202
    return created.json()


def delete_account(api) -> None:
    assert api.delete("/api/v1/account/", {"password": PASSWORD}, format="json").status_code == 204


@pytest.mark.django_db(transaction=True)
def test_account_deleted_while_the_job_renders_leaves_no_file_and_no_error(api, job, reports_dir, monkeypatch, caplog):
    real_render = pdf.render_pdf

    def render_then_user_leaves(*args, **kwargs):
        content = real_render(*args, **kwargs)
        delete_account(api)  # DELETE account/ while the worker is between rendering and storing
        return content

    monkeypatch.setattr(pdf, "render_pdf", render_then_user_leaves)
    with caplog.at_level(logging.INFO):
        assert report_jobs.report_job_run(job["id"]) == "missing"
    assert not ReportJob.objects.filter(pk=job["id"]).exists()
    assert files_of(reports_dir, job["id"]) == []
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info], caplog.text


@pytest.mark.django_db(transaction=True)
def test_account_deleted_between_writing_the_file_and_recording_it_leaves_no_file(api, job, reports_dir, monkeypatch):
    storage = report_jobs._storage()
    real_save = storage.save

    def save_then_user_leaves(name, content, *args, **kwargs):
        stored = real_save(name, content, *args, **kwargs)
        delete_account(api)  # the deletion read the row before its file name was recorded
        return stored

    monkeypatch.setattr(storage, "save", save_then_user_leaves)
    assert report_jobs.report_job_run(job["id"]) == "missing"
    assert files_of(reports_dir, job["id"]) == []


@pytest.mark.django_db(transaction=True)
def test_deleting_the_account_after_the_build_deletes_the_report(api, job, reports_dir):
    assert report_jobs.report_job_run(job["id"]) == "done"
    assert len(files_of(reports_dir, job["id"])) == 1
    delete_account(api)
    assert files_of(reports_dir, job["id"]) == []


@pytest.mark.django_db(transaction=True)
def test_a_deleted_job_takes_its_file(api, job, reports_dir):
    assert report_jobs.report_job_run(job["id"]) == "done"
    ReportJob.objects.filter(pk=job["id"]).delete()
    assert files_of(reports_dir, job["id"]) == []


@pytest.mark.django_db(transaction=True)
def test_a_deletion_that_read_the_job_before_its_file_was_recorded_still_takes_the_file(job, reports_dir):
    loaded_early = ReportJob.objects.get(pk=job["id"])  # as a deletion collects it, file not yet recorded
    assert report_jobs.report_job_run(job["id"]) == "done"  # the worker records its file meanwhile
    loaded_early.delete()
    assert files_of(reports_dir, job["id"]) == []


@pytest.mark.django_db(transaction=True)
def test_sweep_deletes_reports_past_seven_days_and_keeps_younger_ones(api, job, reports_dir):
    assert report_jobs.report_job_run(job["id"]) == "done"
    with time_machine.travel(timezone.now() + dt.timedelta(days=6, hours=23)):
        call_command("reports_sweep")
    assert ReportJob.objects.filter(pk=job["id"]).exists() and files_of(reports_dir, job["id"])
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        call_command("reports_sweep")
    assert not ReportJob.objects.filter(pk=job["id"]).exists()
    assert files_of(reports_dir, job["id"]) == []
    assert api.get(f"{URL}{job['id']}/").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_sweep_deletes_old_orphan_files_only(api, job, reports_dir):
    assert report_jobs.report_job_run(job["id"]) == "done"
    kept = files_of(reports_dir, job["id"])
    orphan, young = reports_dir / "0b5e-orphan.pdf", reports_dir / "0b5e-young.pdf"
    for path in (orphan, young):
        path.write_bytes(b"%PDF-1.7 left by a killed worker")
    two_hours_ago = (timezone.now() - dt.timedelta(hours=2)).timestamp()
    for path in (orphan, *kept):
        os.utime(path, (two_hours_ago, two_hours_ago))
    call_command("reports_sweep")
    assert not orphan.exists()
    assert young.exists() and all(path.exists() for path in kept)
    young.unlink()


def test_sweep_requeues_a_job_whose_worker_died_then_fails_it(job):
    started = timezone.now() - dt.timedelta(minutes=11)
    ReportJob.objects.filter(pk=job["id"]).update(state="running", started=started, progress=40)
    call_command("reports_sweep", "--stuck-after-minutes", "10")
    requeued = ReportJob.objects.get(pk=job["id"])
    assert (requeued.state, requeued.progress, requeued.attempts) == ("pending", 0, 2)

    assert report_jobs.report_job_run(job["id"]) == "done"  # what the worker runs for the new message

    ReportJob.objects.filter(pk=job["id"]).update(state="running", started=started, file="")
    call_command("reports_sweep", "--stuck-after-minutes", "0")  # lost a second time: attempt 3
    ReportJob.objects.filter(pk=job["id"]).update(state="running", started=started)
    call_command("reports_sweep", "--stuck-after-minutes", "0")
    failed = ReportJob.objects.get(pk=job["id"])
    assert (failed.state, failed.attempts) == ("failed", report_jobs.MAX_ATTEMPTS) and failed.error


def test_sweep_requeues_a_pending_job_whose_message_was_lost_and_leaves_fresh_ones(job):
    call_command("reports_sweep", "--stuck-after-minutes", "10")
    assert ReportJob.objects.get(pk=job["id"]).attempts == 1  # queued a moment ago: left alone
    ReportJob.objects.filter(pk=job["id"]).update(queued_at=timezone.now() - dt.timedelta(minutes=11))
    call_command("reports_sweep", "--stuck-after-minutes", "10")
    assert ReportJob.objects.get(pk=job["id"]).attempts == 2


def test_beat_runs_the_sweep_every_minute(settings, job):
    from footlog.celery import app

    app.loader.import_default_modules()  # the autodiscovered task modules, as a worker loads them at start
    assert settings.CELERY_BEAT_SCHEDULE["exports-sweep"] == {"task": "exports.sweep", "schedule": 60.0}
    ReportJob.objects.filter(pk=job["id"]).update(queued_at=timezone.now() - dt.timedelta(minutes=11))
    app.tasks["exports.sweep"].apply()
    assert ReportJob.objects.get(pk=job["id"]).attempts == 2


def test_a_done_job_whose_file_is_gone_answers_404(api, job, reports_dir):
    assert report_jobs.report_job_run(job["id"]) == "done"
    for path in files_of(reports_dir, job["id"]):
        path.unlink()
    answer = api.get(f"{URL}{job['id']}/report.pdf")
    assert answer.status_code == 404 and answer.json()["detail"]
