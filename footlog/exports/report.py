"""The dermatologist's report: one context for both the PDF (WeasyPrint) and the share page (HTML).

Page 1 answers, in a minute, what a dermatologist asks: where (site and side), since when, how many and how big,
whether it changes, what was tried and how faithfully, red flags, the recommendation with its reasons, and the
user's own questions. Then the shared timeline chart, a photo sheet per site and a compact daily log.
Nothing here diagnoses: the headline comes from the one wording table (`LEVEL_TEXT`), the other phrases from
`footlog.timeline.display`, and every page carries a "not a diagnosis" footer. Every red-flag event of the
range is listed, however old.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Max
from django.utils import timezone

from footlog.diary.models import Observation
from footlog.diary.sites import SITES
from footlog.exports.selectors import history_entries
from footlog.lib.svg_chart import Marker, render_timeline_chart
from footlog.timeline import display
from footlog.timeline.analysis import LEVEL_TEXT, TimelineResult
from footlog.timeline.selectors import timeline_for

STATUS_WORDS = {
    "clear": "clear now",
    "new": "new",
    "improving": "improving",
    "persisting": "persisting",
    "worsening": "worsening",
    "stale": "not checked recently",
}
# Said once, under the coverage line, so not repeated among the reasons.
SHOWN_ELSEWHERE = {"sparse_logging"}
NOTE_CHARS = 160  # the daily log is compact: long notes are cut (the CSV and the data export keep them whole)


@dataclass
class SiteRow:
    key: str
    label: str
    side: str
    status: str
    since: dt.date | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    days_present: int
    days_checked: int
    latest_count: int | None
    largest_mm: float | None
    trend: str
    last_checked: dt.date | None = None
    stale: str = ""  # "not checked since 9 Nov 2026"; nothing is claimed about such a site now


@dataclass
class PhotoCell:
    id: str
    date: dt.date
    src: str  # a URL the renderer can load: a fetcher scheme in the PDF, a share-scoped URL on the page
    width: int
    height: int


@dataclass
class PhotoSheet:
    site: str
    label: str
    photos: list[PhotoCell]


@dataclass
class LogDay:
    date: dt.date
    sites: list[str]
    routine_done: list[str]
    routine_skipped: list[str]
    notes: str

    @property
    def routine_total(self) -> int:
        return len(self.routine_done) + len(self.routine_skipped)


@dataclass
class Report:
    """Everything the report templates show. `photo_ids` is what the PDF's URL fetcher may load."""

    owner: str
    start: dt.date
    end: dt.date
    generated: dt.datetime
    sites: list[SiteRow]
    adherence: list[dict[str, Any]]
    red_flags: list[display.RedFlagLine]
    level: str
    level_text: str
    reasons: list[str]
    questions: list[str]
    chart_svg: str
    photo_sheets: list[PhotoSheet]
    daily_log: list[LogDay]
    include_photos: bool
    photo_ids: set[str] = field(default_factory=set)
    coverage: str = ""  # "58 of 90 days logged; last entry 30 Nov 2026"
    sparse: str = ""  # a note when under half the days were logged
    care: str = display.ROUTINE_NOT_RECORDED  # care adherence against what the user meant to do

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def build_report(
    user: Any,
    start: dt.date,
    end: dt.date,
    *,
    questions: str = "",
    include_photos: bool = True,
    photo_src: Callable[[Any], str] = lambda photo: f"footlog-photo:{photo.pk}",
) -> Report:
    """Gather the report for `user` over [start, end]. `photo_src(photo)` says how templates reference a photo."""
    timeline = timeline_for(user, start, end)
    sheets = _photo_sheets(user, start, end, photo_src) if include_photos else []
    labels = {key: site.label for key, site in SITES.items()}
    return Report(
        owner=user.display_name or user.email,
        start=start,
        end=end,
        generated=timezone.now(),
        sites=_site_rows(user, timeline, start, end),
        adherence=_adherence(timeline),
        red_flags=display.red_flag_lines(timeline.red_flags),
        level=timeline.recommendation.level,
        level_text=LEVEL_TEXT[timeline.recommendation.level],
        reasons=[r.message for r in timeline.recommendation.reasons if r.code not in SHOWN_ELSEWHERE],
        questions=[line.strip() for line in questions.splitlines() if line.strip()],
        chart_svg=render_timeline_chart(
            timeline.series,
            timeline.adherence,
            markers=[Marker(p.date, "photo", "photo") for sheet in sheets for p in sheet.photos],
            site_labels=labels,
            width=680,
        ),
        photo_sheets=sheets,
        daily_log=_daily_log(user, start, end),
        include_photos=include_photos,
        photo_ids={p.id for sheet in sheets for p in sheet.photos},
        coverage=display.coverage_text(timeline.coverage),
        sparse=display.sparse_text(timeline.coverage),
        care=display.care_text(timeline.care_adherence),
    )


def _site_rows(user: Any, timeline: TimelineResult, start: dt.date, end: dt.date) -> list[SiteRow]:
    largest = dict(
        Observation.objects.filter(entry__user=user, entry__date__gte=start, entry__date__lte=end)
        .values_list("site")
        .annotate(mm=Max("largest_mm"))
        .values_list("site", "mm")
    )
    rows = []
    for s in timeline.sites:
        site = SITES[s.site]
        rows.append(
            SiteRow(
                key=s.site,
                label=site.label,
                side=site.side,
                status=STATUS_WORDS.get(s.status, s.status),
                since=s.since,
                first_seen=s.first_seen,
                last_seen=s.last_seen,
                days_present=s.days_present,
                days_checked=s.days_checked,
                latest_count=s.latest_count,
                largest_mm=largest.get(s.site),
                trend=s.trend,
                last_checked=s.last_checked,
                stale=display.stale_text(s),
            )
        )
    # The sites that matter most first: bumps now, then by how long they have been there.
    rows.sort(key=lambda r: (r.status == "clear now", r.since or dt.date.max, r.key))
    return rows


def _adherence(timeline: TimelineResult) -> list[dict[str, Any]]:
    return [
        {
            "label": a.label or a.step,
            "kind": a.kind,
            "done": a.done,
            "logged": a.logged,
            "percent": None if a.rate is None else round(a.rate * 100),
            "target_per_week": a.target_per_week,
        }
        for a in timeline.adherence
    ]


def _pick_three(items: list[Any]) -> list[Any]:
    """First, middle and latest: the comparison a dermatologist makes (fewer when there are fewer)."""
    if len(items) <= 3:
        return items
    return [items[0], items[len(items) // 2], items[-1]]


def _photo_sheets(user: Any, start: dt.date, end: dt.date, photo_src: Callable[[Any], str]) -> list[PhotoSheet]:
    from footlog.diary.selectors import photos_for

    by_site: dict[str, list[Any]] = defaultdict(list)
    for photo in photos_for(user, None, start, end):
        by_site[photo.site or ""].append(photo)
    sheets = []
    for site_key in sorted(by_site, key=lambda k: (k == "", k)):
        cells = [
            PhotoCell(str(p.pk), p.entry.date, photo_src(p), p.width, p.height) for p in _pick_three(by_site[site_key])
        ]
        label = SITES[site_key].label if site_key in SITES else "No site given"
        sheets.append(PhotoSheet(site_key, label, cells))
    return sheets


def _daily_log(user: Any, start: dt.date, end: dt.date) -> list[LogDay]:
    days = []
    for entry in history_entries(user, start, end):
        sites = [
            f"{SITES[o.site].label} {o.count}"
            + (f" ({o.largest_mm:g} mm)" if o.largest_mm is not None else "")
            + (" bleeding" if o.bleeding else "")
            + (" spreading" if o.spreading else "")
            + (" red" if o.redness else "")
            + (f" pain {o.pain}" if o.pain else "")
            + (f" itch {o.itch}" if o.itch else "")
            for o in entry.observations.all()
        ]
        routine = list(entry.routine.all())
        notes = entry.notes if len(entry.notes) <= NOTE_CHARS else entry.notes[: NOTE_CHARS - 1] + "…"
        days.append(
            LogDay(
                date=entry.date,
                sites=sites,
                routine_done=[r.step.label for r in routine if r.done],
                routine_skipped=[r.step.label for r in routine if not r.done],
                notes=notes,
            )
        )
    return days
