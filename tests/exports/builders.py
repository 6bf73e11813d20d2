"""Builders for export and account tests: entries written through the diary's own services, never raw rows.

The diary is imported inside the functions, after rest_framework.views: importing footlog.api.errors first
trips a circular import between footlog.api.errors and footlog.api.parsers (through DRF's parser setting).
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def log_entry(
    user: Any,
    date: dt.date | str,
    *,
    observations: list[dict[str, Any]] | None = None,
    routine: dict[str, bool | tuple[bool, str]] | None = None,
    notes: str = "",
) -> Any:
    """Store the user's entry for `date`; routine maps step keys to done or (done, detail)."""
    import rest_framework.views  # noqa: F401 (DRF's settings before footlog.api.errors, see above)

    from footlog.diary.models import RoutineStep
    from footlog.diary.services import EntryData, entry_create

    day = dt.date.fromisoformat(date) if isinstance(date, str) else date
    steps = {s.key: s for s in RoutineStep.objects.all()}
    logs = []
    for key, value in (routine or {}).items():
        done, detail = value if isinstance(value, tuple) else (value, "")
        logs.append({"step": steps[key], "done": done, "detail": detail})
    # Stored as the import stores (no outlier question): these builders set up a log, they do not test the door.
    data = EntryData(date=day, notes=notes, observations=observations or [], routine=logs)
    entry, _ = entry_create(user, data, ask_outliers=False)
    return entry


def custom_step(user: Any, label: str, kind: str = "care") -> Any:
    import rest_framework.views  # noqa: F401

    from footlog.diary.services import routine_step_create

    return routine_step_create(user, label, kind)


def jpeg(colour: tuple[int, int, int] = (200, 170, 150), size: tuple[int, int] = (320, 240)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG", quality=85)
    return out.getvalue()


def add_photo(
    user: Any, entry: Any, site: str | None = "left_heel", colour: tuple[int, int, int] = (200, 170, 150)
) -> Any:
    """Store a photo through the diary's own ingest (validated, re-encoded, files in the photos storage)."""
    import rest_framework.views  # noqa: F401

    from footlog.diary.services import PhotoUpload, photo_ingest

    photo, _ = photo_ingest(user, entry, PhotoUpload(jpeg(colour), site))
    return photo
