"""Writes of the onset per site and of recorded visits. Plain data in; footlog's own errors out.

Clinical sits below the timeline and the reminders: it reaches them only by name (the timeline's cache through
`footlog.lib.usercache`, the reminders through Celery task names), never by import.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext

from footlog.clinical import validation
from footlog.clinical.models import SiteOnset, Visit
from footlog.lib.errors import InvalidInput
from footlog.lib.tasks import send
from footlog.lib.usercache import user_caches_forget

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)
# Run by a worker (reminders/tasks.py): reset the user's visit-nudge state after a visit was recorded or changed.
VISIT_RECORDED_TASK = "reminders.visit_recorded"
VISIT_FIELDS = ("kind", "date", "note", "plan", "review_on")


def site_onset_set(user: User, site: str, *, noticed_since: dt.date | None, not_sure: bool, note: str) -> SiteOnset:
    """Record (or replace) when the user first noticed bumps at `site`: a month not after the current one, or
    "not sure". One record per site; a PUT replaces every field. The shared rules (footlog/clinical/validation.py)
    run here for every caller; "not after this month" is the account's today."""
    errors = validation.site_onset_errors(site=site, noticed_since=noticed_since, not_sure=not_sure, note=note)
    if errors:
        raise InvalidInput(errors)
    if noticed_since is not None:
        this_month = user.today().replace(day=1)
        if noticed_since.replace(day=1) > this_month:
            raise InvalidInput({"noticed_since": [gettext("The month must not be in the future.")]})
        noticed_since = noticed_since.replace(day=1)
    with transaction.atomic():
        onset, _ = SiteOnset.objects.update_or_create(
            user=user, site=site, defaults={"noticed_since": noticed_since, "not_sure": not_sure, "note": note}
        )
    return onset


def visit_check(user: User, fields: dict[str, Any]) -> None:
    """The rules of a visit's fields, wherever it comes from (API, page): raise InvalidInput naming the field.

    The state-free rules (calendar, lengths, a review not before the visit) are the shared ones in
    footlog/clinical/validation.py, as the import uses them; what depends on the account's today is here: a visit
    had is not after today, a booked one at most a year ahead.
    """
    errors = validation.visit_errors(
        kind=fields["kind"],
        date=fields["date"],
        note=fields.get("note", ""),  # left out: blank; None is refused, as the API and the column refuse it
        plan=fields.get("plan", ""),
        review_on=fields.get("review_on"),
    )
    if errors:
        raise InvalidInput(errors)
    today = user.today()
    kind, date = fields["kind"], fields["date"]
    if kind == Visit.Kind.VISITED and date > today:
        raise InvalidInput({"date": [gettext("A visit you had cannot be in the future; record it as booked.")]})
    if kind == Visit.Kind.BOOKED and date > today + dt.timedelta(days=366):
        raise InvalidInput({"date": [gettext("A booked visit more than a year ahead looks like a typo.")]})


def visit_record(
    user: User, *, kind: str, date: dt.date, note: str = "", plan: str = "", review_on: dt.date | None = None
) -> Visit:
    """Record a visit the user booked (its date may lie ahead, up to a year) or had (not after today), with what
    the dermatologist proposed (`plan`) and when they want to see the patient again (`review_on`)."""
    fields = {"kind": kind, "date": date, "note": note, "plan": plan, "review_on": review_on}
    visit_check(user, fields)
    with transaction.atomic():
        visit = Visit.objects.create(user=user, **fields)
        _after_visit_write(user)
    return visit


def visit_update(visit: Visit, changes: dict[str, Any]) -> Visit:
    """Change any of kind, date, note, plan, review_on (others are a ValueError); the whole visit is checked."""
    unknown = set(changes) - set(VISIT_FIELDS)
    if unknown:
        raise ValueError(f"visit_update: not editable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        locked = Visit.objects.select_for_update().select_related("user").get(pk=visit.pk)
        fields = {name: changes.get(name, getattr(locked, name)) for name in VISIT_FIELDS}
        visit_check(locked.user, fields)
        for name, value in changes.items():
            setattr(locked, name, value)
        if changes:
            locked.save(update_fields=list(changes))
        _after_visit_write(locked.user)
    return locked


def visit_delete(visit: Visit) -> None:
    with transaction.atomic():
        user_id = visit.user_id
        visit.delete()
        transaction.on_commit(lambda: user_caches_forget(user_id))


def _after_visit_write(user: User) -> None:
    """Once committed: the timeline forgets its cached answers (a visit changes the advice), and the visit-nudge
    state starts afresh (the visit answered the nudge; new evidence after it starts a new run)."""
    user_id = user.pk
    transaction.on_commit(lambda: user_caches_forget(user_id))
    transaction.on_commit(lambda: enqueue_task(VISIT_RECORDED_TASK, user_id))


def enqueue_task(name: str, *args: object) -> None:
    """Hand a task to the broker by name (tests capture it here). A broker that is down loses only the nudge
    reset, which the next visit nudge check does not need to be safe: logged, never raised."""
    try:
        send(name, *args)
    except Exception:  # the broker's connection errors
        logger.warning("could not enqueue %s", name, exc_info=True)
