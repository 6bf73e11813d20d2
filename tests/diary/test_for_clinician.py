"""`for_clinician` on an entry: the user marks the day's notes "show my dermatologist"; those notes reach page 1 of
the report and the share page."""

from __future__ import annotations

import io
import uuid

import pytest
from pypdf import PdfReader

from footlog.diary.models import Entry

pytestmark = pytest.mark.django_db
URL = "/api/v1/entries/"


def post(api, **body):
    return api.post(URL, {"date": "2026-11-20", "notes": "squeezed one, sore", **body}, format="json")


def test_stored_returned_and_patched(api, user):
    created = post(api, for_clinician=True)
    assert created.status_code == 201 and created.json()["for_clinician"] is True
    entry_id = created.json()["id"]
    patched = api.patch(f"{URL}{entry_id}/", {"for_clinician": False}, format="json")
    assert patched.status_code == 200 and patched.json()["for_clinician"] is False
    assert Entry.objects.get(pk=entry_id).notes == "squeezed one, sore"  # a PATCH of the flag keeps the notes


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_not_a_boolean_is_a_400_naming_it_and_stores_nothing(api, user, value):
    response = post(api, for_clinician=value)
    assert response.status_code == 400
    assert "for_clinician" in response.json()["errors"]
    assert not Entry.objects.filter(user=user).exists()


def test_a_body_from_before_the_field_replays_as_the_same_entry(api):
    body = {"id": str(uuid.uuid4()), "date": "2026-11-21", "notes": "kept in an old outbox"}
    assert api.post(URL, body, format="json").status_code == 201
    assert api.post(URL, body, format="json").status_code == 200  # not a 409: the flag, unset, is not in it
    assert api.post(URL, {**body, "for_clinician": True}, format="json").status_code == 409


def test_marked_notes_are_on_page_one_of_the_report(api):
    post(api, for_clinician=True, observations=[{"site": "left_heel", "count": 2}])
    api.post(URL, {"date": "2026-11-22", "notes": "an ordinary day"}, format="json")
    pdf = api.get("/api/v1/exports/report.pdf", {"from": "2026-11-01", "to": "2026-11-30"})
    first = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    # The note is quoted as the patient's own words (issue 26: notes stay verbatim, marked as theirs).
    assert "20 Nov 2026 (for the dermatologist): “squeezed one, sore”" in first
    assert "an ordinary day" not in first
