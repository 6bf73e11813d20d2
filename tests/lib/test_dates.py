"""Dates in running text are formatted once per date, form and language (footlog.lib.dates._formatted): the kept
text must be the active language's, and a language whose catalogs change (a test adding one) is formatted anew."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from footlog.lib.dates import _formatted, day_text
from footlog.timeline.analysis.wording import short_day

DAY = dt.date(2026, 12, 3)


def test_each_language_reads_its_own_form_whatever_was_asked_before() -> None:
    seen = []
    for language in ("en", "de", "es", "de-at", "en"):
        with translation.override(language):
            seen.append((day_text(DAY), short_day(DAY)))
    assert seen == [
        ("3 Dec 2026", "3 Dec"),
        ("3. Dez 2026", "3. Dez"),
        ("3 dic 2026", "3 dic"),
        ("3. Dez 2026", "3. Dez"),  # a regional variant takes its language's form
        ("3 Dec 2026", "3 Dec"),
    ]


def test_a_changed_language_setting_forgets_what_was_formatted(settings) -> None:
    with translation.override("de"):
        day_text(DAY)
    assert _formatted.cache_info().currsize > 0
    settings.LANGUAGES = [*settings.LANGUAGES, ("xx", "Pseudo")]  # as the pseudo-language tests do
    assert _formatted.cache_info().currsize == 0
