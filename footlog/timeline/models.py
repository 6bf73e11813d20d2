from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from footlog.timeline.analysis import Thresholds

_DEFAULTS = Thresholds()
THRESHOLD_FIELDS = tuple(Thresholds.__dataclass_fields__)  # the stored columns, in Thresholds' order


class TimelineSettings(models.Model):
    """A user's own rule thresholds. No row = the documented defaults (`analysis.Thresholds()`).

    The field names are exactly `Thresholds`' fields, so `thresholds()` is a plain copy. The red-flag rules, the
    clear streak and staleness are not stored at all: they are the safety floor (`analysis.safety`).
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="timeline_settings")
    consider_after_days = models.PositiveSmallIntegerField(default=_DEFAULTS.consider_after_days)
    book_after_days = models.PositiveSmallIntegerField(default=_DEFAULTS.book_after_days)
    most_days_ratio = models.FloatField(default=_DEFAULTS.most_days_ratio)
    min_checked_days = models.PositiveSmallIntegerField(default=_DEFAULTS.min_checked_days)
    care_adherence_min = models.FloatField(default=_DEFAULTS.care_adherence_min)
    trend_window_days = models.PositiveSmallIntegerField(default=_DEFAULTS.trend_window_days)
    rise_min_count = models.FloatField(default=_DEFAULTS.rise_min_count)
    rise_min_mm = models.FloatField(default=_DEFAULTS.rise_min_mm)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "timeline settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(book_after_days__gte=models.F("consider_after_days")),
                name="timeline_book_not_before_consider",
            ),
            models.CheckConstraint(
                condition=Q(most_days_ratio__gt=0, most_days_ratio__lte=1), name="timeline_most_days_ratio_range"
            ),
            models.CheckConstraint(
                condition=Q(care_adherence_min__gte=0, care_adherence_min__lte=1), name="timeline_care_adherence_range"
            ),
        ]

    def __str__(self) -> str:
        return f"timeline settings of {self.user_id}"

    def thresholds(self) -> Thresholds:
        return Thresholds(*(getattr(self, name) for name in THRESHOLD_FIELDS))
