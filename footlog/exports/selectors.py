"""Reads for exports and shares. Every query starts from one user's rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from django.db.models import Max, Min, Prefetch, QuerySet

from footlog.api.scoping import get_owned, owned
from footlog.diary.models import Entry, RoutineLog, RoutineStep
from footlog.diary.selectors import routine_steps_for
from footlog.exports.models import ReportJob, Share


def history_entries(user: Any, start: dt.date | None, end: dt.date | None) -> QuerySet[Entry]:
    """The user's entries in [start, end], oldest first, with observations and routine logs prefetched."""
    entries = Entry.objects.filter(user=user).prefetch_related(
        "observations", Prefetch("routine", queryset=RoutineLog.objects.select_related("step"))
    )
    if start:
        entries = entries.filter(date__gte=start)
    if end:
        entries = entries.filter(date__lte=end)
    return entries.order_by("date")


def history_bounds(user: Any, start: dt.date | None, end: dt.date | None, *, today: dt.date) -> tuple[dt.date, dt.date]:
    """Fill an open range: from the first logged day (or today) to today (or the last logged day, if later)."""
    if start is not None and end is not None:
        return start, end
    dates = Entry.objects.filter(user=user).aggregate(first=Min("date"), last=Max("date"))
    end = end or max(today, dates["last"] or today)
    start = start or min(dates["first"] or end, end)
    return start, end


def iter_history(user: Any, start: dt.date | None, end: dt.date | None, chunk: int = 500) -> Iterator[Entry]:
    """Stream the history in chunks so that a five-year export never holds every row in memory."""
    return history_entries(user, start, end).iterator(chunk_size=chunk)


def export_steps(user: Any) -> list[RoutineStep]:
    """Every step the user could have logged (built-in and own, archived too): the CSV's routine columns."""
    return list(routine_steps_for(user, include_archived=True))


def shares_for(user: Any) -> QuerySet[Share]:
    return owned(Share.objects.all(), user).prefetch_related("accesses")


def share_of(user: Any, share_id: Any) -> Share:
    return get_owned(Share.objects.all(), user, pk=share_id)


def share_by_token_hash(token_hash: str) -> Share | None:
    """Any user's share by its token hash: only for the public share page, which has no user."""
    return Share.objects.select_related("user").filter(token_hash=token_hash).first()


def report_job_of(user: Any, job_id: Any) -> ReportJob:
    return get_owned(ReportJob.objects.all(), user, pk=job_id)


def shared_photo(share: Share, photo_id: Any) -> Any:
    """The share owner's photo `photo_id` if its day lies in the shared range; None otherwise."""
    from footlog.diary.selectors import photos_for

    return photos_for(share.user, None, share.start, share.end).filter(pk=photo_id).first()
