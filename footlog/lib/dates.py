"""Calendar helpers: a user's "today" is a date in their own time zone, never the server's."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

from django.utils.translation import gettext

# The calendar footlog accepts anywhere a date comes in (entries, ranges, pages). Far from date.min/max on
# purpose: windows are computed by subtracting and adding days, which overflowed near year 1 or 9999.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2999, 12, 31)


def in_calendar(value: dt.date) -> bool:
    """Inside footlog's calendar. Rows stored before every door checked it (an import took any date) may not be:
    readers that render dates (FHIR, PDF, CSV) skip those rows with a warning (footlog_check_data lists them)."""
    return EARLIEST_DATE <= value <= LATEST_DATE


def clamp_date(value: dt.date) -> dt.date:
    return min(max(value, EARLIEST_DATE), LATEST_DATE)


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def is_valid_timezone(name: str) -> bool:
    return name in known_timezones()


def local_date(moment: dt.datetime, tz_name: str) -> dt.date:
    """The calendar date of an aware `moment` as seen in `tz_name` (23:30 in Sydney stays that date)."""
    return moment.astimezone(ZoneInfo(tz_name)).date()


def today_in(tz_name: str, now: dt.datetime | None = None) -> dt.date:
    return local_date(now or dt.datetime.now(dt.UTC), tz_name)


EARLIEST_ENTRY_DATE = EARLIEST_DATE  # the API's floor (imports of old diaries)
DAY_PAGE_YEARS = 5  # how far back the day picker reaches


def entry_date_error(day: dt.date, today: dt.date) -> str | None:
    """Why `day` cannot carry an entry for an account whose today is `today`, or None. The one home of the rule."""
    if day > today:
        late = gettext("%(day)s is after today (%(today)s) in your account's time zone.")
        return late % {"day": day.isoformat(), "today": today.isoformat()}
    if day < EARLIEST_ENTRY_DATE:
        return gettext("The date is too far in the past.")
    return None


def day_page_earliest(today: dt.date) -> dt.date:
    """The first day the day page offers: five years back (29 February falls back to the 28th)."""
    try:
        return today.replace(year=today.year - DAY_PAGE_YEARS)
    except ValueError:
        return today.replace(year=today.year - DAY_PAGE_YEARS, day=28)


# Dates in running text, per language (Django's date format letters; "b" is the lower-case month in Spanish).
DAY_FORMAT = {"en": "j M Y", "de": "j. M Y", "es": "j b Y"}
SHORT_FORMAT = {"en": "j M", "de": "j. M", "es": "j b"}


def text_language() -> str:
    """The active language's code among those with date formats here (English otherwise)."""
    from django.utils import translation

    code = (translation.get_language() or "en").split("-")[0]
    return code if code in DAY_FORMAT else "en"


def day_text(date: dt.date) -> str:
    """A date as people read it, in the active language: "9 Nov 2026", "9. Nov 2026", "9 nov 2026" (every app's
    wording: the timeline's, a visit's)."""
    return date_in(date, DAY_FORMAT)


def date_in(date: dt.date, formats: dict[str, str]) -> str:
    """`date` in the active language's form from `formats` (DAY_FORMAT, SHORT_FORMAT), English's for others."""
    from django.utils import translation

    language = translation.get_language() or "en"
    return _formatted(date, formats.get(language.split("-")[0], formats["en"]), language)


@lru_cache(maxsize=16384)
def _formatted(date: dt.date, form: str, language: str) -> str:
    """Django's `date_format(date, form)` while `language` is active (month names come from its catalogs), kept:
    a timeline renders each date in many reasons and again on the next request, and Django's formatting was a
    tenth of an uncached timeline's time (bench/timeline.py). Emptied when the catalogs can change
    (`forget_formatted`: tests that add a language)."""
    from django.utils.dateformat import format as date_format

    return date_format(date, form)


def forget_formatted(*, setting: str, **kwargs: object) -> None:
    """`setting_changed` receiver: a changed LANGUAGES or LOCALE_PATHS may give a language other month names."""
    if setting in {"LANGUAGES", "LOCALE_PATHS", "LANGUAGE_CODE"}:
        _formatted.cache_clear()


# Dates on the app's pages, per language and use (Django's date format letters; weekday and month names come from
# Django's own catalogs). English is footlog's British form; German puts the point after the day and a comma after
# the weekday; Spanish says "7 de diciembre" and writes names in lower case.
PAGE_FORMATS: dict[str, dict[str, str]] = {
    "weekday": {"en": "l j F", "de": "l, j. F", "es": r"l j \d\e F"},  # Monday 7 December
    "full": {"en": "j F Y", "de": "j. F Y", "es": r"j \d\e F \d\e Y"},  # 7 December 2026
    "short_weekday": {"en": "D j M", "de": "D, j. M", "es": "D j b"},  # Mon 7 Dec
    "short_weekday_year": {"en": "D j M Y", "de": "D, j. M Y", "es": "D j b Y"},  # Mon 7 Dec 2026
    "short_year": {"en": "j M y", "de": "j. M y", "es": "j b y"},  # 7 Dec 26
    "month_year": {"en": "F Y", "de": "F Y", "es": r"F \d\e Y"},  # December 2026
    "month": {"en": "M", "de": "M", "es": "b"},  # Dec
}


def page_date(date: dt.date, kind: str) -> str:
    """`date` as the app's pages show it, in the active language (`kind`: a key of PAGE_FORMATS)."""
    return date_in(date, PAGE_FORMATS[kind])


def first_weekday() -> int:
    """The locale's first day of the week as Python counts weekdays (0 Monday … 6 Sunday): Django's
    FIRST_DAY_OF_WEEK (0 Sunday, 1 Monday) for the active language, so English starts on Sunday, de/es on Monday."""
    from django.utils import formats

    return (int(formats.get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
