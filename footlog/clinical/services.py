"""Writes of the onset per site and of recorded visits. Plain data in; footlog's own errors out."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.db import transaction

from footlog.clinical.models import SiteOnset, Visit
from footlog.lib.dates import today_in
from footlog.lib.errors import InvalidInput

if TYPE_CHECKING:
    from accounts.models import User


def site_onset_set(user: User, site: str, *, noticed_since: dt.date | None, not_sure: bool, note: str) -> SiteOnset:
    """Record (or replace) when the user first noticed bumps at `site`: a month not after the current one, or
    "not sure". One record per site; a PUT replaces every field."""
    if noticed_since is not None:
        if not_sure:
            raise InvalidInput({"not_sure": ["Give a month or say you are not sure, not both."]})
        this_month = today_in(user.timezone).replace(day=1)
        if noticed_since.replace(day=1) > this_month:
            raise InvalidInput({"noticed_since": ["The month must not be in the future."]})
        noticed_since = noticed_since.replace(day=1)
    with transaction.atomic():
        onset, _ = SiteOnset.objects.update_or_create(
            user=user, site=site, defaults={"noticed_since": noticed_since, "not_sure": not_sure, "note": note}
        )
    return onset


def visit_record(user: User, *, kind: str, date: dt.date, note: str) -> Visit:
    """Record a visit the user booked (its date may lie ahead, up to a year) or had (not after today)."""
    today = today_in(user.timezone)
    if kind == Visit.Kind.VISITED and date > today:
        raise InvalidInput({"date": ["A visit you had cannot be in the future; record it as booked."]})
    if kind == Visit.Kind.BOOKED and date > today + dt.timedelta(days=366):
        raise InvalidInput({"date": ["A booked visit more than a year ahead looks like a typo."]})
    visit = Visit.objects.create(user=user, kind=kind, date=date, note=note)
    # The visit answers the visit nudge: no more nudges until the level rises (reminders.visit.after_visit).
    from reminders.visit import visit_recorded

    transaction.on_commit(lambda: visit_recorded(user, today))
    return visit


def visit_delete(visit: Visit) -> None:
    visit.delete()
