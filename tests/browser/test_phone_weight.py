"""What Today weighs on a phone (issue 23, item 5), in real Chromium at 390×844: the bytes the browser actually
received (DevTools' encodedDataLength: headers and compressed bodies, 0 for a cache hit) on a first visit and on a
repeat one. Served as `make run` serves it: footlog's static files collected under hashed, precompressed names,
answered by WhiteNoise (not by the test server's static handler), pages compressed by GZipMiddleware."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.test.testcases import LiveServerThread

from tests.browser.conftest import sign_in, until
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser

FIRST_LOAD_MAX = 40 * 1024
REPEAT_MAX = 10 * 1024
# Collected for this test: the app's own files. The admin's, DRF's and the API docs' (28 MB) are not on Today.
NOT_ON_TODAY = ["admin", "rest_framework", "drf_spectacular_sidecar", "mfa", "account"]


@pytest.fixture
def served(tmp_path: Any, transactional_db: None) -> Iterator[str]:
    """A live server whose /static/ is WhiteNoise over a fresh collectstatic with hashed names."""
    with override_settings(STATIC_ROOT=str(tmp_path / "static"), ALLOWED_HOSTS=["127.0.0.1", "localhost"]):
        call_command("collectstatic", "--noinput", "-v0", ignore_patterns=NOT_ON_TODAY)
        # No static handler: /static/ reaches WhiteNoise, as under gunicorn.
        server = LiveServerThread("127.0.0.1", static_handler=lambda app: app, port=0)  # type: ignore[arg-type]
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield f"http://127.0.0.1:{server.port}"
        finally:
            server.terminate()


def received(page: Any, context: Any, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes received while `url` loads Today and its data, and (url, bytes) per response."""
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    sizes: list[tuple[str, int]] = []
    cdp.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.append((urls.get(e["requestId"], "?"), e["encodedDataLength"])))
    page.goto(url)
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return sum(n for _, n in sizes), sizes


def test_today_weighs_at_most_40_kb_first_and_10_kb_again(chromium: Any, make_user: Any, served: str) -> None:
    context = chromium.new_context(**PHONE)
    try:
        sign_in(context, make_user(), served)
        page = context.new_page()
        first, first_sizes = received(page, context, f"{served}/")
        statics = [u for u, _ in first_sizes if "/static/" in u]
        code = [u for u in statics if u.endswith((".css", ".js"))]
        assert code and all(re.search(r"\.[0-9a-f]{12}\.(css|js)$", u) for u in code), code  # hashed names
        assert not [u for u in code if "/jsi18n/" in u], code  # English loads no catalog of script words
        html = page.request.get(f"{served}/", headers={"Accept-Encoding": "gzip"})
        assert html.headers.get("content-encoding") == "gzip"  # the page itself is compressed
        css = next(u for u in statics if u.endswith(".css"))
        cached = page.request.get(css).headers["cache-control"]
        assert "immutable" in cached and "max-age=315360000" in cached, cached
        assert first <= FIRST_LOAD_MAX, "\n".join(f"{n:6} {u[-70:]}" for u, n in first_sizes)

        again, again_sizes = received(page, context, f"{served}/")
        assert again <= REPEAT_MAX, again_sizes
        print(f"Today: first load {first} bytes, repeat {again} bytes")
    finally:
        context.close()
