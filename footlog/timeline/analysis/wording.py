"""One home for what footlog says about a log, in every language: the headline per level, the small phrases
reasons share, and `Msg`, the sentence a rule writes as an English msgid with its parameters (dates, sites,
numbers) and that is rendered in the active language each time it is read (issue 26: the timeline cache holds
codes and parameters, never a rendered text).

Used by the Timeline page, the PDF report, the share page and the visit nudge. Nothing here names a condition or
implies one; texts state what was logged, with dates and numbers (tests/timeline/test_wording.py scans them, and
tests/i18n/test_catalog_words.py scans the German and Spanish catalogs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from django.utils import formats
from django.utils.translation import gettext, gettext_noop, ngettext

from footlog.diary.sites import SITES  # plain data (keys, labels), no models
from footlog.lib.dates import SHORT_FORMAT, date_in, text_language
from footlog.lib.dates import day_text as day_text  # moved down: clinical (below the timeline) writes dates too

Audience = Literal["patient", "clinician"]
AUDIENCES: tuple[Audience, ...] = ("patient", "clinician")

SEEK_CARE = gettext_noop("Seek care promptly.")
# The one wording table: the level's words per audience. The patient reads the Timeline page and the nudge; the
# clinician reads the PDF report and the share page, which speak of "the patient's log", never "your". Values are
# English msgids: read them through `headline_text` / `level_text`, which translate.
LEVEL_TEXTS: dict[tuple[str, Audience], str] = {
    ("none", "patient"): gettext_noop("Nothing in your log suggests booking a visit now."),
    ("none", "clinician"): gettext_noop("Nothing in the patient's log suggests booking a visit now."),
    ("consider", "patient"): gettext_noop("Worth mentioning to a dermatologist; keep logging."),
    ("consider", "clinician"): gettext_noop("Worth mentioning to a dermatologist; keep logging."),
    ("book", "patient"): gettext_noop("Consider booking a visit with a dermatologist."),
    ("book", "clinician"): gettext_noop("Consider booking a visit with a dermatologist."),
    ("urgent", "patient"): SEEK_CARE,
    ("urgent", "clinician"): SEEK_CARE,
}
# After a recorded visit when nothing logged since suggests booking again (level `none`, reason `seen`).
SEEN_TEXT = gettext_noop("Seen by a dermatologist on %(date)s; nothing logged since suggests booking again.")
# The patient's words per level (English msgids; `level_text` translates).
LEVEL_TEXT: dict[str, str] = {level: text for (level, audience), text in LEVEL_TEXTS.items() if audience == "patient"}
# The site labels as msgids (footlog.diary.sites holds the English labels; the catalogs hold the rest).
_SITE_LABELS = (
    gettext_noop("Left toes"), gettext_noop("Left top of foot"), gettext_noop("Left sole"), gettext_noop("Left heel"),
    gettext_noop("Left inner ankle"), gettext_noop("Left outer ankle"), gettext_noop("Right toes"),
    gettext_noop("Right top of foot"), gettext_noop("Right sole"), gettext_noop("Right heel"),
    gettext_noop("Right inner ankle"), gettext_noop("Right outer ankle"),
)  # fmt: skip
# Both sides of one region, when their reasons say the same (footlog/timeline/display.py).
BOTH_SIDES = {
    "toes": gettext_noop("the toes of both feet"),
    "top": gettext_noop("the top of both feet"),
    "sole": gettext_noop("both soles"),
    "heel": gettext_noop("both heels"),
    "ankle_inner": gettext_noop("both inner ankles"),
    "ankle_outer": gettext_noop("both outer ankles"),
}
# Built-in routine steps by key (footlog.diary.builtin): translated; a user's own step keeps its words.
BUILTIN_STEP_LABELS = {
    "wash": gettext_noop("Washed with mild soap, patted dry"),
    "exfoliate": gettext_noop("Gentle exfoliation"),
    "moisturise": gettext_noop("Moisturiser or oil after washing"),
    "sock_change": gettext_noop("Clean socks"),
    "sunscreen": gettext_noop("Sunscreen SPF 15+ on exposed ankles"),
    "breathable_footwear": gettext_noop("Well-fitting, breathable footwear"),
    "tight_footwear": gettext_noop("Tight or rubbing shoes"),
    "new_product": gettext_noop("New product on the feet"),
    "long_sun_exposure": gettext_noop("Long sun exposure"),
}
_lang = text_language


def level_text(level: str) -> str:
    """The patient's words for a level, in the active language."""
    return gettext(LEVEL_TEXT[level])


def headline_text(level: str, audience: Audience = "patient", seen_on: dt.date | None = None) -> str:
    """The headline for a level and audience, in the active language; `seen_on` (a visit) replaces `none`."""
    if level == "none" and seen_on is not None:
        return gettext(SEEN_TEXT) % {"date": short_day(seen_on)}
    return gettext(LEVEL_TEXTS[(level, audience)])


def label(site: str) -> str:
    """The site's readable label ("Left outer ankle") in the active language; unknown keys as they are."""
    known = SITES.get(site)
    return gettext(known.label) if known else site.replace("_", " ")


def step_label(step: str, written: str = "") -> str:
    """A routine step as shown: a built-in one in the active language, a user's own one as they wrote it."""
    builtin = BUILTIN_STEP_LABELS.get(step)
    return gettext(builtin) if builtin and (not written or written == builtin) else (written or step)


def short_day(date: dt.date) -> str:
    """A date in a running sentence: "1 Dec", "1. Dez", "1 dic"."""
    return date_in(date, SHORT_FORMAT)


def span_text(first: dt.date, last: dt.date) -> str:
    """A span of days: "2–5 Dec 2026", "28 Nov – 2 Dec 2026", "30 Dec 2026 – 2 Jan 2027", or one day."""
    if first == last:
        return day_text(first)
    if (first.year, first.month) == (last.year, last.month):
        head = f"{first.day}." if _lang() == "de" else str(first.day)
        return f"{head}–{day_text(last)}"
    if first.year == last.year:
        return f"{short_day(first)} – {day_text(last)}"
    return f"{day_text(first)} – {day_text(last)}"


def days_text(dates: list[dt.date]) -> str:
    """ "on 9 Nov 2026" or "on 3 days from 9 Nov 2026 to 14 Nov 2026"."""
    if len(dates) == 1:
        return gettext("on %(date)s") % {"date": day_text(dates[0])}
    return gettext("on %(n)s days from %(first)s to %(last)s") % {
        "n": len(dates),
        "first": day_text(dates[0]),
        "last": day_text(dates[-1]),
    }


def number(value: float) -> str:
    """A measured number as short as it is exact ("2.5"), with the locale's decimal sign ("2,5")."""
    return f"{value:g}".replace(".", str(formats.get_format("DECIMAL_SEPARATOR")))


def percent(rate: float) -> str:
    """ "80%" in English, "80 %" in German and Spanish."""
    return f"{rate:.0%}" if _lang() == "en" else f"{rate:.0%}".replace("%", "\u00a0%")


# --- sentences kept as codes and parameters ---------------------------------------------------------------------


@dataclass(frozen=True)
class SiteRef:
    """A site in a sentence: rendered as its label in the reader's language."""

    key: str


@dataclass(frozen=True)
class Both:
    """Both sides of a region in a sentence ("both heels")."""

    region: str


@dataclass(frozen=True)
class StepRef:
    """A routine step in a sentence: a built-in one translated, the user's own one as written."""

    key: str
    written: str = ""


@dataclass(frozen=True)
class Num:
    """A measured value: rendered with the locale's decimal sign."""

    value: float


@dataclass(frozen=True)
class Pct:
    value: float


@dataclass(frozen=True)
class Days:
    """A list of dates: "on 9 Nov 2026" or "on 3 days from ... to ..."."""

    dates: tuple[dt.date, ...]


@dataclass(frozen=True)
class Span:
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class Joined:
    """Parts rendered one by one and joined ("Left heel, Right sole"; "2, 3")."""

    parts: tuple[Any, ...]
    sep: str = ", "


def _render(value: Any) -> str:
    if isinstance(value, Msg):
        return str(value)
    if isinstance(value, SiteRef):
        return label(value.key)
    if isinstance(value, Both):
        return gettext(BOTH_SIDES[value.region])
    if isinstance(value, StepRef):
        return step_label(value.key, value.written)
    if isinstance(value, Num):
        return number(value.value)
    if isinstance(value, Pct):
        return percent(value.value)
    if isinstance(value, Days):
        return days_text(list(value.dates))
    if isinstance(value, Span):
        return span_text(value.first, value.last)
    if isinstance(value, Joined):
        return value.sep.join(_render(part) for part in value.parts)
    if isinstance(value, dt.date):
        return day_text(value)
    return str(value)  # ints; a patient's own words (a visit's plan) stay as written


@dataclass(frozen=True, eq=False)
class Msg:
    """A sentence as an English msgid ("Bumps at %(site)s ...") and its parameters, rendered in the active
    language whenever it is read (`str()`). With `plural`, `count` names the parameter that picks the form.
    `capitalize` upper-cases the first letter once rendered (a sentence that starts with a parameter)."""

    text: str
    params: tuple[tuple[str, Any], ...] = ()
    plural: str = ""
    count: str = ""
    capitalize: bool = False

    def __str__(self) -> str:
        template = (
            ngettext(self.text, self.plural, dict(self.params)[self.count]) if self.plural else gettext(self.text)
        )
        out = template % {name: _render(value) for name, value in self.params} if self.params else template
        return out[:1].upper() + out[1:] if self.capitalize else out

    def swap(self, old: Any, new: Any) -> Msg:
        """The same sentence with the parameter value `old` replaced by `new`, nested sentences included."""

        def one(value: Any) -> Any:
            if isinstance(value, Msg):
                return value.swap(old, new)
            return new if value == old else value

        return Msg(self.text, tuple((k, one(v)) for k, v in self.params), self.plural, self.count, self.capitalize)

    def _key(self) -> tuple[Any, ...]:
        return (self.text, self.params, self.plural, self.count, self.capitalize)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Msg):
            return self._key() == other._key()
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __contains__(self, part: str) -> bool:
        return part in str(self)

    def __getattr__(self, name: str) -> Any:
        # Read as text by older callers (endswith, replace, lower...): the rendered sentence's method.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(str(self), name)


def msg(text: str, /, **params: Any) -> Msg:
    """A sentence to render later; `text` is an English msgid with %(name)s placeholders."""
    return Msg(text, tuple(params.items()))


def cmsg(text: str, /, **params: Any) -> Msg:
    """`msg` for a sentence that starts with a parameter: its first letter is upper-cased once rendered."""
    return Msg(text, tuple(params.items()), capitalize=True)


def nmsg(singular: str, plural: str, count: str, /, **params: Any) -> Msg:
    """A sentence with a singular and a plural form, picked by the parameter named `count`."""
    return Msg(singular, tuple(params.items()), plural, count)


def level_msg(level: str) -> Msg:
    """The level's words as a sentence part (the end of every reason)."""
    return Msg(LEVEL_TEXT[level])
