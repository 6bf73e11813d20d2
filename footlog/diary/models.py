from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver

from footlog.diary.photo_storage import delete_files_on_commit
from footlog.diary.sites import SITE_CHOICES, SITE_KEYS

# A photo's kind of shot, and its measured exposure: the API's words, one home here.
PHOTO_VIEWS = ("overview", "closeup")
PHOTO_VIEW_CHOICES = [("overview", "Overview"), ("closeup", "Close-up")]
EXPOSURES = ("ok", "dark", "bright")
EXPOSURE_CHOICES = [(e, e) for e in EXPOSURES]

MAX_NOTES = 5000
MAX_TARGET_PER_WEEK = 7

TARGET_IN_RANGE = Q(target_per_week__lte=MAX_TARGET_PER_WEEK)  # and ≥ 0: the fields are positive


class RoutineStep(models.Model):
    """A thing the user did (care) or was exposed to (trigger). Built-in steps have no user."""

    class Kind(models.TextChoices):
        CARE = "care", "care"
        TRIGGER = "trigger", "trigger"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="routine_steps"
    )
    key = models.SlugField(max_length=64)
    label = models.CharField(max_length=100)
    kind = models.CharField(max_length=8, choices=Kind.choices)
    position = models.PositiveSmallIntegerField(default=100)
    # How often a week the step is meant to be done (0 = as needed, not scored). For a built-in step this is the
    # default for everyone; a user's own choice for it lives in RoutineStepTarget. Triggers are always 0.
    target_per_week = models.PositiveSmallIntegerField(default=7)
    archived_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("position", "id")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="routine_step_key_unique_per_user"),
            models.UniqueConstraint(
                fields=["key"], condition=Q(user__isnull=True), name="routine_step_builtin_key_unique"
            ),
            models.CheckConstraint(condition=Q(kind__in=["care", "trigger"]), name="routine_step_kind_valid"),
            models.CheckConstraint(condition=TARGET_IN_RANGE, name="routine_step_target_range"),
            models.CheckConstraint(
                condition=Q(kind="care") | Q(target_per_week=0), name="routine_step_trigger_target_zero"
            ),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def builtin(self) -> bool:
        return self.user_id is None


class RoutineStepTarget(models.Model):
    """A user's own target for a built-in step (their own steps keep it on the step's row).

    A trigger's target is always 0: `services.routine_step_target_set` refuses anything else.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="routine_targets")
    step = models.ForeignKey(RoutineStep, on_delete=models.CASCADE, related_name="user_targets")
    target_per_week = models.PositiveSmallIntegerField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "step"], name="routine_step_target_one_per_user"),
            models.CheckConstraint(condition=TARGET_IN_RANGE, name="routine_step_target_override_range"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.step_id}: {self.target_per_week}/week"


class Entry(models.Model):
    """One day of a user's log. `version` grows on every write and is the ETag."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries")
    date = models.DateField()
    notes = models.TextField(max_length=MAX_NOTES, blank=True)
    for_clinician = models.BooleanField(default=False)  # the user marked the notes "show my dermatologist"
    version = models.PositiveIntegerField(default=1)
    # sha256 of the canonical create body: a replay with the same id and body is answered 200, not duplicated.
    create_fingerprint = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("-date",)
        verbose_name_plural = "entries"
        constraints = [models.UniqueConstraint(fields=["user", "date"], name="entry_one_per_user_and_date")]
        indexes = [models.Index(fields=["user", "-date"], name="entry_user_date_desc")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.date}"

    @property
    def etag(self) -> str:
        return f'"{self.id}-{self.version}"'


class Observation(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="observations")
    site = models.CharField(max_length=24, choices=SITE_CHOICES)
    count = models.PositiveSmallIntegerField()
    largest_mm = models.FloatField(null=True, blank=True)
    itch = models.PositiveSmallIntegerField(default=0)
    pain = models.PositiveSmallIntegerField(default=0)
    redness = models.BooleanField(default=False)
    bleeding = models.BooleanField(default=False)
    spreading = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)
    # The user confirmed a value far outside their own history at this site ("30 mm where 2 mm is usual"). Not
    # part of the replay fingerprint: it says the user meant the value, not what the value is.
    outlier_confirmed = models.BooleanField(default=False)

    class Meta:
        ordering = ("site",)
        constraints = [
            models.UniqueConstraint(fields=["entry", "site"], name="observation_one_per_site"),
            models.CheckConstraint(condition=Q(site__in=SITE_KEYS), name="observation_site_known"),
            models.CheckConstraint(condition=Q(count__gte=0, count__lte=200), name="observation_count_range"),
            models.CheckConstraint(
                condition=Q(largest_mm__isnull=True) | Q(largest_mm__gte=0, largest_mm__lte=30),
                name="observation_largest_mm_range",
            ),
            models.CheckConstraint(condition=Q(itch__lte=10, pain__lte=10), name="observation_scores_range"),
        ]

    def __str__(self) -> str:
        return f"{self.site}: {self.count}"


class RoutineLog(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="routine")
    # PROTECT: an archived custom step stays in history; steps are archived, never deleted while logged.
    step = models.ForeignKey(RoutineStep, on_delete=models.PROTECT, related_name="logs")
    done = models.BooleanField()
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("step__position", "step_id")
        constraints = [models.UniqueConstraint(fields=["entry", "step"], name="routine_log_one_per_step")]

    def __str__(self) -> str:
        return f"{self.step_id}: {'done' if self.done else 'not done'}"


class Photo(models.Model):
    """A photo of a body site on one day. Files live in the "photos" storage under server-made keys.

    Deleting the row (directly, or by cascade from its entry or user) deletes both files after the
    transaction commits: see `_delete_photo_files` below.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="photos")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="photos")
    # NULL, not "": "no site given" stays distinct from any key, and the check constraint reads plainly.
    site = models.CharField(max_length=24, choices=SITE_CHOICES, null=True, blank=True)  # noqa: DJ001
    width = models.PositiveIntegerField()  # of the display rendition
    height = models.PositiveIntegerField()
    display_key = models.CharField(max_length=255)
    display_bytes = models.PositiveIntegerField()
    thumb_key = models.CharField(max_length=255)
    thumb_bytes = models.PositiveIntegerField()
    # What the shot is (teledermatology asks for an overview and a close-up of each site) and whether a coin or
    # ruler gives scale. NULL on photos stored before these existed: "not said" stays distinct from False.
    view = models.CharField(max_length=8, choices=PHOTO_VIEW_CHOICES, null=True, blank=True)  # noqa: DJ001
    scale_in_frame = models.BooleanField(null=True, blank=True)
    # Measured at ingest on the decoded image (footlog.diary.imaging); NULL on photos stored before that.
    quality_sharp = models.BooleanField(null=True, blank=True)
    quality_exposure = models.CharField(max_length=6, choices=EXPOSURE_CHOICES, null=True, blank=True)  # noqa: DJ001
    # sha256 of the uploaded bytes and site: a replay with the same client id and upload answers 200.
    create_fingerprint = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created", "id")
        constraints = [
            models.CheckConstraint(condition=Q(site__isnull=True) | Q(site__in=SITE_KEYS), name="photo_site_known"),
            models.CheckConstraint(condition=Q(view__isnull=True) | Q(view__in=PHOTO_VIEWS), name="photo_view_known"),
            models.CheckConstraint(
                condition=Q(quality_exposure__isnull=True) | Q(quality_exposure__in=EXPOSURES),
                name="photo_exposure_known",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "created"], name="photo_user_created"),
            # The gallery and the ghost read one site (and view) of one user.
            models.Index(fields=["user", "site", "view"], name="photo_user_site_view"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.id}"

    @property
    def quality(self) -> dict[str, object] | None:
        """The API's `quality` object; None for photos stored before quality was measured."""
        if self.quality_sharp is None or self.quality_exposure is None:
            return None
        return {"sharp": self.quality_sharp, "exposure": self.quality_exposure}

    @property
    def stored_bytes(self) -> int:
        return self.display_bytes + self.thumb_bytes


class PhotoUploadRecord(models.Model):
    """One photo stored, kept when the photo is deleted: the daily cap counts uploads, not the photos left, so
    that a delete-and-upload loop cannot make the server decode without limit. Rows older than a day go."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="photo_uploads")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["user", "at"], name="photo_upload_user_at")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.at}"


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender: type[Photo], instance: Photo, using: str, **kwargs: object) -> None:
    """Every way a Photo row goes (service, entry or account deletion) takes its files, once committed."""
    delete_files_on_commit([instance.display_key, instance.thumb_key], using=using)
