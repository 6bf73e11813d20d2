"""Schemathesis fuzzes every operation of the published OpenAPI schema in-process (WSGI), signed in with a
headless session token, with every check schemathesis has (`--checks all`: no 5xx; status, content type, headers
and body as documented; schema-valid requests accepted, schema-violating ones refused; ...), in both generation
modes (schema-valid, then schema-violating requests). The refusals that depend on state, today's date or a rule
JSON Schema cannot state are an explicit, narrow allow-list below (docs/validation.md gives the reasons).

Bounded: in the suite 3 examples per operation and mode (1 for the operations that build a document: HEAVY);
`FOOTLOG_FUZZ_EXAMPLES=10` is the deep run (a bench: every operation 10 per mode). docs/validation.md has the
figures.
The schema is the one /api/schema/ serves (same generator and renderer), built once at collection so that each
operation is its own test.
"""

from __future__ import annotations

import json
import os
import re
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
from hypothesis.errors import Unsatisfiable
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import GenerationMode

from tests.conftest import PASSWORD, logged_in
from tests.hardening import owned

# In the suite: every operation, every check, both modes, a few derandomized examples each (the first ones
# hypothesis draws are the boundary and minimal values, which found every finding so far). The deep run is the
# bench: FOOTLOG_FUZZ_EXAMPLES=10 (or more) gives every operation that many per mode.
DEEP = os.environ.get("FOOTLOG_FUZZ_EXAMPLES")
EXAMPLES = int(DEEP or "3")
# Operations that build a whole document per request (a PDF, a CSV or FHIR bundle over up to five years, the
# account zip, a share's PDF and SHL bundle): 1 example per mode in the suite, as many as the others in a deep run.
HEAVY = frozenset(
    {
        "GET /api/v1/exports/history.csv",
        "GET /api/v1/exports/report.pdf",
        "GET /api/v1/exports/fhir.json",
        "GET /api/v1/account/export",
        "POST /api/v1/shares/",
        "POST /api/v1/exports/report-jobs/",
    }
)


def examples_for(label: str) -> int:
    return EXAMPLES if DEEP or label not in HEAVY else 1


schemathesis.checks.load_all_checks()
# `--checks all`: every check schemathesis has.
CHECKS = schemathesis.checks.CHECKS.get_all()
# A revoked share still answers its owner (status: revoked, ../shared/API.md): not a use-after-free.
SHARE_EXCLUDED = [schemathesis.checks.use_after_free, schemathesis.checks.ensure_resource_availability]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]

# The allow-list: a schema-valid request the server may refuse, because the answer depends on state (the account,
# its stored objects, today's date) or on a rule JSON Schema cannot state (one field against another, what a
# file holds, a point on a curve). Each entry is narrow: the operation, the status, and for a 400 the fields and
# the exact messages (or the error code) the refusal may carry; anything else still fails. docs/validation.md
# lists them with their reasons. (403 consent_required, 409 and 429 are in schemathesis's accepted statuses.)
RANGE_RULES = {
    # from ≤ to and at most five years (footlog/api/params.py): a rule between two fields, in the description.
    "from": r"`from` must not be after `to`\.",
    "to": r"The range may span at most five years\.",
}
FUTURE = r"\d{4}-\d{2}-\d{2} is after today \(\d{4}-\d{2}-\d{2}\) in your account's time zone\."
ENTRY_WRITES = ("POST /api/v1/entries/", "PUT /api/v1/entries/{id}/", "PATCH /api/v1/entries/{id}/")
# (operations, status, {error field or "code": the messages it may carry, as a regex}); 400 answers only pass
# when every message they carry is listed for that operation.
ALLOWED_REFUSALS: list[tuple[tuple[str, ...], int, dict[str, str]]] = [
    (
        (
            "GET /api/v1/entries/",
            "GET /api/v1/photos/",
            "GET /api/v1/timeline/",
            "GET /api/v1/exports/fhir.json",
            "GET /api/v1/exports/history.csv",
            "GET /api/v1/exports/report.pdf",
            "POST /api/v1/exports/report-jobs/",
            "POST /api/v1/shares/",
        ),
        400,
        RANGE_RULES,
    ),
    # An entry: a date after the account's today (the zone and the date are state), a routine step the account
    # does not know (its steps are state), each site once per entry (a rule between the items of a list, in the
    # description), an outlier against the user's own history (code confirm_outlier).
    (
        ENTRY_WRITES,
        400,
        {
            "date": FUTURE,
            "routine": r"Unknown or archived routine step: .*",
            "observations": r"Each site may appear once per entry: .*",
            "code": "confirm_outlier",
        },
    ),
    # If-Match that is not the entry's current ETag: 412 (the stored version is state).
    ((*ENTRY_WRITES[1:], "DELETE /api/v1/entries/{id}/"), 412, {}),
    # The account's password (a secret), and whether it has one (state).
    (("DELETE /api/v1/account/",), 400, {"password": r"The password is not correct\."}),
    (("POST /api/v1/account/delete-code",), 400, {"code": r"This account has a password: .*"}),
    # What a file holds: a zip of footlog's export, an image.
    (("POST /api/v1/account/import",), 400, {"code": r"not_a_zip"}),
    # What the file holds: not an image, a PDF, or an empty part (a schema's `binary` may be zero bytes).
    (
        ("POST /api/v1/entries/{id}/photos/",),
        400,
        {"image": r".*(not an image|images are not accepted|No file was submitted|The submitted file is empty).*"},
    ),
    # A P-256 point, a 16-byte secret, a push service's public host: content rules no pattern states.
    (
        ("POST /api/v1/push-subscriptions/",),
        400,
        {
            "keys": r"Must be base64url\.|Must be a base64url P-256 public key \(65 bytes\)\.|"
            r"Must be a base64url 16-byte secret\.",
            "endpoint": r".*",
        },
    ),
    # A visit had is not after the account's today, a booked one at most a year ahead (today is state); the
    # review not before the visit (one field against another, in the description).
    (
        ("POST /api/v1/visits/", "PATCH /api/v1/visits/{id}/"),
        400,
        {
            "date": r"A visit you had cannot be in the future; record it as booked\.|"
            r"A booked visit more than a year ahead looks like a typo\.",
            "review_on": r"The review date cannot be before the visit\.",
        },
    ),
    # book_after_days ≥ consider_after_days: one field against another, in the description.
    (("PUT /api/v1/timeline/settings/",), 400, {"book_after_days": r"Must not be less than consider_after_days\."}),
    # Push reminders need a push subscription from this browser first (the subscriptions are state).
    (("PUT /api/v1/reminders/",), 400, {"channels": r"Push needs a push subscription from this browser first\."}),
    # A trigger is not scored (target_per_week 0): one field against another, in the description.
    (("POST /api/v1/routine-steps/",), 400, {"target_per_week": r"A trigger is not scored: .*"}),
]


def _allowed(label: str, failure: Exception, response: object) -> bool:
    if type(failure).__name__ != "RejectedPositiveData":
        return False
    status = getattr(response, "status_code", None)
    try:
        body = json.loads(getattr(response, "content", b"") or b"{}")
    except ValueError:
        return False
    for labels, allowed_status, rules in ALLOWED_REFUSALS:
        if label not in labels or status != allowed_status:
            continue
        if status != 400:
            return True
        if "code" in rules and re.fullmatch(rules["code"], str(body.get("code", "")), re.DOTALL):
            return True
        errors = body.get("errors") or {}
        messages = [(field, message) for field, value in errors.items() for message in _flat(value)]
        if messages and all(
            field in rules and re.fullmatch(rules[field], message, re.DOTALL) for field, message in messages
        ):
            return True
    return False


def _flat(value: object) -> list[str]:
    if isinstance(value, dict):
        return [message for item in value.values() for message in _flat(item)]
    if isinstance(value, list):
        return [message for item in value for message in _flat(item)]
    return [str(value)]


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
    assert set(HEAVY) <= set(OPERATIONS)  # the lighter budget names real operations


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


SEEDS = {
    "photos": lambda owner: owned.photo(owner).kwargs["pk"],
    "shares": lambda owner: owned.share(owner).kwargs["pk"],
    "exports": lambda owner: owned.report_job(owner).kwargs["pk"],
    "routine-steps": lambda owner: owned.routine_step(owner).kwargs["key"],
    "push-subscriptions": lambda owner: str(owned.push_subscription(owner).kwargs["pk"]),
}


def seed(user, segment: str) -> str:
    """An entry, and the user's own object of the operation's kind (first path segment under /api/v1/), so that
    lists are not empty and every other example addresses a real object: its id or key for the path. Only that
    one: each object costs (a share renders its PDF), and the setup was most of this test's time."""
    owner = owned.Owner(logged_in(user), user)
    entry = owner.entry()["id"]
    return SEEDS[segment](owner) if segment in SEEDS else entry


def takes_input(operation: object) -> bool:
    """Path or query parameters, a body, or a header besides the sign-in one (If-Match)."""
    counts = {name: len(getattr(operation, name)) for name in ("path_parameters", "query", "body", "headers")}
    return bool(counts["path_parameters"] or counts["query"] or counts["body"] or counts["headers"] > 1)


def test_the_operations_without_input_are_few_and_read_only_or_fixed() -> None:
    """The operations fuzzed in one mode only: nothing in the schema to violate. A new parameter on any of them
    puts it back in both modes by itself."""
    without = sorted(label for label in OPERATIONS if not takes_input(SCHEMA.find_operation_by_label(label)))
    assert all(
        label.startswith(("GET ", "DELETE /api/v1/account/", "POST /api/v1/account/delete-code")) for label in without
    )
    assert 0 < len(without) <= 12, without


@pytest.mark.slow
@pytest.mark.parametrize("label", OPERATIONS)
def test_operation_answers_generated_requests_without_5xx_and_as_documented(label, session_token, user):
    operation = SCHEMA.find_operation_by_label(label)
    assert operation is not None
    real = seed(user, operation.path.removeprefix("/api/v1/").split("/")[0])
    examples = iter(range(10**6))
    excluded = SHARE_EXCLUDED if operation.path.startswith("/api/v1/shares/") else []
    headers = {"X-Session-Token": session_token, "Accept-Encoding": "identity"}

    def fuzz(case):
        # Half the schema-valid examples address the real object; a schema-violating one keeps its own path (the
        # id may be what it violates).
        if case.meta.generation.mode is GenerationMode.POSITIVE and case.path_parameters and next(examples) % 2:
            case.path_parameters = dict.fromkeys(case.path_parameters, real)
        # identity: the WSGI transport hands schemathesis the body as sent, and answers are gzipped on request
        # (GZipMiddleware); a real client decompresses them.
        response = case.call(headers=headers)
        try:
            case.validate_response(response, checks=CHECKS, excluded_checks=excluded, headers=headers)
        except FailureGroup as group:
            left = [failure for failure in group.exceptions if not _allowed(label, failure, response)]
            if left:
                refused = FailureGroup(left)
                refused.add_note(f"{case.method} {case.formatted_path} query={case.query} body={case.body!r:.300}")
                refused.add_note(f"-> {response.status_code} {response.content[:400]!r}")
                raise refused from None

    hypothesis_settings = settings(
        max_examples=examples_for(label),
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    # Negative mode needs something to violate: an operation that takes nothing but the sign-in header and cookie
    # (free-form strings) has nothing, and hypothesis would search ~460 draws to say so (5 s a test when loaded).
    modes = MODES if takes_input(operation) else MODES[:1]
    with keeping_the_test_transaction():
        for mode in modes:  # schema-valid requests, then schema-violating ones
            try:
                hypothesis_settings(given(case=operation.as_strategy(generation_mode=mode))(fuzz))()
            except Unsatisfiable:
                # Negative mode on an operation whose every input is valid (no parameters, or only free-form
                # strings): nothing to violate.
                if mode is not GenerationMode.NEGATIVE:
                    raise
