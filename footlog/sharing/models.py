"""Share links: a read-only, expiring, revocable view of one user's history, and its visits.

A share link's token is shown to the user once, at creation; only its sha256 is stored, so a database leak
does not open anyone's history. The tables were made by the exports app and kept their names when the models
moved here (migrations exports 0006 and sharing 0001 change Django's state only).
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from footlog.exports.models import MAX_QUESTIONS

# Wrong passcodes a share takes before it locks (the SMART Health Link's `remainingAttempts` counts these down).
PASSCODE_ATTEMPTS = 10


class Share(models.Model):
    """A read-only, expiring, revocable view of one user's history for a date range."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shares")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    start = models.DateField()
    end = models.DateField()
    include_photos = models.BooleanField(default=False)
    questions = models.TextField(max_length=MAX_QUESTIONS, blank=True)  # the patient's, shown on page and PDF
    # The reader's language (en/de/es) the patient chose; "" (shares made before) lets the reader's browser decide.
    language = models.CharField(max_length=8, blank=True, default="")
    created = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    # Optional passcode (Django's password hash; "" = none): it gates the page, its PDF and photos and the SMART
    # Health Link's manifest alike, with one counter. At zero the share is locked, which closes it like a revoke.
    passcode_hash = models.CharField(max_length=128, blank=True, editable=False)
    passcode_attempts_left = models.PositiveSmallIntegerField(default=PASSCODE_ATTEMPTS)
    # The SMART Health Link: sha256 of the manifest id in its URL (NULL for shares made before it existed) and the
    # share's FHIR Bundle as a compact JWE, encrypted once at creation. The key lives only in the shlink payload.
    shl_id_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001 (unique)
    shl_jwe = models.TextField(blank=True, editable=False)

    class Meta:
        db_table = "exports_share"  # made by the exports app; the move (sharing 0001) kept the table
        ordering = ("-created",)
        constraints = [
            models.CheckConstraint(condition=Q(start__lte=F("end")), name="share_range_ordered"),
            models.CheckConstraint(condition=Q(expires_at__gt=F("created")), name="share_expires_after_creation"),
        ]

    def __str__(self) -> str:
        return f"share {self.id} of {self.user_id}"

    @property
    def has_passcode(self) -> bool:
        return bool(self.passcode_hash)

    @property
    def is_locked(self) -> bool:
        """Too many wrong passcodes: the share then gives nothing, like a revoked one."""
        return self.has_passcode and self.passcode_attempts_left <= 0

    def is_open(self, now: dt.datetime | None = None) -> bool:
        return self.revoked_at is None and not self.is_locked and (now or timezone.now()) < self.expires_at


class ShareAccess(models.Model):
    """One visit of a share page or its PDF/photos. `client` is coarse ("Firefox on Android"); no IP is kept."""

    share = models.ForeignKey(Share, on_delete=models.CASCADE, related_name="accesses")
    at = models.DateTimeField(default=timezone.now)
    client = models.CharField(max_length=80)
    # page | pdf | photo | shl-manifest | shl-file | bad-passcode
    resource = models.CharField(max_length=16, default="page")

    class Meta:
        db_table = "exports_shareaccess"
        ordering = ("-at",)
        indexes = [models.Index(fields=["share", "-at"], name="share_access_share_at")]

    def __str__(self) -> str:
        return f"{self.share_id} {self.at:%Y-%m-%d %H:%M} {self.client}"
