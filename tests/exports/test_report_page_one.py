"""Page 1 of the report answers a dermatologist's questions in numbers, for realistic histories: where, since when
(as noticed, first logged, this spell), how many (first week → last week), how big, itch and pain with their days,
changing (in numbers), recurrences, every red flag with date and score, what was tried against its plan and with
what product, exposures as dates, the notes that matter, the questions, and changed settings."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from footlog.exports.report import clinician_level_text
from tests.exports.builders import custom_step, log_entry

URL = "/api/v1/exports/report.pdf"
END = dt.date(2026, 11, 30)
START = dt.date(2026, 9, 1)
RANGE = {"from": START.isoformat(), "to": END.isoformat()}


def pages_of(response) -> list[str]:
    assert response.status_code == 200, response.content[:300]
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages]


@pytest.fixture
def persisting(user, api):
    """A left heel rising from 2 to 10 bumps over 13 weeks, faithful care with urea cream, exfoliation twice a
    week, an own cream from 10 Oct, a new product on 21 Nov; the right sole clear; the left toes not checked
    since 5 Nov. The user noticed the heel in June."""
    cream = custom_step(user, "Salicylic cream")
    assert api.put("/api/v1/site-history/left_heel/", {"noticed_since": "2026-06"}, format="json").status_code == 200
    for offset in range((END - START).days + 1):
        day = START + dt.timedelta(days=offset)
        heel = {"site": "left_heel", "count": 2 + offset * 8 // 90, "largest_mm": 1.5 if offset < 60 else 2.0}
        if day == dt.date(2026, 11, 12):
            heel.update(itch=4)
        if day == dt.date(2026, 11, 20):
            heel.update(pain=2)
        observations = [heel, {"site": "right_sole", "count": 0}]
        if day <= dt.date(2026, 11, 5):
            observations.append({"site": "left_toes", "count": 1})
        routine = {"wash": True, "moisturise": (True, "urea 10 %"), "exfoliate": offset % 7 in (0, 3)}
        if day >= dt.date(2026, 10, 10):
            routine[cream.key] = True
        if day == dt.date(2026, 11, 21):
            routine["new_product"] = True
        log_entry(
            user,
            day,
            observations=observations,
            routine=routine,
            notes="squeezed one, sore" if day == dt.date(2026, 11, 20) else "",
        )


def test_persisting_site_in_numbers(api, persisting):
    first = pages_of(api.get(URL, RANGE))[0]
    assert "Left heel" in first
    assert "noticed: about Jun 2026" in first
    assert "first logged 1 Sep 2026" in first
    assert "first week 7–8 → last week 9–10" in first
    assert "2 → 10 over 13 weeks" in first
    assert "2 mm (30 Nov 2026)" in first
    assert "itch 4/10 on 12 Nov 2026" in first and "pain 2/10 on 20 Nov 2026" in first
    assert "Right sole: clear when last checked" in first
    # the left toes had bumps in the range: in the table, not checked since (issue 21: page 1 hides nothing)
    assert "latest: not checked since 5 Nov 2026 (1 then)" in first


def test_what_was_tried_against_plan_with_products_and_exposures_as_dates(api, persisting):
    first = pages_of(api.get(URL, RANGE))[0]
    assert "urea 10 %" in first
    assert "2/week" in first  # exfoliation twice a week is the plan, so 100 % against it
    assert "Salicylic cream" in first and "10 Oct 2026 – 30 Nov 2026" in first
    assert "New product on the feet from 21 Nov 2026 (1 day: 21 Nov 2026)" in first
    assert "squeezed one, sore" in first and "pain or redness logged" in first
    assert "0%" not in first.split("What was tried")[1].split("Recommendation")[0].replace("100%", "")


def test_daily_log_lists_care_done_and_exposures_not_every_skipped_step(api, persisting):
    rest = " ".join(pages_of(api.get(URL, RANGE))[1:])
    assert "not done:" not in rest
    assert "exposure: New product" in rest


def test_the_report_names_the_patient_never_the_email(api, user, persisting):
    text = " ".join(pages_of(api.get(URL, RANGE)))
    assert user.email not in text
    assert "the patient" in text
    user.display_name = "Ana Souza"
    user.save()
    assert "Ana Souza" in pages_of(api.get(URL, RANGE))[0]


@pytest.fixture
def red_flag_16_days_ago(user):
    flag_day = END - dt.timedelta(days=16)
    for offset in range(40):
        day = END - dt.timedelta(days=offset)
        heel = {"site": "left_ankle_outer", "count": 3}
        if day == flag_day:
            heel.update(pain=6, redness=True)
        log_entry(user, day, observations=[heel], notes="spreading along the ankle bone" if day == flag_day else "")
    return flag_day


def test_red_flag_16_days_ago_is_on_page_one_with_its_note(api, red_flag_16_days_ago):
    first = pages_of(api.get(URL, RANGE))[0]
    assert "Left outer ankle pain with redness 6/10 on 14 Nov 2026" in first
    assert "None logged" not in first
    assert "spreading along the ankle bone" in first and "red-flag day" in first
    assert clinician_level_text("book") == "Consider booking a visit with a dermatologist."
    assert clinician_level_text("book") in first


def test_red_flags_before_the_range_get_one_line(api, user, red_flag_16_days_ago):
    later = {"from": "2026-11-20", "to": END.isoformat()}
    first = pages_of(api.get(URL, later))[0]
    assert "Earlier red flags: 1, latest 14 Nov 2026" in first


def test_all_clear_history_reads_plainly(api, user):
    for offset in range(30):
        log_entry(
            user,
            END - dt.timedelta(days=offset),
            observations=[
                {"site": "left_heel", "count": 0},
                {"site": "right_heel", "count": 0},
            ],
        )
    first = pages_of(api.get(URL, RANGE))[0]
    assert clinician_level_text("none") in first and "your" not in first
    assert "Left heel, Right heel: clear when last checked" in first
    assert "No site with bumps in this range." in first
    assert "None logged in this range" in first


def test_heavy_history_keeps_page_one_to_five_of_each(api, user):
    """30 pain days, long notes and 2000-character questions: the 30 pain days one red-flag row, five questions
    and three notes on page 1, all of it in full later (every red-flag event dated)."""
    for offset in range(30):
        log_entry(
            user,
            END - dt.timedelta(days=offset),
            observations=[{"site": "left_sole", "count": 4, "pain": 5}],
            notes=f"day {offset} " + "long note " * 80,
        )
    questions = "\n".join(f"Question {n}: " + "why " * 60 for n in range(7))[:2000]
    pages = pages_of(api.get(URL, {**RANGE, "questions": questions}))
    first = pages[0]
    flags = first.split("Red flags")[1].split("What was tried")[0]
    assert "Left sole pain 5/10 on 30 days, 1 Nov – 30 Nov 2026" in flags
    assert "30 dated events, each listed on a later page." in flags
    assert "27 more on a later page." in first.split("Notes")[1]  # three notes on page 1
    assert "2 more on a later page." in first.split("Questions for the visit")[1]
    assert "Page 1 of" in first  # all of it on page 1
    rest = " ".join(pages[1:])
    assert (
        "Red flags, every event" in rest
        and rest.count("Left sole pain 5/10") == 30
        and "Questions in full" in rest
        and "Notes in full" in rest
    )
    assert "day 29 " + "long note " * 79 in rest + " "  # a note in full, not cut
