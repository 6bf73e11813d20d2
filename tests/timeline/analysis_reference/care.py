"""Care measured against intent: each care step against how often the user means to do it.

A step's score is min(1, 7 x days done ÷ days recorded ÷ target_per_week): exfoliating on 2 of 7 recorded days
with a target of 2 a week is faithful (1.0), not 29 %. Steps with target 0 (sunscreen "as needed") and triggers
are not scored. Days a step was not recorded are unknown, never "not done"; nothing recorded → None
("routine not recorded"), never 0 %.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from footlog.timeline.analysis.wording import Msg, Pct, msg
from tests.timeline.analysis_reference.types import Adherence, DayLog, Kind


@dataclass(slots=True)
class _Tally:
    label: str
    kind: Kind
    target: int
    done: int = 0
    recorded: int = 0

    @property
    def score(self) -> float | None:
        if self.kind != "care" or self.target <= 0 or not self.recorded:
            return None
        return round(min(1.0, 7 * self.done / self.recorded / self.target), 2)


def _tally(days: Sequence[DayLog]) -> dict[str, _Tally]:
    tally: dict[str, _Tally] = {}  # in first-seen order
    for day in days:
        for mark in day.routine:
            row = tally.get(mark.step)
            if row is None:
                row = tally[mark.step] = _Tally(mark.label or mark.step, mark.kind, mark.target)
            row.done += mark.done
            row.recorded += 1
    return tally


def step_adherence(days: Sequence[DayLog]) -> tuple[Adherence, ...]:
    """Per step over `days`: done, days recorded, and the score against the target (the API's `rate`)."""
    return _adherence(_tally(days))


def window_care(days: Sequence[DayLog]) -> tuple[tuple[Adherence, ...], Care]:
    """`step_adherence(days)` and `care_since(days, first day)` from one tally of the days."""
    tally = _tally(days)
    return _adherence(tally), _care(tally)


def _adherence(tally: dict[str, _Tally]) -> tuple[Adherence, ...]:
    return tuple(Adherence(step, t.label, t.kind, t.done, t.recorded, t.score, t.target) for step, t in tally.items())


@dataclass(frozen=True)
class Care:
    adherence: float | None  # mean score of the scored care steps; None = nothing to score
    steps: dict[str, float]  # step -> score, for the evidence
    recorded: bool = False  # any care step recorded at all (sunscreen alone is recorded but not scored)

    def text(self) -> Msg:
        if self.adherence is not None:
            return msg("care routine kept %(rate)s of what was planned", rate=Pct(self.adherence))
        if self.recorded:
            return msg("no care step with a weekly target was recorded")
        return msg("routine not recorded")


def care_since(days: Sequence[DayLog], since: dt.date) -> Care:
    return _care(_tally([d for d in days if d.date >= since]))


def _care(tally: dict[str, _Tally]) -> Care:
    scored = {step: t.score for step, t in tally.items() if t.score is not None}
    recorded = any(t.kind == "care" for t in tally.values())
    if not scored:
        return Care(None, {}, recorded)
    return Care(round(sum(scored.values()) / len(scored), 2), scored, recorded)
