"""GET exports/fhir.json: a FHIR R4 collection Bundle that fhir.resources accepts, with the right codes."""

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.exports.builders import log_entry

URL = "/api/v1/exports/fhir.json"


@pytest.fixture
def history(user):
    user.display_name = "Ana"
    user.save()
    log_entry(
        user,
        "2026-10-01",
        observations=[
            {"site": "left_heel", "count": 3, "largest_mm": 1.5, "itch": 2, "note": "=cmd"},
            {"site": "right_ankle_inner", "count": 0},
        ],
    )
    log_entry(
        user,
        "2026-10-02",
        observations=[
            {"site": "left_heel", "count": 2, "pain": 4, "redness": True, "bleeding": True},
            {"site": "left_top", "count": 1, "spreading": True},
        ],
    )


def bundle_of(response) -> Bundle:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == "application/fhir+json"
    return Bundle.model_validate_json(response.content)  # re-validated by the R4B models


def resources(bundle, kind):
    return [e.resource for e in bundle.entry if e.resource.get_resource_type() == kind]


def test_bundle_is_a_valid_r4_collection(api, history):
    bundle = bundle_of(api.get(URL))
    assert bundle.type == "collection"
    assert len(resources(bundle, "Patient")) == 1
    assert resources(bundle, "Patient")[0].name[0].text == "Ana"
    assert all(e.fullUrl.startswith("urn:uuid:") for e in bundle.entry)
    patient_url = next(e.fullUrl for e in bundle.entry if e.resource.get_resource_type() == "Patient")
    assert {o.subject.reference for o in resources(bundle, "Observation")} == {patient_url}


def test_one_count_observation_per_site_and_day_with_snomed_site_and_laterality(api, history):
    bundle = bundle_of(api.get(URL))
    counts = [o for o in resources(bundle, "Observation") if o.code.coding[0].code == "bump-count"]
    assert sorted((str(o.effectiveDateTime), o.bodySite.text, o.valueQuantity.value) for o in counts) == [
        ("2026-10-01", "Left heel", 3),
        ("2026-10-01", "Right inner ankle", 0),
        ("2026-10-02", "Left heel", 2),
        ("2026-10-02", "Left top of foot", 1),
    ]
    heel = next(o for o in counts if o.bodySite.text == "Left heel")
    coding = heel.bodySite.coding[0]
    assert coding.system == "http://snomed.info/sct"
    assert coding.code == "76853006:272741003=7771000"  # heel, laterality = left
    ankle = next(o for o in counts if o.bodySite.text == "Right inner ankle").bodySite.coding[0]
    assert ankle.code == "344001:272741003=24028007,106233006=255561001"  # ankle, right, medial
    largest = next(c for c in heel.component if c.code.coding[0].code == "largest-mm")
    assert (largest.valueQuantity.value, largest.valueQuantity.code) == (1.5, "mm")
    assert heel.note[0].text == "=cmd"  # JSON is not a spreadsheet: text is kept as typed


def flags(observation) -> dict[str, bool]:
    return {c.code.coding[0].code: c.valueBoolean for c in observation.component if c.valueBoolean is not None}


def test_redness_bleeding_and_spreading_are_boolean_components(api, history):
    counts = {
        (str(o.effectiveDateTime), o.bodySite.text): o
        for o in resources(bundle_of(api.get(URL)), "Observation")
        if o.code.coding[0].code == "bump-count"
    }
    assert flags(counts[("2026-10-02", "Left heel")]) == {"redness": True, "bleeding": True, "spreading": False}
    assert flags(counts[("2026-10-02", "Left top of foot")]) == {"redness": False, "bleeding": False, "spreading": True}
    assert flags(counts[("2026-10-01", "Left heel")]) == {"redness": False, "bleeding": False, "spreading": False}


def test_every_observation_is_reported_by_the_patient(api, history):
    bundle = bundle_of(api.get(URL))
    patient_url = next(e.fullUrl for e in bundle.entry if e.resource.get_resource_type() == "Patient")
    observations = resources(bundle, "Observation")
    assert observations
    for o in observations:
        assert [(c.coding[0].system, c.coding[0].code) for c in o.category] == [
            ("http://terminology.hl7.org/CodeSystem/observation-category", "survey")
        ]
        assert [p.reference for p in o.performer] == [patient_url]
    assert b'"exam"' not in api.get(URL).content


def test_top_of_foot_is_the_dorsum_of_foot(api, history):
    top = next(o for o in resources(bundle_of(api.get(URL)), "Observation") if o.bodySite.text == "Left top of foot")
    assert top.bodySite.coding[0].code == "2402003:272741003=7771000"  # dorsum of foot, laterality = left
    assert "7769000" not in api.get(URL).content.decode()  # 7769000 is "Right foot", not the top of a foot


def test_itch_and_pain_are_scored_observations(api, history):
    bundle = bundle_of(api.get(URL))
    scores = {
        (o.code.coding[0].code, str(o.effectiveDateTime), o.bodySite.text): o.valueInteger
        for o in resources(bundle, "Observation")
        if o.code.coding[0].code in ("pain-score", "itch-score")
    }
    assert scores[("itch-score", "2026-10-01", "Left heel")] == 2  # itch, a 0-10 score (footlog's code)
    assert scores[("pain-score", "2026-10-02", "Left heel")] == 4  # pain, a 0-10 score (also LOINC 72514-3)
    pain = next(o for o in resources(bundle, "Observation") if o.code.coding[0].code == "pain-score")
    assert [c.code for c in pain.code.coding] == ["pain-score", "72514-3"]


def test_range_limits_the_observations(api, history):
    bundle = bundle_of(api.get(URL, {"from": "2026-10-02", "to": "2026-10-02"}))
    dated = [o for o in resources(bundle, "Observation") if o.effectiveDateTime is not None]
    assert {str(o.effectiveDateTime) for o in dated} == {"2026-10-02"}


def test_outsider_bundle_holds_none_of_the_owners_data(outsider, history):
    bundle = bundle_of(outsider.get(URL))
    assert resources(bundle, "Observation") == []
    assert resources(bundle, "Patient")[0].name is None


def test_anonymous_gets_401(anonymous):
    assert anonymous.get(URL).status_code == 401


@pytest.mark.parametrize(
    "params",
    [{"from": "2026-10-03", "to": "2026-10-01"}, {"to": "2026-02-30"}, {"from": "2019-01-01", "to": "2026-01-01"}],
)
def test_bad_ranges_are_400(api, params):
    response = api.get(URL, params)
    assert response.status_code == 400
    assert response.json()["errors"]


def test_photos_are_media_with_site_and_date_but_no_bytes(api, user, history):
    from tests.exports.builders import add_photo

    entry = user.entries.get(date="2026-10-02")
    photo = add_photo(user, entry, "left_heel")
    response = api.get(URL)
    [item] = resources(bundle_of(response), "Media")
    assert str(item.createdDateTime) == "2026-10-02"
    assert item.bodySite.coding[0].code == "76853006:272741003=7771000"
    assert item.bodySite.text == "Left heel"
    patient_url = next(e.fullUrl for e in bundle_of(response).entry if e.resource.get_resource_type() == "Patient")
    assert item.operator.reference == patient_url  # taken by the person, not at a clinic
    assert item.content.contentType == "image/jpeg"
    assert item.content.url == f"/api/v1/photos/{photo.pk}/image"
    assert b'"data"' not in response.content


def test_onset_is_a_patient_reported_observation_with_the_month_or_unknown(api, user, history):
    api.put("/api/v1/site-history/left_heel/", {"noticed_since": "2026-03", "note": "after a hike"}, format="json")
    api.put("/api/v1/site-history/left_top/", {"not_sure": True}, format="json")
    bundle = bundle_of(api.get(URL))
    onsets = [o for o in resources(bundle, "Observation") if o.code.coding[0].code == "bumps-first-noticed"]
    by_site = {o.bodySite.text: o for o in onsets}
    heel = next(o for label, o in by_site.items() if "heel" in label.lower())
    assert str(heel.valueDateTime) == "2026-03" and heel.note[0].text == "after a hike"
    assert heel.category[0].coding[0].code == "survey" and heel.performer[0].reference.startswith("urn:")
    top = next(o for label, o in by_site.items() if "top" in label.lower())
    assert top.valueDateTime is None and top.dataAbsentReason.coding[0].code == "asked-unknown"
    assert not [e for e in bundle.entry if e.resource.get_resource_type() == "Condition"]


def test_a_start_after_today_with_no_end_is_a_400_not_a_500(api):
    """Found by the fuzz run: `from` alone, later than today and than the last logged day, left the range reversed
    and the analysis raised (500)."""
    response = api.get("/api/v1/exports/fhir.json", {"from": "2999-01-01"})
    assert response.status_code == 400
    assert "from" in response.json()["errors"]
