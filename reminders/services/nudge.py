"""The visit nudge: decided per user and day in a task, after the tick found the daily check due."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from reminders import visit
from reminders.models import Delivery, Kind, Reminder
from reminders.services import enqueue
from reminders.services.dispatch import insert_deliveries

REVIEW = "review"  # a delivery's level for the reminder on a visit's review date (messages._REVIEW)


def visit_nudge_reset(user_id: int) -> None:
    """After a visit was recorded or changed (task `reminders.visit_recorded`): see `visit.visit_nudge_reset`."""
    visit.visit_nudge_reset(user_id)


def visit_nudge_evaluate(reminder_id: int, local_date: dt.date, now: dt.datetime | None = None) -> bool:
    """Decide today's visit nudge for one user; create and enqueue its deliveries when it is due.

    Returns whether a nudge was sent. Running it twice for one day sends at most once. One nudge when a run of
    days at "book" or above begins, one more on escalation to "urgent"; the run ends after two weeks below
    (`visit.decide_nudge`). On a visit's review date, one reminder of that date (level "review") when no nudge is
    due that day.
    """
    now = now or timezone.now()
    reminder = Reminder.objects.select_related("user").filter(pk=reminder_id).first()
    if reminder is None:
        return False
    # Outside the transaction: the timeline analysis may take a moment and needs no lock.
    level = visit.current_recommendation_level(reminder.user, local_date)
    with transaction.atomic():
        locked = Reminder.objects.select_for_update(of=("self",)).select_related("preference").get(pk=reminder_id)
        decision = visit.decide_nudge(
            level, nudged_level=locked.nudge_level, quiet_since=locked.nudge_quiet_since, today=local_date
        )
        locked.nudge_level = decision.nudged_level
        locked.nudge_quiet_since = decision.quiet_since
        review = not decision.send and visit.review_due(locked.user_id, local_date)
        sent = decision.send
        if decision.send or review:
            keys = [(locked.user_id, str(Kind.VISIT_NUDGE), local_date, c) for c in locked.preference.channels]
            ids = insert_deliveries(keys, now)
            level = REVIEW if review else decision.nudged_level
            Delivery.objects.filter(pk__in=ids).update(level=level)  # what its message says
            enqueue.sends(ids)
            # A review reminder is a fact of the day, not a run's state: sent when its deliveries are new.
            sent = decision.send or bool(ids)
            if sent:
                locked.nudge_last_sent_on = local_date
        locked.save(update_fields=["nudge_level", "nudge_quiet_since", "nudge_last_sent_on"])
    return sent
