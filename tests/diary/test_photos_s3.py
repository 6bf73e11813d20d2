"""The S3 path of photo storage against a real local S3 API (moto in server mode, started by the test).

The storage configuration is the one footlog's settings build from FOOTLOG_S3_* / AWS_* variables, read from a
child process started with those variables, so the env-to-settings wiring is tested too.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from rest_framework.test import APIClient

from accounts.models import User
from footlog.diary import services
from footlog.diary.models import Entry, Photo
from footlog.diary.services import EntryData
from tests.diary import photo_samples as samples
from tests.support.services import ROOT, Process, free_port, http_answers, wait_for

BUCKET = "footlog-photos-test"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing-secret"}


@pytest.fixture
def s3_endpoint(tmp_path: Path) -> Iterator[str]:
    """A moto S3 server on a free localhost port, stopped after the test."""
    port = free_port()
    env = {**CREDENTIALS, "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    server = Process(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)], env, tmp_path / "moto.log"
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: http_answers(url), timeout=90, interval=0.2)
        yield url
    except Exception:
        print(server.output())
        raise
    finally:
        server.stop()


def photo_storage_from_env(**env: str) -> dict[str, Any]:
    """settings.STORAGES["photos"] as footlog's settings module builds it from these environment variables."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.STORAGES['photos']))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**_base_env(), "DJANGO_SETTINGS_MODULE": "footlog.settings", **env},
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _base_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "FOOTLOG_S3_"))}


@pytest.fixture
def s3_photos(s3_endpoint: str, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Photo storage switched to the moto bucket exactly as FOOTLOG_S3_BUCKET + FOOTLOG_S3_ENDPOINT_URL set it."""
    for key, value in CREDENTIALS.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    config = photo_storage_from_env(
        FOOTLOG_S3_BUCKET=BUCKET,
        FOOTLOG_S3_ENDPOINT_URL=s3_endpoint,
        FOOTLOG_S3_REGION="us-east-1",
        FOOTLOG_PHOTO_URL_TTL="300",  # the most allowed: an hour stops start-up (tests/test_settings.py)
    )
    assert config["BACKEND"] == "storages.backends.s3.S3Storage"
    settings.STORAGES = {**settings.STORAGES, "photos": config}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    return client


def keys_in_bucket(client: Any) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


@pytest.fixture
def entry(user: User) -> Entry:
    return services.entry_create(user, EntryData(date=dt.date(2026, 11, 20)))[0]


def upload(client: APIClient, entry: Entry, data: bytes) -> Any:
    image = SimpleUploadedFile("IMG_4711.jpg", data, content_type="image/jpeg")
    return client.post(f"/api/v1/entries/{entry.id}/photos/", {"image": image, "site": "left_heel"}, format="multipart")


def test_photos_go_to_the_bucket_and_are_served_by_short_signed_urls(
    api: APIClient, outsider: APIClient, entry: Entry, s3_photos: Any, django_capture_on_commit_callbacks: Any
) -> None:
    response = upload(api, entry, samples.jpeg_with_gps_rotated())
    assert response.status_code == 201, response.json()
    photo = Photo.objects.get(pk=response.json()["id"])
    keys = keys_in_bucket(s3_photos)
    assert keys == sorted([f"photos/{photo.display_key}", f"photos/{photo.thumb_key}"])
    assert not any("IMG_4711" in key for key in keys)
    stored = s3_photos.get_object(Bucket=BUCKET, Key=f"photos/{photo.display_key}")["Body"].read()
    assert b"Exif\x00\x00" not in stored and Image.open(io.BytesIO(stored)).size == (200, 300)

    redirect = api.get(f"/api/v1/photos/{photo.id}/image")
    assert redirect.status_code == 302
    assert redirect["Cache-Control"] == "private, no-store"
    signed = redirect["Location"]
    query = parse_qs(urlsplit(signed).query)
    assert "X-Amz-Signature" in query
    assert int(query["X-Amz-Expires"][0]) <= 300
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200 and fetched.content == stored
    assert fetched.headers["Cache-Control"] == "private, no-store"

    thumb = api.get(f"/api/v1/photos/{photo.id}/image?size=thumb")
    assert (
        requests.get(thumb["Location"], timeout=10).content
        == s3_photos.get_object(Bucket=BUCKET, Key=f"photos/{photo.thumb_key}")["Body"].read()
    )
    assert outsider.get(f"/api/v1/photos/{photo.id}/image").status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"/api/v1/photos/{photo.id}/").status_code == 204
    assert keys_in_bucket(s3_photos) == []


def test_rejected_upload_and_deleted_entry_leave_nothing_in_the_bucket(
    api: APIClient, entry: Entry, s3_photos: Any, django_capture_on_commit_callbacks: Any
) -> None:
    assert upload(api, entry, samples.truncated_jpeg()).status_code == 400
    assert keys_in_bucket(s3_photos) == []
    assert upload(api, entry, samples.jpeg()).status_code == 201
    assert len(keys_in_bucket(s3_photos)) == 2
    s3_photos.put_object(Bucket=BUCKET, Key="photos/ee/orphan-from-a-crash.jpg", Body=b"x")
    assert services.photo_orphans_delete(dt.timedelta(0)) == 1  # the sweep works on the bucket too
    assert len(keys_in_bucket(s3_photos)) == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert api.delete(f"/api/v1/entries/{entry.id}/").status_code == 204
    assert keys_in_bucket(s3_photos) == []
