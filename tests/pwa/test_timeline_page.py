"""The Timeline page speaks with the one wording table and shows what the analysis found: red flags with their
dates, stale sites as "not checked since", coverage, sparse logging and care (or "routine not recorded")."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from accounts.models import User
from footlog.diary.models import Entry, RoutineLog, RoutineStep
from footlog.lib.dates import today_in
from footlog.timeline.analysis import LEVEL_TEXT
from footlog.timeline.analysis.wording import day_text

pytestmark = pytest.mark.django_db


def log(user: User, day: dt.date, *, care: dict[str, bool] | None = None, **sites: dict) -> Entry:
    entry = Entry.objects.create(user=user, date=day, create_fingerprint=day.isoformat())
    for site, values in sites.items():
        entry.observations.create(site=site, **values)
    for key, done in (care or {}).items():
        RoutineLog.objects.create(entry=entry, step=RoutineStep.objects.get(user=None, key=key), done=done)
    return entry


def page(browser: Client) -> tuple[str, dict]:
    response = browser.get("/timeline/")
    assert response.status_code == 200
    return response.content.decode(), response.context


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_a_red_flag_today_reads_seek_care_promptly_styled_urgent_and_is_listed(browser, consented) -> None:
    today = today_in(consented.timezone)
    log(consented, today, left_heel={"count": 3, "pain": 6, "redness": True})
    html, context = page(browser)
    assert context["level"] == "urgent"
    assert '<section class="banner urgent"' in html and 'role="alert"' in html
    assert f'<h2 id="rec-title">{LEVEL_TEXT["urgent"]}</h2>' in html
    flags = text_of(html.split('id="flags-title"')[1].split("</section>")[0])
    assert day_text(today) in flags and "Left heel" in flags and "pain 6/10" in flags and "redness" in flags


def test_nothing_logged_to_worry_about_reads_the_none_headline(browser, consented) -> None:
    today = today_in(consented.timezone)
    log(consented, today, left_heel={"count": 0})
    html, context = page(browser)
    assert context["level"] == "none"
    assert f'<h2 id="rec-title">{LEVEL_TEXT["none"]}</h2>' in html
    assert 'id="flags-title"' not in html  # no red flags, no list


def test_a_site_not_checked_for_weeks_reads_not_checked_since(browser, consented) -> None:
    today = today_in(consented.timezone)
    last = today - dt.timedelta(days=21)
    for offset in range(21, 41):
        log(consented, today - dt.timedelta(days=offset), left_toes={"count": 3})
    log(consented, today, right_heel={"count": 0})
    html, context = page(browser)
    toes = next(row for row in context["sites"] if row["summary"].site == "left_toes")
    assert toes["summary"].status == "stale"
    assert f"not checked since {day_text(last)}" in text_of(html)
    assert '<span class="status stale">' in html


def test_coverage_line_and_sparse_note(browser, consented) -> None:
    today = today_in(consented.timezone)
    first = today - dt.timedelta(days=50)
    for offset in (50, 40, 20, 5):
        log(consented, today - dt.timedelta(days=offset), left_heel={"count": 1})
    html, context = page(browser)
    coverage = context["result"].coverage
    assert coverage.logged_days == 4 and coverage.last_entry == today - dt.timedelta(days=5)
    line = f"4 of {coverage.window_days} days logged; last entry {day_text(today - dt.timedelta(days=5))}"
    assert line in text_of(html)
    assert coverage.window_days == (today - first).days + 1  # counted from the first entry, not the whole window
    assert 'id="sparse"' in html and "Only 4 of" in text_of(html)


def test_an_everyday_logger_gets_no_sparse_note(browser, consented) -> None:
    today = today_in(consented.timezone)
    for offset in range(10):
        log(consented, today - dt.timedelta(days=offset), left_heel={"count": 1})
    html, _ = page(browser)
    assert 'id="sparse"' not in html


def test_care_reads_routine_not_recorded_never_zero_percent(browser, consented) -> None:
    today = today_in(consented.timezone)
    log(consented, today, left_heel={"count": 2})
    html, context = page(browser)
    assert context["result"].care_adherence is None
    care = text_of(html.split('id="care"')[1].split("</p>")[0])
    assert "routine not recorded" in care and "0%" not in care and "0 %" not in care


def test_care_is_shown_as_a_share_of_the_planned_care(browser, consented) -> None:
    today = today_in(consented.timezone)
    for offset in range(7):
        log(consented, today - dt.timedelta(days=offset), left_heel={"count": 2}, care={"wash": True})
    html, context = page(browser)
    assert context["result"].care_adherence == 1.0
    assert "100% of the planned care done" in text_of(html.split('id="care"')[1].split("</p>")[0])
