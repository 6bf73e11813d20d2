"""Pinned boundaries (issue 24, item 6): a red flag on the range's first day and one on its last day appear in the
PDF (page 1's rows and the every-event appendix), on the share page and in FHIR (a red-flag Observation and that
day's count). Each assertion fails if the range's first (or last) day were dropped (`>` for `>=`)."""

from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import urlsplit

import pytest
from fhir.resources.R4B.bundle import Bundle
from pypdf import PdfReader
from rest_framework.test import APIClient

from tests.exports.builders import log_entry

FIRST, LAST = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
RANGE = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
RED_FLAG_KINDS = "https://footlog.app/fhir/CodeSystem/red-flag-kind"


@pytest.fixture
def edges(user):
    """Bleeding at the left heel on the range's first day, spreading at the right sole on its last day; the days
    just outside the range are logged quiet (so nothing else could stand in for them)."""
    log_entry(user, FIRST - dt.timedelta(days=1), observations=[{"site": "left_heel", "count": 2}])
    log_entry(user, FIRST, observations=[{"site": "left_heel", "count": 2, "bleeding": True}])
    log_entry(user, dt.date(2026, 10, 15), observations=[{"site": "left_heel", "count": 2}])
    log_entry(user, LAST, observations=[{"site": "right_sole", "count": 1, "spreading": True}])
    log_entry(user, LAST + dt.timedelta(days=1), observations=[{"site": "right_sole", "count": 1}])


def text_of_html(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_first_and_last_day_red_flags_are_in_the_pdf(api, edges):
    response = api.get("/api/v1/exports/report.pdf", RANGE)
    assert response.status_code == 200
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages]
    flags = pages[0].split("Red flags")[1].split("What was tried")[0]
    assert "Left heel bleeding on 1 Oct 2026" in flags
    assert "Right sole spreading on 31 Oct 2026" in flags
    assert "2 dated events" in flags
    appendix = " ".join(pages).split("Red flags, every event")[1]
    assert "1 Oct 2026 Left heel bleeding" in appendix and "31 Oct 2026 Right sole spreading" in appendix
    assert "30 Sep 2026" not in appendix and "1 Nov 2026" not in appendix


def test_first_and_last_day_red_flags_are_on_the_share_page(api, edges):
    created = api.post("/api/v1/shares/", {**RANGE, "include_photos": False, "expires_in_days": 7}, format="json")
    assert created.status_code == 201, created.content
    text = text_of_html(APIClient().get(urlsplit(created.json()["url"]).path).content.decode())
    flags = text.split("Red flags")[1].split("What was tried")[0]
    assert "Left heel bleeding on 1 Oct 2026" in flags and "Right sole spreading on 31 Oct 2026" in flags
    appendix = text.split("Red flags, every event")[1]
    assert "1 Oct 2026 Left heel bleeding" in appendix and "31 Oct 2026 Right sole spreading" in appendix


def test_first_and_last_day_red_flags_are_in_fhir(api, edges):
    response = api.get("/api/v1/exports/fhir.json", RANGE)
    assert response.status_code == 200
    bundle = Bundle.model_validate_json(response.content)
    observations = [e.resource for e in bundle.entry if e.resource.get_resource_type() == "Observation"]
    flags = {
        (str(o.effectiveDateTime), o.bodySite.text, o.valueCodeableConcept.coding[0].code)
        for o in observations
        if o.valueCodeableConcept is not None and o.valueCodeableConcept.coding[0].system == RED_FLAG_KINDS
    }
    assert flags == {("2026-10-01", "Left heel", "bleeding"), ("2026-10-31", "Right sole", "spreading")}
    counted = {str(o.effectiveDateTime) for o in observations if o.code.coding[0].code == "bump-count"}
    assert counted == {"2026-10-01", "2026-10-15", "2026-10-31"}
