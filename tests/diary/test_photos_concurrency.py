"""Concurrent photo uploads on PostgreSQL: the database decides, files never outlive a lost race."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from accounts.models import User
from footlog.diary import services
from footlog.diary.models import Photo
from footlog.diary.services import EntryData, PhotoUpload
from tests.diary import photo_samples as samples
from tests.diary.photo_samples import files_in, use_photo_dir

pytestmark = pytest.mark.services


@pytest.fixture
def photo_dir(settings: Any, tmp_path: Path) -> Path:
    return use_photo_dir(settings, tmp_path)


def run_together(count: int, work: Callable[[], Any]) -> list[Any]:
    """Start `count` threads on `work` at the same moment; return each result or raised exception."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def runner(index: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = work()
        except Exception as exc:
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_concurrent_replays_of_one_photo_id_store_one_photo_and_two_files(
    postgres: None,
    user: User,
    photo_dir: Path,
) -> None:
    entry = services.entry_create(user, EntryData(date=dt.date(2026, 11, 20)))[0]
    photo_id = uuid.uuid4()
    upload = PhotoUpload(samples.jpeg(), site="left_heel")
    results = run_together(4, lambda: services.photo_ingest(user, entry, upload, photo_id))
    assert all(isinstance(result, tuple) for result in results), results
    assert sorted(created for _, created in results) == [False, False, False, True]
    assert {photo.pk for photo, _ in results} == {photo_id}
    photo = Photo.objects.get()
    assert files_in(photo_dir) == sorted([photo_dir / photo.display_key, photo_dir / photo.thumb_key])


@pytest.mark.django_db(transaction=True)
def test_concurrent_uploads_cannot_pass_the_daily_count_together(
    postgres: None,
    user: User,
    photo_dir: Path,
    settings: Any,
) -> None:
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 2
    entry = services.entry_create(user, EntryData(date=dt.date(2026, 11, 20)))[0]
    results = run_together(4, lambda: services.photo_ingest(user, entry, PhotoUpload(samples.jpeg())))
    created = [result for result in results if isinstance(result, tuple)]
    refused = [result for result in results if not isinstance(result, tuple)]
    assert len(created) == 2 and len(refused) == 2
    assert all(getattr(error, "status_code", None) == 429 for error in refused), refused
    assert Photo.objects.count() == 2 and len(files_in(photo_dir)) == 4
