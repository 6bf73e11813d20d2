"""Small checks of one value as it arrives from JSON (or from a serializer that already typed it).

The building blocks of the domain validators (footlog/diary/validation.py, footlog/clinical/validation.py,
footlog/timeline/validation.py): each appends a message under the field's name to an error dict, the shape
footlog's `InvalidInput` and DRF's ValidationError both take. Strict on types, like the API's fields: a bool is
not a number, "3" is not a number, a float is not a whole number, NaN and infinities are not numbers.

Messages are rendered in the active language when the check runs (issue 26): the request's in the API and on
pages, English in the worker and on the command line. Where DRF says the same thing its msgid is used, so the API
says it one way whichever of the two refused the value.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from typing import Final, TypeGuard

from django.utils.functional import Promise
from django.utils.translation import gettext

from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

Errors = dict[str, list[str]]
MISSING: Final = object()  # a field left out (not the same as null)


def add(errors: Errors, name: str, message: str | Promise) -> None:
    """`message` may be lazy (a module's constant): it is rendered now, in the active language."""
    errors.setdefault(name, []).append(str(message))


def is_whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> TypeGuard[float]:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, float) and math.isfinite(value)
    )


def whole(errors: Errors, name: str, value: object, low: int, high: int, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not is_whole(value):
        add(errors, name, gettext("A valid integer is required."))
    elif not low <= value <= high:
        add(errors, name, gettext("Must be %(low)s to %(high)s.") % {"low": low, "high": high})


def number(errors: Errors, name: str, value: object, low: float, high: float, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not is_number(value):
        add(errors, name, gettext("A valid number is required."))
    elif not low <= value <= high:
        add(errors, name, gettext("Must be %(low)s to %(high)s.") % {"low": f"{low:g}", "high": f"{high:g}"})


def boolean(errors: Errors, name: str, value: object, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, bool):
        add(errors, name, gettext("Must be true or false."))


def text(errors: Errors, name: str, value: object, max_length: int, *, blank: bool = True) -> None:
    if not isinstance(value, str):
        add(errors, name, gettext("Not a valid string."))
    elif len(value) > max_length:
        add(
            errors,
            name,
            gettext("Ensure this field has no more than {max_length} characters.").format(max_length=max_length),
        )
    elif not blank and not value.strip():
        add(errors, name, gettext("This field may not be blank."))


def choice(errors: Errors, name: str, value: object, choices: Collection[str], *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or value not in choices:
        add(errors, name, gettext('"{input}" is not a valid choice.').format(input=str(value)[:40]))


def calendar_date(errors: Errors, name: str, value: object, *, nullable: bool = False) -> None:
    """A date inside footlog's calendar (1900-01-01 to 2999-12-31): the state-free part of every date rule."""
    if value is None and nullable:
        return
    if not isinstance(value, dt.date):
        add(
            errors,
            name,
            gettext("Date has wrong format. Use one of these formats instead: {format}.").format(format="YYYY-MM-DD"),
        )
    elif not EARLIEST_DATE <= value <= LATEST_DATE:
        bounds = {"first": EARLIEST_DATE.isoformat(), "last": LATEST_DATE.isoformat()}
        add(errors, name, gettext("The date must lie between %(first)s and %(last)s.") % bounds)


def parse_date(value: object) -> object:
    """A "YYYY-MM-DD" string as a date; anything else unchanged (the checks above then name it)."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else value
        except ValueError:
            return value
    return value
