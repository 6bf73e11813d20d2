"""The incremental timeline (issue 25, item 2): an analysis that reuses the per-site parts of an earlier one
(`analyse(..., memo=...)`, as `selectors._analysed` does after an edit) equals the analysis from nothing.

Each test generates realistic logs with the property tests' generator (`test_properties.histories`), analyses a
window, passes the memo through pickle (it lives in the cache between requests), makes one kind of edit, and
analyses again with the memo and without it: the two results must be equal, texts rendered included. Each test
also checks that the memo was really used (sites the edit did not touch are reused as they were), so an
implementation that ignored it would not pass for the wrong reason. 6 kinds x 85 histories (over 500).
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from footlog.timeline.analysis import DayLog, RoutineMark, SiteParts, Thresholds, TimelineResult, Visit, analyse
from tests.timeline.test_properties import GENERATED, PROFILE, SITES, histories
from tests.timeline.test_properties import _report_counts as _report_counts  # prints the histories generated

EXAMPLES = settings(PROFILE, max_examples=85)  # 6 tests: over 500 histories in all


@st.composite
def windows(draw: st.DrawFn, days: list[DayLog]) -> tuple[dt.date, dt.date]:
    """A window over the log: ending on its last day (today) or a little after, starting anywhere in it (the
    days before `start` are the look-back)."""
    end = days[-1].date + dt.timedelta(days=draw(st.sampled_from([0, 0, 0, 1, 9])))
    start = days[0].date + dt.timedelta(days=draw(st.integers(0, (days[-1].date - days[0].date).days)))
    return start, end


def analysed(
    days: list[DayLog],
    window: tuple[dt.date, dt.date],
    th: Thresholds,
    visits: tuple[Visit, ...],
    memo: dict[str, SiteParts],
) -> TimelineResult:
    return analyse(days, *window, th, visits=visits, memo=memo)


def assert_incremental_equals_full(
    days: list[DayLog],
    edited: list[DayLog],
    window: tuple[dt.date, dt.date],
    *,
    th: tuple[Thresholds, Thresholds] = (Thresholds(), Thresholds()),
    visits: tuple[tuple[Visit, ...], tuple[Visit, ...]] = ((), ()),
    untouched: set[str] | None = None,
) -> None:
    """Analyse `days`, keep the memo through pickle, analyse `edited` with it and without: equal. Sites in
    `untouched` (their checks unchanged, same window and thresholds) must have been reused, not analysed again."""
    memo: dict[str, SiteParts] = {}
    analysed(days, window, th[0], visits[0], memo)
    kept = pickle.loads(pickle.dumps(memo, pickle.HIGHEST_PROTOCOL))  # noqa: S301  # our own bytes
    before = dict(kept)
    incremental = analysed(edited, window, th[1], visits[1], kept)
    full = analyse(edited, *window, th[1], visits=visits[1])
    assert incremental == full
    assert incremental.to_dict() == full.to_dict()  # every text rendered, every number
    for site in untouched or set():
        if site in before and site in kept:
            assert kept[site] is before[site], f"{site} was analysed again although its checks did not change"


def sites_of(days: list[DayLog]) -> list[str]:
    return sorted({o.site for d in days for o in d.observations})


# --- edits ----------------------------------------------------------------------------------------------------


@EXAMPLES
@given(histories(), st.data())
def test_an_edit_of_one_site_on_any_day_reuses_the_other_sites(days: list[DayLog], data: st.DataObject) -> None:
    window = data.draw(windows(days))
    i = data.draw(st.integers(0, len(days) - 1))
    if not days[i].observations:
        return
    GENERATED["incremental: one site edited, any day"] += 1
    site = data.draw(st.sampled_from([o.site for o in days[i].observations]))
    count = data.draw(st.integers(0, 12))
    size = data.draw(st.one_of(st.none(), st.sampled_from([0.5, 1.5, 4.0, 12.0])))
    itch = data.draw(st.integers(0, 6))
    edited = list(days)
    edited[i] = days[i]._replace(
        observations=tuple(
            o._replace(count=count, largest_mm=size, itch=itch) if o.site == site else o for o in days[i].observations
        )
    )
    others = {s for s in sites_of(days) if s != site}
    assert_incremental_equals_full(days, edited, window, untouched=others)


@EXAMPLES
@given(histories(symptoms=False), st.data())
def test_a_red_flag_added_or_removed_on_any_day(days: list[DayLog], data: st.DataObject) -> None:
    window = data.draw(windows(days))
    i = data.draw(st.integers(0, len(days) - 1))
    if not days[i].observations:
        return
    GENERATED["incremental: red-flag day"] += 1
    site = data.draw(st.sampled_from([o.site for o in days[i].observations]))
    kind = data.draw(st.sampled_from(["bleeding", "spreading", "pain", "pain_redness", "redness"]))
    options: dict[str, dict[str, object]] = {
        "bleeding": {"bleeding": True},
        "spreading": {"spreading": True},
        "pain": {"pain": data.draw(st.integers(2, 10))},
        "pain_redness": {"pain": 3, "redness": True},
        "redness": {"redness": True},
    }
    fields = options[kind]
    flagged = list(days)
    flagged[i] = days[i]._replace(
        observations=tuple(o._replace(**fields) if o.site == site else o for o in days[i].observations)  # type: ignore[arg-type]  # values typed object
    )
    others = {s for s in sites_of(days) if s != site}
    assert_incremental_equals_full(days, flagged, window, untouched=others)  # the flag added
    assert_incremental_equals_full(flagged, days, window, untouched=others)  # and taken back


@EXAMPLES
@given(histories(), st.data())
def test_a_day_deleted_or_added(days: list[DayLog], data: st.DataObject) -> None:
    window = data.draw(windows(days))
    i = data.draw(st.integers(0, len(days) - 1))
    without = days[:i] + days[i + 1 :]
    if not without:
        return
    GENERATED["incremental: day deleted or added"] += 1
    assert_incremental_equals_full(days, without, window)
    assert_incremental_equals_full(without, days, window)
    # A day logged after the last one (tomorrow's entry), within the window or after it.
    later = DayLog(days[-1].date + dt.timedelta(days=data.draw(st.integers(1, 3))), days[-1].observations)
    assert_incremental_equals_full(days, [*days, later], window)


@EXAMPLES
@given(histories(), st.data())
def test_a_threshold_change(days: list[DayLog], data: st.DataObject) -> None:
    GENERATED["incremental: thresholds changed"] += 1
    window = data.draw(windows(days))
    changed = Thresholds(
        consider_after_days=data.draw(st.integers(14, 42)),
        book_after_days=data.draw(st.integers(42, 70)),
        most_days_ratio=data.draw(st.sampled_from([0.5, 0.6, 0.8])),
        min_checked_days=data.draw(st.integers(4, 12)),
        trend_window_days=data.draw(st.integers(14, 42)),
        rise_min_count=data.draw(st.sampled_from([1.0, 2.0, 3.5])),
    )
    assert_incremental_equals_full(days, days, window, th=(Thresholds(), changed))
    assert_incremental_equals_full(days, days, window, th=(changed, Thresholds()))
    # Thresholds unchanged, nothing edited: every site reused.
    assert_incremental_equals_full(days, days, window, th=(changed, changed), untouched=set(sites_of(days)))


@EXAMPLES
@given(histories(), st.data())
def test_a_visit_recorded_or_removed(days: list[DayLog], data: st.DataObject) -> None:
    GENERATED["incremental: visits changed"] += 1
    window = data.draw(windows(days))
    date = days[0].date + dt.timedelta(days=data.draw(st.integers(0, (window[1] - days[0].date).days + 5)))
    kind: Literal["visited", "booked"] = data.draw(st.sampled_from(["visited", "booked"]))
    review = data.draw(st.one_of(st.none(), st.integers(0, 30)))
    visit = Visit(date, kind, "as planned", date + dt.timedelta(days=review) if review is not None else None)
    every = set(sites_of(days))
    assert_incremental_equals_full(days, days, window, visits=((), (visit,)), untouched=every)
    assert_incremental_equals_full(days, days, window, visits=((visit,), ()), untouched=every)


@EXAMPLES
@given(histories(), st.data())
def test_the_window_moved_or_a_routine_mark_or_site_changed(days: list[DayLog], data: st.DataObject) -> None:
    GENERATED["incremental: window moved, routine, new site"] += 1
    window = data.draw(windows(days))
    moved = (window[0] + dt.timedelta(days=1), window[1] + dt.timedelta(days=1))
    memo: dict[str, SiteParts] = {}
    analysed(days, window, Thresholds(), (), memo)
    assert analysed(days, moved, Thresholds(), (), memo) == analyse(days, *moved)  # parts of another window
    later_start = (min(window[0] + dt.timedelta(days=data.draw(st.integers(1, 20))), window[1]), window[1])
    memo = {}
    analysed(days, window, Thresholds(), (), memo)
    assert analysed(days, later_start, Thresholds(), (), memo) == analyse(days, *later_start)  # the same end
    i = data.draw(st.integers(0, len(days) - 1))
    marked = list(days)
    marked[i] = days[i]._replace(routine=(*days[i].routine, RoutineMark("new_product", "trigger", True, "new", 0)))
    assert_incremental_equals_full(days, marked, window, untouched=set(sites_of(days)))
    site = data.draw(st.sampled_from(SITES))
    count = data.draw(st.integers(0, 5))
    grown = list(days)
    grown[i] = days[i]._replace(
        observations=(
            *(o for o in days[i].observations if o.site != site),
            days[i].observations[0]._replace(site=site, count=count),
        )
        if days[i].observations
        else days[i].observations
    )
    assert_incremental_equals_full(days, grown, window, untouched={s for s in sites_of(days) if s != site})
