"""The month cache's objects: the analysis' input types survive pickling exactly, and the sharing of equal
values in a cached month (selectors._shared) never changes a value or its type."""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

from footlog.timeline.analysis import DayLog, RoutineMark, SiteObservation
from footlog.timeline.selectors import _shared


def roundtrip(value: Any) -> Any:
    """What the cache backend does to a value (pickle out, pickle in), our own bytes only."""
    return pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))  # noqa: S301


def test_input_types_pickle_to_equal_values_of_the_same_types() -> None:
    day = DayLog(
        dt.date(2026, 1, 1),
        (SiteObservation("left_heel", 2, 1.5, 3, 4, True, False, True), SiteObservation("right_toes", 0)),
        (RoutineMark("wash", "care", True, "Wash", 5), RoutineMark("new_soap", "trigger", False)),
    )
    back = roundtrip(day)
    assert back == day and type(back) is DayLog
    assert [type(o) for o in back.observations] == [SiteObservation, SiteObservation]
    assert [type(m) for m in back.routine] == [RoutineMark, RoutineMark]
    assert back.routine[1].target == 0 and back.observations[1].largest_mm is None


def test_shared_values_keep_their_types() -> None:
    marks = (RoutineMark("wash", "care", True, "Wash", 7),)
    days = [
        DayLog(dt.date(2026, 1, 1), (SiteObservation("left_heel", 2, 2.0),), marks),
        DayLog(
            dt.date(2026, 1, 2), (SiteObservation("left_heel", 2, 2),), (RoutineMark("wash", "care", True, "Wash", 7),)
        ),
        DayLog(dt.date(2026, 1, 3), (SiteObservation("left_heel", 2, 2.0),), ()),
    ]
    shared = roundtrip(_shared(days))
    assert list(shared) == days
    assert [type(d.observations[0].largest_mm) for d in shared] == [float, int, float]
    assert shared[0].routine is shared[1].routine  # one object, read back once
    assert shared[0].observations[0] is shared[2].observations[0]
