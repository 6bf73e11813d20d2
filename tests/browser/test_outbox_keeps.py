"""The outbox never drops an item (its header's promise): one the server keeps answering "send it again" (a 409
for this very entry, every time) is held after three more tries, with the server's words, on its day.

The server's repeated 409 is induced in Chromium's network layer (a real server answers it only in a race);
the page, the outbox and IndexedDB are the real ones. The service worker is blocked for this context so that the
page's own requests are the ones answered.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry
from footlog.lib.dates import today_in
from tests.browser.conftest import sign_in, until
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser
WORDS = "The entry could not be stored because it conflicts with a concurrent change; retry."
ENTRY_WRITES = re.compile(r".*/api/v1/entries/([0-9a-f-]{36}/)?$")


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def test_an_item_the_server_keeps_sending_back_is_held_with_its_words(
    transactional_db: None, live_server: Any, chromium: Any, console: Any, member: User
) -> None:
    context = chromium.new_context(**PHONE, service_workers="block")
    context.on("page", console.attach)
    try:
        page = context.new_page()
        sign_in(context, member, live_server.url)
        writes: list[str] = []

        def again(route: Any) -> None:
            if route.request.method not in ("POST", "PUT"):
                route.continue_()
                return
            writes.append(route.request.method)
            route.fulfill(status=409, content_type="application/json", body=json.dumps({"detail": WORDS}))

        page.route(ENTRY_WRITES, again)
        console.allow(r"status of 409")
        day = today_in(member.timezone) - dt.timedelta(days=3)
        page.goto(f"{live_server.url}/day/{day}/", wait_until="domcontentloaded")
        until(page, "!!window.FootlogOutbox && !!window.footlogSync", timeout=60)
        page.evaluate(
            """d => FootlogOutbox.enqueue({id: crypto.randomUUID(), method: "POST", body: {date: d, notes: "",
                 observations: [{site: "left_sole", count: 2}], routine: []}}, [])""",
            day.isoformat(),
        )
        assert page.evaluate("window.footlogSync()") == 0  # nothing waits to be sent any more...
        held = page.evaluate("FootlogOutbox.held()")
        assert len(held) == 1  # ...because it is kept, not dropped
        assert held[0]["refused"]["status"] == 409 and held[0]["refused"]["detail"] == WORDS
        assert writes == ["POST", "PUT", "PUT", "PUT"]  # the first answer and three more tries, then held
        page.reload(wait_until="domcontentloaded")
        notice = page.locator("#day-outbox")
        notice.get_by_text("The server did not accept this day").wait_for()
        notice.get_by_text(WORDS).wait_for()  # the server's words, on the day
        assert writes == ["POST", "PUT", "PUT", "PUT"]  # a held item is not sent again on its own
        assert not Entry.objects.filter(user=member, date=day).exists()
    finally:
        context.close()
    assert console.unexpected() == []
