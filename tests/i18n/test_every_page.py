"""Kept complete (issue 26, item 6): every page of footlog, rendered in a test-only pseudo-language, shows no English
word outside the translation markers.

The pseudo-language "xx" is compiled at test time from the shipped catalogs: every message footlog translates
(locale/de, both domains) and every message Django or allauth translate into both German and Spanish (their own
catalogs: allauth's words on allauth's pages are theirs) reads ⟦its English⟧. A page rendered in it must show no
word outside ⟦…⟧ other than the patient's own text, the account's name, email and time zone, dates, numbers, units,
format names and the brand "footlog" (ALWAYS): any other word is a string nobody marked, which German and Spanish
readers would see in English.

Two walks, one account with a realistic log (reasons, a red flag, photos, her own step, a visit, reminders, shares):
- the server's HTML of every page the URL confs have (the Django test client), signed out, signed in as her and as
  a new account (the empty states), the pages inside a flow (sign-up and reset codes, passkeys) reached as a person
  reaches them, and what the forms answer (refusals, confirmations); `page_patterns()` must all be walked or named
  in NO_PAGE, which lists only what is not a page;
- one Chromium walk at phone size through the signed-in app and the SMART Health Link viewer, reading the text
  after the scripts ran, so that the words the scripts write (their gettext() from /jsi18n/) are held to the same
  rule. (Words a script shows only on a tap are not seen by it.)

Each failure names the page and its unmarked words.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
OPEN, CLOSE = "⟦", "⟧"
PSEUDO = "xx"
MO_MAGIC = 0x950412DE


# --- the pseudo-language ---------------------------------------------------------------------------------------


def read_mo(path: Path) -> dict[bytes, bytes]:
    """A compiled catalog's entries, keys as stored ("context\\x04msgid", "msgid\\x00plural")."""
    data = path.read_bytes()
    order = "<" if struct.unpack("<I", data[:4])[0] == MO_MAGIC else ">"
    _, _, count, originals, translations = struct.unpack(order + "5I", data[:20])

    def string(table: int, i: int) -> bytes:
        length, offset = struct.unpack(order + "2I", data[table + 8 * i : table + 8 * i + 8])
        return data[offset : offset + length]

    return {string(originals, i): string(translations, i) for i in range(count)}


def write_mo(path: Path, entries: dict[bytes, bytes]) -> None:
    """GNU .mo, no hash table (gettext readers, Python's included, search the sorted keys)."""
    keys = sorted(entries)
    head = 7 * 4
    originals_at, translations_at = head, head + 8 * len(keys)
    blob_at = translations_at + 8 * len(keys)
    blob, index_o, index_t = b"", b"", b""
    for key in keys:
        index_o += struct.pack("<2I", len(key), blob_at + len(blob))
        blob += key + b"\0"
    for key in keys:
        index_t += struct.pack("<2I", len(entries[key]), blob_at + len(blob))
        blob += entries[key] + b"\0"
    header = struct.pack("<7I", MO_MAGIC, 0, len(keys), originals_at, translations_at, 0, blob_at)
    path.write_bytes(header + index_o + index_t + blob)


def wrapped(key: bytes) -> bytes:
    """The pseudo-translation of a catalog key: its English in markers (each plural form its own)."""
    english = key.split(b"\x04")[-1]
    return b"\0".join(OPEN.encode() + form + CLOSE.encode() for form in english.split(b"\0"))


def translated_everywhere(folder: Path, domain: str) -> set[bytes]:
    """The keys a third-party catalog translates into both German and Spanish."""
    keys: set[bytes] | None = None
    for language in ("de", "es"):
        mo = folder / language / "LC_MESSAGES" / f"{domain}.mo"
        found = set(read_mo(mo)) if mo.exists() else set()
        keys = found if keys is None else keys & found
    return (keys or set()) - {b""}


def third_party_locales() -> list[Path]:
    import django
    from django.apps import apps

    own = {(ROOT / "locale").resolve()}
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    return [f for f in folders if f.is_dir() and f.resolve() not in own]


def build_pseudo(target: Path) -> None:
    """xx/LC_MESSAGES/{django,djangojs}.mo under `target`."""
    folder = target / PSEUDO / "LC_MESSAGES"
    folder.mkdir(parents=True)
    header = b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=(n != 1);\n"
    for domain in ("django", "djangojs"):
        keys: set[bytes] = set()
        for locale in third_party_locales():
            keys |= translated_everywhere(locale, domain)
        own = ROOT / "locale" / "de" / "LC_MESSAGES" / f"{domain}.mo"
        if own.exists():
            keys |= set(read_mo(own)) - {b""}
        write_mo(folder / f"{domain}.mo", {b"": header, **{key: wrapped(key) for key in keys}})


@pytest.fixture
def pseudo_language(settings: Any, tmp_path: Path) -> str:
    build_pseudo(tmp_path)
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    return PSEUDO


def test_the_pseudo_language_wraps_every_catalog_footlog_speaks_through(pseudo_language: str) -> None:
    from django.utils import translation

    with translation.override(pseudo_language):
        assert translation.gettext("Seek care promptly.") == "⟦Seek care promptly.⟧"  # footlog's
        assert translation.gettext("Sign In") == "⟦Sign In⟧"  # allauth's
        assert translation.gettext("Monday") == "⟦Monday⟧"  # Django's
        assert translation.pgettext("abbrev. month", "Nov.") == "⟦Nov.⟧"  # a context
        assert translation.ngettext("%(n)s day", "%(n)s days", 3) % {"n": 3} == "⟦3 days⟧"  # a plural
        assert translation.gettext("no catalog has this") == "no catalog has this"


# --- the scan ----------------------------------------------------------------------------------------------------

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?"
    r"|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\.?,?"
# Dates a script formats with Intl in a language it does not know (the pseudo-language) come out in English:
# "Mon, Dec 7", "7 Dec 2026", "December 2026". The server's dates are marked (Django's month names are msgids).
DATES = re.compile(
    rf"\b(?:{WEEKDAY}\s+)?(?:\d{{1,2}}\.?\s+{MONTH}(?:\s+\d{{4}})?|{MONTH}\s+\d{{1,4}}(?:,\s+\d{{4}})?)(?![A-Za-z])"
)
# Names that are the same in every language, each for a reason.
NAMES = ("SMART Health Link",)  # a standard's name
ALWAYS = {
    "footlog",  # the brand
    "English",  # the language switch names each language in that language, on purpose
    "Deutsch",
    "Español",
    "Pseudo",
    "mm",  # units
    "cm",
    "PDF",  # formats and standards, written so in German and Spanish too
    "CSV",
    "JSON",
    "FHIR",
    "SPF",
    "GPS",
    "HTTPS",
    "UTC",
}


def visible_text(html: str) -> str:
    """What a reader sees of server HTML: the text and the attributes shown or spoken (no scripts, styles or
    comments; the patient's words, marked as such, left out)."""
    html = re.sub(r"<!--.*?-->", " ", html, flags=re.S)
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    html = re.sub(r'<(q|li|i|span|p)\b[^>]*class="[^"]*patient-words[^"]*"[^>]*>.*?</\1>', " ", html, flags=re.S)
    shown = re.findall(r'\s(?:alt|title|aria-label|placeholder|data-confirm)="([^"]*)"', html)
    shown += re.findall(r'<input\b[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"', html)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", html) + " " + " ".join(shown))


def unmarked(text: str, own_words: tuple[str, ...] = ()) -> list[str]:
    """The words of `text` outside ⟦…⟧, other than the patient's own (`own_words`: their texts, name, email),
    dates, numbers and ALWAYS; in order of appearance, each once."""
    for own in sorted((*own_words, *NAMES), key=len, reverse=True):
        text = text.replace(own, " ")
    text = re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*…", " ", text)  # a marked label the layout cut short ("⟦Washed with…")
    while True:  # nested sentences (a reason inside a reason): innermost first
        inner = re.sub(rf"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
        if inner == text:
            break
        text = inner
    text = DATES.sub(" ", re.sub(r"\b(?:https?|shlink):\S+", " ", text))  # and links: a new share's are shown
    words = re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)
    return list(dict.fromkeys(w for w in words if w not in ALWAYS))


def test_the_scan_sees_unmarked_words_and_only_those() -> None:
    assert unmarked(visible_text('<p>⟦Red flags⟧ Bleeding <img alt="Left heel"></p>')) == ["Bleeding", "Left", "heel"]
    page = '<p>⟦on ⟦Left heel⟧ x⟧ <q class="patient-words">my words</q> Mon, Dec 7 · 9 Nov 2026 footlog</p>'
    assert unmarked(visible_text(page)) == []
    assert unmarked("⟦Routine⟧ ⟦Washed with mild soap, patte… Moisturiser") == ["Moisturiser"]
    own = ("Long walk today.", "Ana")
    assert unmarked("⟦Note⟧ Long walk today. Ana http://localhost/share/Yc-Popnx/ shlink:/eyJ1cmwi", own) == []
    assert unmarked(visible_text("<!-- a comment --> <script>let words</script> ⟦ok⟧")) == []
    # Dates are dates, but a month-like word is not one, nor is a standard's name in part.
    assert unmarked("Mon, Dec 7 · Tuesday 8 December 2026 · Dec 2026 · May 3") == []
    assert unmarked("Mark 3 March plan · SMART Health Link · a Health check") == ["Mark", "plan", "Health", "check"]


# --- the account -------------------------------------------------------------------------------------------------

NAME = "Ana Lima"
STEP = "Tea tree oil"  # a routine step of her own: its label is hers, never translated
NOTES = {2: "Long walk in new boots.", 6: "Heel rubbed at work.", 11: "Forgot the cream."}
VISIT_NOTE, VISIT_PLAN = "Dr. Weber, room 4", "Keep photos weekly, urea cream at night"
ONSET_NOTE = "First saw them after the summer holiday"
QUESTIONS = "Should I stop the cream?"


def a_realistic_log(user: Any, today: dt.date) -> tuple[str, ...]:
    """Three weeks with gaps, two sites (one growing, one clearing), a red flag two days ago, weekly photos, her own
    step, a booked visit, an onset, reminders on. Returns her own words (texts, name, email) for the scan."""
    from accounts.services import account_update
    from footlog.clinical.services import site_onset_set, visit_record
    from reminders.services.preferences import preferences_update
    from tests.exports.builders import add_photo, custom_step, log_entry

    account_update(user, {"display_name": NAME})
    custom_step(user, STEP)
    for back in range(20, -1, -1):
        if back in (4, 9, 15):
            continue  # days not logged
        flag = {"bleeding": True, "pain": 6} if back == 2 else {}
        entry = log_entry(
            user,
            today - dt.timedelta(days=back),
            observations=[
                {"site": "left_heel", "count": 2 + (20 - back) // 4, "largest_mm": 1.5, **flag},
                {"site": "right_ankle_outer", "count": max(0, 4 - (20 - back) // 5)},
            ],
            routine={"wash": True, "moisturise": back % 2 == 0},
            notes=NOTES.get(back, ""),
        )
        if back in (0, 7, 14):
            add_photo(user, entry, "left_heel")
    site_onset_set(user, "left_heel", noticed_since=today.replace(day=1), not_sure=False, note=ONSET_NOTE)
    visit_record(user, kind="booked", date=today + dt.timedelta(days=10), note=VISIT_NOTE, plan=VISIT_PLAN)
    preferences_update(user, {"enabled": True, "channels": ["email"]})
    return (*NOTES.values(), STEP, VISIT_NOTE, VISIT_PLAN, ONSET_NOTE, QUESTIONS, NAME, user.email, user.timezone)


@dataclass
class Accounts:
    """Her (the realistic log), a new account (nothing logged yet: the empty states), an account with a passkey, one
    who has not consented yet."""

    her: Any
    new: Any
    keyed: Any
    passkey_id: int
    unconsented: Any
    links: dict[str, str] = field(default_factory=dict)  # her share links and unsubscribe token, once made


# --- the pages ---------------------------------------------------------------------------------------------------

# Every HTML page by its URL pattern (a variant in brackets); {day} {share} {locked} {unsubscribe} filled in below.
SIGNED_OUT = {
    "": "/",
    "accounts/login/": "/accounts/login/",
    "accounts/signup/": "/accounts/signup/",
    "accounts/signup/passkey/": "/accounts/signup/passkey/",
    "accounts/password/reset/": "/accounts/password/reset/",
    "accounts/inactive/": "/accounts/inactive/",
    "privacy/": "/privacy/",
    "share/<str:token>/": "/share/{share}/?language=xx",
    "share/<str:token>/ (passcode)": "/share/{locked}/?language=xx",
    "share/<str:token>/ (gone)": "/share/no-such-link/",
    "shl/view": "/shl/view",
    "reminders/unsubscribe/<str:token>/": "/api/v1/reminders/unsubscribe/{unsubscribe}/",
    "offline/": "/offline/",
    "account-deleted/": "/account-deleted/",
    "(404)": "/no-such-page/",
    "manifest.webmanifest": "/manifest.webmanifest",  # the app's name and description where a phone installs it
}
SIGNED_IN = {
    "": "/",
    "day/<date>/": "/day/{day}/",
    "history/": "/history/",
    "history/calendar/": "/history/calendar/",
    "timeline/": "/timeline/",
    "photos/<slug:site>/": "/photos/left_heel/",
    "settings/": "/settings/",
    "export/": "/export/",
    "privacy/": "/privacy/",
    "accounts/email/": "/accounts/email/",
    "accounts/password/change/": "/accounts/password/change/",
    "accounts/reauthenticate/": "/accounts/reauthenticate/",
    "accounts/logout/": "/accounts/logout/",
    "accounts/2fa/": "/accounts/2fa/",
    "accounts/2fa/webauthn/": "/accounts/2fa/webauthn/",
}
# What the URL confs route that is no page: the API (and its docs, Swagger's own look), the admin, files and JSON.
NO_PAGE = {
    "sw.js",
    "favicon.ico",
    "healthz",
    "readyz",
    "metrics",
    "jsi18n/",  # the scripts' catalog
    "i18n/setlang/",  # the language switch: a POST that redirects back
    "share/<str:token>/report.pdf",  # a PDF (its words: tests/i18n/test_report_language.py)
    "share/<str:token>/photos/<uuid:photo_id>",
    "shl/file/<str:ticket>",
    "shl/<str:manifest_id>",
    "accounts/2fa/recovery-codes/download/",  # a text file of codes
    "accounts/2fa/webauthn/login/",  # the passkey button's JSON (a browser is sent on to the sign-in page)
    "accounts/login/code/confirm/",  # sign-in by mailed code is off: a redirect to the sign-in page
    "api/schema/",
    "api/docs/",
}


def page_patterns() -> set[str]:
    """Every URL pattern of the HTML side (the API, the admin and allauth's headless JSON left out)."""
    found: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern).lstrip("^").rstrip("$")
            if isinstance(p, URLResolver):
                if not route.startswith(("api/v1/", "admin/", "_allauth/")):
                    walk(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                found.add(route)

    walk(get_resolver().url_patterns, "")
    found.add("reminders/unsubscribe/<str:token>/")  # an HTML page under /api/v1/
    return {"day/<date>/" if r.startswith("day/") else r for r in found}


def walked() -> set[str]:
    return {k.split(" (")[0] for k in (*SIGNED_OUT, *SIGNED_IN, *FLOWS) if not k.startswith("(")}


def test_the_two_routes_named_no_page_for_their_settings_send_a_browser_on(client: Any) -> None:
    assert client.get("/accounts/login/code/confirm/")["Location"].startswith("/accounts/login/")
    assert client.get("/accounts/2fa/webauthn/login/")["Location"].startswith("/accounts/login/")


def test_the_walk_covers_every_page_of_the_url_confs() -> None:
    assert page_patterns() - walked() - NO_PAGE == set(), "a page nobody walks: add it to the walk"
    assert (walked() | NO_PAGE) - page_patterns() == set(), "the walk names a route that is gone"


# --- pages reached inside a flow (a sign-up, a reset, a passkey): each gets there as a person would ----------------

NEW_ADDRESS = "newcomer@example.com"
TYPED_ZONE = "Mars/Olympus_Mons"  # typed into Settings: the page shows it back with the refusal


def browser_client(user: Any = None, *, reauthenticated: bool = False) -> Any:
    """A test client asking for the pseudo-language, on `localhost` (a passkey is bound to the host name)."""
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE=PSEUDO, HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    if reauthenticated:  # a sensitive page: allauth asks for the password again first
        assert client.post("/accounts/reauthenticate/", {"password": PASSWORD}).status_code == 302
    return client


def mailed_code(address: str) -> str:
    from django.core import mail

    body = [m for m in mail.outbox if address in m.to][-1].body
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", body, re.MULTILINE)
    assert match, body
    return match.group(1)


def then_get(client: Any, response: Any, path: str) -> Any:
    """The page a step led to (a redirect), fetched."""
    assert response.status_code == 302 and response["Location"].startswith(path), (path, response)
    return client.get(path)


def signup_code_page(accounts: Accounts) -> Any:
    client = browser_client()
    form = {"email": NEW_ADDRESS, "password1": PASSWORD, "password2": PASSWORD}
    return then_get(client, client.post("/accounts/signup/", form), "/accounts/confirm-email/")


def reset_code_page(accounts: Accounts, client: Any = None) -> Any:
    client = client or browser_client()
    sent = client.post("/accounts/password/reset/", {"email": accounts.her.email})
    return then_get(client, sent, "/accounts/password/reset/confirm/")


def reset_password_page(accounts: Accounts) -> Any:
    client = browser_client()
    reset_code_page(accounts, client)
    confirmed = client.post("/accounts/password/reset/confirm/", {"code": mailed_code(accounts.her.email)})
    return then_get(client, confirmed, "/accounts/password/reset/complete/")


def passkey_signup_page(accounts: Accounts) -> Any:
    client = browser_client()
    address = "passkey-" + NEW_ADDRESS
    begun = client.post("/accounts/signup/passkey/", {"email": address})
    then_get(client, begun, "/accounts/confirm-email/")
    confirmed = client.post("/accounts/confirm-email/", {"code": mailed_code(address)})
    return then_get(client, confirmed, "/accounts/2fa/webauthn/signup/")


def second_factor_page(accounts: Accounts) -> Any:
    client = browser_client()
    signed = client.post("/accounts/login/", {"login": accounts.keyed.email, "password": PASSWORD})
    return then_get(client, signed, "/accounts/2fa/authenticate/")


def passwordless_page(accounts: Accounts) -> Any:
    accounts.keyed.set_unusable_password()
    accounts.keyed.save(update_fields=["password"])
    try:
        return browser_client(accounts.keyed).get("/accounts/password/set/")
    finally:
        accounts.keyed.set_password(PASSWORD)
        accounts.keyed.save(update_fields=["password"])


def share_form(accounts: Accounts) -> dict[str, str]:
    today = accounts.her.today()
    start = (today - dt.timedelta(days=13)).isoformat()
    return {"from": start, "to": today.isoformat(), "expires_in_days": "7", "questions": QUESTIONS, "language": "de"}


def revoked_page(accounts: Accounts) -> Any:
    from footlog.sharing.models import Share

    client = browser_client(accounts.her)
    share = Share.objects.filter(user=accounts.her, revoked_at__isnull=True).first()
    assert share is not None
    return client.post("/export/", {"action": "revoke", "id": str(share.pk)}, follow=True)


def server_error_page(accounts: Accounts) -> Any:
    """The 500 page, as the handler renders it (no view fails on purpose)."""
    from django.test import RequestFactory
    from django.utils import translation

    from footlog.urls import handler500

    with translation.override(PSEUDO):
        return handler500(RequestFactory().get("/"))


def keyed_page(path: str, *, again: bool = True) -> Callable[[Accounts], Any]:
    """A page of the account with a passkey (most ask for the password again first, as allauth does)."""

    def fetch(accounts: Accounts) -> Any:
        client = browser_client(accounts.keyed, reauthenticated=again)
        return client.get(path.format(key=accounts.passkey_id))

    return fetch


FLOWS: dict[str, Callable[[Accounts], Any]] = {
    "welcome/": lambda accounts: browser_client(accounts.unconsented).get("/welcome/"),
    "accounts/confirm-email/": signup_code_page,
    "accounts/password/reset/confirm/": reset_code_page,
    "accounts/password/reset/complete/": reset_password_page,
    "accounts/password/reset/done/": lambda accounts: browser_client().get("/accounts/password/reset/done/"),
    "accounts/password/set/": passwordless_page,
    "accounts/2fa/authenticate/": second_factor_page,
    "accounts/2fa/reauthenticate/": keyed_page("/accounts/2fa/reauthenticate/", again=False),
    "accounts/2fa/webauthn/reauthenticate/": keyed_page("/accounts/2fa/webauthn/reauthenticate/", again=False),
    "accounts/2fa/recovery-codes/": keyed_page("/accounts/2fa/recovery-codes/"),
    "accounts/2fa/recovery-codes/generate/": keyed_page("/accounts/2fa/recovery-codes/generate/"),
    "accounts/2fa/webauthn/add/": keyed_page("/accounts/2fa/webauthn/add/"),
    "accounts/2fa/webauthn/keys/<int:pk>/edit/": keyed_page("/accounts/2fa/webauthn/keys/{key}/edit/"),
    "accounts/2fa/webauthn/keys/<int:pk>/remove/": keyed_page("/accounts/2fa/webauthn/keys/{key}/remove/"),
    "accounts/2fa/webauthn/signup/": passkey_signup_page,
    "accounts/2fa/ (with a passkey)": keyed_page("/accounts/2fa/"),
    "accounts/login/ (a wrong password)": lambda accounts: browser_client().post(
        "/accounts/login/", {"login": accounts.her.email, "password": "not the password"}
    ),
    "accounts/signup/ (a weak password)": lambda accounts: browser_client().post(
        "/accounts/signup/", {"email": NEW_ADDRESS, "password1": "footlog", "password2": "footlog2"}
    ),
    "settings/ (saved)": lambda accounts: browser_client(accounts.her).post(
        "/settings/", {"action": "profile", "display_name": NAME}, follow=True
    ),
    "settings/ (refused)": lambda accounts: browser_client(accounts.her).post(
        "/settings/", {"action": "profile", "timezone": TYPED_ZONE}
    ),
    "welcome/ (not agreed)": lambda accounts: browser_client(accounts.unconsented).post("/welcome/", {}),
    "timeline/ (a refused visit)": lambda accounts: browser_client(accounts.her).post(
        "/timeline/", {"kind": "visited", "date": "2999-01-01"}
    ),
    "timeline/ (a visit recorded)": lambda accounts: browser_client(accounts.her).post(
        "/timeline/", {"kind": "visited", "date": accounts.her.today().isoformat()}, follow=True
    ),
    "export/ (a link made)": lambda accounts: browser_client(accounts.her).post("/export/", share_form(accounts)),
    "export/ (refused)": lambda accounts: browser_client(accounts.her).post(
        "/export/", {**share_form(accounts), "expires_in_days": "0"}
    ),
    "export/ (a link revoked)": revoked_page,
    "share/<str:token>/ (a wrong passcode)": lambda accounts: browser_client().post(
        f"/share/{accounts.links['locked']}/?language={PSEUDO}", {"passcode": "not the passcode"}
    ),
    "reminders/unsubscribe/<str:token>/ (done)": lambda accounts: browser_client().post(
        f"/api/v1/reminders/unsubscribe/{accounts.links['unsubscribe']}/"
    ),
    "reminders/unsubscribe/<str:token>/ (a broken link)": lambda accounts: browser_client().post(
        "/api/v1/reminders/unsubscribe/not-a-token/"
    ),
    "(500)": server_error_page,
}


@pytest.fixture
def accounts(make_user: Callable[..., Any]) -> Accounts:
    from tests.accounts.test_passkeys import app_add_passkey, localhost
    from tests.support.webauthn import SoftPasskey

    keyed = make_user()
    passkey = app_add_passkey(localhost(), keyed, SoftPasskey())["data"]["id"]
    return Accounts(make_user(timezone="Asia/Tokyo"), make_user(), keyed, passkey, make_user(consent=False))


def scan_server_pages(accounts: Accounts, own_words: tuple[str, ...]) -> dict[str, list[str]]:
    from footlog.lib.dates import today_in
    from footlog.sharing.services import share_create
    from reminders.messages import unsubscribe_token

    her = accounts.her
    today = today_in(her.timezone)
    window = {"start": today - dt.timedelta(days=20), "end": today, "expires_in_days": 3}
    fill = accounts.links = {
        "day": (today - dt.timedelta(days=2)).isoformat(),
        "share": share_create(her, **window, include_photos=True, questions=QUESTIONS).token,
        "locked": share_create(her, **window, include_photos=False, passcode="a long passcode 1").token,
        "unsubscribe": unsubscribe_token(her.pk),
    }
    responses = {}
    for who, user, pages in (
        ("signed out", None, SIGNED_OUT),
        ("signed in", her, SIGNED_IN),
        ("new", accounts.new, SIGNED_IN),
    ):
        client = browser_client(user)
        for name, path in pages.items():
            responses[f"{who}: {name or '/'}"] = client.get(path.format(**fill))
    for name, reach in FLOWS.items():
        responses[name] = reach(accounts)
    found = {}
    for name, response in responses.items():
        assert response.status_code in (200, 400, 401, 404, 500), (name, response.status_code, response.get("Location"))
        if response["Content-Type"].startswith("application/manifest+json"):
            shown = response.json()
            found[name] = unmarked(" ".join(shown[k] for k in ("name", "short_name", "description")), own_words)
            continue
        html = response.content.decode()
        assert f'lang="{PSEUDO}"' in html, f"{name}: not rendered in the pseudo-language"
        found[name] = unmarked(visible_text(html), own_words)
    return found


def verdict(found: dict[str, list[str]]) -> str:
    """Each page that shows unmarked words, with its words, one line each."""
    return "\n".join(f"{page}: {' '.join(words)}" for page, words in found.items() if words)


def test_every_page_has_no_unmarked_word(accounts: Accounts, pseudo_language: str) -> None:
    from footlog.lib.dates import today_in

    own_words = a_realistic_log(accounts.her, today_in(accounts.her.timezone))
    others = (accounts.new, accounts.keyed, accounts.unconsented)
    own_words += (*(u.email for u in others), *(u.timezone for u in others), NEW_ADDRESS, TYPED_ZONE, "Test phone")
    found = scan_server_pages(accounts, own_words)
    assert not verdict(found), "words outside the markers (a string nobody marked):\n" + verdict(found)


def test_the_verdict_lists_each_page_with_its_words() -> None:
    assert verdict({"a/": ["Today"], "b/": [], "new/": ["Save", "now"]}) == "a/: Today\nnew/: Save now"


# --- the phone: the words the scripts write --------------------------------------------------------------------

PHONE_PAGES = {
    "Today": "/",
    "History": "/history/",
    "Timeline": "/timeline/",
    "Photos": "/photos/left_heel/",
    "Export": "/export/",
    "Settings": "/settings/",
}
# What a person sees and hears after the scripts ran: the rendered text, and the labels scripts set.
SHOWN_AFTER_SCRIPTS = """() => [document.body.innerText,
  ...[...document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')]
     .filter(el => el.getClientRects().length)
     .map(el => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder'),
                 el.getAttribute('alt')].filter(Boolean).join(' '))].join('\\n')"""


@pytest.mark.browser
def test_the_signed_in_app_at_phone_size_has_no_unmarked_word_after_its_scripts_ran(
    chromium: Any, live_server: Any, make_user: Callable[..., Any], pseudo_language: str, transactional_db: None
) -> None:
    from footlog.lib.dates import today_in
    from footlog.sharing.services import share_create
    from tests.browser.conftest import sign_in
    from tests.support.browser import PHONE

    her = make_user(timezone=PHONE["timezone_id"])
    today = today_in(her.timezone)
    own_words = a_realistic_log(her, today)
    # The viewer speaks the share's language (its Bundle.language), as the reader asked when the link was made.
    shared = share_create(
        her, start=today - dt.timedelta(days=20), end=today, include_photos=True, expires_in_days=3, language=PSEUDO
    )
    pages = {
        **PHONE_PAGES,
        "SMART Health Link viewer": "/shl/view#" + shared.shlink(live_server.url + shared.manifest_path),
    }
    context = chromium.new_context(**PHONE, extra_http_headers={"Accept-Language": PSEUDO})
    errors: list[str] = []
    found = {}
    try:
        sign_in(context, her, live_server.url)
        page = context.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        for name, path in pages.items():
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")  # the scripts' fetches (the chart's data, the outbox) done
            if path.startswith("/shl/view"):
                page.locator("#summary:not([hidden])").wait_for()  # decrypted in the browser
            assert page.evaluate("document.documentElement.lang") == PSEUDO, name
            found[f"phone: {name}"] = unmarked(page.evaluate(SHOWN_AFTER_SCRIPTS), own_words)
            if name == "Today":  # the spot's panel, which the script fills when a spot is tapped
                page.locator('[data-site="left_heel"]').click()
                page.locator("#site-panel:not([hidden])").wait_for()
                found["phone: Today, a spot open"] = unmarked(page.evaluate(SHOWN_AFTER_SCRIPTS), own_words)
    finally:
        context.close()
    assert errors == []
    assert not verdict(found), "words outside the markers (a string nobody marked):\n" + verdict(found)
