"""Reads of what the user told us beyond the daily log."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from footlog.clinical.models import SiteOnset, Visit

if TYPE_CHECKING:
    from accounts.models import User


def site_onsets_for(user: User) -> QuerySet[SiteOnset]:
    return SiteOnset.objects.filter(user=user).order_by("site")


def visits_for(user: User, start: dt.date | None = None, end: dt.date | None = None) -> QuerySet[Visit]:
    visits = Visit.objects.filter(user=user)
    if start:
        visits = visits.filter(date__gte=start)
    if end:
        visits = visits.filter(date__lte=end)
    return visits.order_by("-date", "-created")


def latest_visit_on_or_before(user: User, day: dt.date) -> Visit | None:
    """The newest recorded visit (booked or had) dated on or before `day`, or None."""
    return Visit.objects.filter(user=user, date__lte=day).order_by("-date", "-created").first()
