"""The beat tick: claim due reminders, create their deliveries, enqueue the sends; and the sweep for lost
messages.

Exactly-once rests on database facts, not on the broker: the tick claims due `Reminder` rows under row locks
(SKIP LOCKED), so two beats never claim one row; `Delivery` is unique per (user, kind, local date, channel), so
a claim can create a send only once (the sending side is in `delivery.py`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from footlog.lib import dates
from reminders.models import SWEEP_GRACE, Delivery, Kind, Reminder
from reminders.services import enqueue
from reminders.services.preferences import next_fire_for

CLAIM_BATCH = 1000
STALE_AFTER = dt.timedelta(hours=3)  # after an outage, a reminder this late is skipped, not sent

DeliveryKey = tuple[int, str, dt.date, str]  # (user id, kind, local date, channel)


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
        wanted: list[DeliveryKey] = []
        nudges: list[tuple[int, str]] = []
        advance: dict[dt.datetime | None, list[int]] = defaultdict(list)
        for row in rows:
            wanted += _fire(row, now, nudges)
            # From the later of the two: after an outage we move on instead of replaying every missed day.
            advance[next_fire_for(row.kind, row, max(now, row.next_fire_at))].append(row.pk)
        enqueue.sends(insert_deliveries(wanted, now))
        for next_at, ids in advance.items():
            _advance(ids, next_at, now)
        enqueue.nudges(nudges)
    return len(rows)


def _fire(row: _Due, now: dt.datetime, nudges: list[tuple[int, str]]) -> list[DeliveryKey]:
    """The deliveries one claimed reminder produces; the visit nudge is decided later, in a task."""
    if not row.enabled or now - row.next_fire_at > STALE_AFTER:
        return []
    local_date = dates.local_date(row.next_fire_at, row.timezone)  # a DST-shifted fire keeps its date
    if row.kind == Kind.VISIT_NUDGE:
        nudges.append((row.pk, local_date.isoformat()))
        return []
    return [(row.user_id, row.kind, local_date, channel) for channel in row.channels]


def insert_deliveries(wanted: Sequence[DeliveryKey], now: dt.datetime) -> list[int]:
    """Create the deliveries that do not exist yet, due at `now`; return the ids to enqueue.

    On PostgreSQL one INSERT … ON CONFLICT DO NOTHING RETURNING gives exactly the new rows. Elsewhere the pending
    rows are read back (an older pending one is enqueued again: harmless, sending is idempotent).
    """
    if not wanted:
        return []
    sweep_after = now + SWEEP_GRACE
    if connection.vendor == "postgresql":
        users, kinds, days, channels = (list(column) for column in zip(*wanted, strict=True))
        with connection.cursor() as cursor:
            cursor.execute(_INSERT_DELIVERIES_SQL, [now, sweep_after, now, users, kinds, days, channels])
            return [pk for (pk,) in cursor.fetchall()]
    Delivery.objects.bulk_create(
        [
            Delivery(user_id=u, kind=k, local_date=d, channel=c, next_attempt_at=now, sweep_after=sweep_after)
            for u, k, d, c in wanted
        ],
        ignore_conflicts=True,
    )
    return _open_delivery_ids(wanted)


_INSERT_DELIVERIES_SQL = f"""
    INSERT INTO {Delivery._meta.db_table}
        (user_id, kind, local_date, channel, status, attempts, next_attempt_at, sweep_after, created)
    SELECT u, k, d, c, 'pending', 0, %s, %s, %s
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


def _open_delivery_ids(wanted: Sequence[DeliveryKey]) -> list[int]:
    """Ids of the pending rows among `wanted` keys."""
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


def requeue_stuck(now: dt.datetime | None = None, *, limit: int = 10_000) -> int:
    """Re-enqueue open deliveries whose task message was lost (broker restart, whole worker killed).

    Only `sweep_after` moves: a retry keeps its due time, so the message enqueued here finds it due.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status__in=Delivery.OPEN, sweep_after__lte=now)
            .values_list("pk", flat=True)[:limit]
        )
        Delivery.objects.filter(pk__in=ids).update(sweep_after=now + SWEEP_GRACE)
        enqueue.sends(ids)
    return len(ids)
