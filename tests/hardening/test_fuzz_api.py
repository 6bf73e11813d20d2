"""Schemathesis fuzzes every operation of the published OpenAPI schema in-process (WSGI), signed in with a
headless session token: no input may cause a 5xx, and every response must be documented (status code,
content type, body schema).

Bounded (FOOTLOG_FUZZ_EXAMPLES per operation, default 25).
The schema is the one /api/schema/ serves (same generator and renderer), built once at collection so that each
operation is its own test.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, given, settings

from tests.conftest import PASSWORD, logged_in
from tests.hardening import owned

EXAMPLES = int(os.environ.get("FOOTLOG_FUZZ_EXAMPLES", "25"))
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


def _load_schema() -> schemathesis.BaseSchema:
    document = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True)))
    schema = schemathesis.openapi.from_dict(document)
    schema.app = get_wsgi_application()  # requests go through the whole Django stack, in this process
    return schema


SCHEMA = _load_schema()
OPERATIONS = sorted(result.ok().label for result in SCHEMA.get_all_operations())


def test_schema_lists_the_api():
    assert len(OPERATIONS) >= 20
    assert "POST /api/v1/entries/" in OPERATIONS


@contextmanager
def keeping_the_test_transaction() -> Iterator[None]:
    """Calling the WSGI app directly fires request_started/finished, whose close_old_connections would close the
    test's database connection and its transaction; django.test.Client disconnects it the same way (and
    reconnects it after each of its own requests, so this wraps the fuzzing only)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # 38 sign-ins; the real hasher's cost is the point in production and pure waiting here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def session_token(user) -> str:
    response = Client().post(
        "/_allauth/app/v1/auth/login", {"email": user.email, "password": PASSWORD}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


@pytest.fixture
def seeded(user) -> dict[str, str]:
    """The user's own objects, so that lists are not empty and every other example addresses a real object:
    first path segment under /api/v1/ -> the id or key to put in the path."""
    owner = owned.Owner(logged_in(user), user)
    return {
        "entries": owner.entry()["id"],
        "photos": owned.photo(owner).kwargs["pk"],
        "shares": owned.share(owner).kwargs["pk"],
        "exports": owned.report_job(owner).kwargs["pk"],
        "routine-steps": owned.routine_step(owner).kwargs["key"],
        "push-subscriptions": str(owned.push_subscription(owner).kwargs["pk"]),
    }


@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_answers_generated_requests_without_5xx_and_as_documented(label, session_token, seeded):
    operation = SCHEMA.find_operation_by_label(label)
    assert operation is not None
    real = seeded.get(operation.path.removeprefix("/api/v1/").split("/")[0])
    examples = iter(range(10**6))

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
    )
    def fuzz(case):
        if real and case.path_parameters and next(examples) % 2:
            case.path_parameters = dict.fromkeys(case.path_parameters, real)
        # identity: the WSGI transport hands schemathesis the body as sent, and answers are gzipped on request
        # (GZipMiddleware); a real client decompresses them.
        case.call_and_validate(headers={"X-Session-Token": session_token, "Accept-Encoding": "identity"}, checks=CHECKS)

    with keeping_the_test_transaction():
        fuzz()
