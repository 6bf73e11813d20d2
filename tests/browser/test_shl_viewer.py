"""The SMART Health Link as a phone opens it: the owner creates a share with a passcode through the API, the
QR code of its `shlink_url` is drawn by Chromium and read back by a QR decoder (zxing-cpp), and a fresh phone
context opens that URL: footlog's viewer asks for the passcode (a wrong one in words), fetches and decrypts the
bundle with WebCrypto, and shows sites, counts, the red flag, the visit and the photo, with the FHIR JSON to
download. A link without a passcode opens at once; revoked, it says so in words. Two shares in one test:
building them (PDF and bundle) is the slow part."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PIL import Image
from rest_framework.test import APIClient

from footlog.clinical.models import Visit
from tests.browser.conftest import shoot
from tests.exports.builders import add_photo, log_entry
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser
PASSCODE = "heel-1234"


@pytest.fixture
def history(consented: Any) -> Any:
    today = dt.date.today()
    entry = None
    for offset in range(5):
        entry = log_entry(
            consented, today - dt.timedelta(days=offset), observations=[{"site": "left_heel", "count": 2}]
        )
    add_photo(consented, entry, "left_heel")
    log_entry(
        consented,
        today - dt.timedelta(days=5),
        observations=[{"site": "right_toes", "count": 3, "bleeding": True}],
    )
    Visit.objects.create(user=consented, kind="visited", date=today - dt.timedelta(days=3), plan="cream twice daily")
    return consented


def qr_text(chromium: Any, svg: str) -> str:
    """What a camera reads from the QR code: the SVG drawn by Chromium, decoded from the pixels."""
    ctx = chromium.new_context(viewport={"width": 600, "height": 600})
    try:
        page = ctx.new_page()
        page.set_content(f"<body style='margin:0;background:#fff'><div id='qr' style='width:400px'>{svg}</div></body>")
        page.locator("#qr svg").evaluate("(svg) => { svg.style.width = '400px'; svg.style.height = '400px'; }")
        png = page.locator("#qr svg").screenshot()
    finally:
        ctx.close()
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert len(found) == 1, "one QR code, readable"
    return str(found[0].text)


def fresh_phone(chromium: Any, console: Any) -> Any:
    ctx = chromium.new_context(**PHONE, accept_downloads=True)
    ctx.on("page", console.attach)
    return ctx


def test_a_phone_opens_the_qr_code_of_a_smart_health_link_and_reads_the_summary(
    chromium: Any, console: Any, transactional_db: None, history: Any, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    # The live server's origin is the public one here (the API client's own host is "testserver").
    settings.FOOTLOG_PUBLIC_URL, settings.FOOTLOG_PUBLIC_URL_SET = live_server.url, True
    console.allow("status of 401")  # the wrong passcode, told by Chromium as a failed load
    console.allow("status of 404")  # the revoked link
    api = APIClient()
    api.force_authenticate(history)
    today = dt.date.today()
    body = {
        "from": (today - dt.timedelta(days=6)).isoformat(),
        "to": today.isoformat(),
        "include_photos": True,
        "expires_in_days": 7,
        "passcode": PASSCODE,
    }
    response = api.post("/api/v1/shares/", body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert created["shlink_url"] == f"{live_server.url}/shl/view#{created['shlink']}"
    url = qr_text(chromium, created["shlink_qr_svg"])
    assert url == created["shlink_url"]

    phone = fresh_phone(chromium, console)
    try:
        viewer = phone.new_page()
        viewer.goto(url)
        viewer.get_by_label("Passcode").fill("not-the-one")
        viewer.get_by_role("button", name="Open").click()
        viewer.get_by_text("That passcode is not right: 9 tries left before the link locks.").wait_for()
        shoot(viewer, "47-shl-viewer-wrong-passcode")
        viewer.get_by_label("Passcode").fill(PASSCODE)
        viewer.get_by_role("button", name="Open").click()
        viewer.locator("#site-rows").wait_for()
        text = viewer.locator("#summary").inner_text()
        assert "Seek care promptly." in text
        assert "Right toes: bleeding" in viewer.locator("#flag-rows").inner_text()
        sites = viewer.locator("#site-rows").inner_text()
        assert "Left heel" in sites and "Logged on 5 days" in sites and "Latest: 2 bumps" in sites
        assert "Right toes" in sites and "3 bumps" in sites
        visit = viewer.locator("#visit-rows").inner_text()
        assert "Visited a dermatologist on" in visit and "Plan: cream twice daily." in visit
        photo = viewer.locator("#photo-grid img")
        assert photo.count() == 1 and photo.evaluate("(img) => img.decode().then(() => img.naturalWidth)") > 0
        assert viewer.evaluate("document.documentElement.scrollWidth") <= 390  # nothing cut off at phone width
        shoot(viewer, "46-shl-viewer-summary")
        with viewer.expect_download() as got:
            viewer.locator("#download-fhir").click()
        saved = tmp_path / "bundle.json"
        got.value.save_as(saved)
        bundle = json.loads(saved.read_text())
        assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
        assert viewer.locator("#download-pdf").is_visible()
    finally:
        phone.close()

    # Without a passcode (no P flag) the link opens at once; revoked, the same link says so in words.
    body = {key: value for key, value in body.items() if key != "passcode"} | {"include_photos": False}
    response = api.post("/api/v1/shares/", body, format="json")
    assert response.status_code == 201, response.content
    plain = response.json()
    phone = fresh_phone(chromium, console)
    try:
        viewer = phone.new_page()
        viewer.goto(plain["shlink_url"])
        viewer.locator("#site-rows").wait_for()
        assert viewer.locator("#passcode-form").is_hidden() and "Left heel" in viewer.locator("#site-rows").inner_text()
        assert api.delete(f"/api/v1/shares/{plain['id']}/").status_code == 204
        viewer.reload()
        viewer.get_by_text("This link is not available").wait_for()
        shoot(viewer, "48-shl-viewer-gone")
        assert viewer.locator("#summary").is_hidden()
    finally:
        phone.close()
    assert console.unexpected() == []


def test_the_viewer_speaks_the_bundles_language(page: Any, consented: Any, live_server: Any, settings: Any) -> None:
    """A bundle that names its language (`Bundle.language`, the share's) gets its summary in it, words and dates,
    whatever the page's language (English here: the German catalog is loaded for the summary). The share row is
    made here with the real JWE of a small bundle; the server answers it as any."""
    from django.utils import timezone

    from footlog.sharing import shl, tokens
    from footlog.sharing.models import Share

    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "language": "de",
        "entry": [
            {
                "fullUrl": "urn:uuid:6f0c1d1e-5b7a-4f0e-9d59-2f4b7c1e8a11",
                "resource": {
                    "resourceType": "Observation",
                    "status": "final",
                    "code": {
                        "coding": [{"system": "https://footlog.app/fhir/CodeSystem/observation", "code": "bump-count"}]
                    },
                    "effectiveDateTime": "2026-11-09",
                    "bodySite": {"text": "Left heel"},
                    "valueQuantity": {"value": 2},
                },
            }
        ],
    }
    key, manifest_id, now = shl.new_key(), tokens.new_token(), timezone.now()
    share = Share.objects.create(
        user=consented,
        token_hash=tokens.token_hash(tokens.new_token()),
        start=dt.date(2026, 11, 9),
        end=dt.date(2026, 11, 9),
        created=now,
        expires_at=now + dt.timedelta(days=1),
        shl_id_hash=tokens.token_hash(manifest_id),
        shl_jwe=shl.encrypt(json.dumps(bundle).encode(), key),
    )
    data = shl.payload(f"{live_server.url}/shl/{manifest_id}", key, share.expires_at, passcode=False, label_text="x")
    page.goto(f"{live_server.url}/shl/view#{shl.shlink(data)}")
    page.locator("#site-rows").wait_for()
    assert page.locator("#summary").get_attribute("lang") == "de"
    german = page.evaluate(
        "new Intl.DateTimeFormat('de', {day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'})"
        ".format(new Date(Date.UTC(2026, 10, 9)))"
    )
    assert page.evaluate("document.documentElement.lang") == "en"
    assert german != "9 Nov 2026" and f"Zuletzt: 2 Knötchen am {german}." in page.locator("#site-rows").inner_text()
    assert page.locator("#sites-title").inner_text() == "Stellen und Anzahlen"
    assert "Left heel" in page.locator("#site-rows").inner_text()  # the bundle's own words, as written
