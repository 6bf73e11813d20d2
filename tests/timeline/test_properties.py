"""Properties the timeline analysis holds on generated histories (issue 21, item 1; docs/timeline.md P1-P7).

The histories are realistic logs: one to three sites, daily loggers with gaps and sparse (weekly-ish) loggers,
noisy counts, single zeros, days a site was not checked, a size typo now and then, care and trigger marks. Each
property runs on the pure analysis (`analyse`), with the "ci" Hypothesis profile: derandomized (a fixed seed), a
bounded number of examples, no deadline; the whole module stays well under the issue's 30 s budget. Set
HYPOTHESIS_PROFILE=dev for a longer random search. The number of histories generated per property is printed at
the end of the module (`-rA` or any run that shows the terminal summary).

Planted bugs, one per rule, each made in footlog/timeline/analysis, run, and reverted (on 7 Dec 2026, with the
script in the rules helper's report); every one fails the test named:

- R1 red flags, repeat window 7 -> 6 days (`REPEAT_WINDOW_DAYS - 2` in `_repeated`): P3.
- R1 red flags, pain with redness at any score (`PAIN_WITH_REDNESS_MIN = 1`): P4.
- R2 windows, urgent window off by one (`f.within(flag.date, URGENT_WITHIN_DAYS + 1)`):
  test_analysis_rules.test_red_flag_windows_are_exact (P3 alone did not find the one-day edge in 30 examples).
- R3 sparse, the sparse rule removed (`days_checked >= 8` in `persists_sparse`): P1.
- R4 recurred, never named (`recurred` skips every site): test_recurrence_is_named_with_its_clear_spell.
- R5 visits, advice kept after a visit (`after_visits` ignores the visit): P5.
- R5 visits, red flags before a visit kept urgent (`f.after_visit` dropped in `red_flags_recent`): P5.
- R6 outliers, fast change from one value (`_medians_of_3` takes the max of each triple): P7.
- R7 sites, stale sites dropped from `sites`: P6.
- R8 monotone, pain above 6 not flagged (`PAIN_ALONE <= pain <= 6`): P2b.
- R8 monotone, counts of 10 or more read as clear checks in `episodes_of`: P2a.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import Counter
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footlog.timeline.analysis import (
    LEVEL_ORDER,
    DayLog,
    RoutineMark,
    SiteObservation,
    TimelineResult,
    Visit,
    analyse,
)

settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=False,
)
settings.register_profile("dev", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BASE = dt.date(2026, 9, 1)
SITES = ("left_top", "right_top", "left_heel", "left_ankle_outer", "right_ankle_outer")
GENERATED: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    lines = [f"property {name}: {count} generated histories" for name, count in sorted(GENERATED.items())]
    if capture is not None:
        with capture.global_and_fixture_disabled():
            print("\n" + "\n".join(lines))
    else:
        print("\n".join(lines))


def level(result: TimelineResult) -> int:
    return LEVEL_ORDER[result.recommendation.level]


# --- generators --------------------------------------------------------------------------------------------------


@st.composite
def site_series(draw: st.DrawFn, length: int, *, present: bool = False) -> list[int | None]:
    """Counts per day for one site (None: not checked that day). Shapes: steady, rising, falling, clearing,
    absent; noise of ±2, single zeros, a typo-like spike; `present` keeps every checked value above 0."""
    shape = draw(st.sampled_from(["steady", "rising", "falling", "clearing", "absent"] if not present else ["steady"]))
    base = draw(st.integers(1, 8))
    noise = draw(st.integers(0, 2))
    offsets = draw(st.lists(st.integers(-noise, noise), min_size=length, max_size=length))
    values: list[int | None] = []
    for i in range(length):
        if shape == "steady":
            v = base
        elif shape == "rising":
            v = base + round(8 * i / max(length - 1, 1))
        elif shape == "falling":
            v = max(0, base + 4 - round((base + 4) * i / max(length - 1, 1)))
        elif shape == "clearing":
            v = base if i < length // 2 else 0
        else:
            v = 0
        v = max(0, v + offsets[i])
        values.append(max(1, v) if present else v)
    zero_at = draw(st.one_of(st.none(), st.integers(0, length - 1)))
    if zero_at is not None and not present:
        values[zero_at] = 0
    return values


@st.composite
def histories(
    draw: st.DrawFn,
    *,
    symptoms: bool = True,
    min_days: int = 28,
    max_days: int = 84,
    present_site: bool = False,
) -> list[DayLog]:
    """A realistic log: 1-3 sites over 28-84 days, daily (with gaps) or sparse logging, checks left out, sizes
    with an occasional typo, care and trigger marks, and (when `symptoms`) pain, itch, redness now and then."""
    length = draw(st.integers(min_days, max_days))
    sites = draw(st.lists(st.sampled_from(SITES), min_size=1, max_size=3, unique=True))
    sparse = draw(st.booleans())
    if sparse:
        gap = draw(st.integers(4, 10))
        logged = sorted({0, length - 1, *range(0, length, gap)})
    else:
        skip = draw(st.sets(st.integers(0, length - 1), max_size=length // 4))
        logged = [i for i in range(length) if i not in skip or i in (0, length - 1)]
    series = {site: draw(site_series(length, present=present_site and n == 0)) for n, site in enumerate(sites)}
    unchecked = draw(st.sets(st.integers(0, length - 1), max_size=length // 8))
    typo_day = draw(st.one_of(st.none(), st.integers(0, length - 1)))
    with_sizes = draw(st.booleans())
    care = draw(st.sampled_from(["", "y", "yyyyyyn", "yn"]))
    trigger_day = draw(st.one_of(st.none(), st.integers(0, length - 1)))
    symptom_days = draw(st.sets(st.integers(0, length - 1), max_size=4)) if symptoms else set()
    days = []
    for i in logged:
        observations = []
        for n, site in enumerate(sites):
            if i in unchecked and not (present_site and n == 0) and i not in (0, length - 1):
                continue
            count = series[site][i]
            assert count is not None
            fields: dict[str, object] = {}
            if with_sizes and count:
                fields["largest_mm"] = 12.0 if i == typo_day else 1.5
            if i in symptom_days and n == 0:
                fields["pain"] = draw(st.integers(0, 6))
                fields["redness"] = draw(st.booleans())
                fields["itch"] = draw(st.integers(0, 6))
                fields["bleeding"] = draw(st.booleans()) and draw(st.booleans())
            observations.append(SiteObservation(site, count, **fields))  # type: ignore[arg-type]
        routine = []
        if care:
            routine.append(RoutineMark("moisturise", "care", care[i % len(care)] == "y", "moisturise", 7))
        if trigger_day is not None:
            routine.append(RoutineMark("new_product", "trigger", i == trigger_day, "new product", 0))
        days.append(DayLog(BASE + dt.timedelta(days=i), tuple(observations), tuple(routine)))
    return days


def window(days: list[DayLog]) -> tuple[dt.date, dt.date]:
    return days[0].date, days[-1].date


def run(days: list[DayLog], end: dt.date | None = None, visits: tuple[Visit, ...] = ()) -> TimelineResult:
    first, last = window(days)
    return analyse(days, first, end or last, visits=visits)


def replace_obs(days: list[DayLog], date: dt.date, site: str, **fields: object) -> list[DayLog]:
    out = []
    for d in days:
        if d.date == date:
            obs = tuple(o._replace(**fields) if o.site == site else o for o in d.observations)  # type: ignore[arg-type]
            d = d._replace(observations=obs)
        out.append(d)
    return out


def checks_of(days: list[DayLog], site: str) -> list[tuple[dt.date, SiteObservation]]:
    return [(d.date, o) for d in days for o in d.observations if o.site == site]


# --- P1: thinning never reassures ---------------------------------------------------------------------------------


@PROFILE
@given(histories(symptoms=False, min_days=35, present_site=True), st.data())
def test_p1_thinning_never_reassures(days: list[DayLog], data: st.DataObject) -> None:
    """A site whose every remaining check shows bumps over ≥ 4 weeks is never read as `none`: it persists (or is
    stale, improving, worsening) with a persisting reason, which says how few checks there were when few."""
    GENERATED["P1 thinning never reassures"] += 1
    site = days[0].observations[0].site
    checked = [d.date for d in days if any(o.site == site for o in d.observations)]
    keep_inner = (
        data.draw(st.sets(st.sampled_from(checked[1:-1]), max_size=len(checked))) if len(checked) > 2 else set()
    )
    kept = {checked[0], checked[-1], *keep_inner}
    thinned = [d for d in days if d.date in kept or not any(o.site == site for o in d.observations)]
    thinned = [
        d if d.date in kept else d._replace(observations=tuple(o for o in d.observations if o.site != site))
        for d in thinned
    ]
    result = run(thinned)
    summary = {s.site: s for s in result.sites}[site]
    assert result.recommendation.level != "none"
    assert "nothing" not in result.recommendation.headline.lower()
    assert summary.status in ("persisting", "stale", "improving", "worsening")
    persisting = [r for r in result.recommendation.reasons if r.site == site and r.code.startswith("persisting")]
    assert persisting, [r.code for r in result.recommendation.reasons]
    if len(kept) < result.thresholds.min_checked_days:
        assert f"of {len(kept)} checks since" in persisting[0].message and "few checks" in persisting[0].message


# --- P2: more evidence of harm never lowers the level ----------------------------------------------------------


@PROFILE
@given(histories(), st.integers(1, 6), st.integers(1, 5), st.data())
def test_p2_raising_the_last_checks_never_lowers_the_level(
    days: list[DayLog], k: int, by: int, data: st.DataObject
) -> None:
    GENERATED["P2a raising the last k checks"] += 1
    site = data.draw(st.sampled_from(sorted({o.site for d in days for o in d.observations})))
    last_k = [date for date, o in checks_of(days, site) if o.count > 0][-k:]
    raised = days
    for date in last_k:
        obs = next(o for d in raised if d.date == date for o in d.observations if o.site == site)
        raised = replace_obs(raised, date, site, count=obs.count + by)
    assert level(run(raised)) >= level(run(days))


@PROFILE
@given(histories(), st.data())
def test_p2_adding_a_red_flag_never_lowers_the_level(days: list[DayLog], data: st.DataObject) -> None:
    GENERATED["P2b adding a red flag"] += 1
    date, obs = data.draw(st.sampled_from([(d.date, o) for d in days for o in d.observations]))
    kind = data.draw(st.sampled_from(["bleeding", "spreading", "pain"]))
    value: object = True if kind != "pain" else data.draw(st.integers(4, 10))
    before, after = run(days), run(replace_obs(days, date, obs.site, **{kind: value}))
    assert level(after) >= level(before)
    if (days[-1].date - date).days < 14:
        assert after.recommendation.level == "urgent"


@PROFILE
@given(histories(symptoms=False, present_site=True), st.integers(1, 30))
def test_p2_extending_a_persisting_run_never_lowers_the_level(days: list[DayLog], extra: int) -> None:
    GENERATED["P2c extending a persisting run"] += 1
    # The run's own site only: other sites' reasons rightly age as the window's end moves on (a red flag 14 days
    # old is no longer urgent), which is time passing, not more evidence.
    site = days[0].observations[0].site
    count = checks_of(days, site)[-1][1].count
    steady = [
        d._replace(observations=tuple(o._replace(count=count) for o in d.observations if o.site == site)) for d in days
    ]
    last = steady[-1].date
    longer = steady + [
        DayLog(last + dt.timedelta(days=i), (SiteObservation(site, count),)) for i in range(1, extra + 1)
    ]
    before, after = run(steady), analyse(longer, steady[0].date, longer[-1].date)
    assert level(after) >= level(before)


# --- P3: a red flag is never lost ----------------------------------------------------------------------------------


def oracle_flags(days: list[DayLog]) -> set[tuple[dt.date, str, str]]:
    """The red-flag rules written again, plainly, from DOMAIN.md (symptom kinds only)."""
    found = set()
    for site in {o.site for d in days for o in d.observations}:
        checks = checks_of(days, site)
        for date, o in checks:
            near = [x for d, x in checks if d != date and abs((d - date).days) <= 6]
            if o.bleeding:
                found.add((date, site, "bleeding"))
            if o.spreading:
                found.add((date, site, "spreading"))
            if o.pain >= 4 or (o.pain >= 3 and o.redness) or (o.pain >= 2 and any(x.pain >= 2 for x in near)):
                found.add((date, site, "pain"))
            if o.redness and ((o.pain >= 3) or any(x.redness for x in near)):
                found.add((date, site, "redness"))
    return found


@PROFILE
@given(histories())
def test_p3_a_red_flag_is_never_lost(days: list[DayLog]) -> None:
    """Every red-flag day of the window is in `red_flags`, and no other symptom day is; the level is urgent
    exactly when one lies in the last 14 days (no visit in these histories)."""
    GENERATED["P3 a red flag is never lost"] += 1
    result = run(days)
    listed = {(f.date, f.site, f.kind) for f in result.red_flags if f.kind != "fast_change"}
    assert listed == oracle_flags(days)
    end = days[-1].date
    recent = any((end - f.date).days < 14 for f in result.red_flags)
    assert (result.recommendation.level == "urgent") == recent


# --- P4: slight, single events never alarm --------------------------------------------------------------------------


@PROFILE
@given(histories(symptoms=False), st.data())
def test_p4_slight_single_events_never_alarm(days: list[DayLog], data: st.DataObject) -> None:
    GENERATED["P4 slight single events never alarm"] += 1
    date, obs = data.draw(st.sampled_from([(d.date, o) for d in days for o in d.observations]))
    redness = data.draw(st.booleans())
    pain = data.draw(st.integers(0, 2 if redness else 3))
    if not pain and not redness:
        redness = True
    before, after = run(days), run(replace_obs(days, date, obs.site, pain=pain, redness=redness))
    assert after.red_flags == before.red_flags
    assert (after.recommendation.level == "urgent") == (before.recommendation.level == "urgent")
    assert level(after) <= max(level(before), LEVEL_ORDER["consider"])


# --- P5: a visit ends the nudge, not the vigilance -------------------------------------------------------------------


@PROFILE
@given(histories(), st.integers(0, 20))
def test_p5_a_visit_ends_the_nudge_not_the_vigilance(days: list[DayLog], review_in: int) -> None:
    GENERATED["P5 a visit ends the nudge, not the vigilance"] += 1
    end = days[-1].date
    before = run(days)
    seen = run(days, visits=(Visit(end, "visited", plan="as planned"),))
    # Nothing was logged after the visit: no advice, whatever came before; every red flag stays listed.
    assert seen.recommendation.level == "none"
    assert seen.recommendation.headline.startswith("Seen by a dermatologist on")
    assert seen.red_flags == before.red_flags
    # A red flag after the visit: urgent.
    site = days[-1].observations[0].site if days[-1].observations else SITES[0]
    later = [*days, DayLog(end + dt.timedelta(days=1), (SiteObservation(site, 1, bleeding=True),))]
    after = run(later, visits=(Visit(end, "visited"),))
    assert after.recommendation.level == "urgent"
    # The review date passing advises again.
    review = end + dt.timedelta(days=review_in)
    due = analyse(days, days[0].date, review, visits=(Visit(end, "visited", review_on=review),))
    assert due.recommendation.level in ("consider", "book")


# --- P6: every site with bumps in the range is reported --------------------------------------------------------------


@PROFILE
@given(histories(), st.integers(0, 40))
def test_p6_every_site_with_bumps_is_reported(days: list[DayLog], later: int) -> None:
    """Cleared and stale sites included, with since when (first seen), peak count and date, and last state."""
    GENERATED["P6 every site with bumps is reported"] += 1
    end = days[-1].date + dt.timedelta(days=later)
    result = run(days, end=end)
    sites = {s.site: s for s in result.sites}
    for site in {o.site for d in days for o in d.observations if o.count > 0}:
        checks = checks_of(days, site)
        present = [(d, o.count) for d, o in checks if o.count > 0]
        summary = sites[site]
        assert summary.first_seen == present[0][0] and summary.last_seen == present[-1][0]
        assert summary.peak_count == max(c for _, c in present)
        assert summary.peak_date == next(d for d, c in present if c == summary.peak_count)
        assert summary.latest_count == checks[-1][1].count and summary.last_checked == checks[-1][0]


# --- P7: one odd value never makes fast change -------------------------------------------------------------------


@PROFILE
@given(st.integers(10, 60), st.integers(0, 59), st.floats(6, 30), st.integers(1, 8), st.integers(15, 35))
def test_p7_a_one_day_outlier_never_drives_fast_change(length: int, at: int, mm: float, count: int, spike: int) -> None:
    GENERATED["P7 one-day outlier"] += 1
    at = at % length
    days = [
        DayLog(
            BASE + dt.timedelta(days=i),
            (SiteObservation("left_top", spike if i == at else count, mm if i == at else 2.0),),
        )
        for i in range(length)
    ]
    result = run(days)
    assert not [f for f in result.red_flags if f.kind == "fast_change"]
    assert result.recommendation.level != "urgent"


# --- R4: recurrence named ---------------------------------------------------------------------------------------------


@PROFILE
@given(st.integers(3, 30), st.integers(3, 25), st.integers(1, 20))
def test_recurrence_is_named_with_its_clear_spell(first: int, clear: int, back: int) -> None:
    GENERATED["R4 recurrence named"] += 1
    counts = [3] * first + [0] * clear + [2] * back
    days = [DayLog(BASE + dt.timedelta(days=i), (SiteObservation("left_top", c),)) for i, c in enumerate(counts)]
    result = run(days)
    reason = next(r for r in result.recommendation.reasons if r.code == "recurred")
    assert reason.evidence["clear_from"] == BASE + dt.timedelta(days=first)
    assert reason.evidence["came_back"] == BASE + dt.timedelta(days=first + clear)
    assert LEVEL_ORDER[result.recommendation.level] >= LEVEL_ORDER["consider"]


def test_the_profile_is_bounded_and_derandomized() -> None:
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        assert PROFILE.derandomize and PROFILE.max_examples <= 30
    assert dataclasses.is_dataclass(TimelineResult)
