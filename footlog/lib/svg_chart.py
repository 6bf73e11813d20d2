"""The one timeline chart: an SVG string for the app page (inline) and the PDF report (WeasyPrint).

Pure: plain data in, a string out; no models, no plotting library. Its own words and dates are in the active
language (gettext); labels come from the caller, already in it. All text is XML-escaped, so labels and
marker notes typed by a user cannot inject markup. The chart is accessible: `role="img"` with `<title>` and a
`<desc>` that says in words what the picture shows (dates, logged days, latest counts, routine rates).

Layout, top to bottom: the plot (one line per site, count against date; a line is broken where the site was
not checked, never drawn down to zero), a strip of logged / not-logged days, the date axis, the site legend,
then one bar per routine step with its rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from django.utils.dateformat import format as date_format
from django.utils.translation import gettext, gettext_noop, ngettext

from footlog.lib.dates import SHORT_FORMAT, text_language

# Colour-blind-friendly palette (Okabe-Ito first, then Tol's muted set) for up to 12 sites.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9",
    "#332288", "#117733", "#882255", "#999933", "#AA4499", "#44AA99",
)  # fmt: skip
CARE_COLOUR, TRIGGER_COLOUR = "#009E73", "#D55E00"
NOT_LOGGED_COLOUR, LOGGED_COLOUR = "#d9d9d9", "#4d4d4d"
FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'

LEFT, RIGHT, TOP = 44, 16, 18
PLOT_HEIGHT, STRIP_HEIGHT, AXIS_HEIGHT, ROW = 180, 10, 22, 18
FONT_PX = 11  # every text is at least this size: the chart prints at about 1:1 on A4
ZERO_INSET = 6  # a count of 0 sits this far above the plot's floor, so an all-zero line is not hidden
POINT_RADIUS = 3.5  # a value with no logged neighbour
TICK_GAP = 10  # px at least between two date labels
MARKER_ROWS = 3  # marker labels stack in up to this many rows before merging ("photo ×3")


@dataclass(frozen=True)
class Marker:
    """A dated note on the chart, e.g. a photo, "started retinoid cream" or a red flag."""

    date: dt.date
    label: str
    kind: str = "note"  # "note" | "photo" | "flag": only changes the colour


@dataclass(frozen=True)
class _Day:
    date: dt.date
    logged: bool
    by_site: Mapping[str, int]


def render_timeline_chart(
    series: Iterable[Any],
    adherence: Mapping[str, Mapping[str, Any]] | Iterable[Any] | None = None,
    *,
    markers: Iterable[Marker | Mapping[str, Any]] = (),
    site_labels: Mapping[str, str] | None = None,
    title: str = "",
    width: int = 720,
    id_prefix: str = "timeline-chart",
) -> str:
    """Render the timeline chart as a standalone `<svg>` element string.

    - `series`: the timeline's days in date order, as dicts (`TimelineResult.to_dict()["series"]`) or objects
      (`analysis.DayPoint`) with `date` (date or "YYYY-MM-DD"), `logged` and `by_site` ({site: count}).
    - `adherence`: {step: {"label", "kind", "done", "logged", "rate"}} as in the API, or `analysis.Adherence`
      objects; omitted → no routine panel.
    - `markers`: `Marker`s or dicts with `date`, `label` and optional `kind`.
    - `site_labels`: display names per site key (default: the key with spaces).
    - `title`: default "Bumps per site over time"; every word is in the active language (issue 26).
    - `id_prefix`: make it unique when several charts are inlined in one HTML page.
    Deterministic: the same input gives the same string.
    """
    title = title or gettext("Bumps per site over time")
    days = _from_first_logged([_day(item) for item in series])
    steps = _steps(adherence)
    labels = dict(site_labels or {})
    sites = sorted({site for day in days for site in day.by_site})
    colours = {site: PALETTE[i % len(PALETTE)] for i, site in enumerate(sites)}
    columns = _legend_columns(width, [_site_label(site, labels) for site in sites])
    legend_rows = (len(sites) + columns - 1) // columns
    height = (
        TOP + PLOT_HEIGHT + STRIP_HEIGHT + AXIS_HEIGHT + ROW * legend_rows + (ROW * (len(steps) + 1) if steps else 0)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" {FONT} '
        f'font-size="{FONT_PX}">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(_description(days, sites, labels, steps))}</desc>',
    ]
    if not days:
        parts.append(f'<text x="{LEFT}" y="{TOP + 20}">{escape(gettext(NO_DAYS))}</text></svg>')
        return "".join(parts)
    plot = _Plot(days, width)
    parts += plot.grid()
    parts += plot.strip()
    parts += plot.axis()
    parts += [plot.site_path(site, colours[site]) for site in sites]
    parts += plot.markers([_marker(m) for m in markers])
    y = TOP + PLOT_HEIGHT + STRIP_HEIGHT + AXIS_HEIGHT
    parts += _legend(sites, colours, labels, y, width)
    parts += _adherence_bars(steps, y + ROW * legend_rows, width)
    parts.append("</svg>")
    return "".join(parts)


# --- input normalisation ------------------------------------------------------------------------------------


def _get(item: Any, name: str, default: Any = None) -> Any:
    return item.get(name, default) if isinstance(item, Mapping) else getattr(item, name, default)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _day(item: Any) -> _Day:
    return _Day(_as_date(_get(item, "date")), bool(_get(item, "logged")), dict(_get(item, "by_site") or {}))


def _from_first_logged(days: list[_Day]) -> list[_Day]:
    """The days from the first logged one on: a range that starts before the log would draw a blank stretch."""
    first = next((i for i, day in enumerate(days) if day.logged), 0)
    return days[first:]


def _marker(item: Marker | Mapping[str, Any]) -> Marker:
    if isinstance(item, Marker):
        return item
    return Marker(_as_date(item["date"]), str(item.get("label", "")), str(item.get("kind", "note")))


@dataclass(frozen=True)
class _Step:
    key: str
    label: str
    kind: str
    done: int
    logged: int
    rate: float | None


def _steps(adherence: Mapping[str, Mapping[str, Any]] | Iterable[Any] | None) -> list[_Step]:
    if adherence is None:
        return []
    if isinstance(adherence, Mapping):
        rows: Iterable[tuple[str, Any]] = adherence.items()
    else:
        rows = ((_get(a, "step"), a) for a in adherence)
    return [
        _Step(str(key), str(_get(a, "label") or key), str(_get(a, "kind", "care")), int(_get(a, "done", 0)),
              int(_get(a, "logged", 0)), _get(a, "rate"))
        for key, a in rows
    ]  # fmt: skip


NO_DAYS = gettext_noop("No days in this range.")
LOGGED_RUN = gettext_noop("logged: %(first)s to %(last)s")
NOT_LOGGED_RUN = gettext_noop("not logged: %(first)s to %(last)s")
STEP_KINDS = {"care": gettext_noop("care"), "trigger": gettext_noop("trigger")}  # msgids


def _kind_word(kind: str) -> str:
    return gettext(STEP_KINDS[kind]) if kind in STEP_KINDS else kind


def _rate_words(step: _Step, *, short: bool) -> str:
    """A step's rate against its target; a trigger or an as-needed step (no rate) shows how often it was marked,
    never "not recorded" when it was."""
    if short:
        days = f"{step.done}/{step.logged}"
    else:
        days = gettext("%(done)s of %(logged)s days") % {"done": step.done, "logged": step.logged}
    if step.rate is not None:
        rate = f"{step.rate:.0%}" if text_language() == "en" else f"{step.rate:.0%}".replace("%", "\u00a0%")
        return f"{rate} ({days})"
    return gettext("marked %(days)s") % {"days": days} if step.logged else gettext("not recorded")


def _site_label(site: str, labels: Mapping[str, str]) -> str:
    return labels.get(site) or site.replace("_", " ").capitalize()


def _description(days: Sequence[_Day], sites: Sequence[str], labels: Mapping[str, str], steps: Sequence[_Step]) -> str:
    if not days:
        return gettext(NO_DAYS)
    logged = sum(d.logged for d in days)
    text = [
        gettext(
            "Bump counts per site from %(first)s to %(last)s; %(logged)s of %(days)s days logged (days not logged "
            "are unknown, not zero)."
        )
        % {"first": days[0].date.isoformat(), "last": days[-1].date.isoformat(), "logged": logged, "days": len(days)}
    ]
    for site in sites:
        checked = [d for d in days if site in d.by_site]
        text.append(
            ngettext(
                "%(site)s: checked on %(days)s day, latest count %(count)s on %(date)s.",
                "%(site)s: checked on %(days)s days, latest count %(count)s on %(date)s.",
                len(checked),
            )
            % {
                "site": _site_label(site, labels),
                "days": len(checked),
                "count": checked[-1].by_site[site],
                "date": checked[-1].date.isoformat(),
            }
        )
    for step in steps:
        rate = _rate_words(step, short=False)
        text.append(f"{step.label} ({_kind_word(step.kind)}): {rate}.")
    return " ".join(text)


# --- drawing ------------------------------------------------------------------------------------------------


def _num(value: float) -> str:
    """Compact, deterministic coordinates."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Plot:
    def __init__(self, days: Sequence[_Day], width: int) -> None:
        self.days = days
        self.first = days[0].date
        self.span = max((days[-1].date - self.first).days, 1)
        self.inner = width - LEFT - RIGHT
        self.day_width = self.inner / (self.span + 1)
        top = max((c for d in days for c in d.by_site.values()), default=0)
        self.y_max = _nice_ceiling(top)

    def x(self, date: dt.date) -> float:
        """Centre of the day's column."""
        return LEFT + ((date - self.first).days + 0.5) * self.day_width

    def y(self, count: float) -> float:
        return TOP + PLOT_HEIGHT - ZERO_INSET - count / self.y_max * (PLOT_HEIGHT - ZERO_INSET)

    def grid(self) -> list[str]:
        parts = ['<g class="grid" stroke="#e5e5e5" stroke-width="1">']
        texts = ['<g class="y-axis" fill="#333" text-anchor="end">']
        for tick in _ticks(self.y_max):
            y = _num(self.y(tick))
            parts.append(f'<line x1="{LEFT}" x2="{LEFT + self.inner}" y1="{y}" y2="{y}"/>')
            texts.append(f'<text x="{LEFT - 6}" y="{y}" dy="0.35em">{tick}</text>')
        return [*parts, "</g>", *texts, "</g>"]

    def strip(self) -> list[str]:
        """One rectangle per run of logged or not-logged days (not one per day: 3 years stay small)."""
        y = TOP + PLOT_HEIGHT + 2
        parts = ['<g class="logged-strip">']
        for logged, start, end in _runs(self.days):
            x0 = LEFT + (start - self.first).days * self.day_width
            w = ((end - start).days + 1) * self.day_width
            cls, colour = ("logged", LOGGED_COLOUR) if logged else ("not-logged", NOT_LOGGED_COLOUR)
            title = (gettext(LOGGED_RUN) if logged else gettext(NOT_LOGGED_RUN)) % {
                "first": start.isoformat(),
                "last": end.isoformat(),
            }
            parts.append(
                f'<rect class="{cls}" x="{_num(x0)}" y="{y}" width="{_num(w)}" height="{STRIP_HEIGHT - 4}" '
                f'fill="{colour}"><title>{escape(title)}</title></rect>'
            )
        return [*parts, "</g>"]

    def axis(self) -> list[str]:
        y = TOP + PLOT_HEIGHT + STRIP_HEIGHT + 14
        parts = ['<g class="x-axis" fill="#333" text-anchor="middle">']
        for date in _date_ticks(self.first, self.days[-1].date, self.day_width):
            text = _date_label(date, self.span)
            x = self.x(date)
            half = _text_width(text) / 2
            # A label that would run past the plot's edge is anchored at that edge instead of cut off.
            if x + half > LEFT + self.inner + RIGHT:
                anchor = ' text-anchor="end"'
                x = LEFT + self.inner + RIGHT - 1
            elif x - half < 0:
                anchor, x = ' text-anchor="start"', 1
            else:
                anchor = ""
            parts.append(f'<text x="{_num(x)}" y="{y}"{anchor}>{escape(text)}</text>')
        return [*parts, "</g>"]

    def site_path(self, site: str, colour: str) -> str:
        """Every logged value of the site is drawn: a line joins values of consecutive days only (a day the site
        was not checked, or a date missing from the series, starts a new segment: gaps stay gaps), and a value
        with no logged neighbour is a point (a circle: a lone "M" draws nothing in browsers nor WeasyPrint)."""
        segments: list[list[_Day]] = []
        previous: dt.date | None = None
        for day in self.days:
            if site not in day.by_site:
                previous = None
                continue
            if previous is not None and _next(previous) == day.date:
                segments[-1].append(day)
            else:
                segments.append([day])
            previous = day.date
        commands = [
            " ".join(
                ("L" if i else "M") + f"{_num(self.x(d.date))} {_num(self.y(d.by_site[site]))}"
                for i, d in enumerate(seg)
            )
            for seg in segments
            if len(seg) > 1
        ]
        points = [
            f'<circle class="point" data-site={quoteattr(site)} cx="{_num(self.x(seg[0].date))}" '
            f'cy="{_num(self.y(seg[0].by_site[site]))}" r="{POINT_RADIUS}" fill="{colour}"><title>'
            f"{escape(_date_label(seg[0].date, 0))}: {seg[0].by_site[site]}</title></circle>"
            for seg in segments
            if len(seg) == 1
        ]
        return (
            f'<path class="site" data-site={quoteattr(site)} d="{" ".join(commands)}" fill="none" '
            f'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>{"".join(points)}'
        )

    def markers(self, markers: Sequence[Marker]) -> list[str]:
        """A dashed line per marker; labels never overlap: they stack in rows, and a label with no free row is
        merged into the one it would cover ("photo ×3")."""
        last = self.days[-1].date
        colours = {"flag": "#D55E00", "photo": "#0072B2"}
        shown = [m for m in sorted(markers, key=lambda m: m.date) if self.first <= m.date <= last]
        parts = ['<g class="markers">']
        for marker in shown:
            x = _num(self.x(marker.date))
            colour = colours.get(marker.kind, "#666")
            parts.append(
                f'<g class="marker" data-kind={quoteattr(marker.kind)}><title>{escape(marker.date.isoformat())}: '
                f'{escape(marker.label)}</title><line x1="{x}" x2="{x}" y1="{TOP}" y2="{TOP + PLOT_HEIGHT}" '
                f'stroke="{colour}" stroke-dasharray="3 3"/></g>'
            )
        for label in _place_labels([(self.x(m.date), m) for m in shown], LEFT + self.inner):
            colour = colours.get(label.kind, "#666")
            parts.append(
                f'<text class="marker-label" x="{_num(label.x)}" y="{_num(TOP + 8 + label.row * (FONT_PX + 2))}" '
                f'text-anchor="{label.anchor}" fill="{colour}" stroke="#fff" stroke-width="3" paint-order="stroke">'
                f"{escape(label.text)}</text>"
            )
        return [*parts, "</g>"]


@dataclass
class _Label:
    x: float
    anchor: str  # "start" (text right of its line) or "end" (left of it, near the right edge)
    row: int
    text: str
    kind: str
    count: int = 1
    base: str = ""

    @property
    def span(self) -> tuple[float, float]:
        width = _text_width(self.text) + 6
        return (self.x, self.x + width) if self.anchor == "start" else (self.x - width, self.x)


def _place_labels(markers: Sequence[tuple[float, Marker]], right: float) -> list[_Label]:
    """Lay out marker labels left to right: the first row where it overlaps nothing, else merged into the
    label it collides with in the last row."""
    placed: list[_Label] = []
    for x, marker in markers:
        near_edge = x + _text_width(marker.label) + 6 > right
        label = _Label(x - 3 if near_edge else x + 3, "end" if near_edge else "start", 0, marker.label, marker.kind)
        label.base = marker.label
        for row in range(MARKER_ROWS):
            label.row = row
            if not any(other.row == row and _overlaps(label.span, other.span) for other in placed):
                placed.append(label)
                break
        else:
            target = next(o for o in reversed(placed) if o.row == MARKER_ROWS - 1 and _overlaps(label.span, o.span))
            target.count += 1
            target.text = (
                f"{target.base} ×{target.count}"
                if target.base == marker.label
                else f"{target.base} +{target.count - 1}"
            )
    return placed


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


LEGEND_COLUMN_MIN = 160  # px: room for "Left outer ankle" beside its swatch
LEGEND_SWATCH = 26  # px: the colour line and the gap before its label
LEGEND_GLYPH_EM = 0.75


def _legend_columns(width: int, names: Sequence[str]) -> int:
    """Three legend columns where they fit (the PDF), fewer on a phone or for long names ("Tobillo externo
    izquierdo"), so that no label runs into the next. Widths are judged generously (0.75 em a glyph, a browser's
    fallback font is wider than DejaVu Sans): a column too many overlaps, a column too few only adds a row."""
    widest = max((len(name) * FONT_PX * LEGEND_GLYPH_EM for name in names), default=0.0) + LEGEND_SWATCH
    return max(1, min(3, int((width - LEFT - RIGHT) // max(LEGEND_COLUMN_MIN, widest))))


def _legend(
    sites: Sequence[str], colours: Mapping[str, str], labels: Mapping[str, str], y: int, width: int
) -> list[str]:
    columns = _legend_columns(width, [_site_label(site, labels) for site in sites])
    column = (width - LEFT - RIGHT) / columns
    parts = ['<g class="legend" fill="#333">']
    for i, site in enumerate(sites):
        x, row_y = LEFT + (i % columns) * column, y + (i // columns) * ROW + 10
        label = _fit(_site_label(site, labels), column - LEGEND_SWATCH)
        parts.append(
            f'<line x1="{_num(x)}" x2="{_num(x + 16)}" y1="{row_y - 4}" y2="{row_y - 4}" stroke="{colours[site]}" '
            f'stroke-width="3"/><text x="{_num(x + 22)}" y="{row_y}">{escape(label)}</text>'
        )
    return [*parts, "</g>"]


def _adherence_bars(steps: Sequence[_Step], y: int, width: int) -> list[str]:
    if not steps:
        return []
    label_width, bar_width = 200, width - LEFT - RIGHT - 200 - 110
    heading = escape(gettext("Routine"))
    parts = [f'<g class="adherence" fill="#333"><text x="{LEFT}" y="{y + 12}" font-weight="bold">{heading}</text>']
    for i, step in enumerate(steps, start=1):
        row_y = y + i * ROW
        colour = CARE_COLOUR if step.kind == "care" else TRIGGER_COLOUR
        filled = (step.rate or 0) * bar_width
        rate = _rate_words(step, short=True)
        bar_x = LEFT + label_width
        name = f"{step.label} ({_kind_word(step.kind)})"
        parts.append(
            f'<g class="step" data-step={quoteattr(step.key)} data-kind={quoteattr(step.kind)}>'
            f"<title>{escape(name)}</title>"
            f'<text x="{LEFT}" y="{row_y + 10}">{escape(_fit(name, label_width - 8))}</text>'
            f'<rect x="{bar_x}" y="{row_y + 1}" width="{bar_width}" height="11" fill="#eee"/>'
            f'<rect class="rate" x="{bar_x}" y="{row_y + 1}" width="{_num(filled)}" height="11" fill="{colour}"/>'
            f'<text x="{bar_x + bar_width + 6}" y="{row_y + 10}">{escape(rate)}</text></g>'
        )
    return [*parts, "</g>"]


# --- scales -------------------------------------------------------------------------------------------------


def _nice_ceiling(value: int) -> int:
    """A round top for the count axis (at least 4 so a clear chart still has a scale)."""
    for step in (4, 10, 20, 40, 50, 100, 200):
        if value <= step:
            return step
    return value


def _ticks(y_max: int) -> list[int]:
    return [round(y_max * i / 4) for i in range(5)] if y_max % 4 == 0 else [0, y_max // 2, y_max]


def _runs(days: Sequence[_Day]) -> list[tuple[bool, dt.date, dt.date]]:
    """Consecutive days with the same logged state, as (logged, first, last); gaps in dates count as not logged."""
    runs: list[tuple[bool, dt.date, dt.date]] = []
    expected = days[0].date
    for day in days:
        if day.date > expected:  # dates missing from the series: unknown, drawn as not logged
            runs = _extend(runs, False, expected, day.date - dt.timedelta(days=1))
        runs = _extend(runs, day.logged, day.date, day.date)
        expected = _next(day.date)
    return runs


def _next(date: dt.date) -> dt.date:
    return date if date == dt.date.max else date + dt.timedelta(days=1)


def _extend(
    runs: list[tuple[bool, dt.date, dt.date]], logged: bool, first: dt.date, last: dt.date
) -> list[tuple[bool, dt.date, dt.date]]:
    if runs and runs[-1][0] == logged and _next(runs[-1][2]) == first:
        runs[-1] = (logged, runs[-1][1], last)
    else:
        runs.append((logged, first, last))
    return runs


def _date_ticks(first: dt.date, last: dt.date, day_width: float = 1e9) -> list[dt.date]:
    """Readable date ticks, thinned by width: days, weeks, months or years apart, the first step whose ticks
    stand at least a label's width plus `TICK_GAP` apart at `day_width` px a day (never two labels touching)."""
    span = (last - first).days
    room = _text_width(_date_label(dt.date(2026, 12, 30), span)) + TICK_GAP

    if span <= 70:
        step = next((n for n in (1, 2, 3, 7, 14, 28) if n * day_width >= room), 35)
        return [first + dt.timedelta(days=i) for i in range(0, span + 1, step)]
    months = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)]
    months = [m for m in months if first <= m <= last]
    month_px = 30.4 * day_width
    step = next((n for n in (1, 2, 3, 6, 12, 24, 60) if n * month_px >= room and len(months) / n <= 7), 120)
    return months[::step]


def _text_width(text: str, font_px: float = FONT_PX) -> float:
    """Estimated width of `text` in px (an average DejaVu Sans glyph is ~0.6 em wide)."""
    return len(text) * font_px * 0.6


def _fit(text: str, width_px: float, font_px: float = FONT_PX) -> str:
    """Shorten `text` with an ellipsis so that it fits `width_px` (an average glyph is ~0.58 em wide)."""
    limit = max(4, int(width_px / (font_px * 0.58)))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date_label(date: dt.date, span: int) -> str:
    """One date style across footlog ("7 Dec", "Dec 2026"; "7. Dez", "dic 2026"): the day never zero-padded."""
    if span <= 70:
        return date_format(date, SHORT_FORMAT[text_language()])
    return date_format(date, "b Y" if text_language() == "es" else "M Y")
