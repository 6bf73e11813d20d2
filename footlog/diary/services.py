"""Writes to the daily log. Each function is one transaction; views and tasks call these, nothing else writes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext

from accounts.models import User
from footlog.diary import imaging, outliers, photo_storage, validation
from footlog.diary.builtin import DEFAULT_TARGET
from footlog.diary.models import (
    Entry,
    Observation,
    Photo,
    PhotoUploadRecord,
    RoutineLog,
    RoutineStep,
    RoutineStepTarget,
)
from footlog.diary.selectors import entry_by_id, photo_by_id
from footlog.lib.errors import Conflict, InvalidInput, PayloadTooLarge, PreconditionFailed, QuotaExceeded
from footlog.lib.usercache import user_caches_forget

logger = logging.getLogger(__name__)
UPLOAD_WINDOW = dt.timedelta(hours=24)  # FOOTLOG_PHOTO_DAILY_COUNT photos per user in any such window


@dataclass
class EntryData:
    """A validated entry body. `observations` are dicts of Observation fields; `routine` holds steps."""

    date: dt.date
    notes: str = ""
    observations: list[dict[str, Any]] = field(default_factory=list)
    routine: list[dict[str, Any]] = field(default_factory=list)  # {"step": RoutineStep, "done", "detail"}
    for_clinician: bool = False

    def fingerprint(self) -> str:
        canonical: dict[str, Any] = {
            "date": self.date.isoformat(),
            "notes": self.notes,
            "observations": sorted((_observation_key(o) for o in self.observations), key=lambda o: o["site"]),
            "routine": sorted(
                ({"step": r["step"].key, "done": r["done"], "detail": r.get("detail", "")} for r in self.routine),
                key=lambda r: r["step"],
            ),
        }
        if self.for_clinician:  # added later: in the fingerprint only when set, like _LATER_FLAGS below
            canonical["for_clinician"] = True
        return hashlib.sha256(json.dumps(canonical, sort_keys=True).encode()).hexdigest()


_OBSERVATION_DEFAULTS = {"largest_mm": None, "itch": 0, "pain": 0, "redness": False, "note": ""}
# Fields added after entries were first stored: they enter the fingerprint only when set, so that a body
# stored before them (say, waiting in a phone's outbox) still replays as the same entry.
_LATER_FLAGS = ("bleeding", "spreading")


def _observation_key(observation: dict[str, Any]) -> dict[str, Any]:
    # The outlier mark says the user meant the value, not what it is: a replay with or without it is the same.
    key = {**_OBSERVATION_DEFAULTS, **observation}
    key.pop("outlier_confirmed", None)
    for name in _LATER_FLAGS:
        if not key.get(name):
            key.pop(name, None)
    return key


def entry_create(
    user: User, data: EntryData, entry_id: uuid.UUID | None = None, *, ask_outliers: bool = True
) -> tuple[Entry, bool]:
    """Create the user's entry for `data.date`; returns (entry, created).

    Idempotent by client id: the same id with the same body returns the stored entry (created=False); the same
    id with another body, or another user's id, raises Conflict; a date that already has an entry raises
    Conflict carrying that entry's id. Safe under concurrent replays: the database constraints decide.
    With `ask_outliers` (all but the account import), a value far outside the user's history at its site and not
    marked `outlier_confirmed` raises `outliers.OutlierNeedsConfirmation`, after the replay and conflict checks.
    """
    entry_check(data.__dict__)
    fingerprint = data.fingerprint()
    entry_id = entry_id or uuid.uuid4()
    if ask_outliers:
        _ask_outliers_before_create(user, data, entry_id, fingerprint)
    try:
        with transaction.atomic():
            entry = Entry.objects.create(
                id=entry_id,
                user=user,
                date=data.date,
                notes=data.notes,
                for_clinician=data.for_clinician,
                create_fingerprint=fingerprint,
            )
            observations, logs = _write_children(entry, data)
        entry._written = (observations, logs)  # type: ignore[attr-defined]  # for `entry_as_written`
        return entry, True
    except IntegrityError:
        return _resolve_create_conflict(user, data, entry_id, fingerprint), False


ENTRY_FIELDS = ("date", "notes", "for_clinician", "observations", "routine")


def entry_check(fields: dict[str, Any]) -> None:
    """The shared state-free rules (footlog/diary/validation.py) on an entry's fields as services take them:
    observations hold `outlier_confirmed`, routine lines a RoutineStep. Raises InvalidInput naming the field
    (`observations[0].count`), so a command or task gets the refusal the API gives."""
    unknown = sorted(set(fields) - set(ENTRY_FIELDS))
    if unknown:
        raise ValueError(f"not a field of an entry: {', '.join(unknown)}")
    values = {name: fields[name] for name in ENTRY_FIELDS if name in fields}
    if isinstance(values.get("observations"), list | tuple):
        values["observations"] = [_observation_as_sent(o) for o in values["observations"]]
    errors: dict[str, list[str]] = {}
    if isinstance(values.get("routine"), list | tuple):
        values["routine"] = [_routine_as_sent(r) for r in values["routine"]]
        for index, line in enumerate(fields["routine"]):
            step = line.get("step") if isinstance(line, dict) else None
            if isinstance(step, str):  # a key, not a step the caller looked up for the account
                errors[f"routine[{index}].step"] = [f"Unknown or archived routine step: {step[:64]}."]
    errors = {**errors, **validation.entry_values_errors(**values)}
    if errors:
        raise InvalidInput(errors)


def _observation_as_sent(observation: Any) -> Any:
    if not isinstance(observation, dict):
        return observation
    sent = {name: value for name, value in observation.items() if name != "outlier_confirmed"}
    if "outlier_confirmed" in observation:
        sent["confirmed"] = observation["outlier_confirmed"]
    return sent


def _routine_as_sent(line: Any) -> Any:
    if isinstance(line, dict) and isinstance(line.get("step"), RoutineStep):
        return {**line, "step": line["step"].key}
    return line


def _ask_outliers_before_create(user: User, data: EntryData, entry_id: uuid.UUID, fingerprint: str) -> None:
    try:
        outliers.outliers_check(user.pk, data.date, data.observations)
    except outliers.OutlierNeedsConfirmation:
        # A replay of a stored entry, or a taken date, answers as it always did (200 or 409), never a question.
        if entry_by_id(entry_id) is not None or Entry.objects.filter(user=user, date=data.date).exists():
            _resolve_create_conflict(user, data, entry_id, fingerprint)
            return
        raise


def entry_as_written(entry: Entry) -> Entry:
    """An entry `entry_create` just created, with its children as written (a new entry has no photos) in the
    order a read gives, so the API answers without reading it back: that read cost 4 queries, a quarter of the
    save (issue 25). Its related managers then answer from these lists (only for the answer)."""
    observations, logs = entry._written  # type: ignore[attr-defined]  # set by entry_create, not a model field
    entry._prefetched_objects_cache = {  # type: ignore[attr-defined]  # Django's prefetch cache, not in the stubs
        "observations": sorted(observations, key=lambda obs: obs.site),
        "routine": sorted(logs, key=lambda log: (log.step.position, log.step.pk)),
        "photos": [],
    }
    return entry


def _resolve_create_conflict(user: User, data: EntryData, entry_id: uuid.UUID, fingerprint: str) -> Entry:
    existing = entry_by_id(entry_id)
    if existing is not None:
        if existing.user_id == user.pk and existing.create_fingerprint == fingerprint:
            return existing
        raise Conflict(gettext("An entry with this id already exists with different content."))
    taken = Entry.objects.filter(user=user, date=data.date).values_list("id", flat=True).first()
    if taken is not None:
        already = gettext("There is already an entry for %(date)s.") % {"date": data.date.isoformat()}
        raise Conflict(already, extra={"id": str(taken)})
    raise Conflict(gettext("The entry could not be stored because it conflicts with a concurrent change; retry."))


def entry_update(entry: Entry, changes: dict[str, Any], *, if_match: str | None, ask_outliers: bool = True) -> Entry:
    """Apply `changes` (any of date, notes, for_clinician, observations, routine; lists replace) if `if_match` is
    current. New observations keep their stored `outlier_confirmed` mark where count and size are unchanged; a
    changed value far outside the user's history raises `outliers.OutlierNeedsConfirmation` (nothing written)."""
    entry_check(changes)
    with transaction.atomic():
        locked = _lock_if_current(entry, if_match)
        for name in ("date", "notes", "for_clinician"):
            if name in changes:
                setattr(locked, name, changes[name])
        locked.version += 1
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError:
            taken = Entry.objects.filter(user_id=locked.user_id, date=locked.date).values_list("id", flat=True).first()
            raise Conflict(
                f"There is already an entry for {locked.date.isoformat()}.", extra={"id": str(taken)}
            ) from None
        partial = EntryData(
            date=locked.date, observations=changes.get("observations", []), routine=changes.get("routine", [])
        )
        if "observations" in changes:
            partial.observations = _observations_checked(locked, partial.observations, ask=ask_outliers)
            locked.observations.all().delete()
        if "routine" in changes:
            locked.routine.all().delete()
        _write_children(locked, partial)
    return locked


def entry_delete(entry: Entry, *, if_match: str | None = None) -> None:
    """Delete the entry and everything under it (observations, routine logs, photos and their files)."""
    with transaction.atomic():
        locked = _lock_if_current(entry, if_match)
        locked.delete()


def _lock_if_current(entry: Entry, if_match: str | None) -> Entry:
    """Lock the entry's row; raise 412 when the client's If-Match names an older version."""
    locked = Entry.objects.select_for_update().get(pk=entry.pk)
    if if_match is not None and if_match.strip() not in ("*", locked.etag, f"W/{locked.etag}"):
        raise PreconditionFailed()
    return locked


def _observations_checked(entry: Entry, observations: list[dict[str, Any]], *, ask: bool) -> list[dict[str, Any]]:
    """An edit's observations with the stored outlier marks kept; asks about changed outliers (see outliers)."""
    previous = {row["site"]: row for row in entry.observations.values("site", *outliers.FIELDS, "outlier_confirmed")}
    observations = outliers.confirmed_marks_kept(observations, previous)
    if ask:
        outliers.outliers_check(entry.user_id, entry.date, observations, previous=previous, leave_out=entry.pk)
    return observations


def _write_children(entry: Entry, data: EntryData) -> tuple[list[Observation], list[RoutineLog]]:
    observations = Observation.objects.bulk_create(Observation(entry=entry, **obs) for obs in data.observations)
    logs = RoutineLog.objects.bulk_create(
        RoutineLog(entry=entry, step=r["step"], done=r["done"], detail=r.get("detail", "")) for r in data.routine
    )
    return observations, logs


def routine_step_create(user: User, label: str, kind: str, target_per_week: int | None = None) -> RoutineStep:
    """Add the user's own step. Its key is derived from the label and never collides with any other key.

    `target_per_week` defaults to 7 for care and 0 for a trigger (which takes only 0). The shared rules
    (footlog/diary/validation.py) are checked here too: InvalidInput naming the field, as the API answers.
    """
    errors = validation.routine_step_errors(label=label, kind=kind, target_per_week=target_per_week)
    if errors:
        raise InvalidInput(errors)
    target = DEFAULT_TARGET[kind] if target_per_week is None else target_per_week
    base = "my_" + (slugify(label).replace("-", "_")[:50] or "step")
    taken = set(RoutineStep.objects.filter(user=user, key__startswith=base).values_list("key", flat=True))
    key = base
    suffix = 2
    while key in taken:
        key = f"{base}_{suffix}"
        suffix += 1
    try:
        with transaction.atomic():
            return RoutineStep.objects.create(
                user=user, key=key, label=label, kind=kind, position=1000, target_per_week=target
            )
    except IntegrityError:
        raise Conflict(gettext("A step with this name was just added; reload the list.")) from None


def routine_step_target_set(user: User, step: RoutineStep, target_per_week: int) -> None:
    """Set how often a week `user` means to do `step`: on the row of their own step, or as their override of a
    built-in one. `step` must be built in or `user`'s (see `selectors.routine_step_for`); a trigger takes only 0
    (InvalidInput, the shared rule).
    The user's cached timelines are forgotten, since adherence is measured against the target."""
    if step.user_id is not None and step.user_id != user.pk:
        raise ValueError("routine_step_target_set: the step belongs to another user")
    errors = validation.target_errors(step.kind, target_per_week)
    if errors:
        raise InvalidInput(errors)
    with transaction.atomic():
        if step.user_id is None:
            RoutineStepTarget.objects.update_or_create(
                user=user, step=step, defaults={"target_per_week": target_per_week}
            )
        else:
            RoutineStep.objects.filter(pk=step.pk).update(target_per_week=target_per_week)
        transaction.on_commit(lambda: _forget_timelines(user))


def _forget_timelines(user: User) -> None:
    # The target is stored either way; a cache that is down only delays the new adherence figures (≤ 6 hours).
    # By dotted name (footlog.lib.usercache): the timeline builds on the diary, not the reverse.
    user_caches_forget(user.pk)


def routine_step_archive(step: RoutineStep) -> None:
    """Hide a custom step from new entries; entries that logged it keep it."""
    if step.archived_at is None:
        step.archived_at = timezone.now()
        step.save(update_fields=["archived_at"])


# --- Photos ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoUpload:
    """An uploaded photo: its raw bytes (at most FOOTLOG_PHOTO_MAX_BYTES), the optional body site, what the shot
    is (`view`: models.PHOTO_VIEWS or None) and whether a coin or ruler is in frame (None: not said)."""

    data: bytes
    site: str | None = None
    view: str | None = None
    scale_in_frame: bool | None = None

    def fingerprint(self, entry: Entry) -> str:
        digest = hashlib.sha256(self.data)
        digest.update(f"|{entry.pk}|{self.site or ''}".encode())
        # Added later: in the fingerprint only when given, so that an upload queued before (bytes, entry and site
        # only) still replays as the same photo.
        if self.view is not None or self.scale_in_frame is not None:
            digest.update(f"|view={self.view or ''}|scale={self.scale_in_frame}".encode())
        return digest.hexdigest()


def photo_ingest(
    user: User, entry: Entry, upload: PhotoUpload, photo_id: uuid.UUID | None = None
) -> tuple[Photo, bool]:
    """Store a photo of `entry` (which must be `user`'s); returns (photo, created).

    The image is validated and re-encoded by `imaging.ingest` (400 naming the problem), which also measures its
    quality (stored as advice: a blurred or dark photo is kept all the same); limited to
    FOOTLOG_PHOTO_MAX_BYTES (413) and to the user's quotas (429). Idempotent by client id: the same id with the
    same bytes, entry, site, view and scale_in_frame returns the stored photo (created=False); any other use of a
    taken id, including another user's, raises Conflict without telling what is stored. Files are written before
    the row and removed again when the row is not created, so a failed call leaves nothing behind. Call it outside
    a transaction.
    """
    if entry.user_id != user.pk:
        raise ValueError("photo_ingest: the entry belongs to another user")
    max_bytes = settings.FOOTLOG_PHOTO_MAX_BYTES
    if len(upload.data) > max_bytes:
        raise PayloadTooLarge(gettext("The photo is over %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)})
    photo_fields_check(
        {
            "site": None if upload.site == "" else upload.site,
            "view": None if upload.view == "" else upload.view,
            "scale_in_frame": upload.scale_in_frame,
        }
    )
    fingerprint = upload.fingerprint(entry)
    photo_id = photo_id or uuid.uuid4()
    existing = photo_by_id(photo_id)
    if existing is not None:
        return _replayed_photo(existing, user, fingerprint), False
    _check_photo_quota(user, new_bytes=0)  # cheap early refusal before decoding
    try:
        image = imaging.ingest(upload.data)
    except imaging.ImageRejected as exc:
        raise InvalidInput({"image": [str(exc)]}) from None
    keys = [photo_storage.store_rendition(image.display.data), photo_storage.store_rendition(image.thumb.data)]
    try:
        with transaction.atomic():
            _check_photo_quota(user, new_bytes=len(image.display.data) + len(image.thumb.data), lock=True)
            photo = Photo.objects.create(
                id=photo_id,
                user=user,
                entry=entry,
                site=upload.site or None,
                view=upload.view,
                scale_in_frame=upload.scale_in_frame,
                quality_sharp=image.quality.sharp if image.quality else None,
                quality_exposure=image.quality.exposure if image.quality else None,
                width=image.display.width,
                height=image.display.height,
                display_key=keys[0],
                display_bytes=len(image.display.data),
                thumb_key=keys[1],
                thumb_bytes=len(image.thumb.data),
                create_fingerprint=fingerprint,
            )
            _record_upload(user)
    except IntegrityError:
        photo_storage.delete_files(keys)
        existing = photo_by_id(photo_id)
        if existing is not None:  # a concurrent replay of the same id won the race
            return _replayed_photo(existing, user, fingerprint), False
        raise Conflict(gettext("The photo could not be stored because its entry changed; reload and retry.")) from None
    except BaseException:
        photo_storage.delete_files(keys)
        raise
    return photo, True


@dataclass(frozen=True)
class StoredRenditions:
    """A photo decoded and re-encoded by `imaging.ingest`, its two renditions already written to the storage."""

    width: int
    height: int
    display_key: str
    display_bytes: int
    thumb_key: str
    thumb_bytes: int
    quality: imaging.Quality | None = None  # measured while decoding, as for an upload

    @property
    def keys(self) -> list[str]:
        return [self.display_key, self.thumb_key]

    @property
    def stored_bytes(self) -> int:
        return self.display_bytes + self.thumb_bytes


def photo_renditions_store(data: bytes) -> StoredRenditions:
    """The upload's safe path without a row: limit, decode, strip metadata, re-encode, write both renditions.

    For callers that write many photos in one transaction (the account import): they own the files returned
    and delete them (`photo_storage.delete_files`) when their transaction does not commit. Raises InvalidInput
    naming the problem, or PayloadTooLarge, and then has written nothing.
    """
    max_bytes = settings.FOOTLOG_PHOTO_MAX_BYTES
    if len(data) > max_bytes:
        raise PayloadTooLarge(gettext("The photo is over %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)})
    try:
        image = imaging.ingest(data)
    except imaging.ImageRejected as exc:
        raise InvalidInput({"image": [str(exc)]}) from None
    display_key = photo_storage.store_rendition(image.display.data)
    try:
        thumb_key = photo_storage.store_rendition(image.thumb.data)
    except BaseException:
        photo_storage.delete_files([display_key])
        raise
    return StoredRenditions(
        image.display.width,
        image.display.height,
        display_key,
        len(image.display.data),
        thumb_key,
        len(image.thumb.data),
        image.quality,
    )


def photo_create_stored(
    user: User, entry: Entry, stored: StoredRenditions, *, photo_id: uuid.UUID, fingerprint: str, **fields: object
) -> Photo:
    """The row of a photo whose files `photo_renditions_store` wrote, inside the caller's transaction.

    The byte quota applies (the user's row is locked, so concurrent writers are counted one after another); the
    daily upload count does not, since nothing new is decoded on the user's behalf beyond what they stored
    before. `fields` are the optional site, view, scale_in_frame, quality_sharp and quality_exposure.
    """
    if entry.user_id != user.pk:
        raise ValueError("photo_create_stored: the entry belongs to another user")
    photo_fields_check(fields)
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    _check_photo_bytes(user, stored.stored_bytes)
    if stored.quality is not None:  # what this server measured outranks what the file says
        fields = {**fields, "quality_sharp": stored.quality.sharp, "quality_exposure": stored.quality.exposure}
    return Photo.objects.create(
        id=photo_id,
        user=user,
        entry=entry,
        width=stored.width,
        height=stored.height,
        display_key=stored.display_key,
        display_bytes=stored.display_bytes,
        thumb_key=stored.thumb_key,
        thumb_bytes=stored.thumb_bytes,
        create_fingerprint=fingerprint,
        **fields,
    )


def _replayed_photo(existing: Photo, user: User, fingerprint: str) -> Photo:
    if existing.user_id == user.pk and existing.create_fingerprint == fingerprint:
        return existing
    raise Conflict(gettext("A photo with this id already exists."))


def _check_photo_quota(user: User, *, new_bytes: int, lock: bool = False) -> None:
    """Raise QuotaExceeded when another photo would pass the daily count or the stored-bytes quota.

    With `lock`, the user's row is locked first so that concurrent uploads are counted one after another.
    """
    if lock:
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    daily = settings.FOOTLOG_PHOTO_DAILY_COUNT
    since = timezone.now() - UPLOAD_WINDOW
    if PhotoUploadRecord.objects.filter(user=user, at__gte=since).count() >= daily:
        cap = gettext("You can add at most %(daily)s photos in 24 hours; please try again later.")
        raise QuotaExceeded(cap % {"daily": daily})
    _check_photo_bytes(user, new_bytes)


def photo_bytes_used(user: User) -> int:
    """The bytes of the user's stored photos (both renditions), as the quota counts them."""
    total = Photo.objects.filter(user=user).aggregate(total=Sum(F("display_bytes") + F("thumb_bytes")))["total"]
    return int(total or 0)


def _check_photo_bytes(user: User, new_bytes: int) -> None:
    quota = settings.FOOTLOG_PHOTO_QUOTA_BYTES
    used = photo_bytes_used(user)
    if used + new_bytes > quota:
        raise QuotaExceeded(
            f"Your photo storage is full ({used // 2**20} MB of {quota // 2**20} MB used); "
            "delete some photos to add new ones."
        )


def _record_upload(user: User) -> None:
    """Count a stored photo for the daily cap (kept when the photo is deleted); forget the user's old ones."""
    PhotoUploadRecord.objects.filter(user=user, at__lt=timezone.now() - UPLOAD_WINDOW).delete()
    PhotoUploadRecord.objects.create(user=user)


PHOTO_EDITABLE = ("site", "view", "scale_in_frame")


def photo_fields_check(fields: dict[str, Any]) -> None:
    """The shared rules of a photo's described fields (site, view, scale_in_frame; quality from an import)."""
    errors = validation.photo_fields_errors(fields)
    if errors:
        raise InvalidInput(errors)


def photo_update(photo: Photo, changes: dict[str, Any]) -> Photo:
    """Set any of `site` (a key, or None/""), `view` (PHOTO_VIEWS, or None/"") and `scale_in_frame` (bool or None)
    on the photo; other keys are a ValueError. The pixels and the measured quality never change."""
    unknown = set(changes) - set(PHOTO_EDITABLE)
    if unknown:
        raise ValueError(f"photo_update: not editable: {', '.join(sorted(unknown))}")
    # "" means "none" for the two choices (as at upload); False is a real answer for scale_in_frame.
    values = {name: None if value == "" and name != "scale_in_frame" else value for name, value in changes.items()}
    photo_fields_check(values)
    with transaction.atomic():
        locked = Photo.objects.select_for_update().select_related("entry").get(pk=photo.pk)
        for name, value in values.items():
            setattr(locked, name, value)
        if changes:
            locked.save(update_fields=list(changes))
    return locked


def photo_delete(photo: Photo) -> None:
    """Delete the photo's row now and its files once the transaction commits (see models._delete_photo_files)."""
    with transaction.atomic():
        Photo.objects.filter(pk=photo.pk).delete()


def photo_orphans_delete(min_age: dt.timedelta = dt.timedelta(hours=1)) -> int:
    """Delete stored photo files that no Photo row references and that are older than `min_age`; return how many.

    Such files exist only when a process died between writing the files and committing the row. Younger files
    are left alone because their upload may still be committing.
    """
    referenced = set(Photo.objects.values_list("display_key", flat=True))
    referenced |= set(Photo.objects.values_list("thumb_key", flat=True))
    orphans = [key for key in photo_storage.stored_keys(min_age) if key not in referenced]
    photo_storage.delete_files(orphans)
    return len(orphans)
