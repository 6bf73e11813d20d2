"""Reads of the daily log. Every query starts from the requesting user's rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from footlog.diary.models import Entry, Photo, RoutineLog, RoutineStep


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
            "photos",
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


def photos_for(
    user: Any, site: str | None = None, start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[Photo]:
    """The user's photos, optionally of one site and within entry dates [start, end], oldest first.

    Ordered by the entry's date (the user's own calendar), then upload time: the order to compare a site over
    time. Stable name: the exports and the PWA use it.
    """
    photos = Photo.objects.filter(user=user).select_related("entry")
    if site:
        photos = photos.filter(site=site)
    if start:
        photos = photos.filter(entry__date__gte=start)
    if end:
        photos = photos.filter(entry__date__lte=end)
    return photos.order_by("entry__date", "created", "id")


def photo_by_id(photo_id: uuid.UUID) -> Photo | None:
    """Any user's photo by id: only for idempotency checks in services, never for answering a request."""
    return Photo.objects.filter(pk=photo_id).first()
