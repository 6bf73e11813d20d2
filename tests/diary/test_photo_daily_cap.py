"""The daily photo cap counts photos uploaded, not photos left: deleting does not buy another decode."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from footlog.diary import services
from footlog.diary.models import Photo, PhotoUploadRecord
from footlog.diary.services import EntryData
from tests.diary import photo_samples as samples
from tests.diary.photo_samples import use_photo_dir


@pytest.fixture
def entry(user, settings, tmp_path):
    use_photo_dir(settings, tmp_path)
    return services.entry_create(user, EntryData(date=dt.date(2026, 11, 20)))[0]


def upload(api, entry):
    image = SimpleUploadedFile("IMG.jpg", samples.jpeg(), content_type="image/jpeg")
    return api.post(f"/api/v1/entries/{entry.id}/photos/", {"image": image}, format="multipart")


def test_delete_and_upload_loop_meets_the_daily_cap(api, entry, settings):
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 3
    codes = []
    for _ in range(5):
        response = upload(api, entry)
        codes.append(response.status_code)
        if response.status_code == 201:
            assert api.delete(f"/api/v1/photos/{response.json()['id']}/").status_code == 204
    assert codes == [201, 201, 201, 429, 429]
    assert Photo.objects.count() == 0  # nothing stored, and still no more decoding today


def test_uploads_older_than_a_day_no_longer_count(api, entry, settings, time_machine):
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 1
    time_machine.move_to(dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC), tick=False)
    assert upload(api, entry).status_code == 201
    assert upload(api, entry).status_code == 429
    time_machine.move_to(dt.datetime(2026, 11, 21, 9, 1, tzinfo=dt.UTC), tick=False)
    assert upload(api, entry).status_code == 201
    assert PhotoUploadRecord.objects.count() == 1  # the old record was dropped when the new one was written


def test_refused_uploads_do_not_count(api, entry, settings):
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 1
    bad = SimpleUploadedFile("x.jpg", b"not an image", content_type="image/jpeg")
    assert api.post(f"/api/v1/entries/{entry.id}/photos/", {"image": bad}, format="multipart").status_code == 400
    assert upload(api, entry).status_code == 201
