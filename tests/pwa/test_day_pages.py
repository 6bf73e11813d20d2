"""The any-day pages: /day/YYYY-MM-DD/ on the Today form, the month calendar, and their access rules (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from accounts import consent
from accounts.models import User
from footlog.diary.models import Entry, Observation

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 12, 1, 20, 58, tzinfo=dt.UTC)  # 1 December in Berlin, 2 December in Tokyo


@pytest.fixture(autouse=True)
def clock() -> object:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def log(user: User, date: str, count: int) -> Entry:
    entry = Entry.objects.create(user=user, date=dt.date.fromisoformat(date))
    Observation.objects.create(entry=entry, site="left_heel", count=count)
    return entry


def test_a_past_day_opens_the_same_form_as_today(browser: Client) -> None:
    response = browser.get("/day/2026-11-28/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="today-form"' in html and 'id="day-pick"' in html and "Saturday 28 November" in html
    assert "footlog/daynav.js" in html
    # The form itself carries no health data, so it may be kept offline like Today.
    assert response.context["refused"] is None


@pytest.mark.parametrize("path", ["/day/2026-02-30/", "/day/2026-13-01/", "/day/2026-00-10/", "/day/2026-1-1/"])
def test_an_impossible_or_malformed_day_is_a_404(browser: Client, path: str) -> None:
    assert browser.get(path).status_code == 404


def test_a_day_after_the_accounts_today_says_why_and_offers_no_form(browser: Client, consented: User) -> None:
    assert consented.timezone == "Europe/Berlin"
    html = browser.get("/day/2026-12-02/").content.decode()
    assert "after today (2026-12-01) in your account&#x27;s time zone" in html
    assert 'id="today-form"' not in html
    assert "Today" in browser.get("/day/2026-12-01/").content.decode()


def test_a_day_older_than_five_years_is_refused(browser: Client) -> None:
    html = browser.get("/day/2021-11-30/").content.decode()
    assert "last five years" in html and 'id="today-form"' not in html
    assert 'id="today-form"' in browser.get("/day/2021-12-01/").content.decode()


def test_signed_out_day_and_calendar_go_to_sign_in() -> None:
    for path in ("/day/2026-11-28/", "/history/calendar/"):
        response = Client().get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_day_pages_wait_for_consent(make_user) -> None:
    client = Client()
    client.force_login(make_user(consent=False))
    response = client.get("/day/2026-11-28/")
    assert response.status_code == 302 and "/welcome/" in response["Location"]


def test_history_rows_open_their_day(browser: Client, consented: User) -> None:
    log(consented, "2026-11-30", 2)
    html = browser.get("/history/").content.decode()
    assert 'href="/day/2026-11-30/"' in html  # a logged day, to correct
    assert 'href="/day/2026-11-29/"' in html  # a gap, to back-fill


def test_calendar_colours_days_by_total_and_marks_unlogged_ones(browser: Client, consented: User) -> None:
    log(consented, "2026-11-03", 0)
    log(consented, "2026-11-04", 2)
    log(consented, "2026-11-05", 12)
    response = browser.get("/history/calendar/?month=2026-11")
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert 'href="/day/2026-11-03/" class="band-0"' in html
    assert 'href="/day/2026-11-04/" class="band-1"' in html
    assert 'href="/day/2026-11-05/" class="band-3"' in html
    assert 'href="/day/2026-11-06/" class="gap"' in html
    assert "Wednesday 4 November: 2 bumps" in html and "Friday 6 November: not logged" in html
    assert "November 2026" in html and "?month=2026-10" in html and "?month=2026-12" in html


def test_calendar_defaults_to_the_accounts_month_and_never_opens_later_days(browser: Client) -> None:
    html = browser.get("/history/calendar/").content.decode()
    assert "December 2026" in html
    assert 'href="/day/2026-12-01/"' in html and "/day/2026-12-02/" not in html
    assert "?month=2027-01" not in html
    assert "December 2026" in browser.get("/history/calendar/?month=2031-05").content.decode()
    assert "December 2026" in browser.get("/history/calendar/?month=nonsense").content.decode()


def test_an_outsiders_calendar_and_history_show_none_of_the_owners_days(
    browser: Client, consented: User, other_user: User
) -> None:
    log(consented, "2026-11-04", 7)
    outsider = Client()
    outsider.force_login(consent.consent_give(other_user))
    html = outsider.get("/history/calendar/?month=2026-11").content.decode()
    assert 'href="/day/2026-11-04/" class="gap"' in html and "7 bumps" not in html
    assert "7 bumps" in browser.get("/history/calendar/?month=2026-11").content.decode()
    assert 'aria-label="7 bumps"' not in outsider.get("/history/?end=2026-11-30").content.decode()
