"""FHIR that carries the hand-over (issue 21, item 9): scores that assert nothing at 0, routine and adherence,
exposures, visits as Encounter with a CarePlan, red-flag events, entry notes, distinct ankle displays, and the PDF
inside a DocumentReference only when asked. Every bundle is re-validated with fhir.resources' R4B models."""

from __future__ import annotations

import base64
import datetime as dt

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.exports.builders import log_entry

URL = "/api/v1/exports/fhir.json"
RANGE = {"from": "2026-10-01", "to": "2026-10-10"}
SCORES = "https://footlog.app/fhir/CodeSystem/score"
FOOTLOG = "https://footlog.app/fhir/CodeSystem/observation"


@pytest.fixture
def history(user):
    """Ten days: the left heel with itch 0 and pain 0 at first, bleeding on 5 Oct, pain 5 on 9 and 10 Oct;
    urea cream daily (with its product), a new product on 3 Oct; notes on two days; both outer ankles checked;
    a visit on 6 Oct with a plan and a review date."""
    from footlog.clinical.services import visit_record

    for offset in range(10):
        day = dt.date(2026, 10, 1) + dt.timedelta(days=offset)
        heel: dict = {"site": "left_heel", "count": 3}
        if day == dt.date(2026, 10, 5):
            heel.update(bleeding=True)
        if day >= dt.date(2026, 10, 9):
            heel.update(pain=5)
        log_entry(
            user,
            day,
            observations=[
                heel,
                {"site": "left_ankle_outer", "count": 1},
                {"site": "right_ankle_outer", "count": 0},
                {"site": "right_ankle_inner", "count": 0},
            ],
            routine={"moisturise": (True, "urea 10 %"), **({"new_product": True} if offset == 2 else {})},
            notes={0: "first day of logging", 4: "bled after walking"}.get(offset, ""),
        )
    visit = visit_record(user, kind="visited", date=dt.date(2026, 10, 6), note="Dr Lee")
    visit.plan = "retinoid nightly"
    visit.review_on = dt.date(2026, 11, 3)
    visit.save()


def bundle_of(response) -> Bundle:
    assert response.status_code == 200, response.content[:300]
    return Bundle.model_validate_json(response.content)


def resources(bundle: Bundle, kind: str) -> list:
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def coded(bundle: Bundle, system: str, code: str) -> list:
    return [
        o for o in resources(bundle, "Observation") if any(c.system == system and c.code == code for c in o.code.coding)
    ]


def test_itch_and_pain_are_scores_not_findings(api, history):
    bundle = bundle_of(api.get(URL, RANGE))
    itch = coded(bundle, SCORES, "itch-score")
    pain = coded(bundle, SCORES, "pain-score")
    assert itch and pain
    assert all("rated 0-10 by the patient" in o.code.text for o in itch + pain)
    assert {o.valueInteger for o in itch} == {0}  # a 0 is a rating, nothing asserted
    assert sorted(str(o.effectiveDateTime) for o in pain if o.valueInteger == 5) == ["2026-10-09", "2026-10-10"]
    assert b"418290006" not in api.get(URL, RANGE).content  # the finding "Itching" is no longer sent


def test_routine_adherence_and_exposures(api, history):
    bundle = bundle_of(api.get(URL, RANGE))
    [cream] = [o for o in coded(bundle, FOOTLOG, "care-step") if "Moisturi" in o.code.text]
    parts = {c.code.coding[0].code: c for c in cream.component}
    assert parts["days-done"].valueQuantity.value == 10 and parts["days-recorded"].valueQuantity.value == 10
    assert cream.valueQuantity.value == 100 and cream.valueQuantity.unit == "%"
    assert "urea 10 %" in cream.note[0].text
    assert (str(cream.effectivePeriod.start), str(cream.effectivePeriod.end)) == ("2026-10-01", "2026-10-10")
    [exposure] = coded(bundle, FOOTLOG, "exposure")
    assert str(exposure.effectiveDateTime) == "2026-10-03" and exposure.valueBoolean is True
    assert "New product" in exposure.code.text


def test_red_flag_events_derive_from_that_days_count(api, history):
    bundle = bundle_of(api.get(URL, RANGE))
    flags = {
        (str(o.effectiveDateTime), o.valueCodeableConcept.coding[0].code) for o in coded(bundle, FOOTLOG, "red-flag")
    }
    assert ("2026-10-05", "bleeding") in flags
    assert ("2026-10-09", "pain") in flags and ("2026-10-10", "pain") in flags
    urls = {e.fullUrl: e.resource for e in bundle.entry}
    bleeding = next(
        o for o in coded(bundle, FOOTLOG, "red-flag") if o.valueCodeableConcept.coding[0].code == "bleeding"
    )
    source = urls[bleeding.derivedFrom[0].reference]
    assert source.code.coding[0].code == "bump-count" and str(source.effectiveDateTime) == "2026-10-05"
    assert bleeding.bodySite.text == "Left heel"


def test_entry_notes_are_the_patients_words(api, history):
    notes = {
        str(o.effectiveDateTime): o.valueString for o in coded(bundle_of(api.get(URL, RANGE)), FOOTLOG, "diary-note")
    }
    assert notes == {"2026-10-01": "first day of logging", "2026-10-05": "bled after walking"}


def test_a_visit_is_an_encounter_with_its_plan(api, history):
    bundle = bundle_of(api.get(URL, RANGE))
    [encounter] = resources(bundle, "Encounter")
    assert encounter.status == "finished" and str(encounter.period.start) == "2026-10-06"
    [plan] = resources(bundle, "CarePlan")
    encounter_url = next(e.fullUrl for e in bundle.entry if e.resource.get_resource_type() == "Encounter")
    assert plan.encounter.reference == encounter_url
    assert plan.description == "retinoid nightly" and plan.note[0].text == "Dr Lee"
    assert str(plan.activity[0].detail.scheduledPeriod.start) == "2026-11-03"


def test_ankle_sides_have_distinct_displays(api, history):
    bundle = bundle_of(api.get(URL, RANGE))
    displays = {
        o.bodySite.text: o.bodySite.coding[0].display
        for o in coded(bundle, FOOTLOG, "bump-count")
        if "ankle" in o.bodySite.text
    }
    assert len(set(displays.values())) == 3, displays
    assert "right" in displays["Right outer ankle"] and "lateral" in displays["Right outer ankle"]
    assert "left" in displays["Left outer ankle"]
    assert "medial" in displays["Right inner ankle"]


def test_the_pdf_is_inside_only_with_with_report(api, history):
    assert resources(bundle_of(api.get(URL, RANGE)), "DocumentReference") == []
    response = api.get(URL, {**RANGE, "with_report": "1"})
    [doc] = resources(bundle_of(response), "DocumentReference")
    assert doc.content[0].attachment.contentType == "application/pdf" and doc.content[0].attachment.url is None
    [raw] = [e["resource"] for e in response.json()["entry"] if e["resource"]["resourceType"] == "DocumentReference"]
    pdf = base64.b64decode(raw["content"][0]["attachment"]["data"])
    assert pdf.startswith(b"%PDF") and raw["content"][0]["attachment"]["size"] == len(pdf)


def test_outsider_gets_none_of_it(outsider, history):
    bundle = bundle_of(outsider.get(URL, {**RANGE, "with_report": "1"}))
    assert [e.resource.get_resource_type() for e in bundle.entry] == ["Patient", "DocumentReference"]
    assert not resources(bundle, "Encounter") and not resources(bundle, "Observation")


def test_every_bundle_says_it_is_the_patients_log_not_a_diagnosis(api):
    bundle = bundle_of(api.get(URL, RANGE))  # nothing logged: still said
    [tag] = bundle.meta.tag
    assert tag.code == "patient-kept-log" and "Not a diagnosis." in tag.display
