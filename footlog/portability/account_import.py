"""Account import: footlog's own export zip taken back into an empty or existing account, as a job.

Contract (README "Import"):
- All or nothing. Photos are decoded and re-encoded through the upload's safe path first (their files are
  written then, and deleted again if anything fails); every row is written in one transaction afterwards.
- Idempotent on (date, content): an entry whose date already holds the same content is left as it is, as are
  its photos already imported (each imported photo's fingerprint is the sha256 of its bytes, date and site);
  importing the same zip twice changes nothing. A date holding other content refuses the whole import (409,
  listing the dates).
- Ids already taken (by anyone) are re-minted; custom routine steps are matched by key and label, or created.
- The account's time zone and settings are kept, unless the account holds no health data yet: then the zip's
  are taken (zone, display name, reminders, timeline thresholds, targets of built-in steps).
- The byte quota of photos applies; the daily photo count does not.
- Whatever can be checked at once (a zip, footlog's, a known version, valid JSON and values, safe names and
  sizes, conflicting dates) is refused by `account_import_create` before anything is stored or queued.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import traceback
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from accounts.services import account_update
from footlog.clinical.models import SiteOnset, Visit
from footlog.clinical.services import site_onset_set, visit_record
from footlog.diary import photo_storage
from footlog.diary import services as diary
from footlog.diary.models import Entry, Photo, RoutineStep
from footlog.i18n import speaking
from footlog.lib import safezip
from footlog.lib.dates import today_in
from footlog.lib.errors import Conflict, FootlogError, InvalidInput, QuotaExceeded, ServiceUnavailable
from footlog.lib.heartbeat import beating
from footlog.lib.tasks import send
from footlog.portability.import_document import ExportDocument, ImportRefused, StepData, open_export
from footlog.portability.models import ImportJob
from footlog.timeline.services import timeline_cache_forget, timeline_settings_update
from reminders.models import PushSubscription
from reminders.services import preferences_update

logger = logging.getLogger(__name__)

TIME_LIMIT = 1800  # seconds: the task's hard limit (tasks.py)
# Enqueued by name (footlog/lib/tasks.py): tasks.py imports this module. Under "exports." so that, with
# FOOTLOG_TASK_QUEUES, an import (long, like a PDF report) runs on the exports queue.
RUN_TASK = "exports.import_account"
BROKER_ERRORS: tuple[type[BaseException], ...]
try:
    from kombu.exceptions import OperationalError

    BROKER_ERRORS = (OperationalError, OSError)
except ImportError:  # pragma: no cover - kombu comes with Celery
    BROKER_ERRORS = (OSError,)


# --- the job -------------------------------------------------------------------------------------------


def account_import_create(user: User, upload: IO[bytes], size: int) -> ImportJob:
    """Check the uploaded zip now (ImportRefused 400, Conflict 409 listing the dates), store it privately and
    queue the job; the caller polls `ImportJob` for progress. Nothing is stored when a check fails."""
    if size > settings.FOOTLOG_IMPORT_MAX_BYTES:
        raise too_large()
    archive, document = open_export(upload)
    with archive:
        _plan(user, document)  # conflicts and dates, before anything is stored
    upload.seek(0)
    job = ImportJob(user=user, size=size, progress={"stage": "queued", "percent": 0})
    job.file.save(f"{job.pk}.zip", File(upload), save=False)
    try:
        job.save()
    except BaseException:
        job.file.delete(save=False)
        raise
    transaction.on_commit(lambda: _enqueue_or_withdraw(job))
    return job


def too_large() -> ImportRefused:
    limit = settings.FOOTLOG_IMPORT_MAX_BYTES
    return ImportRefused("too_large", f"The file is larger than an import may be ({limit // 2**20} MB).")


def _enqueue_or_withdraw(job: ImportJob) -> None:
    try:
        send(RUN_TASK, str(job.pk))
    except BROKER_ERRORS as exc:
        logger.warning("import job %s not queued: the broker is unavailable (%s)", job.pk, type(exc).__name__)
        job.delete()
        raise ServiceUnavailable(gettext("Imports cannot be queued right now; try again in a minute.")) from None


def import_job_of(user: User, pk: Any) -> ImportJob | None:
    """The user's own job, or None (another user's job, or no such id)."""
    try:
        return ImportJob.objects.filter(user=user, pk=uuid.UUID(str(pk))).first()
    except ValueError:
        return None


def account_import_run(job_id: str) -> str:
    """Run a queued job (what the worker calls); returns its status afterwards ("missing" when it is gone).

    Claimed with a conditional UPDATE, so a redelivered message never imports twice; a finished job is left.
    """
    now = timezone.now()
    claimed = (
        ImportJob.objects.filter(pk=job_id)
        .filter(Q(status=ImportJob.Status.QUEUED) | _lost(now))
        .update(
            status=ImportJob.Status.RUNNING, started=now, heartbeat=now, progress={"stage": "checking", "percent": 1}
        )
    )
    job = ImportJob.objects.select_related("user").filter(pk=job_id).first() if claimed else None
    if job is None:
        return ImportJob.objects.filter(pk=job_id).values_list("status", flat=True).first() or "missing"
    this_run = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING, started=job.started)
    try:
        # English, whatever the worker's thread last spoke: the stored outcome is read later, and the document's
        # own format messages (import_document.py) are English; the gate's messages are written to match.
        with job.file.open("rb") as upload, beating(lambda: this_run.update(heartbeat=timezone.now())), speaking(None):
            result = _run(job, upload)
    except FootlogError as exc:
        return _finish(job, ImportJob.Status.FAILED, error=_error_of(exc))
    except Exception as exc:
        # The frames, not the message: a database error's message may quote a failing row, notes and all.
        frames = "".join(traceback.format_tb(exc.__traceback__))
        logger.error("import job %s failed: %s\n%s", job.pk, type(exc).__name__, frames)
        error = {"code": "import_failed", "detail": "The import failed; nothing was stored. Try again."}
        return _finish(job, ImportJob.Status.FAILED, error=error)
    return _finish(job, ImportJob.Status.DONE, result=result)


def _error_of(exc: FootlogError) -> dict[str, Any]:
    code = exc.code or {Conflict: "import_conflict", QuotaExceeded: "quota_exceeded"}.get(type(exc), "invalid_data")
    detail = exc.detail
    if isinstance(exc, InvalidInput):
        detail = " ".join(m for messages in exc.errors.values() for m in messages) or exc.detail
    return {"code": code, "detail": detail, **{k: v for k, v in exc.extra.items() if k != "code"}}


def _finish(job: ImportJob, status: str, **outcome: Any) -> str:
    """Record the outcome and delete the uploaded zip: it is not kept once the job has ended."""
    progress = {"stage": status, "percent": 100 if status == ImportJob.Status.DONE else job.progress.get("percent", 0)}
    name = job.file.name
    updated = ImportJob.objects.filter(pk=job.pk, status=ImportJob.Status.RUNNING).update(
        status=status, progress=progress, finished=timezone.now(), file="", **outcome
    )
    if name:
        job.file.storage.delete(name)
    return (
        status if updated else ImportJob.objects.filter(pk=job.pk).values_list("status", flat=True).first() or "missing"
    )


def _progress(job: ImportJob, stage: str, done: int, total: int, low: int, high: int) -> None:
    percent = low + (high - low) * done // max(total, 1)
    ImportJob.objects.filter(pk=job.pk).update(
        progress={"stage": stage, "done": done, "total": total, "percent": percent}
    )


STUCK_AFTER = dt.timedelta(
    seconds=TIME_LIMIT + 600
)  # far past the task's hard time limit: its message or worker was lost
RETENTION = dt.timedelta(days=7)
MAX_ATTEMPTS = 3  # runs of one job in all: the sweep re-queues a job whose worker stopped twice, then fails it


def _lost(now: dt.datetime) -> Q:
    """Running, but its worker stopped stamping it (FOOTLOG_JOB_STALE_S), or (from before heartbeats) started
    past the task's hard time limit."""
    stale = now - dt.timedelta(seconds=settings.FOOTLOG_JOB_STALE_S)
    return Q(status=ImportJob.Status.RUNNING) & (
        Q(heartbeat__lt=stale) | Q(heartbeat__isnull=True, started__lt=now - dt.timedelta(seconds=TIME_LIMIT))
    )


def _requeue_lost(now: dt.datetime) -> int:
    """Jobs whose worker stopped (kill -9, out of memory) go back to the queue, their zip still kept; a job
    already run MAX_ATTEMPTS times is left to fail below. Conditional, so two sweeps re-queue a job once."""
    requeued = 0
    for pk in ImportJob.objects.filter(_lost(now), attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True):
        taken = ImportJob.objects.filter(_lost(now), pk=pk, attempts__lt=MAX_ATTEMPTS).update(
            status=ImportJob.Status.QUEUED, attempts=F("attempts") + 1, progress={"stage": "queued", "percent": 0}
        )
        if not taken:
            continue
        try:
            send(RUN_TASK, str(pk))
        except BROKER_ERRORS:
            logger.warning("import sweep: the broker is unavailable; %s re-queued so far", requeued)
            break
        requeued += 1
    return requeued


def import_jobs_sweep(now: dt.datetime | None = None) -> int:
    """Fail jobs whose message or worker was lost (their zip is deleted: the user uploads again) and delete
    finished jobs past RETENTION (each row takes its file, models._delete_import_file). Returns rows touched."""
    now = now or timezone.now()
    requeued = _requeue_lost(now)
    lost = ImportJob.objects.filter(
        Q(status=ImportJob.Status.QUEUED, created__lt=now - STUCK_AFTER)
        | Q(status=ImportJob.Status.RUNNING, started__lt=now - STUCK_AFTER)
        | (_lost(now) & Q(attempts__gte=MAX_ATTEMPTS))
    )
    error = {
        "code": "import_failed",
        "detail": "The import did not finish (its worker stopped); nothing was stored. Try again.",
    }
    failed = 0
    for job in lost:
        name = job.file.name
        failed += lost.filter(pk=job.pk).update(status=ImportJob.Status.FAILED, error=error, finished=now, file="")
        if name:
            job.file.storage.delete(name)
    expired, _ = ImportJob.objects.filter(finished__lt=now - RETENTION).delete()
    return requeued + failed + expired


# --- planning: what the zip changes in this account -----------------------------------------------------


@dataclass
class Plan:
    empty: bool
    zone: str
    steps: dict[str, RoutineStep | None]  # zip key -> the account's step, None: to be created
    new_entries: list[Any] = field(default_factory=list)  # EntryRecord
    same: dict[Any, Entry] = field(default_factory=dict)  # date -> the account's entry of the same content


def account_is_empty(user: User) -> bool:
    """No health data stored yet: then the import takes the zip's zone and settings."""
    return not (
        Entry.objects.filter(user=user).exists()
        or Photo.objects.filter(user=user).exists()
        or RoutineStep.objects.filter(user=user).exists()
        or SiteOnset.objects.filter(user=user).exists()
        or Visit.objects.filter(user=user).exists()
    )


def _plan(user: User, document: ExportDocument) -> Plan:
    empty = account_is_empty(user)
    zone = document.timezone if empty and document.timezone else user.timezone
    today = today_in(zone)
    late = sorted(e.date.isoformat() for e in document.entries if e.date > today + dt.timedelta(days=1))
    if late:
        raise ImportRefused("invalid_data", f"The zip holds entries after today: {', '.join(late[:10])}.")
    plan = Plan(empty=empty, zone=zone, steps=_match_steps(user, document.steps))
    existing = {
        e.date: e
        for e in Entry.objects.filter(user=user, date__in=[r.date for r in document.entries]).prefetch_related(
            "observations", "routine"
        )
    }
    conflicts = []
    for record in document.entries:
        stored = existing.get(record.date)
        if stored is None:
            plan.new_entries.append(record)
        elif _content_of_stored(stored) == _content_of_record(record, plan.steps):
            plan.same[record.date] = stored
        else:
            conflicts.append(record.date.isoformat())
    if conflicts:
        raise Conflict(
            f"These dates already have an entry with other content: {', '.join(conflicts[:20])}"
            + (" …" if len(conflicts) > 20 else "")
            + ". Change or delete them, then import again.",
            extra={"code": "import_conflict", "dates": conflicts},
        )
    return plan


def _match_steps(user: User, steps: dict[str, StepData]) -> dict[str, RoutineStep | None]:
    """Each zip step to the account's: built-in by key; own by key and label, then by label and kind."""
    builtin = {s.key: s for s in RoutineStep.objects.filter(user__isnull=True)}
    own = list(RoutineStep.objects.filter(user=user))
    matched: dict[str, RoutineStep | None] = {}
    for key, step in steps.items():
        if key in builtin:
            matched[key] = builtin[key]
            continue
        label = step.label.casefold()
        by_key = [s for s in own if s.key == key and s.label.casefold() == label]
        by_label = [s for s in own if s.label.casefold() == label and s.kind == step.kind]
        found = by_key or by_label
        matched[key] = found[0] if found else None
    return matched


def _content_of_stored(entry: Entry) -> tuple[Any, ...]:
    observations = sorted(
        (o.site, o.count, o.largest_mm, o.itch, o.pain, o.redness, o.bleeding, o.spreading, o.note)
        for o in entry.observations.all()
    )
    routine = sorted((r.step_id, r.done, r.detail) for r in entry.routine.all())
    return entry.notes, entry.for_clinician, observations, routine


def _content_of_record(record: Any, steps: dict[str, RoutineStep | None]) -> tuple[Any, ...]:
    observations = sorted(
        (
            o["site"],
            o["count"],
            o["largest_mm"],
            o["itch"],
            o["pain"],
            o["redness"],
            o["bleeding"],
            o["spreading"],
            o["note"],
        )
        for o in record.observations
    )
    routine = sorted(
        (step.pk if (step := steps.get(r["step"])) is not None else -1, r["done"], r["detail"]) for r in record.routine
    )
    return record.notes, record.for_clinician, observations, routine


# --- running ---------------------------------------------------------------------------------------------


def photo_fingerprint(data: bytes, date: dt.date, site: str | None) -> str:
    digest = hashlib.sha256(b"footlog-import|")
    digest.update(data)
    digest.update(f"|{date.isoformat()}|{site or ''}".encode())
    return digest.hexdigest()


@dataclass
class _ReadyPhoto:
    record: Any  # PhotoRecord
    fingerprint: str
    stored: diary.StoredRenditions


def _run(job: ImportJob, upload: IO[bytes]) -> dict[str, Any]:
    user = job.user
    archive, document = open_export(upload)
    keys: list[str] = []
    try:
        with archive:
            plan = _plan(user, document)
            ready, unchanged, missing = _store_photos(job, user, archive, document, plan, keys)
        _progress(job, "saving", 0, 1, 90, 99)
        with transaction.atomic():
            result = _write(user, document, ready, keys)
    except BaseException:
        photo_storage.delete_files(keys)  # files of photos whose rows never committed
        raise
    result["photos_unchanged"] += unchanged
    result["photos_missing"] = missing
    _forget_timelines(user.pk)
    return result


def _store_photos(
    job: ImportJob, user: User, archive: zipfile.ZipFile, document: ExportDocument, plan: Plan, keys: list[str]
) -> tuple[list[_ReadyPhoto], int, int]:
    """Decode and re-encode every photo still to import, writing its files (their keys go into `keys`)."""
    quota = settings.FOOTLOG_PHOTO_QUOTA_BYTES
    used = diary.photo_bytes_used(user)
    ready: list[_ReadyPhoto] = []
    unchanged = missing = 0
    total = len(document.photos)
    for done, record in enumerate(document.photos, start=1):
        if record.member is None:
            missing += 1
            continue
        try:
            data = safezip.read_member(archive, record.member, settings.FOOTLOG_PHOTO_MAX_BYTES)
        except safezip.ZipRefused as exc:
            raise ImportRefused(exc.code, str(exc)) from None
        fingerprint = photo_fingerprint(data, record.date, record.fields["site"])
        if _already_imported(user, plan, record, fingerprint):
            unchanged += 1
            continue
        try:
            stored = diary.photo_renditions_store(data)
        except FootlogError as exc:
            reason = _error_of(exc)["detail"]
            raise ImportRefused("photo_rejected", f"The photo {record.member} cannot be imported: {reason}") from None
        keys += stored.keys
        used += stored.stored_bytes
        if used > quota:
            raise QuotaExceeded(
                f"The photos do not fit in your photo storage ({quota // 2**20} MB); delete some photos first."
            )
        ready.append(_ReadyPhoto(record, fingerprint, stored))
        _progress(job, "photos", done, total, 5, 90)
    return ready, unchanged, missing


def _already_imported(user: User, plan: Plan, record: Any, fingerprint: str) -> bool:
    entry = plan.same.get(record.date)
    if entry is None:
        return False
    # Imported before (its fingerprint), or the very photo when a zip goes back into the account it came from.
    same = Q(create_fingerprint=fingerprint)
    if record.id:
        same |= Q(pk=record.id)
    return Photo.objects.filter(same, user=user, entry=entry).exists()


def _write(user: User, document: ExportDocument, ready: list[_ReadyPhoto], keys: list[str]) -> dict[str, Any]:
    """Every row, in the caller's transaction; the plan is made again under the user's row lock."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    plan = _plan(user, document)
    result: dict[str, Any] = {
        "entries": 0,
        "entries_unchanged": len(plan.same),
        "photos": 0,
        "photos_unchanged": 0,
        "routine_steps": 0,
        "site_history": 0,
        "visits": 0,
        "settings": "taken" if plan.empty else "kept",
    }
    try:
        result["routine_steps"] = _create_steps(user, document, plan)
        entries = dict(plan.same)
        for record in plan.new_entries:
            entries[record.date] = _create_entry(user, record, plan)
        result["entries"] = len(plan.new_entries)
        for photo in ready:
            entry = entries[photo.record.date]
            if (
                photo.record.date in plan.same
                and Photo.objects.filter(user=user, entry=entry, create_fingerprint=photo.fingerprint).exists()
            ):  # imported by a concurrent job meanwhile
                photo_storage.delete_files(photo.stored.keys)
                keys[:] = [k for k in keys if k not in photo.stored.keys]
                result["photos_unchanged"] += 1
                continue
            photo_id = (
                photo.record.id
                if photo.record.id and not Photo.objects.filter(pk=photo.record.id).exists()
                else uuid.uuid4()
            )
            diary.photo_create_stored(
                user, entry, photo.stored, photo_id=photo_id, fingerprint=photo.fingerprint, **photo.record.fields
            )
            result["photos"] += 1
        if plan.empty:
            _take_settings(user, document)
        result["site_history"] = _site_history(user, document)
        result["visits"] = _visits(user, document)
    except IntegrityError:
        # Not the message: it may quote the failing row, notes and all.
        logger.warning("import for user %s refused by a database constraint", user.pk)
        raise ImportRefused("invalid_data", "The zip holds values footlog cannot store.") from None
    except (InvalidInput, ValueError) as exc:
        detail = _error_of(exc)["detail"] if isinstance(exc, InvalidInput) else str(exc)
        raise ImportRefused("invalid_data", f"The zip holds values footlog cannot store: {detail}") from None
    return result


def _create_steps(user: User, document: ExportDocument, plan: Plan) -> int:
    created = 0
    for key, step in plan.steps.items():
        if step is not None:
            continue
        data = document.steps[key]
        target = data.target if data.kind == "care" else 0
        new = diary.routine_step_create(user, data.label, data.kind, target)
        if data.archived:
            diary.routine_step_archive(new)
        plan.steps[key] = new
        created += 1
    return created


def _create_entry(user: User, record: Any, plan: Plan) -> Entry:
    entry_id = record.id if record.id and not Entry.objects.filter(pk=record.id).exists() else uuid.uuid4()
    routine = [{"step": plan.steps[r["step"]], "done": r["done"], "detail": r["detail"]} for r in record.routine]
    data = diary.EntryData(
        date=record.date,
        notes=record.notes,
        observations=[dict(o) for o in record.observations],
        routine=routine,
        for_clinician=record.for_clinician,
    )
    entry, created = diary.entry_create(user, data, entry_id, ask_outliers=False)  # old zips carry no mark
    if not created:  # pragma: no cover - the plan was made under the user's lock
        raise Conflict(f"There is already an entry for {record.date.isoformat()}.")
    return entry


def _take_settings(user: User, document: ExportDocument) -> None:
    """Into an account without health data: the zip's zone, name, reminders, thresholds and step targets."""
    changes: dict[str, Any] = {}
    if document.timezone and document.timezone != user.timezone:
        changes["timezone"] = document.timezone
    if document.display_name and not user.display_name:
        changes["display_name"] = document.display_name
    if changes:
        account_update(user, changes)
    if document.reminders is not None:
        reminders = dict(document.reminders)
        if not PushSubscription.objects.filter(user=user).exists():  # push belongs to a device, not the zip
            reminders["channels"] = [c for c in reminders["channels"] if c != "push"]
        preferences_update(user, reminders)
    if document.thresholds:
        with transaction.atomic():
            timeline_settings_update(user, document.thresholds)
    builtin = {s.key: s for s in RoutineStep.objects.filter(user__isnull=True)}
    for key, step in document.steps.items():
        if key in builtin and step.target is not None and step.target != builtin[key].target_per_week:
            diary.routine_step_target_set(user, builtin[key], step.target)


def _site_history(user: User, document: ExportDocument) -> int:
    """The zip's onset per site where the account has none (the account's own record is kept)."""
    known = set(SiteOnset.objects.filter(user=user).values_list("site", flat=True))
    added = 0
    for onset in document.site_history:
        if onset["site"] in known:
            continue
        site_onset_set(
            user, onset["site"], noticed_since=onset["noticed_since"], not_sure=onset["not_sure"], note=onset["note"]
        )
        added += 1
    return added


def _visits(user: User, document: ExportDocument) -> int:
    known = set(Visit.objects.filter(user=user).values_list("kind", "date", "note"))
    added = 0
    for visit in document.visits:
        if (visit["kind"], visit["date"], visit["note"]) in known:
            continue
        visit_record(user, **visit)
        known.add((visit["kind"], visit["date"], visit["note"]))
        added += 1
    return added


def _forget_timelines(user_id: int) -> None:
    try:
        timeline_cache_forget(user_id)
    except Exception:  # a cache that is down only delays the new figures (≤ 6 hours)
        logger.warning("timeline cache forget failed after an import", exc_info=True)
