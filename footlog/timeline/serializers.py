"""Wire shapes of the timeline API (see the shared contract, "Timeline")."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from footlog.api.fields import StrictFloatField, StrictIntegerField
from footlog.diary.sites import SITE_CHOICES
from footlog.timeline.analysis import LEVELS, SAFETY_FLOOR, Thresholds
from footlog.timeline.validation import BOUNDS, FLOOR_MESSAGE, REFUSED_FIELDS, thresholds_errors

STATUSES = ["clear", "new", "improving", "persisting", "worsening", "stale"]
RED_FLAG_KINDS = ["pain", "redness", "bleeding", "spreading", "fast_change"]
__all__ = ["FLOOR_MESSAGE", "REFUSED_FIELDS"]  # their home: footlog/timeline/validation.py


class DayOut(serializers.Serializer[object]):
    date = serializers.DateField()
    logged = serializers.BooleanField()
    total = serializers.IntegerField(allow_null=True, help_text="Sum of counts; null when not logged (unknown)")
    by_site = serializers.DictField(child=serializers.IntegerField(), help_text="Count per checked site")


class SiteSummaryOut(serializers.Serializer[object]):
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    status = serializers.ChoiceField(
        choices=STATUSES, help_text='"stale": not checked for 7 days before `to`; nothing is claimed about it now'
    )
    trend = serializers.ChoiceField(choices=["rising", "falling", "steady", "unknown"])
    first_seen = serializers.DateField(allow_null=True, help_text="First day with bumps in the window")
    last_seen = serializers.DateField(allow_null=True, help_text="Last day with bumps in the window")
    last_checked = serializers.DateField(allow_null=True, help_text="Last day the site was looked at (count ≥ 0)")
    first_onset = serializers.DateField(
        allow_null=True, help_text="Start of the first episode in the history read (recurrences stay linked)"
    )
    recurrences = serializers.IntegerField(help_text="Episodes that began after the first one, each after a clear run")
    days_present = serializers.IntegerField()
    days_checked = serializers.IntegerField()
    latest_count = serializers.IntegerField(allow_null=True)
    since = serializers.DateField(allow_null=True, help_text="First day of the current episode; null when clear")
    peak_count = serializers.IntegerField(allow_null=True, help_text="Highest count checked in the window")
    peak_date = serializers.DateField(allow_null=True, help_text="First day of that peak (null when no bumps)")


class AdherenceOut(serializers.Serializer[object]):
    # A field named "label" shadows Field.label for the type checker only; DRF moves it into _declared_fields.
    label = serializers.CharField()  # type: ignore[assignment]  # our field named `label`, not Field.label
    kind = serializers.ChoiceField(choices=["care", "trigger"])
    done = serializers.IntegerField()
    logged = serializers.IntegerField(help_text="Days the step was recorded, done or not")
    rate = serializers.FloatField(
        allow_null=True,
        help_text="min(1, 7 * done / logged / target_per_week); null for triggers, target 0 or never recorded",
    )
    target_per_week = serializers.IntegerField(min_value=0, max_value=7, help_text="How often the user means to")


class CoverageOut(serializers.Serializer[object]):
    logged_days = serializers.IntegerField(help_text="Days with an entry in the window")
    window_days = serializers.IntegerField(help_text="Days from max(from, first entry ever) to `to`")
    last_entry = serializers.DateField(allow_null=True)


class RedFlagOut(serializers.Serializer[object]):
    date = serializers.DateField()
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    kind = serializers.ChoiceField(choices=RED_FLAG_KINDS)
    value = serializers.JSONField(help_text="The score, size (mm) or count that day, or true")


class ReasonOut(serializers.Serializer[object]):
    code = serializers.CharField()
    level = serializers.ChoiceField(choices=list(LEVELS))
    message = serializers.CharField()
    site = serializers.ChoiceField(choices=SITE_CHOICES, allow_null=True)
    since = serializers.DateField(allow_null=True)
    evidence = serializers.DictField(child=serializers.JSONField(), help_text="The numbers the reason rests on")
    red_flag = serializers.BooleanField(help_text='True for red flags; their message says "Seek care promptly."')


class RecommendationOut(serializers.Serializer[object]):
    level = serializers.ChoiceField(choices=list(LEVELS), help_text='"urgent": a red flag in the last 14 days')
    headline = serializers.CharField(help_text="The level's words for the patient (the one wording table)")
    headline_clinician = serializers.CharField(
        help_text='The level\'s words for a clinician (PDF, share page): never "your"'
    )
    seen_on = serializers.DateField(
        allow_null=True,
        help_text="The latest `visited` visit; at level none the headline says when the patient was seen",
    )
    reasons = ReasonOut(many=True)


class SinceVisitOut(serializers.Serializer[object]):
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    before = serializers.FloatField(help_text="Median of the last (up to) 3 counts on or before the visit day")
    after = serializers.FloatField(help_text="Median of the last (up to) 3 counts after it")
    checks_after = serializers.IntegerField()


# Its own component name: clinical's VisitOut (visits/) has other fields, and one name for both made the schema
# describe visits/' answers with this one.
@extend_schema_serializer(component_name="TimelineVisitOut")
class VisitOut(serializers.Serializer[object]):
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=["booked", "visited"])
    plan = serializers.CharField(allow_blank=True)
    review_on = serializers.DateField(allow_null=True)
    since = SinceVisitOut(many=True, help_text='"since then: 5 → 2 at Left top of foot", per site')


class SlightSymptomOut(serializers.Serializer[object]):
    date = serializers.DateField()
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    pain = serializers.IntegerField()
    redness = serializers.BooleanField()
    recent = serializers.BooleanField(help_text="Within the last 14 days (then also a `symptom_once` reason)")


class OutlierOut(serializers.Serializer[object]):
    date = serializers.DateField()
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    field = serializers.ChoiceField(choices=["largest_mm", "count"])
    value = serializers.FloatField()
    usual = serializers.FloatField(help_text="Median of the site's present checks in the 90 days before")


def _threshold(name: str, help_text: str) -> StrictIntegerField | StrictFloatField:
    """A threshold field built from its bounds in footlog/timeline/validation.py (so the schema shows them)."""
    low, high, whole = BOUNDS[name]
    if whole:
        return StrictIntegerField(min_value=int(low), max_value=int(high), required=False, help_text=help_text)
    return StrictFloatField(min_value=low, max_value=high, required=False, help_text=help_text)


class ThresholdsIO(serializers.Serializer[object]):
    """The user's tunable rule thresholds (docs/timeline.md). On PUT, a field left out goes back to its default.

    A field of the safety floor (red-flag rules, clear streak, staleness) is refused with a 400 naming it.
    Cross-field rule: book_after_days must not be less than consider_after_days (a field left out counts at its
    default). Bounds: footlog/timeline/validation.py.
    """

    consider_after_days = _threshold("consider_after_days", "Bumps on most checked days for this many days → consider")
    book_after_days = _threshold("book_after_days", "... this long with care adherence at the minimum → book")
    most_days_ratio = _threshold("most_days_ratio", "Share of checked days that counts as 'most'")
    min_checked_days = _threshold("min_checked_days", "Checked days a duration rule needs as evidence")
    care_adherence_min = _threshold("care_adherence_min", "Care adherence needed for 'persisting despite care'")
    trend_window_days = _threshold("trend_window_days", "A trend is judged over the episode's last this many days")
    rise_min_count = _threshold(
        "rise_min_count", "Change in count over the trend window (Theil-Sen slope) that makes a trend"
    )
    rise_min_mm = _threshold("rise_min_mm", "Change in median size (mm, last 3 vs first 3 values) that makes a trend")

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        if isinstance(data, Mapping):
            refused: dict[str, list[str]] = {name: [str(FLOOR_MESSAGE)] for name in data if name in REFUSED_FIELDS}
            if "safety_floor" in data and data["safety_floor"] != SAFETY_FLOOR:
                refused["safety_floor"] = [gettext("Read-only: %(rule)s") % {"rule": FLOOR_MESSAGE}]
            if refused:
                raise serializers.ValidationError(refused)
        values: dict[str, Any] = super().to_internal_value(data)
        return values

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        errors = thresholds_errors(attrs)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


def _floor_field(value: object) -> serializers.FloatField | serializers.IntegerField:
    if isinstance(value, float):
        return serializers.FloatField(read_only=True)
    return serializers.IntegerField(read_only=True)


# Built from the constants so the schema can never drift from what the analysis enforces.
SafetyFloorOut = type(
    "SafetyFloorOut",
    (serializers.Serializer,),
    {
        "__doc__": "The safety floor: red-flag rules and other constants no setting can change (read-only).",
        **{name: _floor_field(value) for name, value in SAFETY_FLOOR.items()},
    },
)


class TimelineSettingsIO(ThresholdsIO):
    """GET/PUT timeline/settings: the tunable thresholds plus the read-only safety floor (ignored on PUT when
    sent back unchanged, refused when changed)."""

    safety_floor = SafetyFloorOut(read_only=True)


def settings_body(thresholds: Thresholds) -> dict[str, object]:
    """The answer of GET/PUT timeline/settings."""
    return dict(TimelineSettingsIO({**thresholds.to_dict(), "safety_floor": dict(SAFETY_FLOOR)}).data)


class TimelineOut(serializers.Serializer[object]):
    """Documents `TimelineResult.to_dict()` field by field (tests pin the two equal)."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        # `from` is a Python keyword, so the fields are declared here rather than as attributes.
        return {
            "from": serializers.DateField(),
            "to": serializers.DateField(),
            "series": DayOut(many=True),
            "sites": SiteSummaryOut(many=True),
            "adherence": serializers.DictField(child=AdherenceOut(), help_text="Per routine step key"),
            "care_adherence": serializers.FloatField(
                allow_null=True,
                help_text="Mean of the care steps' rates over the window; null = routine not recorded (never 0 %)",
            ),
            "coverage": CoverageOut(),
            "red_flags": RedFlagOut(many=True, help_text="Every red-flag event in the window, whatever its age"),
            "recommendation": RecommendationOut(),
            "thresholds": ThresholdsIO(),
            "visits": VisitOut(many=True, help_text="Recorded visits, with the change per site since each"),
            "slight_symptoms": SlightSymptomOut(
                many=True, help_text="Single days of slight pain or redness: dated notes, not red flags"
            ),
            "outliers": OutlierOut(many=True, help_text="One-day values far outside the site's own history"),
        }
