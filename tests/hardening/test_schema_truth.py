"""What the schema refuses, the server refuses (issue 22, item 4): the inputs schemathesis found accepted, and the
schema's statements that the fuzz test relies on."""

from __future__ import annotations

import json

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from accounts.consent import CONSENT_VERSION


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))


@pytest.mark.parametrize("page_size", ["0", "-3", "1.5", "abc", "", "null"])
def test_a_page_size_that_is_not_a_whole_number_from_1_is_400(api, page_size):
    response = api.get("/api/v1/entries/", {"page_size": page_size})
    assert response.status_code == 400, response.content
    assert "page_size" in response.json()["errors"]


def test_a_large_page_size_is_still_capped(api):
    assert api.get("/api/v1/entries/", {"page_size": "100000"}).status_code == 200


@pytest.mark.parametrize(("value", "status"), [("934", 400), ("yes", 400), ("0", 200), ("false", 200)])
def test_with_report_takes_a_boolean_only(api, value, status):
    response = api.get("/api/v1/exports/fhir.json", {"with_report": value})
    assert response.status_code == status, response.content


@pytest.mark.parametrize("url", ["/api/v1/exports/history.csv", "/api/v1/account/export"])
def test_an_empty_format_is_406_like_any_format_outside_the_enum(api, url):
    response = api.get(url, {"format": ""})
    assert response.status_code == 406, response.content
    assert "detail" in response.json()


def test_the_schema_states_bounds_enums_and_rules(schema):
    components = schema["components"]["schemas"]
    assert components["ConsentInRequest"]["properties"]["version"]["enum"] == [CONSENT_VERSION]
    assert "Europe/Berlin" in components["PatchedAccountRequest"]["properties"]["timezone"]["enum"]
    assert components["EntryCreateInRequest"]["properties"]["observations"]["maxItems"] == 12
    assert "1900-01-01 to 2999-12-31" in components["ShareInRequest"]["properties"]["from"]["description"]
    assert "at most five years" in components["ShareInRequest"]["description"]
    assert "consider_after_days" in components["TimelineSettingsIORequest"]["description"]
    assert components["PatchedVisitPatchInRequest"]["additionalProperties"] is False
    assert "nullable" not in components["PhotoInRequest"]["properties"]["site"]
    # The timeline's visit rows and POST visits/' answer are two components, not one.
    assert "since" not in components["VisitOut"]["properties"]
    assert "since" in components["TimelineVisitOut"]["properties"]
    entries = schema["paths"]["/api/v1/entries/"]["get"]["parameters"]
    assert next(p for p in entries if p["name"] == "page_size")["schema"]["minimum"] == 1
    assert schema["paths"]["/api/v1/routine-steps/{key}/"]["patch"]["requestBody"]["required"] is True
