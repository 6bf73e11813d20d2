from __future__ import annotations

import datetime as dt
import re
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from footlog.api.fields import StrictBooleanField, StrictCharField
from footlog.clinical.models import MAX_NOTE, MAX_PLAN, SiteOnset, Visit
from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

EARLIEST = EARLIEST_DATE  # footlog's calendar (footlog/lib/dates.py)
MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@extend_schema_field({"type": "string", "pattern": "^\\d{4}-\\d{2}$", "nullable": True, "example": "2026-03"})
class MonthField(serializers.Field):
    """A calendar month as "YYYY-MM", held as the first day of that month."""

    default_error_messages = {"invalid": "Give the month as YYYY-MM, e.g. 2026-03."}

    def to_internal_value(self, data: Any) -> dt.date:
        match = MONTH.match(data) if isinstance(data, str) else None
        if not match:
            self.fail("invalid")
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or year < EARLIEST.year:
            self.fail("invalid")
        return dt.date(year, month, 1)

    def to_representation(self, value: dt.date) -> str:
        return f"{value.year:04d}-{value.month:02d}"


class SiteOnsetIn(serializers.Serializer):
    noticed_since = MonthField(allow_null=True, required=False, default=None)
    not_sure = StrictBooleanField(required=False, default=False)
    note = StrictCharField(max_length=MAX_NOTE, allow_blank=True, required=False, default="")


class SiteOnsetOut(serializers.ModelSerializer):
    noticed_since = MonthField(allow_null=True)

    class Meta:
        model = SiteOnset
        fields = ("site", "noticed_since", "not_sure", "note")


def _calendar_date(value: dt.date) -> dt.date:
    if value < EARLIEST:
        raise serializers.ValidationError("The date is too far in the past.")
    if value > LATEST_DATE:
        raise serializers.ValidationError("Give a date before the year 3000.")
    return value


class VisitIn(serializers.Serializer):
    """The body of POST visits/ (PATCH visits/{id}/ takes any of its fields). The rules that involve the account's
    today or two fields (a review not before the visit) are `services.visit_check`'s, shared with the pages."""

    kind = serializers.ChoiceField(choices=Visit.Kind.choices)
    date = serializers.DateField(input_formats=["%Y-%m-%d"])
    note = StrictCharField(max_length=MAX_NOTE, allow_blank=True, required=False, default="")
    plan = StrictCharField(
        max_length=MAX_PLAN,
        allow_blank=True,
        required=False,
        default="",
        help_text='What the dermatologist proposed, e.g. "retinoid nightly"',
    )
    review_on = serializers.DateField(
        input_formats=["%Y-%m-%d"],
        allow_null=True,
        required=False,
        default=None,
        help_text="When the dermatologist wants to see you again; not before the visit",
    )

    def validate_date(self, value: dt.date) -> dt.date:
        return _calendar_date(value)

    def validate_review_on(self, value: dt.date | None) -> dt.date | None:
        return None if value is None else _calendar_date(value)


class VisitPatchIn(VisitIn):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: ["Not editable."] for name in unknown})
        return attrs


class VisitOut(serializers.ModelSerializer):
    class Meta:
        model = Visit
        fields = ("id", "kind", "date", "note", "plan", "review_on", "created")
