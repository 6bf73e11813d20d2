"""Red-flag events: every day on which a red-flag rule held at a site. The rules are the safety floor.

Per site and day (a dermatologist's grading, docs/timeline.md rule R1):
- bleeding ticked; spreading ticked;
- pain ≥ 4; pain ≥ 2 on 2 days within 7 (both days ≥ 2); pain ≥ 3 with redness the same day;
- redness on 2 days within 7; redness with pain ≥ 3 the same day;
- fast change: growth seen across several checks of the episode (`trend.fast_change`), never one value.
A single day of pain ≤ 3 (≤ 2 with redness), or redness alone on one day, is not a red flag: it is a dated note
(`slight_symptoms`), a `consider` reason while within the last 14 days (`rules.single_symptom`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from footlog.timeline.analysis import safety
from footlog.timeline.analysis.episodes import Check, Episode
from footlog.timeline.analysis.trend import _day, fast_changes
from footlog.timeline.analysis.types import RedFlag, SlightSymptom


def _repeated(days: Sequence[int], date: dt.date) -> bool:
    """Another day in `days` (ordinals, in order) within the same 7-day span as `date`: only the days of that span
    are looked at (bisect), not every day of a long log."""
    span = safety.REPEAT_WINDOW_DAYS - 1
    day = date.toordinal()
    return any(other != day for other in days[bisect_left(days, day - span) : bisect_right(days, day + span)])


def _symptom_flags(site: str, checks: Sequence[Check], since: dt.date) -> list[RedFlag]:
    """The events of the checks from `since` on (in date order); a repeat's partner may lie before `since`."""
    pain_days = [d.toordinal() for d, o in checks if o.pain >= safety.PAIN_REPEAT_MIN]
    redness_days = [d.toordinal() for d, o in checks if o.redness]
    flags: list[RedFlag] = []
    for date, obs in checks[bisect_left(checks, since, key=_day) :]:
        if not (obs.pain or obs.redness or obs.bleeding or obs.spreading):
            continue  # most checks: no rule below can hold
        if obs.bleeding:
            flags.append(RedFlag(date, site, "bleeding", True))
        if obs.spreading:
            flags.append(RedFlag(date, site, "spreading", True))
        together = obs.pain >= safety.PAIN_WITH_REDNESS_MIN and obs.redness
        repeated_pain = obs.pain >= safety.PAIN_REPEAT_MIN and _repeated(pain_days, date)
        if obs.pain > 0 and (obs.pain >= safety.PAIN_ALONE or together or repeated_pain):
            flags.append(RedFlag(date, site, "pain", obs.pain))
        if obs.redness and (together or _repeated(redness_days, date)):
            flags.append(RedFlag(date, site, "redness", True))
    return flags


def slight_symptoms(
    checks: dict[str, list[Check]], flags: Sequence[RedFlag], since: dt.date, recent_from: dt.date
) -> list[SlightSymptom]:
    """Days from `since` on with pain or redness at a site that no red-flag rule took up: dated notes.
    `recent` when on or after `recent_from` (the first of the last 14 days)."""
    flagged = {(flag.date, flag.site, flag.kind) for flag in flags}
    notes = []
    for site, site_checks in sorted(checks.items()):
        for date, obs in site_checks[bisect_left(site_checks, since, key=_day) :]:
            if not (obs.pain or obs.redness):
                continue
            pain = obs.pain if obs.pain and (date, site, "pain") not in flagged else 0
            redness = obs.redness and (date, site, "redness") not in flagged
            if pain or redness:
                notes.append(SlightSymptom(date, site, pain, redness, date >= recent_from))
    return sorted(notes, key=lambda n: (n.date, n.site))


def _fast_change_flags(site: str, episodes: Sequence[Episode], since: dt.date) -> list[RedFlag]:
    return [
        RedFlag(date, site, "fast_change", round(found.last, 2), detail=found.text())
        for episode in episodes
        if episode.last_check >= since
        for date, found in fast_changes(episode.checks, since)
    ]


def site_red_flags(site: str, checks: Sequence[Check], episodes: Sequence[Episode], since: dt.date) -> list[RedFlag]:
    """The red-flag events of one site from `since` on: they read that site's checks only, so an analysis that
    kept them (`core.SiteParts`) reuses them while the site's checks are unchanged."""
    return _symptom_flags(site, checks, since) + _fast_change_flags(site, episodes, since)


def flag_order(flag: RedFlag) -> tuple[dt.date, str, str]:
    return flag.date, flag.site, flag.kind
