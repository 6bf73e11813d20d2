"""Query parameters shared by list, timeline and export endpoints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

MAX_RANGE_DAYS = 5 * 366


class _DateRangeQuery(serializers.Serializer[None]):
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # `from` is a Python keyword, so the fields are declared here rather than as attributes.
        return {"from": range_date_field(required=False), "to": range_date_field(required=False)}


def range_date_field(*, required: bool) -> serializers.DateField:
    """A `from`/`to` date (query or body): YYYY-MM-DD within footlog's calendar, so windows never overflow."""
    return serializers.DateField(required=required, input_formats=["%Y-%m-%d"], validators=[_in_calendar])


def _in_calendar(value: dt.date) -> None:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        bounds = {"first": EARLIEST_DATE.isoformat(), "last": LATEST_DATE.isoformat()}
        raise serializers.ValidationError(gettext("The date must lie between %(first)s and %(last)s.") % bounds)


def parse_date_range(
    query: Mapping[str, str], *, today: dt.date, default_days: int | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """Validate `from`/`to` (YYYY-MM-DD in 1900-2999, `from` ≤ `to`, at most five years) or raise a 400.

    With `default_days`, a missing `to` becomes today and a missing `from` makes the range that many days long.
    """
    params = _DateRangeQuery(data={key: query[key] for key in ("from", "to") if key in query})
    params.is_valid(raise_exception=True)
    start: dt.date | None = params.validated_data.get("from")
    end: dt.date | None = params.validated_data.get("to")
    if default_days is not None:
        end = end or (max(today, start) if start else today)
        start = start or end - dt.timedelta(days=default_days - 1)
    if start and end:
        if start > end:
            raise serializers.ValidationError({"from": [gettext("`from` must not be after `to`.")]})
        if (end - start).days > MAX_RANGE_DAYS:
            raise serializers.ValidationError({"to": [gettext("The range may span at most five years.")]})
    return start, end


FLAG_VALUES = {"true": True, "1": True, "false": False, "0": False}


def parse_flag(query: Mapping[str, str], name: str) -> bool:
    """A boolean query parameter: `true`/`1` or `false`/`0` (absent: false); anything else is a 400, as the schema
    (type boolean) says."""
    value = query.get(name)
    if value is None:
        return False
    if value not in FLAG_VALUES:
        raise serializers.ValidationError({name: [gettext("Must be true or false (or 1 or 0).")]})
    return FLAG_VALUES[value]
