"""Reminder business rules, by topic: `preferences` (choices and schedule rows), `subscriptions` (push
subscriptions), `dispatch` (the beat tick and the sweep), `delivery` (sending), `nudge` (the visit nudge) and
`enqueue` (the one door to the broker). Callers use the names re-exported here."""

from reminders.models import SWEEP_GRACE
from reminders.services.delivery import MAX_ATTEMPTS, SEND_LANES, backoff_seconds, deliver
from reminders.services.dispatch import STALE_AFTER, dispatch_due, requeue_stuck
from reminders.services.enqueue import SEND_BATCH
from reminders.services.nudge import visit_nudge_evaluate, visit_nudge_reset
from reminders.services.preferences import (
    preferences_update,
    reminders_follow_timezone,
    reschedule,
    unsubscribe_email,
)
from reminders.services.subscriptions import MAX_PER_USER, push_subscription_delete, push_subscription_save

__all__ = [
    "MAX_ATTEMPTS",
    "MAX_PER_USER",
    "SEND_BATCH",
    "SEND_LANES",
    "STALE_AFTER",
    "SWEEP_GRACE",
    "backoff_seconds",
    "deliver",
    "dispatch_due",
    "preferences_update",
    "push_subscription_delete",
    "push_subscription_save",
    "reminders_follow_timezone",
    "requeue_stuck",
    "reschedule",
    "unsubscribe_email",
    "visit_nudge_evaluate",
    "visit_nudge_reset",
]
