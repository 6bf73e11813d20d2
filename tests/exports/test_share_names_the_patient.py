"""The clinician's share page and PDF name the patient by display name, never by email."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader
from rest_framework.test import APIClient

from tests.exports.builders import log_entry

BODY = {"from": "2026-10-01", "to": "2026-10-20", "include_photos": False, "expires_in_days": 7}


def shared_page(api) -> str:
    response = api.post("/api/v1/shares/", BODY, format="json")
    assert response.status_code == 201, response.content
    return urlsplit(response.json()["url"]).path


@pytest.fixture
def history(user):
    log_entry(user, "2026-10-05", observations=[{"site": "left_heel", "count": 4}])


def pdf_text(content: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_share_page_and_pdf_show_the_display_name_not_the_email(api, user, history):
    user.display_name = "Robin K."
    user.save(update_fields=["display_name"])
    path = shared_page(api)
    page = APIClient().get(path).content.decode()
    assert "Robin K." in page and user.email not in page
    pdf = pdf_text(APIClient().get(path + "report.pdf").content)
    assert "Robin K." in pdf and user.email not in pdf


def test_without_a_display_name_the_share_page_says_the_patient(api, user, history):
    assert not user.display_name
    page = APIClient().get(shared_page(api)).content.decode()
    assert "the patient" in page
    assert user.email not in page and user.email.split("@")[0] not in page
