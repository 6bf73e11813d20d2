"""List stored rows whose dates lie outside footlog's calendar (1900-01-01 to 2999-12-31).

Such rows came in before every door shared one gate (issue 22: an import took any date). Readers that render dates
skip them with a warning; this command names them (model, id, user, field, date) so that they can be corrected
by their owner or an operator. It changes nothing: no migration or command rewrites health data. Note text is
never printed. Exit status 1 when any row is listed (for a cron or a deploy check).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from footlog.clinical.models import SiteOnset, Visit
from footlog.diary.models import Entry
from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

if TYPE_CHECKING:
    from footlog.clinical.models import SiteOnset, Visit
    from footlog.diary.models import Entry


def _date_fields() -> list[tuple[type[Entry | SiteOnset | Visit], str]]:
    """Every (model, date field) of footlog's health data."""

    return [(Entry, "date"), (SiteOnset, "noticed_since"), (Visit, "date"), (Visit, "review_on")]


def rows_outside_calendar() -> list[tuple[str, str, int, str, str]]:
    """(model label, pk, user id, field, date) of every row with a date outside footlog's calendar."""
    found = []
    for model, name in _date_fields():
        outside = Q(**{f"{name}__lt": EARLIEST_DATE}) | Q(**{f"{name}__gt": LATEST_DATE})
        for pk, user_id, value in model.objects.filter(outside).values_list("pk", "user_id", name).order_by("pk"):
            found.append((model._meta.label, str(pk), user_id, name, value.isoformat()))
    return found


class Command(BaseCommand):
    help = "List rows whose dates lie outside footlog's calendar (changes nothing)."

    def handle(self, *args: object, **options: object) -> None:
        rows = rows_outside_calendar()
        for label, pk, user_id, name, value in rows:
            self.stdout.write(f"{label} {pk} user={user_id} {name}={value}")
        if rows:
            raise CommandError(f"{len(rows)} row(s) with a date outside {EARLIEST_DATE} to {LATEST_DATE}.")
        self.stdout.write("No rows outside footlog's calendar.")
