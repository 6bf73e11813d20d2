"""How recorded visits read on the Timeline page, in the report and on the share page: one home for the words."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext

from footlog.clinical.models import Visit
from footlog.lib.dates import day_text
from footlog.lib.svg_chart import Marker


def visit_text(visit: Visit) -> str:
    """ "Visit booked for 15 Jan 2027", "Visited a dermatologist on 3 Oct 2026 (note); plan: retinoid nightly;
    review on 14 Nov 2026" (the plan and review date only where recorded)."""
    if visit.kind == Visit.Kind.BOOKED:
        text = gettext("Visit booked for %(date)s") % {"date": day_text(visit.date)}  # the appointment's date
    else:
        text = gettext("Visited a dermatologist on %(date)s") % {"date": day_text(visit.date)}
    text = f"{text} ({visit.note})" if visit.note else text
    if visit.plan:  # the patient's own words, as written
        text += gettext("; plan: %(plan)s") % {"plan": visit.plan}
    if visit.review_on:
        text += gettext("; review on %(date)s") % {"date": day_text(visit.review_on)}
    return text


def visit_markers(visits: Iterable[Visit]) -> list[Marker]:
    """A dated event on the chart for each visit (the chart draws only those inside its range)."""
    return [
        Marker(v.date, gettext("booked") if v.kind == Visit.Kind.BOOKED else gettext("visit"), "visit") for v in visits
    ]
