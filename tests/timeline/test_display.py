"""How the result's facts read on the page, in the PDF and on the share page (footlog.timeline.display)."""

from __future__ import annotations

import datetime as dt

import pytest

from footlog.timeline import display
from footlog.timeline.analysis import Coverage, RedFlag, SiteSummary

DAY = dt.date(2026, 11, 9)


@pytest.mark.parametrize(
    ("flag", "what"),
    [
        (RedFlag(DAY, "left_heel", "pain", 6), "pain 6/10"),
        (RedFlag(DAY, "left_heel", "redness", True), "redness"),
        (RedFlag(DAY, "left_heel", "bleeding", True), "bleeding"),
        (RedFlag(DAY, "left_heel", "spreading", True), "spreading"),
        (
            RedFlag(DAY, "left_heel", "fast_change", 3.5, detail="the largest size went from 1 to 3.5 mm"),
            "fast change: the largest size went from 1 to 3.5 mm",
        ),
        (RedFlag(DAY, "left_heel", "fast_change", 12), "fast change 12"),
    ],
    ids=["pain", "redness", "bleeding", "spreading", "fast_change_detail", "fast_change_bare"],
)
def test_each_red_flag_reads_with_its_score(flag, what) -> None:
    [line] = display.red_flag_lines([flag])
    assert (line.date, line.site, line.what) == (DAY, "Left heel", what)
    assert line.text == f"9 Nov 2026, Left heel: {what}"


def test_every_red_flag_is_kept_newest_first() -> None:
    flags = [RedFlag(DAY + dt.timedelta(days=i), "right_toes", "pain", 4) for i in range(40)]
    lines = display.red_flag_lines(flags)
    assert len(lines) == 40 and lines[0].date == DAY + dt.timedelta(days=39)


def test_coverage_and_sparse_note() -> None:
    full = Coverage(58, 90, dt.date(2026, 11, 30))
    assert display.coverage_text(full) == "58 of 90 days logged; last entry 30 Nov 2026"
    assert display.sparse_text(full) == ""
    sparse = Coverage(12, 77, dt.date(2026, 11, 30))
    assert display.sparse_text(sparse).startswith("Only 12 of 77 days were logged.")
    assert display.coverage_text(Coverage(0, 0, None)) == "0 of 0 days logged"
    assert display.sparse_text(Coverage(0, 0, None)) == ""


def test_care_is_never_zero_percent_for_nothing_recorded() -> None:
    assert display.care_text(None) == "routine not recorded"
    assert display.care_text(0.0) == "0% of the planned care done"  # recorded and not done is a real 0 %
    assert display.care_text(0.85) == "85% of the planned care done"


def site(status: str, last_checked: dt.date | None) -> SiteSummary:
    return SiteSummary("left_toes", status, "unknown", None, None, 0, 3, 2, None, last_checked=last_checked)


def test_only_stale_sites_read_not_checked_since() -> None:
    assert display.stale_text(site("stale", DAY)) == "not checked since 9 Nov 2026"
    assert display.stale_text(site("persisting", DAY)) == ""
    assert display.stale_text(site("stale", None)) == "not checked in this period"


def test_both_sides_with_the_same_reason_read_as_one_line() -> None:
    from footlog.timeline.analysis import analyse
    from footlog.timeline.display import reason_lines
    from tests.timeline.builders import day, days

    logs = days({"left_ankle_outer": "3" * 30, "right_ankle_outer": "3" * 30, "left_heel": "2" * 30})
    result = analyse(logs, day(0), day(29))
    lines = reason_lines(result.recommendation.reasons)
    assert len(result.recommendation.reasons) == 3 and len(lines) == 2
    both = next(line for line in lines if len(line.sites) == 2)
    assert both.sites == ("left_ankle_outer", "right_ankle_outer")
    assert both.text.startswith("Bumps were logged at both outer ankles on 30 of 30 checked days")
    assert "Left outer ankle" not in both.text
