"""The faster analysis gives the same answer as the code it replaced (issue 25, item 2: the 3-year uncached
timeline), on generated histories: `tests/timeline/analysis_reference` is a copy of the analysis before the work.

Compared per history: the whole result's repr (every field, the red flags' details and every reason's message
as codes and parameters; types show too, 2 against 2.0), and the API body as `to_dict()` and `render_json` give
it, in English and German. Histories: test_properties' realistic logs and test_outliers_equivalence's spiky ones,
and seeded random logs up to 400 days (random walks of counts, jumping sizes, symptoms, care and triggers, gaps),
each over a random window and end, random thresholds and recorded visits; derandomized.
"""

from __future__ import annotations

import datetime as dt
import json
import random

from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from footlog.timeline.analysis import DayLog, RoutineMark, SiteObservation, Thresholds, TimelineResult, Visit, analyse
from footlog.timeline.selectors import render_json
from tests.timeline import analysis_reference
from tests.timeline.test_outliers_equivalence import spiky_histories
from tests.timeline.test_properties import PROFILE, histories

EXAMPLES = 250  # per test below: 500 histories in all
SITES = ("left_heel", "left_ankle_outer", "right_toes", "right_sole")
BASE = dt.date(2025, 1, 1)


@st.composite
def random_logs(draw: st.DrawFn) -> list[DayLog]:
    """A seeded random log of 20-400 days: counts as random walks with jumps (fast change, outliers), sizes that
    jump too (ints and floats), symptoms now and then, care and trigger marks, unlogged and unchecked days."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    length = rng.randint(20, 400)
    sites = rng.sample(SITES, rng.randint(1, 3))
    logged = rng.choice([1.0, 0.9, 0.6, 0.2])
    counts = {site: rng.randint(0, 6) for site in sites}
    days = []
    for i in range(length):
        if rng.random() > logged and 0 < i < length - 1:
            continue
        observations = []
        for site in sites:
            if rng.random() < 0.05:
                continue  # not checked that day
            step = rng.choice([-1, 0, 0, 1]) if rng.random() > 0.03 else rng.choice([-6, 8, 15])
            counts[site] = max(0, counts[site] + step) if rng.random() > 0.05 else 0
            size: float | int | None = rng.choice([None, round(rng.uniform(0.5, 3.0), 1), rng.randint(1, 3)])
            if size is not None and rng.random() < 0.03:
                size = rng.choice([12, 30.0, 6.5])
            symptom = rng.random() < 0.04
            observations.append(
                SiteObservation(
                    site,
                    counts[site],
                    size if counts[site] else None,
                    itch=rng.randint(0, 6) if symptom else 0,
                    pain=rng.randint(0, 5) if symptom else 0,
                    redness=symptom and rng.random() < 0.5,
                    bleeding=symptom and rng.random() < 0.1,
                    spreading=symptom and rng.random() < 0.1,
                )
            )
        routine = [RoutineMark("wash", "care", rng.random() < 0.8, "", None)]
        if rng.random() < 0.5:
            # the label and target a step was first logged with are the ones shown: vary them now and then
            label, target = ("Scrub", 2) if rng.random() < 0.9 else ("Gentle scrub", rng.choice([1, 3, None]))
            routine.append(RoutineMark("exfoliate", "care", rng.random() < 0.3, label, target))
        if rng.random() < 0.05:
            routine.append(RoutineMark("new_product", "trigger", True, "new product", 0))
        days.append(DayLog(BASE + dt.timedelta(days=i), tuple(observations), tuple(routine)))
    return days


@st.composite
def situations(draw: st.DrawFn, logs: st.SearchStrategy[list[DayLog]]) -> tuple[object, ...]:
    """A log with a window [start, end] (end at, before or after its last day), thresholds, visits, first entry."""
    days = draw(logs)
    first, last = days[0].date, days[-1].date
    span = (last - first).days
    end = last + dt.timedelta(days=draw(st.sampled_from([0, 0, 0, -3, -20, 5, 12])))
    end = max(end, first)
    start = first + dt.timedelta(days=draw(st.integers(0, span)))
    start = min(start, end)
    thresholds = draw(
        st.one_of(
            st.none(),
            st.builds(
                Thresholds,
                consider_after_days=st.integers(7, 60),
                book_after_days=st.integers(14, 90),
                most_days_ratio=st.sampled_from([0.5, 0.6, 0.8]),
                min_checked_days=st.integers(2, 12),
                care_adherence_min=st.sampled_from([0.5, 0.7, 0.9]),
                trend_window_days=st.integers(7, 42),
                rise_min_count=st.sampled_from([1.0, 2.0, 3.5]),
                rise_min_mm=st.sampled_from([0.3, 0.5, 1.0]),
            ),
        )
    )
    visit_days = st.integers(-10, span + 10).map(lambda n: first + dt.timedelta(days=n))
    visits = draw(
        st.lists(
            st.builds(
                Visit,
                date=visit_days,
                kind=st.sampled_from(["booked", "visited"]),
                plan=st.sampled_from(["", "cream twice a day"]),
                review_on=st.one_of(st.none(), visit_days),
            ),
            max_size=2,
        )
    )
    first_entry = draw(st.sampled_from([None, first, first - dt.timedelta(days=30)]))
    return days, start, end, thresholds, visits, first_entry


def _reference_render(result: object) -> bytes:
    """`render_json` as it was (main c825d31)."""
    text = json.dumps(result.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":"))  # type: ignore[attr-defined]
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode()


def _assert_same(situation: tuple[object, ...]) -> None:
    days, start, end, thresholds, visits, first_entry = situation
    kwargs = {"first_entry": first_entry, "visits": visits}
    fast: TimelineResult = analyse(days, start, end, thresholds, **kwargs)  # type: ignore[arg-type]
    plain = analysis_reference.analyse(days, start, end, thresholds, **kwargs)  # type: ignore[arg-type]
    assert repr(fast) == repr(plain)
    for language in ("en", "de"):
        with translation.override(language):
            assert fast.to_dict() == plain.to_dict()
            assert render_json(fast) == _reference_render(plain)


@settings(PROFILE, max_examples=EXAMPLES)
@given(situations(random_logs()))
def test_random_logs_read_the_same(situation: tuple[object, ...]) -> None:
    _assert_same(situation)


@settings(PROFILE, max_examples=EXAMPLES)
@given(situations(st.one_of(histories(min_days=28, max_days=130), spiky_histories())))
def test_realistic_and_spiky_logs_read_the_same(situation: tuple[object, ...]) -> None:
    _assert_same(situation)
