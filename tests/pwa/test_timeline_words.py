"""The Timeline page's words agree with themselves (issue 23, item 7): the header counts days within the window it
names, "not checked since" appears only for a stale spot, and each spot's row carries its own reasons. Texts come
from the computed timeline, never from this file."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from footlog.lib.dates import today_in
from tests.pwa.test_timeline_page import log, page, text_of

pytestmark = pytest.mark.django_db


def test_the_header_counts_days_within_the_window_it_names(browser, consented) -> None:
    today = today_in(consented.timezone)
    for offset in (10, 6, 3, 0):
        log(consented, today - dt.timedelta(days=offset), left_heel={"count": 1})
    html, _ = page(browser)
    header = text_of(html.split('id="coverage">')[1].split("</p>")[0])
    match = re.match(r"(\d+ \w+) – (\d+ \w+ \d{4}) · (\d+) of (\d+) days logged", header)
    assert match, header
    first = dt.datetime.strptime(f"{match[1]} {match[2][-4:]}", "%d %b %Y").date()
    if first > today:  # the window began in the previous year
        first = first.replace(year=first.year - 1)
    last = dt.datetime.strptime(match[2], "%d %b %Y").date()
    assert (first, last) == (today - dt.timedelta(days=10), today)
    assert (int(match[3]), int(match[4])) == (4, (last - first).days + 1)


def test_a_spot_checked_lately_never_reads_not_checked_since(browser, consented) -> None:
    today = today_in(consented.timezone)
    for offset in range(22):
        log(consented, today - dt.timedelta(days=offset), left_toes={"count": 2})
    html, context = page(browser)
    (toes,) = context["sites"]
    assert toes["summary"].status != "stale" and toes["summary"].days_present == 22
    assert "not checked" not in text_of(html)


def test_each_spot_row_carries_its_own_reasons(browser, consented) -> None:
    today = today_in(consented.timezone)
    log(consented, today, left_heel={"count": 3, "bleeding": True}, right_toes={"count": 1})
    html, context = page(browser)
    reasons = context["result"].recommendation.reasons
    heel = [str(r.message) for r in reasons if r.site == "left_heel"]
    assert heel
    row = html.split('<tr class="why" data-site="left_heel">')[1].split("</tr>")[0]
    for message in heel:
        assert text_of(message) in text_of(row)
    if not [r for r in reasons if r.site == "right_toes"]:
        assert '<tr class="why" data-site="right_toes"' not in html


def test_both_sides_saying_the_same_read_as_one_line_in_the_top_box_and_the_report(browser, consented) -> None:
    """Issue 21 (words): four symmetric sites gave the same reason four times. The top box and the report's reasons
    say it once per region ("both outer ankles"); each spot's own row keeps its own reason."""
    from footlog.exports.report import build_report

    today = today_in(consented.timezone)
    for offset in range(30):
        log(
            consented,
            today - dt.timedelta(days=offset),
            left_ankle_outer={"count": 3},
            right_ankle_outer={"count": 3},
        )
    html, context = page(browser)
    result = context["result"]
    per_site = [r for r in result.recommendation.reasons if r.site in ("left_ankle_outer", "right_ankle_outer")]
    assert len(per_site) == 2 and per_site[0].code == per_site[1].code
    top = html.split('class="plain">')[1].split("</ul>")[0]
    assert text_of(top).count("both outer ankles") == 1
    assert "Left outer ankle" not in text_of(top) and "Right outer ankle" not in text_of(top)
    start = today - dt.timedelta(days=29)
    report = build_report(consented, start, today, include_photos=False)
    grouped = [line for line in report.reasons if "both outer ankles" in line]
    assert len(grouped) == 1 and not any("Left outer ankle" in line for line in report.reasons)
