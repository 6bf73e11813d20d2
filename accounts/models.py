from __future__ import annotations

import uuid
from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Lower
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone as django_timezone

from footlog.lib.dates import is_valid_timezone


def validate_timezone(value: str) -> None:
    """The one time-zone check of the account, its API, the reminders' API and Settings. The message names
    what was typed, so that a person sees which part was not understood."""
    if not is_valid_timezone(value):
        raise ValidationError(f"{value!r} is not a time zone footlog knows; use a name such as Europe/Berlin.")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A footlog user: logs in with an email address; dates are computed in `timezone`."""

    email = models.EmailField(max_length=254, unique=True)
    display_name = models.CharField(max_length=80, blank=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=django_timezone.now)
    # Consent to storing health data: the version of the text agreed to and when (empty = not yet given).
    health_data_consent_version = models.CharField(max_length=32, blank=True)
    health_data_consented_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()


class ImportJob(models.Model):
    """An account import (POST account/import): the uploaded zip, kept privately until the job ends, and what
    the worker made of it. Deleting the row (or the account) deletes the file, once committed."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey("accounts.User", on_delete=models.CASCADE, related_name="import_jobs")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    # {"percent", "stage", "done", "total"}; {"code", "detail", ...} when failed; counts when done.
    progress = models.JSONField(default=dict)
    error = models.JSONField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)
    file = models.FileField(upload_to="imports/", blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created = models.DateTimeField(default=django_timezone.now)
    started = models.DateTimeField(null=True, blank=True)
    # Stamped by the worker every FOOTLOG_JOB_HEARTBEAT_S while it imports (footlog/lib/heartbeat.py); the sweep
    # re-queues a running job whose stamp is stale, at most MAX_ATTEMPTS times in all.
    heartbeat = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created",)

    def __str__(self) -> str:
        return f"import {self.id} {self.status}"


@receiver(post_delete, sender=ImportJob)
def _delete_import_file(sender: type[ImportJob], instance: ImportJob, using: str, **kwargs: object) -> None:
    """Every way a job row goes (account deletion, a sweep) takes its uploaded zip, once committed."""
    if instance.file:
        storage, name = instance.file.storage, str(instance.file.name)
        transaction.on_commit(lambda: storage.delete(name), using=using)
