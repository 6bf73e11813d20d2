"""Model moves keep their tables and rows: a database migrated as on main before the move (the old app's state,
rows made through the historical models) migrates forward and the same rows are read through the new models."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest
from django.db import connection

from tests.support.migrations import migrate_to, migrate_to_latest

DAY = dt.date(2026, 11, 20)
CREATED = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)


def _tables() -> set[str]:
    return set(connection.introspection.table_names())


@pytest.mark.django_db(transaction=True)
def test_shares_and_their_visits_move_from_exports_to_sharing(make_user) -> None:
    from footlog.sharing.models import Share, ShareAccess

    owner = make_user()
    # Before the move there was no sharing app: unapplying it whole also drops the columns it added since
    # (sharing 0002's language), as main's database had none of them.
    old = migrate_to([("exports", "0005_reportjob_heartbeat"), ("sharing", None)])
    try:
        assert ("exports", "share") in {(m._meta.app_label, m._meta.model_name) for m in old.get_models()}
        share_id = uuid.uuid4()
        old.get_model("exports", "Share").objects.create(
            id=share_id,
            user_id=owner.pk,
            token_hash=hashlib.sha256(b"moved").hexdigest(),
            start=DAY,
            end=DAY,
            questions="Is it worse?",
            created=CREATED,
            expires_at=CREATED + dt.timedelta(days=7),
        )
        old.get_model("exports", "ShareAccess").objects.create(share_id=share_id, client="Firefox on Android")
        tables_before = _tables()
    finally:
        migrate_to_latest()
    assert _tables() == tables_before, "the move changes no table"
    assert Share._meta.app_label == "sharing" and Share._meta.db_table == "exports_share"
    share = Share.objects.get(pk=share_id)
    assert (share.user_id, share.questions, share.start) == (owner.pk, "Is it worse?", DAY)
    assert [a.client for a in ShareAccess.objects.filter(share=share)] == ["Firefox on Android"]
    assert [s.pk for s in owner.shares.all()] == [share_id]


@pytest.mark.django_db(transaction=True)
def test_import_jobs_move_from_accounts_to_portability(make_user) -> None:
    from footlog.portability.models import ImportJob

    owner = make_user()
    old = migrate_to([("accounts", "0004_importjob_heartbeat")])
    try:
        assert ("accounts", "importjob") in {(m._meta.app_label, m._meta.model_name) for m in old.get_models()}
        job = old.get_model("accounts", "ImportJob").objects.create(
            user_id=owner.pk, status="done", size=123, result={"entries": 4}, attempts=2
        )
        tables_before = _tables()
    finally:
        migrate_to_latest()
    assert _tables() == tables_before, "the move changes no table"
    assert ImportJob._meta.app_label == "portability" and ImportJob._meta.db_table == "accounts_importjob"
    moved = ImportJob.objects.get(pk=job.pk)
    assert (moved.user_id, moved.status, moved.size, moved.result, moved.attempts) == (
        owner.pk,
        ImportJob.Status.DONE,
        123,
        {"entries": 4},
        2,
    )
    assert [j.pk for j in owner.import_jobs.all()] == [job.pk]
