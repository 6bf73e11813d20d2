"""Any day, in real Chromium at 390x844 (issue 12): back-fill and correct past days, the traveller whose phone is a
day ahead, the tap count of a typical day, and outbox items the server refuses or that meet a newer version."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry, Observation, Photo, RoutineLog, RoutineStep
from footlog.lib.dates import today_in
from tests.browser.conftest import SCREENSHOTS, shoot, sign_in, until
from tests.browser.test_journey import jpeg_bytes

pytestmark = pytest.mark.browser


def days_ago(user: User, n: int) -> dt.date:
    return today_in(user.timezone) - dt.timedelta(days=n)


def log(user: User, day: dt.date, counts: dict[str, int], steps: tuple[str, ...] = (), itch: int = 0) -> Entry:
    entry = Entry.objects.create(user=user, date=day, notes="private words")
    for site, count in counts.items():
        Observation.objects.create(entry=entry, site=site, count=count, largest_mm=2.0, itch=itch, redness=True)
    for key in steps:
        RoutineLog.objects.create(entry=entry, step=RoutineStep.objects.get(key=key, user=None), done=True)
    return entry


def shoot_screen(page: Any, name: str) -> None:
    """What the phone's screen shows (a full-page shot would draw the sticky Save bar mid-page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def api_entry(page: Any, base: str, day: dt.date) -> dict | None:
    """Read the day back over the API, with the browser's own session."""
    body = page.request.get(f"{base}/api/v1/entries/?from={day}&to={day}").json()
    return body["results"][0] if body["results"] else None


@pytest.fixture
def member(make_user: Any) -> User:
    return consent_give(make_user(timezone="Asia/Tokyo"))  # the phone's zone too: no banner in the way


def test_back_fill_a_past_day_from_history(context: Any, page: Any, member: User, live_server: Any) -> None:
    sign_in(context, member, live_server.url)
    gap = days_ago(member, 3)
    page.goto(f"{live_server.url}/history/")
    page.locator(f'a[href="/day/{gap}/"]').click()  # a striped "not logged" row
    page.wait_for_url(f"**/day/{gap}/")
    page.get_by_role("heading", name=gap.strftime("%A %-d %B").replace(" 0", " ")).wait_for()
    assert page.locator("#day-pick").input_value() == gap.isoformat()
    shoot_screen(page, "20-day-page")
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    page.get_by_role("button", name="Save this day").click()
    page.get_by_text("Saved.", exact=True).wait_for()

    stored = api_entry(page, live_server.url, gap)
    assert stored and stored["date"] == gap.isoformat()
    assert [(o["site"], o["count"]) for o in stored["observations"]] == [("left_heel", 1)]
    page.goto(f"{live_server.url}/history/")
    assert "Left heel" in page.locator(f'a[href="/day/{gap}/"]').inner_text()


def test_correct_yesterday_from_the_day_picker(context: Any, page: Any, member: User, live_server: Any) -> None:
    yesterday = days_ago(member, 1)
    entry = log(member, yesterday, {"left_heel": 4})
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    page.get_by_role("heading", name="Today").wait_for()
    page.get_by_role("link", name="Previous day").click()
    page.wait_for_url(f"**/day/{yesterday}/")
    page.get_by_role("button", name="Left heel: 4").click()
    page.get_by_role("button", name="One fewer").click()
    page.get_by_role("button", name="Save this day").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    entry.refresh_from_db()
    assert entry.version == 2 and entry.observations.get().count == 3
    assert Entry.objects.filter(user=member).count() == 1
    # The next-day link leads back to Today; nothing later than the account's today is offered.
    page.get_by_role("link", name="Next day").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("link", name="Next day").is_hidden()


def test_month_calendar_opens_a_day(context: Any, page: Any, member: User, live_server: Any) -> None:
    today = today_in(member.timezone)
    for n, count in ((1, 0), (2, 2), (3, 12)):
        log(member, days_ago(member, n), {"left_heel": count})
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/history/")
    page.get_by_role("link", name="Month").click()
    page.get_by_role("heading", name=today.strftime("%B %Y")).wait_for()
    shoot(page, "21-calendar")
    target = days_ago(member, 2)
    if target.month != today.month:
        page.get_by_role("link", name="Previous month").click()
    page.locator(f'a[href="/day/{target}/"]').click()
    page.get_by_role("button", name="Left heel: 2").wait_for()


def test_traveller_phone_a_day_ahead_leaves_no_invisible_entry(
    context: Any, page: Any, make_user: Any, live_server: Any
) -> None:
    """Account in Berlin at 21:58 on 1 December; the phone is in Tokyo, where it is already 2 December."""
    user = consent_give(make_user(timezone="Europe/Berlin"))
    moment = dt.datetime(2026, 12, 1, 20, 58, tzinfo=dt.UTC)
    with time_machine.travel(moment, tick=True):
        context.clock.set_system_time(moment)
        sign_in(context, user, live_server.url)
        page.goto(f"{live_server.url}/")
        banner = page.locator("#tz-banner")
        banner.get_by_text("This phone is on Asia/Tokyo time, your account on Europe/Berlin").wait_for()
        assert page.locator("#today-date").inner_text() == "Tuesday 1 December"  # the account's day
        shoot_screen(page, "22-timezone-banner")
        page.get_by_role("button", name="Left heel", exact=True).click()
        page.get_by_role("button", name="One more").click()
        page.get_by_role("button", name="Save today").click()
        page.get_by_text("Saved.", exact=True).wait_for()

        with page.expect_navigation():  # the page reloads in the new zone
            page.get_by_role("button", name="Use Asia/Tokyo").click()  # one tap
        until(page, "document.getElementById('today-date').textContent === 'Wednesday 2 December'")
        assert page.locator("#tz-banner").count() == 0
        user.refresh_from_db()
        assert user.timezone == "Asia/Tokyo"
        page.get_by_role("button", name="Right heel", exact=True).click()
        page.get_by_role("button", name="One more").click()
        page.get_by_role("button", name="Save today").click()
        page.get_by_text("Saved.", exact=True).wait_for()

        dates = sorted(Entry.objects.filter(user=user).values_list("date", flat=True))
        assert dates == [dt.date(2026, 12, 1), dt.date(2026, 12, 2)]
        # Every accepted entry is visible: in History, in the timeline API's default window and on its page.
        page.goto(f"{live_server.url}/history/")
        for day in dates:
            assert "heel" in page.locator(f'a[href="/day/{day}/"]').inner_text()
        series = page.request.get(f"{live_server.url}/api/v1/timeline/").json()["series"]
        assert {s["date"] for s in series if s["logged"]} == {d.isoformat() for d in dates}


def test_typical_day_takes_at_most_six_taps(context: Any, page: Any, member: User, live_server: Any) -> None:
    """2 spots, 3 routine steps, 1 photo. Every click or tap counts, the photo's selection included."""
    log(
        member,
        days_ago(member, 2),
        {"left_heel": 2, "right_ankle_outer": 1},
        ("wash", "moisturise", "sock_change"),
        itch=3,
    )
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    save = page.get_by_role("button", name="Save today")
    box = save.bounding_box()
    assert box and box["y"] + box["height"] <= 844 - 52  # reachable with no scroll, above the tab bar
    taps = 0

    def tap(locator: Any) -> None:
        nonlocal taps
        taps += 1
        locator.click()

    same = page.get_by_role("button", name="Same as last time")
    tap(same)
    assert page.locator("#logged-sites .chip.copied").count() == 2
    assert page.locator("#routine-care .toggle.copied").count() == 3
    shoot_screen(page, "23-same-as-last-time")
    tap(page.get_by_role("button", name="Left heel: 2"))
    with page.expect_file_chooser() as chooser:
        tap(page.get_by_text("Add a photo of this spot"))
    taps += 1  # choosing the file in the picker
    chooser.value.set_files({"name": "heel.jpg", "mimeType": "image/jpeg", "buffer": jpeg_bytes()})
    page.get_by_role("img", name="New photo of Left heel").wait_for()
    assert save.bounding_box()["y"] + save.bounding_box()["height"] <= 844 - 52
    tap(save)
    page.get_by_text("Saved.", exact=True).wait_for()
    assert taps <= 6, taps

    entry = Entry.objects.get(user=member, date=today_in(member.timezone))
    observations = {o.site: o for o in entry.observations.all()}
    assert {s: o.count for s, o in observations.items()} == {"left_heel": 2, "right_ankle_outer": 1}
    # Only where, how many and how large are copied: never itch, redness, notes or photos.
    assert all((o.itch, o.redness, o.largest_mm) == (0, False, 2.0) for o in observations.values())
    assert entry.notes == ""
    assert sorted(r.step.key for r in entry.routine.all() if r.done) == ["moisturise", "sock_change", "wash"]
    assert Photo.objects.get(entry=entry).site == "left_heel"
    until(page, "await window.FootlogOutbox.count() === 0")


def test_a_touched_copy_is_no_longer_marked(context: Any, page: Any, member: User, live_server: Any) -> None:
    log(member, days_ago(member, 1), {"left_heel": 2}, ("wash",))
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="Same as last time").click()
    page.get_by_role("button", name="Left heel: 2").click()
    page.get_by_role("button", name="One more").click()
    assert page.locator("#logged-sites .chip.copied").count() == 0
    page.get_by_text("Washed with mild soap").click()
    assert page.locator("#routine-care .toggle.copied").count() == 0


def test_an_item_the_server_refuses_stays_on_its_day_until_fixed(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    day = days_ago(member, 4)
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/day/{day}/")
    # Queued by an older version of the app: a count the API refuses (at most 200).
    page.evaluate(
        """d => FootlogOutbox.enqueue({id: crypto.randomUUID(), method: "POST", body: {date: d, notes: "",
             observations: [{site: "left_sole", count: 250}], routine: []}}, [])""",
        day.isoformat(),
    )
    console.allow(r"status of 400")
    assert page.evaluate("window.footlogSync()") == 0
    assert page.evaluate("FootlogOutbox.held().then(h => h.length)") == 1  # kept, not dropped
    page.goto(f"{live_server.url}/history/")  # other pages point to the day that waits
    page.locator("#outbox-held").get_by_role("link", name=day.isoformat()).click()
    page.wait_for_url(f"**/day/{day}/")
    notice = page.locator("#day-outbox")
    notice.get_by_text("The server did not accept this day").wait_for()
    notice.get_by_text("Left sole, count: Ensure this value is less than or equal to 200.").wait_for()
    shoot_screen(page, "24-outbox-refused")
    page.get_by_role("button", name="Left sole: 250").click()
    page.locator("#count").fill("25")
    page.get_by_role("button", name="Save this day").click()
    page.get_by_text("Saved.", exact=True).wait_for()
    assert Entry.objects.get(user=member, date=day).observations.get().count == 25
    assert page.evaluate("FootlogOutbox.all().then(a => a.length)") == 0


def test_a_conflict_with_a_newer_server_version_shows_both(
    context: Any, page: Any, console: Any, member: User, live_server: Any
) -> None:
    day = days_ago(member, 2)
    sign_in(context, member, live_server.url)
    page.goto(f"{live_server.url}/day/{day}/")
    # The form must have read the (empty) day first; else it would load the other phone's entry and no conflict.
    until(page, "document.getElementById('today-form').dataset.loaded === 'true'")
    log(member, day, {"right_toes": 5})  # meanwhile, another phone logs the same day
    page.get_by_role("button", name="Left heel", exact=True).click()
    page.get_by_role("button", name="One more").click()
    console.allow(r"status of 409")
    page.get_by_role("button", name="Save this day").click()
    notice = page.locator("#day-outbox")
    notice.get_by_text("This day was changed elsewhere").wait_for()
    assert "Right toes: 5" in page.locator("#conflict-server").inner_text()
    assert "Left heel: 1" in page.locator("#conflict-mine").inner_text()
    shoot_screen(page, "25-outbox-conflict")
    assert Entry.objects.get(user=member, date=day).observations.get().site == "right_toes"  # not overwritten
    with page.expect_navigation():  # sent, then the day is shown afresh
        page.get_by_role("button", name="Keep this phone's").click()
    until(page, "await FootlogOutbox.all().then(a => a.length === 0)")
    entry = Entry.objects.get(user=member, date=day)
    assert [o.site for o in entry.observations.all()] == ["left_heel"] and entry.version == 2
