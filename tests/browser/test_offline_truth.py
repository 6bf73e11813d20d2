"""Offline tells the truth (issue 23, item 4), in real Chromium at 390×844 with the real service worker.

A logged day, offline, shows this phone's copy of it with "offline — showing what this phone last saw" (never a
blank form); the copy belongs to one account and is wiped on a change of account and on sign-out. Back online, a
day the server answers 409 for is never reported "sent": the conflict card shows at once, both versions side by
side, "Keep both (safest)" first, and that choice stores the merge (outbox.js `merge`, checked here too).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry, Observation
from footlog.lib.dates import today_in
from tests.browser.conftest import shoot, sign_in, until
from tests.browser.test_offline import wait_until_controlled
from tests.support.services import wait_for

pytestmark = pytest.mark.browser
OFFLINE_NOISE = r"ERR_INTERNET_DISCONNECTED|Failed to fetch"
NOTICE = "offline — showing what this phone last saw"
LOADED = "document.getElementById('today-form').dataset.loaded === 'true'"
# The rows of the days copy; never creates the database (an upgrade is aborted: the open fails, and that is []).
DAYS_ROWS = """new Promise(done => { const r = indexedDB.open('footlog-days');
    r.onupgradeneeded = () => r.transaction.abort(); r.onerror = () => done([]); r.onsuccess = () => {
    const db = r.result; if (!db.objectStoreNames.contains('days')) { db.close(); return done([]); }
    const all = db.transaction('days').objectStore('days').getAll();
    all.onsuccess = () => { db.close(); done(all.result.map(row => row.date)); }; }; })"""


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))


def test_a_logged_day_reads_offline_and_the_copy_goes_with_the_account(
    context: Any, page: Any, console: Any, member: User, make_user: Any, live_server: Any
) -> None:
    today = today_in(member.timezone)
    earlier = today - dt.timedelta(days=5)
    Observation.objects.create(entry=Entry.objects.create(user=member, date=earlier), site="right_sole", count=7)
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    wait_until_controlled(page)
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    until(page, f"(await {DAYS_ROWS}).includes('{today}') && (await {DAYS_ROWS}).includes('{earlier}')")

    context.set_offline(True)
    console.allow(OFFLINE_NOISE)
    page.reload()  # only the service worker and this phone's copy can answer
    page.get_by_text(NOTICE).wait_for()
    until(page, LOADED)
    page.get_by_role("button", name="Left heel: 2").wait_for()  # the logged values, not a blank form
    assert page.locator("#offline-note").is_visible()
    shoot(page, "30-offline-logged-today")
    page.goto(f"{live_server.url}/day/{earlier}/")  # a day of the window, never opened on this phone
    page.get_by_text(NOTICE).wait_for()
    page.get_by_role("button", name="Right sole: 7").wait_for()

    context.set_offline(False)
    other = consent_give(make_user(email="other@example.com", timezone="Asia/Tokyo"))
    sign_in(context, other, live_server.url)  # another account on this phone, no sign-out in between
    page.goto(f"{live_server.url}/")
    until(page, LOADED)
    until(page, f"(await {DAYS_ROWS}).length === 0")  # the first account's copy is gone

    page.goto(f"{live_server.url}/settings/")
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(lambda url: "/settings/" not in url)
    names = page.evaluate("indexedDB.databases().then(list => list.map(d => d.name))")
    assert "footlog-days" not in names or page.evaluate(DAYS_ROWS) == []


def test_a_409_is_never_sent_and_keep_both_stores_the_merge(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    today = today_in(member.timezone)
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    until(page, LOADED)  # read while the day was empty: this phone will POST a new entry

    context.set_offline(True)
    console.allow(OFFLINE_NOISE)
    page.get_by_role("button", name="Left heel", exact=True).click()
    for _ in range(4):
        page.get_by_role("button", name="One more").click()
    page.get_by_label("Note on this spot").fill("from this phone")
    page.get_by_role("button", name="Save today").click()
    page.get_by_text("It will be sent when you are back online.").wait_for()
    # Meanwhile another phone logged the same day, with bleeding at the same spot.
    theirs = Entry.objects.create(user=member, date=today, notes="other phone")
    Observation.objects.create(entry=theirs, site="left_heel", count=2, bleeding=True, pain=3, note="from there")
    Observation.objects.create(entry=theirs, site="right_toes", count=1)

    page.evaluate(
        """() => { window.sameDocument = true; window.statuses = [];
          const status = document.getElementById('save-status');
          new MutationObserver(() => statuses.push(status.textContent))
            .observe(status, {childList: true, characterData: true, subtree: true}); }"""
    )
    console.allow(r"status of 409")
    context.set_offline(False)  # the page's "online" handler sends the outbox: the server answers 409
    card = page.locator("#day-outbox")
    card.get_by_text("This day was changed elsewhere").wait_for()
    assert page.evaluate("window.sameDocument") is True  # shown at once, no reload
    page.get_by_text("Not saved on the server yet").wait_for()
    assert "Sent. Everything is saved." not in page.evaluate("window.statuses")
    assert "Left heel: 2 · bleeding" in page.locator("#conflict-server").inner_text()
    assert "Left heel: 4" in page.locator("#conflict-mine").inner_text()
    boxes = [page.locator(f"#conflict-{side}").bounding_box() for side in ("server", "mine")]
    assert boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"] and abs(boxes[0]["y"] - boxes[1]["y"]) < 2  # side by side
    card.get_by_text("Keeping only this phone's drops a red flag: bleeding at Left heel.").wait_for()
    buttons = card.locator(".choices button")
    assert buttons.all_inner_texts()[0] == "Keep both (safest)"
    shoot(page, "31-conflict-keep-both")

    # The merge rule on its own (conflict.js merge, loaded with the card): union of spots; on a clash, ticks OR,
    # numbers the larger, both notes; routine done in either; notes for the dermatologist only when both said so.
    merged = page.evaluate(
        """FootlogConflict.merge(
          {date: "2026-12-01", notes: "server words", for_clinician: true,
           observations: [{id: 9, site: "left_heel", count: 2, largest_mm: null, itch: 1, pain: 5, redness: false,
                           bleeding: true, spreading: false, note: "a", confirmed: false},
                          {site: "right_toes", count: 1, largest_mm: 2, itch: 0, pain: 0, redness: true,
                           bleeding: false, spreading: false, note: ""}],
           routine: [{step: "wash", done: false, label: "Wash", kind: "care", detail: ""}]},
          {date: "2026-12-01", notes: "server words", for_clinician: false,
           observations: [{site: "left_heel", count: 4, largest_mm: 3.5, itch: 0, pain: 1, redness: true,
                           bleeding: false, spreading: true, note: "b"},
                          {site: "left_sole", count: 0, largest_mm: null, itch: 0, pain: 0, redness: false,
                           bleeding: false, spreading: false, note: ""}],
           routine: [{step: "wash", done: true}, {step: "moisturise", done: false}]})"""
    )
    heel, toes, sole = merged["observations"]
    assert heel == {
        "site": "left_heel", "count": 4, "largest_mm": 3.5, "itch": 1, "pain": 5, "redness": True,
        "bleeding": True, "spreading": True, "note": "a / b", "confirmed": False,
    }  # fmt: skip
    assert (toes["site"], toes["redness"], toes["largest_mm"], sole["site"], sole["count"]) == (
        "right_toes",
        True,
        2,
        "left_sole",
        0,
    )
    assert merged["routine"] == [
        {"step": "wash", "done": True, "detail": ""},
        {"step": "moisturise", "done": False, "detail": ""},
    ]
    assert (merged["notes"], merged["for_clinician"]) == ("server words", False)  # the same words once

    with page.expect_navigation():  # sent, then the day is shown afresh
        buttons.first.click()
    until(page, "await FootlogOutbox.all().then(a => a.length === 0)")
    stored = wait_for(
        lambda: (
            (e := page.request.get(f"{live_server.url}/api/v1/entries/?from={today}&to={today}").json()["results"])
            and e[0]["version"] > 1
            and e[0]
        ),
        timeout=20,
    )
    sites = {o["site"]: o for o in stored["observations"]}
    assert set(sites) == {"left_heel", "right_toes"}
    heel = sites["left_heel"]
    assert (heel["count"], heel["bleeding"], heel["pain"]) == (4, True, 3)  # the larger count, the red flag kept
    assert heel["note"] == "from there / from this phone"  # both notes
    assert stored["notes"] == "other phone"
