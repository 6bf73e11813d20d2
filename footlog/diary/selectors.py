"""Reads of the daily log. Every query starts from the requesting user's rows."""

from __future__ import annotations

import datetime as dt
import uuid

from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.models import User
from footlog.diary.models import Entry, Photo, RoutineLog, RoutineStep, RoutineStepTarget


def effective_target(user: User | None, step_ref: str = "pk", own_column: str = "target_per_week") -> F | Coalesce:
    """SQL for the user's target of a step: their RoutineStepTarget row if any, else the step's own column.

    `step_ref` names the step's id and `own_column` its target column from the query's model, so the same rule
    serves a query on steps ("pk", "target_per_week") and one on routine logs ("step_id", "step__target_per_week")
    without an extra query.
    """
    if user is None:
        return F(own_column)
    override = RoutineStepTarget.objects.filter(user=user, step=OuterRef(step_ref)).values("target_per_week")[:1]
    return Coalesce(Subquery(override), F(own_column))


def routine_steps_for(user: User | None, *, include_archived: bool = False) -> QuerySet[RoutineStep]:
    """Built-in steps and the user's own, in display order, each annotated with the user's `effective_target`.

    `user` None gives the built-in steps with their default targets.
    """
    steps = RoutineStep.objects.filter(Q(user__isnull=True) | Q(user=user))
    if not include_archived:
        steps = steps.filter(archived_at__isnull=True)
    return steps.annotate(effective_target=effective_target(user)).order_by("position", "id")


def loggable_steps(user: User, keys: list[str]) -> dict[str, RoutineStep]:
    """The steps named by `keys` that `user` may log (built in or their own, not archived), by key: one plain
    query, without the targets `routine_steps_for` annotates (the save path needs none); no query built for no keys
    (a save that names no step paid ~0.45 ms of CPU building one that Django then knows finds nothing)."""
    if not keys:
        return {}
    steps = RoutineStep.objects.filter(Q(user__isnull=True) | Q(user=user), archived_at__isnull=True, key__in=keys)
    return {step.key: step for step in steps.order_by()}


def routine_step_for(user: User, key: str) -> RoutineStep | None:
    """A step the user may set a target on: built in, or their own (archived too). Another user's is None."""
    return routine_steps_for(user, include_archived=True).filter(key=key).first()


def entries_for(user: User) -> QuerySet[Entry]:
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


def entry_list(user: User, start: dt.date | None, end: dt.date | None) -> QuerySet[Entry]:
    entries = entries_for(user)
    if start:
        entries = entries.filter(date__gte=start)
    if end:
        entries = entries.filter(date__lte=end)
    return entries


def log_end(user: User, today: dt.date) -> dt.date:
    """The last day a default window shows: the account's today, or a later entry's date.

    An entry can lie after today when the account's zone moved west after it was saved (or it predates the
    rule that refuses future dates): it must still be visible in History and the timeline.
    """
    latest = Entry.objects.filter(user=user, date__gt=today).order_by("-date").values_list("date", flat=True).first()
    return max(today, latest) if latest else today


def entry_by_id(entry_id: uuid.UUID) -> Entry | None:
    """Any user's entry by id: only for idempotency checks in services, never for answering a request."""
    return Entry.objects.filter(pk=entry_id).first()


def photos_for(
    user: User,
    site: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    *,
    view: str | None = None,
) -> QuerySet[Photo]:
    """The user's photos, optionally of one site, of one view and within entry dates [start, end], oldest first.

    Ordered by the entry's date (the user's own calendar), then upload time: the order to compare a site over
    time. Stable name: the exports and the PWA use it.
    """
    photos = Photo.objects.filter(user=user).select_related("entry")
    if site:
        photos = photos.filter(site=site)
    if view:
        photos = photos.filter(view=view)
    if start:
        photos = photos.filter(entry__date__gte=start)
    if end:
        photos = photos.filter(entry__date__lte=end)
    return photos.order_by("entry__date", "created", "id")


def photo_series(user: User, site: str, view: str | None) -> QuerySet[Photo]:
    """The user's photos of one site and one view, oldest first as in `photos_for`; `view=None` means the photos
    whose view was not noted (not "any view"). Its first is the baseline the report compares against."""
    return photos_for(user, site).filter(view=view) if view else photos_for(user, site).filter(view__isnull=True)


def photo_by_id(photo_id: uuid.UUID) -> Photo | None:
    """Any user's photo by id: only for idempotency checks in services, never for answering a request."""
    return Photo.objects.filter(pk=photo_id).first()
