"""The dermatologist's report: one context for both the PDF (WeasyPrint) and the share page (HTML).

Page 1 answers, in a minute, what a dermatologist asks: where (site and side), since when, how many and how big,
whether it changes, what was tried and how faithfully, red flags, the recommendation with its reasons, and the
user's own questions. Then the shared timeline chart, a photo sheet per site and a compact daily log.
Nothing here diagnoses: the headline comes from the one wording table (`wording.LEVEL_TEXTS`, the clinician
column), the other phrases from `footlog.timeline.display`, and every page carries a "not a diagnosis"
footer. Every red-flag event of the range is listed, however old.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop, ngettext

from accounts.models import User
from footlog.clinical.display import visit_markers, visit_text
from footlog.clinical.models import Visit
from footlog.clinical.selectors import visits_for
from footlog.diary.models import Entry, Observation, Photo, RoutineStep
from footlog.diary.selectors import photos_for
from footlog.diary.sites import SITES
from footlog.exports import findings
from footlog.exports.findings import Findings
from footlog.exports.flag_rows import FlagRow, flag_rows
from footlog.exports.selectors import history_entries
from footlog.lib.dates import EARLIEST_DATE
from footlog.lib.svg_chart import Marker, render_timeline_chart
from footlog.timeline import display
from footlog.timeline.analysis import Recommendation, RedFlag, TimelineResult, VisitSummary
from footlog.timeline.analysis import wording as timeline_wording
from footlog.timeline.analysis.wording import day_text
from footlog.timeline.selectors import timeline_for

# Said once, under the coverage line, so not repeated among the reasons.
SHOWN_ELSEWHERE = {"sparse_logging"}
NOTE_CHARS = 160  # the daily log is compact: long notes are cut (the CSV and the data export keep them whole)
PAGE_ONE_ITEMS = 5  # questions on page 1; the rest follow on a later page (red flags are grouped, never cut)
PAGE_ONE_NOTES = 3  # notes are longer: fewer of them, so that page 1 holds a heavy history whole
PAGE_ONE_NOTE_CHARS = 110  # ... each cut to this on page 1, and then given in full on the later page
PAGE_ONE_QUESTION_CHARS = 150


VIEW_LABELS = {  # msgids, read through gettext
    "overview": gettext_noop("Overview"),
    "closeup": gettext_noop("Close-up"),
    None: gettext_noop("View not noted"),
}
UNTAGGED_STRIP = 8  # photos without a site: the latest few, small


@dataclass
class PhotoCell:
    id: str
    date: dt.date
    src: str  # a URL the renderer can load: a fetcher scheme in the PDF, a share-scoped URL on the page
    width: int
    height: int
    size: str = "thumb"  # the rendition shown: "display" for close-ups (sharp at print size), else "thumb"
    role: str = ""  # "baseline" | "middle" | "latest" | "" (the only one, or the untagged strip)
    before_range: bool = False  # the baseline lies before the report's first day
    view: str | None = None
    scale_in_frame: bool | None = None
    count: int | None = None  # that day's count at the photo's site; None: the site was not logged that day
    largest_mm: float | None = None

    @property
    def view_label(self) -> str:
        return gettext(VIEW_LABELS.get(self.view, VIEW_LABELS[None]))

    @property
    def scale_text(self) -> str:
        if self.scale_in_frame is None:
            return gettext("scale not noted")
        return gettext("scale in frame") if self.scale_in_frame else gettext("no scale")

    @property
    def count_text(self) -> str:
        if self.count is None:
            return gettext("count not logged")
        if self.count == 0:
            return gettext("none seen")
        size = (
            gettext(", largest %(mm)s mm") % {"mm": timeline_wording.number(self.largest_mm)}
            if self.largest_mm is not None
            else ""
        )
        return ngettext("%(n)s bump", "%(n)s bumps", self.count) % {"n": self.count} + size

    @property
    def role_text(self) -> str:
        if self.role == "baseline":
            return gettext("Baseline, before this period") if self.before_range else gettext("Baseline")
        return {"middle": gettext("Middle"), "latest": gettext("Latest")}.get(self.role, "")


@dataclass
class PhotoGroup:
    """One site's photos of one view: baseline, middle (when there are 3 or more) and latest, shown alike."""

    view: str | None
    photos: list[PhotoCell]
    total: int  # photos of this site and view, in the range plus a baseline from before it

    @property
    def label(self) -> str:
        return gettext(VIEW_LABELS.get(self.view, VIEW_LABELS[None]))


@dataclass
class PhotoSheet:
    site: str
    label: str
    groups: list[PhotoGroup]

    @property
    def photos(self) -> list[PhotoCell]:
        return [cell for group in self.groups for cell in group.photos]


@dataclass
class LogDay:
    """One day of the daily log: the sites as logged, care done and triggers present (what was not done is
    implied and would repeat on every line), and the notes."""

    date: dt.date
    sites: list[str]
    care_done: list[str]
    triggers: list[str]
    notes: str
    full_notes: str = ""


@dataclass
class Note:
    """A note shown on page 1: the user marked it for the dermatologist, or it was written on a red-flag day."""

    date: dt.date
    text: str
    why: str  # a msgid: "for the dermatologist" | "red-flag day" | "pain or redness logged" (the page translates it)


@dataclass
class Report:
    """Everything the report templates show. `photo_ids` is what the PDF's URL fetcher may load."""

    owner: str
    start: dt.date
    end: dt.date
    generated: dt.datetime
    findings: Findings
    red_flags: list[display.RedFlagLine]  # every dated event of the range, newest first (the appendix)
    level: str
    level_text: str
    reasons: list[str]
    questions: list[str]
    chart_svg: str
    photo_sheets: list[PhotoSheet]
    daily_log: list[LogDay]
    include_photos: bool
    photo_ids: set[str] = field(default_factory=set)
    photo_sizes: dict[str, str] = field(default_factory=dict)  # id -> the rendition the PDF embeds
    untagged_photos: list[PhotoCell] = field(default_factory=list)  # no site given: a small strip
    untagged_more: int = 0  # untagged photos in the range not in the strip
    coverage: str = ""  # "58 of 90 days logged; last entry 30 Nov 2026"
    sparse: str = ""  # a note when under half the days were logged
    care: str = display.ROUTINE_NOT_RECORDED  # care adherence against what the user meant to do
    notes: list[Note] = field(default_factory=list)
    visits: list[str] = field(default_factory=list)  # "Visited a dermatologist on 3 Oct 2026", newest first
    earlier_red_flags: str = ""  # "Earlier red flags: 2, latest 3 Mar 2026" (before the range)
    red_flag_rows: list[FlagRow] = field(default_factory=list)  # page 1: every kind and site, grouped
    slight_symptoms: list[str] = field(default_factory=list)  # one-day slight symptoms: noted, not red flags

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    # Page 1 holds a few notes and questions; the rest follow after the chart ("n more on a later page"). Red
    # flags are grouped on page 1 (every kind and site) and listed event by event after the chart.
    @property
    def notes_first(self) -> list[Note]:
        return self.notes[:PAGE_ONE_NOTES]

    @property
    def notes_in_full(self) -> list[Note]:
        """Every note, whole, when page 1 could not hold them all as written; [] otherwise."""
        cut = any(len(n.text) > PAGE_ONE_NOTE_CHARS for n in self.notes_first)
        return self.notes if cut or len(self.notes) > PAGE_ONE_NOTES else []

    @property
    def questions_first(self) -> list[str]:
        return self.questions[:PAGE_ONE_ITEMS]

    @property
    def questions_in_full(self) -> list[str]:
        cut = any(len(q) > PAGE_ONE_QUESTION_CHARS for q in self.questions_first)
        return self.questions if cut or len(self.questions) > PAGE_ONE_ITEMS else []

    @property
    def notes_left(self) -> int:
        return len(self.notes) - len(self.notes_first)

    @property
    def questions_left(self) -> int:
        return len(self.questions) - len(self.questions_first)

    @property
    def has_more(self) -> bool:
        return bool(self.red_flags or self.notes_in_full or self.questions_in_full)


def build_report(
    user: User,
    start: dt.date,
    end: dt.date,
    *,
    questions: str = "",
    include_photos: bool = True,
    photo_src: Callable[[Photo, str], str] = lambda photo, size: f"footlog-photo:{photo.pk}",
) -> Report:
    """Gather the report for `user` over [start, end]. `photo_src(photo, size)` says how templates reference a
    photo's rendition ("thumb" or "display")."""
    timeline = timeline_for(user, start, end)
    sheets, untagged, untagged_more = _photo_sheets(user, start, end, photo_src) if include_photos else ([], [], 0)
    shown = [p for sheet in sheets for p in sheet.photos] + untagged
    labels = {key: label_of(key) for key in SITES}
    entries = list(history_entries(user, start, end))
    visits = list(visits_for(user, start, end))
    in_range = [f for f in timeline.red_flags if f.date >= start]
    summaries = {(v.date, v.kind): v for v in getattr(timeline, "visits", ())}  # as the analysis reads each visit
    return Report(
        # Never the email: the report is handed to someone else (a clinician, a share link's reader).
        owner=user.display_name or gettext("the patient"),
        start=start,
        end=end,
        generated=timezone.now(),
        findings=findings.gather(user, timeline, start, end),
        red_flags=display.red_flag_lines(in_range),
        red_flag_rows=flag_rows(in_range),
        earlier_red_flags=_earlier_red_flags(user, start, [f for f in timeline.red_flags if f.date < start]),
        notes=_page_one_notes(entries, {f.date for f in in_range}),
        visits=[_visit_line(v, summaries.get((v.date, v.kind))) for v in visits],
        level=timeline.recommendation.level,
        level_text=clinician_headline(timeline.recommendation),
        slight_symptoms=slight_symptom_lines(timeline, start),
        # Both sides of a region saying the same read as one line ("both outer ankles"), as on the Timeline page.
        reasons=[
            line.text
            for line in display.reason_lines(
                [r for r in timeline.recommendation.reasons if r.code not in SHOWN_ELSEWHERE]
            )
        ],
        questions=[line.strip() for line in questions.splitlines() if line.strip()],
        chart_svg=render_timeline_chart(
            timeline.series,
            [replace(a, label=timeline_wording.step_label(a.step, a.label)) for a in timeline.adherence],
            markers=[Marker(d, gettext("photo"), "photo") for d in sorted({p.date for p in shown if p.date >= start})]
            + visit_markers(visits),
            site_labels=labels,
            width=680,
        ),
        photo_sheets=sheets,
        daily_log=_daily_log(entries),
        include_photos=include_photos,
        photo_ids={p.id for p in shown},
        photo_sizes={p.id: p.size for p in shown},
        untagged_photos=untagged,
        untagged_more=untagged_more,
        coverage=display.coverage_text(timeline.coverage),
        sparse=display.sparse_text(timeline.coverage),
        care=display.care_text(timeline.care_adherence),
    )


# The report's reader is a clinician: the two functions below are the one place it reads the timeline's wording
# table keyed by audience (`headline_text(level, audience)` and `Recommendation.headline_for(audience)` as the
# analysis offers them; before that, the patient's table with its one "your" said of the patient's log).
def clinician_level_text(level: str) -> str:
    """A level's words for the clinician, from the timeline's one wording table."""
    return timeline_wording.headline_text(level, "clinician")


def clinician_headline(recommendation: Recommendation) -> str:
    """The recommendation's headline for the clinician (after a visit: "Seen by a dermatologist on …")."""
    return recommendation.headline_for("clinician")


def _visit_line(visit: Visit, summary: VisitSummary | None = None) -> str:
    """ "Visited a dermatologist on 1 Dec 2026 (note); plan: retinoid nightly; review on 5 Jan 2027; since then:
    5 → 2 at Left top of foot" (the change per site since the visit, when the analysis gives it)."""
    text = visit_text(visit)  # with its plan and review date (clinical.display: one home for the visit's words)
    since = [
        gettext("%(before)s → %(after)s at %(site)s")
        % {
            "before": timeline_wording.number(s.before),
            "after": timeline_wording.number(s.after),
            "site": label_of(s.site),
        }
        for s in getattr(summary, "since", ())
        if s.checks_after
    ]
    if since:
        text += gettext("; since then: %(since)s") % {"since": ", ".join(since)}
    return text


def label_of(site: str) -> str:
    return timeline_wording.label(site)


def slight_symptom_lines(timeline: TimelineResult, start: dt.date) -> list[str]:
    """One-day slight symptoms the analysis notes below the red-flag floor (when it does): "Left heel: pain 1/10
    on 3 Nov 2026", listed so that nothing logged is hidden, never as a red flag."""
    lines = []
    for note in getattr(timeline, "slight_symptoms", ()):
        if note.date < start:
            continue
        what = [gettext("pain %(pain)s/10") % {"pain": note.pain}] if note.pain else []
        if note.redness:
            what.append(gettext("redness"))
        words = gettext(" with ").join(what) or gettext("noted")
        lines.append(
            gettext("%(site)s: %(what)s on %(date)s")
            % {"site": label_of(note.site), "what": words, "date": day_text(note.date)}
        )
    return lines


def _earlier_red_flags(user: User, start: dt.date, known: list[RedFlag]) -> str:
    """One line for the red flags logged before the range: how many, and the latest. Every one counts, however
    old: the history before `start` is read whole (its analysis lists each event)."""
    # From footlog's first day at the earliest: an entry stored before the import checked dates (year 1) would
    # make this read 740,000 days (footlog_check_data lists such rows).
    earlier = Entry.objects.filter(user=user, date__lt=start, date__gte=EARLIEST_DATE)
    first = earlier.aggregate(first=Min("date"))["first"]
    flags = set(known)
    if first is not None:
        flags.update(timeline_for(user, first, start - dt.timedelta(days=1)).red_flags)
    if not flags:
        return ""
    latest = max(f.date for f in flags)
    days = len({(f.date, f.site) for f in flags})
    return gettext("Earlier red flags: %(days)s, latest %(date)s") % {"days": days, "date": day_text(latest)}


def _page_one_notes(entries: list[Entry], flag_days: set[dt.date]) -> list[Note]:
    """Notes the user marked for the dermatologist, and notes written on a red-flag day or a day with pain or
    redness logged ("squeezed one, sore"), newest first."""
    notes = []
    for entry in entries:
        text = entry.notes.strip()
        if not text:
            continue
        if getattr(entry, "for_clinician", False):
            notes.append(Note(entry.date, text, gettext_noop("for the dermatologist")))
        elif entry.date in flag_days:
            notes.append(Note(entry.date, text, gettext_noop("red-flag day")))
        elif any(o.pain or o.redness for o in entry.observations.all()):
            notes.append(Note(entry.date, text, gettext_noop("pain or redness logged")))
    return sorted(notes, key=lambda n: n.date, reverse=True)


def _pick(items: list[Photo]) -> list[tuple[str, Photo]]:
    """Baseline (the first), the middle when there are 3 or more, and the latest: the comparison a dermatologist
    makes. One photo is just itself."""
    if len(items) == 1:
        return [("", items[0])]
    picked = [("baseline", items[0])]
    if len(items) >= 3:
        picked.append(("middle", items[(len(items) - 1) // 2]))
    return [*picked, ("latest", items[-1])]


PhotoSheets = tuple[list[PhotoSheet], list[PhotoCell], int]


def _photo_sheets(user: User, start: dt.date, end: dt.date, photo_src: Callable[[Photo, str], str]) -> PhotoSheets:
    """Per site and view (view not noted is a group of its own): the pick of `_pick`, where the baseline is the
    site and view's first photo ever, marked when it lies before `start`. Photos without a site: the latest
    UNTAGGED_STRIP, for a small strip, and how many more there are."""
    groups: dict[tuple[str, str | None], list[Photo]] = defaultdict(list)
    untagged: list[Photo] = []
    for photo in photos_for(user, None, start, end):
        if photo.site:
            groups[(photo.site, photo.view)].append(photo)
        else:
            untagged.append(photo)
    # The baseline: the first photo ever of each site and view shown, when it predates the range.
    earlier = photos_for(user, None, None, start - dt.timedelta(days=1)).exclude(site=None)
    baselines: dict[tuple[str | None, str | None], Photo] = {}
    for photo in earlier.filter(site__in={site for site, _ in groups}):
        baselines.setdefault((photo.site, photo.view), photo)
    for key, photo in baselines.items():
        if key in groups:
            groups[key].insert(0, photo)

    picked = {key: _pick(photos) for key, photos in groups.items()}
    untagged_shown = untagged[-UNTAGGED_STRIP:]
    entry_ids = {p.entry_id for pairs in picked.values() for _, p in pairs}
    observed: dict[tuple[uuid.UUID, str | None], Observation] = {
        (o.entry_id, o.site): o for o in Observation.objects.filter(entry_id__in=entry_ids, entry__user=user)
    }

    def cell(photo: Photo, role: str) -> PhotoCell:
        size = "display" if photo.view == "closeup" else "thumb"
        seen = observed.get((photo.entry_id, photo.site))
        return PhotoCell(
            id=str(photo.pk),
            date=photo.entry.date,
            src=photo_src(photo, size),
            width=photo.width,
            height=photo.height,
            size=size,
            role=role,
            before_range=photo.entry.date < start,
            view=photo.view,
            scale_in_frame=photo.scale_in_frame,
            count=seen.count if seen else None,
            largest_mm=seen.largest_mm if seen else None,
        )

    view_order = {"overview": 0, "closeup": 1, None: 2}
    sheets = []
    for site_key in sorted({site for site, _ in groups}):
        keys = sorted((k for k in groups if k[0] == site_key), key=lambda k: view_order.get(k[1], 3))
        sheet_groups = [
            PhotoGroup(view, [cell(p, role) for role, p in picked[(site, view)]], len(groups[(site, view)]))
            for site, view in keys
        ]
        sheets.append(PhotoSheet(site_key, timeline_wording.label(site_key), sheet_groups))
    strip = [cell(p, "") for p in untagged_shown]
    return sheets, strip, len(untagged) - len(untagged_shown)


def _step(step: RoutineStep) -> str:
    """A built-in step in the reader's language; the user's own step as they wrote it."""
    return timeline_wording.step_label(step.key, step.label) if step.user_id is None else step.label


def _daily_log(entries: list[Entry]) -> list[LogDay]:
    days = []
    for entry in entries:
        sites = [
            f"{label_of(o.site)} {o.count}"
            + (f" ({timeline_wording.number(o.largest_mm)} mm)" if o.largest_mm is not None else "")
            + (" " + gettext("bleeding") if o.bleeding else "")
            + (" " + gettext("spreading") if o.spreading else "")
            + (" " + gettext("red") if o.redness else "")
            + (" " + gettext("pain %(n)s") % {"n": o.pain} if o.pain else "")
            + (" " + gettext("itch %(n)s") % {"n": o.itch} if o.itch else "")
            + (f" (“{o.note}”)" if o.note.strip() else "")  # the patient's words, as written
            for o in entry.observations.all()
        ]
        routine = list(entry.routine.all())
        notes = entry.notes if len(entry.notes) <= NOTE_CHARS else entry.notes[: NOTE_CHARS - 1] + "…"
        days.append(
            LogDay(
                date=entry.date,
                sites=sites,
                care_done=[_step(r.step) for r in routine if r.done and r.step.kind == "care"],
                triggers=[_step(r.step) for r in routine if r.done and r.step.kind == "trigger"],
                notes=notes,
                full_notes=entry.notes,
            )
        )
    return days
