"""The user's own data as a zip: one JSON document of everything stored, plus the photo files."""

from __future__ import annotations

import json
import tempfile
import uuid
import zipfile
from typing import IO

from django.utils import timezone

from accounts.models import User
from footlog.clinical.models import SiteOnset, Visit
from footlog.diary.models import Photo
from footlog.diary.photo_storage import photo_bytes
from footlog.diary.selectors import photos_for, routine_steps_for
from footlog.exports.selectors import history_entries
from footlog.portability.formats import DATA_MEMBER, FORMAT_VERSION
from footlog.portability.userdata import collect_user_rows, plain_row
from footlog.timeline.models import TimelineSettings
from reminders.models import ReminderPreference


def history_json(user: User) -> list[dict[str, object]]:
    """The diary in the API's own shape, oldest first: what a person reading the export cares about."""
    return [
        {
            "id": str(entry.id),
            "date": entry.date.isoformat(),
            "notes": entry.notes,
            "observations": [
                {
                    "site": o.site,
                    "count": o.count,
                    "largest_mm": o.largest_mm,
                    "itch": o.itch,
                    "pain": o.pain,
                    "redness": o.redness,
                    "bleeding": o.bleeding,
                    "spreading": o.spreading,
                    "note": o.note,
                    "confirmed": o.outlier_confirmed,
                }
                for o in entry.observations.all()
            ],
            "routine": [
                {"step": r.step.key, "label": r.step.label, "done": r.done, "detail": r.detail}
                for r in entry.routine.all()
            ],
            "for_clinician": entry.for_clinician,
            "created": entry.created.isoformat(),
            "updated": entry.updated.isoformat(),
        }
        for entry in history_entries(user, None, None)
    ]


def routine_steps_json(user: User) -> list[dict[str, object]]:
    """Every step the user could log (built-in and own, archived too) with the user's own target for it."""
    return [
        {
            "key": step.key,
            "label": step.label,
            "kind": step.kind,
            "builtin": step.builtin,
            "archived": step.archived_at is not None,
            "target_per_week": step.effective_target,  # type: ignore[attr-defined]  # annotated by the selector
        }
        for step in routine_steps_for(user, include_archived=True)
    ]


def account_document(user: User, missing_photos: frozenset[uuid.UUID] = frozenset()) -> dict[str, object]:
    """Everything stored for `user`: the readable history and, generically, every row of every model.

    A photo in `missing_photos` (its file is gone) is listed with `"file": null, "missing": true`.
    """
    rows = collect_user_rows(user)
    records = {
        f"{model._meta.app_label}.{model._meta.model_name}": [plain_row(obj) for obj in instances]
        for model, instances in sorted(rows.rows.items(), key=lambda item: item[0]._meta.label)
    }
    return {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "timezone": user.timezone,
            "date_joined": user.date_joined.isoformat(),
        },
        "routine_steps": routine_steps_json(user),
        "history": history_json(user),
        "photos": [photo_json(p, missing=p.pk in missing_photos) for p in photos_for(user)],
        "settings": settings_json(user),
        "site_history": site_history_json(user),
        "visits": visits_json(user),
        "records": records,
    }


def settings_json(user: User) -> dict[str, object]:
    """The account's choices: reminders (without push subscriptions, which are this device's) and thresholds."""
    pref = ReminderPreference.objects.filter(user=user).first()
    thresholds = TimelineSettings.objects.filter(user=user).first()
    return {
        "reminders": None
        if pref is None
        else {
            "enabled": pref.enabled,
            "time": pref.time.strftime("%H:%M"),
            "weekdays": list(pref.weekdays),
            "channels": list(pref.channels),
            "skip_if_logged": pref.skip_if_logged,
            "weekly_photo": pref.weekly_photo,
            "photo_weekday": pref.photo_weekday,
        },
        "timeline": None if thresholds is None else thresholds.thresholds().to_dict(),
    }


def site_history_json(user: User) -> list[dict[str, object]]:
    return [
        {
            "site": o.site,
            "noticed_since": o.noticed_since.isoformat() if o.noticed_since else None,
            "not_sure": o.not_sure,
            "note": o.note,
        }
        for o in SiteOnset.objects.filter(user=user).order_by("site")
    ]


def visits_json(user: User) -> list[dict[str, object]]:
    return [
        {
            "id": str(v.pk),
            "kind": v.kind,
            "date": v.date.isoformat(),
            "note": v.note,
            "plan": v.plan,
            "review_on": v.review_on.isoformat() if v.review_on else None,
        }
        for v in Visit.objects.filter(user=user).order_by("date", "created")
    ]


def photo_json(photo: Photo, *, missing: bool) -> dict[str, object]:
    listed = {
        "id": str(photo.pk),
        "entry": str(photo.entry_id),
        "date": photo.entry.date.isoformat(),
        "site": photo.site,
        "view": photo.view,
        "scale_in_frame": photo.scale_in_frame,
        "quality": photo.quality,
        "width": photo.width,
        "height": photo.height,
        "created": photo.created.isoformat(),
    }
    return {**listed, "file": None, "missing": True} if missing else {**listed, "file": photo_name(photo)}


def photo_name(photo: Photo) -> str:
    """The photo's path in the zip: date, site and id, so the files sort by day and match the JSON."""
    return f"photos/{photo.entry.date.isoformat()}_{photo.site or 'no-site'}_{photo.pk}.jpg"


def build_account_zip(user: User) -> IO[bytes]:
    """Write the zip to a temporary file (spilled to disk past 16 MB) and return it rewound.

    The photos go first, so that the JSON, written last, can say which photo files were missing: the export
    still completes without them.
    """
    spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 (returned open)
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        missing: set[uuid.UUID] = set()
        for photo in photos_for(user):
            # One photo in memory at a time; JPEGs are already compressed, so they are stored as they are.
            content = photo_bytes(photo, "display")
            if content is None:
                missing.add(photo.pk)
            else:
                archive.writestr(photo_name(photo), content, compress_type=zipfile.ZIP_STORED)
        document = account_document(user, frozenset(missing))
        archive.writestr(DATA_MEMBER, json.dumps(document, indent=2, ensure_ascii=False))
    spool.seek(0)
    return spool
