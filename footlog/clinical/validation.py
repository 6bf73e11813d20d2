"""The state-free rules of site history (onset per site) and visits: one home for the API, the pages and the
import (see footlog/diary/validation.py for the pattern). "Not in the future" and "a booked visit at most a year
ahead" depend on the account's today (its zone): they stay in footlog/clinical/services.py."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy

from footlog.clinical.models import MAX_NOTE, MAX_PLAN
from footlog.diary.sites import SITE_KEYS
from footlog.lib import checks
from footlog.lib.checks import MISSING, Errors

VISIT_KINDS = ("booked", "visited")
MONTH_OR_NOT_SURE = gettext_lazy("Give a month or say you are not sure, not both.")


def site_onset_errors(
    *, noticed_since: object, not_sure: object = False, note: object = "", site: object = MISSING
) -> Errors:
    """`noticed_since` is a date (the first of the month) or None; `site` where the body carries it (the import;
    the API takes it from the path)."""
    errors: Errors = {}
    if site is not MISSING:
        checks.choice(errors, "site", site, SITE_KEYS)
    checks.calendar_date(errors, "noticed_since", noticed_since, nullable=True)
    checks.boolean(errors, "not_sure", not_sure)
    checks.text(errors, "note", note, MAX_NOTE)
    if not errors and noticed_since is not None and not_sure:
        checks.add(errors, "not_sure", MONTH_OR_NOT_SURE)
    return errors


REVIEW_BEFORE_VISIT = gettext_lazy("The review date cannot be before the visit.")


def visit_errors(
    *, kind: object, date: object, note: object = "", plan: object = "", review_on: object = None
) -> Errors:
    """A visit's fields; the review date (what the dermatologist asked for) is a calendar date not before the
    visit. "Not in the future" / "at most a year ahead" are the account's today: services.visit_check."""
    errors: Errors = {}
    checks.choice(errors, "kind", kind, VISIT_KINDS)
    checks.calendar_date(errors, "date", date)
    checks.text(errors, "note", note, MAX_NOTE)
    checks.text(errors, "plan", plan, MAX_PLAN)
    checks.calendar_date(errors, "review_on", review_on, nullable=True)
    # Without errors both are dates (calendar_date): the isinstance checks only say so to the type checker.
    if not errors and isinstance(review_on, dt.date) and isinstance(date, dt.date) and review_on < date:
        checks.add(errors, "review_on", REVIEW_BEFORE_VISIT)
    return errors
