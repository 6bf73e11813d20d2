"""Report jobs: PDF reports built by the worker.

The share models live in `footlog.sharing.models` (their tables keep the names they were made with here).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

# The patient's questions for the clinician, on a report and a share alike.
MAX_QUESTIONS = 2000


class ReportJob(models.Model):
    """A PDF report built by the worker for ranges too long to render inside a request."""

    class State(models.TextChoices):
        PENDING = "pending", "pending"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="report_jobs")
    start = models.DateField()
    end = models.DateField()
    questions = models.TextField(max_length=MAX_QUESTIONS, blank=True)
    # The reader's language (issue 26), fixed when the job is asked for: the worker has no request to ask.
    language = models.CharField(max_length=8, default="en")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    # Times handed to the queue, and the last time: the sweep re-queues a lost job a few times, then fails it.
    attempts = models.PositiveSmallIntegerField(default=0)
    queued_at = models.DateTimeField(default=timezone.now)
    file = models.FileField(upload_to="reports/", blank=True)
    error = models.CharField(max_length=200, blank=True)
    created = models.DateTimeField(default=timezone.now)
    started = models.DateTimeField(null=True, blank=True)
    # Stamped by the worker every FOOTLOG_JOB_HEARTBEAT_S while it builds (footlog/lib/heartbeat.py).
    heartbeat = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created",)
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="report_job_progress_percent")]

    def __str__(self) -> str:
        return f"report {self.id} {self.state}"


@receiver(pre_delete, sender=ReportJob)
def _delete_report_file(sender: type[ReportJob], instance: ReportJob, using: str, **kwargs: object) -> None:
    """Every way a job row goes (account deletion, the retention sweep) takes its PDF, once committed.

    The file name is read again under a row lock rather than taken from `instance`, which the deletion loaded
    earlier: a worker finishing right now has either stored its name (read here) or waits for the lock, then
    finds no row and deletes its file itself (report_jobs.report_job_run).
    """
    name = ReportJob.objects.using(using).select_for_update().filter(pk=instance.pk).values_list("file", flat=True)
    stored = next(iter(name), "")
    if stored:
        storage = ReportJob._meta.get_field("file").storage
        transaction.on_commit(lambda: storage.delete(stored), using=using)
