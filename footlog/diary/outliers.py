"""Implausible values questioned, not silently stored (issue 21, item 6).

A value far outside the user's own history at a site (30 mm where 2 mm is usual, 60 bumps where 3 are) is more
often a slip of the finger than a change on the skin. Before such a value is stored, the user is asked to confirm
it; a confirmed value is stored with `Observation.outlier_confirmed` and never asked about again.

The rule, exactly:
- the usual value m at a site is the median of the user's *present* checks there (count > 0) in the 90 days
  before the entry's date, leaving out the entry being edited; for the size, of those present checks that give a
  size. There is no usual value (and no question) with fewer than `MIN_CHECKS` such checks;
- a size is asked about when it is ≥ 3 m and ≥ m + 4 mm; a count when it is ≥ 5 m and ≥ m + 10;
- only values that changed are checked (an edit that keeps yesterday's confirmed 30 mm does not ask again),
  only observations without `outlier_confirmed`, and only after every other validation passed (the services call
  `outliers_check` last, from one place each);
- the account import is exempt (old zips carry no mark); so is the demo data.

All sites' usual values come from one aggregate query (`usual_values`), and only when a value reaches its margin
(below it no usual value can make it an outlier).
"""

from __future__ import annotations

import datetime as dt
import statistics
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Aggregate, Count, FloatField, Q
from django.utils.translation import gettext, gettext_lazy

from footlog.diary.models import Observation
from footlog.lib.errors import FootlogError

WINDOW_DAYS = 90  # the usual value is taken over this many days before the entry's date
MIN_CHECKS = 3  # fewer present checks than this at a site: no usual value, nothing is asked
SIZE_RATIO, SIZE_MARGIN = 3.0, 4.0  # ask when size ≥ 3 m and ≥ m + 4 mm
COUNT_RATIO, COUNT_MARGIN = 5.0, 10.0  # ask when count ≥ 5 m and ≥ m + 10
FIELDS = ("count", "largest_mm")
SQLITE_MEDIAN = "footlog_median"  # registered on every SQLite connection (DiaryConfig.ready)


class Median(Aggregate):
    """The median of a column: `percentile_cont(0.5)` on PostgreSQL, a registered Python aggregate on SQLite."""

    function = "percentile_cont"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: object) -> Any:
        # On a copy, not as keyword arguments: Aggregate.as_sql passes its own `template` when the aggregate has a
        # `filter` (FILTER (WHERE ...)), and a second one is a TypeError.
        clone = self.copy()
        clone.function, clone.template = SQLITE_MEDIAN, "%(function)s(%(expressions)s)"
        return super(Median, clone).as_sql(compiler, connection, **extra_context)


class SqliteMedian:
    """The SQLite side of `Median` (sqlite3's aggregate protocol)."""

    def __init__(self) -> None:
        self.values: list[float] = []

    def step(self, value: float | None) -> None:
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        return statistics.median(self.values) if self.values else None


def register_sqlite_median(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """`connection_created` receiver: make `footlog_median` known to a new SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_MEDIAN, 1, SqliteMedian)


@dataclass(frozen=True)
class Usual:
    """A site's usual values: median count and median size of its recent present checks (None: too few)."""

    count: float | None = None
    largest_mm: float | None = None


def usual_values(
    user_id: int, day: dt.date, sites: Iterable[str], *, leave_out: uuid.UUID | None = None
) -> dict[str, Usual]:
    """Each of `sites`' usual values before `day`, in one aggregate query (no query when `sites` is empty)."""
    wanted = sorted(set(sites))
    if not wanted:
        return {}
    rows = Observation.objects.filter(
        entry__user_id=user_id,
        entry__date__gte=day - dt.timedelta(days=WINDOW_DAYS),
        entry__date__lt=day,
        site__in=wanted,
        count__gt=0,
    )
    if leave_out is not None:
        rows = rows.exclude(entry_id=leave_out)
    sized = Q(largest_mm__isnull=False)
    found = rows.values("site").annotate(
        checks=Count("id"),
        count_median=Median("count"),
        sized_checks=Count("id", filter=sized),
        size_median=Median("largest_mm", filter=sized),
    )
    return {
        row["site"]: Usual(
            count=row["count_median"] if row["checks"] >= MIN_CHECKS else None,
            largest_mm=row["size_median"] if row["sized_checks"] >= MIN_CHECKS else None,
        )
        for row in found
    }


def is_outlier(field: str, value: float, usual: float) -> bool:
    """Whether `value` of `field` ("count" or "largest_mm") is far above the site's `usual` (median) value."""
    if field == "largest_mm":
        return value >= SIZE_RATIO * usual and value >= usual + SIZE_MARGIN
    return value >= COUNT_RATIO * usual and value >= usual + COUNT_MARGIN


def suggestion(field: str, value: float, usual: float) -> float | None:
    """A size typed ten times too large ("30" for "3.0") when value/10 lies within a factor of two of the usual
    size; None otherwise (counts get no suggestion: 40 for 4 is not a typical slip)."""
    if field != "largest_mm":
        return None
    tenth = round(value / 10, 1)
    return tenth if usual / 2 <= tenth <= usual * 2 else None


def _number(value: float) -> str:
    """30.0 → "30", 2.5 → "2.5"."""
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def outlier_message(field: str, value: float, usual: float) -> str:
    """What the page asks (beside the site's name): the two numbers, nothing more."""
    if field == "largest_mm":
        larger = gettext("%(value)s mm is much larger than your usual %(usual)s mm at this spot — keep it?")
        return larger % {"value": _number(value), "usual": _number(usual)}
    more = gettext("%(value)s bumps are many more than your usual %(usual)s at this spot — keep it?")
    return more % {"value": _number(value), "usual": _number(usual)}


class OutlierNeedsConfirmation(FootlogError):
    """One or more values are far outside the user's own history: 400 `confirm_outlier`, nothing stored.

    `extra` carries `outliers: [{index, site, field, value, usual, suggest?, message}]` (index: the observation's
    position in the body) and `errors` in the shape of a serializer's (`{"observations": [{field: [msg]}, ...]}`).
    """

    status_code = 400
    code = "confirm_outlier"
    default_detail = gettext_lazy(
        'Some values are far from your usual at that site; send them again with "confirmed": true to keep them.'
    )

    def __init__(self, outliers: list[dict[str, Any]], size: int) -> None:
        per_item: list[dict[str, list[str]]] = [{} for _ in range(size)]
        for item in outliers:
            per_item[item["index"]].setdefault(item["field"], []).append(item["message"])
        super().__init__(extra={"outliers": outliers, "errors": {"observations": per_item}})
        self.outliers = outliers


def find_outliers(
    observations: Sequence[Mapping[str, Any]],
    usual: Mapping[str, Usual],
    previous: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """The values of `observations` to ask about, given the sites' `usual` values and, for an edit, the stored
    observations by site (`previous`: a value equal to the stored one is not asked about). Pure."""
    found: list[dict[str, Any]] = []
    for index, obs in enumerate(observations):
        if obs.get("outlier_confirmed"):
            continue
        site = obs["site"]
        before = (previous or {}).get(site, {})
        for name in FIELDS:
            value = obs.get(name)
            median = getattr(usual.get(site, Usual()), name)
            if value is None or median is None or (before and before.get(name) == value):
                continue
            if is_outlier(name, float(value), float(median)):
                item: dict[str, Any] = {
                    "index": index,
                    "site": site,
                    "field": name,
                    "value": value,
                    "usual": round(float(median), 1),
                    "message": outlier_message(name, float(value), float(median)),
                }
                suggest = suggestion(name, float(value), float(median))
                if suggest is not None:
                    item["suggest"] = suggest
                found.append(item)
    return found


# Whatever the usual value m (≥ 0), `is_outlier` needs value ≥ m + margin, so nothing below the margin is ever
# asked about: a typical day (a few bumps, a few mm) costs the save no query at all.
LEAST_ASKED = {"count": COUNT_MARGIN, "largest_mm": SIZE_MARGIN}


def _to_check(observations: Sequence[Mapping[str, Any]], previous: Mapping[str, Mapping[str, Any]] | None) -> set[str]:
    """Sites with a value that could be asked about: not confirmed, at least its margin, and changed."""
    sites = set()
    for obs in observations:
        if obs.get("outlier_confirmed"):
            continue
        before = (previous or {}).get(obs["site"], {})
        for name in FIELDS:
            value = obs.get(name)
            if value and value >= LEAST_ASKED[name] and not (before and before.get(name) == value):
                sites.add(obs["site"])
    return sites


def outliers_check(
    user_id: int,
    day: dt.date,
    observations: Sequence[Mapping[str, Any]],
    *,
    previous: Mapping[str, Mapping[str, Any]] | None = None,
    leave_out: uuid.UUID | None = None,
) -> None:
    """Raise `OutlierNeedsConfirmation` when a changed, unconfirmed value of `observations` (dicts of Observation
    fields, as the services take them) is far outside the user's history at its site before `day`.

    `previous`: the stored observations of the entry being edited, by site; `leave_out`: its id. At most one
    query (none when no value could be asked about).
    """
    sites = _to_check(observations, previous)
    if not sites:
        return
    found = find_outliers(observations, usual_values(user_id, day, sites, leave_out=leave_out), previous)
    if found:
        raise OutlierNeedsConfirmation(found, len(observations))


def confirmed_marks_kept(
    observations: Sequence[dict[str, Any]], previous: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """The observations of an edit, each keeping its stored `outlier_confirmed` mark when its count and size are
    unchanged (a form or client that does not send the mark back does not lose it)."""
    kept = []
    for obs in observations:
        before = previous.get(obs["site"])
        if before and before.get("outlier_confirmed") and all(before.get(n) == obs.get(n) for n in FIELDS):
            obs = {**obs, "outlier_confirmed": True}
        kept.append(obs)
    return kept
