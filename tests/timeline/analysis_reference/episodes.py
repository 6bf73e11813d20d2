"""Episodes: a site's stretches of bumps, found from its checks.

An episode starts at a present check (count > 0) and ends only when `CLEAR_STREAK` clear checks follow in a row:
one zero inside a long episode is a check like any other, not the end of it. Unchecked and unlogged days are
unknown: they neither break an episode nor add to a clear run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from footlog.timeline.analysis.safety import CLEAR_STREAK, SPARSE_PERSIST_APART_DAYS, SPARSE_PERSIST_MIN_CHECKS
from tests.timeline.analysis_reference.types import SiteObservation, Thresholds

Check = tuple[dt.date, SiteObservation]


@dataclass(frozen=True)
class Episode:
    """`checks` runs from the first present check to the last check before the closing clear run; an open
    episode (`closed` False) keeps its trailing clear checks, which are fewer than the streak."""

    checks: tuple[Check, ...]
    closed: bool

    @property
    def start(self) -> dt.date:
        return self.checks[0][0]

    @property
    def last_check(self) -> dt.date:
        return self.checks[-1][0]

    @property
    def days_checked(self) -> int:
        return len(self.checks)

    @cached_property
    def days_present(self) -> int:
        return sum(1 for _, o in self.checks if o.count > 0)

    @property
    def span_days(self) -> int:
        """From the first present day to the last check: a duration never runs past what was looked at."""
        return (self.last_check - self.start).days + 1

    @property
    def ratio(self) -> float:
        return self.days_present / self.days_checked

    def until(self, date: dt.date) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c[0] <= date)


def persists(ep: Episode, days: int, th: Thresholds) -> bool:
    """The duration test: the episode spans >= `days` to its last check, with enough checks, bumps on most."""
    return ep.span_days >= days and ep.days_checked >= th.min_checked_days and ep.ratio >= th.most_days_ratio


def persists_sparse(ep: Episode, th: Thresholds) -> bool:
    """Sparse but consistent (safety floor, rule R3): at least 2 checks, the first and last at least 28 days
    apart, bumps on at least `most_days_ratio` of them. Few checks are not good news."""
    return (
        ep.days_checked >= SPARSE_PERSIST_MIN_CHECKS
        and (ep.last_check - ep.start).days >= SPARSE_PERSIST_APART_DAYS
        and ep.ratio >= th.most_days_ratio
    )


def persisting_episode(ep: Episode, th: Thresholds) -> bool:
    """The `persisting` test: the user's duration rule, or sparse but consistent."""
    return persists(ep, th.consider_after_days, th) or persists_sparse(ep, th)


def checks_by_site(days: Sequence[tuple[dt.date, Sequence[SiteObservation]]]) -> dict[str, list[Check]]:
    checks: dict[str, list[Check]] = {}
    for date, observations in days:
        for obs in observations:
            checks.setdefault(obs.site, []).append((date, obs))
    return checks


def episodes_of(checks: Sequence[Check], clear_streak: int = CLEAR_STREAK) -> list[Episode]:
    """The site's episodes in date order; the last one is open when fewer than `clear_streak` clear checks
    follow its last present check."""
    found: list[Episode] = []
    current: list[Check] = []
    clear_run: list[Check] = []
    for check in checks:
        if check[1].count > 0:
            current += clear_run  # zeros inside an episode belong to it
            current.append(check)
            clear_run = []
        elif current:
            clear_run.append(check)
            if len(clear_run) >= clear_streak:
                found.append(Episode(tuple(current), closed=True))
                current, clear_run = [], []
    if current:
        found.append(Episode(tuple(current + clear_run), closed=False))
    return found


def open_episode(episodes: Sequence[Episode]) -> Episode | None:
    return episodes[-1] if episodes and not episodes[-1].closed else None


def clear_checks_before(checks: Sequence[Check], date: dt.date) -> int:
    """Clear checks in a row just before `date` (how clear the site had been shown to be)."""
    run = 0
    for d, obs in checks:
        if d >= date:
            break
        run = run + 1 if obs.count == 0 else 0
    return run
