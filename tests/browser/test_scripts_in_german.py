"""The page scripts speak the page's language (issue 26, docs/languages.md), in real Chromium at phone size with
the real service worker: a German account's Today says what its scripts write in German (the saved notice, the
feet map's state, the day picker's date), offline too, where the catalog comes from the service worker's cache
like the page itself, and the conflict card, loaded only when a conflict is shown, is German as well. One walk:
the English side is every other browser test, and Today's weight (test_phone_weight.py)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import F

from accounts.consent import consent_give
from accounts.models import User
from footlog.diary.models import Entry, Observation
from footlog.lib.dates import today_in
from tests.browser.conftest import shoot, sign_in, until
from tests.browser.test_offline import wait_until_controlled

pytestmark = pytest.mark.browser
LOADED = "document.getElementById('today-form').dataset.loaded === 'true'"


@pytest.fixture
def german(make_user: Any) -> User:
    user = consent_give(make_user(timezone="Asia/Tokyo"))
    user.language = "de"
    user.save(update_fields=["language"])
    return user


def german_date(page: Any, iso: str, options: str) -> str:
    return str(page.evaluate(f"new Date('{iso}T12:00:00Z').toLocaleDateString('de', {{{options}, timeZone: 'UTC'}})"))


def test_a_german_account_reads_the_day_forms_script_words_in_german_online_and_offline(
    context: Any, page: Any, console: Any, german: User, live_server: Any
) -> None:
    today = today_in(german.timezone)
    sign_in(context, german, live_server.url)
    page.goto(f"{live_server.url}/")
    wait_until_controlled(page)
    until(page, LOADED)
    assert page.evaluate("document.documentElement.lang") == "de"
    assert page.locator("head script[src*='jsi18n/de']").count() == 1  # the catalog, before the page's scripts
    assert page.locator("#today-date").inner_text() == german_date(
        page, today.isoformat(), "weekday: 'long', day: 'numeric', month: 'long'"
    )
    shown = german_date(page, today.isoformat(), "weekday: 'short'")
    shown += " " + german_date(page, today.isoformat(), "day: 'numeric', month: 'short', year: 'numeric'")
    assert page.locator("#day-pick-shown").inner_text() == shown

    page.locator("#feet [data-site='left_heel']").click()
    page.locator("#state-left_heel").wait_for(state="attached")
    assert page.locator("#state-left_heel").inner_text() == "nicht nachgesehen"
    for _ in range(2):
        page.locator("[data-step='1']").click()
    assert page.locator("#state-left_heel").inner_text() == "2 Knötchen"
    page.locator("#save").click()
    until(page, "document.getElementById('save-status').textContent === 'Gespeichert.'")
    shoot(page, "60-de-today-saved")

    # Offline: the kept page and its German catalog both come from the service worker.
    context.set_offline(True)
    console.allow(r"ERR_INTERNET_DISCONNECTED|Failed to fetch")
    page.reload()
    until(page, LOADED)
    offline = page.locator("#offline-note")
    offline.get_by_text("offline — angezeigt wird, was dieses Telefon zuletzt gesehen hat").wait_for()
    assert page.locator("#state-left_heel").inner_text() == "2 Knötchen"
    shoot(page, "61-de-today-offline")

    # A change made here offline meets a newer version made elsewhere (with a red flag): the conflict card.
    page.locator("#feet [data-site='left_heel']").click()
    page.locator("[data-step='1']").click()
    page.locator("#save").click()
    until(page, "document.getElementById('save-status').textContent.includes('sobald Sie wieder online sind')")
    theirs = Entry.objects.get(user=german, date=today)
    Observation.objects.filter(entry=theirs, site="left_heel").update(bleeding=True)
    Entry.objects.filter(pk=theirs.pk).update(version=F("version") + 1)
    console.allow(r"status of 412")
    context.set_offline(False)  # the page's "online" handler sends the outbox: the server answers 412
    card = page.locator("#day-outbox")
    card.get_by_text("Dieser Tag wurde anderswo geändert").wait_for()
    assert "Nur die Fassung dieses Telefons zu behalten, verwirft ein Warnzeichen: Blutung an " in card.inner_text()
    assert card.locator(".choices button").all_inner_texts()[0] == "Beide behalten (am sichersten)"
    until(page, "document.getElementById('save-status').textContent.startsWith('Noch nicht auf dem Server')")
    shoot(page, "62-de-today-conflict")
