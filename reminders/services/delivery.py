"""Sending deliveries: each try is claimed (and counted) before the network call, then sent under a row lock.

1. `_claim` counts the try and commits it: a try that hangs or kills the worker still counts, so the attempt
   cap ends every delivery. It skips a row another sender holds, a finished one and a retry not yet due.
2. `_send_claimed` locks the row again (SKIP LOCKED), checks that the claim is still ours, sends and marks the
   outcome in one transaction: a duplicate task message finds the row locked or finished. A worker killed
   mid-send leaves the row open; the redelivered message (acks_late, reject_on_worker_lost) or the sweep sends it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from django.db import connection, transaction
from django.utils import timezone

from footlog.diary.models import Entry
from footlog.i18n import user_speaking
from reminders.messages import message_for
from reminders.models import SWEEP_GRACE, Delivery, DeliveryAttempt, Kind
from reminders.models import ReminderPreference as Preference
from reminders.services import enqueue
from reminders.transports import PermanentError, TransientError, Transport, transport_for

logger = logging.getLogger(__name__)

SEND_LANES = 4  # threads per send task (PostgreSQL): overlaps database and SMTP round trips
MAX_ATTEMPTS = 5
MAX_BACKOFF = 900  # seconds; never a countdown beyond 15 minutes (Redis redelivers long ETAs)
DUE_TOLERANCE = dt.timedelta(seconds=5)  # a countdown message may run this much before its retry is due
# A lane starts no new send after this many seconds and hands the rest to a new task: with one more send at its
# longest (PUSH_SEND_MAX_SECONDS) it stays inside the task's soft time limit (CELERY_TASK_SOFT_TIME_LIMIT, 120 s).
LANE_BUDGET_SECONDS = 60


def deliver(delivery_ids: Sequence[int], *, lanes: int = 1) -> Counter[str]:
    """Send each open delivery once; returns how many ended in each status (or "busy"/"done"/"not yet" when
    skipped, "deferred" when handed to a new task).

    With `lanes` > 1 (PostgreSQL only) the batch is split over that many threads, each with its own database
    connection and SMTP connection, so one lane's round trips overlap another's.
    """
    context = _SendContext.load(delivery_ids)
    if lanes <= 1 or connection.vendor != "postgresql" or len(delivery_ids) < 2:
        return _deliver_lane(delivery_ids, context)
    slices = [list(delivery_ids[lane::lanes]) for lane in range(lanes)]
    with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="reminder-send") as pool:
        results = list(pool.map(lambda ids: _deliver_lane(ids, context, own_connection=True), slices))
    return sum(results, Counter())


def _deliver_lane(delivery_ids: Sequence[int], context: _SendContext, *, own_connection: bool = False) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    transports: dict[str, Transport] = {}
    started = time.time()  # wall clock, not monotonic: tests move it with time-machine
    try:
        with _commits_without_waiting_for_disk():
            for index, delivery_id in enumerate(delivery_ids):
                if time.time() - started > LANE_BUDGET_SECONDS:
                    rest = list(delivery_ids[index:])
                    enqueue.sends(rest)  # a slow lane must not run into the task's time limit
                    outcomes["deferred"] += len(rest)
                    break
                outcomes[_deliver_one(delivery_id, transports, context)] += 1
    finally:
        for transport in transports.values():
            transport.close()
        if own_connection:
            connection.close()  # the thread's own connection; the pool thread ends with the batch
    return outcomes


class _SendContext:
    """Preferences and logged dates of a batch, read once instead of per delivery."""

    def __init__(self, prefs: dict[int, Preference], logged: set[tuple[int, dt.date]]):
        self.prefs, self.logged = prefs, logged

    @classmethod
    def load(cls, delivery_ids: Sequence[int]) -> _SendContext:
        keys = list(Delivery.objects.filter(pk__in=delivery_ids).values_list("user_id", "local_date"))
        users = {user_id for user_id, _ in keys}
        prefs = {p.user_id: p for p in Preference.objects.filter(user_id__in=users)}
        logged = set(
            Entry.objects.filter(user_id__in=users, date__in={day for _, day in keys}).values_list("user_id", "date")
        )
        return cls(prefs, logged)

    def skip_reason(self, delivery: Delivery) -> str:
        pref = self.prefs.get(delivery.user_id)
        if pref is None or not pref.enabled:
            return "reminders are off"
        if delivery.channel not in pref.channels:
            return f"{delivery.channel} is off"
        if delivery.kind == Kind.WEEKLY_PHOTO and not pref.weekly_photo:
            return "weekly photo reminder is off"
        already = (delivery.user_id, delivery.local_date) in self.logged
        if delivery.kind == Kind.DAILY_LOG and pref.skip_if_logged and already:
            return "already logged that day"
        return ""


def _deliver_one(delivery_id: int, transports: dict[str, Transport], context: _SendContext) -> str:
    claim = _claim(delivery_id, timezone.now())
    if isinstance(claim, str):
        return claim
    return _send_claimed(delivery_id, claim, transports, context)


def _claim(delivery_id: int, now: dt.datetime) -> int | str:
    """Count a try of an open, due delivery and commit it; returns the try's number or why there is none."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # one statement, committed on its own (the lane runs in autocommit)
            cursor.execute(_CLAIM_SQL, [delivery_id, now + DUE_TOLERANCE])
            row = cursor.fetchone()
        if row is None:
            return "busy"  # another sender holds it (or it was deleted with its user)
        status, attempt = row
        if status not in Delivery.OPEN:
            return "done"
        return attempt if attempt is not None else "not yet"
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().filter(pk=delivery_id).first()
        if delivery is None:
            return "busy"
        if delivery.status not in Delivery.OPEN:
            return "done"
        if delivery.status == Delivery.Status.RETRY and delivery.next_attempt_at > now + DUE_TOLERANCE:
            return "not yet"  # a duplicate message must not cut the backoff short
        delivery.attempts += 1
        delivery.save(update_fields=["attempts"])
        return delivery.attempts


_CLAIM_SQL = f"""
    WITH target AS (
        SELECT id, status, next_attempt_at FROM {Delivery._meta.db_table} WHERE id = %s FOR UPDATE SKIP LOCKED
    ), claimed AS (
        UPDATE {Delivery._meta.db_table} AS d SET attempts = d.attempts + 1 FROM target
        WHERE d.id = target.id AND target.status IN ('pending', 'retry')
            AND (target.status = 'pending' OR target.next_attempt_at <= %s)
        RETURNING d.attempts
    )
    SELECT target.status, (SELECT attempts FROM claimed) FROM target
"""  # noqa: S608 (table name from the model, values are parameters)


def _send_claimed(delivery_id: int, attempt: int, transports: dict[str, Transport], context: _SendContext) -> str:
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=delivery_id, attempts=attempt, status__in=Delivery.OPEN)
            .first()
        )
        if delivery is None:
            return "busy"  # a duplicate message claimed it after us, or is sending it now
        if attempt > MAX_ATTEMPTS:  # the earlier tries never reported back (each one killed its worker)
            return _finish(delivery, Delivery.Status.FAILED, DeliveryAttempt.Outcome.TRANSIENT, "gave up")
        reason = context.skip_reason(delivery)
        if reason:
            return _finish(delivery, Delivery.Status.SKIPPED, DeliveryAttempt.Outcome.SKIPPED, reason)
        transport = transports.get(delivery.channel) or transports.setdefault(
            delivery.channel, transport_for(delivery.channel)
        )
        try:
            with user_speaking(delivery.user):  # the mail or push in the account's language
                level = delivery.level or None
                message = message_for(delivery.kind, delivery.local_date, delivery.user_id, level=level)
                transport.send(delivery.user, message)
        except TransientError as exc:
            return _retry_later(delivery, str(exc))
        except PermanentError as exc:
            return _finish(delivery, Delivery.Status.FAILED, DeliveryAttempt.Outcome.PERMANENT, str(exc))
        return _finish(delivery, Delivery.Status.SENT, DeliveryAttempt.Outcome.SENT, "")


@contextlib.contextmanager
def _commits_without_waiting_for_disk() -> Iterator[None]:
    """Per-delivery commits dominate send throughput; on PostgreSQL let them skip the WAL flush wait.

    A killed *worker* still finds every committed row (the server has it); only a crash of the database
    server itself could forget the last fraction of a second of "sent" marks, and those would be sent again.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _finish(delivery: Delivery, status: str, outcome: str, error: str) -> str:
    """Close the delivery and record the attempt (one statement on PostgreSQL: this runs once per mail)."""
    now = timezone.now()  # when it happened, not when the batch began
    delivery.status, delivery.finished_at = status, now
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_FINISH_SQL, [status, now, delivery.pk, outcome, error[:300], now])
        return status
    delivery.save(update_fields=["status", "finished_at"])
    DeliveryAttempt.objects.create(delivery=delivery, number=delivery.attempts, outcome=outcome, error=error[:300])
    return status


_FINISH_SQL = f"""
    WITH done AS (
        UPDATE {Delivery._meta.db_table} SET status = %s, finished_at = %s WHERE id = %s
        RETURNING id, attempts
    )
    INSERT INTO {DeliveryAttempt._meta.db_table} (delivery_id, number, outcome, error, at)
    SELECT id, attempts, %s, %s, %s FROM done
"""  # noqa: S608 (table names from the models, values are parameters)


def backoff_seconds(attempt: int) -> int:
    """30 s, 60 s, 120 s, … capped at 15 minutes."""
    return int(min(30 * 2 ** (attempt - 1), MAX_BACKOFF))


def _retry_later(delivery: Delivery, error: str) -> str:
    if delivery.attempts >= MAX_ATTEMPTS:
        return _finish(delivery, Delivery.Status.FAILED, DeliveryAttempt.Outcome.TRANSIENT, error)
    failed_at = timezone.now()  # the backoff runs from the failure: a slow batch must not write a past time
    delay = backoff_seconds(delivery.attempts)
    delivery.status = Delivery.Status.RETRY
    delivery.next_attempt_at = failed_at + dt.timedelta(seconds=delay)
    # The sweep picks it up if the delayed message is lost; the grace keeps the two from racing.
    delivery.sweep_after = delivery.next_attempt_at + SWEEP_GRACE
    delivery.save(update_fields=["status", "next_attempt_at", "sweep_after"])
    DeliveryAttempt.objects.create(
        delivery=delivery, number=delivery.attempts, outcome=DeliveryAttempt.Outcome.TRANSIENT, error=error[:300]
    )
    enqueue.sends([delivery.pk], countdown=delay)
    logger.info("delivery %s: transient error, retry %s in %ss", delivery.pk, delivery.attempts, delay)
    return Delivery.Status.RETRY
