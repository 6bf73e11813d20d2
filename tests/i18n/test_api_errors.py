"""The API's error texts in the request's language (issue 26): the account's choice, else Accept-Language, else
English. `detail` and field messages are translated; `code`s and field names never change."""

from __future__ import annotations

import pytest
from django.utils import translation

from accounts.models import User
from footlog.diary import validation

ENTRIES = "/api/v1/entries/"
VISITS = "/api/v1/visits/"
TWICE = [{"site": "left_heel", "count": 1}, {"site": "left_heel", "count": 2}]
BAD_ENTRY = {"date": "2026-10-01", "observations": TWICE}  # refused by the one gate (diary/validation.py)
TOO_MANY = {"date": "2026-10-01", "observations": [{"site": "left_heel", "count": 500}]}  # by DRF's field


def _language(user: User, code: str | None) -> None:
    User.objects.filter(pk=user.pk).update(language=code)


def test_a_german_accounts_400_has_a_german_detail_and_the_same_code(api, user):
    english = api.post(ENTRIES, "{", content_type="application/json")
    _language(user, "de")
    german = api.post(ENTRIES, "{", content_type="application/json", HTTP_ACCEPT_LANGUAGE="es")
    assert english.status_code == german.status_code == 400
    assert english.json()["code"] == german.json()["code"] == "bad_json"
    assert english.json()["detail"].startswith("JSON parse error - ")
    assert german.json()["detail"].startswith("JSON-Fehler - ")
    assert german["Content-Language"] == "de"
    gone = api.get("/api/v1/exports/report-jobs/00000000-0000-0000-0000-000000000000/")
    assert gone.json()["detail"] == "Nicht gefunden."


def test_the_gates_field_messages_follow_the_account(api, user):
    _language(user, "de")
    body = api.post(ENTRIES, BAD_ENTRY, format="json").json()
    assert body["detail"] == "Einige Felder sind ungültig."
    assert body["errors"]["observations"] == ["Jede Stelle darf pro Eintrag nur einmal vorkommen: left_heel."]
    # DRF's own messages: from DRF's German catalog, or footlog's formal row where DRF's says "du"
    missing = api.post(VISITS, {"kind": "visited"}, format="json").json()
    assert missing["errors"]["date"] == ["Dieses Feld ist zwingend erforderlich."]
    too_many = api.post(ENTRIES, TOO_MANY, format="json").json()
    assert too_many["errors"]["observations"] == {"0": {"count": ["Der Wert muss kleiner oder gleich 200 sein."]}}


def test_accept_language_speaks_when_the_account_chose_none(api, user):
    body = api.post(ENTRIES, BAD_ENTRY, format="json", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9").json()
    assert body["detail"] == "Algunos campos no son válidos."
    assert body["errors"]["observations"] == ["Cada zona puede aparecer una sola vez por registro: left_heel."]
    refused = api.put("/api/v1/timeline/settings/", {"book_after_days": 2}, format="json", HTTP_ACCEPT_LANGUAGE="es")
    assert refused.json()["errors"]["book_after_days"] == ["No puede ser menor que consider_after_days."]


def test_without_accept_language_the_api_stays_english(api, user):
    body = api.post(ENTRIES, BAD_ENTRY, format="json").json()
    assert body["detail"] == "Some fields are invalid."
    assert body["errors"]["observations"] == ["Each site may appear once per entry: left_heel."]
    too_many = api.post(ENTRIES, TOO_MANY, format="json").json()
    assert too_many["errors"]["observations"] == {"0": {"count": ["Ensure this value is less than or equal to 200."]}}
    assert api.get("/api/v1/exports/report-jobs/00000000-0000-0000-0000-000000000000/").json()["detail"] == "Not found."
    assert api.get("/api/v1/no-such-route/").json()["detail"] == "Not found."


def test_a_refusal_with_a_code_keeps_it_in_every_language(make_user):
    from tests.conftest import logged_in

    user = make_user(consent=False)
    _language(user, "es")
    answer = logged_in(user).get(ENTRIES)
    assert answer.status_code == 403
    assert answer.json()["code"] == "consent_required"
    assert answer.json()["detail"].startswith("Acepte primero el almacenamiento de sus datos de salud")


def test_the_gate_outside_a_request_speaks_english_or_the_language_it_is_given():
    """Commands and the import's worker run with no request: English (Django's default), or the language a
    caller sets around them (footlog.i18n.speaking); a module's constant is rendered when the check runs."""
    translation.deactivate()  # as in a worker or a command: no request activated a language
    item = {"site": "left_heel", "count": 1, "note": 5}
    assert validation.observation_errors(item) == {"note": ["Not a valid string."]}
    with translation.override("de"):
        assert validation.observation_errors(item) == {"note": ["Kein gültiger Text."]}
        assert validation.target_errors("trigger", 2)["target_per_week"][0].startswith("Ein Auslöser")
    assert validation.target_errors("trigger", 2)["target_per_week"][0].startswith("A trigger is not scored")


@pytest.mark.parametrize("language", ["de", "es"])
def test_every_api_row_is_translated_and_keeps_its_placeholders(language):
    """A placeholder lost in a translation would be a 500 (KeyError) on the day the message is needed."""
    import importlib.util
    import re
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "locale" / "translations" / "api.py"
    spec = importlib.util.spec_from_file_location("api_rows", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for msgid, row in module.TABLE.items():
        text = row[language]
        assert isinstance(text, str) and text, msgid
        for pattern in (r"%\(\w+\)s", r"\{\w+\}"):
            assert sorted(re.findall(pattern, msgid)) == sorted(re.findall(pattern, text)), (msgid, text)
