"""Today's "Show my dermatologist what I wrote" reaches the entry and comes back ticked when the day is reopened."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import sign_in, until
from tests.support.services import wait_for

pytestmark = pytest.mark.browser


def test_notes_marked_for_the_dermatologist(page: Any, context: Any, consented: Any, live_server: Any) -> None:
    sign_in(context, consented, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    page.fill("#notes", "squeezed one, sore")
    page.get_by_label("Show my dermatologist what I wrote").check()
    page.locator("#save").click()
    entry = wait_for(lambda: consented.entries.first(), timeout=15)
    assert (entry.notes, entry.for_clinician) == ("squeezed one, sore", True)
    page.reload()
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    assert page.get_by_label("Show my dermatologist what I wrote").is_checked()
