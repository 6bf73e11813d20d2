from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from footlog.diary.sites import SITE_CHOICES, SITE_KEYS

MAX_NOTE = 500
MAX_PLAN = 1000  # the contract (API.md): a dermatologist's plan may run longer than a note


class SiteOnset(models.Model):
    """When the user first noticed bumps at a site, before (or apart from) the first logged day.

    The month only: people remember "around March", not a day. `noticed_since` holds the first of that month;
    `not_sure` says the user could not tell (then there is no month).
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="site_onsets")
    site = models.CharField(max_length=24, choices=SITE_CHOICES)
    noticed_since = models.DateField(null=True, blank=True)
    not_sure = models.BooleanField(default=False)
    note = models.CharField(max_length=MAX_NOTE, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("site",)
        constraints = [
            models.UniqueConstraint(fields=["user", "site"], name="site_onset_one_per_site"),
            models.CheckConstraint(condition=Q(site__in=SITE_KEYS), name="site_onset_site_known"),
            models.CheckConstraint(
                condition=Q(noticed_since__isnull=True) | Q(noticed_since__day=1), name="site_onset_first_of_month"
            ),
            models.CheckConstraint(
                condition=~Q(not_sure=True, noticed_since__isnull=False), name="site_onset_month_or_not_sure"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.site}"


class Visit(models.Model):
    """A visit the user booked or had. A recorded visit quiets the visit nudge until the level rises again."""

    class Kind(models.TextChoices):
        BOOKED = "booked", "booked"
        VISITED = "visited", "visited"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="visits")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    # booked: the appointment's date (may lie ahead); visited: the day of the visit (never ahead).
    date = models.DateField()
    note = models.CharField(max_length=MAX_NOTE, blank=True)
    # What the dermatologist proposed ("retinoid nightly") and when they want to see the patient again. After a
    # `visited` visit the booking advice rests until new evidence or until `review_on` passes.
    plan = models.CharField(max_length=MAX_PLAN, blank=True)
    review_on = models.DateField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-date", "-created")
        constraints = [models.CheckConstraint(condition=Q(kind__in=["booked", "visited"]), name="visit_kind_valid")]
        indexes = [models.Index(fields=["user", "-date"], name="visit_user_date_desc")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.date}"
