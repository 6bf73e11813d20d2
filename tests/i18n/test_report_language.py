"""The report in the reader's language: a user whose UI is Spanish makes a German report; notes stay verbatim."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from pypdf import PdfReader

from accounts.models import User
from tests.exports.builders import log_entry

URL = "/api/v1/exports/report.pdf"
START = dt.date(2026, 9, 1)
NOTE = "después del gimnasio, picor leve"  # the patient's own words (Spanish): must stay as written


@pytest.fixture
def spanish_user(user):
    User.objects.filter(pk=user.pk).update(language="es", display_name="Ana")
    user.refresh_from_db()
    for day in range(42):
        observations = [{"site": "left_heel", "count": 3 + day // 14, "largest_mm": 1.5}]
        if day == 40:
            observations.append({"site": "right_ankle_outer", "count": 1, "redness": True, "pain": 4})
        log_entry(
            user,
            START + dt.timedelta(days=day),
            observations=observations,
            routine={"wash": True},
            notes=NOTE if day == 3 else "",
        )
    return user


def pdf_text(response) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.content[:300]
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages)


def test_a_spanish_user_makes_a_german_report_notes_verbatim(api, spanish_user):
    text = pdf_text(api.get(URL, {"from": "2026-09-01", "to": "2026-10-12", "language": "de"}))
    for german in (
        "Protokoll von Ana",
        "Wo, seit wann, wie viele, wie groß, verändert?",
        "Warnzeichen",
        "Lassen Sie sich umgehend ärztlich untersuchen.",  # the red flag's headline: "Seek care promptly."
        "Linke Ferse",
        "1,5 mm",  # decimal comma
        "1. Sep 2026",
        "Mit milder Seife gewaschen",
        "Keine Diagnose",
        "Seite 1 von",
    ):
        assert german in text, german
    assert NOTE in text  # the patient's words, as written
    for english_or_spanish in ("Seek care", "Left heel", "Red flags", "Registro diario", "Talón", "Not a diagnosis"):
        assert english_or_spanish not in text, english_or_spanish


def test_the_report_defaults_to_the_users_language(api, spanish_user):
    text = pdf_text(api.get(URL, {"from": "2026-09-01", "to": "2026-10-12"}))
    assert "registro de Ana" in text and "Talón izquierdo" in text and "Busque atención médica sin demora." in text


@pytest.mark.parametrize("value", ["fr", "DE", "", "de-AT"])
def test_an_unknown_report_language_is_a_400(api, spanish_user, value):
    response = api.get(URL, {"language": value})
    assert response.status_code == 400
    assert "language" in response.json()["errors"]


def test_the_outsider_gets_no_report(outsider, spanish_user):
    """The report is always the caller's own: an outsider's German report holds none of the user's notes."""
    response = outsider.get(URL, {"from": "2026-09-01", "to": "2026-10-12", "language": "de"})
    assert NOTE not in pdf_text(response)


def test_share_creation_takes_a_language_and_refuses_others(api, spanish_user):
    body = {"from": "2026-09-01", "to": "2026-10-12", "expires_in_days": 3}
    refused = api.post("/api/v1/shares/", {**body, "language": "fr"}, format="json")
    assert refused.status_code == 400 and "language" in refused.json()["errors"]
    created = api.post("/api/v1/shares/", {**body, "language": "de"}, format="json")
    assert created.status_code == 201
    url = created.json()["url"]
    assert "?" not in url  # clients build on the bare link (`<url>report.pdf`)
    # A reader whose browser asks for Spanish still reads the German the patient chose; the notes stay verbatim.
    from django.test import Client

    path = url.split("://", 1)[-1].split("/", 1)[1]
    page = Client(HTTP_ACCEPT_LANGUAGE="es").get("/" + path).content.decode()
    assert "Protokoll von Ana" in page and NOTE in page
    pdf = Client(HTTP_ACCEPT_LANGUAGE="es").get("/" + path + "report.pdf")
    assert "Protokoll von Ana" in pdf_text(pdf)


def test_the_fhir_bundle_names_its_language(spanish_user):
    from footlog.exports.fhir import build_bundle
    from footlog.i18n import speaking

    with speaking("de"):
        bundle = build_bundle(spanish_user, START, START + dt.timedelta(days=41))
    assert bundle["language"] == "de"


def test_the_timeline_api_speaks_the_accounts_language_and_caches_per_language(api, spanish_user):
    params = {"from": "2026-09-01", "to": "2026-10-12"}
    spanish = api.get("/api/v1/timeline/", params).json()
    messages = " ".join(r["message"] for r in spanish["recommendation"]["reasons"])
    assert "Talón izquierdo" in messages and "Left heel" not in messages
    User.objects.filter(pk=spanish_user.pk).update(language="en")
    english = api.get("/api/v1/timeline/", params).json()
    assert "Left heel" in " ".join(r["message"] for r in english["recommendation"]["reasons"])


def test_a_reminder_mail_speaks_the_accounts_language(spanish_user, settings):
    from footlog.i18n import user_speaking
    from reminders.messages import message_for
    from reminders.transports import EmailTransport

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    User.objects.filter(pk=spanish_user.pk).update(language="de")
    spanish_user.refresh_from_db()
    with user_speaking(spanish_user):
        EmailTransport().send(spanish_user, message_for("daily_log", dt.date(2026, 12, 7), spanish_user.pk))
    [sent] = mail.outbox
    assert "7. Dez 2026" in sent.body and "footlog öffnen" in sent.body


def test_the_export_page_shares_in_the_chosen_language(browser, consented):
    page = browser.get("/export/").content.decode()
    assert 'name="language"' in page
    browser.post(
        "/export/",
        {"action": "share", "from": "2026-09-01", "to": "2026-10-12", "expires_in_days": "7", "language": "es"},
    )
    from footlog.sharing.models import Share

    share = Share.objects.get(user=consented)
    assert share is not None
    created = browser.post(
        "/export/",
        {"action": "share", "from": "2026-09-01", "to": "2026-10-12", "expires_in_days": "7", "language": "es"},
    ).content.decode()
    # The reader's language is kept on the share (the link stays the bare path clients build on).
    assert "/share/" in created and "?language=" not in created
    assert set(Share.objects.filter(user=consented).values_list("language", flat=True)) == {"es"}
