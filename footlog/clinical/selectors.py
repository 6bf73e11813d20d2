"""Reads of what the user told us beyond the daily log."""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from footlog.clinical.models import SiteOnset, Visit
from footlog.lib.dates import in_calendar

logger = logging.getLogger(__name__)

if TYPE_CHECKING:
    from accounts.models import User


def site_onsets_for(user: User) -> QuerySet[SiteOnset]:
    return SiteOnset.objects.filter(user=user).order_by("site")


def site_onsets_in_calendar(user: User) -> list[SiteOnset]:
    """The user's onsets that exports can render: one whose month lies outside footlog's calendar (stored before
    the import checked it) is left out with a warning naming the row, never its note."""
    onsets = list(site_onsets_for(user))
    kept = [o for o in onsets if o.noticed_since is None or in_calendar(o.noticed_since)]
    for onset in onsets:
        if onset not in kept:
            logger.warning(
                "site onset %s of user %s left out: its month lies outside footlog's calendar (footlog_check_data)",
                onset.pk,
                user.pk,
            )
    return kept


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
