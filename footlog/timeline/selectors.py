"""Reads for the timeline: load a user's log in a fixed number of queries and run the pure analysis."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable
from json.encoder import encode_basestring  # json's own key encoder
from typing import Any, NamedTuple, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.db.models import Model, QuerySet
from django.utils import translation

from accounts.models import User
from footlog.api.scoping import owned
from footlog.diary.models import Entry, RoutineLog
from footlog.lib.metrics import TIMELINE_CACHE
from footlog.timeline.analysis import (
    DayLog,
    DayPoint,
    RoutineMark,
    SiteObservation,
    SiteParts,
    Thresholds,
    TimelineResult,
    analyse,
    days_before,
)
from footlog.timeline.analysis import Visit as AnalysisVisit
from footlog.timeline.analysis.safety import EARLIER_RED_FLAG_DAYS
from footlog.timeline.analysis.types import series_dicts
from footlog.timeline.models import THRESHOLD_FIELDS, TimelineSettings

logger = logging.getLogger(__name__)
# Bump when the analysis or TimelineResult changes, so no stale shape is read back after a deploy.
CACHE_VERSION = "v9"  # v9: per-site parts of each window (core.SiteParts); v8: DayPoint a NamedTuple
CACHE_SECONDS = 6 * 3600
# Windows cached side by side per user and form: each window hashes to one of these slots, so the keys of a user
# are known without an index to maintain (timeline_cache_forget deletes them all); two windows sharing a slot
# only take turns in it.
CACHE_SLOTS = 16
# timeline_for's TimelineResult (texts as codes and parameters, any language), and timeline_json's rendered API
# body, which holds texts: one per language.
FORMS = ("result", *(f"json-{code}" for code, _ in settings.LANGUAGES))
# Beside each window's answers, what its analysis can reuse after an edit (`_Parts`): every site's parts, kept
# while that site's checks are unchanged, and the visits (read on a miss only: visit writes forget every key).
PARTS = "parts"
# Only for windows up to a year that end on the user's today or later: what people look at right after an edit
# (the default window, 90 days to today). Other windows (a report's 3 years, last month) are seldom asked again
# after an edit, and their parts would cost more to store at every miss, and to read from a shared slot, than
# they save (bench/timeline.py: +1.8 ms on a 90-day window ending yesterday).
PARTS_MAX_DAYS = 366
# The read log is cached month by month, so a window that moves on a day (or an edit of one day) reads one month
# from the database, not the whole look-back. Month m of year y uses slot (12y + m) mod MONTH_SLOTS: 4 years of
# months side by side, and again a known set of keys.
MONTH_SLOTS = 48

T = TypeVar("T")


def thresholds_for(user: User) -> Thresholds:
    """The user's saved thresholds, or the documented defaults when they never saved any (1 query)."""
    saved = owned(TimelineSettings.objects.all(), user).values_list(*THRESHOLD_FIELDS).first()
    return Thresholds(*saved) if saved else Thresholds()


def lookback_days(thresholds: Thresholds) -> int:
    """How much history before `start` the rules need: twice the longest duration rule, and at least the
    90 days an earlier red flag is remembered for (`safety.EARLIER_RED_FLAG_DAYS`).

    Episodes ("since") are found inside this look-back; an older episode shows the look-back's first day.
    """
    longest = max(thresholds.book_after_days, thresholds.consider_after_days, thresholds.trend_window_days)
    return max(2 * longest, EARLIER_RED_FLAG_DAYS)


def timeline_for(user: User, start: dt.date, end: dt.date) -> TimelineResult:
    """The timeline of `user` over [start, end] (dates in the user's calendar), recommendation as of `end`.

    Stable interface (reminders' visit nudge, exports' PDF and share page). Call `result.to_dict()` for the API
    JSON, or use `timeline_json`. A fixed number of queries whatever the history length: settings and a stamp of
    the log (2; a third only when the log begins inside the window, for the first entry ever), and on a cache
    miss entries with observations and routine logs (2 more). Results are cached per user and window with a
    fingerprint of the thresholds and the stamp, so any entry write or settings change is seen at once
    (bench/timeline.py shows why the cache is there).
    """
    return _cached(user, start, end, "result", lambda result: result)


def timeline_json(user: User, start: dt.date, end: dt.date, read: Prepared | None = None) -> bytes:
    """`timeline_for(...).to_dict()` rendered as the API's JSON body, cached as bytes so that a cached answer
    costs one cache read (no re-rendering of every day). Same queries as `timeline_for`; none before the cache
    read when given the `prepare(user, start)` the caller made (as the API view does), 2 more on a miss that
    reads months from the database."""
    return _cached(user, start, end, f"json-{_language()}", render_json, read)


def timeline_json_then_store(
    user: User, start: dt.date, end: dt.date, read: Prepared | None = None
) -> tuple[bytes, Callable[[], None]]:
    """`timeline_json`, with the cache writes of a miss left to the returned function: the API view calls it
    once the body has been sent, so the patient waits for the analysis, not for the cache (a no-op on a hit)."""
    pending: dict[str, tuple[object, ...]] = {}
    body = _cached(user, start, end, f"json-{_language()}", render_json, read, pending)
    return body, lambda: _cache_set_many(pending) if pending else None


def _language() -> str:
    code = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if f"json-{code}" in FORMS else settings.LANGUAGE_CODE


def render_json(result: TimelineResult) -> bytes:
    """The bytes DRF's JSONRenderer gives for `result.to_dict()` with the project's settings: compact, UTF-8,
    strict (no NaN), U+2028/2029 escaped for JavaScript.

    The series (a day each, most of a long window's body) is written by `_series_json` rather than built as
    dicts and encoded: the same text (tests/timeline/test_analysis_equivalence.py) in a third of the time.
    """
    body = result.to_dict(series=False)
    head = {"from": body.pop("from"), "to": body.pop("to")}
    text = f'{_dumps(head)[:-1]},"series":{_series_json(result.series)},{_dumps(body)[1:]}'
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _series_json(series: tuple[DayPoint, ...]) -> str:
    """`_dumps(series_dicts(series))`, written directly for the types the analysis gives (dates, bools, int
    counts, str sites: the encodings json uses for them); any other type is left to `_dumps`."""
    names: dict[str, str] = {}  # a site's JSON key with its colon, once per site
    days = []
    for date, logged, total, by_site in series:
        counts = []
        for site, count in by_site.items():
            if type(site) is not str or type(count) is not int:
                return _dumps(series_dicts(series))
            name = names.get(site)
            if name is None:
                name = names[site] = f"{encode_basestring(site)}:"
            counts.append(f"{name}{count}")
        if type(date) is not dt.date or type(logged) is not bool or not (total is None or type(total) is int):
            return _dumps(series_dicts(series))
        days.append(
            f'{{"date":"{date.isoformat()}","logged":{"true" if logged else "false"},'
            f'"total":{"null" if total is None else total},"by_site":{{{",".join(counts)}}}}}'
        )
    return f"[{','.join(days)}]"


def cache_keys(user_id: int) -> list[str]:
    """Every key that can hold a timeline of `user` or part of their log now (all slots of all forms, all months,
    under the user's current generation)."""
    prefix = _prefix(user_id)
    forms = (*FORMS, PARTS)
    results = [f"{prefix}:{form}:{slot}" for form in forms for slot in range(CACHE_SLOTS)]
    return results + [f"{prefix}:days:{slot}" for slot in range(MONTH_SLOTS)]


def generation_key(user_id: int) -> str:
    return f"timeline:{CACHE_VERSION}:{user_id}:generation"


def _prefix(user_id: int) -> str:
    """The user's keys' prefix, with their cache generation (read once per timeline request).

    `timeline_cache_forget` replaces the generation: a request that read the log before a visit, target or label
    change (which the month stamps do not show) and stores its answer after the forget stores it under the old
    generation, where no later request looks. A missing generation is made anew, never taken to be an old one.
    """
    key = generation_key(user_id)
    generation = _cache_get(key)
    if not isinstance(generation, str):
        try:
            cache.add(key, uuid.uuid4().hex[:12], None)
        except Exception:
            logger.warning("timeline cache write failed", exc_info=True)
        generation = _cache_get(key)
    return f"timeline:{CACHE_VERSION}:{user_id}:{generation if isinstance(generation, str) else 'none'}"


def _cached(
    user: User,
    start: dt.date,
    end: dt.date,
    form: str,
    make: Callable[[TimelineResult], T],
    read: Prepared | None = None,
    pending: dict[str, tuple[object, ...]] | None = None,
) -> T:
    """`make(analyse(...))` for the window, from the cache when its fingerprint still matches.

    Without `read`: the thresholds (1 query), the month stamps (1) and, when no entry of the look-back lies on or
    before `start`, the first entry ever (1). With a `read` from `prepare` that covers the look-back: no query.
    On a miss the cache writes go to `pending` when given (the caller writes them), else are made at once.
    """
    if read is None:
        thresholds = thresholds_for(user)
        first = days_before(start, lookback_days(thresholds))
        months = _month_rows(user, first, end)
        stamp = _stamp_of(months, first, end)
        first_entry = _first_entry(user, stamp, start)
    else:
        thresholds = read.thresholds
        first = days_before(start, lookback_days(thresholds))
        if first < read.since:  # thresholds with a longer look-back than the default: read those months too
            read = prepare(user, first)
        stamp = _stamp_of(read.months, first, end)
        first_entry = (
            stamp.first_date if stamp.first_date is not None and stamp.first_date <= start else read.first_ever
        )
    fingerprint = (start, end, thresholds, stamp, first_entry)
    prefix = _prefix(user.pk)
    key = _slot_key(prefix, form, start, end)
    cached = _cache_get(key)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == fingerprint:
        TIMELINE_CACHE.labels("hit").inc()
        return cast(T, cached[1])
    TIMELINE_CACHE.labels("miss").inc()
    writes: dict[str, tuple[object, ...]] = {}
    value = make(_analysed(user, prefix, stamp, first, start, end, thresholds, first_entry, writes))
    writes[key] = (fingerprint, value)
    if pending is None:
        _cache_set_many(writes)
    else:
        pending.update(writes)
    return value


def _analysed(
    user: User,
    prefix: str,
    stamp: _Stamp,
    first: dt.date,
    start: dt.date,
    end: dt.date,
    thresholds: Thresholds,
    first_entry: dt.date | None,
    writes: dict[str, tuple[object, ...]],
) -> TimelineResult:
    """The window analysed again, reusing what an edit cannot have changed. The window's `_Parts` (one cache
    read) hold the months it was last analysed from, every site's parts and the visits: after an edit only the
    edited month is read again (from the month cache when another window read it since, else 2 queries) and only
    the sites whose checks changed are analysed again. Equal to an analysis from nothing
    (tests/timeline/test_incremental.py)."""
    parts_key = _slot_key(prefix, PARTS, start, end)
    keep = (end - start).days < PARTS_MAX_DAYS and end >= user.today()
    kept = _cache_get(parts_key) if keep else None
    if not (isinstance(kept, _Parts) and (kept.start, kept.end) == (start, end)):
        kept = _Parts(start, end, {}, {}, None)
    history, months = _history(user, prefix, stamp, first, end, kept.months, writes)
    visits = kept.visits if kept.visits is not None else _visits(user)
    memo = dict(kept.sites)
    result = analyse(history, start, end, thresholds, first_entry=first_entry, visits=visits, memo=memo)
    if keep:
        writes[parts_key] = _Parts(start, end, months, memo, visits)
    return result


Chunks = dict[str, tuple["_MonthStamp", tuple[DayLog, ...]]]  # month -> its stamp and its days


class _Parts(NamedTuple):
    """What a window's next analysis can reuse (`_analysed`). Pickled as one value, so the days of `months` and
    the checks inside `sites` are stored once."""

    start: dt.date
    end: dt.date
    months: Chunks  # the months the analysis read, each with the stamp it was read at
    sites: dict[str, SiteParts]
    visits: list[AnalysisVisit] | None  # None: not read yet


def _slot_key(prefix: str, form: str, start: dt.date, end: dt.date) -> str:
    slot = zlib.crc32(f"{start.isoformat()}:{end.isoformat()}".encode()) % CACHE_SLOTS
    return f"{prefix}:{form}:{slot}"


class _MonthStamp(NamedTuple):
    """Changes whenever an entry of the month is created, updated (version and `updated` grow) or deleted."""

    month: str  # "YYYY-MM"
    entries: int
    versions: int
    last_updated: object  # MAX(updated) as the database driver returns it (text on SQLite): compared, never read


class _MonthRow(NamedTuple):
    stamp: _MonthStamp
    first: dt.date  # the month's earliest entry
    latest: dt.date  # ... and its latest


class _Stamp(NamedTuple):
    months: tuple[_MonthStamp, ...]  # every month of [first, end] that has entries, whole months, in order
    first_date: dt.date | None  # the earliest entry of those months


class Prepared(NamedTuple):
    """What a timeline request needs before its cache read, from one query (`prepare`)."""

    thresholds: Thresholds
    since: dt.date  # the first day of the first month `months` covers
    months: tuple[_MonthRow, ...]  # every month from `since` on that has entries (after any `end` too), in order
    first_ever: dt.date | None  # the user's first entry ever

    @property
    def latest(self) -> dt.date | None:
        """The user's latest entry (`diary.selectors.log_end`: one after today moves the default window)."""
        return self.months[-1].latest if self.months else None


def prepare(user: User, start: dt.date) -> Prepared:
    """The user's thresholds, the stamps of every month from the default look-back before `start` on, their
    latest entry and their first entry ever: all a cached timeline answer costs, in one query.

    Hand-written SQL rather than three ORM queries, whose building cost more than the whole cached answer
    (bench/timeline.py); scoped to the user like `owned` (every part filters on their id, tests/timeline).
    `_cached` reads the months again, from further back, for thresholds whose look-back is longer.
    """
    since = _month_bounds(_month_of(days_before(start, lookback_days(Thresholds()))))[0]
    connection = connections[Entry.objects.db]
    day = connection.ops.adapt_datefield_value(since)
    with connection.cursor() as cursor:
        cursor.execute(_prepare_sql(connection.vendor), [user.pk, user.pk, user.pk, day])
        rows = cursor.fetchall()
    saved = rows[0][7:]
    thresholds = Thresholds(*saved) if saved[0] is not None else Thresholds()
    months = tuple(
        _MonthRow(_MonthStamp(month, n, versions, last), _date(first), _date(latest))
        for month, n, versions, last, first, latest in (row[:6] for row in rows)
        if month is not None
    )
    first_ever = rows[0][6]
    return Prepared(thresholds, since, months, _date(first_ever) if first_ever is not None else None)


def _column(model: type[Model], name: str) -> str:
    """The quoted column of a model field, for the hand-written SQL."""
    column = getattr(model._meta.get_field(name), "column", None)
    assert isinstance(column, str), name
    return str(connections[Entry.objects.db].ops.quote_name(column))


def _table(model: type[Model]) -> str:
    return str(connections[Entry.objects.db].ops.quote_name(model._meta.db_table))


def _month_sql(vendor: str) -> str:
    """A date column's month as "YYYY-MM" (Django's TruncMonth calls back into Python for every row on SQLite).
    "%%" reaches the database as "%" through the backend's placeholders."""
    date = _column(Entry, "date")
    return f"strftime('%%Y-%%m', {date})" if vendor == "sqlite" else f"to_char({date}, 'YYYY-MM')"


def _stamps_select(vendor: str) -> str:
    """Month, entries, sum of versions, last update, first and latest date per month of one user's entries from
    a date on (parameters: user id, first date); `_month_rows` adds the last date."""
    qn = connections[Entry.objects.db].ops.quote_name
    date, version, updated = (_column(Entry, name) for name in ("date", "version", "updated"))
    # Only names from the models' metadata are formatted in; every value is a parameter.
    return (
        f"SELECT {_month_sql(vendor)} AS {qn('month')}, COUNT(*) AS n, SUM({version}) AS versions, "  # noqa: S608
        f"MAX({updated}) AS last_updated, MIN({date}) AS first_date, MAX({date}) AS latest_date "
        f"FROM {_table(Entry)} WHERE {_column(Entry, 'user')} = %s AND {date} >= %s"
    )


_SQL: dict[tuple[str, str], str] = {}


def _prepare_sql(vendor: str) -> str:
    """Parameters: user id (first entry), user id (settings), user id and first date (months). One row per month
    (or one row of NULL months), each with the first entry ever and the user's saved thresholds (NULL if none)."""
    if (sql := _SQL.get(("prepare", vendor))) is None:
        qn = connections[Entry.objects.db].ops.quote_name
        entries, user_column, date = _table(Entry), _column(Entry, "user"), _column(Entry, "date")
        settings_table, settings_user = _table(TimelineSettings), _column(TimelineSettings, "user")
        columns = ", ".join(f"t.{_column(TimelineSettings, name)}" for name in THRESHOLD_FIELDS)
        sql = _SQL[("prepare", vendor)] = (  # names from the models' metadata, values as parameters
            f"SELECT s.*, f.first_ever, {columns} "  # noqa: S608
            f"FROM (SELECT MIN({date}) AS first_ever FROM {entries} WHERE {user_column} = %s) f "
            f"LEFT JOIN {settings_table} t ON t.{settings_user} = %s "
            f"LEFT JOIN ({_stamps_select(vendor)} GROUP BY 1) s ON 1 = 1 "
            f"ORDER BY s.{qn('month')}"
        )
    return sql


def _month_rows(user: User, first: dt.date, end: dt.date) -> tuple[_MonthRow, ...]:
    """The stamps of the whole months that [first, end] touches, in one grouped query (the same SQL as
    `prepare`, so both give equal stamps and share the month cache)."""
    connection = connections[Entry.objects.db]
    if (sql := _SQL.get(("months", connection.vendor))) is None:
        date = _column(Entry, "date")
        sql = _SQL[("months", connection.vendor)] = (
            f"{_stamps_select(connection.vendor)} AND {date} <= %s GROUP BY 1 ORDER BY 1"
        )
    ops = connection.ops
    low, high = _month_bounds(_month_of(first))[0], _month_bounds(_month_of(end))[1]
    params = [user.pk, ops.adapt_datefield_value(low), ops.adapt_datefield_value(high)]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return tuple(
        _MonthRow(_MonthStamp(month, n, versions, last), _date(low_date), _date(high_date))
        for month, n, versions, last, low_date, high_date in rows
    )


def _stamp_of(months: tuple[_MonthRow, ...], first: dt.date, end: dt.date) -> _Stamp:
    """The stamps of the whole months that [first, end] touches."""
    low, high = _month_of(first), _month_of(end)
    inside = [m for m in months if low <= m.stamp.month <= high]
    return _Stamp(tuple(m.stamp for m in inside), min((m.first for m in inside), default=None))


def _month_of(date: dt.date) -> str:
    return f"{date.year:04d}-{date.month:02d}"


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, number = int(month[:4]), int(month[5:])
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def _history(
    user: User,
    prefix: str,
    stamp: _Stamp,
    first: dt.date,
    end: dt.date,
    kept: Chunks,
    writes: dict[str, tuple[object, ...]],
) -> tuple[list[DayLog], Chunks]:
    """The user's days in [first, end], and the months they came from: each month from `kept` or else the month
    cache while its stamp matches, the other months in one read (`_day_logs`, 2 queries), added to `writes` for
    the next window or edit."""
    chunks = {m.month: kept[m.month][1] for m in stamp.months if m.month in kept and kept[m.month][0] == m}
    keys = {m.month: _month_key(prefix, m.month) for m in stamp.months if m.month not in chunks}
    cached = _cache_get_many(list(keys.values())) if keys else {}
    for m in stamp.months:
        hit = cached.get(keys[m.month]) if m.month in keys else None
        if isinstance(hit, tuple) and len(hit) == 2 and hit[0] == m:
            chunks[m.month] = hit[1]
    stale = [m for m in stamp.months if m.month not in chunks]
    if stale:
        read: dict[str, list[DayLog]] = defaultdict(list)
        low, high = _month_bounds(stale[0].month)[0], _month_bounds(stale[-1].month)[1]
        for day in _day_logs(user, low, high):
            read[_month_of(day.date)].append(day)
        fresh = {m.month: _shared(read.get(m.month, [])) for m in stale}
        chunks.update(fresh)
        writes.update({keys[m.month]: (m, fresh[m.month]) for m in stale})
    days = [day for m in stamp.months for day in chunks[m.month] if first <= day.date <= end]
    return days, {m.month: (m, chunks[m.month]) for m in stamp.months}


def _shared(days: list[DayLog]) -> tuple[DayLog, ...]:
    """The days with equal observations, routine marks and routine lists as one object each: pickle writes such
    an object once and reads it back as a reference, so a cached month costs fewer objects to rebuild (most
    days repeat the same routine). Keyed with the types of the values too, so that 2 never stands for 2.0."""
    seen: dict[tuple[object, ...], object] = {}

    def one(value: T) -> T:
        key = (value, *map(type, value))  # type: ignore[call-overload]  # T: a tuple here (a day's parts)
        return cast(T, seen.setdefault(key, value))

    return tuple(
        DayLog(
            day.date,
            tuple(one(o) for o in day.observations),
            one(tuple(one(mark) for mark in day.routine)),
        )
        for day in days
    )


def _month_key(prefix: str, month: str) -> str:
    slot = (int(month[:4]) * 12 + int(month[5:])) % MONTH_SLOTS
    return f"{prefix}:days:{slot}"


def _first_entry(user: User, stamp: _Stamp, start: dt.date) -> dt.date | None:
    """The user's first entry ever, as far as coverage can tell it (it counts from max(`start`, first entry)).

    When the look-back holds an entry on or before `start`, that one stands in for it, with no query: an older
    one would count from `start` all the same. Otherwise (a log that begins inside the window, or after a long
    gap) it is read through the (user, date) index, and so is part of the fingerprint too.
    """
    if stamp.first_date is not None and stamp.first_date <= start:
        return stamp.first_date
    first = owned(Entry.objects.all(), user).order_by("date").values_list("date", flat=True).first()
    return _date(first) if first else None


def _cache_get(key: str) -> object:
    # The cache only saves time: when it is down the timeline is computed, never refused.
    try:
        return cache.get(key)
    except Exception:  # any backend error means "not cached"
        logger.warning("timeline cache read failed", exc_info=True)
        return None


def _cache_get_many(keys: list[str]) -> dict[str, object]:
    try:
        return cache.get_many(keys)
    except Exception:
        logger.warning("timeline cache read failed", exc_info=True)
        return {}


def _cache_set_many(values: dict[str, tuple[object, ...]]) -> None:
    try:
        # Delete first: the embedded file cache replaces a file by renaming over it, which ext4 follows with a
        # flush to disk (auto_da_alloc), 3.7 ms, against 0.2 ms for a name that is free (bench/timeline.py).
        cache.delete_many(list(values))
        cache.set_many(values, CACHE_SECONDS)
    except Exception:
        logger.warning("timeline cache write failed", exc_info=True)


def _day_logs(user: User, first: dt.date, end: dt.date) -> list[DayLog]:
    """The user's days in [first, end] as plain data, in 2 queries.

    Entries with their observations come in one LEFT JOIN (an entry without observations is still a logged
    day); routine logs in another, each mark carrying the user's target for its step (their override, else the
    step's own) through a subquery rather than a query of its own. Both are built by the ORM once per database
    (`_template`): building them cost more than running them for a month (an edit re-reads one).
    """
    observations: dict[dt.date, list[SiteObservation]] = {}
    parsed: dict[Any, dt.date] = {}  # SQLite returns dates as text: parse each once, not once per row
    for date, site, count, largest_mm, itch, pain, redness, bleeding, spreading in _template(
        "entries", _entry_rows
    ).rows(user, first, end):
        day = observations.setdefault(parsed.get(date) or parsed.setdefault(date, _date(date)), [])
        if site is not None:
            day.append(
                SiteObservation(site, count, largest_mm, itch, pain, bool(redness), bool(bleeding), bool(spreading))
            )
    routine: dict[dt.date, list[RoutineMark]] = defaultdict(list)
    for date, key, kind, label, done, target in _template("routine", _routine_rows).rows(user, first, end):
        routine[parsed.get(date) or parsed.setdefault(date, _date(date))].append(
            RoutineMark(key, kind, bool(done), label, target)
        )
    return [DayLog(day, tuple(obs), tuple(routine.get(day, ()))) for day, obs in observations.items()]


def _entry_rows(user: User, first: dt.date, end: dt.date) -> QuerySet[Any, Any]:
    entries = owned(Entry.objects.all(), user).filter(date__gte=first, date__lte=end)
    return entries.order_by("date", "observations__site").values_list(
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


def _routine_rows(user: User, first: dt.date, end: dt.date) -> QuerySet[Any, Any]:
    from footlog.diary.selectors import effective_target  # the one rule for "the user's target of a step"

    logs = (
        owned(RoutineLog.objects.all(), user, "entry__user")
        .filter(entry__date__gte=first, entry__date__lte=end)
        .annotate(target=effective_target(user, "step_id", "step__target_per_week"))
    )
    return logs.order_by("entry__date", "step__position", "step_id").values_list(
        "entry__date", "step__key", "step__kind", "step__label", "done", "target"
    )


# Stand-ins the ORM builds a template query with: no user has this id, no entry these dates.
_NO_USER = -7_340_021
_NO_FIRST, _NO_END = dt.date(1, 1, 3), dt.date(1, 1, 5)


class _Template(NamedTuple):
    """An ORM-built query's SQL with the roles of its parameters: "user", "first", "end", or a constant."""

    sql: str
    params: tuple[object, ...]

    def rows(self, user: User, first: dt.date, end: dt.date) -> list[tuple[Any, ...]]:
        ops = connections[Entry.objects.db].ops
        values = {
            "user": user.pk,
            "first": ops.adapt_datefield_value(first),
            "end": ops.adapt_datefield_value(end),
        }
        params: list[Any] = [values[p] if isinstance(p, str) and p in values else p for p in self.params]
        with connections[Entry.objects.db].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows: list[tuple[Any, ...]] = cursor.fetchall()
            return rows


_TEMPLATES: dict[tuple[str, str], _Template] = {}
_ROLES = ("user", "first", "end")


def _template(name: str, build: Callable[[User, dt.date, dt.date], QuerySet[Any, Any]]) -> _Template:
    """`build`'s query (its filters and scoping unchanged, still the ORM's) compiled once per database with
    stand-in values, whose parameters are then told apart by value: each later call only fills them in.

    Raw rows rather than Django's per-value converters, which halved the cost of a cache miss (bench/timeline.py):
    the only values that differ between backends are dates (str on SQLite) and booleans (0/1 on SQLite),
    normalised by the caller.
    """
    connection = connections[Entry.objects.db]
    if (template := _TEMPLATES.get((name, connection.vendor))) is None:
        ops = connection.ops
        roles: dict[object, str] = {
            _NO_USER: "user",
            ops.adapt_datefield_value(_NO_FIRST): "first",
            ops.adapt_datefield_value(_NO_END): "end",
        }
        sql, params = build(User(pk=_NO_USER), _NO_FIRST, _NO_END).query.sql_with_params()
        if any(isinstance(p, str) and p in _ROLES for p in params):  # it would be read as that role
            raise RuntimeError(f"timeline query {name}: a constant parameter equals a role's name")
        template = _Template(sql, tuple(roles.get(p, p) if isinstance(p, (int, str, dt.date)) else p for p in params))
        if not set(_ROLES) <= set(template.params):
            raise RuntimeError(f"timeline query {name}: a stand-in value was not found among its parameters")
        _TEMPLATES[(name, connection.vendor)] = template
    return template


def _visits(user: User) -> list[AnalysisVisit]:
    """The user's recorded visits with their plan and review date, as plain data (1 query, on a cache miss only:
    visit writes drop the timeline cache, `services.timeline_cache_forget`).

    Hand-written SQL built once per database (scoped to the user like `owned`, as `prepare`): building the ORM
    query cost more than running it, ~10 % of an uncached default window (bench/timeline.py).
    """
    from footlog.clinical.models import Visit  # clinical sits below the timeline

    connection = connections[Visit.objects.db]
    if (sql := _SQL.get(("visits", connection.vendor))) is None:
        date, kind, plan, review_on, created = (
            _column(Visit, name) for name in ("date", "kind", "plan", "review_on", "created")
        )
        sql = _SQL[("visits", connection.vendor)] = (  # names from the model's metadata, the user id a parameter
            f"SELECT {date}, {kind}, {plan}, {review_on} FROM {_table(Visit)} "  # noqa: S608
            f"WHERE {_column(Visit, 'user')} = %s ORDER BY {date}, {created}"
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk])
        rows = cursor.fetchall()
    return [
        AnalysisVisit(
            _date(date),
            "visited" if kind == "visited" else "booked",
            plan or "",
            _date(review_on) if review_on else None,
        )
        for date, kind, plan, review_on in rows
    ]


def _date(value: dt.date | str) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
