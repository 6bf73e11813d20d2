"""Table-driven cases of the pure timeline analysis: statuses, rules, gaps, returns, thresholds."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import pytest

from footlog.timeline.analysis import SEEK_CARE, Thresholds, analyse
from tests.timeline.builders import day, days

H, T = "left_heel", "right_toes"
DAILY_CARE = "y" * 60
# 7 of every 10 days: exactly 70 % care adherence.
SEVENTY = "yyyyyyynnn" * 6
HALF_CARE = "yn" * 30


@dataclass
class Case:
    name: str
    sites: dict[str, str]
    status: dict[str, str]
    level: str
    codes: set[str]
    care: str = ""
    trigger: str = ""
    extra: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    thresholds: dict[str, Any] = field(default_factory=dict)
    trend: dict[str, str] = field(default_factory=dict)
    since: dict[str, int | None] = field(default_factory=dict)  # site -> day offset of the episode start

    def run(self):  # type: ignore[no-untyped-def]
        logs = days(self.sites, care=self.care[: self.length], trigger=self.trigger, extra=self.extra)
        return analyse(logs, day(0), day(self.length - 1), Thresholds(**self.thresholds))

    @property
    def length(self) -> int:
        return max(len(p) for p in self.sites.values())


CASES = [
    # --- statuses ---------------------------------------------------------------------------------------------
    Case("all_checks_clear_is_clear", {H: "0" * 10}, {H: "clear"}, "none", set(), since={H: None}),
    Case("bumps_for_a_few_days_are_new", {H: "0000033333"}, {H: "new"}, "none", set(), since={H: 5}),
    Case(
        "bumps_on_every_day_for_4_weeks_persist_and_consider",
        {H: "3" * 30},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
        trend={H: "steady"},
    ),
    Case("27_days_is_not_yet_4_weeks", {H: "3" * 27}, {H: "new"}, "none", set()),
    Case("28_days_is_4_weeks", {H: "3" * 28}, {H: "persisting"}, "consider", {"persisting"}),
    Case(
        "falling_counts_are_improving",
        {H: "8888888" + "3333333"},
        {H: "improving"},
        "none",
        set(),
        trend={H: "falling"},
    ),
    Case(
        "rising_counts_over_two_weeks_are_worsening_and_book",
        {H: "2222222" + "5555555"},
        {H: "worsening"},
        "book",
        {"rising"},
        trend={H: "rising"},
    ),
    Case(
        "rising_size_with_steady_counts_is_worsening",
        {H: "3" * 14},
        {H: "worsening"},
        "book",
        {"rising"},
        extra={
            **{(H, i): {"largest_mm": 1.0} for i in range(7)},
            **{(H, i): {"largest_mm": 1.6} for i in range(7, 14)},
        },
        trend={H: "rising"},
    ),
    Case("small_wobble_is_steady", {H: "3434343" + "4343434"}, {H: "new"}, "none", set(), trend={H: "steady"}),
    Case("latest_check_clear_makes_the_site_clear", {H: "3" * 30 + "0"}, {H: "clear"}, "none", set(), since={H: None}),
    # --- the "most days" share and persistence with care ----------------------------------------------------
    Case("bumps_on_half_the_days_are_not_most_days", {H: "03" * 15}, {H: "new"}, "none", set()),
    Case("bumps_on_two_thirds_of_days_persist", {H: "033" * 10}, {H: "persisting"}, "consider", {"persisting"}),
    Case(
        "six_weeks_with_daily_care_books",
        {H: "3" * 45},
        {H: "persisting"},
        "book",
        {"persisting_despite_care"},
        care=DAILY_CARE,
    ),
    Case(
        "six_weeks_with_exactly_70_percent_care_books",
        {H: "3" * 50},
        {H: "persisting"},
        "book",
        {"persisting_despite_care"},
        care=SEVENTY,
    ),
    Case(
        "six_weeks_with_half_the_care_only_considers",
        {H: "3" * 45},
        {H: "persisting"},
        "consider",
        {"persisting"},
        care=HALF_CARE,
    ),
    Case(
        "six_weeks_without_any_care_logged_only_considers", {H: "3" * 45}, {H: "persisting"}, "consider", {"persisting"}
    ),
    Case(
        "trigger_steps_do_not_count_as_care",
        {H: "3" * 45},
        {H: "persisting"},
        "consider",
        {"persisting"},
        trigger="y" * 45,
    ),
    Case(
        "41_days_with_care_is_not_yet_6_weeks",
        {H: "3" * 41},
        {H: "persisting"},
        "consider",
        {"persisting"},
        care=DAILY_CARE,
    ),
    Case(
        "six_weeks_with_care_but_falling_counts_only_considers",
        {H: "5" * 38 + "2" * 7},
        {H: "improving"},
        "consider",
        {"persisting"},
        care=DAILY_CARE,
        trend={H: "falling"},
    ),
    # --- gaps in logging: unknown, never clear ----------------------------------------------------------------
    Case(
        "unlogged_days_do_not_break_an_episode",
        {H: "33..33..33..33..33..33..33..3"},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    Case("sparse_logging_is_not_enough_evidence", {H: "3......3......3......3......3"}, {H: "new"}, "none", set()),
    Case(
        "unlogged_days_between_zeros_do_not_add_up_to_a_clear_streak",
        {H: "3" * 20 + "0....0" + "3" * 10},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    Case(
        "a_site_left_out_of_an_entry_is_unchecked_not_clear",
        {H: "3" * 30, T: "3" + "-" * 29},
        {H: "persisting", T: "new"},
        "consider",
        {"persisting"},
        since={T: 0},
    ),
    # --- a site that clears and returns -----------------------------------------------------------------------
    Case(
        "a_site_that_clears_and_returns_starts_a_new_episode",
        {H: "3" * 20 + "000" + "3" * 10},
        {H: "new"},
        "none",
        set(),
        since={H: 23},
    ),
    Case(
        "one_clear_day_does_not_end_an_episode",
        {H: "3" * 20 + "0" + "3" * 10},
        {H: "persisting"},
        "consider",
        {"persisting"},
        since={H: 0},
    ),
    # --- red flags and symptoms -------------------------------------------------------------------------------
    Case(
        "fast_rise_in_counts_is_a_red_flag",
        {H: "2222222" + "9999999"},
        {H: "worsening"},
        "book",
        {"red_flag_fast_change"},
    ),
    Case(
        "fast_growth_in_size_is_a_red_flag",
        {H: "3" * 14},
        {H: "worsening"},
        "book",
        {"red_flag_fast_change"},
        extra={
            **{(H, i): {"largest_mm": 1.0} for i in range(7)},
            **{(H, i): {"largest_mm": 3.5} for i in range(7, 14)},
        },
    ),
    Case("pain_once_is_a_red_flag", {H: "3" * 10}, {H: "new"}, "book", {"red_flag_pain"}, extra={(H, 8): {"pain": 2}}),
    Case(
        "redness_once_is_a_red_flag",
        {H: "3" * 10},
        {H: "new"},
        "book",
        {"red_flag_redness"},
        extra={(H, 9): {"redness": True}},
    ),
    Case("pain_long_ago_is_not_a_red_flag_now", {H: "3" * 25}, {H: "new"}, "none", set(), extra={(H, 2): {"pain": 4}}),
    Case("itch_on_one_day_is_no_reason", {H: "3" * 10}, {H: "new"}, "none", set(), extra={(H, 9): {"itch": 3}}),
    Case(
        "itch_on_two_days_within_a_week_books",
        {H: "3" * 10},
        {H: "new"},
        "book",
        {"symptoms_recurring"},
        extra={(H, 5): {"itch": 3}, (H, 9): {"itch": 2}},
    ),
    Case(
        "itch_on_two_days_eight_days_apart_is_no_reason",
        {H: "3" * 12},
        {H: "new"},
        "none",
        set(),
        extra={(H, 2): {"itch": 3}, (H, 11): {"itch": 2}},
    ),
    Case(
        "pain_on_two_days_is_a_red_flag_and_recurring",
        {H: "3" * 10},
        {H: "new"},
        "book",
        {"red_flag_pain", "symptoms_recurring"},
        extra={(H, 7): {"pain": 1}, (H, 9): {"pain": 1}},
    ),
    Case(
        "bumps_at_a_site_that_was_clear_are_spreading",
        {H: "3" * 30, T: "0" * 20 + "-----" + "22222"},
        {H: "persisting", T: "new"},
        "book",
        {"persisting", "red_flag_spreading"},
    ),
    Case(
        "sites_seen_from_the_first_day_are_not_spreading",
        {H: "3" * 10, T: "2" * 10},
        {H: "new", T: "new"},
        "none",
        set(),
    ),
    # --- thresholds the user changed -------------------------------------------------------------------------
    Case(
        "shorter_consider_threshold_considers_earlier",
        {H: "3" * 20},
        {H: "persisting"},
        "consider",
        {"persisting"},
        thresholds={"consider_after_days": 14},
    ),
    Case(
        "stricter_care_threshold_keeps_it_at_consider",
        {H: "3" * 50},
        {H: "persisting"},
        "consider",
        {"persisting"},
        care=SEVENTY,
        thresholds={"care_adherence_min": 0.9},
    ),
    Case(
        "three_symptom_days_needed_when_configured",
        {H: "3" * 10},
        {H: "new"},
        "none",
        set(),
        extra={(H, 5): {"itch": 3}, (H, 9): {"itch": 2}},
        thresholds={"symptom_days": 3},
    ),
    Case(
        "lower_most_days_ratio_accepts_half_the_days",
        {H: "03" * 15},
        {H: "persisting"},
        "consider",
        {"persisting"},
        thresholds={"most_days_ratio": 0.5},
    ),
    Case(
        "longer_clear_streak_keeps_the_episode_going",
        {H: "3" * 20 + "000" + "3" * 10},
        {H: "persisting"},
        "consider",
        {"persisting"},
        thresholds={"clear_streak": 4},
        since={H: 0},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_analysis_case(case: Case) -> None:
    result = case.run()
    statuses = {s.site: s.status for s in result.sites}
    assert statuses == case.status
    assert result.recommendation.level == case.level
    assert {r.code for r in result.recommendation.reasons} == case.codes
    by_site = {s.site: s for s in result.sites}
    for site, trend in case.trend.items():
        assert by_site[site].trend == trend
    for site, offset in case.since.items():
        assert by_site[site].since == (None if offset is None else day(offset))


def test_there_are_at_least_25_table_cases() -> None:
    assert len(CASES) >= 25


@pytest.mark.parametrize("case", [c for c in CASES if c.codes], ids=lambda c: c.name)
def test_every_reason_names_its_evidence(case: Case) -> None:
    for reason in case.run().recommendation.reasons:
        assert reason.since is not None
        assert reason.evidence
        assert reason.site or reason.code in {"symptoms_recurring"} or "sites" in reason.evidence
        if reason.red_flag:
            assert SEEK_CARE in reason.message
        assert "diagnos" not in reason.message.lower()


def test_red_flags_come_first() -> None:
    case = next(c for c in CASES if c.name == "bumps_at_a_site_that_was_clear_are_spreading")
    reasons = case.run().recommendation.reasons
    assert reasons[0].red_flag and not reasons[-1].red_flag


def test_thresholds_are_independent_of_defaults() -> None:
    # Guards the table above: changing a default must not silently keep the threshold cases passing.
    assert dataclasses.replace(Thresholds(), consider_after_days=14) != Thresholds()
