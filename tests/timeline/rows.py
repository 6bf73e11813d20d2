"""Create diary rows for timeline tests and the bench, straight through the ORM (fast, many days)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from footlog.diary.models import Entry, Observation, RoutineLog, RoutineStep


def log_days(
    user: Any,
    first: dt.date,
    days: int,
    sites: dict[str, int],
    care: dict[str, bool] | None = None,
    **observation: Any,
) -> None:
    """One entry per day from `first` for `days` days, each with the same counts per site and routine marks."""
    steps = {s.key: s for s in RoutineStep.objects.filter(user__isnull=True, key__in=list(care or {}))}
    entries = Entry.objects.bulk_create(
        Entry(user=user, date=first + dt.timedelta(days=i), create_fingerprint="test") for i in range(days)
    )
    Observation.objects.bulk_create(
        Observation(entry=entry, site=site, count=count, **observation)
        for entry in entries
        for site, count in sites.items()
    )
    RoutineLog.objects.bulk_create(
        RoutineLog(entry=entry, step=steps[key], done=done) for entry in entries for key, done in (care or {}).items()
    )
