"""Onset per site (`site-history/`) and recorded visits (`visits/`): what is stored, and that bad input stores
nothing."""

from __future__ import annotations

import pytest
import time_machine

from footlog.clinical.models import SiteOnset, Visit

pytestmark = pytest.mark.django_db
NOW = "2026-12-02T12:00:00+00:00"  # the account (Europe/Berlin) is on 2 Dec 2026


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def put_onset(api, site="left_heel", **body):
    return api.put(f"/api/v1/site-history/{site}/", body, format="json")


def test_onset_is_stored_per_site_as_a_month_and_read_back(api):
    assert put_onset(api, noticed_since="2026-03", note="after new shoes").status_code == 200
    assert put_onset(api, "right_ankle_outer", not_sure=True).status_code == 200
    assert api.get("/api/v1/site-history/").json() == [
        {"site": "left_heel", "noticed_since": "2026-03", "not_sure": False, "note": "after new shoes"},
        {"site": "right_ankle_outer", "noticed_since": None, "not_sure": True, "note": ""},
    ]


def test_a_second_put_replaces_the_sites_record(api, user):
    put_onset(api, noticed_since="2026-03", note="first answer")
    answer = put_onset(api, noticed_since="2025-11")
    assert answer.json() == {"site": "left_heel", "noticed_since": "2025-11", "not_sure": False, "note": ""}
    assert SiteOnset.objects.filter(user=user).count() == 1


def test_the_current_month_is_accepted_and_next_month_refused(api, user):
    assert put_onset(api, noticed_since="2026-12").status_code == 200
    refused = put_onset(api, noticed_since="2027-01")
    assert refused.status_code == 400
    assert "noticed_since" in refused.json()["errors"]
    assert SiteOnset.objects.get(user=user).noticed_since.isoformat() == "2026-12-01"


@pytest.mark.parametrize(
    "body,field",
    [
        ({"noticed_since": "2026-13"}, "noticed_since"),
        ({"noticed_since": "2026-3"}, "noticed_since"),
        ({"noticed_since": "2026-03-04"}, "noticed_since"),
        ({"noticed_since": 202603}, "noticed_since"),
        ({"noticed_since": "1850-01"}, "noticed_since"),
        ({"not_sure": "yes"}, "not_sure"),
        ({"not_sure": True, "noticed_since": "2026-03"}, "not_sure"),
        ({"note": "x" * 501}, "note"),
        ({"note": 5}, "note"),
    ],
)
def test_bad_onset_is_a_400_naming_the_field_and_keeps_what_was_stored(api, user, body, field):
    put_onset(api, noticed_since="2026-02", note="kept")
    response = put_onset(api, **body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    stored = SiteOnset.objects.get(user=user)
    assert (stored.noticed_since.isoformat(), stored.note) == ("2026-02-01", "kept")


def test_unknown_site_is_a_404(api):
    assert put_onset(api, "left_knee", not_sure=True).status_code == 404


def test_outsider_sees_and_changes_nothing_of_the_owners_onset(api, outsider):
    put_onset(api, noticed_since="2026-03", note="owner's")
    assert outsider.get("/api/v1/site-history/").json() == []
    put_onset(outsider, not_sure=True)
    assert api.get("/api/v1/site-history/").json()[0]["note"] == "owner's"


def post_visit(api, **body):
    return api.post("/api/v1/visits/", body, format="json")


def test_visits_are_listed_newest_first_and_a_booking_may_lie_ahead(api):
    assert post_visit(api, kind="visited", date="2026-10-03", note="looked at both heels").status_code == 201
    assert post_visit(api, kind="booked", date="2027-01-15").status_code == 201
    listed = api.get("/api/v1/visits/").json()
    assert [(v["kind"], v["date"], v["note"]) for v in listed] == [
        ("booked", "2027-01-15", ""),
        ("visited", "2026-10-03", "looked at both heels"),
    ]
    in_range = api.get("/api/v1/visits/?from=2026-10-01&to=2026-10-31").json()
    assert [v["date"] for v in in_range] == ["2026-10-03"]


@pytest.mark.parametrize(
    "body,field",
    [
        ({"kind": "visited", "date": "2026-12-03"}, "date"),  # tomorrow in Berlin: not yet had
        ({"kind": "booked", "date": "2028-01-01"}, "date"),
        ({"kind": "cancelled", "date": "2026-11-01"}, "kind"),
        ({"kind": ["booked"], "date": "2026-11-01"}, "kind"),
        ({"kind": "booked", "date": "01/11/2026"}, "date"),
        ({"kind": "booked"}, "date"),
        ({"kind": "booked", "date": "2026-11-01", "note": "n" * 501}, "note"),
    ],
)
def test_bad_visit_is_a_400_naming_the_field_and_stores_nothing(api, user, body, field):
    response = post_visit(api, **body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    assert not Visit.objects.filter(user=user).exists()


def test_owner_deletes_a_visit_and_an_outsider_gets_404(api, outsider, user):
    visit_id = post_visit(api, kind="visited", date="2026-11-20").json()["id"]
    assert outsider.delete(f"/api/v1/visits/{visit_id}/").status_code == 404
    assert Visit.objects.filter(pk=visit_id).exists()
    assert api.delete(f"/api/v1/visits/{visit_id}/").status_code == 204
    assert not Visit.objects.filter(user=user).exists()


def test_deleting_the_account_deletes_onsets_and_visits(api, user):
    from tests.conftest import PASSWORD

    put_onset(api, not_sure=True)
    post_visit(api, kind="visited", date="2026-11-20")
    assert api.delete("/api/v1/account/", {"password": PASSWORD}, format="json").status_code == 204
    assert not SiteOnset.objects.exists()
    assert not Visit.objects.exists()


def test_a_recorded_visit_is_a_dated_event_on_the_timeline_page_and_in_the_report(api, consented):
    from tests.exports.builders import log_entry

    log_entry(consented, "2026-11-20", observations=[{"site": "left_heel", "count": 2}])
    post_visit(api, kind="visited", date="2026-11-25", note="looked at the heel")
    post_visit(api, kind="booked", date="2027-01-15")
    page = api.get("/timeline/?from=2026-11-01&to=2026-12-02").content.decode()
    assert "Visited a dermatologist on 25 Nov 2026 (looked at the heel)" in page
    assert 'data-kind="visit"' in page  # the chart marks the day
    import io

    from pypdf import PdfReader

    pdf = api.get("/api/v1/exports/report.pdf", {"from": "2026-11-01", "to": "2026-12-02"})
    first = " ".join(PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().split())
    assert "Visited a dermatologist on 25 Nov 2026 (looked at the heel)" in first


def test_the_timeline_page_records_a_visit_and_tells_a_bad_one_inline(api, consented):
    answer = api.post("/timeline/", {"kind": "visited", "date": "2026-11-28", "note": "heel checked"})
    assert answer.status_code == 302
    assert [(v.kind, v.date.isoformat(), v.note) for v in Visit.objects.filter(user=consented)] == [
        ("visited", "2026-11-28", "heel checked")
    ]
    refused = api.post("/timeline/", {"kind": "visited", "date": "2026-12-09"})
    assert refused.status_code == 400
    assert "cannot be in the future" in refused.content.decode()
    assert Visit.objects.filter(user=consented).count() == 1
