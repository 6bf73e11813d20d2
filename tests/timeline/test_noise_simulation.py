"""Noise must not raise alarms: flat histories with wobbling counts and sizes, read day by day.

A seeded simulation of people whose bumps do not change: a count of 5 ± 2 every day, a size of 1.5 ± 0.5 mm
noted on about a third of days. Read as of each of its 56 days (as the Timeline page and the daily visit-nudge
check would), the site may be called `worsening` on at most 2 % of days, and no red flag may appear.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from footlog.timeline.analysis import DayLog, SiteObservation, analyse
from reminders.visit import decide_nudge

BASE = dt.date(2026, 1, 1)
DAYS = 56
HISTORIES = 60


def flat_noisy_history(rng: random.Random) -> list[DayLog]:
    logs = []
    for i in range(DAYS):
        size = round(1.5 + rng.uniform(-0.5, 0.5), 1) if rng.random() < 1 / 3 else None
        logs.append(DayLog(BASE + dt.timedelta(days=i), (SiteObservation("left_heel", 5 + rng.randint(-2, 2), size),)))
    return logs


def levels_day_by_day(logs: list[DayLog]) -> list[tuple[str, str]]:
    """(status, level) as of each day, over the default 90-day window."""
    read = []
    for i in range(DAYS):
        end = BASE + dt.timedelta(days=i)
        result = analyse(logs, end - dt.timedelta(days=89), end)
        read.append((result.sites[0].status, result.recommendation.level))
    return read


@pytest.fixture(scope="module")
def simulated() -> list[list[tuple[str, str]]]:
    rng = random.Random(20261201)
    return [levels_day_by_day(flat_noisy_history(rng)) for _ in range(HISTORIES)]


def test_flat_noisy_histories_are_rarely_worsening_and_never_urgent(simulated: list[list[tuple[str, str]]]) -> None:
    readings = [r for history in simulated for r in history]
    worsening = sum(status == "worsening" for status, _ in readings) / len(readings)
    print(f"\nnoise simulation: worsening on {worsening:.2%} of {len(readings)} days")
    assert worsening <= 0.02
    assert not any(level == "urgent" for _, level in readings)


def test_flat_noisy_histories_send_at_most_one_visit_nudge_in_eight_weeks(
    simulated: list[list[tuple[str, str]]],
) -> None:
    """The daily nudge decision (reminders.visit) over each simulated history's levels."""
    sent_per_history = []
    for history in simulated:
        nudged, quiet, sent = "", None, 0
        for i, (_, level) in enumerate(history):
            decision = decide_nudge(level, nudged_level=nudged, quiet_since=quiet, today=BASE + dt.timedelta(days=i))
            nudged, quiet, sent = decision.nudged_level, decision.quiet_since, sent + decision.send
        sent_per_history.append(sent)
    print(f"\nnoise simulation: visit nudges per 8-week history {sorted(sent_per_history, reverse=True)[:5]}...")
    assert max(sent_per_history) <= 1
