"""Today asks once per spot when bumps were first noticed there (issue 14, part 2): only after a count above 0,
answered apart from the day's entry, never again for that spot once answered."""

from __future__ import annotations

from typing import Any

import pytest

from footlog.clinical.models import SiteOnset
from tests.browser.conftest import shoot, sign_in, until

pytestmark = pytest.mark.browser


@pytest.fixture
def today(page: Any, context: Any, consented: Any, live_server: Any) -> Any:
    sign_in(context, consented, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    return page


def open_spot(page: Any, key: str) -> None:
    page.locator(f'#feet [data-site="{key}"]').click()


def test_the_onset_question_comes_once_a_spot_has_bumps_and_is_saved_apart(today: Any, consented: Any) -> None:
    open_spot(today, "left_heel")
    assert today.locator("#onset-ask").is_hidden()  # opening a spot asks nothing
    today.get_by_role("button", name="None here").click()
    assert today.locator("#onset-ask").is_hidden()  # none there: nothing to ask
    today.fill("#count", "3")
    today.locator("#onset-ask").wait_for(state="visible")
    shoot(today, "50-today-onset-question")
    today.fill("#onset-month", "2026-06")
    today.fill("#onset-note", "after new running shoes")
    today.get_by_role("button", name="Save the month").click()
    today.get_by_text("Noted.").wait_for()
    onset = SiteOnset.objects.get(user=consented, site="left_heel")
    assert (onset.noticed_since.isoformat(), onset.note) == ("2026-06-01", "after new running shoes")
    assert not consented.entries.exists()  # the question saved nothing of the day
    until(today, "document.getElementById('onset-ask').hidden")

    open_spot(today, "right_sole")
    today.fill("#count", "2")
    today.locator("#onset-ask").wait_for(state="visible")
    today.get_by_role("button", name="Not sure").click()
    today.get_by_text("Noted.").wait_for()
    assert SiteOnset.objects.get(user=consented, site="right_sole").not_sure

    today.reload()
    until(today, "document.getElementById('today-form').dataset.loaded === 'true'")
    open_spot(today, "left_heel")
    today.fill("#count", "4")
    today.wait_for_timeout(300)
    assert today.locator("#onset-ask").is_hidden()  # answered once: never asked again for that spot
