"""Every /api/v1/ answer is `Cache-Control: private, no-store`, checked over the URLconf (not a hand list): a
new route is covered without anyone remembering to add it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.hardening.owned import Owner
from tests.hardening.test_authorization_matrix import ROUTES, allowed_methods, api_routes

GET_ROUTES = [pytest.param(route, p, id=route) for route, p in api_routes() if "GET" in allowed_methods(p)]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_list_is_the_urlconf():
    assert len(GET_ROUTES) >= 20


@pytest.mark.parametrize("route,pattern", GET_ROUTES)
def test_owners_answer_is_private_and_not_stored(route, pattern, api, user):
    _, factory = ROUTES[pattern.name]
    owned = factory(Owner(api, user))
    response = api.get(reverse(pattern.name, kwargs=owned.kwargs))
    assert response.status_code < 500, response.status_code
    assert response["Cache-Control"] == "private, no-store", (route, response.status_code)


def test_write_answers_and_errors_are_private_too(api, anonymous):
    created = api.post("/api/v1/entries/", {"date": "2026-11-20", "notes": "x"}, format="json")
    assert created.status_code == 201
    assert created["Cache-Control"] == "private, no-store"
    for response in (
        api.post("/api/v1/entries/", {"date": "nope"}, format="json"),  # 400
        api.get("/api/v1/entries/00000000-0000-0000-0000-000000000000/"),  # 404
        api.get("/api/v1/no-such-route/"),  # the URLconf's own 404
        anonymous.get("/api/v1/entries/"),  # 401
    ):
        assert response["Cache-Control"] == "private, no-store", response.status_code


# Every page route outside /api/, by name: PRIVATE pages show the log (or a share link) rendered on the server
# and must never be stored; SHELL pages are the app's kept offline shell or public files and hold none of it
# (their data comes through the API). A new route without a line here fails, so nothing slips in unchecked.
PRIVATE, SHELL = "private", "shell"
PAGES = {
    "pwa:today": SHELL,
    "pwa:day": SHELL,
    "pwa:history": PRIVATE,
    "pwa:calendar": PRIVATE,
    "pwa:timeline": PRIVATE,
    "pwa:settings": PRIVATE,
    "pwa:export": PRIVATE,
    "pwa:photos": PRIVATE,
    "pwa:welcome": SHELL,
    "pwa:offline": SHELL,
    "pwa:manifest": SHELL,
    "pwa:service-worker": SHELL,
    "pwa:favicon": SHELL,
    "pwa:account-deleted": SHELL,  # after deletion, signed out: names no account, holds no log
    "share-page": PRIVATE,
    "share-pdf": PRIVATE,
    "share-photo": PRIVATE,
    "shl-manifest": PRIVATE,  # a SMART Health Link's manifest (POST) and its encrypted file
    "shl-file": PRIVATE,
    "shl-viewer": PRIVATE,  # no data of its own, but where a link's key is used: never stored, like share pages
    # Operations (footlog/ops): probes and metrics hold no log data; all three answer never-cache headers.
    "healthz": SHELL,
    "readyz": SHELL,
    "metrics": SHELL,
}

# Routes that take an argument, with one that shows the log.
PAGE_KWARGS = {"pwa:photos": {"site": "left_heel"}}


def page_routes():
    from django.urls import URLPattern, URLResolver, get_resolver

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern).startswith(("api/", "_allauth/", "accounts/", "admin/")):
                    continue
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return sorted(set(walk(get_resolver().url_patterns, None)))


def test_every_page_route_is_classified():
    names = set(page_routes()) - {"privacy", "api-docs", "schema"}
    assert sorted(names - PAGES.keys()) == [], "new page routes: add them to PAGES"


@pytest.mark.parametrize("name", [n for n, kind in PAGES.items() if kind == PRIVATE and n.startswith("pwa:")])
def test_pages_that_show_the_log_are_private(name, api, consented):
    from tests.exports.builders import log_entry

    log_entry(consented, "2026-11-20", observations=[{"site": "left_heel", "count": 2}], notes="heel sore")
    response = api.get(reverse(name, kwargs=PAGE_KWARGS.get(name)))
    assert response.status_code == 200, (name, response.status_code)
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}, name


def test_share_pages_and_their_pdf_are_private(api, consented):
    from urllib.parse import urlsplit

    from rest_framework.test import APIClient

    from tests.exports.builders import log_entry

    log_entry(consented, "2026-11-20", observations=[{"site": "left_heel", "count": 2}])
    body = {"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7}
    path = urlsplit(api.post("/api/v1/shares/", body, format="json").json()["url"]).path
    for url in (path, path + "report.pdf", "/share/" + "A" * 43 + "/"):
        response = APIClient().get(url)
        assert response["Cache-Control"] == "private, no-store", url
    created = api.post("/api/v1/shares/", body, format="json").json()
    import base64
    import json

    encoded = created["shlink"].removeprefix("shlink:/")
    manifest = urlsplit(json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))["url"]).path
    answer = APIClient().post(manifest, {"recipient": "a clinic"}, format="json")
    assert answer.status_code == 200 and answer["Cache-Control"] == "private, no-store"
    file = APIClient().get(urlsplit(answer.json()["files"][0]["location"]).path)
    assert file.status_code == 200 and file["Cache-Control"] == "private, no-store"
    for gone in (APIClient().post(manifest + "x", {}, format="json"), APIClient().get("/shl/file/x")):
        assert gone.status_code in (400, 404) and gone["Cache-Control"] == "private, no-store"
    pdf = APIClient().get(path + "report.pdf")
    assert pdf["Content-Disposition"].startswith('inline; filename="footlog-report-2026-11-01-2026-11-30.pdf"')
