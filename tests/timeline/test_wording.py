"""footlog never names or implies a condition: no condition names or diagnostic words anywhere it speaks.

Scanned: every file under templates/ (as text), a few rendered pages, the wording table (`LEVEL_TEXT`), reminder
mail and push texts, the PWA manifest, the PDF report's text and the FHIR bundle's texts. User-written text is not
scanned (the fixtures write neutral notes). Allowed: "not a diagnosis", "does not diagnose", "never diagnoses".

`offences(text)` and `assert_clean(source, text)` are meant for reuse (e.g. the analysis' reason texts).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from django.test import Client
from pypdf import PdfReader

from footlog.timeline.analysis import LEVEL_TEXT, SEEK_CARE
from footlog.timeline.analysis.wording import LEVEL_TEXTS, headline_text

ROOT = Path(__file__).resolve().parents[2]
BANNED = ("milia", "cyst", "harmless", "benign", "cancer", "melanoma", "diagnos")
ALLOWED = ("not a diagnosis", "does not diagnose", "never diagnoses")
END = dt.date(2026, 11, 30)


def offences(text: str) -> list[str]:
    """The banned words found in `text` (case-insensitive), after the allowed phrases are taken out."""
    lowered = text.lower()
    for phrase in ALLOWED:
        lowered = lowered.replace(phrase, " ")
    return [word for word in BANNED if word in lowered]


def context_of(text: str, word: str) -> str:
    at = text.lower().find(word)
    return text[max(0, at - 40) : at + 40].replace("\n", " ") if at >= 0 else ""


# Random values in a page (share tokens, CSRF tokens, nonces, base64 data) can spell "cyst" by chance: in pages
# only what a reader meets is scanned, the text and the attributes that are read aloud or shown.
_RANDOM_RUN = re.compile(r"[A-Za-z0-9_\-+/=]{20,}")


def readable(html: str) -> str:
    """The page's text plus its alt/title/aria-label/content/placeholder values, with long random runs dropped."""
    shown = re.findall(r'(?:alt|title|aria-label|content|placeholder)="([^"]*)"', html)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    text = re.sub(r"<[^>]+>", " ", text)
    return _RANDOM_RUN.sub(" ", " ".join([text, *shown]))


def assert_clean(source: str, text: str) -> None:
    if source.startswith(("page ", "share page")):
        text = readable(text)
    found = offences(text)
    assert not found, f"{source}: {', '.join(found)} (…{context_of(text, found[0])}…)"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Not a diagnosis: the patient's own log", []),
        ("footlog does not diagnose. footlog never diagnoses anything.", []),
        ("These are probably Milia", ["milia"]),
        ("A harmless CYST", ["cyst", "harmless"]),
        ("Diagnosis: benign", ["benign", "diagnos"]),
        ("footlog diagnoses nothing", ["diagnos"]),
        ("not a diagnosis, but a diagnostic hint", ["diagnos"]),
        ("Rule out melanoma or skin cancer", ["cancer", "melanoma"]),
    ],
)
def test_the_scan_finds_banned_words_and_spares_the_allowed_phrases(text, found) -> None:
    assert offences(text) == found


# --- sources that need no database -------------------------------------------------------------------------


def template_files() -> Iterator[Path]:
    yield from sorted(p for p in (ROOT / "templates").rglob("*") if p.is_file())


@pytest.mark.parametrize("path", list(template_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_template_file_is_clean(path: Path) -> None:
    assert_clean(str(path.relative_to(ROOT)), path.read_text(encoding="utf-8"))


def test_the_wording_table_is_clean_and_as_decided() -> None:
    # Issue 21, decided: keyed by level and audience; `book` no longer orders a visit on weak evidence.
    assert LEVEL_TEXT == {
        "none": "Nothing in your log suggests booking a visit now.",
        "consider": "Worth mentioning to a dermatologist; keep logging.",
        "book": "Consider booking a visit with a dermatologist.",
        "urgent": "Seek care promptly.",
    }
    assert LEVEL_TEXT["urgent"] == SEEK_CARE
    assert LEVEL_TEXTS[("none", "clinician")] == "Nothing in the patient's log suggests booking a visit now."
    for (level, audience), text in LEVEL_TEXTS.items():
        assert_clean(f"LEVEL_TEXTS[{level!r}, {audience!r}]", text)
        if audience == "clinician":
            assert not re.search(r"\byour?\b", text, re.IGNORECASE), text
    seen = headline_text("none", "clinician", dt.date(2026, 12, 1))
    assert seen == "Seen by a dermatologist on 1 Dec; nothing logged since suggests booking again."


def test_display_phrases_are_clean() -> None:
    from footlog.timeline import display

    texts = [display.ROUTINE_NOT_RECORDED, *display.RED_FLAG_WORDS.values(), display.care_text(0.5)]
    for text in texts:
        assert_clean("footlog.timeline.display", text)


# --- sources that need a user and a log --------------------------------------------------------------------


@pytest.fixture
def history(consented: Any) -> Any:
    """Eight weeks ending today in the user's calendar: a persisting heel, a stale site, red flags and care."""
    from footlog.lib.dates import today_in
    from tests.exports.builders import log_entry

    today = today_in(consented.timezone)
    for offset in range(56):
        day = today - dt.timedelta(days=offset)
        observations: list[dict[str, Any]] = [{"site": "left_heel", "count": 3, "largest_mm": 1.5}]
        if offset >= 30:
            observations.append({"site": "left_toes", "count": 2})
        if offset == 20:
            observations[0].update(pain=6, redness=True)
        if offset == 1:
            observations.append({"site": "right_ankle_outer", "count": 1, "bleeding": True, "spreading": True})
        log_entry(consented, day, observations=observations, routine={"wash": True, "exfoliate": offset % 3 == 0})
    return today


def visible_text(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.django_db
def test_signed_out_pages_are_clean() -> None:
    client = Client()
    for path in ("/", "/privacy/", "/offline/", "/accounts/login/", "/accounts/signup/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert_clean(f"page {path}", response.content.decode())


def test_app_pages_with_a_log_are_clean(browser: Client, history: dt.date) -> None:
    for path in ("/", "/history/", "/timeline/", "/settings/", "/export/", "/welcome/"):
        response = browser.get(path, follow=True)
        assert response.status_code == 200, path
        assert_clean(f"page {path}", response.content.decode())
    day = history - dt.timedelta(days=1)
    assert_clean("page /day/", browser.get(f"/day/{day.isoformat()}/", follow=True).content.decode())


def test_timeline_reasons_and_red_flags_are_clean(browser: Client, history: dt.date) -> None:
    body = browser.get("/api/v1/timeline/").json()  # the session signs the API call too
    assert body["recommendation"]["level"] == "urgent"
    for reason in body["recommendation"]["reasons"]:
        assert_clean(f"reason {reason['code']}", reason["message"])
    assert_clean("headline", body["recommendation"]["headline"])


def test_the_manifest_is_clean(db: None) -> None:
    body = Client().get("/manifest.webmanifest").content.decode()
    assert_clean("manifest.webmanifest", body)


@pytest.mark.django_db
def test_reminder_mail_and_push_texts_are_clean() -> None:
    from reminders.messages import message_for
    from reminders.models import Kind

    messages = [message_for(kind, END, 1) for kind in Kind.values]
    messages += [message_for(Kind.VISIT_NUDGE, END, 1, level=level) for level in ("book", "urgent")]
    for message in messages:
        source = f"reminder {message.kind}"
        assert_clean(f"{source} title", message.title)
        assert_clean(f"{source} body (push)", message.body)
        assert_clean(f"{source} mail text", render_to_string("reminders/email.txt", {"message": message}))
        assert_clean(f"{source} mail html", render_to_string("reminders/email.html", {"message": message}))


def test_the_pdf_report_is_clean(browser: Client, history: dt.date) -> None:
    start = history - dt.timedelta(days=89)
    response = browser.get("/api/v1/exports/report.pdf", {"from": start.isoformat(), "to": history.isoformat()})
    assert response.status_code == 200, response.content[:300]
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Seek care promptly." in " ".join(text.split())
    assert_clean("report.pdf", text)


def test_the_share_page_is_clean(browser: Client, history: dt.date) -> None:
    from urllib.parse import urlsplit

    start = history - dt.timedelta(days=29)
    created = browser.post(
        "/api/v1/shares/",
        {"from": start.isoformat(), "to": history.isoformat(), "include_photos": False, "expires_in_days": 7},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    page = Client().get(urlsplit(created.json()["url"]).path)
    assert page.status_code == 200
    assert_clean("share page", page.content.decode())


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_fhir_descriptions_are_clean(browser: Client, history: dt.date) -> None:
    start = history - dt.timedelta(days=89)
    response = browser.get("/api/v1/exports/fhir.json", {"from": start.isoformat(), "to": history.isoformat()})
    assert response.status_code == 200
    bundle = json.loads(b"".join(response.streaming_content) if response.streaming else response.content)
    texts = list(strings(bundle))
    assert any("Not a diagnosis" in t for t in texts)
    for text in texts:
        assert_clean("fhir.json", text)


def test_every_reason_of_the_history_table_is_clean() -> None:
    """Every reason text the analysis writes for the table of realistic histories (tests/timeline)."""
    from tests.timeline.test_analysis_rules import CASES

    for case in CASES:
        result = case.run()
        assert_clean(f"reasons of {case.name}", result.recommendation.headline)
        for reason in result.recommendation.reasons:
            assert_clean(f"{case.name}: {reason.code}", str(reason.message))
