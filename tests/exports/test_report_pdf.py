import datetime as dt
import io
import subprocess

import pytest
from pypdf import PdfReader

from tests.exports.builders import log_entry

URL = "/api/v1/exports/report.pdf"
START = dt.date(2026, 9, 1)


def pdf_pages(response) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/pdf"
    # Whitespace normalised: table cells wrap, and a wrapped line must not hide a phrase.
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(response.content)).pages]


@pytest.fixture
def history(user):
    """Eight weeks of a persisting left heel, some care, and one red day at the right ankle."""
    for day in range(56):
        date = START + dt.timedelta(days=day)
        observations = [{"site": "left_heel", "count": 3 + day // 14, "largest_mm": 1.5}]
        if day == 50:
            observations.append({"site": "right_ankle_outer", "count": 1, "redness": True, "pain": 3})
        log_entry(
            user,
            date,
            observations=observations,
            routine={"wash": True, "moisturise": day % 4 != 0},
            notes="after the gym" if day == 3 else "",
        )


def test_page_one_answers_the_dermatologists_questions(api, history):
    pages = pdf_pages(
        api.get(URL, {"from": "2026-09-01", "to": "2026-10-26", "questions": "Is it milia?\nCan I use urea?"})
    )
    first = pages[0]
    for heading in (
        "Where, since when, how many, how big, changing?",
        "What was tried, and how faithfully",
        "Red flags",
        "Recommendation",
        "Questions for the visit",
    ):
        assert heading in first
    assert "Left heel" in first and "1.5 mm" in first
    assert "Washed with mild soap" in first
    assert "Is it milia?" in first and "Can I use urea?" in first
    assert "Seek care promptly" in first  # the redness/pain red flag
    assert "Not a diagnosis" in first
    assert "Page 1 of" in first
    assert "1 Sep 2026" in first and "26 Oct 2026" in first


def test_first_page_renders_to_an_image(api, history, tmp_path):
    """pdftoppm must read the PDF; the PNG is kept in FOOTLOG_REPORT_PNG for a person to look at."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(api.get(URL, {"from": "2026-09-01", "to": "2026-10-26"}).content)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    assert png.stat().st_size > 5000
    import os
    import shutil

    if os.environ.get("FOOTLOG_REPORT_PNG"):
        shutil.copy(png, os.environ["FOOTLOG_REPORT_PNG"])
        shutil.copy(pdf, os.environ["FOOTLOG_REPORT_PNG"] + ".pdf")


def test_later_pages_hold_the_chart_photos_section_and_daily_log(api, history):
    pages = pdf_pages(api.get(URL, {"from": "2026-09-01", "to": "2026-10-26"}))
    rest = "\n".join(pages[1:])
    assert "Timeline" in pages[1] and "Timeline" not in pages[0]  # the chart starts on its own page
    assert "Photos: baseline, middle and latest per site and view" in rest
    assert "Daily log" in rest
    assert "2026-09-04" in rest and "after the gym" in rest
    assert all("Not a diagnosis" in page for page in pages)
    assert f"Page {len(pages)} of {len(pages)}" in pages[-1]


def test_default_range_is_the_last_90_days(api, user, time_machine):
    time_machine.move_to(dt.datetime(2026, 10, 26, 12, tzinfo=dt.UTC))
    log_entry(user, "2026-07-01", notes="too old to show")
    log_entry(user, "2026-10-20", notes="recent day")
    text = "\n".join(pdf_pages(api.get(URL)))
    assert "recent day" in text and "too old to show" not in text
    assert "29 Jul 2026" in text  # 90 days ending 26 Oct


def test_outsider_report_holds_none_of_the_owners_data(outsider, history):
    text = "\n".join(pdf_pages(outsider.get(URL, {"from": "2026-09-01", "to": "2026-10-26"})))
    assert "Left heel" not in text
    assert "No days logged in this range." in text


def test_anonymous_gets_401(anonymous):
    assert anonymous.get(URL).status_code == 401


@pytest.mark.parametrize(
    "params",
    [
        {"from": "2026-10-05", "to": "2026-10-01"},
        {"from": "05/10/2026"},
        {"from": "2020-01-01", "to": "2026-01-01"},
        {"questions": "x" * 2001},
    ],
)
def test_bad_input_is_400_json(api, params):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"]


def test_photo_sheet_shows_first_middle_and_latest_per_site(api, user):
    from tests.exports.builders import add_photo

    for day in range(5):
        entry = log_entry(user, START + dt.timedelta(days=day * 7), observations=[{"site": "left_heel", "count": 2}])
        add_photo(user, entry, "left_heel", colour=(40 * day, 120, 160))
    response = api.get(URL, {"from": "2026-09-01", "to": "2026-10-05"})
    pages = pdf_pages(response)
    photo_page = next(p for p in pages if "Photos: baseline, middle and latest per site and view" in p)
    sheet = photo_page.split("Photos: baseline, middle and latest per site and view")[1].split("Daily log")[0]
    assert "Left heel" in sheet
    assert [d for d in ("1 Sep 2026", "8 Sep 2026", "15 Sep 2026", "22 Sep 2026", "29 Sep 2026") if d in sheet] == [
        "1 Sep 2026",
        "15 Sep 2026",
        "29 Sep 2026",
    ]
    # Distinct image data: pypdf may list one embedded image more than once.
    images = {img.data for page in PdfReader(io.BytesIO(response.content)).pages for img in page.images}
    assert len(images) == 3
