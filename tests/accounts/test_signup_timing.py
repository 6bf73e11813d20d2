"""Sign-up answers in the same time whether or not the email has an account, so timing tells nothing.

allauth already answers both alike (no enumeration by content); the time differed because a new account hashes
the password (the real hasher, ~0.1-0.5 s) and a known email did not. Measured through allauth's real endpoints,
the page and headless, with the project's real password hasher; samples alternate between the two kinds so that
load on a shared machine hits both alike.
"""

from __future__ import annotations

import statistics
import time
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from accounts.models import User

SAMPLES = 9  # per kind and endpoint: ~40 real password hashes in all
PASSWORD = "a sturdy new passphrase 77"


def page_signup(email: str, ip: str) -> int:
    body = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    return Client(REMOTE_ADDR=ip).post("/accounts/signup/", body).status_code


def headless_signup(email: str, ip: str) -> int:
    body = {"email": email, "password": PASSWORD}
    return (
        Client(REMOTE_ADDR=ip).post("/_allauth/app/v1/auth/signup", body, content_type="application/json").status_code
    )


def known_account() -> str:
    """A verified account, made without hashing a password (sign-up never checks the known account's)."""
    email = f"known-{uuid.uuid4().hex[:10]}@example.com"
    user = User.objects.create_user(email, None)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return email


def timed(call, email: str, ip: str) -> tuple[float, int]:
    began = time.perf_counter()
    status = call(email, ip)
    return time.perf_counter() - began, status


def medians(signup) -> tuple[float, float]:
    """Median seconds of SAMPLES known-email and SAMPLES new-email sign-ups, interleaved; the answers must match."""
    known = [known_account() for _ in range(SAMPLES + 1)]
    new = [f"new-{uuid.uuid4().hex[:10]}@example.com" for _ in range(SAMPLES + 1)]
    # One of each first, unmeasured: imports, template and hasher warm-up.
    timed(signup, known.pop(), "192.0.2.250")
    timed(signup, new.pop(), "192.0.2.251")
    times: dict[str, list[float]] = {"known": [], "new": []}
    statuses: dict[str, set[int]] = {"known": set(), "new": set()}
    for i in range(SAMPLES):
        for kind, emails in (("known", known), ("new", new)) if i % 2 else (("new", new), ("known", known)):
            ip = f"198.51.{100 + len(times[kind]) % 100}.{i * 2 + (kind == 'new')}"  # its own IP: no rate limit
            seconds, status = timed(signup, emails[i], ip)
            times[kind].append(seconds)
            statuses[kind].add(status)
    assert statuses["known"] == statuses["new"]  # the same answer...
    return statistics.median(times["known"]), statistics.median(times["new"])


@pytest.mark.slow
@pytest.mark.parametrize("signup", [page_signup, headless_signup], ids=["page", "headless"])
def test_known_and_new_emails_take_the_same_time(signup, db, mailoutbox, real_hasher):
    # A second round only when the first is off: other work on a shared machine can stretch one side for a
    # while; the leak this guards against (x16 before) fails every round.
    for _ in range(2):
        known_median, new_median = medians(signup)
        ratio = max(known_median, new_median) / min(known_median, new_median)
        print(f"{signup.__name__}: known {known_median * 1000:.0f} ms, new {new_median * 1000:.0f} ms, x{ratio:.2f}")
        if ratio <= 1.2:
            break
    assert ratio <= 1.2, (known_median, new_median)  # ...in the same time: medians within 20 %
