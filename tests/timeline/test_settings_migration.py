"""Migration timeline 0002: the red-flag columns go, and rows on the old trend default (14 days) move to 28."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.support.migrations import migrate_to, migrate_to_latest

BEFORE = [("timeline", "0001_initial")]
AFTER = [("timeline", "0002_safety_floor_out_of_settings")]
DROPPED = {
    "clear_streak",
    "symptom_days",
    "symptom_window_days",
    "red_flag_window_days",
    "fast_change_min_count",
    "fast_change_mm",
}


@pytest.mark.django_db(transaction=True)
def test_floor_columns_are_dropped_and_old_trend_default_moves_to_28(make_user) -> None:
    owner_default, owner_tuned, owner_tiny = make_user(), make_user(), make_user()
    old = migrate_to(BEFORE).get_model("timeline", "TimelineSettings")
    old.objects.create(user_id=owner_default.pk, trend_window_days=14, fast_change_mm=30, red_flag_window_days=1)
    old.objects.create(user_id=owner_tuned.pk, trend_window_days=21)
    old.objects.create(user_id=owner_tiny.pk, trend_window_days=2)
    try:
        new = migrate_to(AFTER).get_model("timeline", "TimelineSettings")
        windows = dict(new.objects.values_list("user_id", "trend_window_days"))
        assert windows == {owner_default.pk: 28, owner_tuned.pk: 21, owner_tiny.pk: 7}
        with connection.cursor() as cursor:
            columns = {c.name for c in connection.introspection.get_table_description(cursor, new._meta.db_table)}
        assert not DROPPED & columns
        assert {"consider_after_days", "trend_window_days", "rise_min_mm"} <= columns
    finally:
        migrate_to_latest()
