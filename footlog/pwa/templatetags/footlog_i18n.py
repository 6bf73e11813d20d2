"""Dates and numbers in the active language's form, from the timeline's one wording module."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

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
