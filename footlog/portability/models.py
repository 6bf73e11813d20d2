"""The account import's job. Its table was made by the accounts app and kept its name when the model moved here
(migrations accounts 0005 and portability 0001 change Django's state only)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone


class ImportJob(models.Model):
    """An account import (POST account/import): the uploaded zip, kept privately until the job ends, and what
    the worker made of it. Deleting the row (or the account) deletes the file, once committed."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # {"percent", "stage", "done", "total"}; {"code", "detail", ...} when failed; counts when done.
    progress = models.JSONField(default=dict)
    error = models.JSONField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    file = models.FileField(upload_to="imports/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)
    started = models.DateTimeField(null=True, blank=True)
    # Stamped by the worker every FOOTLOG_JOB_HEARTBEAT_S while it imports (footlog/lib/heartbeat.py); the sweep
    # re-queues a running job whose stamp is stale, at most MAX_ATTEMPTS times in all.
    heartbeat = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "accounts_importjob"  # made by the accounts app; the move (portability 0001) kept the table
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"import {self.id} {self.status}"


@receiver(post_delete, sender=ImportJob)
def _delete_import_file(sender: type[ImportJob], instance: ImportJob, using: str, **kwargs: object) -> None:
    """Every way a job row goes (account deletion, a sweep) takes its uploaded zip, once committed."""
    if instance.file:
        storage, name = instance.file.storage, str(instance.file.name)
        transaction.on_commit(lambda: storage.delete(name), using=using)
