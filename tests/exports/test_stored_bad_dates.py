"""Issue 22, item 2: rows stored before the one gate (an import took any date) never make an export or a share
answer 500. They are left out with a warning that holds no note text; `manage.py footlog_check_data` lists them."""

from __future__ import annotations

import datetime as dt
import io
import logging
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from tests.exports.builders import log_entry

NOTE = "private-note-canary"
YEAR_ONE = dt.date(1, 1, 1)


@pytest.fixture
def broken(user):
    from footlog.clinical.models import SiteOnset, Visit
    from footlog.diary.models import Entry

    log_entry(user, "2026-10-05", observations=[{"site": "left_heel", "count": 2}])
    SiteOnset.objects.create(user=user, site="left_heel", noticed_since=YEAR_ONE, note=NOTE)
    Visit.objects.create(user=user, kind="visited", date=YEAR_ONE, note=NOTE)
    Entry.objects.create(user=user, date=YEAR_ONE, notes=NOTE, create_fingerprint="x")
    return user


def test_exports_and_shares_leave_the_bad_rows_out_with_a_warning(api, broken, caplog):
    caplog.set_level(logging.WARNING)
    fhir = api.get("/api/v1/exports/fhir.json", {"from": "2026-10-01", "to": "2026-10-31"})
    assert fhir.status_code == 200, fhir.content[:300]
    assert NOTE not in fhir.content.decode()
    assert api.get("/api/v1/exports/history.csv", {"from": "2026-10-01", "to": "2026-10-31"}).status_code == 200
    share = api.post(
        "/api/v1/shares/",
        {"from": "2026-10-01", "to": "2026-10-31", "include_photos": False, "expires_in_days": 7},
        format="json",
    )
    assert share.status_code == 201, share.content[:300]
    assert api.get("/api/v1/exports/report.pdf", {"from": "0001-01-01", "to": "2026-10-31"}).status_code == 400
    pdf = api.get("/api/v1/exports/report.pdf", {"from": "2026-10-01", "to": "2026-10-31"})
    assert pdf.status_code == 200, pdf.content[:300]
    page = urlsplit(share.json()["url"]).path
    assert APIClient().get(page).status_code == 200
    assert APIClient().get(page + "report.pdf").status_code == 200
    assert api.get("/api/v1/account/export").status_code == 200
    warnings = [r for r in caplog.records if "outside footlog's calendar" in r.getMessage()]
    assert warnings, [r.getMessage() for r in caplog.records]
    assert all(NOTE not in r.getMessage() for r in caplog.records)


def test_the_check_command_lists_the_rows(broken):
    out = io.StringIO()
    with pytest.raises(CommandError, match="3 row"):
        call_command("footlog_check_data", stdout=out)
    text = out.getvalue()
    assert "clinical.SiteOnset" in text and "clinical.Visit" in text and "0001-01-01" in text
    assert "diary.Entry" in text and NOTE not in text


def test_the_check_command_is_quiet_on_good_data(user):
    out = io.StringIO()
    call_command("footlog_check_data", stdout=out)
    assert "No rows" in out.getvalue()
