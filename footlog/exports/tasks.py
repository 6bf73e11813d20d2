"""Thin Celery tasks: ids in, one service call; harmless when run twice (see services.report_job_run)."""

from __future__ import annotations

from celery import shared_task

from footlog.exports import services


@shared_task(name="exports.build_report", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def build_report(job_id: str) -> str:
    return services.report_job_run(job_id)
