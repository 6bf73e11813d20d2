"""Thin Celery tasks of sharing: one service call each, harmless when run twice."""

from __future__ import annotations

from celery import shared_task

from footlog.sharing.services import shl_files_drop_closed

SWEEP_TASK = "sharing.sweep"


@shared_task(name=SWEEP_TASK, ignore_result=True)
def sweep() -> None:
    """Beat, every minute: drop the SMART Health Link files of shares that closed (expired, revoked, locked)."""
    shl_files_drop_closed()
