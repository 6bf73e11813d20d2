"""What a reminder says, per kind, and the signed unsubscribe link. Wording never diagnoses; the visit nudge's
headline is the timeline's one wording table (`LEVEL_TEXT`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.urls import reverse

from footlog.lib.links import absolute_url
from footlog.timeline.analysis import LEVEL_TEXT
from reminders.models import Kind

UNSUBSCRIBE_SALT = "reminders.unsubscribe"


@dataclass(frozen=True)
class ReminderMessage:
    kind: str
    local_date: dt.date
    title: str
    body: str
    url: str  # absolute deep link into the app
    unsubscribe_url: str


_TEXT = {
    Kind.DAILY_LOG: (
        "Time for today's footlog",
        "Take a minute to log your feet and ankles for {date}: what you see and what you did.",
        "pwa:today",
    ),
    Kind.WEEKLY_PHOTO: (
        "Weekly photo check",
        "Take this week's photos of the same sites: similar distance and light, a coin or ruler for scale.",
        "pwa:today",  # the Today page
    ),
    Kind.VISIT_NUDGE: (
        LEVEL_TEXT["book"],
        "Your log meets footlog's rules for booking a visit; the timeline lists the reasons, and the report is "
        "ready to take along. Seek care promptly for bleeding, spreading, real pain or redness, or fast change.",
        "pwa:timeline",
    ),
}
# The visit nudge speaks for its level: its title is that level's headline (the one wording table).
_NUDGE_BODY = {
    "book": _TEXT[Kind.VISIT_NUDGE][1],
    "urgent": "Your log shows a red flag (bleeding, spreading, pain, redness or fast change); the timeline lists "
    "it with its date. footlog does not diagnose: please have it seen soon.",
}
# The reminder on a visit's review date (Delivery.level "review"): a date the user recorded, not advice.
_REVIEW = (
    "Your review date has come",
    "You recorded {date} as the day the dermatologist wanted to see you again. The timeline shows what your log "
    "says since the visit, and the report is ready to take along.",
)


def unsubscribe_token(user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_id_from_unsubscribe_token(token: str) -> int | None:
    """The user a token was made for, or None when it is forged or malformed."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    value = data.get("u") if isinstance(data, dict) else None
    return value if isinstance(value, int) else None


def unsubscribe_url(user_id: int) -> str:
    path = reverse("reminder-unsubscribe", kwargs={"token": unsubscribe_token(user_id)})
    return absolute_url(path)


def message_for(kind: str, local_date: dt.date, user_id: int, *, level: str | None = None) -> ReminderMessage:
    """The message of one reminder. A visit nudge takes the `level` it was sent for ("book" when not given)."""
    title, body, url_name = _TEXT[Kind(kind)]
    if kind == Kind.VISIT_NUDGE and level == "review":
        title, body = _REVIEW
    elif kind == Kind.VISIT_NUDGE:
        level = level if level in _NUDGE_BODY else "book"
        title, body = LEVEL_TEXT[level], _NUDGE_BODY[level]
    return ReminderMessage(
        kind=kind,
        local_date=local_date,
        title=title,
        body=body.format(date=local_date.isoformat()),
        url=absolute_url(reverse(url_name)),
        unsubscribe_url=unsubscribe_url(user_id),
    )
