"""The history as CSV: one row per entry and site, routine steps as columns, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from footlog.diary.models import Entry, Observation, RoutineStep
from footlog.diary.sites import SITES
from footlog.exports.selectors import export_steps, iter_history

BOM = "\ufeff"
# A spreadsheet runs a cell starting with one of these as a formula (CSV/DDE injection, OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
BASE_COLUMNS = [
    "date",
    "site",
    "site_label",
    "side",
    "count",
    "largest_mm",
    "itch",
    "pain",
    "redness",
    "site_note",
    "notes",
]


def neutralise(value: Any) -> Any:
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


def header(steps: list[RoutineStep]) -> list[str]:
    return BASE_COLUMNS + [f"routine: {step.label}" for step in steps]


def _routine_cells(entry: Entry, steps: list[RoutineStep]) -> list[str]:
    """ "yes", "no" or "" (not logged) per step; a detail is appended: "yes: urea 10%"."""
    logged = {log.step_id: log for log in entry.routine.all()}
    cells = []
    for step in steps:
        log = logged.get(step.pk)
        if log is None:
            cells.append("")
            continue
        answer = "yes" if log.done else "no"
        cells.append(f"{answer}: {log.detail}" if log.detail else answer)
    return cells


def entry_rows(entry: Entry, steps: list[RoutineStep]) -> Iterator[list[Any]]:
    """One row per observed site; an entry without observations still gets one row (its routine matters)."""
    routine = _routine_cells(entry, steps)
    observations: list[Observation | None] = list(entry.observations.all()) or [None]
    for obs in observations:
        if obs is None:
            site_cells: list[Any] = ["", "", "", "", "", "", "", "", ""]
        else:
            site = SITES[obs.site]
            site_cells = [
                obs.site,
                site.label,
                site.side,
                obs.count,
                "" if obs.largest_mm is None else obs.largest_mm,
                obs.itch,
                obs.pain,
                "yes" if obs.redness else "no",
                obs.note,
            ]
        yield [entry.date.isoformat(), *site_cells, entry.notes, *routine]


def csv_lines(user: Any, start: dt.date | None, end: dt.date | None) -> Iterator[str]:
    """The CSV text, line by line, starting with a UTF-8 BOM (so Excel reads accents right)."""
    steps = export_steps(user)
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow([neutralise(cell) for cell in header(steps)])
    for entry in iter_history(user, start, end):
        for row in entry_rows(entry, steps):
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
