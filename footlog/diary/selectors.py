"""Reads of the daily log. Every query starts from the requesting user's rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from footlog.diary.models import Entry, RoutineLog, RoutineStep


def routine_steps_for(user: Any, *, include_archived: bool = False) -> QuerySet[RoutineStep]:
    """Built-in steps and the user's own, in display order."""
    steps = RoutineStep.objects.filter(Q(user__isnull=True) | Q(user=user))
    if not include_archived:
        steps = steps.filter(archived_at__isnull=True)
    return steps.order_by("position", "id")


def entries_for(user: Any) -> QuerySet[Entry]:
    """The user's entries with everything the API shows, in a fixed number of queries."""
    return (
        Entry.objects.filter(user=user)
        .prefetch_related(
            "observations",
            Prefetch("routine", queryset=RoutineLog.objects.select_related("step")),
        )
        .order_by("-date")
    )


def entry_list(user: Any, start: dt.date | None, end: dt.date | None) -> QuerySet[Entry]:
    entries = entries_for(user)
    if start:
        entries = entries.filter(date__gte=start)
    if end:
        entries = entries.filter(date__lte=end)
    return entries


def entry_by_id(entry_id: uuid.UUID) -> Entry | None:
    """Any user's entry by id: only for idempotency checks in services, never for answering a request."""
    return Entry.objects.filter(pk=entry_id).first()
