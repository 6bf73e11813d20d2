"""Migration diary 0004: steps stored before targets existed get one that the new constraints accept."""

from __future__ import annotations

import pytest

from tests.support.migrations import migrate_to, migrate_to_latest

BEFORE = [("diary", "0003_photo")]
AFTER = [("diary", "0004_targets_and_red_flag_fields")]


@pytest.mark.django_db(transaction=True)
def test_existing_steps_get_targets_and_observations_no_red_flag(make_user) -> None:
    owner = make_user()
    apps = migrate_to(BEFORE)
    old_step = apps.get_model("diary", "RoutineStep")
    old_step.objects.create(user_id=owner.pk, key="my_hot_bath", label="Hot bath", kind="trigger")
    old_step.objects.create(user_id=owner.pk, key="my_urea", label="Urea", kind="care")
    entry = apps.get_model("diary", "Entry").objects.create(user_id=owner.pk, date="2026-10-01", create_fingerprint="x")
    apps.get_model("diary", "Observation").objects.create(entry=entry, site="left_heel", count=2, redness=True)
    try:
        new = migrate_to(AFTER)
        targets = dict(new.get_model("diary", "RoutineStep").objects.values_list("key", "target_per_week"))
        assert targets["my_hot_bath"] == 0 and targets["my_urea"] == 7
        assert targets["new_product"] == 0 and targets["exfoliate"] == 2 and targets["sunscreen"] == 0
        assert targets["wash"] == 7
        observation = new.get_model("diary", "Observation").objects.get()
        assert (observation.redness, observation.bleeding, observation.spreading) == (True, False, False)
    finally:
        migrate_to_latest()
