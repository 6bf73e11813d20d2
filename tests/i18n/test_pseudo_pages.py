"""The signed-in app's own pages and footlog's account pages in every language (issue 26): Timeline (its chart
included), Export and share, Settings, Privacy, the reminder unsubscribe page, sign-out and the passkey and
recovery-code pages rendered in the test-only pseudo-language (every msgstr in ⟦…⟧, the `pseudo` fixture of
test_pseudo_locale.py) show no unmarked word, each seeded so that every branch renders. allauth's own words come
from allauth's catalogs, which the pseudo-language has none of: on the signed-out allauth pages the German and
Spanish pages are checked for allauth's German and Spanish words instead. Dates and numbers follow the locale."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from urllib.parse import urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from accounts.models import User
from footlog.clinical.services import visit_record
from footlog.lib.dates import today_in
from reminders.messages import unsubscribe_token
from reminders.services import preferences_update
from tests.accounts.test_passkeys import app_add_passkey
from tests.exports.builders import add_photo, custom_step, log_entry
from tests.i18n import test_pseudo_locale
from tests.i18n.test_pseudo_locale import OPEN, unmarked
from tests.support.webauthn import SoftPasskey

pytestmark = pytest.mark.django_db
pseudo = test_pseudo_locale.pseudo  # the pseudo-language fixture, shared

NOTE, PLAN, STEP, KEY = "zzvisitnote", "zzvisitplan", "zzownstep", "Test phone"  # KEY: the passkey's name
# Names Django writes from its own catalogs (the pseudo-language has none of them, so they stay English there),
# names of things, and the languages' own names in the language pickers.
ALLOWED = {
    *calendar.month_abbr[1:],
    *calendar.day_abbr,
    *{"English", "Deutsch", "Español", "Pseudo"},
    *{"SMART", "Health", "Link", "FHIR", "JSON"},
    *{NOTE, PLAN, STEP, *KEY.split()},
}


def leftover(html: str) -> list[str]:
    """The unmarked words, a new share link's addresses (in their text boxes) aside."""
    html = re.sub(r'<textarea[^>]*class="share-url"[^>]*>[^<]*</textarea>', " ", html)
    return [word for word in unmarked(html) if word not in ALLOWED]


def chart_leftover(html: str) -> list[str]:
    """The timeline chart's words (the page scan skips inline SVG): its title, description, axis, legend, markers
    and routine bars."""
    svg = re.search(r"<svg\b[^>]*>(.*)</svg>", html, flags=re.S)
    assert svg, "no chart"
    # A label cut to fit ("Washed with mild soap, patte…") loses its closing marker; its <title> holds it whole.
    return leftover(re.sub(r"<text\b[^>]*>[^<]*…</text>", " ", svg.group(1)))


@pytest.fixture
def seeded(consented: User) -> User:
    """Eight weeks of a persisting spot (reasons), a red flag, a spot not checked for weeks (stale), routine ticks on
    a built-in and an own step, two photos of one spot (a before/after pair), a visit with note, plan and review
    date, daily reminders by email, a passkey and recovery codes."""
    user = consented
    today = today_in(user.timezone)
    start = today - dt.timedelta(days=50)
    step = custom_step(user, STEP)
    first = None
    for n in range(0, 51):
        day = start + dt.timedelta(days=n)
        if n % 4 == 3:
            continue  # gaps: days not logged
        observations = [{"site": "left_heel", "count": 2 + n // 10, "largest_mm": 1.5}]
        if n == 0:
            observations.append({"site": "right_toes", "count": 1})  # not checked since: stale
        if n == 48:
            observations.append({"site": "right_heel", "count": 1, "redness": True, "pain": 6})
        entry = log_entry(user, day, observations=observations, routine={"wash": n % 2 == 0, step.key: True})
        if n in (4, 48):
            add_photo(user, entry, "left_heel")
        first = first or entry
    visit_record(user, kind="visited", date=today - dt.timedelta(days=20), note=NOTE, plan=PLAN, review_on=today)
    preferences_update(user, {"enabled": True, "channels": ["email"], "weekdays": [0, 2, 4]})
    app_add_passkey(Client(HTTP_HOST="localhost"), user, SoftPasskey())  # a passkey and its recovery codes
    return user


def signed_in(user: User, settings) -> Client:
    settings.MFA_REAUTHENTICATION_REQUIRED = False  # force_login leaves no fresh reauthentication record
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def app(seeded: User, settings) -> Client:
    return signed_in(seeded, settings)


def get(client: Client, path: str, language: str) -> str:
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, (path, response.status_code)
    html = response.content.decode()
    assert f'<html lang="{language}">' in html, path
    return html


def test_the_timeline_page_and_its_chart_have_no_unmarked_text(app, pseudo):
    html = get(app, "/timeline/", pseudo)
    for part in ('id="flags-title"', 'class="why"', 'class="status stale"', 'id="visits"', 'id="photos-title"'):
        assert part in html, part  # every branch rendered
    assert OPEN in html and NOTE in html and PLAN in html
    assert leftover(html) == []
    assert chart_leftover(html) == []


def test_the_export_page_with_a_new_link_and_its_links_has_no_unmarked_text(consented, settings, pseudo):
    app = signed_in(consented, settings)
    form = {"action": "share", "from": "2026-01-01", "to": "2026-12-31", "expires_in_days": "7"}
    created = app.post("/export/", {**form, "passcode": "4321", "include_photos": "on"}, HTTP_ACCEPT_LANGUAGE=pseudo)
    html = created.content.decode()
    assert 'id="new-title"' in html and 'id="shlink"' in html  # the new link, shown once
    assert leftover(html) == []
    link = re.search(r'id="share-url"[^>]*>([^<]+)<', html)
    assert link
    app.get(urlsplit(link.group(1)).path, HTTP_ACCEPT_LANGUAGE=pseudo)  # opened once: "visited 1×"
    app.post("/export/", form)
    newest = re.search(r'name="id" value="([^"]+)"', app.get("/export/").content.decode())
    assert newest
    app.post("/export/", {"action": "revoke", "id": newest.group(1)}, HTTP_ACCEPT_LANGUAGE=pseudo)
    html = get(app, "/export/", pseudo)  # the revoke's message, then the list: one open, one revoked
    assert html.count('class="n revoke"') == 1 and html.count("<li><span>") == 2
    assert leftover(html) == []
    # A refused form names its fields by their labels (the error texts themselves are the API's).
    refused = app.post("/export/", {**form, "expires_in_days": "99"}, HTTP_ACCEPT_LANGUAGE=pseudo).content.decode()
    assert re.search(r'<ul class="errorlist" role="alert"><li>⟦Link works for⟧: ', refused), refused[-3000:]


def test_settings_and_the_account_and_passkey_pages_have_no_unmarked_text(app, seeded, pseudo):
    key = Authenticator.objects.get(user=seeded, type=Authenticator.Type.WEBAUTHN)
    pages = {
        "/settings/": ('href="/accounts/2fa/recovery-codes/"', STEP, 'id="thr-floor"'),
        "/accounts/logout/": (),
        "/accounts/2fa/": (),
        "/accounts/2fa/webauthn/": (KEY,),
        "/accounts/2fa/webauthn/add/": (),
        f"/accounts/2fa/webauthn/keys/{key.pk}/edit/": (KEY,),
        f"/accounts/2fa/webauthn/keys/{key.pk}/remove/": (KEY,),
        "/accounts/2fa/recovery-codes/": ('id="codes-copy"',),  # shown once
        "/accounts/2fa/recovery-codes/?again": ("/accounts/2fa/recovery-codes/generate/",),  # seen
        "/accounts/2fa/recovery-codes/generate/": (),
    }
    for path, parts in pages.items():
        html = get(app, path, pseudo)
        assert all(part in html for part in parts), path
        assert leftover(html) == [], path


def test_settings_for_an_account_without_a_password_has_no_unmarked_text(consented, settings, pseudo):
    consented.set_unusable_password()
    consented.save(update_fields=["password"])
    html = get(signed_in(consented, settings), "/settings/", pseudo)
    assert 'id="delete-code-send"' in html
    assert leftover(html) == []


def test_privacy_and_the_unsubscribe_page_have_no_unmarked_text(client, user, pseudo):
    assert leftover(get(client, "/privacy/", pseudo)) == []
    path = f"/api/v1/reminders/unsubscribe/{unsubscribe_token(user.pk)}/"
    assert leftover(get(client, path, pseudo)) == []  # the question
    for token in (unsubscribe_token(user.pk), "forged"):  # done; not valid
        page = client.post(f"/api/v1/reminders/unsubscribe/{token}/", HTTP_ACCEPT_LANGUAGE=pseudo)
        assert leftover(page.content.decode()) == [], token


def visible_words(html: str) -> set[str]:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S | re.I)
    shown = " ".join(re.findall(r'(?:alt|title|aria-label|placeholder)="([^"]*)"', html))
    return set(re.findall(r"[A-Za-zÀ-ÿ]{2,}", re.sub(r"<[^>]+>", " ", html) + " " + shown))


# Words the English and the translated page may share: names, and words the languages spell alike (allauth's own
# Spanish keeps "passkey" in places; "personal" is Spanish and "an" German too; allauth's German writes "Email" in
# one heading).
SHARED = {"footlog", "Deutsch", "Español", "personal", "passkey", "Email", "an"}
# allauth's own words (from allauth's catalogs, not footlog's) that each page must show in German and Spanish.
ALLAUTH_WORDS = {
    "/accounts/login/": {"de": "Passwort vergessen?", "es": "¿Ha olvidado su contraseña?"},
    "/accounts/signup/": {"de": "Sie haben schon ein Konto?", "es": "Registrarse con una llave de acceso"},
    "/accounts/signup/passkey/": {"de": "Andere Optionen", "es": "Otras opciones"},
    "/accounts/password/reset/": {"de": "Geben Sie unten Ihre E-Mail-Adresse ein", "es": "Restablecer mi contraseña"},
    "/accounts/reauthenticate/": {"de": "Passwort", "es": "Contraseña"},
    "/accounts/email/": {"de": "E-Mail", "es": "Correo electrónico"},
    "/accounts/password/change/": {"de": "Passwort ändern", "es": "Cambiar la contraseña"},
}


@pytest.mark.parametrize("language", ["de", "es"])
def test_allauths_pages_speak_german_and_spanish_with_allauths_own_words(client, user, language):
    """LocaleMiddleware and allauth's catalogs are in effect on footlog's allauth pages: allauth's German and
    Spanish words are there, and no word of the English page is left (names aside)."""
    for path, words in ALLAUTH_WORDS.items():
        if path in ("/accounts/reauthenticate/", "/accounts/email/", "/accounts/password/change/"):
            client.force_login(user)
        english = visible_words(get(client, path, "en"))
        html = get(client, path, language)
        assert words[language] in html, path
        assert english & visible_words(html) <= SHARED, path
        # footlog addresses people formally: allauth's informal German (du) and Spanish (tú) are overridden.
        informal = r"\b(du|Du|dein\w*|Dein\w*|dir|Dir|dich|Dich)\b" if language == "de" else r"\b(tú|Regístrate)\b"
        assert not re.findall(informal, " ".join(visible_words(html))), path


def test_dates_and_numbers_on_the_pages_follow_the_language(app):
    """German: "7. Dez" dates on the Timeline and its chart's axis, "80 %" with the locale's space, while a number
    input keeps the dot HTML needs; the reminder's days in German, Monday first."""
    months = "Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez"
    timeline = get(app, "/timeline/", "de")
    coverage = re.search(r'id="coverage">([^<]+)<', timeline)
    assert coverage and re.match(rf"\d{{1,2}}\. ({months}) – \d{{1,2}}\. ({months}) \d{{4}} · ", coverage.group(1))
    assert re.search(r'id="care">[^<]*\d+\xa0%', timeline)
    axis = re.search(r'<g class="x-axis"[^>]*>(.*?)</g>', timeline)
    assert axis and re.search(rf">\d{{1,2}}\. ({months})<", axis.group(1)), axis
    assert "Knötchen je Stelle im Zeitverlauf" in timeline
    settings_page = get(app, "/settings/", "de")
    assert 'name="care_adherence_min" value="0.7"' in settings_page  # not "0,7": the input would refuse it
    days = re.findall(r'name="weekdays" value="(\d)"[^>]*><span>([^<]+)<', settings_page)
    assert days[0] == ("0", "Mo") and days[-1] == ("6", "So")


def test_the_unsubscribe_page_speaks_the_accounts_language_like_the_mail_it_came_from(client, user):
    user.language = "es"
    user.save(update_fields=["language"])
    path = f"/api/v1/reminders/unsubscribe/{unsubscribe_token(user.pk)}/"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")
    page = response.content.decode()
    assert response["Content-Language"] == "es"
    assert '<html lang="es">' in page and "¿Dejar de recibir recordatorios por correo?" in page
    forged = client.post("/api/v1/reminders/unsubscribe/forged/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de">' in forged and "Dieser Link ist nicht gültig" in forged  # no account: the browser's
