"""The report (PDF and share page) speaks with the one wording table and never loses a red flag: every event of
the range with date, site, kind and score, a coverage line, care or "routine not recorded", and bleeding or
spreading in the daily log."""

from __future__ import annotations

import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from footlog.exports.report import build_report, clinician_level_text
from tests.exports.builders import log_entry

URL = "/api/v1/exports/report.pdf"
END = dt.date(2026, 11, 30)
WINDOW = {"from": "2026-09-02", "to": END.isoformat()}


def pdf_text(response) -> str:
    assert response.status_code == 200, response.content[:300]
    pages = PdfReader(io.BytesIO(response.content)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.fixture
def old_red_flag(user):
    """Daily checks of the left heel; pain 6 with redness 16 days before the end, quiet since."""
    flag_day = END - dt.timedelta(days=16)
    for offset in range(30):
        day = END - dt.timedelta(days=offset)
        heel = {"site": "left_heel", "count": 2}
        if day == flag_day:
            heel.update(pain=6, redness=True)
        log_entry(user, day, observations=[heel])
    return flag_day


def test_an_old_red_flag_is_listed_with_date_site_kind_and_score(api, old_red_flag):
    text = pdf_text(api.get(URL, WINDOW))
    first_page = text.split("Page 1 of")[0]
    assert "None logged" not in text
    assert "Left heel pain with redness 6/10 on 14 Nov 2026" in first_page  # one row on page 1
    appendix = text.split("Red flags, every event")[1]
    assert "14 Nov 2026 Left heel pain 6/10" in appendix and "14 Nov 2026 Left heel redness" in appendix


def test_the_headline_is_the_wording_table_for_the_level(user, old_red_flag):
    report = build_report(user, dt.date.fromisoformat(WINDOW["from"]), END)
    assert report.level in ("book", "urgent")  # a red flag 16 days ago: at least "book"
    assert report.level_text == clinician_level_text(report.level)  # the wording table, for the clinician
    listed = {(f.date, f.site, f.kind, f.value) for f in report.red_flags}
    assert listed == {(old_red_flag, "Left heel", "pain", "6/10"), (old_red_flag, "Left heel", "redness", "")}


def test_a_recent_red_flag_heads_the_report_with_seek_care_promptly(api, user):
    log_entry(user, END, observations=[{"site": "right_ankle_outer", "count": 1, "bleeding": True}])
    log_entry(user, END - dt.timedelta(days=1), observations=[{"site": "left_toes", "count": 2, "spreading": True}])
    text = pdf_text(api.get(URL, WINDOW))
    assert "Seek care promptly." in text.split("Where, since when")[0]  # above the first table: the headline
    assert "30 Nov 2026 Right outer ankle bleeding" in text
    assert "29 Nov 2026 Left toes spreading" in text
    daily = text.split("Daily log")[1]
    assert "bleeding" in daily and "spreading" in daily


def test_coverage_line_sparse_note_and_routine_not_recorded(api, user):
    log_entry(user, "2026-11-01", observations=[{"site": "left_heel", "count": 1}])
    log_entry(user, END, observations=[{"site": "left_heel", "count": 1}])
    text = pdf_text(api.get(URL, WINDOW))
    assert "2 of 30 days logged; last entry 30 Nov 2026" in text
    assert "Only 2 of 30 days were logged" in text
    assert "Care overall: routine not recorded" in text
    assert "0%" not in text.split("Care overall")[1].split("Red flags")[0]


def test_care_against_the_plan(api, user):
    for offset in range(14):
        log_entry(user, END - dt.timedelta(days=offset), routine={"wash": True, "exfoliate": offset % 7 in (0, 3)})
    text = pdf_text(api.get(URL, WINDOW))
    assert "Care overall: 100% of the planned care done" in text


def test_the_share_page_heads_with_the_wording_table(api, user):
    log_entry(user, END, observations=[{"site": "left_heel", "count": 1, "pain": 5}])
    created = api.post(
        "/api/v1/shares/",
        {**WINDOW, "include_photos": False, "expires_in_days": 7},
        format="json",
    )
    assert created.status_code == 201, created.content
    html = api.get(urlsplit(created.json()["url"]).path).content.decode()
    assert f'id="headline">{clinician_level_text("urgent")}</p>' in html
    assert "pain" in html and "5/10" in html
