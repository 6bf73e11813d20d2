"""Deeply nested JSON is a 400, never a RecursionError 500: in the API's error shape under /api/, and as allauth
answers any body it cannot parse under /_allauth/ (also anonymously, before any login)."""

from __future__ import annotations

import pytest
from django.test import Client

from footlog.diary.models import Entry
from footlog.lib.jsonbody import MAX_DEPTH

VERY_DEEP = "[" * 100_000 + "]" * 100_000  # past Python's recursion limit: RecursionError in json.loads
JUST_TOO_DEEP = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)  # parses, but deeper than any real body


def entry_body(notes: str) -> str:
    return f'{{"date": "2026-11-20", "notes": {notes}}}'


@pytest.mark.parametrize("nested", [VERY_DEEP, JUST_TOO_DEEP], ids=["100000 levels", f"{MAX_DEPTH + 1} levels"])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v1/entries/"),
        ("post", "/api/v1/shares/"),
        ("put", "/api/v1/reminders/"),
        ("patch", "/api/v1/account/"),
    ],
)
def test_deep_json_on_the_api_is_400_in_the_error_shape(api, method, path, nested):
    response = getattr(api, method)(path, entry_body(nested), content_type="application/json")
    assert response.status_code == 400, response.content
    assert "nests deeper" in response.json()["detail"]
    assert Entry.objects.count() == 0


def test_a_body_at_the_depth_limit_is_still_parsed(api):
    # notes: a list nested to the limit: parsed, then refused by the serializer as "not a string" (a field error)
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    response = api.post("/api/v1/entries/", entry_body(nested), content_type="application/json")
    assert response.status_code == 400
    assert "notes" in response.json()["errors"]


ALLAUTH_ANONYMOUS = [
    "/_allauth/app/v1/auth/login",
    "/_allauth/app/v1/auth/signup",
    "/_allauth/browser/v1/auth/login",
    "/_allauth/browser/v1/auth/password/request",
]


@pytest.mark.parametrize("nested", [VERY_DEEP, JUST_TOO_DEEP], ids=["100000 levels", f"{MAX_DEPTH + 1} levels"])
@pytest.mark.parametrize("path", ALLAUTH_ANONYMOUS)
def test_deep_json_on_anonymous_allauth_endpoints_is_allauths_own_400(db, path, nested):
    deep = Client().post(path, f'{{"email": {nested}}}', content_type="application/json")
    malformed = Client().post(path, '{"email": ', content_type="application/json")
    assert deep.status_code == malformed.status_code == 400
    assert deep.content == malformed.content  # the same answer allauth gives any body it cannot parse
