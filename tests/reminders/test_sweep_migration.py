"""Migration reminders 0004: the sweep's marker moves from `next_attempt_at` to `sweep_after`; open rows keep it."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support.migrations import migrate_to, migrate_to_latest

BEFORE = [("reminders", "0003_timezone_lives_on_the_account")]
AFTER = [("reminders", "0004_delivery_sweep_after")]
MARK = dt.datetime(2026, 11, 24, 19, 35, tzinfo=dt.UTC)


@pytest.mark.django_db(transaction=True)
def test_open_deliveries_keep_their_sweep_time(make_user) -> None:
    owner = make_user()
    old = migrate_to(BEFORE).get_model("reminders", "Delivery")
    old.objects.create(
        user_id=owner.pk, kind="daily_log", local_date=MARK.date(), channel="email", next_attempt_at=MARK
    )
    try:
        new = migrate_to(AFTER).get_model("reminders", "Delivery")
        assert list(new.objects.values_list("next_attempt_at", "sweep_after")) == [(MARK, MARK)]
    finally:
        migrate_to_latest()
