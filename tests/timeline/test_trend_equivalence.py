"""The fast trend statistics equal the simple ones exactly (tests/timeline/trend_reference.py), on many seeded
random inputs with ties, gaps, missing sizes, typos and real growth: the analysis is safety logic, and being
faster must not change a single answer."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from footlog.timeline.analysis import core, redflags, trend
from footlog.timeline.analysis.types import DayLog, RoutineMark, SiteObservation, Thresholds
from tests.timeline import trend_reference as ref

DAY = dt.date(2026, 3, 1)


def _values(rng: random.Random) -> list[Any]:
    n = rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 28, 40, 90])
    kind = rng.random()
    if kind < 0.4:
        return [rng.randint(0, rng.choice([1, 2, 6, 15])) for _ in range(n)]  # counts: many ties
    if kind < 0.8:
        return [round(rng.uniform(0.5, 3.5), 1) for _ in range(n)]  # sizes to 0.1 mm: ties too
    return [rng.choice([0, 1, 1.0, 2.5, 0.1 + 0.2, 0.3, 7]) for _ in range(n)]  # mixed, floats that almost tie


def test_mann_kendall_equals_the_pairwise_count() -> None:
    rng = random.Random(11)
    for _ in range(5000):
        values = _values(rng)
        pairwise = sum((b > a) - (b < a) for i, a in enumerate(values) for b in values[i + 1 :])
        assert trend.mann_kendall_s(values) == pairwise, values
        assert trend.mann_kendall_z(values) == ref.mann_kendall_z(values), values
    assert trend.mann_kendall_z([1.0, float("nan"), 2.0]) == ref.mann_kendall_z([1.0, float("nan"), 2.0])


def test_theil_sen_and_required_z_equal_the_reference() -> None:
    rng = random.Random(12)
    for _ in range(3000):
        n = rng.randint(0, 30)
        xs = sorted(rng.randint(0, 40) for _ in range(n))  # equal x on some days: no slope between those
        points = [(x, y) for x, y in zip(xs, _values(rng) + [0] * n, strict=False)]
        assert trend.theil_sen(points) == ref.theil_sen(points), points
    for n in range(0, 130):
        for span in (1, 13, 14, 30, 200):
            assert trend.required_z(n, span) == ref.required_z(n, span)


def _episode(rng: random.Random, n: int) -> list[tuple[dt.date, SiteObservation]]:
    """Checks in date order with gaps; counts flat, rising or jumping; sizes missing, noisy, typo'd or growing."""
    shape = rng.choice(["flat", "rise", "jump", "grow", "typo"])
    day, checks = DAY, []
    for i in range(n):
        day += dt.timedelta(days=rng.choice([1, 1, 1, 2, 3, 7]))
        count = {
            "flat": rng.randint(0, 6),
            "rise": i // 3 + rng.randint(0, 2),
            "jump": rng.choice([1, 2]) if i < n / 2 else rng.choice([7, 9, 12]),
        }.get(shape, rng.randint(1, 4))
        if rng.random() < 0.3:
            size = None
        elif shape == "grow":
            size = round(1.0 + 0.25 * i + rng.uniform(-0.3, 0.3), 1)
        elif shape == "typo" and rng.random() < 0.1:
            size = 35.0
        else:
            size = round(rng.choice([1.3, 3.3, 1.5, 2.0, 3.5, 4.0]) if rng.random() < 0.3 else rng.uniform(0.5, 2.5), 1)
        checks.append((day, SiteObservation("left_heel", count, size)))
    return checks


def test_change_equals_the_reference() -> None:
    rng = random.Random(13)
    for _ in range(3000):
        checks = _episode(rng, rng.choice([0, 1, 3, 4, 5, 8, 20, 40, 120]))
        th = Thresholds(trend_window_days=rng.choice([7, 14, 28, 60, 120]))
        assert trend.change(checks, th) == ref.change(checks, th)


def test_fast_changes_equal_the_reference_from_any_day_on() -> None:
    rng = random.Random(14)
    flagged = {"size": 0, "count": 0}
    for _ in range(3000):
        checks = _episode(rng, rng.choice([0, 1, 2, 3, 5, 10, 30, 60, 200]))
        last = checks[-1][0] if checks else DAY
        since = DAY + dt.timedelta(days=rng.randint(-10, (last - DAY).days + 10))
        fast = trend.fast_changes(checks, since)
        assert fast == ref.fast_changes(checks, since)
        for _, found in fast:
            flagged[found.by] += 1
    assert flagged["size"] > 100 and flagged["count"] > 100  # the comparison is not vacuous
    for _ in range(300):  # at the first representable dates, where a span reaches before day 1
        shift = dt.date(1, 1, 2) - DAY
        checks = [(d + shift, o) for d, o in _episode(rng, rng.choice([3, 10, 40]))]
        since = dt.date(1, 1, 1) + dt.timedelta(days=rng.randint(0, 60))
        assert trend.fast_changes(checks, since) == ref.fast_changes(checks, since)


def _history(rng: random.Random) -> list[DayLog]:
    sites = rng.sample(["left_heel", "right_toes", "left_ankle_outer", "right_sole"], rng.randint(1, 3))
    episodes = {site: _episode(rng, rng.choice([5, 30, 90, 200])) for site in sites}
    by_day: dict[dt.date, list[SiteObservation]] = {}
    for site, checks in episodes.items():
        for day, obs in checks:
            extra = {"pain": rng.choice([0] * 30 + [2, 5]), "redness": rng.random() < 0.02}
            by_day.setdefault(day, []).append(obs._replace(site=site, **extra))
    care = (RoutineMark("moisturise", "care", True, "Moisturise"), RoutineMark("wash", "care", False, "Wash"))
    return [DayLog(day, tuple(obs), care if rng.random() < 0.7 else ()) for day, obs in sorted(by_day.items())]


@pytest.mark.parametrize("seed", range(4))
def test_whole_answers_equal_those_of_the_reference_statistics(monkeypatch, seed) -> None:
    rng = random.Random(100 + seed)
    cases = []
    for _ in range(60):
        days = _history(rng)
        end = days[-1].date - dt.timedelta(days=rng.choice([0, 0, 3, 20]))
        start = end - dt.timedelta(days=rng.choice([6, 29, 89, 364]))
        th = Thresholds(trend_window_days=rng.choice([14, 28, 60]), rise_min_count=rng.choice([1.0, 2.0]))
        cases.append((days, start, end, th, core.analyse(days, start, end, th)))
    monkeypatch.setattr(core, "change", ref.change)
    monkeypatch.setattr(redflags, "fast_changes", ref.fast_changes)
    for days, start, end, th, fast in cases:
        simple = core.analyse(days, start, end, th)
        assert fast == simple
        assert fast.to_dict() == simple.to_dict()


def test_medians_of_three_equal_the_builtins_spelling_even_for_odd_values() -> None:
    rng = random.Random(15)
    odd = [0, 1, 1.0, 2, -0.0, 0.0, 3, float("inf"), float("nan")]
    for _ in range(20000):
        values = [rng.choice(odd) for _ in range(rng.randint(0, 6))]
        fast, simple = trend._medians_of_3(values), ref._medians_of_3(values)
        assert len(fast) == len(simple)
        assert all(a is b for a, b in zip(fast, simple, strict=True)), values  # the very same objects
        if len(values) == 3:
            assert repr(trend._median_of(values)) == repr(ref._median_of(values)), values
