"""Writes for the timeline: the user's rule thresholds."""

from __future__ import annotations

from typing import Any

from footlog.timeline.analysis import Thresholds
from footlog.timeline.models import TimelineSettings


def timeline_settings_update(user: Any, values: dict[str, Any]) -> Thresholds:
    """Replace the user's thresholds: fields left out go back to their defaults. Validated by the caller
    (serializer) and by the table's check constraints."""
    fields = {**Thresholds().to_dict(), **values}
    saved, _ = TimelineSettings.objects.update_or_create(user=user, defaults=fields)
    return saved.thresholds()
