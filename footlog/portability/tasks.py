"""Thin Celery tasks of the account import: ids in, one service call; harmless when run twice.

Named under "exports." so that, with FOOTLOG_TASK_QUEUES, an import (long, like a PDF report) runs on the
exports queue and never delays the evening reminders.
"""

from __future__ import annotations

from celery import shared_task

from footlog.portability import account_import


@shared_task(
    name=account_import.RUN_TASK,
    acks_late=True,
    reject_on_worker_lost=True,
    ignore_result=True,
    # Hundreds of photos are decoded and re-encoded: far longer than the default limits (120/180 s).
    soft_time_limit=account_import.TIME_LIMIT - 60,
    time_limit=account_import.TIME_LIMIT,
)
def run_import(job_id: str) -> str:
    return account_import.account_import_run(job_id)


@shared_task(name="exports.import_sweep", ignore_result=True)
def import_sweep() -> None:
    account_import.import_jobs_sweep()
