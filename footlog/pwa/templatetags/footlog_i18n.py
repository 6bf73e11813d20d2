"""Dates and numbers in the active language's form, from the timeline's one wording module."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django import template
from django.utils.html import format_html

from footlog import i18n
from footlog.lib.dates import page_date
from footlog.timeline.analysis import wording

register = template.Library()


@register.filter
def day(value: Any) -> str:
    """ "9 Nov 2026", "9. Nov 2026", "9 nov 2026"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return wording.day_text(value) if isinstance(value, dt.date) else ""


@register.filter
def shortday(value: Any) -> str:
    """ "9 Nov", "9. Nov", "9 nov": a date whose year the page already says."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return wording.short_day(value) if isinstance(value, dt.date) else ""


@register.filter
def num(value: Any) -> str:
    """A measured number with the locale's decimal sign ("2,5")."""
    return wording.number(float(value)) if isinstance(value, (int, float)) else str(value)


@register.filter
def site_label(key: str) -> str:
    return wording.label(key)


@register.simple_tag
def js_catalog() -> str:
    """The script tag of the active language's JavaScript catalog (German, Spanish), before the page's own
    scripts; nothing on an English page (docs/languages.md)."""
    url = i18n.js_catalog_url()
    return format_html('<script src="{}" defer></script>', url) if url else ""


@register.simple_tag
def js_catalogs() -> str:
    """Every catalog's URL by language, as JSON (for an attribute): the SMART Health Link viewer speaks the
    language its Bundle names, whatever the page's."""
    return json.dumps({code: i18n.js_catalog_url(code) for code in i18n.JS_CATALOG_LANGUAGES})


@register.filter
def date_as(value: Any, kind: str) -> str:
    """A date as the app's pages show it in the active language: "weekday" (Monday 7 December / Montag,
    7. Dezember / lunes 7 de diciembre), "full", "short_weekday", "short_weekday_year", "short_year",
    "month_year", "month" (footlog.lib.dates.PAGE_FORMATS)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return page_date(value, kind) if isinstance(value, dt.date) else ""


@register.filter
def word(text: str, which: int) -> str:
    """The first word of `text` (which=0) or the rest (which=1): a label set on two lines of the feet map."""
    first, _, rest = str(text).partition(" ")
    return rest if which else first
