"""Turn HTML form posts into the API's input serializers, so pages and API validate the same way."""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from django.http import QueryDict
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext, gettext_noop

from footlog.lib.dates import first_weekday, known_timezones
from footlog.timeline.analysis import Thresholds


def weekdays() -> list[tuple[int, str]]:
    """The reminder's days (0 = Monday, as the reminders store them) in the locale's week order (the calendar's:
    Sunday first in English, Monday in German and Spanish), named by Django's catalog ("Mon", "Mo", "lun")."""
    first = first_weekday()
    return [((first + i) % 7, str(WEEKDAYS_ABBR[(first + i) % 7])) for i in range(7)]


# Labels for the tunable thresholds a person is likely to change; the rest keep their documented defaults.
# Red-flag rules are not here and never can be: they are the safety floor (footlog.timeline.analysis.safety).
# Msgids, read through gettext.
THRESHOLD_LABELS = {
    "consider_after_days": gettext_noop("Suggest considering a visit after this many days of bumps"),
    "book_after_days": gettext_noop("Suggest booking a visit after this many days despite good care"),
    "care_adherence_min": gettext_noop("Care counts as good from this share of what you meant to do (0 to 1)"),
}


# What the Export and Settings pages call a refused field in their error list (msgids, the forms' own labels); a
# field not named here is shown by its API name.
FIELD_LABELS = {
    "from": gettext_noop("From"),
    "to": gettext_noop("To"),
    "expires_in_days": gettext_noop("Link works for"),
    "include_photos": gettext_noop("Include photos"),
    "questions": gettext_noop("Questions for the dermatologist"),
    "passcode": gettext_noop("Passcode"),
    "language": gettext_noop("Language"),
    "enabled": gettext_noop("Remind me to log"),
    "time": gettext_noop("At"),
    "weekdays": gettext_noop("On"),
    "channels": gettext_noop("By"),
    "skip_if_logged": gettext_noop("Not when I already logged"),
    "weekly_photo": gettext_noop("Weekly photo reminder"),
    **THRESHOLD_LABELS,
}


def field_label(name: str) -> str:
    """A refused field's label in the active language ("Link works for"), or its name when it has none."""
    label = FIELD_LABELS.get(name)
    return gettext(label) if label else name


# The regions of the IANA "Area/City" names: the list people search. Older aliases (Japan, US/Pacific, Etc/GMT+5)
# stay valid when typed; they would only crowd the list.
TIMEZONE_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


@lru_cache(maxsize=1)
def timezone_choices() -> list[str]:
    """The searchable time-zone list of Settings (a datalist), sorted, with UTC first."""
    cities = sorted(name for name in known_timezones() if name.split("/", 1)[0] in TIMEZONE_AREAS and "/" in name)
    return ["UTC", *cities]


def profile_data(post: QueryDict) -> dict[str, object]:
    """The "You" form as AccountSerializer data: only the fields the form sent (a one-tap zone switch sends one)."""
    names = ("display_name", "timezone")
    data: dict[str, object] = {name: str(post.get(name, "")).strip() for name in names if name in post}
    if "language" in post:  # "" = follow the browser (null on the account)
        data["language"] = str(post.get("language", "")).strip() or None
    return data


def reminder_data(post: QueryDict) -> dict[str, object]:
    """The reminder form as PreferencesIn data (checkbox → bool, multi-selects → lists of ints/strings)."""
    data: dict[str, object] = {
        "enabled": post.get("enabled") == "on",
        "skip_if_logged": post.get("skip_if_logged") == "on",
        "weekly_photo": post.get("weekly_photo") == "on",
        "channels": post.getlist("channels"),
        "weekdays": [int(d) for d in post.getlist("weekdays") if d.isdigit()],
    }
    if post.get("time"):
        data["time"] = post["time"][:5]
    return data


def threshold_data(post: QueryDict) -> dict[str, object]:
    """The thresholds form as ThresholdsIO data, numbers typed as the dataclass declares them."""
    types = {f.name: f.type for f in dataclasses.fields(Thresholds)}
    data: dict[str, object] = {}
    for name in THRESHOLD_LABELS:
        raw = post.get(name, "").strip()
        if not raw:
            continue
        try:
            data[name] = float(raw) if types[name] in (float, "float") else int(raw)
        except ValueError:
            data[name] = raw  # the serializer reports it as invalid
    return data


def threshold_rows(current: Thresholds) -> list[dict[str, object]]:
    types = {f.name: f.type for f in dataclasses.fields(Thresholds)}
    return [
        {
            "name": name,
            "label": gettext(label),
            "value": getattr(current, name),
            "step": "0.05" if types[name] in (float, "float") else "1",
        }
        for name, label in THRESHOLD_LABELS.items()
    ]


def share_data(post: QueryDict) -> dict[str, object]:
    """The share form as ShareIn data."""
    days = post.get("expires_in_days", "")
    return {
        "from": post.get("from", ""),
        "to": post.get("to", ""),
        "include_photos": post.get("include_photos") == "on",
        "expires_in_days": int(days) if days.isdigit() else days,
        "questions": post.get("questions", ""),
        **({"passcode": post["passcode"]} if post.get("passcode") else {}),  # empty: no passcode
        **({"language": post["language"]} if "language" in post else {}),  # the reader's (issue 26)
    }
