"""The visit nudge: decided per user and day in a task, after the tick found the daily check due."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from reminders import visit
from reminders.models import Delivery, Kind, Reminder
from reminders.services import enqueue
from reminders.services.dispatch import insert_deliveries


def visit_nudge_evaluate(reminder_id: int, local_date: dt.date, now: dt.datetime | None = None) -> bool:
    """Decide today's visit nudge for one user; create and enqueue its deliveries when it is due.

    Returns whether a nudge was sent. Running it twice for one day sends at most once. One nudge when a run of
    days at "book" or above begins, one more on escalation to "urgent"; the run ends after two weeks below
    (`visit.decide_nudge`).
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
        if decision.send:
            locked.nudge_last_sent_on = local_date
            keys = [(locked.user_id, str(Kind.VISIT_NUDGE), local_date, c) for c in locked.preference.channels]
            ids = insert_deliveries(keys, now)
            Delivery.objects.filter(pk__in=ids).update(level=decision.nudged_level)  # what its message says
            enqueue.sends(ids)
        locked.save(update_fields=["nudge_level", "nudge_quiet_since", "nudge_last_sent_on"])
    return decision.send
