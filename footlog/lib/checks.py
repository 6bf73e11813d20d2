"""Small checks of one value as it arrives from JSON (or from a serializer that already typed it).

The building blocks of the domain validators (footlog/diary/validation.py, footlog/clinical/validation.py,
footlog/timeline/validation.py): each appends a message under the field's name to an error dict, the shape
footlog's `InvalidInput` and DRF's ValidationError both take. Strict on types, like the API's fields: a bool is
not a number, "3" is not a number, a float is not a whole number, NaN and infinities are not numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection
from typing import Final, TypeGuard

from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

Errors = dict[str, list[str]]
MISSING: Final = object()  # a field left out (not the same as null)


def add(errors: Errors, name: str, message: str) -> None:
    errors.setdefault(name, []).append(message)


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
        add(errors, name, "A valid integer is required.")
    elif not low <= value <= high:
        add(errors, name, f"Must be {low} to {high}.")


def number(errors: Errors, name: str, value: object, low: float, high: float, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not is_number(value):
        add(errors, name, "A valid number is required.")
    elif not low <= value <= high:
        add(errors, name, f"Must be {low:g} to {high:g}.")


def boolean(errors: Errors, name: str, value: object, *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, bool):
        add(errors, name, "Must be true or false.")


def text(errors: Errors, name: str, value: object, max_length: int, *, blank: bool = True) -> None:
    if not isinstance(value, str):
        add(errors, name, "Not a valid string.")
    elif len(value) > max_length:
        add(errors, name, f"Ensure this field has no more than {max_length} characters.")
    elif not blank and not value.strip():
        add(errors, name, "This field may not be blank.")


def choice(errors: Errors, name: str, value: object, choices: Collection[str], *, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, str) or value not in choices:
        add(errors, name, f'"{str(value)[:40]}" is not a valid choice.')


def calendar_date(errors: Errors, name: str, value: object, *, nullable: bool = False) -> None:
    """A date inside footlog's calendar (1900-01-01 to 2999-12-31): the state-free part of every date rule."""
    if value is None and nullable:
        return
    if not isinstance(value, dt.date):
        add(errors, name, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")
    elif not EARLIEST_DATE <= value <= LATEST_DATE:
        add(errors, name, f"The date must lie between {EARLIEST_DATE.isoformat()} and {LATEST_DATE.isoformat()}.")


def parse_date(value: object) -> object:
    """A "YYYY-MM-DD" string as a date; anything else unchanged (the checks above then name it)."""
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value) if len(value) == 10 else value
        except ValueError:
            return value
    return value
