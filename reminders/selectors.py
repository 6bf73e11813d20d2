"""Reads for reminders."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from reminders.models import PushSubscription, ReminderPreference


def preferences_for(user: User) -> ReminderPreference:
    """The user's stored preferences, or the defaults (unsaved) when they never chose any."""
    stored = ReminderPreference.objects.filter(user=user).first()
    return stored or ReminderPreference(user=user)


def push_subscriptions_for(user: User) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)
