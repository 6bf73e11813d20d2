"""Red-flag events: every day on which a red-flag rule held at a site. The rules are the safety floor.

Per site and day:
- bleeding ticked; spreading ticked;
- pain ≥ 4; pain (any score) on 2 days within 7; pain with redness the same day;
- redness on 2 days within 7; redness with pain the same day;
- fast change: growth seen across several checks of the episode (`trend.fast_change`), never one value.
Pain 1-3 or redness on a single day is not a red flag (`rules.single_symptom` notes it at `consider`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.episodes import Check, Episode
from footlog.timeline.analysis.trend import _day, fast_changes
from footlog.timeline.analysis.types import RedFlag


def _repeated(dates: Sequence[dt.date], date: dt.date) -> bool:
    """Another day in `dates` within the same 7-day span as `date`."""
    span = safety.REPEAT_WINDOW_DAYS - 1
    return any(other != date and abs((other - date).days) <= span for other in dates)


def _symptom_flags(site: str, checks: Sequence[Check], since: dt.date) -> list[RedFlag]:
    """The events of the checks from `since` on (in date order); a repeat's partner may lie before `since`."""
    pain_days = [d for d, o in checks if o.pain > 0]
    redness_days = [d for d, o in checks if o.redness]
    flags: list[RedFlag] = []
    for date, obs in checks[bisect_left(checks, since, key=_day) :]:
        if obs.bleeding:
            flags.append(RedFlag(date, site, "bleeding", True))
        if obs.spreading:
            flags.append(RedFlag(date, site, "spreading", True))
        together = obs.pain > 0 and obs.redness
        if obs.pain > 0 and (obs.pain >= safety.PAIN_ALONE or together or _repeated(pain_days, date)):
            flags.append(RedFlag(date, site, "pain", obs.pain))
        if obs.redness and (together or _repeated(redness_days, date)):
            flags.append(RedFlag(date, site, "redness", True))
    return flags


def _fast_change_flags(site: str, episodes: Sequence[Episode], since: dt.date) -> list[RedFlag]:
    return [
        RedFlag(date, site, "fast_change", round(found.last, 2), detail=found.text())
        for episode in episodes
        if episode.last_check >= since
        for date, found in fast_changes(episode.checks, since)
    ]


def red_flags(checks: dict[str, list[Check]], episodes: dict[str, list[Episode]], since: dt.date) -> list[RedFlag]:
    """Every red-flag event from `since` on (the history before it gives context), by date then site."""
    flags: list[RedFlag] = []
    for site, site_checks in checks.items():
        flags += _symptom_flags(site, site_checks, since)
        flags += _fast_change_flags(site, episodes.get(site, []), since)
    return sorted(flags, key=lambda f: (f.date, f.site, f.kind))
