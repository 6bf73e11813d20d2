"""Reminder business rules: preferences, subscriptions, the dispatch tick and delivery.

Exactly-once rests on three database facts, not on the broker:
1. the tick claims due `Reminder` rows under row locks (SKIP LOCKED), so two beats never claim one row;
2. `Delivery` is unique per (user, kind, local date, channel), so a claim can create a send only once;
3. a send locks its `Delivery` row for the send and marks it sent in the same transaction, so duplicate
   task messages find it locked (skipped) or already sent. A worker killed before the send leaves the row
   pending: the redelivered message (acks_late, reject_on_worker_lost) or the sweeper sends it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any, NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from footlog.diary.models import Entry
from footlog.lib.errors import InvalidInput
from reminders import visit
from reminders.messages import message_for, user_id_from_unsubscribe_token
from reminders.models import ALL_WEEKDAYS, Channel, Delivery, DeliveryAttempt, Kind, PushSubscription, Reminder
from reminders.models import ReminderPreference as Preference
from reminders.schedule import local_date_of, next_fire_at
from reminders.transports import PermanentError, TransientError, Transport, transport_for

logger = logging.getLogger(__name__)

CLAIM_BATCH = 1000
SEND_BATCH = 100  # deliveries per send task: one SMTP connection / HTTP session per lane serves them all
SEND_LANES = 4  # threads per send task (PostgreSQL): overlaps database and SMTP round trips
SWEEP_GRACE = dt.timedelta(minutes=5)  # a pending delivery untouched this long lost its message: re-enqueue
STALE_AFTER = dt.timedelta(hours=3)  # after an outage, a reminder this late is skipped, not sent
MAX_ATTEMPTS = 5
MAX_BACKOFF = 900  # seconds; never a countdown beyond 15 minutes (Redis redelivers long ETAs)


# --- Preferences and subscriptions ----------------------------------------------------------------------


def preferences_update(user: Any, changes: dict[str, Any], *, now: dt.datetime | None = None) -> Preference:
    """Store the user's choices (fields left out keep their value) and reschedule their reminders.

    A `timezone` is written through to the account (`User.timezone`, the zone's only home). Choosing the push
    channel needs at least one push subscription.
    """
    changes = dict(changes)
    with transaction.atomic():
        if "timezone" in changes:
            user.timezone = changes.pop("timezone")
            user.save(update_fields=["timezone"])
        pref, _ = Preference.objects.select_for_update().get_or_create(user=user)
        pref.user = user  # the zone is read from the account just saved
        for field, value in changes.items():
            setattr(pref, field, value)
        if Channel.PUSH in pref.channels and not PushSubscription.objects.filter(user=user).exists():
            raise InvalidInput({"channels": ["Push needs a push subscription from this browser first."]})
        pref.weekdays = sorted(set(pref.weekdays))
        pref.channels = [c for c in Channel.values if c in pref.channels]
        pref.save()
        reschedule(pref, now or timezone.now())
    return pref


def _next_for(kind: str, pref: Preference | _Due, after: dt.datetime) -> dt.datetime | None:
    return _next_cached(
        kind,
        pref.enabled and bool(pref.channels),
        tuple(pref.weekdays),
        pref.weekly_photo,
        pref.photo_weekday,
        pref.time,
        pref.timezone,
        after,
    )


@lru_cache(maxsize=4096)  # a tick asks the same question for everyone sharing a zone, time and weekdays
def _next_cached(
    kind: str,
    on: bool,
    weekdays: tuple[int, ...],
    weekly_photo: bool,
    photo_weekday: int,
    at: dt.time,
    tz_name: str,
    after: dt.datetime,
) -> dt.datetime | None:
    if not on:
        return None
    days: Iterable[int]
    if kind == Kind.DAILY_LOG:
        days = weekdays
    elif kind == Kind.WEEKLY_PHOTO:
        days = [photo_weekday] if weekly_photo else []
    else:
        days = ALL_WEEKDAYS  # the visit nudge is checked daily at the reminder time
    return next_fire_at(after, at, tz_name, days)


def reminders_follow_timezone(user: Any, now: dt.datetime | None = None) -> None:
    """The account's zone changed (Settings, account API): move the next reminders to the new local times."""
    pref = Preference.objects.filter(user=user).first()
    if pref is not None:
        pref.user = user
        reschedule(pref, now or timezone.now())


def reschedule(pref: Preference, now: dt.datetime) -> None:
    """Create or update the user's three schedule rows from their preferences."""
    for kind in Kind.values:
        Reminder.objects.update_or_create(
            user_id=pref.user_id, kind=kind, defaults={"preference": pref, "next_fire_at": _next_for(kind, pref, now)}
        )


def push_subscription_save(user: Any, endpoint: str, p256dh: str, auth: str) -> tuple[PushSubscription, bool]:
    """Store a browser's subscription. An endpoint is one browser profile: saving it again updates its keys,
    and when someone else signs in on that browser it moves to them."""
    with transaction.atomic():
        subscription = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
        if subscription is None:
            return PushSubscription.objects.create(user=user, endpoint=endpoint, p256dh=p256dh, auth=auth), True
        subscription.user, subscription.p256dh, subscription.auth = user, p256dh, auth
        subscription.save(update_fields=["user", "p256dh", "auth"])
        return subscription, False


def push_subscription_delete(subscription: PushSubscription) -> None:
    subscription.delete()


def unsubscribe_email(token: str) -> bool:
    """One-click unsubscribe: stop reminder emails for the token's user. False for a forged token."""
    user_id = user_id_from_unsubscribe_token(token)
    if user_id is None:
        return False
    with transaction.atomic():
        pref = Preference.objects.select_for_update().filter(user_id=user_id).first()
        if pref is None:
            return True  # the account is gone or never had reminders: nothing will be sent
        pref.channels = [c for c in pref.channels if c != Channel.EMAIL]
        pref.save(update_fields=["channels", "updated"])
        reschedule(pref, timezone.now())
    return True


# --- The tick --------------------------------------------------------------------------------------------


def dispatch_due(now: dt.datetime | None = None, *, batch_size: int = CLAIM_BATCH) -> int:
    """Claim every reminder due at `now`, create its deliveries, enqueue the sends, advance the schedule.

    Returns how many reminders were claimed. Safe to run concurrently (rows are claimed with SKIP LOCKED).
    """
    now = now or timezone.now()
    total = 0
    while True:
        claimed = _claim_batch(now, batch_size)
        total += claimed
        if claimed < batch_size:
            return total


class _Due(NamedTuple):
    """A claimed reminder with its preferences, read as plain values (no model instances: 1,000 per batch)."""

    pk: int
    user_id: int
    kind: str
    next_fire_at: dt.datetime
    enabled: bool
    time: dt.time
    timezone: str
    weekdays: list[int]
    channels: list[str]
    weekly_photo: bool
    photo_weekday: int


_DUE_FIELDS = (
    "pk",
    "user_id",
    "kind",
    "next_fire_at",
    *(f"preference__{name}" if name != "timezone" else "user__timezone" for name in _Due._fields[4:]),
)


def _claim_batch(now: dt.datetime, batch_size: int) -> int:
    with transaction.atomic():
        rows = [
            _Due(*values)
            for values in Reminder.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(next_fire_at__lte=now)
            .order_by("next_fire_at")
            .values_list(*_DUE_FIELDS)[:batch_size]
        ]
        wanted: list[tuple[int, str, dt.date, str]] = []
        nudges: list[tuple[int, str]] = []
        advance: dict[dt.datetime | None, list[int]] = defaultdict(list)
        for row in rows:
            wanted += _fire(row, now, nudges)
            # From the later of the two: after an outage we move on instead of replaying every missed day.
            advance[_next_for(row.kind, row, max(now, row.next_fire_at))].append(row.pk)
        _enqueue_sends(_insert_deliveries(wanted, now))
        for next_at, ids in advance.items():
            _advance(ids, next_at, now)
        _enqueue_nudges(nudges)
    return len(rows)


def _fire(row: _Due, now: dt.datetime, nudges: list[tuple[int, str]]) -> list[tuple[int, str, dt.date, str]]:
    """The (user, kind, local date, channel) deliveries one claimed reminder produces; the visit nudge is
    decided later, in a task."""
    if not row.enabled or now - row.next_fire_at > STALE_AFTER:
        return []
    local_date = local_date_of(row.next_fire_at, row.timezone)
    if row.kind == Kind.VISIT_NUDGE:
        nudges.append((row.pk, local_date.isoformat()))
        return []
    return [(row.user_id, row.kind, local_date, channel) for channel in row.channels]


def _insert_deliveries(wanted: Sequence[tuple[int, str, dt.date, str]], now: dt.datetime) -> list[int]:
    """Create the deliveries that do not exist yet; return the ids to enqueue.

    On PostgreSQL one INSERT … ON CONFLICT DO NOTHING RETURNING gives exactly the new rows. Elsewhere the pending
    rows are read back (an older pending one is enqueued again: harmless, sending is idempotent).
    """
    if not wanted:
        return []
    retry_at = now + SWEEP_GRACE
    if connection.vendor == "postgresql":
        users, kinds, days, channels = (list(column) for column in zip(*wanted, strict=True))
        with connection.cursor() as cursor:
            cursor.execute(_INSERT_DELIVERIES_SQL, [retry_at, now, users, kinds, days, channels])
            return [pk for (pk,) in cursor.fetchall()]
    Delivery.objects.bulk_create(
        [Delivery(user_id=u, kind=k, local_date=d, channel=c, next_attempt_at=retry_at) for u, k, d, c in wanted],
        ignore_conflicts=True,
    )
    return _open_delivery_ids(wanted)


_INSERT_DELIVERIES_SQL = f"""
    INSERT INTO {Delivery._meta.db_table}
        (user_id, kind, local_date, channel, status, attempts, next_attempt_at, created)
    SELECT u, k, d, c, 'pending', 0, %s, %s
    FROM unnest(%s::bigint[], %s::text[], %s::date[], %s::text[]) AS t(u, k, d, c)
    ON CONFLICT (user_id, kind, local_date, channel) DO NOTHING
    RETURNING id
"""  # noqa: S608 (table name from the model, values are parameters)


def _advance(ids: list[int], next_at: dt.datetime | None, now: dt.datetime) -> None:
    if connection.vendor == "postgresql":  # one array parameter instead of 1,000 placeholders
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {Reminder._meta.db_table} SET next_fire_at = %s, last_fired_at = %s WHERE id = ANY(%s)",  # noqa: S608
                [next_at, now, ids],
            )
        return
    Reminder.objects.filter(pk__in=ids).update(next_fire_at=next_at, last_fired_at=now)


def _open_delivery_ids(wanted: Sequence[tuple[int, str, dt.date, str]]) -> list[int]:
    """Ids of the pending rows among `wanted` (user, kind, local date, channel) keys."""
    if not wanted:
        return []
    found = Delivery.objects.filter(
        user_id__in={w[0] for w in wanted},
        kind__in={w[1] for w in wanted},
        local_date__in={w[2] for w in wanted},
        status=Delivery.Status.PENDING,
    )
    keys = set(wanted)
    return [
        pk for pk, *key in found.values_list("pk", "user_id", "kind", "local_date", "channel") if tuple(key) in keys
    ]


def _enqueue_sends(delivery_ids: Sequence[int], countdown: int | None = None) -> None:
    from reminders.tasks import send_deliveries

    for start in range(0, len(delivery_ids), SEND_BATCH):
        chunk = list(delivery_ids[start : start + SEND_BATCH])
        if countdown:
            transaction.on_commit(lambda c=chunk: send_deliveries.apply_async((c,), countdown=countdown))  # type: ignore[misc]
        else:
            send_deliveries.delay_on_commit(chunk)  # type: ignore[attr-defined]  # Celery 5.4+, not in the stubs


def _enqueue_nudges(items: Sequence[tuple[int, str]]) -> None:
    from reminders.tasks import evaluate_visit_nudges

    for start in range(0, len(items), SEND_BATCH):
        evaluate_visit_nudges.delay_on_commit([list(item) for item in items[start : start + SEND_BATCH]])  # type: ignore[attr-defined]


def requeue_stuck(now: dt.datetime | None = None, *, limit: int = 10_000) -> int:
    """Re-enqueue open deliveries whose task message was lost (broker restart, whole worker killed)."""
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status__in=[Delivery.Status.PENDING, Delivery.Status.RETRY], next_attempt_at__lte=now)
            .values_list("pk", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=ids).update(next_attempt_at=now + SWEEP_GRACE)
        _enqueue_sends(ids)
    return len(ids)


# --- Sending -----------------------------------------------------------------------------------------------


def deliver(delivery_ids: Sequence[int], now: dt.datetime | None = None, *, lanes: int = 1) -> Counter[str]:
    """Send each open delivery once; returns how many ended in each status (or "busy"/"done" when skipped).

    Each delivery is locked, sent and marked in its own transaction, so a crash loses at most the one in flight.
    With `lanes` > 1 (PostgreSQL only) the batch is split over that many threads, each with its own database
    connection and SMTP connection, so one lane's round trips overlap another's.
    """
    now = now or timezone.now()
    context = _SendContext.load(delivery_ids)
    if lanes <= 1 or connection.vendor != "postgresql" or len(delivery_ids) < 2:
        return _deliver_lane(delivery_ids, now, context)
    slices = [list(delivery_ids[lane::lanes]) for lane in range(lanes)]
    with ThreadPoolExecutor(max_workers=lanes, thread_name_prefix="reminder-send") as pool:
        results = list(pool.map(lambda ids: _deliver_lane(ids, now, context, own_connection=True), slices))
    return sum(results, Counter())


def _deliver_lane(
    delivery_ids: Sequence[int], now: dt.datetime, context: _SendContext, *, own_connection: bool = False
) -> Counter[str]:
    outcomes: Counter[str] = Counter()
    transports: dict[str, Transport] = {}
    try:
        with _commits_without_waiting_for_disk():
            for delivery_id in delivery_ids:
                outcomes[_deliver_one(delivery_id, now, transports, context)] += 1
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


def _deliver_one(delivery_id: int, now: dt.datetime, transports: dict[str, Transport], context: _SendContext) -> str:
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None:
            return "busy"  # another worker holds it (or it was deleted with its user)
        if delivery.status not in (Delivery.Status.PENDING, Delivery.Status.RETRY):
            return "done"
        if delivery.status == Delivery.Status.RETRY and delivery.next_attempt_at > now + dt.timedelta(seconds=5):
            return "not yet"  # a duplicate message must not cut the backoff short
        delivery.attempts += 1
        reason = context.skip_reason(delivery)
        if reason:
            return _finish(delivery, Delivery.Status.SKIPPED, DeliveryAttempt.Outcome.SKIPPED, reason, now)
        transport = transports.get(delivery.channel) or transports.setdefault(
            delivery.channel, transport_for(delivery.channel)
        )
        try:
            message = message_for(delivery.kind, delivery.local_date, delivery.user_id, level=delivery.level or None)
            transport.send(delivery.user, message)
        except TransientError as exc:
            return _retry_later(delivery, str(exc), now)
        except PermanentError as exc:
            return _finish(delivery, Delivery.Status.FAILED, DeliveryAttempt.Outcome.PERMANENT, str(exc), now)
        return _finish(delivery, Delivery.Status.SENT, DeliveryAttempt.Outcome.SENT, "", now)


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


def _finish(delivery: Delivery, status: str, outcome: str, error: str, now: dt.datetime) -> str:
    """Close the delivery and record the attempt (one statement on PostgreSQL: this runs once per mail)."""
    delivery.status, delivery.finished_at = status, now
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_FINISH_SQL, [status, delivery.attempts, now, delivery.pk, outcome, error[:300], now])
        return status
    delivery.save(update_fields=["status", "attempts", "finished_at"])
    DeliveryAttempt.objects.create(delivery=delivery, number=delivery.attempts, outcome=outcome, error=error[:300])
    return status


_FINISH_SQL = f"""
    WITH done AS (
        UPDATE {Delivery._meta.db_table} SET status = %s, attempts = %s, finished_at = %s WHERE id = %s
        RETURNING id, attempts
    )
    INSERT INTO {DeliveryAttempt._meta.db_table} (delivery_id, number, outcome, error, at)
    SELECT id, attempts, %s, %s, %s FROM done
"""  # noqa: S608 (table names from the models, values are parameters)


def backoff_seconds(attempt: int) -> int:
    """30 s, 60 s, 120 s, … capped at 15 minutes."""
    return int(min(30 * 2 ** (attempt - 1), MAX_BACKOFF))


def _retry_later(delivery: Delivery, error: str, now: dt.datetime) -> str:
    if delivery.attempts >= MAX_ATTEMPTS:
        return _finish(delivery, Delivery.Status.FAILED, DeliveryAttempt.Outcome.TRANSIENT, error, now)
    delay = backoff_seconds(delivery.attempts)
    delivery.status = Delivery.Status.RETRY
    # The sweeper picks it up if the delayed message is lost; the grace keeps the two from racing.
    delivery.next_attempt_at = now + dt.timedelta(seconds=delay)
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    DeliveryAttempt.objects.create(
        delivery=delivery, number=delivery.attempts, outcome=DeliveryAttempt.Outcome.TRANSIENT, error=error[:300]
    )
    _enqueue_sends([delivery.pk], countdown=delay)
    logger.info("delivery %s: transient error, retry %s in %ss", delivery.pk, delivery.attempts, delay)
    return Delivery.Status.RETRY


# --- The visit nudge ---------------------------------------------------------------------------------------


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
            keys = [(locked.user_id, Kind.VISIT_NUDGE, local_date, c) for c in locked.preference.channels]
            ids = _insert_deliveries(keys, now)
            Delivery.objects.filter(pk__in=ids).update(level=decision.nudged_level)  # what its message says
            _enqueue_sends(ids)
        locked.save(update_fields=["nudge_level", "nudge_quiet_since", "nudge_last_sent_on"])
    return decision.send
