"""Reads for the timeline: load a user's log in a fixed number of queries and run the pure analysis."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import defaultdict
from typing import Any

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, Max, QuerySet, Sum

from footlog.api.scoping import owned
from footlog.diary.models import Entry, RoutineLog
from footlog.timeline.analysis import (
    DayLog,
    RoutineMark,
    SiteObservation,
    Thresholds,
    TimelineResult,
    analyse,
    days_before,
)
from footlog.timeline.analysis.safety import EARLIER_RED_FLAG_DAYS
from footlog.timeline.models import TimelineSettings

logger = logging.getLogger(__name__)
# Bump when the analysis or TimelineResult changes, so no stale shape is read back after a deploy.
CACHE_VERSION = "v3"
CACHE_SECONDS = 6 * 3600
MAX_INDEXED = 50  # windows remembered per user for timeline_cache_forget


def thresholds_for(user: Any) -> Thresholds:
    """The user's saved thresholds, or the documented defaults when they never saved any (1 query)."""
    saved = owned(TimelineSettings.objects.all(), user).first()
    return saved.thresholds() if saved else Thresholds()


def lookback_days(thresholds: Thresholds) -> int:
    """How much history before `start` the rules need: twice the longest duration rule, and at least the
    90 days an earlier red flag is remembered for (`safety.EARLIER_RED_FLAG_DAYS`).

    Episodes ("since") are found inside this look-back; an older episode shows the look-back's first day.
    """
    longest = max(thresholds.book_after_days, thresholds.consider_after_days, thresholds.trend_window_days)
    return max(2 * longest, EARLIER_RED_FLAG_DAYS)


def timeline_for(user: Any, start: dt.date, end: dt.date) -> TimelineResult:
    """The timeline of `user` over [start, end] (dates in the user's calendar), recommendation as of `end`.

    Stable interface (reminders' visit nudge, exports' PDF and share page). Call `result.to_dict()` for the API
    JSON. A fixed number of queries whatever the history length: settings and a stamp of the log (2), and on a
    cache miss the first entry ever, entry dates, observations and routine logs (4 more). Results are cached per
    user and window with a fingerprint of the thresholds and the stamp, so any entry write or settings change is
    seen at once (bench/timeline.py shows why the cache is there).
    """
    thresholds = thresholds_for(user)
    first = days_before(start, lookback_days(thresholds))
    fingerprint = _fingerprint(thresholds, _log_stamp(user, first, end))
    key = cache_key(user, start, end)
    cached = _cache_get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == fingerprint:
        return cached[1]
    result = analyse(_day_logs(user, first, end), start, end, thresholds, first_entry=_first_entry(user))
    _cache_set(user, key, (fingerprint, result))
    return result


def cache_key(user: Any, start: dt.date, end: dt.date) -> str:
    """One slot per user and window, holding (fingerprint, result): a newer log or other thresholds overwrite
    the slot instead of adding keys, so the cache grows with windows asked for, not with every edit."""
    return f"timeline:{CACHE_VERSION}:{user.pk}:{start.isoformat()}:{end.isoformat()}"


def cache_index_key(user: Any) -> str:
    """The list of a user's cached windows, so `services.timeline_cache_forget` can drop them all."""
    return f"timeline:{CACHE_VERSION}:{user.pk}:windows"


def _log_stamp(user: Any, first: dt.date, end: dt.date) -> str:
    """Changes whenever an entry in [first, end] is created, updated (version and `updated` grow) or deleted."""
    stamp = (
        owned(Entry.objects.all(), user)
        .filter(date__gte=first, date__lte=end)
        .order_by()
        .aggregate(n=Count("id"), last=Max("updated"), versions=Sum("version"))
    )
    last = stamp["last"].isoformat() if stamp["last"] else "-"
    return f"{stamp['n']}.{stamp['versions'] or 0}.{last}"


def _first_entry(user: Any) -> dt.date | None:
    """The user's first entry ever (coverage counts from it), read through the (user, date) index on a miss.

    Not part of the stamp: over the whole history that aggregate cost more than the cached answer saves. An entry
    back-filled before the look-back only changes coverage where the log otherwise began inside the window; the
    next edit or the 6-hour expiry shows it.
    """
    first = owned(Entry.objects.all(), user).order_by("date").values_list("date", flat=True).first()
    return _date(first) if first else None


def _fingerprint(thresholds: Thresholds, stamp: str) -> str:
    rules = hashlib.sha256(repr(sorted(thresholds.to_dict().items())).encode()).hexdigest()[:16]
    return f"{rules}:{stamp}"


def _cache_get(key: str) -> object:
    # The cache only saves time: when it is down the timeline is computed, never refused.
    try:
        return cache.get(key)
    except Exception:  # any backend error means "not cached"
        logger.warning("timeline cache read failed", exc_info=True)
        return None


def _cache_set(user: Any, key: str, value: tuple[str, TimelineResult]) -> None:
    try:
        index = cache_index_key(user)
        windows = cache.get(index) or []
        if key not in windows:
            # Read-modify-write without a lock: a key lost in a race merely expires on its own.
            cache.set(index, [*windows[-(MAX_INDEXED - 1) :], key], CACHE_SECONDS)
        cache.set(key, value, CACHE_SECONDS)
    except Exception:
        logger.warning("timeline cache write failed", exc_info=True)


def _day_logs(user: Any, first: dt.date, end: dt.date) -> list[DayLog]:
    """The user's days in [first, end] as plain data, in 2 queries.

    Entries with their observations come in one LEFT JOIN (an entry without observations is still a logged
    day); routine logs in another, each mark carrying the user's target for its step (their override, else the
    step's own) through a subquery rather than a query of its own.
    """
    from footlog.diary.selectors import effective_target  # the one rule for "the user's target of a step"

    entries = (
        owned(Entry.objects.all(), user).filter(date__gte=first, date__lte=end).order_by("date", "observations__site")
    )
    observations: dict[dt.date, list[SiteObservation]] = {}
    parsed: dict[Any, dt.date] = {}  # SQLite returns dates as text: parse each once, not once per row
    for date, site, count, largest_mm, itch, pain, redness, bleeding, spreading in _rows(
        entries.values(
            "date",
            "observations__site",
            "observations__count",
            "observations__largest_mm",
            "observations__itch",
            "observations__pain",
            "observations__redness",
            "observations__bleeding",
            "observations__spreading",
        )
    ):
        day = observations.setdefault(parsed.get(date) or parsed.setdefault(date, _date(date)), [])
        if site is not None:
            day.append(
                SiteObservation(site, count, largest_mm, itch, pain, bool(redness), bool(bleeding), bool(spreading))
            )
    routine: dict[dt.date, list[RoutineMark]] = defaultdict(list)
    logs = (
        owned(RoutineLog.objects.all(), user, "entry__user")
        .filter(entry__date__gte=first, entry__date__lte=end)
        .annotate(target=effective_target(user, "step_id", "step__target_per_week"))
    )
    for date, key, kind, label, done, target in _rows(
        logs.order_by("entry__date", "step__position", "step_id").values(
            "entry__date", "step__key", "step__kind", "step__label", "done", "target"
        )
    ):
        routine[parsed.get(date) or parsed.setdefault(date, _date(date))].append(
            RoutineMark(key, kind, bool(done), label, target)
        )
    return [DayLog(day, tuple(obs), tuple(routine.get(day, ()))) for day, obs in observations.items()]


def _rows(queryset: QuerySet[Any, Any]) -> list[tuple[Any, ...]]:
    """Run an ORM-built (so still user-scoped) query and return raw tuples.

    Skipping Django's per-value converters halves the cost of a cache miss (bench/timeline.py); the only values
    that differ between backends are dates (str on SQLite) and booleans (0/1 on SQLite), normalised by callers.
    """
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
