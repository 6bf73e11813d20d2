"""Writes for exports and sharing: share links, their access log, report jobs."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from footlog.exports import tokens
from footlog.exports.clients import coarse_client
from footlog.exports.models import ReportJob, Share, ShareAccess

MAX_SHARE_DAYS = 30
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreatedShare:
    """The one moment the plain token exists: it goes to the user and is never stored."""

    share: Share
    token: str

    @property
    def path(self) -> str:
        """The link's path; `footlog.lib.links.absolute_url` makes it absolute for the request at hand."""
        return reverse("share-page", kwargs={"token": self.token})


def share_create(
    user: Any, *, start: dt.date, end: dt.date, include_photos: bool, expires_in_days: int
) -> CreatedShare:
    """Open a read-only link to the user's history for [start, end], valid `expires_in_days` (1-30) days."""
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise ValueError("expires_in_days must be 1-30")  # the serializer answers this with a 400 first
    token = tokens.new_token()
    now = timezone.now()
    share = Share.objects.create(
        user=user,
        token_hash=tokens.token_hash(token),
        start=start,
        end=end,
        include_photos=include_photos,
        created=now,
        expires_at=now + dt.timedelta(days=expires_in_days),
    )
    return CreatedShare(share, token)


def share_revoke(share: Share) -> None:
    """Close the link for good; revoking twice keeps the first time."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])


def share_access_record(share: Share, user_agent: str, resource: str) -> None:
    ShareAccess.objects.create(share=share, client=coarse_client(user_agent)[:80], resource=resource)


def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (the share URL), for the page that created the link."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def rate_limit_hit(scope: str, client_ip: str, *, limit: int, window_seconds: int = 60) -> bool:
    """Count one request of `client_ip` in a fixed window; True when it is over `limit`.

    The IP is hashed with the secret key before it becomes a cache key, so no cache dump holds it either.
    """
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_ip}".encode()).hexdigest()[:24]
    window = int(timezone.now().timestamp()) // window_seconds
    key = f"rl:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=window_seconds * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=window_seconds * 2)
        count = 1
    return count > limit


def report_job_create(user: Any, *, start: dt.date, end: dt.date, questions: str) -> ReportJob:
    """Queue a PDF report for the worker; the caller polls the job for progress."""
    from footlog.exports.tasks import build_report

    with transaction.atomic():
        job = ReportJob.objects.create(user=user, start=start, end=end, questions=questions)
        build_report.delay_on_commit(str(job.pk))  # type: ignore[attr-defined]  # Celery 5.4+, untyped
    return job


def _job_progress(job_id: Any, percent: int) -> None:
    ReportJob.objects.filter(pk=job_id).update(progress=percent)


def report_job_run(job_id: str) -> str:
    """Build the job's PDF and store it; returns the final state.

    Claimed with a conditional UPDATE so that a redelivered message (acks_late) never builds twice: only a
    pending job, or a running one whose worker died long enough ago, is taken. A done or failed job is left.
    """
    from footlog.exports.pdf import render_pdf
    from footlog.exports.photos import owned_photo_reader
    from footlog.exports.report import build_report

    stale = timezone.now() - dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    claimed = (
        ReportJob.objects.filter(pk=job_id)
        .filter(Q(state=ReportJob.State.PENDING) | Q(state=ReportJob.State.RUNNING, started__lt=stale))
        .update(state=ReportJob.State.RUNNING, started=timezone.now(), progress=5)
    )
    job = ReportJob.objects.select_related("user").filter(pk=job_id).first()
    if not claimed or job is None:
        return job.state if job else "missing"
    try:
        report = build_report(job.user, job.start, job.end, questions=job.questions)
        _job_progress(job.pk, 40)
        pdf = render_pdf(report, owned_photo_reader(job.user))
        _job_progress(job.pk, 90)
        job.file.save(f"{job.pk}.pdf", ContentFile(pdf), save=False)
        job.state, job.progress, job.finished = ReportJob.State.DONE, 100, timezone.now()
        job.save(update_fields=["file", "state", "progress", "finished"])
    except Exception:
        # The user sees "failed" and may retry; the traceback goes to the worker log (no health data in it).
        logger.exception("report job %s failed", job.pk)
        ReportJob.objects.filter(pk=job.pk).update(
            state=ReportJob.State.FAILED, error="The report could not be built; try again.", finished=timezone.now()
        )
        return ReportJob.State.FAILED
    return ReportJob.State.DONE
