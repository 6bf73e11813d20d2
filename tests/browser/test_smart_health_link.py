"""A share with a passcode in real Chromium: the owner creates it on the Export page and copies its SMART Health
Link; a browser receiver on another origin fetches the manifest across origins (CORS preflight), the file, and
decrypts the JWE with WebCrypto; a clinician opens the page only after the passcode."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from footlog.sharing.models import ShareAccess
from tests.browser.conftest import shoot, sign_in
from tests.exports.builders import log_entry
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser

# What a web receiver does: decode the payload, POST the manifest, GET the file, decrypt (dir + A256GCM: the key
# is the CEK, the protected header is the additional data).
RECEIVER = """
async ([shlink, passcode]) => {
  const b64 = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4)),
                                     (c) => c.charCodeAt(0));
  const payload = JSON.parse(new TextDecoder().decode(b64(shlink.slice("shlink:/".length))));
  const ask = (body) => fetch(payload.url, {method: "POST", headers: {"Content-Type": "application/json"},
                                            body: JSON.stringify(body)});
  const wrong = await ask({recipient: "Web viewer", passcode: "not-it"});
  const wrongBody = await wrong.json();
  const manifest = await (await ask({recipient: "Web viewer", passcode})).json();
  const file = await fetch(manifest.files[0].location);
  const [header, , iv, ciphertext, tag] = (await file.text()).split(".");
  const key = await crypto.subtle.importKey("raw", b64(payload.key), "AES-GCM", false, ["decrypt"]);
  const sealed = new Uint8Array([...b64(ciphertext), ...b64(tag)]);
  const plain = await crypto.subtle.decrypt(
    {name: "AES-GCM", iv: b64(iv), additionalData: new TextEncoder().encode(header), tagLength: 128}, key, sealed);
  const bundle = JSON.parse(new TextDecoder().decode(plain));
  return {flag: payload.flag, wrong: [wrong.status, wrongBody.remainingAttempts],
          type: file.headers.get("Content-Type"), resourceType: bundle.resourceType,
          kinds: bundle.entry.map((e) => e.resource.resourceType)};
}
"""


@pytest.fixture
def receiver_origin() -> Iterator[str]:
    """A receiver's own web page: a tiny server on 127.0.0.1 (the live server is localhost), without footlog's CSP."""

    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<!doctype html><title>viewer</title><p>viewer</p>")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def logged(consented: Any) -> Any:
    today = dt.date.today()
    for offset in range(5):
        log_entry(consented, today - dt.timedelta(days=offset), observations=[{"site": "left_heel", "count": 2}])
    return consented


def test_passcode_share_read_by_a_web_receiver_and_a_clinician(
    chromium: Any, page: Any, context: Any, console: Any, logged: Any, live_server: Any, receiver_origin: str
) -> None:
    console.allow("status of 401")  # the wrong passcodes below, told by Chromium as failed loads
    sign_in(context, logged, live_server.url)
    page.goto(f"{live_server.url}/export/")
    page.locator("#sh-passcode").fill("heel-1234")
    page.get_by_role("button", name="Create link").click()
    shlink = page.locator("#shlink").input_value()
    link = page.locator("#share-url").input_value()
    assert shlink.startswith("shlink:/")
    assert page.get_by_role("img", name="QR code of the SMART Health Link").is_visible()
    shoot(page, "44-export-shlink-created")

    receiver = chromium.new_context(**PHONE)
    try:
        viewer = receiver.new_page()
        viewer.goto(receiver_origin)  # another origin than the server's: the manifest must answer CORS
        got = viewer.evaluate(RECEIVER, [shlink, "heel-1234"])
    finally:
        receiver.close()
    assert got["flag"] == "P" and got["wrong"] == [401, 9]
    assert got["type"] == "application/jose" and got["resourceType"] == "Bundle"
    assert "Observation" in got["kinds"] and "Patient" in got["kinds"]

    clinician = chromium.new_context(**PHONE)
    try:
        reader = clinician.new_page()
        reader.goto(link)
        assert "Left heel" not in reader.locator("body").inner_text()
        reader.locator("#passcode").fill("wrong")
        reader.get_by_role("button", name="Open").click()
        reader.get_by_text("8 tries left").wait_for()  # the receiver's wrong try counted too: one counter
        reader.locator("#passcode").fill("heel-1234")
        reader.get_by_role("button", name="Open").click()
        reader.get_by_text("Download the PDF report").wait_for()
        assert "Left heel" in reader.locator("body").inner_text()
        shoot(reader, "45-share-after-passcode")
        pdf = clinician.request.get(link + "report.pdf")  # the context's cookies: the passcode's marker
        assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
        assert chromium.new_context().request.get(link + "report.pdf", max_redirects=0).status == 303
    finally:
        clinician.close()
    resources = set(ShareAccess.objects.values_list("resource", flat=True))
    assert {"shl-manifest", "shl-file", "bad-passcode", "page"} <= resources
