"""The one timeline chart: an SVG string for the app page (inline) and the PDF report (WeasyPrint).

Pure: plain data in, a string out; no models, no plotting library. All text is XML-escaped, so labels and
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
    title: str = "Bumps per site over time",
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
    - `id_prefix`: make it unique when several charts are inlined in one HTML page.
    Deterministic: the same input gives the same string.
    """
    days = [_day(item) for item in series]
    steps = _steps(adherence)
    labels = dict(site_labels or {})
    sites = sorted({site for day in days for site in day.by_site})
    colours = {site: PALETTE[i % len(PALETTE)] for i, site in enumerate(sites)}
    legend_rows = (len(sites) + 2) // 3
    height = (
        TOP + PLOT_HEIGHT + STRIP_HEIGHT + AXIS_HEIGHT + ROW * legend_rows + (ROW * (len(steps) + 1) if steps else 0)
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" {FONT} '
        'font-size="11">',
        f'<title id="{id_prefix}-title">{escape(title)}</title>',
        f'<desc id="{id_prefix}-desc">{escape(_description(days, sites, labels, steps))}</desc>',
    ]
    if not days:
        parts.append(f'<text x="{LEFT}" y="{TOP + 20}">No days in this range.</text></svg>')
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


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _day(item: Any) -> _Day:
    return _Day(_as_date(_get(item, "date")), bool(_get(item, "logged")), dict(_get(item, "by_site") or {}))


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


def _rate_words(step: _Step, *, short: bool) -> str:
    """A step's rate against its target; a trigger or an as-needed step (no rate) shows how often it was marked,
    never "not recorded" when it was."""
    days = f"{step.done}/{step.logged}" if short else f"{step.done} of {step.logged} days"
    if step.rate is not None:
        return f"{step.rate:.0%} ({days})"
    return f"marked {days}" if step.logged else "not recorded"


def _site_label(site: str, labels: Mapping[str, str]) -> str:
    return labels.get(site) or site.replace("_", " ").capitalize()


def _description(days: Sequence[_Day], sites: Sequence[str], labels: Mapping[str, str], steps: Sequence[_Step]) -> str:
    if not days:
        return "No days in this range."
    logged = sum(d.logged for d in days)
    text = [f"Bump counts per site from {days[0].date.isoformat()} to {days[-1].date.isoformat()}; "
            f"{logged} of {len(days)} days logged (days not logged are unknown, not zero)."]  # fmt: skip
    for site in sites:
        checked = [d for d in days if site in d.by_site]
        text.append(f"{_site_label(site, labels)}: checked on {len(checked)} days, latest count "
                    f"{checked[-1].by_site[site]} on {checked[-1].date.isoformat()}.")  # fmt: skip
    for step in steps:
        rate = _rate_words(step, short=False)
        text.append(f"{step.label} ({step.kind}): {rate}.")
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
        return TOP + PLOT_HEIGHT - count / self.y_max * PLOT_HEIGHT

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
            title = f"{'logged' if logged else 'not logged'}: {start.isoformat()} to {end.isoformat()}"
            parts.append(
                f'<rect class="{cls}" x="{_num(x0)}" y="{y}" width="{_num(w)}" height="{STRIP_HEIGHT - 4}" '
                f'fill="{colour}"><title>{escape(title)}</title></rect>'
            )
        return [*parts, "</g>"]

    def axis(self) -> list[str]:
        y = TOP + PLOT_HEIGHT + STRIP_HEIGHT + 14
        parts = ['<g class="x-axis" fill="#333" text-anchor="middle">']
        for date in _date_ticks(self.first, self.days[-1].date):
            parts.append(f'<text x="{_num(self.x(date))}" y="{y}">{escape(_date_label(date, self.span))}</text>')
        return [*parts, "</g>"]

    def site_path(self, site: str, colour: str) -> str:
        """One path per site; a new segment (M) after any day the site was not checked."""
        commands: list[str] = []
        previous: dt.date | None = None
        for day in self.days:
            if site not in day.by_site:
                previous = None
                continue
            point = f"{_num(self.x(day.date))} {_num(self.y(day.by_site[site]))}"
            commands.append(("L" if previous else "M") + point)
            previous = day.date
        # Round caps and joins make a lone checked day (an "M" with no "L") visible as a dot.
        return (
            f'<path class="site" data-site={quoteattr(site)} d="{" ".join(commands)}" fill="none" '
            f'stroke="{colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>'
        )

    def markers(self, markers: Sequence[Marker]) -> list[str]:
        last = self.days[-1].date
        colours = {"flag": "#D55E00", "photo": "#0072B2"}
        parts = ['<g class="markers">']
        for marker in sorted(markers, key=lambda m: m.date):
            if not self.first <= marker.date <= last:
                continue
            x = _num(self.x(marker.date))
            colour = colours.get(marker.kind, "#666")
            label = escape(marker.label)
            # Near the right edge the text goes to the left of its line, so it is not cut off.
            near_edge = self.x(marker.date) > LEFT + self.inner - 50
            place = 'dx="-3" text-anchor="end"' if near_edge else 'dx="3"'
            parts.append(
                f'<g class="marker" data-kind={quoteattr(marker.kind)}><title>{escape(marker.date.isoformat())}: '
                f'{label}</title><line x1="{x}" x2="{x}" y1="{TOP}" y2="{TOP + PLOT_HEIGHT}" stroke="{colour}" '
                f'stroke-dasharray="3 3"/><text x="{x}" y="{TOP + 8}" {place} fill="{colour}">{label}</text></g>'
            )
        return [*parts, "</g>"]


def _legend(sites: Sequence[str], colours: Mapping[str, str], labels: Mapping[str, str], y: int, width: int) -> list:
    column = (width - LEFT - RIGHT) / 3
    parts = ['<g class="legend" fill="#333">']
    for i, site in enumerate(sites):
        x, row_y = LEFT + (i % 3) * column, y + (i // 3) * ROW + 10
        parts.append(
            f'<line x1="{_num(x)}" x2="{_num(x + 16)}" y1="{row_y - 4}" y2="{row_y - 4}" stroke="{colours[site]}" '
            f'stroke-width="3"/><text x="{_num(x + 22)}" y="{row_y}">{escape(_site_label(site, labels))}</text>'
        )
    return [*parts, "</g>"]


def _adherence_bars(steps: Sequence[_Step], y: int, width: int) -> list[str]:
    if not steps:
        return []
    label_width, bar_width = 200, width - LEFT - RIGHT - 200 - 110
    parts = [f'<g class="adherence" fill="#333"><text x="{LEFT}" y="{y + 12}" font-weight="bold">Routine</text>']
    for i, step in enumerate(steps, start=1):
        row_y = y + i * ROW
        colour = CARE_COLOUR if step.kind == "care" else TRIGGER_COLOUR
        filled = (step.rate or 0) * bar_width
        rate = _rate_words(step, short=True)
        bar_x = LEFT + label_width
        name = f"{step.label} ({step.kind})"
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


def _extend(runs: list[tuple[bool, dt.date, dt.date]], logged: bool, first: dt.date, last: dt.date) -> list:
    if runs and runs[-1][0] == logged and _next(runs[-1][2]) == first:
        runs[-1] = (logged, runs[-1][1], last)
    else:
        runs.append((logged, first, last))
    return runs


def _date_ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """About six readable ticks: days, weeks, months or years depending on the span."""
    span = (last - first).days
    if span <= 10:
        return [first + dt.timedelta(days=i) for i in range(span + 1)]
    if span <= 70:
        return [first + dt.timedelta(days=i) for i in range(0, span + 1, 7)]
    months = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)]
    months = [m for m in months if first <= m <= last]
    step = max(1, round(len(months) / 6))
    return months[::step]


def _fit(text: str, width_px: float, font_px: float = 11) -> str:
    """Shorten `text` with an ellipsis so that it fits `width_px` (an average glyph is ~0.58 em wide)."""
    limit = max(4, int(width_px / (font_px * 0.58)))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _date_label(date: dt.date, span: int) -> str:
    if span <= 70:
        return date.strftime("%d %b")
    return date.strftime("%b %Y")
