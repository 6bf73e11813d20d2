"""`manage.py reports_sweep`: re-queue or fail stuck report jobs, delete expired reports and orphan files."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandParser

from footlog.exports import report_jobs


class Command(BaseCommand):
    help = (
        "Re-queue report jobs stuck longer than --stuck-after-minutes (failed after a few tries), delete finished "
        "reports older than 7 days and report files no job references (older than --min-age-minutes)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stuck-after-minutes", type=float, default=report_jobs.STUCK_AFTER.total_seconds() / 60)
        parser.add_argument("--min-age-minutes", type=float, default=report_jobs.ORPHAN_MIN_AGE.total_seconds() / 60)

    def handle(self, *args: object, stuck_after_minutes: float, min_age_minutes: float, **options: object) -> None:
        result = report_jobs.report_jobs_sweep(
            stuck_after=dt.timedelta(minutes=stuck_after_minutes), orphan_min_age=dt.timedelta(minutes=min_age_minutes)
        )
        self.stdout.write(
            f"re-queued {result.requeued}, failed {result.failed} stuck job(s); deleted {result.expired} expired "
            f"report(s) and {result.orphans} orphaned report file(s)"
        )
