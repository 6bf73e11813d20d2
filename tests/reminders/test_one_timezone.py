"""The account's time zone is the only one (issue 12): reminders follow it wherever it is changed."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from reminders.models import Reminder, ReminderPreference
from tests.support.migrations import migrate_to, migrate_to_latest

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def next_daily(user) -> dt.datetime:
    return Reminder.objects.get(user=user, kind="daily_log").next_fire_at


def test_changing_the_accounts_zone_moves_the_next_reminder(api, user) -> None:
    with time_machine.travel(NOW, tick=False):
        assert api.put("/api/v1/reminders/", {"enabled": True, "time": "20:30"}, format="json").status_code == 200
        assert next_daily(user) == dt.datetime(2026, 12, 1, 19, 30, tzinfo=dt.UTC)  # 20:30 in Berlin
        response = api.patch("/api/v1/account/", {"timezone": "America/Los_Angeles"}, format="json")
        assert response.status_code == 200, response.json()
    assert next_daily(user) == dt.datetime(2026, 12, 2, 4, 30, tzinfo=dt.UTC)  # 20:30 in Los Angeles
    assert api.get("/api/v1/reminders/").json()["timezone"] == "America/Los_Angeles"


def test_a_zone_put_on_the_reminders_is_written_to_the_account(api, user) -> None:
    with time_machine.travel(NOW, tick=False):
        body = {"enabled": True, "time": "08:00", "timezone": "Asia/Tokyo"}
        assert api.put("/api/v1/reminders/", body, format="json").status_code == 200
    user.refresh_from_db()
    assert user.timezone == "Asia/Tokyo"
    assert api.get("/api/v1/account/").json()["timezone"] == "Asia/Tokyo"
    assert next_daily(user) == dt.datetime(2026, 12, 1, 23, 0, tzinfo=dt.UTC)  # 08:00 on 2 Dec in Tokyo


def test_an_unknown_zone_on_the_reminders_is_refused_and_changes_nothing(api, user) -> None:
    response = api.put("/api/v1/reminders/", {"enabled": True, "timezone": "Mars/Olympus"}, format="json")
    assert response.status_code == 400
    assert "timezone" in response.json()["errors"]
    user.refresh_from_db()
    assert user.timezone == "Europe/Berlin"
    assert not ReminderPreference.objects.filter(user=user).exists()


@pytest.mark.django_db(transaction=True)
def test_migration_moves_reminders_whose_copy_of_the_zone_went_stale(make_user) -> None:
    """Before 0003 the preference kept its own zone; where it differed from the account's, the account wins."""
    user = make_user(timezone="America/Los_Angeles")
    old = migrate_to([("reminders", "0002_nudge_level")])
    pref = old.get_model("reminders", "ReminderPreference").objects.create(
        user_id=user.pk, timezone="Europe/Berlin", enabled=True, time=dt.time(20, 30)
    )
    stale = dt.datetime(2030, 1, 1, 19, 30, tzinfo=dt.UTC)
    old.get_model("reminders", "Reminder").objects.create(
        user_id=user.pk, preference=pref, kind="daily_log", next_fire_at=stale
    )
    try:
        migrate_to_latest()
        moved = Reminder.objects.get(user=user, kind="daily_log").next_fire_at
        assert moved != stale
        local = moved.astimezone(ZoneInfo("America/Los_Angeles"))
        assert (local.hour, local.minute) == (20, 30)
    finally:
        migrate_to_latest()


def test_a_zone_given_with_consent_moves_the_reminders_too(api, user) -> None:
    """Consent stores the detected zone through the zone's one writer, so the reminders follow it (issue 24)."""
    from accounts.consent import consent_give

    with time_machine.travel(NOW, tick=False):
        assert api.put("/api/v1/reminders/", {"enabled": True, "time": "20:30"}, format="json").status_code == 200
        consent_give(user, timezone_name="America/Los_Angeles")
    assert next_daily(user) == dt.datetime(2026, 12, 2, 4, 30, tzinfo=dt.UTC)  # 20:30 in Los Angeles


def test_user_timezone_has_one_writer() -> None:
    """No module but accounts/services.py (account_update) assigns `.timezone` or saves it by name; on main before
    issue 24 consent.py and reminders' preferences.py both did."""
    import ast

    from tests.support.services import ROOT

    writers = set()
    for path in [*ROOT.glob("footlog/**/*.py"), *ROOT.glob("accounts/**/*.py"), *ROOT.glob("reminders/**/*.py")]:
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            assigned = isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Attribute) and t.attr == "timezone" for t in node.targets
            )
            saved = isinstance(node, ast.keyword) and node.arg == "update_fields" and "'timezone'" in ast.dump(node)
            if assigned or saved:
                writers.add(str(path.relative_to(ROOT)))
    assert writers <= {"accounts/services.py"}, sorted(writers)
