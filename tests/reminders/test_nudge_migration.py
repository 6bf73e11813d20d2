"""Migration reminders 0002: an open nudge episode (the old yes/no flag) becomes one nudged at "book"."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.migrations import migrate_to, migrate_to_latest

BEFORE = [("reminders", "0001_initial")]
AFTER = [("reminders", "0002_nudge_level")]


@pytest.mark.django_db(transaction=True)
def test_open_episodes_become_book_and_closed_ones_stay_closed(make_user) -> None:
    open_owner, closed_owner = make_user(), make_user()
    old = migrate_to(BEFORE)
    Preference, Reminder = old.get_model("reminders", "ReminderPreference"), old.get_model("reminders", "Reminder")
    for owner, episode_open in ((open_owner, True), (closed_owner, False)):
        pref = Preference.objects.create(user_id=owner.pk, timezone="Europe/Berlin")
        Reminder.objects.create(
            user_id=owner.pk,
            preference=pref,
            kind="visit_nudge",
            nudge_episode_open=episode_open,
            nudge_last_sent_on=dt.date(2026, 11, 1),
        )
    try:
        new = migrate_to(AFTER).get_model("reminders", "Reminder")
        levels = dict(new.objects.values_list("user_id", "nudge_level"))
        assert levels == {open_owner.pk: "book", closed_owner.pk: ""}
    finally:
        migrate_to_latest()
