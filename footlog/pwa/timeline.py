"""Reads for the Timeline page: the analysis, the shared SVG chart and a first/latest photo pair per site."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from accounts.models import User
from footlog.clinical.display import visit_markers, visit_text
from footlog.clinical.selectors import visits_for
from footlog.diary import selectors as diary_selectors
from footlog.diary.models import Photo
from footlog.diary.sites import SITES
from footlog.lib.svg_chart import Marker, render_timeline_chart
from footlog.pwa.gallery import photo_sites
from footlog.timeline import display
from footlog.timeline import selectors as timeline_selectors
from footlog.timeline.analysis import TimelineResult
from footlog.timeline.analysis.wording import label, step_label

# Drawn at about phone width so its 11 px text stays readable when the SVG is scaled to the screen.
CHART_WIDTH = 400
# Said once as a note under the coverage line, so not repeated in the list of reasons.
SHOWN_ELSEWHERE = {"sparse_logging"}


@dataclass(frozen=True)
class PhotoPair:
    site: str
    label: str
    before: Photo
    after: Photo

    @property
    def before_url(self) -> str:
        return _image_url(self.before)

    @property
    def after_url(self) -> str:
        return _image_url(self.after)


def _image_url(photo: Photo) -> str:
    """The owner-only image view (no-store): never a public or cached address."""
    return reverse("photo-image", kwargs={"pk": photo.pk}) + "?size=thumb"


def photo_pairs(user: User, start: dt.date, end: dt.date) -> list[PhotoPair]:
    """For each site with at least two photos in [start, end]: the first and the latest (one query)."""
    first: dict[str, Photo] = {}
    last: dict[str, Photo] = {}
    for photo in diary_selectors.photos_for(user, start=start, end=end).exclude(site=None):
        site = str(photo.site)
        first.setdefault(site, photo)
        last[site] = photo
    return [
        PhotoPair(site, label(site), first[site], last[site])
        for site in SITES
        if site in first and first[site].pk != last[site].pk
    ]


def chart(result: TimelineResult, markers: list[Marker]) -> SafeString:
    data = result.to_dict()
    labels = {key: label(key) for key in SITES}
    # render_timeline_chart escapes every text it draws, so the string is safe to inline.
    # Built-in steps in the active language; a user's own step keeps the words they wrote.
    adherence = {key: {**row, "label": step_label(key, row["label"])} for key, row in data["adherence"].items()}
    svg = render_timeline_chart(data["series"], adherence, markers=markers, site_labels=labels, width=CHART_WIDTH)
    return mark_safe(svg)  # noqa: S308


def timeline_page(user: User, start: dt.date, end: dt.date) -> dict[str, object]:
    result = timeline_selectors.timeline_for(user, start, end)
    pairs = photo_pairs(user, start, end)
    visits = list(visits_for(user, start, end))
    markers = [
        Marker(p.after.entry.date, gettext("photo %(site)s") % {"site": p.label}, "photo") for p in pairs
    ] + visit_markers(visits)
    level = result.recommendation.level
    galleries = {row["site"]: row for row in photo_sites(user)}
    coverage = result.coverage
    # The header names the window its count is taken over: from the first entry when that is later than `start`.
    window_start = result.end - dt.timedelta(days=coverage.window_days - 1) if coverage.window_days else result.start
    return {
        "result": result,
        "window_start": window_start,
        "banner": result.recommendation.headline,  # the level's words, or "Seen by a dermatologist on ..."
        "level": level,
        # The top box: both sides of a region saying the same read as one line ("both outer ankles").
        "reasons": display.reason_lines([r for r in result.recommendation.reasons if r.code not in SHOWN_ELSEWHERE]),
        "sites": [
            {
                "summary": s,
                "label": label(s.site),
                "status": display.status_text(s.status),
                "stale": display.stale_text(s),
                # Each spot's row carries its own reasons (the top box lists them all).
                "reasons": [r for r in result.recommendation.reasons if r.site == s.site],
                "photos": galleries.get(s.site),
            }
            for s in result.sites
        ],
        "chart": chart(result, markers),
        "pairs": pairs,
        "logged_days": result.coverage.logged_days,
        "coverage": display.coverage_text(result.coverage),
        "sparse": display.sparse_text(result.coverage),
        "red_flags": display.red_flag_lines(result.red_flags),
        "care": display.care_text(result.care_adherence),
        "care_recorded": result.care_adherence is not None,
        "visits": [visit_text(v) for v in visits],
    }
