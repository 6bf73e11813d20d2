from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext, gettext_lazy
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from footlog.api.fields import StrictBooleanField, StrictCharField
from footlog.clinical import validation
from footlog.clinical.models import MAX_NOTE, MAX_PLAN, SiteOnset, Visit
from footlog.lib.dates import EARLIEST_DATE, LATEST_DATE

EARLIEST = EARLIEST_DATE  # footlog's calendar (footlog/lib/dates.py)
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_PATTERN = "^(19|2[0-9])[0-9]{2}-(0[1-9]|1[0-2])$"  # 1900-01 to 2999-12, footlog's calendar


def _refuse(errors: dict[str, list[str]]) -> None:
    if errors:
        raise serializers.ValidationError(errors)


@extend_schema_field({"type": "string", "pattern": MONTH_PATTERN, "nullable": True, "example": "2026-03"})
class MonthField(serializers.Field[dt.date, object, str, object]):
    """A calendar month as "YYYY-MM", held as the first day of that month."""

    default_error_messages = {"invalid": gettext_lazy("Give the month as YYYY-MM, e.g. 2026-03.")}

    def to_internal_value(self, data: object) -> dt.date:
        match = MONTH.match(data) if isinstance(data, str) else None
        if not match:
            self.fail("invalid")
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12 or not EARLIEST.year <= year <= LATEST_DATE.year:
            self.fail("invalid")
        return dt.date(year, month, 1)

    def to_representation(self, value: dt.date) -> str:
        return f"{value.year:04d}-{value.month:02d}"


class SiteOnsetIn(serializers.Serializer[None]):
    """A month (1900-01 to 2999-12, not after the current one) or not_sure: true, never both."""

    noticed_since = MonthField(allow_null=True, required=False, default=None)
    not_sure = StrictBooleanField(required=False, default=False)
    note = StrictCharField(max_length=MAX_NOTE, allow_blank=True, required=False, default="")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        _refuse(validation.site_onset_errors(**attrs))
        return attrs


class SiteOnsetOut(serializers.ModelSerializer[SiteOnset]):
    noticed_since = MonthField(allow_null=True)

    class Meta:
        model = SiteOnset
        fields = ("site", "noticed_since", "not_sure", "note")


class VisitIn(serializers.Serializer[None]):
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
        errors = validation.visit_errors(kind="booked", date=value)  # the calendar; kind and note: their fields
        if errors.get("date"):
            raise serializers.ValidationError(errors["date"])
        return value

    def validate_review_on(self, value: dt.date | None) -> dt.date | None:
        errors = validation.visit_errors(kind="booked", date=value) if value is not None else {}
        if errors.get("date"):
            raise serializers.ValidationError(errors["date"])
        return value


class VisitPatchIn(VisitIn):
    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError({name: [gettext("Not editable.")] for name in unknown})
        return attrs


class VisitOut(serializers.ModelSerializer[Visit]):
    class Meta:
        model = Visit
        fields = ("id", "kind", "date", "note", "plan", "review_on", "created")
