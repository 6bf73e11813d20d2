"""An unsent outbox item goes only to the account that queued it, in real Chromium at 390×844.

A saves a day offline; A's session is replaced by B's on the same phone (cookies cleared, B signed in, IndexedDB
kept, no sign-out). Back online, B's Today neither sends A's entry nor shows its content: a line gives its number
and date. The service worker's path (outbox.js with no page account, every item sent with its own key) is run in
the page: the server refuses the mismatch (403 other_account) and the item stays. A signs in again and it is
stored in A's account. An item saved before items named their account is sent by nobody until a signed-in person
claims it. The service worker is blocked so that the page's own requests are the ones answered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.consent import consent_give
from footlog.diary.models import Entry
from footlog.lib.dates import today_in
from footlog.lib.device import device_owner_key
from tests.browser.conftest import shoot, sign_in, until
from tests.support.browser import PHONE
from tests.support.services import wait_for

pytestmark = pytest.mark.browser
LOADED = "document.getElementById('today-form').dataset.loaded === 'true'"
SECRET = "A's own words"


def test_an_unsent_entry_waits_for_the_account_that_saved_it(
    transactional_db: None, live_server: Any, chromium: Any, console: Any, make_user: Any
) -> None:
    a = consent_give(make_user(email="a@example.com", timezone="Asia/Tokyo"))
    b = consent_give(make_user(email="b@example.com", timezone="Asia/Tokyo"))
    today = today_in(a.timezone)
    context = chromium.new_context(**PHONE, service_workers="block")
    context.on("page", console.attach)
    try:
        page = context.new_page()
        sign_in(context, a, live_server.url)
        page.goto(f"{live_server.url}/")
        until(page, LOADED)
        context.set_offline(True)
        console.allow(
            r"ERR_INTERNET_DISCONNECTED|Failed to fetch|status of 40[13]"
        )  # no session yet; then B's, for A's item
        page.get_by_role("button", name="Left heel", exact=True).click()
        page.get_by_role("button", name="One more").click()
        page.get_by_label("Notes").fill(SECRET)
        page.get_by_role("button", name="Save today").click()
        page.get_by_text("It will be sent when you are back online.").wait_for()
        queued = page.evaluate("FootlogOutbox.all()")
        assert [it["account"] for it in queued] == [device_owner_key(a.pk)]  # tagged when queued

        context.clear_cookies()  # A's session ends without a sign-out; B signs in on the same phone
        context.set_offline(False)
        sign_in(context, b, live_server.url)
        page.goto(f"{live_server.url}/")
        until(page, LOADED)
        others = page.locator("#outbox-others")
        others.get_by_text(f"1 entry ({today}) saved on this phone by another account").wait_for()
        assert "sign in as that account to send it." in others.inner_text()
        assert SECRET not in page.content() and page.locator("#notes").input_value() == ""  # no content shown
        assert page.locator("#outbox-status").is_hidden()  # nothing of B's waits
        shoot(page, "32-outbox-other-account")
        # An item saved before items named their account (none here): sent by nobody until claimed.
        legacy = today - dt.timedelta(days=4)
        page.evaluate(
            """d => FootlogOutbox.put({kind: "entry", id: crypto.randomUUID(), method: "POST",
                 body: {date: d, notes: "", observations: [], routine: []}})""",
            legacy.isoformat(),
        )
        # The service worker's path: no page account, each item sent with its own key; the server says no.
        left = page.evaluate("() => { FootlogOutbox.me(undefined); return FootlogOutbox.flush(); }")
        assert left == 2 and not Entry.objects.filter(user=b).exists()
        kept = page.evaluate(
            "() => { FootlogOutbox.me(document.body.dataset.account); return FootlogOutbox.others(); }"
        )
        assert sorted(it["body"]["notes"] for it in kept) == ["", SECRET]  # kept as they were: not held, not dropped

        # The "Not accepted yet" line leaves out the day whose card is on screen, and names the others.
        earlier = today - dt.timedelta(days=2)
        page.evaluate(
            """days => Promise.all(days.map(d => FootlogOutbox.put({kind: "entry", id: crypto.randomUUID(),
                 method: "POST", body: {date: d, notes: "", observations: [], routine: []},
                 account: document.body.dataset.account, refused: {status: 400, detail: "No.", errors: {}}})))""",
            [today.isoformat(), earlier.isoformat()],
        )
        page.reload()
        page.locator("#day-outbox").get_by_text("The server did not accept this day").wait_for()
        page.locator("#outbox-held").get_by_text(earlier.isoformat()).wait_for()
        assert today.isoformat() not in page.locator("#outbox-held").inner_text()
        page.once("dialog", lambda dialog: dialog.accept())
        page.get_by_role("button", name="If they are yours, send them to this account").click()  # B claims it
        wait_for(lambda: Entry.objects.filter(user=b, date=legacy).exists(), timeout=10)

        context.clear_cookies()
        sign_in(context, a, live_server.url)  # A again: the entry is sent to A
        page.goto(f"{live_server.url}/history/")
        stored = wait_for(lambda: Entry.objects.filter(user=a, date=today).first(), timeout=15)
        assert stored.notes == SECRET and stored.observations.get().count == 1
        assert not Entry.objects.filter(user=b, date=today).exists()
        until(page, "document.getElementById('outbox-others').hidden === false")  # B's held items, now another's
    finally:
        context.close()
    assert console.unexpected() == []
