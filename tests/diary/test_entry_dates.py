"""Which dates an entry may carry, and that every accepted entry stays visible (issue 12, the traveller)."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from footlog.diary.models import Entry

URL = "/api/v1/entries/"
# 21:58 in Berlin on 1 December is already 05:58 on 2 December in Tokyo.
EVENING_IN_BERLIN = dt.datetime(2026, 12, 1, 20, 58, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def berlin_evening() -> object:
    with time_machine.travel(EVENING_IN_BERLIN, tick=False) as traveller:
        yield traveller


def test_a_date_after_the_accounts_today_is_refused_without_slack(api, user) -> None:
    assert user.timezone == "Europe/Berlin"
    response = api.post(URL, {"date": "2026-12-02", "notes": "from Tokyo"}, format="json")
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == {"date"} and "after today (2026-12-01)" in body["errors"]["date"][0]
    assert body["detail"]
    assert not Entry.objects.filter(user=user).exists()


def test_the_accounts_today_is_accepted(api, user) -> None:
    response = api.post(URL, {"date": "2026-12-01"}, format="json")
    assert response.status_code == 201, response.content


def test_moving_an_entry_past_today_is_refused_and_keeps_it(api, user) -> None:
    entry = api.post(URL, {"date": "2026-12-01", "notes": "kept"}, format="json").json()
    response = api.patch(f"{URL}{entry['id']}/", {"date": "2026-12-02"}, format="json")
    assert response.status_code == 400 and "date" in response.json()["errors"]
    assert Entry.objects.get(pk=entry["id"]).date == dt.date(2026, 12, 1)


def test_an_entry_after_today_after_a_zone_move_is_still_in_the_default_windows(api, user, browser) -> None:
    """Saved as Tokyo's 2 December, then the account moves to Los Angeles (still 1 December there)."""
    assert api.patch("/api/v1/account/", {"timezone": "Asia/Tokyo"}, format="json").status_code == 200
    assert api.post(URL, {"date": "2026-12-02"}, format="json").status_code == 201
    assert api.patch("/api/v1/account/", {"timezone": "America/Los_Angeles"}, format="json").status_code == 200

    timeline = api.get("/api/v1/timeline/").json()
    assert timeline["to"] == "2026-12-02"
    assert timeline["series"][-1] == {**timeline["series"][-1], "date": "2026-12-02", "logged": True}
    history = browser.get("/history/").content.decode()
    assert 'href="/day/2026-12-02/"' in history
    assert "2026-12-02" in browser.get("/timeline/").content.decode()


def test_without_later_entries_the_windows_end_today(api, user, browser) -> None:
    api.post(URL, {"date": "2026-11-20"}, format="json")
    assert api.get("/api/v1/timeline/").json()["to"] == "2026-12-01"
    history = browser.get("/history/").content.decode()
    assert 'href="/day/2026-12-01/"' in history and "/day/2026-12-02/" not in history
