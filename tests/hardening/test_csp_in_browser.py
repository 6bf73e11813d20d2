"""Real headless Chromium loads the app's pages, allauth's pages and Swagger UI under the CSP without a
single violation (a blocked script or style would break them silently)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

from tests.conftest import logged_in
from tests.hardening.owned import Owner, photo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = Path("/usr/bin/chromium")
ANONYMOUS_PAGES = ["/accounts/login/", "/accounts/signup/", "/accounts/signup/passkey/", "/accounts/password/reset/"]
ANONYMOUS_PAGES += ["/privacy/"]
SIGNED_IN_PAGES = ["/", "/history/", "/timeline/", "/settings/", "/export/", "/offline/", "/welcome/"]
SIGNED_IN_PAGES += ["/accounts/email/", "/accounts/password/change/"]


@pytest.fixture
def browser(chromium):
    """The session's shared Chromium (tests/support/browser.py)."""
    return chromium


def visit(context, url: str) -> list[str]:
    """Open `url`, let it settle, and return the CSP violations the page reported."""
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status < 400, (url, response and response.status)
    page.close()
    return violations


def test_public_pages_and_api_docs_load_without_csp_violations(live_server, browser):
    context = browser.new_context()
    for path in ANONYMOUS_PAGES:
        assert visit(context, live_server.url + path) == [], path
    page = context.new_page()
    page.goto(live_server.url + "/api/docs/", wait_until="networkidle")
    # Swagger UI rendered from the sidecar files: the operations of the schema are listed.
    page.wait_for_selector(".opblock", timeout=15000)
    context.close()
    assert visit(browser.new_context(), live_server.url + "/api/docs/") == []


@pytest.fixture
def session_cookie(user) -> str:
    """Signed in before the browser starts: Playwright's event loop makes the ORM refuse to run in this thread."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@pytest.fixture
def share_path(user) -> str:
    """Data on every page (an entry with a photo), and a clinician's share link with photos."""
    owner = Owner(logged_in(user), user)
    photo(owner)
    created = owner.client.post(
        "/api/v1/shares/",
        {"from": "2026-11-01", "to": "2026-11-30", "include_photos": True, "expires_in_days": 7},
        format="json",
    )
    assert created.status_code == 201, created.content
    return urlsplit(created.json()["url"]).path


def test_signed_in_pages_and_the_share_page_load_without_csp_violations(
    share_path, session_cookie, live_server, browser
):
    assert visit(browser.new_context(), live_server.url + share_path) == [], share_path
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": session_cookie, "url": live_server.url}])
    for path in SIGNED_IN_PAGES:
        assert visit(context, live_server.url + path) == [], path
    context.close()


def test_an_injected_inline_script_is_blocked_and_reported(live_server, browser):
    """The detector above works, and the policy does what it says: injected markup cannot run script."""
    page = browser.new_context().new_page()
    reports: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and reports.append(m.text))
    page.goto(live_server.url + "/privacy/", wait_until="networkidle")
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1';"
        " document.body.appendChild(s); }"
    )
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.pwned") is None
    assert reports, "Chromium reported no CSP violation"
