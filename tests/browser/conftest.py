"""Real headless Chromium (Debian's, driven by Playwright) against pytest-django's live server, at phone size."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from tests.support.browser import PHONE
from tests.support.services import SmtpSink, wait_for

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PASSWORD = "a sturdy passphrase 42"


class ConsoleWatch:
    """Collects console errors and uncaught exceptions; `allow` names expected ones (e.g. while offline)."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.allowed: list[re.Pattern[str]] = []

    def attach(self, page: Any) -> Any:
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"{page.url}: {msg.text}"))
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: uncaught {exc}"))
        return page

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]


@pytest.fixture
def console() -> ConsoleWatch:
    return ConsoleWatch()


@pytest.fixture
def context(chromium: Any, console: ConsoleWatch, transactional_db: None) -> Iterator[Any]:
    ctx = chromium.new_context(**PHONE)
    ctx.on("page", console.attach)
    yield ctx
    ctx.close()
    assert console.unexpected() == []


@pytest.fixture
def page(context: Any) -> Any:
    return context.new_page()


def sign_in(context: Any, user: Any, base_url: str) -> None:
    """Hand the browser a real session cookie (the sign-up pages have their own test)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": base_url}])


def until(page: Any, script: str, timeout: float = 20.0) -> Any:
    """Poll a JS expression (awaited) until truthy. Not page.wait_for_function: that evals, which the CSP forbids."""
    return wait_for(lambda: page.evaluate(f"async () => {{ return {script}; }}"), timeout=timeout, interval=0.1)


def shoot(page: Any, name: str) -> None:
    """A full-page phone screenshot for people to look at (test-artifacts/ is not committed)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def verification_code(sink: SmtpSink, address: str) -> str:
    message = wait_for(lambda: sink.to(address), timeout=20)[-1]
    body = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


@pytest.fixture
def sign_up(smtp_sink: SmtpSink, live_server: Any) -> Callable[..., str]:
    """Sign up through the pages, verify with the mailed code, consent; leaves the page on Today."""

    def run(page: Any, address: str, *, screenshots: bool = False) -> str:
        page.goto(f"{live_server.url}/accounts/signup/")
        page.get_by_label("Email").fill(address)
        page.get_by_label("Password:", exact=True).fill(PASSWORD)
        page.get_by_label("Password (again)").fill(PASSWORD)
        if screenshots:
            shoot(page, "01-signup")
        page.get_by_role("button", name="Sign Up").click()
        page.wait_for_url("**/accounts/confirm-email/**")
        if screenshots:
            shoot(page, "02-verify")
        page.get_by_label("Code").fill(verification_code(smtp_sink, address))
        page.get_by_role("button", name="Confirm").click()
        page.wait_for_url("**/welcome/**")
        if screenshots:
            shoot(page, "03-consent")
        page.get_by_label("I agree").check()
        page.get_by_role("button", name="Agree and continue").click()
        page.wait_for_url(f"{live_server.url}/")
        return address

    return run
