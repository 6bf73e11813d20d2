"""Which catalog of script words a page and the service worker load (docs/languages.md, "The page scripts"):
German and Spanish pages their language's static file before their own scripts, English pages none; the service
worker keeps and imports the account's, and names the language in its cache; the SMART Health Link viewer knows
every catalog, to speak the language its Bundle names."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from accounts.models import User

pytestmark = pytest.mark.django_db
CATALOG = re.compile(r'<script src="(/static/jsi18n/(\w+)\.js)" defer></script>')


def speaking(user: User, language: str | None) -> Client:
    user.language = language
    user.save(update_fields=["language"])
    client = Client()
    client.force_login(user)
    return client


def test_a_german_page_loads_its_catalog_before_its_scripts_and_an_english_one_none(consented: User) -> None:
    german = speaking(consented, "de").get("/").content.decode()
    found = CATALOG.findall(german)
    assert [language for _, language in found] == ["de"]
    assert german.index("jsi18n/de.js") < german.index("footlog/outbox.js") < german.index("footlog/today.js")
    assert CATALOG.findall(speaking(consented, "es").get("/settings/").content.decode())[0][1] == "es"
    english = speaking(consented, None).get("/").content.decode()
    assert "jsi18n" not in english


def test_the_service_worker_keeps_and_imports_the_accounts_catalog(consented: User) -> None:
    worker = speaking(consented, "es").get("/sw.js").content.decode()
    assert 'importScripts("/static/jsi18n/es.js", "/static/footlog/outbox.js")' in worker
    assert '"/static/jsi18n/es.js"' in worker.split("var ASSETS = ", 1)[1].split(";", 1)[0]
    assert '"footlog-shell-" + VERSION + "-es"' in worker
    english = Client().get("/sw.js").content.decode()
    assert "jsi18n" not in english and '"footlog-shell-" + VERSION + "-en"' in english
    assert 'importScripts("/static/footlog/outbox.js")' in english


def test_the_viewer_knows_every_catalog() -> None:
    page = Client().get("/shl/view").content.decode()
    attribute = re.search(r'data-catalogs="([^"]*)"', page)
    assert attribute
    catalogs = json.loads(attribute.group(1).replace("&quot;", '"'))
    assert catalogs == {"de": "/static/jsi18n/de.js", "es": "/static/jsi18n/es.js"}
    assert "jsi18n/de.js" in Client().get("/shl/view", HTTP_ACCEPT_LANGUAGE="de").content.decode()


def test_a_language_added_at_run_time_gets_djangos_per_request_catalog(settings: Any) -> None:
    from django.utils import translation

    from footlog.i18n import js_catalog_url

    settings.LANGUAGES = [*settings.LANGUAGES, ("xx", "Pseudo")]
    with translation.override("xx"):
        assert js_catalog_url() == "/jsi18n/"
    with translation.override("en"):
        assert js_catalog_url() is None
