"""Thin Celery tasks: ids in, one service call; harmless when run twice (see report_jobs.report_job_run)."""

from __future__ import annotations

from celery import shared_task

from footlog.exports import report_jobs


@shared_task(name=report_jobs.BUILD_TASK, acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def build_report(job_id: str) -> str:
    return report_jobs.report_job_run(job_id)


@shared_task(name="exports.sweep", ignore_result=True)
def sweep() -> None:
    """Beat, every few minutes: stuck jobs, expired reports and orphan files (see report_jobs_sweep)."""
    report_jobs.report_jobs_sweep()
