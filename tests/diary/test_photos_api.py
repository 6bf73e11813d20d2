"""Photos over the API: safe ingest, private serving, limits, and files that follow their rows."""

from __future__ import annotations

import datetime as dt
import io
import os
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import User
from footlog.diary import services
from footlog.diary.models import Entry, Photo
from footlog.diary.services import EntryData, PhotoUpload
from tests.conftest import PASSWORD
from tests.diary import photo_samples as samples
from tests.diary.photo_samples import files_in, use_photo_dir

PHOTOS = "/api/v1/photos/"


@pytest.fixture
def photo_dir(settings: Any, tmp_path: Path) -> Path:
    return use_photo_dir(settings, tmp_path)


@pytest.fixture
def make_entry() -> Callable[..., Entry]:
    def make(user: User, date: dt.date = dt.date(2026, 11, 20)) -> Entry:
        return services.entry_create(user, EntryData(date=date))[0]

    return make


@pytest.fixture
def entry(user: User, make_entry: Callable[..., Entry]) -> Entry:
    return make_entry(user)


def upload(client: APIClient, entry_id: Any, data: bytes, name: str = "IMG_0001.jpg", **fields: Any) -> Any:
    body = {"image": SimpleUploadedFile(name, data, content_type="image/jpeg"), **fields}
    return client.post(f"/api/v1/entries/{entry_id}/photos/", body, format="multipart")


def decoded(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


# --- ingest ---------------------------------------------------------------------------------------------


def test_owner_uploads_a_photo_and_both_renditions_are_stored_under_uuid_keys(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    response = upload(api, entry.id, samples.jpeg(3000, 2000), name="my-holiday.jpg", site="left_heel")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == {
        "id", "entry", "date", "site", "view", "scale_in_frame", "quality", "width", "height", "image_url",
        "thumbnail_url", "created",
    }  # fmt: skip
    assert (body["entry"], body["site"], body["width"], body["height"]) == (str(entry.id), "left_heel", 2048, 1365)
    assert body["date"] == entry.date.isoformat()  # the day the photo belongs to, not its upload time
    assert body["image_url"] == f"{PHOTOS}{body['id']}/image"
    assert body["thumbnail_url"] == f"{PHOTOS}{body['id']}/image?size=thumb"
    photo = Photo.objects.get(pk=body["id"])
    stored = files_in(photo_dir)
    assert stored == sorted([photo_dir / photo.display_key, photo_dir / photo.thumb_key])
    for path in stored:
        assert "holiday" not in str(path)
        uuid.UUID(path.stem)  # the file name is a server-made UUID
    assert decoded((photo_dir / photo.thumb_key).read_bytes()).size == (512, 341)
    assert photo.display_bytes == (photo_dir / photo.display_key).stat().st_size


def test_rotated_jpeg_with_gps_is_stored_upright_without_any_metadata(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    response = upload(api, entry.id, samples.jpeg_with_gps_rotated())
    assert response.status_code == 201
    assert (response.json()["width"], response.json()["height"]) == (200, 300)
    for path in files_in(photo_dir):
        data = path.read_bytes()
        image = decoded(data)
        assert image.height > image.width
        assert not image.getexif() and "xmp" not in image.info
        assert b"Exif\x00\x00" not in data and b"xmp-marker" not in data and b"PhoneMaker" not in data


def test_png_with_appended_html_is_accepted_and_the_html_is_not_stored(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    response = upload(api, entry.id, samples.png_with_html(), name="pic.png")
    assert response.status_code == 201
    stored = files_in(photo_dir)
    assert len(stored) == 2
    for path in stored:
        assert b"<html>" not in path.read_bytes() and b"script" not in path.read_bytes()


def test_heic_photo_from_an_iphone_is_accepted(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    response = upload(api, entry.id, samples.encode(samples.two_tone(), "HEIF"), name="IMG_0002.HEIC")
    assert response.status_code == 201
    assert decoded(files_in(photo_dir)[0].read_bytes()).format == "JPEG"


@pytest.mark.parametrize(
    "data",
    [
        b"hello, I am text but my name says .jpg\n" * 10,
        samples.encode(samples.two_tone(), "GIF"),
        samples.encode(samples.two_tone(), "TIFF"),
        samples.psd_header(),
        b"",
        samples.truncated_jpeg(),
    ],
    ids=["text-named-jpg", "gif", "tiff", "psd", "zero-bytes", "truncated-jpeg"],
)
def test_bad_image_is_a_400_naming_the_image_and_leaves_nothing_behind(
    api: APIClient, entry: Entry, photo_dir: Path, data: bytes
) -> None:
    response = upload(api, entry.id, data)
    assert response.status_code == 400
    body = response.json()
    assert body["errors"]["image"] and body["detail"]
    assert files_in(photo_dir) == []
    assert not Photo.objects.exists()


def test_20000_by_20000_png_is_refused_in_well_under_a_second(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    started = time.perf_counter()
    response = upload(api, entry.id, samples.huge_png_header(20000, 20000), name="big.png")
    assert time.perf_counter() - started < 0.5
    assert response.status_code == 400
    assert "50 megapixels" in response.json()["errors"]["image"][0]
    assert files_in(photo_dir) == []


def test_16_mb_upload_is_413_in_the_error_shape_and_leaves_nothing_behind(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    response = upload(api, entry.id, b"\xff\xd8\xff" + b"\x00" * (16 * 1024 * 1024))
    assert response.status_code == 413
    assert "15 MB" in response.json()["detail"]
    assert files_in(photo_dir) == [] and not Photo.objects.exists()


def test_file_over_15_mb_is_413_even_when_the_body_fits_the_declared_limit(
    user: User, entry: Entry, photo_dir: Path, settings: Any
) -> None:
    settings.FOOTLOG_PHOTO_MAX_BYTES = 1024 * 1024
    padded = samples.jpeg() + b"\x00" * (1024 * 1024)  # still a valid JPEG: decoders stop at the end marker
    with pytest.raises(Exception, match="over 1 MB") as raised:
        services.photo_ingest(user, entry, PhotoUpload(padded))
    assert getattr(raised.value, "status_code", None) == 413
    assert files_in(photo_dir) == []


def test_unknown_site_is_a_400_on_site(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    response = upload(api, entry.id, samples.jpeg(), site="left_elbow")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["site"]
    assert files_in(photo_dir) == []


def test_photo_for_another_users_entry_is_404_and_stores_nothing(
    outsider: APIClient, entry: Entry, photo_dir: Path
) -> None:
    response = upload(outsider, entry.id, samples.jpeg())
    assert response.status_code == 404
    assert files_in(photo_dir) == [] and not Photo.objects.exists()


def test_missing_image_is_a_400_and_json_body_is_a_415(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    missing = api.post(f"/api/v1/entries/{entry.id}/photos/", {"site": "left_heel"}, format="multipart")
    assert missing.status_code == 400 and list(missing.json()["errors"]) == ["image"]
    as_json = api.post(f"/api/v1/entries/{entry.id}/photos/", {"image": "aGVsbG8="}, format="json")
    assert as_json.status_code == 415 and "detail" in as_json.json()
    assert files_in(photo_dir) == []


def test_more_than_one_image_per_request_is_a_400(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    images = [SimpleUploadedFile(f"{n}.jpg", samples.jpeg(), content_type="image/jpeg") for n in range(2)]
    response = api.post(f"/api/v1/entries/{entry.id}/photos/", {"image": images}, format="multipart")
    assert response.status_code == 400
    assert files_in(photo_dir) == []


def test_more_than_ten_files_in_a_request_is_a_400_in_the_error_shape(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    images = [SimpleUploadedFile(f"{n}.jpg", b"x", content_type="image/jpeg") for n in range(11)]
    response = api.post(f"/api/v1/entries/{entry.id}/photos/", {"image": images}, format="multipart")
    assert response.status_code == 400
    assert "At most 10 files" in response.json()["detail"]


# --- idempotency ------------------------------------------------------------------------------------------


def test_replaying_the_same_id_and_bytes_answers_200_without_a_duplicate(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    photo_id = str(uuid.uuid4())
    data = samples.jpeg()
    first = upload(api, entry.id, data, id=photo_id, site="right_toes")
    again = upload(api, entry.id, data, id=photo_id, site="right_toes")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert Photo.objects.count() == 1 and len(files_in(photo_dir)) == 2


def test_same_id_with_other_bytes_is_409_and_stores_nothing_more(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    photo_id = str(uuid.uuid4())
    assert upload(api, entry.id, samples.jpeg(), id=photo_id).status_code == 201
    response = upload(api, entry.id, samples.jpeg(320, 200), id=photo_id)
    assert response.status_code == 409
    assert len(files_in(photo_dir)) == 2


def test_photo_id_taken_by_another_user_is_409_without_revealing_it(
    api: APIClient,
    outsider: APIClient,
    other_user: User,
    entry: Entry,
    make_entry: Callable[..., Entry],
    photo_dir: Path,
) -> None:
    data = samples.jpeg()
    taken = upload(api, entry.id, data, site="left_heel").json()["id"]
    response = upload(outsider, make_entry(other_user).id, data, id=taken, site="left_heel")
    assert response.status_code == 409
    assert set(response.json()) == {"detail"} and taken not in response.json()["detail"]
    assert Photo.objects.get(pk=taken).entry_id == entry.id
    assert len(files_in(photo_dir)) == 2


# --- reading and serving ----------------------------------------------------------------------------------


@pytest.fixture
def photo(api: APIClient, entry: Entry, photo_dir: Path) -> Photo:
    response = upload(api, entry.id, samples.jpeg(3000, 2000), name="../../etc/passwd.jpg", site="left_heel")
    assert response.status_code == 201
    return Photo.objects.get(pk=response.json()["id"])


def test_owner_gets_the_photo_and_the_entry_lists_it(api: APIClient, photo: Photo, entry: Entry) -> None:
    response = api.get(f"{PHOTOS}{photo.id}/")
    assert response.status_code == 200 and response.json()["id"] == str(photo.id)
    assert [p["id"] for p in api.get(f"/api/v1/entries/{entry.id}/").json()["photos"]] == [str(photo.id)]


@pytest.mark.parametrize(("size", "key"), [("", "display_key"), ("?size=thumb", "thumb_key")])
def test_image_is_served_privately_to_the_owner_with_a_server_made_name(
    api: APIClient, photo: Photo, photo_dir: Path, size: str, key: str
) -> None:
    response = api.get(f"{PHOTOS}{photo.id}/image{size}", HTTP_ACCEPT="image/jpeg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (photo_dir / getattr(photo, key)).read_bytes()
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "no-referrer"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('inline; filename="footlog-left_heel-') and "passwd" not in disposition


def test_unknown_image_size_is_a_400(api: APIClient, photo: Photo) -> None:
    response = api.get(f"{PHOTOS}{photo.id}/image?size=huge")
    assert response.status_code == 400 and "size" in response.json()["errors"]


def test_x_accel_redirect_hands_the_file_to_nginx(api: APIClient, photo: Photo, settings: Any, photo_dir: Path) -> None:
    settings.FOOTLOG_PHOTO_X_ACCEL_PREFIX = "/_protected/photos/"
    response = api.get(f"{PHOTOS}{photo.id}/image?size=thumb")
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_protected/photos/{photo.thumb_key}"
    assert (photo_dir / photo.thumb_key).is_file()
    assert response.content == b""
    assert response["Cache-Control"] == "private, no-store" and response["Content-Type"] == "image/jpeg"


def test_photo_list_filters_by_site_and_dates_and_is_oldest_first(
    api: APIClient, user: User, make_entry: Callable[..., Entry], photo_dir: Path
) -> None:
    dates = [dt.date(2026, 11, 10), dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    ids = {}
    for date in dates:  # uploaded out of date order on purpose
        ids[date] = upload(api, make_entry(user, date).id, samples.jpeg(), site="left_heel").json()["id"]
    upload(api, Entry.objects.get(user=user, date=dates[0]).id, samples.jpeg(), site="right_toes")
    response = api.get(PHOTOS, {"site": "left_heel", "from": "2026-10-15", "to": "2026-11-30"})
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["results"]] == [ids[dt.date(2026, 11, 1)], ids[dt.date(2026, 11, 10)]]
    assert len(api.get(PHOTOS).json()["results"]) == 4
    assert len(api.get(PHOTOS, {"site": ""}).json()["results"]) == 4  # blank site: every site


def test_photo_list_rejects_an_unknown_site(api: APIClient) -> None:
    response = api.get(PHOTOS, {"site": "nose"})
    assert response.status_code == 400 and "site" in response.json()["errors"]


def test_outsider_gets_404_for_every_photo_url_and_an_empty_list(
    outsider: APIClient, photo: Photo, entry: Entry, photo_dir: Path
) -> None:
    assert outsider.get(f"{PHOTOS}{photo.id}/").status_code == 404
    assert outsider.get(f"{PHOTOS}{photo.id}/image").status_code == 404
    assert outsider.get(f"{PHOTOS}{photo.id}/image?size=thumb").status_code == 404
    assert outsider.delete(f"{PHOTOS}{photo.id}/").status_code == 404
    assert upload(outsider, entry.id, samples.jpeg()).status_code == 404
    assert outsider.get(PHOTOS).json()["results"] == []
    assert Photo.objects.filter(pk=photo.id).exists() and len(files_in(photo_dir)) == 2


def test_anonymous_gets_401_for_every_photo_url(anonymous: APIClient, photo: Photo, entry: Entry) -> None:
    for response in (
        anonymous.get(f"{PHOTOS}{photo.id}/"),
        anonymous.get(f"{PHOTOS}{photo.id}/image"),
        anonymous.delete(f"{PHOTOS}{photo.id}/"),
        anonymous.get(PHOTOS),
        upload(anonymous, entry.id, samples.jpeg()),
    ):
        assert response.status_code == 401
        assert "detail" in response.json()


# --- deletion -----------------------------------------------------------------------------------------------


def test_deleting_a_photo_removes_its_files_only_after_commit(
    api: APIClient, photo: Photo, photo_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert api.delete(f"{PHOTOS}{photo.id}/").status_code == 204
    assert not Photo.objects.filter(pk=photo.id).exists()
    assert len(files_in(photo_dir)) == 2  # not before the commit
    for callback in callbacks:
        callback()
    assert files_in(photo_dir) == []


def test_deleting_the_entry_removes_its_photos_and_files(
    api: APIClient, photo: Photo, entry: Entry, photo_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"/api/v1/entries/{entry.id}/").status_code == 204
    assert not Photo.objects.exists()
    assert files_in(photo_dir) == []


def test_deleting_the_account_leaves_zero_photo_files(
    api: APIClient,
    user: User,
    photo: Photo,
    make_entry: Callable[..., Entry],
    photo_dir: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    upload(api, make_entry(user, dt.date(2026, 11, 21)).id, samples.jpeg())
    assert len(files_in(photo_dir)) == 4
    with django_capture_on_commit_callbacks(execute=True):
        user.delete()
    assert files_in(photo_dir) == []


def test_rolled_back_deletion_keeps_the_files(photo: Photo, photo_dir: Path) -> None:
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        services.photo_delete(photo)
        raise RuntimeError("something later in the request failed")
    assert Photo.objects.filter(pk=photo.pk).exists() and len(files_in(photo_dir)) == 2


def test_failed_row_write_removes_the_files_already_written(
    user: User, entry: Entry, photo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("database went away")

    monkeypatch.setattr(Photo.objects, "create", broken)
    with pytest.raises(RuntimeError):
        services.photo_ingest(user, entry, PhotoUpload(samples.jpeg()))
    assert files_in(photo_dir) == []


# --- quotas -------------------------------------------------------------------------------------------------


def test_daily_photo_count_is_a_429_with_a_clear_message(
    api: APIClient, entry: Entry, photo_dir: Path, settings: Any
) -> None:
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 2
    assert [upload(api, entry.id, samples.jpeg()).status_code for _ in range(2)] == [201, 201]
    response = upload(api, entry.id, samples.jpeg())
    assert response.status_code == 429
    assert response.json()["detail"] == "You can add at most 2 photos in 24 hours; please try again later."
    assert len(files_in(photo_dir)) == 4


def test_storage_quota_is_a_429_and_leaves_no_new_files(
    api: APIClient, entry: Entry, photo_dir: Path, settings: Any
) -> None:
    first = upload(api, entry.id, samples.jpeg())
    assert first.status_code == 201
    used = Photo.objects.get().stored_bytes
    settings.FOOTLOG_PHOTO_QUOTA_BYTES = used + 100
    response = upload(api, entry.id, samples.jpeg())
    assert response.status_code == 429
    assert "photo storage is full" in response.json()["detail"]
    assert len(files_in(photo_dir)) == 2


@pytest.mark.django_db(transaction=True)
def test_account_deletion_over_the_api_leaves_zero_photo_files_after_a_real_commit(
    api: APIClient, user: User, make_entry: Callable[..., Entry], photo_dir: Path
) -> None:
    # No captured callbacks here: the rows are committed and the files go in the real on_commit.
    for day in (20, 21):
        assert upload(api, make_entry(user, dt.date(2026, 11, day)).id, samples.jpeg()).status_code == 201
    assert len(files_in(photo_dir)) == 4
    response = api.delete("/api/v1/account/", {"password": PASSWORD}, format="json")
    assert response.status_code == 204, response.content
    assert not Photo.objects.exists()
    assert files_in(photo_dir) == []


def test_image_whose_file_is_missing_is_a_404_not_a_500(api: APIClient, photo: Photo, photo_dir: Path) -> None:
    (photo_dir / photo.display_key).unlink()
    response = api.get(f"{PHOTOS}{photo.id}/image")
    assert response.status_code == 404 and response.json()["detail"]


def test_sweep_removes_only_old_unreferenced_files(photo: Photo, photo_dir: Path) -> None:
    orphan_old = photo_dir / "ab" / f"{uuid.uuid4().hex}.jpg"
    orphan_new = photo_dir / "cd" / f"{uuid.uuid4().hex}.jpg"
    for path in (orphan_old, orphan_new):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"left behind by a crash")
    two_hours_ago = time.time() - 7200
    for path in (orphan_old, photo_dir / photo.display_key, photo_dir / photo.thumb_key):
        os.utime(path, (two_hours_ago, two_hours_ago))
    out = io.StringIO()
    call_command("photos_sweep", stdout=out)
    assert "deleted 1 " in out.getvalue()
    assert files_in(photo_dir) == sorted([orphan_new, photo_dir / photo.display_key, photo_dir / photo.thumb_key])
