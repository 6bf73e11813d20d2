"""The outlier check that compares only the checks that can be far out (`core._outliers`) equals the plain
one it replaced (`outliers_reference`), value and type, on generated histories (issue 25, item 2), and so does
the whole answer of `analyse`.

The histories are test_properties' generators, made longer (up to 130 days, longer than the 90 days before) with
sizes that vary (a negative one now and then, which turns the shortcut off) and the odd spike; 500 of them,
derandomized, a few seconds.
"""

from __future__ import annotations

import datetime as dt
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from footlog.timeline.analysis import DayLog, SiteObservation, analyse, core
from footlog.timeline.analysis.episodes import checks_by_site
from tests.timeline.outliers_reference import _outliers as reference
from tests.timeline.test_properties import PROFILE, histories

EXAMPLES = 500


@st.composite
def spiky_histories(draw: st.DrawFn) -> list[DayLog]:
    """A history with sizes of many values (ints and floats alike: 2 and 2.0 are equal but render apart) and a
    few spikes of count and size, so that outliers are found and medians fall between two values."""
    days = draw(histories(min_days=28, max_days=130))
    size = st.one_of(st.none(), st.integers(-3, 30), st.floats(0, 30, allow_nan=False).map(lambda v: round(v, 1)))
    spikes = draw(st.dictionaries(st.integers(0, len(days) - 1), st.tuples(size, st.integers(1, 8)), max_size=12))
    out = []
    for i, day in enumerate(days):
        if i in spikes:
            mm, times = spikes[i]
            day = DayLog(day.date, tuple(o._replace(largest_mm=mm, count=o.count * times) for o in day.observations))
        out.append(day)
    return out


@settings(PROFILE, max_examples=EXAMPLES)
@given(spiky_histories(), st.integers(0, 129))
def test_the_outlier_check_equals_the_plain_one(days: list[DayLog], offset: int) -> None:
    start = days[0].date + dt.timedelta(days=min(offset, (days[-1].date - days[0].date).days))
    for site, checks in checks_by_site([(d.date, d.observations) for d in days]).items():
        fast, plain = core._outliers(site, checks, start), reference(site, checks, start)
        assert fast == plain
        assert [type(o.usual) for o in fast] == [type(o.usual) for o in plain]


@settings(PROFILE, max_examples=100)
@given(spiky_histories())
def test_the_whole_answer_is_unchanged(days: list[DayLog]) -> None:
    start, end = days[0].date + dt.timedelta(days=20), days[-1].date
    fast = analyse(days, start, end).to_dict()
    with mock.patch.object(core, "_outliers", reference):
        plain = analyse(days, start, end).to_dict()
    assert fast == plain


def test_a_nan_size_falls_back_to_check_order() -> None:
    base = dt.date(2026, 1, 1)
    checks = [(base + dt.timedelta(days=i), SiteObservation("left_heel", 2, largest_mm=mm)) for i, mm in
              enumerate([1.0, float("nan"), 1.5, 1.0, 20.0, 1.0])]  # fmt: skip
    start = base + dt.timedelta(days=3)
    assert repr(core._outliers("left_heel", checks, start)) == repr(reference("left_heel", checks, start))
