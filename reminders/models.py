"""Reminder preferences, push subscriptions, the per-kind schedule and the delivery record.

Every row hangs off the user with CASCADE: deleting an account removes every pending reminder, delivery and
subscription with it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

ALL_WEEKDAYS = [0, 1, 2, 3, 4, 5, 6]
SWEEP_GRACE = dt.timedelta(minutes=5)  # an open delivery whose message is this late lost it: enqueue it again


def sweep_after_default() -> dt.datetime:
    return timezone.now() + SWEEP_GRACE


def default_weekdays() -> list[int]:
    return list(ALL_WEEKDAYS)


def default_channels() -> list[str]:
    return ["email"]


class Kind(models.TextChoices):
    DAILY_LOG = "daily_log", "daily log reminder"
    WEEKLY_PHOTO = "weekly_photo", "weekly photo reminder"
    VISIT_NUDGE = "visit_nudge", "visit nudge"


class Channel(models.TextChoices):
    EMAIL = "email", "email"
    PUSH = "push", "push"


class ReminderPreference(models.Model):
    """What the user asked for. `time` is a wall-clock time in the account's time zone (`User.timezone`, the only
    home of the zone: the preference keeps no copy, so a change anywhere moves the reminders)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_preference")
    enabled = models.BooleanField(default=False)
    time = models.TimeField(default=dt.time(20, 30))
    weekdays = models.JSONField(default=default_weekdays)  # 0 = Monday … 6 = Sunday
    channels = models.JSONField(default=default_channels)
    skip_if_logged = models.BooleanField(default=True)
    weekly_photo = models.BooleanField(default=True)
    photo_weekday = models.PositiveSmallIntegerField(default=6)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.CheckConstraint(condition=Q(photo_weekday__lte=6), name="reminder_photo_weekday_0_6")]

    def __str__(self) -> str:
        return f"reminders of {self.user_id}"

    @property
    def timezone(self) -> str:
        return str(self.user.timezone)


class Reminder(models.Model):
    """One schedule row per user and kind. The beat tick claims rows whose `next_fire_at` (UTC) has passed.

    `next_fire_at` is NULL when the kind is switched off. The `nudge_*` fields hold the visit nudge's episode:
    `nudge_level` is the highest level already nudged in the current run of days at "book" or above ("" when no
    such run is open), so a run nudges once at its start and once more on escalation to "urgent";
    `nudge_quiet_since` is the first day of a stretch below "book" inside the run (it ends after two weeks of them).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    preference = models.ForeignKey(ReminderPreference, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    next_fire_at = models.DateTimeField(null=True, blank=True)
    last_fired_at = models.DateTimeField(null=True, blank=True)
    nudge_level = models.CharField(max_length=8, blank=True, default="")
    nudge_quiet_since = models.DateField(null=True, blank=True)
    nudge_last_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="reminder_one_per_user_and_kind")]
        indexes = [
            models.Index(fields=["next_fire_at"], name="reminder_due", condition=Q(next_fire_at__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.kind} of {self.user_id} at {self.next_fire_at}"


class PushSubscription(models.Model):
    """A browser's PushSubscription. The endpoint is a capability URL: never logged."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions")
    endpoint = models.URLField(max_length=2000, unique=True)
    p256dh = models.CharField(max_length=128)
    auth = models.CharField(max_length=64)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created", "id")

    def __str__(self) -> str:
        return f"push subscription {self.pk} of {self.user_id}"

    def as_subscription_info(self) -> dict[str, object]:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


class Delivery(models.Model):
    """One reminder of one kind, for one local date, on one channel. The unique constraint makes a second
    send impossible even when two beats or two workers race; each try is a `DeliveryAttempt`."""

    class Status(models.TextChoices):
        PENDING = "pending", "pending"
        RETRY = "retry", "waiting to retry"
        SENT = "sent", "sent"
        SKIPPED = "skipped", "skipped"
        FAILED = "failed", "failed"

    OPEN = (Status.PENDING, Status.RETRY)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    local_date = models.DateField()
    channel = models.CharField(max_length=8, choices=Channel.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    # Counted when a try starts (committed before the network call), so a try that kills the worker counts too.
    attempts = models.PositiveSmallIntegerField(default=0)
    # When the next try is due: creation for the first, the failure time plus the backoff for a retry.
    next_attempt_at = models.DateTimeField()
    # When the sweep may take the delivery's task message as lost and enqueue it again. Its own column: moving
    # it never postpones a due retry.
    sweep_after = models.DateTimeField(default=sweep_after_default)
    created = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A visit nudge's level ("book" or "urgent"): its message speaks for the level it was decided at, even when
    # sent late. A database default too, since the PostgreSQL bulk insert names its columns.
    level = models.CharField(max_length=8, blank=True, default="", db_default="")

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "local_date", "channel"], name="delivery_one_per_user_kind_date_channel"
            )
        ]
        indexes = [
            models.Index(fields=["sweep_after"], name="delivery_open", condition=Q(status__in=["pending", "retry"]))
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.channel} {self.local_date} of {self.user_id}: {self.status}"


class DeliveryAttempt(models.Model):
    """What happened on one try. `error` names the failure class and status, never tokens or endpoints."""

    class Outcome(models.TextChoices):
        SENT = "sent", "sent"
        SKIPPED = "skipped", "skipped"
        TRANSIENT = "transient", "transient error"
        PERMANENT = "permanent", "permanent error"

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    error = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("delivery", "number")

    def __str__(self) -> str:
        return f"attempt {self.number} of {self.delivery_id}: {self.outcome}"
