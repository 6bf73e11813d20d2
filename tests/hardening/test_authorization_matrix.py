"""Authorization matrix generated from the URLconf: every /api/v1/ route, every method, called by another
signed-in user with the ids and keys of the owner's objects.

- A route that addresses one of the owner's objects answers 404 (405 for a method it does not have), and the
  owner's object is still there afterwards.
- A route about "my own" data (lists, settings, exports) answers the outsider from the outsider's own data:
  never a 5xx and never any of the owner's secrets or ids, even when the body names the owner's ids.
- A capability route (a token in the path, no login) is called with a guessed token: no 5xx, nothing of the
  owner's, and the owner's state (their email reminders) unchanged.

Every route must have an entry in ROUTES: a new route without one fails `test_every_api_route_is_covered`, so
nothing slips in unchecked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.test import APIClient

from tests.hardening.owned import (
    NOTES,
    Owned,
    Owner,
    entry_detail,
    entry_photos,
    guessed_unsubscribe_token,
    import_job,
    own_data,
    photo,
    push_subscription,
    report_job,
    routine_step,
    share,
    site_history,
    site_history_list,
    visit,
    visit_list,
)

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def api_routes() -> Iterator[tuple[str, URLPattern]]:
    """(full route pattern, URLPattern) for every route under api/v1/."""

    def walk(patterns: list, prefix: str) -> Iterator[tuple[str, URLPattern]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    return ((route, p) for route, p in walk(get_resolver().url_patterns, "") if route.startswith("api/v1/"))


def allowed_methods(pattern: URLPattern) -> set[str]:
    view = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
    assert view is not None, f"{pattern.name}: not a class-based view"
    methods = {m.upper() for m in view.http_method_names if hasattr(view, m)}
    return methods | ({"HEAD"} if "GET" in methods else set())


OBJECT, OWN, CAPABILITY = "object", "own", "capability"
# route name -> (kind, factory). Every /api/v1/ route must be here.
ROUTES: dict[str, tuple[str, Callable[[Owner], Owned]]] = {
    "site-list": (OWN, own_data),
    "routine-step-list": (OWN, own_data),
    "routine-step-detail": (OBJECT, routine_step),
    "entry-list": (OWN, own_data),
    "entry-detail": (OBJECT, entry_detail),
    "entry-photo-list": (OBJECT, entry_photos),
    "photo-list": (OWN, own_data),
    "photo-detail": (OBJECT, photo),
    "photo-image": (OBJECT, photo),
    "timeline": (OWN, own_data),
    "timeline-settings": (OWN, own_data),
    "export-pdf": (OWN, own_data),
    "report-job-list": (OWN, own_data),
    "report-job-detail": (OBJECT, report_job),
    "report-job-pdf": (OBJECT, report_job),
    "export-fhir": (OWN, own_data),
    "export-csv": (OWN, own_data),
    "account-export": (OWN, own_data),
    "account-import": (OWN, own_data),
    "account-import-detail": (OBJECT, import_job),
    "share-list": (OWN, own_data),
    "share-detail": (OBJECT, share),
    "reminder-preferences": (OWN, own_data),
    # One-click unsubscribe link from a reminder mail: the token is the key, no login. Checked with a guessed token.
    "reminder-unsubscribe": (CAPABILITY, guessed_unsubscribe_token),
    "push-subscription-list": (OWN, own_data),
    "push-subscription-detail": (OBJECT, push_subscription),
    "push-public-key": (OWN, own_data),
    "account": (OWN, own_data),
    "site-history-list": (OWN, site_history_list),
    "site-history-detail": (OWN, site_history),
    "visit-list": (OWN, visit_list),
    "visit-detail": (OBJECT, visit),
    "account-consent": (OWN, own_data),
    # Mails a deletion code to the caller's own address (accounts without a password); nothing of anyone else's.
    "account-delete-code": (OWN, own_data),
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Two users per route; the real hasher's cost buys nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_every_api_route_is_covered():
    names = {pattern.name for _, pattern in api_routes()}
    assert None not in names, "every /api/v1/ route needs a name"
    assert sorted(names - ROUTES.keys()) == [], "new /api/v1/ routes: add them to ROUTES with a factory"
    assert sorted(ROUTES.keys() - names) == [], "ROUTES names routes that no longer exist"


def call(client: APIClient, method: str, url: str, body: dict) -> Any:
    send = getattr(client, method.lower())
    if method not in ("POST", "PUT", "PATCH"):
        return send(url)
    multipart = any(isinstance(v, SimpleUploadedFile) for v in body.values())
    for value in body.values():
        if isinstance(value, SimpleUploadedFile):
            value.seek(0)
    return send(url, body, format="multipart" if multipart else "json")


def content(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("route,pattern", [pytest.param(r, p, id=r) for r, p in api_routes()])
def test_outsider_gets_nothing_of_the_owners(route, pattern, api, user, outsider, other_user):
    kind, factory = ROUTES[pattern.name]
    owned = factory(Owner(api, user))
    url = reverse(pattern.name, kwargs=owned.kwargs)
    allowed = allowed_methods(pattern)
    for method in METHODS:
        response = call(outsider, method, url, owned.body)
        text = content(response)
        assert response.status_code < 500, (method, url, response.status_code, text[:300])
        leaked = [s for s in owned.secrets if s in text or s in str(response.headers)]
        assert leaked == [], (method, url, response.status_code, leaked)
        if kind == OBJECT and method != "OPTIONS":
            expected = {404} if method in allowed else {405}
            assert response.status_code in expected, (method, url, response.status_code, text[:300])
        # The outsider's call must not have removed or changed the owner's object.
        assert owned.alive(), (method, url, "owner's object gone")
    if kind == OBJECT:
        assert allowed & set(METHODS) - {"OPTIONS"}, f"{route}: no method to check"


def test_outsider_replaying_the_owners_entry_id_learns_nothing(api, user, outsider):
    owner = Owner(api, user)
    entry = owner.entry()
    response = outsider.post("/api/v1/entries/", entry["body"], format="json")
    assert response.status_code == 409
    assert NOTES not in response.content.decode()
    assert api.get(f"/api/v1/entries/{entry['id']}/").json()["notes"] == NOTES
