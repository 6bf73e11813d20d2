"""What the SMART Health Link viewer shows from the FHIR Bundle and the link's payload speaks the share's language
(found by tests/i18n/test_every_page.py): the site names, the red-flag words, the "patient's own log" tag and the
link's label. The codings' `display` stays the code system's English, as FHIR wants it."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from footlog.exports.fhir import BUNDLE_TAG, body_site
from footlog.sharing import shl


def test_a_site_reads_in_the_active_language_its_code_stays_english() -> None:
    with translation.override("de"):
        german = body_site("left_heel")
    with translation.override("en"):
        english = body_site("left_heel")
    assert english["text"] == "Left heel"
    assert german["text"] == "Linke Ferse"
    assert german["coding"] == english["coding"]


def test_the_links_label_reads_in_the_active_language() -> None:
    start, end = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
    assert shl.label(start, end) == "footlog history 1 Sep – 30 Nov 2026"
    with translation.override("de"):
        assert shl.label(start, end) == "footlog-Protokoll 1. Sep – 30. Nov 2026"
    with translation.override("es"):
        assert shl.label(dt.date(2025, 12, 30), end) == "registro de footlog 30 dic 2025 – 30 nov 2026"


def test_the_bundles_tag_is_a_msgid_with_both_translations() -> None:
    with translation.override("es"):
        assert translation.gettext(BUNDLE_TAG["display"]) == (
            "El registro propio del paciente, hecho en footlog. No es un diagnóstico."
        )
