"""Reads for reminders."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from reminders.models import PushSubscription, ReminderPreference


def preferences_for(user: Any) -> ReminderPreference:
    """The user's stored preferences, or the defaults (unsaved) when they never chose any."""
    stored = ReminderPreference.objects.filter(user=user).first()
    return stored or ReminderPreference(user=user)


def push_subscriptions_for(user: Any) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)
