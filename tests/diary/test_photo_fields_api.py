"""Issue 15, API half: what each photo is (view, scale_in_frame) at upload and by PATCH, the filters, and the
measured quality in the answer."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from accounts.models import User
from footlog.diary import services
from footlog.diary.models import Entry, Photo
from footlog.diary.services import EntryData, PhotoUpload
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


def upload(client: APIClient, entry_id: Any, data: bytes | None = None, **fields: Any) -> Any:
    image = SimpleUploadedFile("IMG_0001.jpg", data or samples.jpeg(), content_type="image/jpeg")
    return client.post(f"/api/v1/entries/{entry_id}/photos/", {"image": image, **fields}, format="multipart")


# --- upload ---------------------------------------------------------------------------------------------------


def test_view_and_scale_are_stored_at_upload_and_answered(api: APIClient, entry: Entry, photo_dir: Path) -> None:
    response = upload(api, entry.id, site="left_heel", view="closeup", scale_in_frame="true")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["site"], body["view"], body["scale_in_frame"]) == ("left_heel", "closeup", True)
    photo = Photo.objects.get(pk=body["id"])
    assert (photo.view, photo.scale_in_frame) == ("closeup", True)
    assert body["quality"] == {"sharp": photo.quality_sharp, "exposure": photo.quality_exposure}
    assert body["quality"]["exposure"] in ("ok", "dark", "bright")

    again = upload(api, entry.id, view="overview", scale_in_frame="false").json()
    assert (again["view"], again["scale_in_frame"]) == ("overview", False)


def test_view_and_scale_left_out_read_null_but_quality_is_measured(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    body = upload(api, entry.id).json()
    assert body["view"] is None and body["scale_in_frame"] is None
    assert set(body["quality"]) == {"sharp", "exposure"}


def test_photo_stored_before_issue_15_reads_view_scale_and_quality_null(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    photo_id = upload(api, entry.id, view="overview").json()["id"]
    # What a row written before migration 0007 holds: every new column NULL.
    Photo.objects.filter(pk=photo_id).update(view=None, scale_in_frame=None, quality_sharp=None, quality_exposure=None)
    body = api.get(f"{PHOTOS}{photo_id}/").json()
    assert (body["view"], body["scale_in_frame"], body["quality"]) == (None, None, None)
    listed = api.get(f"/api/v1/entries/{entry.id}/").json()["photos"][0]
    assert (listed["view"], listed["scale_in_frame"], listed["quality"]) == (None, None, None)


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"view": "wide"}, "view"),
        ({"view": "Overview"}, "view"),
        ({"scale_in_frame": "yes"}, "scale_in_frame"),
        ({"scale_in_frame": "1"}, "scale_in_frame"),
        ({"scale_in_frame": "True"}, "scale_in_frame"),  # what a Python client's str(True) sends
        ({"scale_in_frame": "on"}, "scale_in_frame"),
        ({"scale_in_frame": ""}, "scale_in_frame"),
        ({"view": "wide", "scale_in_frame": "maybe"}, "both"),
    ],
)
def test_bad_view_or_scale_is_a_400_naming_the_field_and_stores_nothing(
    api: APIClient, entry: Entry, photo_dir: Path, fields: dict[str, str], bad: str
) -> None:
    response = upload(api, entry.id, samples.skin_photo(600, 450), **fields)
    assert response.status_code == 400
    body = response.json()
    expected = {"view", "scale_in_frame"} if bad == "both" else {bad}
    assert set(body["errors"]) == expected and body["detail"]
    assert not Photo.objects.exists()
    assert files_in(photo_dir) == []


def test_the_service_refuses_an_unknown_view_too(user: User, entry: Entry, photo_dir: Path) -> None:
    from footlog.lib.errors import InvalidInput

    with pytest.raises(InvalidInput) as raised:
        services.photo_ingest(user, entry, PhotoUpload(samples.jpeg(), view="sideways"))
    assert list(raised.value.errors) == ["view"]
    assert files_in(photo_dir) == [] and not Photo.objects.exists()


def test_replay_with_the_same_view_and_scale_is_200_and_with_another_is_409(
    api: APIClient, entry: Entry, photo_dir: Path
) -> None:
    photo_id = str(uuid.uuid4())
    data = samples.jpeg()
    first = upload(api, entry.id, data, id=photo_id, site="left_heel", view="closeup", scale_in_frame="true")
    assert first.status_code == 201
    replay = upload(api, entry.id, data, id=photo_id, site="left_heel", view="closeup", scale_in_frame="true")
    assert replay.status_code == 200 and replay.json()["id"] == photo_id
    other_view = upload(api, entry.id, data, id=photo_id, site="left_heel", view="overview", scale_in_frame="true")
    assert other_view.status_code == 409
    other_scale = upload(api, entry.id, data, id=photo_id, site="left_heel", view="closeup", scale_in_frame="false")
    assert other_scale.status_code == 409
    no_fields = upload(api, entry.id, data, id=photo_id, site="left_heel")
    assert no_fields.status_code == 409
    assert Photo.objects.count() == 1 and len(files_in(photo_dir)) == 2


def test_fingerprint_without_view_or_scale_is_the_one_stored_before_them(entry: Entry) -> None:
    # A replay queued in a phone's outbox before issue 15 must still match the photo it stored.
    import hashlib

    data = b"bytes"
    before = hashlib.sha256(data)
    before.update(f"|{entry.pk}|left_heel".encode())
    assert PhotoUpload(data, "left_heel").fingerprint(entry) == before.hexdigest()
    assert PhotoUpload(data, "left_heel", view="overview").fingerprint(entry) != before.hexdigest()
    assert PhotoUpload(data, "left_heel", scale_in_frame=False).fingerprint(entry) != before.hexdigest()


# --- quality at ingest ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "sharp", "exposure"),
    [
        ({}, True, "ok"),
        ({"blur": 4}, False, "ok"),
        ({"brightness": 0.25}, True, "dark"),
        ({"brightness": 1.8}, True, "bright"),
    ],
    ids=["sharp", "blurred", "dark", "over-bright"],
)
def test_quality_flags_a_blurred_a_dark_and_a_bright_skin_photo_but_stores_each(
    api: APIClient, entry: Entry, photo_dir: Path, variant: dict[str, float], sharp: bool, exposure: str
) -> None:
    response = upload(api, entry.id, samples.skin_photo(2400, 1800, **variant), site="left_ankle_outer")
    assert response.status_code == 201  # nothing is refused for quality alone
    assert response.json()["quality"] == {"sharp": sharp, "exposure": exposure}
    photo = Photo.objects.get(pk=response.json()["id"])
    assert (photo.quality_sharp, photo.quality_exposure) == (sharp, exposure)
    assert len(files_in(photo_dir)) == 2


# --- list filters ---------------------------------------------------------------------------------------------


def test_list_filters_by_site_view_and_entry_dates_oldest_first(
    api: APIClient, user: User, make_entry: Callable[..., Entry], photo_dir: Path
) -> None:
    days = {d: make_entry(user, dt.date(2026, 11, d)) for d in (3, 10, 17)}
    made: dict[tuple[int, str, str], str] = {}
    for day in (17, 3, 10):  # uploaded out of date order: the list follows the entry's date
        for site in ("left_heel", "right_toes"):
            for view in ("overview", "closeup"):
                made[(day, site, view)] = upload(api, days[day].id, site=site, view=view).json()["id"]
    untold = upload(api, days[10].id, site="left_heel").json()["id"]

    def ids(query: str) -> list[str]:
        response = api.get(PHOTOS + query)
        assert response.status_code == 200, response.json()
        assert response["Cache-Control"] == "private, no-store"
        return [p["id"] for p in response.json()["results"]]

    assert ids("?site=left_heel&view=closeup") == [made[(d, "left_heel", "closeup")] for d in (3, 10, 17)]
    assert ids("?view=overview&from=2026-11-10&to=2026-11-17") == [
        made[(d, s, "overview")] for d in (10, 17) for s in ("left_heel", "right_toes")
    ]
    assert ids("?site=left_heel&from=2026-11-10&to=2026-11-10") == [
        made[(10, "left_heel", "overview")],
        made[(10, "left_heel", "closeup")],
        untold,
    ]
    assert len(ids("?view=")) == 13  # blank: every view


@pytest.mark.parametrize("query", ["?view=wide", "?view=null", "?site=left_elbow", "?from=2026-13-01"])
def test_bad_list_filter_is_a_400_in_the_error_shape(api: APIClient, query: str) -> None:
    response = api.get(PHOTOS + query)
    assert response.status_code == 400
    assert response.json()["detail"]


# --- PATCH and DELETE -----------------------------------------------------------------------------------------


@pytest.fixture
def photo(api: APIClient, entry: Entry, photo_dir: Path) -> dict[str, Any]:
    return dict(upload(api, entry.id, site="left_heel", view="overview", scale_in_frame="false").json())


def test_owner_patches_site_view_and_scale(api: APIClient, photo: dict[str, Any]) -> None:
    url = f"{PHOTOS}{photo['id']}/"
    response = api.patch(url, {"view": "closeup", "scale_in_frame": True}, format="json")
    assert response.status_code == 200, response.json()
    assert response["Cache-Control"] == "private, no-store"
    body = response.json()
    assert (body["site"], body["view"], body["scale_in_frame"]) == ("left_heel", "closeup", True)
    assert body["quality"] == photo["quality"]  # measured once, never edited
    stored = Photo.objects.get(pk=photo["id"])
    assert (stored.site, stored.view, stored.scale_in_frame) == ("left_heel", "closeup", True)

    moved = api.patch(url, {"site": "right_sole"}, format="json").json()
    assert (moved["site"], moved["view"], moved["scale_in_frame"]) == ("right_sole", "closeup", True)
    cleared = api.patch(url, {"site": None, "view": None, "scale_in_frame": None}, format="json").json()
    assert (cleared["site"], cleared["view"], cleared["scale_in_frame"]) == (None, None, None)
    blank = api.patch(url, {"view": ""}, format="json").json()
    assert blank["view"] is None
    assert Photo.objects.get(pk=photo["id"]).view is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"view": "wide"}, "view"),
        ({"view": 1}, "view"),
        ({"scale_in_frame": "true"}, "scale_in_frame"),  # JSON has real booleans
        ({"scale_in_frame": 1}, "scale_in_frame"),
        ({"site": "left_elbow"}, "site"),
        ({"width": 10}, "width"),
        ({"entry": str(uuid.uuid4())}, "entry"),
    ],
)
def test_bad_patch_is_a_400_naming_the_field_and_changes_nothing(
    api: APIClient, photo: dict[str, Any], body: dict[str, Any], field: str
) -> None:
    response = api.patch(f"{PHOTOS}{photo['id']}/", body, format="json")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    stored = Photo.objects.get(pk=photo["id"])
    assert (stored.site, stored.view, stored.scale_in_frame, stored.width) == (
        "left_heel",
        "overview",
        False,
        photo["width"],
    )


def test_outsider_cannot_patch_or_delete_a_photo_and_gets_404(
    outsider: APIClient, photo: dict[str, Any], photo_dir: Path
) -> None:
    url = f"{PHOTOS}{photo['id']}/"
    patched = outsider.patch(url, {"view": "closeup", "site": "right_toes"}, format="json")
    assert patched.status_code == 404 and patched.json()["detail"]
    deleted = outsider.delete(url)
    assert deleted.status_code == 404
    stored = Photo.objects.get(pk=photo["id"])
    assert (stored.site, stored.view) == ("left_heel", "overview")
    assert len(files_in(photo_dir)) == 2
    assert outsider.get(PHOTOS + "?site=left_heel").json()["results"] == []


def test_owner_deletes_a_photo_and_its_files_go(
    api: APIClient, photo: dict[str, Any], photo_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = api.delete(f"{PHOTOS}{photo['id']}/")
    assert response.status_code == 204
    assert not Photo.objects.filter(pk=photo["id"]).exists()
    assert files_in(photo_dir) == []
    assert api.patch(f"{PHOTOS}{photo['id']}/", {"view": "closeup"}, format="json").status_code == 404


def test_unknown_photo_id_is_a_404_for_patch(api: APIClient) -> None:
    assert api.patch(f"{PHOTOS}{uuid.uuid4()}/", {"view": "closeup"}, format="json").status_code == 404
