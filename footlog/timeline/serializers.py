"""Wire shapes of the timeline API (see the shared contract, "Timeline")."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from footlog.api.fields import StrictFloatField, StrictIntegerField
from footlog.diary.sites import SITE_CHOICES
from footlog.timeline.analysis import Thresholds


class DayOut(serializers.Serializer):
    date = serializers.DateField()
    logged = serializers.BooleanField()
    total = serializers.IntegerField(allow_null=True, help_text="Sum of counts; null when not logged (unknown)")
    by_site = serializers.DictField(child=serializers.IntegerField(), help_text="Count per checked site")


class SiteSummaryOut(serializers.Serializer):
    site = serializers.ChoiceField(choices=SITE_CHOICES)
    status = serializers.ChoiceField(choices=["clear", "new", "improving", "persisting", "worsening"])
    trend = serializers.ChoiceField(choices=["rising", "falling", "steady", "unknown"])
    first_seen = serializers.DateField(allow_null=True)
    last_seen = serializers.DateField(allow_null=True)
    days_present = serializers.IntegerField()
    days_checked = serializers.IntegerField()
    latest_count = serializers.IntegerField(allow_null=True)
    since = serializers.DateField(allow_null=True, help_text="First day of the current episode; null when clear")


class AdherenceOut(serializers.Serializer):
    # A field named "label" shadows Field.label for the type checker only; DRF moves it into _declared_fields.
    label = serializers.CharField()  # type: ignore[assignment]
    kind = serializers.ChoiceField(choices=["care", "trigger"])
    done = serializers.IntegerField()
    logged = serializers.IntegerField(help_text="Days the step was recorded, done or not")
    rate = serializers.FloatField(allow_null=True)


class ReasonOut(serializers.Serializer):
    code = serializers.CharField()
    level = serializers.ChoiceField(choices=["consider", "book"])
    message = serializers.CharField()
    site = serializers.ChoiceField(choices=SITE_CHOICES, allow_null=True)
    since = serializers.DateField(allow_null=True)
    evidence = serializers.DictField(child=serializers.JSONField(), help_text="The numbers the reason rests on")
    red_flag = serializers.BooleanField(help_text='True for red flags; their message says "Seek care promptly."')


class RecommendationOut(serializers.Serializer):
    level = serializers.ChoiceField(choices=["none", "consider", "book"])
    reasons = ReasonOut(many=True)


def _int(low: int, high: int, help_text: str) -> serializers.Field:
    return StrictIntegerField(min_value=low, max_value=high, required=False, help_text=help_text)


def _float(low: float, high: float, help_text: str) -> serializers.Field:
    return StrictFloatField(min_value=low, max_value=high, required=False, help_text=help_text)


class ThresholdsIO(serializers.Serializer):
    """The user's rule thresholds (docs/timeline.md). On PUT, a field left out goes back to its default."""

    consider_after_days = _int(1, 365, "Bumps on most checked days for this many days → consider")
    book_after_days = _int(1, 365, "... this long with care adherence at the minimum → book")
    most_days_ratio = _float(0.05, 1, "Share of checked days that counts as 'most'")
    min_checked_days = _int(1, 365, "Checked days a duration rule needs as evidence")
    care_adherence_min = _float(0, 1, "Care adherence needed for 'persisting despite care'")
    clear_streak = _int(1, 60, "Clear checks in a row that end an episode")
    trend_window_days = _int(2, 120, "Days compared for a trend (earlier half vs later half)")
    rise_min_count = _float(0.5, 200, "Change in mean count that makes a trend")
    rise_min_mm = _float(0.1, 30, "Change in largest size (mm) that makes a trend")
    symptom_days = _int(1, 60, "Days with pain, itch or redness ...")
    symptom_window_days = _int(1, 60, "... within this many last days → book")
    red_flag_window_days = _int(1, 120, "Red flags look at this many last days")
    fast_change_min_count = _float(1, 200, "Rise in mean count (and at least doubling) that is a red flag")
    fast_change_mm = _float(0.1, 30, "Growth of the largest size (mm) that is a red flag")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        merged = {**Thresholds().to_dict(), **attrs}
        if merged["book_after_days"] < merged["consider_after_days"]:
            raise serializers.ValidationError({"book_after_days": ["Must not be less than consider_after_days."]})
        if merged["symptom_days"] > merged["symptom_window_days"]:
            raise serializers.ValidationError({"symptom_days": ["Must not exceed symptom_window_days."]})
        return attrs


class TimelineOut(serializers.Serializer):
    def get_fields(self) -> dict[str, serializers.Field]:
        # `from` is a Python keyword, so the fields are declared here rather than as attributes.
        return {
            "from": serializers.DateField(),
            "to": serializers.DateField(),
            "series": DayOut(many=True),
            "sites": SiteSummaryOut(many=True),
            "adherence": serializers.DictField(child=AdherenceOut(), help_text="Per routine step key"),
            "recommendation": RecommendationOut(),
            "thresholds": ThresholdsIO(),
        }
