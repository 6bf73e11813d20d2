"""Reads for reminders."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User
from footlog.i18n import account_language
from reminders.messages import user_id_from_unsubscribe_token
from reminders.models import PushSubscription, ReminderPreference


def preferences_for(user: User) -> ReminderPreference:
    """The user's stored preferences, or the defaults (unsaved) when they never chose any."""
    stored = ReminderPreference.objects.filter(user=user).first()
    return stored or ReminderPreference(user=user)


def push_subscriptions_for(user: User) -> QuerySet[PushSubscription]:
    return PushSubscription.objects.filter(user=user)


def unsubscribe_language(token: str) -> str | None:
    """The language the account behind a reminder mail's unsubscribe link chose (its mails speak it), or None: a
    forged token, a gone account or no choice, when the page follows the browser."""
    user_id = user_id_from_unsubscribe_token(token)
    user = User.objects.filter(pk=user_id).first() if user_id is not None else None
    return account_language(user) if user is not None else None
