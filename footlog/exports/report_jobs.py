"""Report jobs: PDF reports built by the worker, their files, and the sweep that keeps both in order.

A job's file lives exactly as long as its row: a row deleted while its job runs takes the file the job is about
to write (the job sees its final UPDATE match no row and deletes the file), a deleted row takes its stored file
(models._delete_report_file), and the sweep removes what a killed process left behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from kombu.exceptions import OperationalError

from accounts.models import User
from footlog.exports.models import ReportJob
from footlog.i18n import account_language, known, speaking
from footlog.lib.errors import ServiceUnavailable
from footlog.lib.heartbeat import beating
from footlog.lib.tasks import send

logger = logging.getLogger(__name__)

RETENTION = dt.timedelta(days=7)  # a finished report (file and row) is kept this long
# A pending job whose message was lost (broker restart) waits this long before the sweep queues it again. A running
# job is judged by its heartbeat instead (FOOTLOG_JOB_STALE_S, 2 minutes): its worker stamps it while it builds.
STUCK_AFTER = dt.timedelta(minutes=10)
# Stored in English (the worker has no reader); ReportJobOut words them in the reader's language when read.
GAVE_UP = gettext_noop("The report could not be built after 3 tries (its worker stopped each time); try again later.")
BUILD_FAILED = gettext_noop("The report could not be built; try again.")
ORPHAN_MIN_AGE = dt.timedelta(hours=1)  # younger files may belong to a job committing right now
BUILD_TASK = "exports.build_report"  # by name (footlog/lib/tasks.py): tasks.py imports this module
MAX_ATTEMPTS = 3  # times a job is handed to the queue before the sweep gives up on it
REPORTS_DIR = "reports"
# What publishing raises when the broker is down (Celery wraps connection errors after its publish retries).
BROKER_ERRORS = (OperationalError, OSError)


def _storage() -> Storage:
    return ReportJob._meta.get_field("file").storage


def _enqueue(job_id: uuid.UUID) -> None:
    send(BUILD_TASK, str(job_id))  # now, not on commit: the caller withdraws the job when the broker is down


def report_job_create(
    user: User, *, start: dt.date, end: dt.date, questions: str, language: str | None = None
) -> ReportJob:
    """Queue a PDF report for the worker, written in `language` (a code footlog speaks; else the account's, else
    English: the worker has no browser to ask); the caller polls the job for progress.

    When the broker cannot take the message the job is removed again and ServiceUnavailable raised: a pending
    job nothing will ever pick up is worse than a 503 the client can retry.
    """
    language = language if language and known(language) else account_language(user) or settings.LANGUAGE_CODE
    job = ReportJob.objects.create(user=user, start=start, end=end, questions=questions, language=language, attempts=1)
    transaction.on_commit(lambda: _enqueue_or_withdraw(job))  # at once outside a transaction (the API view)
    return job


def _enqueue_or_withdraw(job: ReportJob) -> None:
    try:
        _enqueue(job.pk)
    except BROKER_ERRORS as exc:
        logger.warning("report job %s not queued: the broker is unavailable (%s)", job.pk, type(exc).__name__)
        job.delete()
        raise ServiceUnavailable(gettext("Reports cannot be queued right now; try again in a minute.")) from None


def report_job_run(job_id: str) -> str:
    """Build the job's PDF and store it; returns the job's state afterwards ("missing" when it was deleted).

    Claimed with a conditional UPDATE so that a redelivered message (acks_late) never builds twice: only a
    pending job, or a running one whose worker died long enough ago, is taken. A done or failed job is left.
    """
    job = _claim(job_id)
    if job is None:
        return _state_of(job_id)
    this_run = ReportJob.objects.filter(pk=job.pk, state=ReportJob.State.RUNNING, started=job.started)
    try:
        with beating(lambda: this_run.update(heartbeat=timezone.now())):
            pdf = _render(job)
    except Exception:
        return _fail(job)
    return _store(job, pdf)


def _lost(now: dt.datetime) -> Q:
    """Running, but its worker stopped stamping it (or, from before heartbeats, started past the time limit)."""
    stale = now - dt.timedelta(seconds=settings.FOOTLOG_JOB_STALE_S)
    limit = now - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return Q(state=ReportJob.State.RUNNING) & (Q(heartbeat__lt=stale) | Q(heartbeat__isnull=True, started__lt=limit))


def _claim(job_id: str) -> ReportJob | None:
    now = timezone.now()
    claimed = (
        ReportJob.objects.filter(pk=job_id)
        .filter(Q(state=ReportJob.State.PENDING) | _lost(now))
        .update(state=ReportJob.State.RUNNING, started=now, heartbeat=now, progress=5)
    )
    return ReportJob.objects.select_related("user").filter(pk=job_id).first() if claimed else None


def _state_of(job_id: str) -> str:
    return ReportJob.objects.filter(pk=job_id).values_list("state", flat=True).first() or "missing"


def _render(job: ReportJob) -> bytes:
    # WeasyPrint (and the report with it) loads only in the worker that builds a report
    from footlog.exports.pdf import render_pdf
    from footlog.exports.photos import owned_photo_reader
    from footlog.exports.report import build_report

    with speaking(job.language):  # the language asked for when the job was made, not the worker's
        report = build_report(job.user, job.start, job.end, questions=job.questions)
        ReportJob.objects.filter(pk=job.pk).update(progress=40)
        pdf = render_pdf(report, owned_photo_reader(job.user))
    ReportJob.objects.filter(pk=job.pk).update(progress=90)
    return pdf


def _running(job: ReportJob) -> QuerySet[ReportJob]:
    return ReportJob.objects.filter(pk=job.pk, state=ReportJob.State.RUNNING)


def _fail(job: ReportJob) -> str:
    """Called from an except block: the user sees "failed" and may retry; the traceback goes to the worker log
    (no health data in it). A job whose row went meanwhile (account deleted) failed for that reason alone."""
    failed = _running(job).update(state=ReportJob.State.FAILED, error=BUILD_FAILED, finished=timezone.now())
    if not failed:
        logger.info("report job %s was deleted or re-queued while it ran", job.pk)
        return _state_of(str(job.pk))
    logger.exception("report job %s failed", job.pk)
    return ReportJob.State.FAILED


def _store(job: ReportJob, pdf: bytes) -> str:
    """Write the file, then mark the job done only if it is still this run's: otherwise delete the file."""
    name = _storage().save(f"{REPORTS_DIR}/{job.pk}.pdf", ContentFile(pdf))
    try:
        stored = _running(job).update(file=name, state=ReportJob.State.DONE, progress=100, finished=timezone.now())
    except Exception:
        _storage().delete(name)
        raise
    if not stored:
        # The row was deleted (or the job re-queued) while it ran: the file belongs to no one.
        _storage().delete(name)
        logger.info("report job %s was deleted or re-queued while it ran; its file is removed", job.pk)
        return _state_of(str(job.pk))
    return ReportJob.State.DONE


@dataclass(frozen=True)
class SweepResult:
    requeued: int
    failed: int
    expired: int
    orphans: int


def report_jobs_sweep(
    *, stuck_after: dt.timedelta = STUCK_AFTER, orphan_min_age: dt.timedelta = ORPHAN_MIN_AGE
) -> SweepResult:
    """Re-queue or fail stuck jobs, delete finished jobs past RETENTION (files too), delete orphan files."""
    requeued, failed = _unstick(timezone.now(), timezone.now() - stuck_after)
    expired = _expire(timezone.now() - RETENTION)
    return SweepResult(requeued, failed, expired, _delete_orphans(orphan_min_age))


def _stuck(now: dt.datetime, cutoff: dt.datetime) -> QuerySet[ReportJob]:
    """Pending jobs whose message was lost (broker restart, enqueue failure in a sweep) and running jobs whose
    worker died (kill -9: its heartbeat stops; the unacknowledged message would wait for the broker's visibility
    timeout, an hour). A running job older than `cutoff` counts too (the sweep command's --stuck-after-minutes)."""
    return ReportJob.objects.filter(
        Q(state=ReportJob.State.PENDING, queued_at__lt=cutoff)
        | _lost(now)
        | Q(state=ReportJob.State.RUNNING, started__lt=cutoff)
    )


def _unstick(now: dt.datetime, cutoff: dt.datetime) -> tuple[int, int]:
    failed = (
        _stuck(now, cutoff)
        .filter(attempts__gte=MAX_ATTEMPTS)
        .update(state=ReportJob.State.FAILED, error=GAVE_UP, finished=timezone.now())
    )
    requeued = 0
    for job_id in _stuck(now, cutoff).values_list("pk", flat=True):
        # Conditional, so two sweeps at once re-queue a job once.
        taken = (
            _stuck(now, cutoff)
            .filter(pk=job_id)
            .update(state=ReportJob.State.PENDING, progress=0, queued_at=timezone.now(), attempts=F("attempts") + 1)
        )
        if not taken:
            continue
        try:
            _enqueue(job_id)
        except BROKER_ERRORS:
            # Still pending: the next sweep after `stuck_after` tries again.
            logger.warning("report sweep: the broker is unavailable; %s re-queued so far", requeued)
            break
        requeued += 1
    return requeued, failed


def _expire(cutoff: dt.datetime) -> int:
    # Deleted row by row so that each takes its file (models._delete_report_file).
    expired = ReportJob.objects.filter(finished__lt=cutoff, state__in=[ReportJob.State.DONE, ReportJob.State.FAILED])
    count, _ = expired.delete()
    return count


def _delete_orphans(min_age: dt.timedelta) -> int:
    """Files in the reports directory that no job references (a process died between writing and recording)."""
    storage = _storage()
    try:
        _, names = storage.listdir(REPORTS_DIR)
    except FileNotFoundError:
        return 0
    referenced = set(ReportJob.objects.exclude(file="").values_list("file", flat=True))
    cutoff = timezone.now() - min_age
    orphans = [
        path
        for path in (f"{REPORTS_DIR}/{name}" for name in names)
        if path not in referenced and storage.get_modified_time(path) < cutoff
    ]
    for path in orphans:
        storage.delete(path)
    return len(orphans)
