"""A share's access log counts visits (one per client per 30 minutes, the client known only as an HMAC in the
cache), and an unknown, expired or revoked link gets one styled 404 page that tells none of them apart."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
import time_machine
from rest_framework.test import APIClient

from footlog.sharing.models import ShareAccess
from tests.exports.builders import log_entry

BODY = {"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7}
FIREFOX = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0"
START = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def link(api, user):
    log_entry(user, "2026-11-20", observations=[{"site": "left_heel", "count": 2}])
    with time_machine.travel(START, tick=False):
        created = api.post("/api/v1/shares/", BODY, format="json").json()
    return urlsplit(created["url"]).path, created["id"]


def visit(path, ip, when, ua=FIREFOX):
    with time_machine.travel(when, tick=False):
        return APIClient().get(path, HTTP_USER_AGENT=ua, REMOTE_ADDR=ip)


def test_page_and_pdf_loads_of_one_visit_count_once(link):
    path, share_id = link
    assert visit(path, "203.0.113.7", START).status_code == 200
    visit(path + "report.pdf", "203.0.113.7", START + dt.timedelta(minutes=5))
    visit(path, "203.0.113.7", START + dt.timedelta(minutes=20))
    assert ShareAccess.objects.filter(share_id=share_id).count() == 1
    # 30 minutes after the last request of that visit: a new visit.
    visit(path, "203.0.113.7", START + dt.timedelta(minutes=51))
    assert ShareAccess.objects.filter(share_id=share_id).count() == 2


def test_two_clients_are_two_visits_and_no_ip_is_stored(link):
    path, share_id = link
    visit(path, "203.0.113.7", START)
    visit(path, "198.51.100.4", START + dt.timedelta(minutes=1))
    rows = list(ShareAccess.objects.filter(share_id=share_id).values())
    assert len(rows) == 2
    assert "203.0.113" not in str(rows) and "198.51.100" not in str(rows)


def test_the_export_page_shows_visits_with_the_last_one(api, consented, link):
    path, _ = link
    visit(path, "203.0.113.7", START)
    visit(path, "203.0.113.7", START + dt.timedelta(minutes=3))
    page = api.get("/export/").content.decode()
    assert "visited 1×, last 2 Dec" in page


def test_unknown_expired_and_revoked_links_get_the_same_styled_404(api, link):
    path, share_id = link
    unknown = APIClient().get("/share/" + "A" * 43 + "/")
    api.delete(f"/api/v1/shares/{share_id}/")
    revoked = APIClient().get(path)
    with time_machine.travel(START + dt.timedelta(days=8), tick=False):
        fresh = api.post("/api/v1/shares/", BODY, format="json").json()
    with time_machine.travel(START + dt.timedelta(days=16), tick=False):
        expired = APIClient().get(urlsplit(fresh["url"]).path)
    bodies = set()
    for response in (unknown, revoked, expired):
        assert response.status_code == 404
        assert response["X-Robots-Tag"].startswith("noindex")
        html = response.content.decode()
        assert "This link has expired, was withdrawn, or is mistyped." in html
        assert '<meta name="robots" content="noindex' in html
        bodies.add(html)
    assert len(bodies) == 1  # no oracle between unknown, revoked and expired
