"""The day pages in every language (issue 26): Today and any day's form, History (list and month), a spot's photos,
Welcome and "account deleted" rendered in the test-only pseudo-language (every msgstr in ⟦…⟧, the `pseudo`
fixture of test_pseudo_locale.py) show no unmarked word, the feet map's words included; and in German their dates,
weekdays and the month grid follow the locale (the week starts on Monday; in English on Sunday, Django's
FIRST_DAY_OF_WEEK for each)."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.test import Client

from accounts.models import User
from footlog.diary.models import Entry, Photo
from tests.exports.builders import add_photo, custom_step, log_entry
from tests.i18n import test_pseudo_locale
from tests.i18n.test_pseudo_locale import unmarked

pytestmark = pytest.mark.django_db
pseudo = test_pseudo_locale.pseudo  # the pseudo-language fixture, shared
NOW = dt.datetime(2026, 12, 7, 18, 0, tzinfo=dt.UTC)  # Monday 7 December in Berlin, the user's zone
TODAY = NOW.date()
# Names Django writes from its own catalogs (the pseudo-language has none of them, so they stay English there).
DATE_WORDS = {
    *calendar.month_name[1:],  # Python's C-locale names: Django's English ones
    *calendar.month_abbr[1:],
    *calendar.day_name,
    *calendar.day_abbr,
    "cm",  # a unit ("~20 cm" beside "Overview")
}
PAGES = [
    "/",  # today, logged
    "/day/2026-12-03/",  # a past day
    "/day/2026-12-09/",  # after today: refused, no form
    "/day/2020-01-01/",  # older than five years: refused
    "/history/",
    "/history/?end=2026-11-01",  # with a "Later" link
    "/history/calendar/",
    "/history/calendar/?month=2026-11",
    "/photos/left_heel/",  # every kind of group, a scale mark, a poor photo
    "/photos/right_toes/",  # no photos yet
    "/welcome/",
]


@pytest.fixture
def clock() -> Iterator[None]:
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def seeded(consented: User, clock: None) -> User:
    """Three weeks with gaps (every third day unlogged), routine ticks, a day of none seen, and photos of the left
    heel: an overview with a coin in frame, a blurred close-up, one untagged."""
    for back in range(21):
        if back % 3 == 2:
            continue
        observations = [{"site": "left_heel", "count": back % 4, "largest_mm": 1.5}]
        if back % 5 == 0:
            observations.append({"site": "right_sole", "count": 2})
        log_entry(
            consented,
            TODAY - dt.timedelta(days=back),
            observations=observations,
            routine={"wash": True, "exfoliate": back % 2 == 0, "tight_footwear": back == 4},
        )
    entries = {e.date: e for e in Entry.objects.filter(user=consented)}
    for back, view, scale, sharp in [(10, "overview", True, True), (6, "closeup", None, False), (3, None, None, None)]:
        photo = add_photo(consented, entries[TODAY - dt.timedelta(days=back)], "left_heel")
        Photo.objects.filter(pk=photo.pk).update(view=view, scale_in_frame=scale, quality_sharp=sharp)
    return consented


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def scan(html: str) -> list[str]:
    """Unmarked words of a page: the feet map's SVG is read too (its visible labels and aria-labels are words), dates
    the pseudo-language leaves in Django's English are not (they are Django's catalogs' job, checked in German below).
    A refused day's reason comes from the API's one rule (footlog.lib.dates.entry_date_error): its words are the
    API helper's; only this page's own words around it are checked here. Welcome shows the zone's IANA name."""
    html = re.sub(r"<(/?)svg\b", r"<\1figure-svg", html)
    html = re.sub(r'(id="day-refused"[^>]*>)[^⟦<]*', r"\1", html)
    html = re.sub(r'(id="tz-shown">)[^<]*', r"\1", html)  # the time zone's IANA name ("Europe/Berlin")
    return [w for w in unmarked(html) if w not in DATE_WORDS]


def test_the_day_pages_have_no_unmarked_text(seeded: User, pseudo: str) -> None:
    client = signed_in(seeded)
    for path in PAGES:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE=pseudo)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert '<html lang="xx">' in html, path
        assert scan(html) == [], path
    refused = client.post("/welcome/", {}, HTTP_ACCEPT_LANGUAGE=pseudo)  # no consent ticked: the error, marked
    assert refused.status_code == 400 and 'id="consent-error"' in refused.content.decode()
    assert scan(refused.content.decode()) == []
    deleted = Client().get("/account-deleted/", HTTP_ACCEPT_LANGUAGE=pseudo).content.decode()
    assert "⟦Your account was deleted⟧" in deleted
    assert [w for w in scan(deleted) if w not in ("English", "Deutsch", "Español", "Pseudo")] == []


def test_the_scan_reads_the_feet_map() -> None:
    assert scan('<svg><text class="cap">Left foot</text></svg>') == ["Left", "foot"]
    assert scan("<p>⟦Today⟧ Monday 7 December</p>") == []


def config(html: str) -> dict:
    match = re.search(r'<script id="today-config" type="application/json">(.*?)</script>', html, re.S)
    assert match, html[:300]
    return json.loads(match.group(1))


def test_the_day_page_in_german(seeded: User) -> None:
    client = signed_in(seeded)
    html = client.get("/day/2026-12-03/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<title>3. Dezember 2026 · footlog</title>" in html
    assert '<span id="day-title">Donnerstag, 3. Dezember</span>' in html
    # The day picker's label names the same day as the field's value, in the page's language.
    assert 'Tag: <span id="day-pick-shown">Do, 3. Dez 2026</span>' in html and 'value="2026-12-03"' in html
    assert 'aria-label="Linke Ferse"' in html and ">Außen-</tspan>" in html and ">knöchel</tspan>" in html
    words = config(html)
    assert {"key": "left_heel", "label": "Linke Ferse"} in words["sites"]
    assert words["steps"][0] == {
        **words["steps"][0],
        "key": "wash",
        "label": "Mit milder Seife gewaschen, trocken getupft",
    }
    assert words["urgent_text"] == "Lassen Sie sich umgehend ärztlich untersuchen."
    spanish = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<title>Hoy · footlog</title>" in spanish and ">Tobillo</tspan>" in spanish
    assert 'Día: <span id="day-pick-shown">lun 7 dic 2026</span>' in spanish


def weekday_heads(html: str) -> list[str]:
    return re.findall(r'<th scope="col">([^<]*)</th>', html)


def test_the_month_starts_on_the_locales_first_weekday(seeded: User) -> None:
    """November 2026 begins on a Sunday: no padding in English (Sunday first), six empty cells in German."""
    client = signed_in(seeded)
    english = client.get("/history/calendar/?month=2026-11").content.decode()
    german = client.get("/history/calendar/?month=2026-11", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    spanish = client.get("/history/calendar/?month=2026-11", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert weekday_heads(english) == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    assert weekday_heads(german) == ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"]
    assert weekday_heads(spanish)[0] == "lun" and weekday_heads(spanish)[-1] == "dom"
    first_row = re.compile(r"<tbody>\s*<tr>((?:<td></td>)*)\s*<td>")
    assert first_row.search(english).group(1) == ""
    assert first_row.search(german).group(1) == "<td></td>" * 6
    assert '<h2 id="month-title">November 2026</h2>' in german
    assert '<h2 id="month-title">Noviembre de 2026</h2>' in spanish
    assert "Sonntag, 1. November: nicht erfasst" in german


def test_history_and_photos_in_german(seeded: User) -> None:
    client = signed_in(seeded)
    history = client.get("/history/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Die vier Wochen bis 7. Dezember 2026." in history
    assert ">Mo, 7. Dez</time>" in history and "Linke Ferse" in history
    photos = client.get("/photos/left_heel/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "<h1>Fotos: Linke Ferse</h1>" in photos and "3 Fotos, das älteste zuerst." in photos
    assert "Foto vom 27. November 2026 öffnen" in photos and ">Übersicht <span" in photos
    assert '<option value="closeup">Nahaufnahme</option>' in photos


def test_the_manifest_speaks_the_browsers_language(client: Client) -> None:
    german = client.get("/manifest.webmanifest", HTTP_ACCEPT_LANGUAGE="de")
    body = german.json()
    assert body["lang"] == "de" and body["name"] == "footlog: ein Tagebuch für die Haut Ihrer Füße und Knöchel"
    assert "Accept-Language" in german["Vary"]  # a cache keeps one copy per language
    assert client.get("/manifest.webmanifest").json()["lang"] == "en"


def test_routine_steps_speak_the_request_language_but_own_steps_stay_as_written(api: Any, user: User) -> None:
    """Today's script draws the routine from `routine-steps/`: built-in steps in the page's language."""
    custom_step(user, "Fußbad mit Salz")
    german = {s["key"]: s["label"] for s in api.get("/api/v1/routine-steps/", HTTP_ACCEPT_LANGUAGE="de").json()}
    assert german["wash"] == "Mit milder Seife gewaschen, trocken getupft"
    assert "Fußbad mit Salz" in german.values()
    english = {s["key"]: s["label"] for s in api.get("/api/v1/routine-steps/").json()}
    assert english["wash"] == "Washed with mild soap, patted dry" and "Fußbad mit Salz" in english.values()
