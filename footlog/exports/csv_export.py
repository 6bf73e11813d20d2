"""The history as CSV: one row per entry and site, routine steps as columns, safe to open in a spreadsheet.

A file for programs first: ISO dates, dot decimals, yes/no, and English column names that never change. Only
when a language is asked for (`?language=de`, issue 26's decided detail) are the column titles and the site
labels written in it for people; the values keep their machine form.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator

from django.utils.translation import gettext, gettext_noop

from accounts.models import User
from footlog.clinical.selectors import site_onsets_in_calendar
from footlog.diary.models import RoutineStep
from footlog.diary.sites import SITES
from footlog.exports.selectors import DayRow, export_steps, iter_history_rows
from footlog.i18n import speaking
from footlog.timeline.analysis.wording import label, step_label

BOM = "\ufeff"
# A spreadsheet runs a cell starting with one of these as a formula (CSV/DDE injection, OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BASE_COLUMNS = [
    "date",
    "site",
    "site_label",
    "side",
    "noticed_since",
    "count",
    "largest_mm",
    "itch",
    "pain",
    "redness",
    "bleeding",
    "spreading",
    "site_note",
    "notes",
]

# The column titles for people, used only with a language (BASE_COLUMNS stays the header of the plain file).
COLUMN_TITLES = {
    "date": gettext_noop("Date"),
    "site": gettext_noop("Site key"),
    "site_label": gettext_noop("Site"),
    "side": gettext_noop("Side"),
    "noticed_since": gettext_noop("Noticed since"),
    "count": gettext_noop("Number of bumps"),
    "largest_mm": gettext_noop("Largest (mm)"),
    "itch": gettext_noop("Itch (0-10)"),
    "pain": gettext_noop("Pain (0-10)"),
    "redness": gettext_noop("Redness"),
    "bleeding": gettext_noop("Bleeding"),
    "spreading": gettext_noop("Spreading"),
    "site_note": gettext_noop("Note on the site"),
    "notes": gettext_noop("Notes of the day"),
}


def neutralise(value: object) -> object:
    """Prefix text a spreadsheet would evaluate with an apostrophe, so it is shown, never run.

    Numbers are left alone: they come from validated numeric fields, never from free text.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def header(steps: list[RoutineStep], language: str | None = None) -> list[str]:
    """The first row: the machine names, or with `language` the titles in it (a user's own step as written)."""
    if language is None:
        return BASE_COLUMNS + [f"routine: {step.label}" for step in steps]
    with speaking(language):
        titles = [gettext(COLUMN_TITLES[name]) for name in BASE_COLUMNS]
        routine = gettext("Routine: %(step)s")
        return titles + [routine % {"step": step_label(step.key, step.label)} for step in steps]


def site_labels(language: str | None) -> dict[str, str]:
    """The `site_label` column: English as stored, or with `language` the site's label in it."""
    if language is None:
        return {key: site.label for key, site in SITES.items()}
    with speaking(language):
        return {key: label(key) for key in SITES}


def _routine_cells(day: DayRow, steps: list[RoutineStep]) -> list[str]:
    """ "yes", "no" or "" (not logged) per step; a detail is appended: "yes: urea 10%"."""
    cells = []
    for step in steps:
        logged = day.routine.get(step.pk)
        if logged is None:
            cells.append("")
            continue
        done, detail = logged
        answer = "yes" if done else "no"
        cells.append(f"{answer}: {detail}" if detail else answer)
    return cells


NO_SITE = [""] * (BASE_COLUMNS.index("site_note") - BASE_COLUMNS.index("site") + 1)


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def noticed_since(user: User) -> dict[str, str]:
    """Per site, when the user first noticed bumps there: "2026-03", "not sure", or absent (not answered)."""
    return {
        o.site: "not sure" if o.noticed_since is None else f"{o.noticed_since:%Y-%m}"
        for o in site_onsets_in_calendar(user)
    }


def day_rows(
    day: DayRow,
    steps: list[RoutineStep],
    onsets: dict[str, str] | None = None,
    labels: dict[str, str] | None = None,
) -> Iterator[list[object]]:
    """One row per observed site; an entry without observations still gets one row (its routine matters)."""
    onsets = onsets or {}
    labels = labels or site_labels(None)
    routine = _routine_cells(day, steps)
    date = day.date.isoformat()
    if not day.observations:
        yield [date, *NO_SITE, day.notes, *routine]
    for site_key, count, largest_mm, itch, pain, redness, bleeding, spreading, note in day.observations:
        site = SITES[site_key]
        site_cells = [site_key, labels[site_key], site.side, onsets.get(site_key, ""), count,
                      "" if largest_mm is None else largest_mm, itch, pain,
                      _yes_no(redness), _yes_no(bleeding), _yes_no(spreading), note]  # fmt: skip
        yield [date, *site_cells, day.notes, *routine]


def csv_lines(user: User, start: dt.date | None, end: dt.date | None, *, language: str | None = None) -> Iterator[str]:
    """The CSV text, line by line, starting with a UTF-8 BOM (so Excel reads accents right). The words are
    rendered before the first line (the lines stream after the view has returned, outside its language)."""
    steps = export_steps(user)
    onsets = noticed_since(user)
    labels = site_labels(language)
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralise(cell) for cell in header(steps, language)])
    for day in iter_history_rows(user, start, end):
        for row in day_rows(day, steps, onsets, labels):
            yield writer.writerow([neutralise(cell) for cell in row])


def encoded(lines: Iterable[str], batch: int = 200) -> Iterator[bytes]:
    """UTF-8 bytes in batches of lines: fewer, larger chunks stream faster than one write per row."""
    buffer: list[str] = []
    for line in lines:
        buffer.append(line)
        if len(buffer) >= batch:
            yield "".join(buffer).encode()
            buffer.clear()
    if buffer:
        yield "".join(buffer).encode()
