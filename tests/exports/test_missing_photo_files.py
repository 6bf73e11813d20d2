"""A photo row whose stored file is gone (a partial restore, a file removed by hand) breaks no export: the share
answers that photo with its plain 404, the PDF renders without it, and the account export completes and lists
the photo as missing."""

from __future__ import annotations

import io
import json
import zipfile
from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

from footlog.diary.photo_storage import photo_storage
from tests.exports.builders import add_photo, log_entry


@pytest.fixture
def photos(user):
    kept = add_photo(user, log_entry(user, "2026-10-03"), "left_heel", colour=(200, 170, 150))
    lost = add_photo(user, log_entry(user, "2026-10-04"), "right_heel", colour=(90, 60, 40))
    photo_storage().delete(lost.display_key)
    photo_storage().delete(lost.thumb_key)
    return kept, lost


def share_path(api) -> str:
    body = {"from": "2026-10-01", "to": "2026-10-20", "include_photos": True, "expires_in_days": 7}
    created = api.post("/api/v1/shares/", body, format="json")
    assert created.status_code == 201, created.content
    return urlsplit(created.json()["url"]).path


def test_share_answers_a_photo_without_its_file_with_404(api, photos):
    kept, lost = photos
    path = share_path(api)
    clinician = APIClient()
    assert clinician.get(path).status_code == 200
    for size in ("", "?size=display"):
        assert clinician.get(f"{path}photos/{lost.pk}{size}").status_code == 404
        assert clinician.get(f"{path}photos/{kept.pk}{size}").status_code == 200
    pdf = clinician.get(f"{path}report.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_account_export_completes_and_lists_the_photo_as_missing(api, photos):
    kept, lost = photos
    response = api.get("/api/v1/account/export")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    listed = {p["id"]: p for p in json.loads(archive.read("footlog-data.json"))["photos"]}
    named = (
        "id",
        "date",
        "site",
        "view",
        "scale_in_frame",
        "quality",
        "file",
        "missing",
    )  # format 2 adds the entry, size ...
    assert {k: v for k, v in listed[str(lost.pk)].items() if k in named} == {
        "id": str(lost.pk),
        "date": "2026-10-04",
        "site": "right_heel",
        "view": None,
        "scale_in_frame": None,
        "quality": lost.quality,
        "file": None,
        "missing": True,
    }
    assert set(lost.quality or {}) == {"sharp", "exposure"}
    assert listed[str(kept.pk)]["file"] in archive.namelist() and "missing" not in listed[str(kept.pk)]
    assert [name for name in archive.namelist() if name.startswith("photos/")] == [listed[str(kept.pk)]["file"]]
    assert archive.read(listed[str(kept.pk)]["file"]).startswith(b"\xff\xd8")
