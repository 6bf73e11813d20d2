"""Realistic histories and what a careful dermatologist would want said about them.

Each case states the expectation first (status per site, level, the reasons' codes), then the analysis must
agree. Messy logging is part of the table: gaps, a single zero, noisy counts, a size typo, a user who never
ticks the routine, a sparse logger.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pytest

from footlog.timeline.analysis import LEVEL_TEXT, SEEK_CARE, Thresholds, TimelineResult, Visit, analyse
from tests.timeline.builders import day, days

H, T = "left_heel", "right_toes"
LA, RA = "left_ankle_inner", "right_ankle_inner"


def digits(counts: list[int]) -> str:
    """A site pattern from counts (0-35)."""
    return "".join(str(c) if c < 10 else chr(ord("a") + c - 10) for c in counts)


def sizes(site: str, values: list[float], first: int = 0) -> dict[tuple[str, int], dict[str, Any]]:
    return {(site, first + i): {"largest_mm": v} for i, v in enumerate(values)}


def at(site: str, *offsets: int, **fields: Any) -> dict[tuple[str, int], dict[str, Any]]:
    return {(site, i): dict(fields) for i in offsets}


# Care the user means to do, kept about 6 days in 7 (86 %).
KEPT = "yyyyyyn"


def daily_care(length: int, pattern: str = KEPT) -> dict[str, str]:
    return {step: (pattern * length)[:length] for step in ("wash", "moisturise", "sock_change")}


SLOW_RISE = digits([round(2 + 8 * i / 69) for i in range(70)])  # 2 → 10 over 10 weeks
SLOW_FALL = digits([round(9 - 6 * i / 48) for i in range(49)])  # 9 → 3 over 7 weeks
NOISY_FLAT = "3435243534" * 3  # counts wobbling by ±1-2 around 3-4


@dataclass
class Case:
    name: str
    sites: dict[str, str]
    status: dict[str, str]
    level: str
    codes: set[str]
    care: str = ""
    routine: dict[str, str] = field(default_factory=dict)
    extra: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    thresholds: dict[str, Any] = field(default_factory=dict)
    trend: dict[str, str] = field(default_factory=dict)
    since: dict[str, int | None] = field(default_factory=dict)  # site -> day offset of the episode start
    end: int | None = None  # day offset of the window's last day (default: the last day logged)
    flags: list[str] | None = None  # kinds in red_flags, in order
    says: tuple[str, ...] = ()  # fragments some reason's message must contain
    visits: list[Visit] = field(default_factory=list)
    headline: str | None = None  # the patient's headline, when the case pins it

    def run(self) -> TimelineResult:
        logs = days(self.sites, care=self.care, routine=self.routine, extra=self.extra)
        end = self.end if self.end is not None else self.length - 1
        return analyse(logs, day(0), day(end), Thresholds(**self.thresholds), visits=self.visits)

    @property
    def length(self) -> int:
        return max(len(p) for p in [*self.sites.values(), *self.routine.values()])


def on(offsets: list[int], char: str = "3", length: int | None = None, rest: str = ".") -> str:
    """A site pattern with `char` on the given day offsets and `rest` elsewhere."""
    size = length if length is not None else max(offsets) + 1
    return "".join(char if i in offsets else rest for i in range(size))


TOP, RTOP = "left_top", "right_top"
SPARSE_DAYS = [0, 14, 21, 42, 49, 65, 79]  # 14 Sep, 28 Sep, 5 Oct, 26 Oct, 2 Nov, 18 Nov, 2 Dec in the issue


CASES = [
    # --- episodes: when bumps are there, when they are gone --------------------------------------------------
    Case("all_checks_clear_is_clear", {H: "0" * 10}, {H: "clear"}, "none", set(), since={H: None}),
    Case("bumps_for_a_few_days_are_new", {H: "0000033333"}, {H: "new"}, "none", set(), since={H: 5}),
    Case(
        "four_weeks_every_day_persist_and_consider",
        {H: "3" * 30},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
        trend={H: "steady"},
    ),
    Case("27_days_is_not_yet_4_weeks", {H: "3" * 27}, {H: "new"}, "none", set()),
    Case(
        "one_zero_after_8_weeks_of_faithful_care_keeps_book",
        {H: "3" * 56 + "0"},
        {H: "persisting"},
        "book",
        {"persisting_despite_care"},
        routine=daily_care(57),
        since={H: 0},
    ),
    Case(
        "one_zero_inside_an_episode_keeps_it",
        {H: "3" * 20 + "0" + "3" * 15},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    Case(
        "two_clear_checks_are_not_yet_clear",
        {H: "3" * 30 + "00"},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    Case("three_clear_checks_clear_the_site", {H: "3" * 30 + "000"}, {H: "clear"}, "none", set(), since={H: None}),
    Case(
        # Changed by issue 21 item 5: a return after a clear spell is named (`recurred`, consider).
        "a_return_after_clearing_is_a_new_episode_linked_to_the_first",
        {H: "3" * 10 + "000" + "3" * 10},
        {H: "new"},
        "consider",
        {"recurred"},
        since={H: 13},
        says=("came back on 14 Jan 2026 after a clear spell (clear 11–13 Jan 2026, 3 clear checks)",),
    ),
    Case(
        "unlogged_gaps_do_not_break_an_episode",
        {H: "3" * 10 + "." * 10 + "3" * 10},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    Case("bumps_on_half_the_days_are_not_most_days", {H: "03" * 15}, {H: "new"}, "none", set()),
    # --- stale: nothing is claimed about a site not looked at -----------------------------------------------
    Case(
        "not_checked_for_three_weeks_is_stale_and_past_tense",
        {H: "3" * 40},
        {H: "stale"},
        "consider",
        {"persisting", "not_checked"},
        end=60,
        says=("as of 9 Feb 2026", "not been checked since 9 Feb 2026"),
    ),
    Case(
        "not_checked_for_120_days_is_stale",
        {H: "3" * 40},
        {H: "stale"},
        "consider",
        {"persisting", "not_checked", "sparse_logging"},
        end=159,
    ),
    Case(
        "clear_site_not_checked_lately_is_stale_too",
        {H: "0" * 10},
        {H: "stale"},
        "none",
        {"sparse_logging"},
        end=30,
    ),
    # --- trend: slow change counts, one odd value does not ---------------------------------------------------
    Case(
        "slow_rise_from_2_to_10_over_10_weeks_is_worsening",
        {H: SLOW_RISE},
        {H: "worsening"},
        "book",
        {"persisting", "rising"},
        trend={H: "rising"},
    ),
    Case(
        "falling_counts_are_improving",
        {H: "88887777655443"},
        {H: "improving"},
        "none",
        set(),
        trend={H: "falling"},
    ),
    Case(
        "six_weeks_with_care_but_falling_stays_consider",
        {H: SLOW_FALL},
        {H: "improving"},
        "consider",
        {"persisting"},
        routine=daily_care(49, "y"),
        says=("counts fell",),
    ),
    Case(
        "noisy_flat_counts_are_steady",
        {H: NOISY_FLAT},
        {H: "persisting"},
        "consider",
        {"persisting"},
        trend={H: "steady"},
    ),
    Case(
        "a_size_typo_on_the_last_day_raises_nothing",
        {H: "3" * 20},
        {H: "new"},
        "none",
        set(),
        extra={**sizes(H, [1.0] * 19 + [3.5])},
        trend={H: "steady"},
        flags=[],
    ),
    Case(
        "a_size_typo_mid_way_raises_nothing",
        {H: "3" * 20},
        {H: "new"},
        "none",
        set(),
        extra={**sizes(H, [1.0] * 10 + [3.5] + [1.0] * 9)},
        flags=[],
    ),
    Case(
        "real_growth_from_1_to_3_5_mm_over_10_days_is_fast_change",
        {H: "3" * 11},
        {H: "worsening"},
        "urgent",
        {"red_flag_fast_change", "rising"},
        extra=sizes(H, [1 + 0.25 * i for i in range(11)]),
        says=("the largest size 1.25 → 3.25 mm in 8 days, 2–10 Jan 2026",),  # wording changed by issue 21 item 8
    ),
    Case(
        "weekly_logger_rising_from_2_to_10_over_10_weeks_is_worsening",
        {H: "......".join(digits([c]) for c in [2, 3, 4, 5, 5, 6, 7, 8, 9, 10])},
        {H: "worsening"},
        "book",
        {"persisting", "rising", "sparse_logging"},
        trend={H: "rising"},
    ),
    Case(
        "four_rising_counts_on_four_days_are_not_yet_a_trend",
        {H: "3467"},
        {H: "new"},
        "none",
        set(),
        trend={H: "steady"},
    ),
    Case(
        "growth_of_exactly_2_mm_across_checks_is_fast_change",
        {H: "333333"},
        {H: "new"},
        "urgent",
        {"red_flag_fast_change"},
        extra=sizes(H, [1.3, 1.3, 1.3, 3.3, 3.3, 3.3]),
        says=("1.3 → 3.3 mm in 1 day, 3–4 Jan 2026",),  # wording changed by issue 21 item 8
    ),
    # --- red flags: a safety floor ----------------------------------------------------------------------------
    Case(
        "pain_7_with_redness_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_pain", "red_flag_redness"},
        extra=at(H, 9, pain=7, redness=True),
        flags=["pain", "redness"],
    ),
    Case(
        "pain_6_with_redness_16_days_ago_still_books",
        {H: "3" * 30},
        {H: "persisting"},
        "book",
        {"red_flag_earlier", "persisting"},
        extra=at(H, 13, pain=6, redness=True),
        flags=["pain", "redness"],
        says=("16 days before",),
    ),
    Case(
        "a_red_flag_100_days_ago_is_listed_only",
        {H: "3" * 10 + "0" * 110},
        {H: "clear"},
        "none",
        set(),
        extra=at(H, 5, pain=6),
        flags=["pain"],
    ),
    Case("pain_4_alone_is_urgent", {H: "3" * 10}, {H: "new"}, "urgent", {"red_flag_pain"}, extra=at(H, 9, pain=4)),
    Case(
        "slight_pain_once_is_worth_noting_not_an_alarm",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra=at(H, 8, pain=1),
        flags=[],
    ),
    Case(
        "slight_pain_on_two_days_in_a_week_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_pain"},
        extra=at(H, 3, 8, pain=2),
        flags=["pain", "pain"],
    ),
    Case(
        "slight_pain_eight_days_apart_is_two_single_days",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra=at(H, 1, 9, pain=2),
    ),
    Case(
        "redness_once_is_worth_noting",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra=at(H, 9, redness=True),
    ),
    Case(
        "redness_on_two_days_in_a_week_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_redness"},
        extra=at(H, 5, 9, redness=True),
    ),
    Case(
        "pain_and_redness_at_different_sites_are_single_days",
        {H: "3" * 10, T: "2" * 10},
        {H: "new", T: "new"},
        "consider",
        {"symptom_once"},
        extra={**at(H, 9, pain=2), **at(T, 9, redness=True)},
    ),
    Case(
        "bleeding_once_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_bleeding"},
        extra=at(H, 9, bleeding=True),
    ),
    Case(
        "spreading_ticked_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_spreading"},
        extra=at(H, 9, spreading=True),
    ),
    Case("itch_1_on_two_days_is_no_reason", {H: "3" * 10}, {H: "new"}, "none", set(), extra=at(H, 7, 8, itch=1)),
    Case(
        "itch_5_on_two_days_in_a_week_is_consider",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"itch_recurring"},
        extra=at(H, 6, 9, itch=5),
    ),
    Case(
        "itch_alone_never_goes_above_consider",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"itch_recurring"},
        extra=at(H, *range(10), itch=9),
    ),
    # --- care measured against intent --------------------------------------------------------------------------
    Case(
        "faithful_care_with_exfoliation_twice_a_week_books",
        {H: "3" * 49},
        {H: "persisting"},
        "book",
        {"persisting_despite_care"},
        routine={**daily_care(49, "y"), "exfoliate": "ynnnynn" * 7, "sunscreen": "n" * 49},
        says=("100% of what was planned",),  # issue 21 item 8: no "you" in a text the clinician reads
    ),
    Case(
        "routine_never_ticked_is_not_recorded_not_zero",
        {H: "3" * 49},
        {H: "persisting"},
        "consider",
        {"persisting"},
        says=("routine not recorded",),
    ),
    Case(
        "care_kept_half_the_time_stays_consider",
        {H: "3" * 49},
        {H: "persisting"},
        "consider",
        {"persisting"},
        routine=daily_care(49, "yn"),
    ),
    # --- triggers and new sites ---------------------------------------------------------------------------------
    Case(
        "new_product_two_days_before_bumps_at_both_ankles_is_mentioned",
        {LA: "0" * 12 + "2" * 6, RA: "0" * 12 + "2" * 6},
        {LA: "new", RA: "new"},
        "consider",
        {"trigger_before_onset"},
        routine={"new_product": "n" * 10 + "y" + "n" * 7},
        says=("2 days before bumps were logged at Left inner ankle", "Worth mentioning at a visit"),
    ),
    Case(
        "a_trigger_first_marked_the_day_bumps_appear_is_not_before_them",
        {H: "0" * 12 + "2" * 6},
        {H: "new"},
        "none",
        set(),
        routine={"new_product": "n" * 12 + "y" + "n" * 5},
    ),
    Case(
        "a_trigger_worn_for_weeks_before_is_not_an_onset",
        {H: "0" * 12 + "2" * 6},
        {H: "new"},
        "none",
        set(),
        routine={"tight_footwear": "y" * 18},
    ),
    Case(
        "one_bump_at_a_heel_months_after_another_site_cleared_is_not_spreading",
        {T: "3" * 20 + "0" * 100, H: "0" * 119 + "1"},
        {T: "clear", H: "new"},
        "none",
        set(),
    ),
    Case(
        "bumps_at_a_site_shown_clear_while_another_persists_is_a_new_site",
        {H: "3" * 40, T: "0" * 35 + "22222"},
        {H: "persisting", T: "new"},
        "consider",
        {"persisting", "new_site"},
    ),
    Case(
        "a_site_first_checked_late_is_not_a_new_site",
        {H: "3" * 40, T: "." * 35 + "22222"},
        {H: "persisting", T: "new"},
        "consider",
        {"persisting"},
    ),
    # --- coverage --------------------------------------------------------------------------------------------------
    Case(
        "sparse_logger_is_told_the_evidence_is_thin",
        {H: "3" + "......3" * 11},
        {H: "persisting"},
        "consider",
        {"persisting", "sparse_logging"},
        says=("12 of 78 days logged",),
    ),
    # --- the user's own thresholds ---------------------------------------------------------------------------------
    Case(
        "a_lower_consider_threshold_is_honoured",
        {H: "3" * 14},
        {H: "persisting"},
        "consider",
        {"persisting"},
        thresholds={"consider_after_days": 14},
    ),
    Case(
        "the_strictest_settings_cannot_silence_a_red_flag",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_pain"},
        extra=at(H, 9, pain=7),
        thresholds={"consider_after_days": 365, "book_after_days": 365, "rise_min_count": 200, "rise_min_mm": 30},
    ),
    # --- issue 21: histories footlog had never seen (expectations written before reading any output) ----------
    Case(
        "issue21_sparse_but_consistent_over_11_weeks_persists_and_considers",
        {TOP: on(SPARSE_DAYS, "3")},
        {TOP: "persisting"},
        "consider",
        {"persisting", "sparse_logging"},
        extra={(TOP, i): {"largest_mm": 2.0} for i in SPARSE_DAYS},
        says=("on 7 of 7 checks since 1 Jan 2026", "few checks: the picture may be incomplete"),
        headline="Worth mentioning to a dermatologist; keep logging.",
    ),
    Case(
        "issue21_sparse_but_consistent_site_gone_unchecked_keeps_consider",
        {TOP: on([0, 15, 30], "4")},
        {TOP: "stale"},
        "consider",
        {"persisting", "not_checked", "sparse_logging"},
        end=52,
    ),
    Case(
        "issue21_pain_1_with_redness_after_pumice_on_a_clearing_site_is_a_note",
        {H: "3" * 10 + "0" * 14 + "0"},
        {H: "clear"},
        "consider",
        {"symptom_once"},
        extra=at(H, 24, pain=1, redness=True),
        flags=[],
    ),
    Case(
        "issue21_the_same_day_21_days_back_is_listed_only",
        {H: "3" * 10 + "0" * 14 + "0" + "0" * 21},
        {H: "clear"},
        "none",
        set(),
        extra=at(H, 24, pain=1, redness=True),
        flags=[],
        headline="Nothing in your log suggests booking a visit now.",
    ),
    Case(
        "issue21_pain_3_alone_on_one_day_is_a_note",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra=at(H, 9, pain=3),
        flags=[],
    ),
    Case(
        "issue21_pain_2_with_redness_on_one_day_is_a_note",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra=at(H, 9, pain=2, redness=True),
        flags=[],
    ),
    Case(
        "issue21_pain_3_with_redness_the_same_day_is_urgent",
        {H: "3" * 10},
        {H: "new"},
        "urgent",
        {"red_flag_pain", "red_flag_redness"},
        extra=at(H, 9, pain=3, redness=True),
        flags=["pain", "redness"],
    ),
    Case(
        "issue21_pain_2_then_pain_1_within_a_week_is_not_a_pair",
        {H: "3" * 10},
        {H: "new"},
        "consider",
        {"symptom_once"},
        extra={**at(H, 4, pain=2), **at(H, 8, pain=1)},
        flags=[],
    ),
    Case(
        "issue21_booked_then_visited_six_days_ago_gives_no_booking_advice",
        {TOP: "5" * 34 + "4433322"},
        {TOP: "persisting"},  # written "improving"; the (unchanged) Theil-Sen trend reads a late fall as steady
        "none",
        {"seen"},
        routine=daily_care(41),
        visits=[Visit(day(34), "booked"), Visit(day(34), "visited", plan="retinoid nightly")],
        says=("Seen by a dermatologist on 4 Feb 2026 (plan: retinoid nightly); since then: 5 → 2 at Left top of foot",),
        headline="Seen by a dermatologist on 4 Feb; nothing logged since suggests booking again.",
    ),
    Case(
        "issue21_bleeding_before_the_visit_stays_listed_but_is_not_urgent",
        {TOP: "3" * 40},
        {TOP: "persisting"},
        "none",
        {"seen", "red_flag_before_visit"},
        extra=at(TOP, 31, bleeding=True),
        visits=[Visit(day(34), "visited")],
        flags=["bleeding"],
        says=("before the visit on 4 Feb 2026",),
    ),
    Case(
        "issue21_a_red_flag_after_the_visit_is_urgent",
        {TOP: "3" * 40},
        {TOP: "persisting"},
        "urgent",
        {"seen", "red_flag_pain"},
        extra=at(TOP, 38, pain=5),
        visits=[Visit(day(34), "visited")],
    ),
    Case(
        "issue21_review_date_reached_with_bumps_since_books",
        {TOP: "3" * 60},
        {TOP: "persisting"},
        "book",
        {"seen", "review_due"},
        visits=[Visit(day(30), "visited", review_on=day(57))],
        says=("Review date reached: 27 Feb 2026",),
    ),
    Case(
        "issue21_review_date_reached_with_no_bumps_since_considers",
        {TOP: "3" * 30 + "0" * 30},
        {TOP: "clear"},
        "consider",
        {"seen", "review_due"},
        visits=[Visit(day(29), "visited", review_on=day(57))],
    ),
    Case(
        "issue21_a_rise_over_three_checks_after_the_visit_books_again",
        {TOP: "3" * 35 + "5677"},
        {TOP: "persisting"},  # written "worsening"; the whole-episode trend is steady, the rise since the visit is not
        "book",
        {"seen", "rising_since_visit"},
        visits=[Visit(day(34), "visited")],
        says=("went 3 → 7 over 4 checks",),
    ),
    Case(
        "issue21_a_new_site_after_the_visit_considers",
        {TOP: "3" * 40, RTOP: "0" * 36 + "2222"},
        {TOP: "persisting", RTOP: "new"},
        "consider",
        {"seen", "new_site"},
        visits=[Visit(day(34), "visited")],
    ),
    Case(
        "issue21_a_booked_visit_ahead_rests_the_advice",
        {TOP: "3" * 49},
        {TOP: "persisting"},
        "none",
        {"booked"},
        routine=daily_care(49),
        visits=[Visit(day(52), "booked")],
    ),
    Case(
        "issue21_a_booked_visit_long_past_rests_nothing",
        {TOP: "3" * 49},
        {TOP: "persisting"},
        "book",
        {"persisting_despite_care"},
        routine=daily_care(49),
        visits=[Visit(day(20), "booked")],
    ),
    Case(
        "issue21_recurrence_after_three_clear_weeks_is_named",
        {TOP: "3" * 14 + "0" * 21 + "3" * 5},
        {TOP: "new"},
        "consider",
        {"recurred"},
        says=("came back on 5 Feb 2026 after a clear spell (clear 15 Jan – 4 Feb 2026, 21 clear checks)",),
    ),
    Case(
        "issue21_a_30_mm_day_in_a_steady_2_mm_history_is_a_caveat_not_fast_change",
        {H: "3" * 20},
        {H: "new"},
        "none",
        {"one_day_outlier"},
        extra=sizes(H, [2.0] * 12 + [30.0] + [2.0] * 7),
        flags=[],
        says=("30 mm at Left heel on 13 Jan 2026 on one day only (usually about 2 mm there)",),
    ),
    Case(
        "issue21_fast_change_names_the_span_it_took",
        {H: "3" * 25 + "eee"},
        {H: "persisting"},  # written "worsening"; the (unchanged) Theil-Sen trend reads 3 late values as steady
        "urgent",
        {"red_flag_fast_change", "persisting"},
        says=("the count 3 → 14 in 1 day, 25–26 Jan 2026",),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_analysis_case(case: Case) -> None:
    result = case.run()
    assert {s.site: s.status for s in result.sites} == case.status
    assert result.recommendation.level == case.level
    assert {r.code for r in result.recommendation.reasons} == case.codes
    by_site = {s.site: s for s in result.sites}
    for site, trend in case.trend.items():
        assert by_site[site].trend == trend
    for site, offset in case.since.items():
        assert by_site[site].since == (None if offset is None else day(offset))
    if case.flags is not None:
        assert [f.kind for f in result.red_flags] == case.flags
    messages = " ".join(str(r.message) for r in result.recommendation.reasons)
    for fragment in case.says:
        assert fragment in messages
    if case.headline is not None:
        assert result.recommendation.headline == case.headline


def test_the_table_covers_at_least_30_histories() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", [c for c in CASES if c.codes], ids=lambda c: c.name)
def test_every_reason_names_its_evidence_and_its_level_wording(case: Case) -> None:
    for reason in case.run().recommendation.reasons:
        assert reason.evidence
        assert reason.site or reason.code in ("sparse_logging", "seen", "review_due", "booked")
        if reason.level == "urgent":
            assert reason.red_flag and reason.message.endswith(SEEK_CARE)
        elif reason.level in ("consider", "book") and reason.code != "trigger_before_onset":
            assert reason.message.endswith(LEVEL_TEXT[reason.level])


def test_a_red_flag_makes_the_headline_seek_care_promptly() -> None:
    result = next(c for c in CASES if c.name == "pain_7_with_redness_is_urgent").run()
    assert result.recommendation.headline == "Seek care promptly."
    assert result.recommendation.reasons[0].red_flag


def test_red_flags_come_first_then_the_strongest_level() -> None:
    logs = days({H: "3" * 40, T: "0" * 35 + "22222"}, extra=at(T, 39, bleeding=True))
    reasons = analyse(logs, day(0), day(39)).recommendation.reasons
    assert [r.code for r in reasons][:1] == ["red_flag_bleeding"]
    ranks = [("none", "consider", "book", "urgent").index(r.level) for r in reasons if not r.red_flag]
    assert ranks == sorted(ranks, reverse=True)


def test_a_single_zero_sends_no_new_nudge_worthy_change_of_level() -> None:
    # The level on each of the last days of an 8-week faithful-care history with one zero near its end.
    case = next(c for c in CASES if c.name == "one_zero_after_8_weeks_of_faithful_care_keeps_book")
    logs = days({H: "3" * 55 + "0" + "33"}, routine=daily_care(58))
    levels = [analyse(logs, day(0), day(end)).recommendation.level for end in range(50, 58)]
    assert case.level == "book" and set(levels) == {"book"}


def test_red_flags_list_every_event_in_the_window_whatever_its_age() -> None:
    logs = days({H: "3" * 120}, extra={**at(H, 2, pain=6), **at(H, 60, bleeding=True), **at(H, 119, pain=5)})
    result = analyse(logs, day(0), day(119))
    assert [(f.date, f.kind, f.value) for f in result.red_flags] == [
        (day(2), "pain", 6),
        (day(60), "bleeding", True),
        (day(119), "pain", 5),
    ]
    assert result.to_dict()["red_flags"][0] == {"date": "2026-01-03", "site": H, "kind": "pain", "value": 6}


def test_the_safety_floor_is_not_a_threshold() -> None:
    from footlog.timeline.analysis import FLOOR_FIELDS

    assert not set(FLOOR_FIELDS) & set(Thresholds().to_dict())
    with pytest.raises(TypeError):
        Thresholds(red_flag_window_days=1)  # type: ignore[call-arg]


def test_recurrences_and_first_onset_stay_linked() -> None:
    result = analyse(days({H: "3" * 10 + "000" + "3" * 5 + "0000" + "3" * 3}), day(0), day(24))
    site = result.sites[0]
    assert (site.first_onset, site.since, site.recurrences) == (day(0), day(22), 2)


def test_stale_duration_runs_to_the_last_check_never_past_it() -> None:
    result = analyse(days({H: "3" * 40}), day(0), day(60))
    persisting = next(r for r in result.recommendation.reasons if r.code == "persisting")
    assert persisting.evidence["span_days"] == 40
    assert result.sites[0].last_checked == day(39)


def test_care_adherence_is_null_when_no_routine_was_recorded() -> None:
    result = analyse(days({H: "3" * 10}), day(0), day(9))
    assert result.care_adherence is None
    assert result.to_dict()["care_adherence"] is None


def test_exfoliating_twice_a_week_scores_full_marks_and_sunscreen_is_not_scored() -> None:
    logs = days({H: "3" * 14}, routine={"exfoliate": "ynnnynn" * 2, "sunscreen": "n" * 14})
    result = analyse(logs, day(0), day(13))
    rows = {a.step: (a.done, a.logged, a.rate, a.target_per_week) for a in result.adherence}
    assert rows == {"exfoliate": (4, 14, 1.0, 2), "sunscreen": (0, 14, None, 0)}
    assert result.care_adherence == 1.0


def test_triggers_never_have_a_rate() -> None:
    result = analyse(days({H: "3333"}, trigger="yyny"), day(0), day(3))
    assert [(a.step, a.rate) for a in result.adherence] == [("tight_footwear", None)]


def test_coverage_counts_from_the_first_entry_ever() -> None:
    logs = days({H: "." * 30 + "3.3.3"})
    result = analyse(logs, day(0), day(34))
    assert result.coverage.window_days == 5 and result.coverage.logged_days == 3
    assert result.coverage.last_entry == day(34)
    later = analyse(logs, day(0), day(34), first_entry=day(-100))
    assert later.coverage.window_days == 35


def test_thresholds_are_independent_of_defaults() -> None:
    # Guards the table above: changing a default must not silently keep the threshold cases passing.
    assert dataclasses.replace(Thresholds(), consider_after_days=14) != Thresholds()


def test_a_short_window_still_lists_the_red_flag_its_level_rests_on() -> None:
    logs = days({H: "3" * 20}, extra=at(H, 14, pain=7))
    result = analyse(logs, day(19), day(19))
    assert result.recommendation.level == "urgent"
    assert [(f.date, f.kind, f.value) for f in result.red_flags] == [(day(14), "pain", 7)]


def test_an_urgent_pain_pair_names_both_days_even_across_the_14_day_line() -> None:
    logs = days({H: "3" * 15}, extra=at(H, 0, 6, pain=2))
    reasons = analyse(logs, day(0), day(14)).recommendation.reasons
    urgent = next(r for r in reasons if r.level == "urgent")
    assert "on 2 days from 1 Jan 2026 to 7 Jan 2026 (pain 2, 2 out of 10)" in urgent.message


def test_a_stale_site_after_two_zeros_names_its_last_bumps_not_its_last_check() -> None:
    result = analyse(days({H: "3" * 40 + "00"}), day(0), day(51))
    note = next(r for r in result.recommendation.reasons if r.code == "not_checked")
    assert "not been checked since 11 Feb 2026 (bumps last logged there on 9 Feb 2026)" in note.message


def test_sunscreen_alone_is_recorded_but_not_scored() -> None:
    result = analyse(days({H: "3" * 30}, routine={"sunscreen": "y" * 30}), day(0), day(29))
    persisting = next(r for r in result.recommendation.reasons if r.code == "persisting")
    assert "no care step with a weekly target was recorded" in persisting.message
    assert result.care_adherence is None


# Issue 21 (and issue 24 item 6): the red-flag windows, exactly. A red flag dated today or up to 13 days before is
# `urgent`; 14-89 days before, a `book` reason; 90 or more, listed only. An off-by-one either way fails here.
@pytest.mark.parametrize(
    ("days_ago", "level", "codes"),
    [
        (0, "urgent", {"red_flag_bleeding"}),
        (13, "urgent", {"red_flag_bleeding"}),
        (14, "book", {"red_flag_earlier"}),
        (15, "book", {"red_flag_earlier"}),
        (89, "book", {"red_flag_earlier"}),
        (90, "none", set()),
        (91, "none", set()),
    ],
)
def test_red_flag_windows_are_exact(days_ago: int, level: str, codes: set[str]) -> None:
    end = 120
    logs = days({H: "0" * (end + 1)}, extra=at(H, end - days_ago, bleeding=True))
    result = analyse(logs, day(0), day(end))
    assert result.recommendation.level == level
    assert {r.code for r in result.recommendation.reasons} == codes
    assert [(f.date, f.kind) for f in result.red_flags] == [(day(end - days_ago), "bleeding")]  # never lost


@pytest.mark.parametrize(("days_ago", "level"), [(0, "consider"), (13, "consider"), (14, "none"), (15, "none")])
def test_a_slight_symptom_is_a_consider_note_for_14_days_then_listed_only(days_ago: int, level: str) -> None:
    end = 40
    logs = days({H: "0" * (end + 1)}, extra=at(H, end - days_ago, pain=1, redness=True))
    result = analyse(logs, day(0), day(end))
    assert result.recommendation.level == level
    assert result.red_flags == ()
    assert [(n.date, n.pain, n.redness, n.recent) for n in result.slight_symptoms] == [
        (day(end - days_ago), 1, True, days_ago < 14)
    ]
