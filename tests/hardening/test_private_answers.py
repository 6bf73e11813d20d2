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
