"""The user's reminder choices and the schedule rows they produce."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from accounts.services import account_update
from footlog.lib.errors import InvalidInput
from reminders.messages import user_id_from_unsubscribe_token
from reminders.models import ALL_WEEKDAYS, Channel, Kind, PushSubscription, Reminder
from reminders.models import ReminderPreference as Preference
from reminders.schedule import next_fire_at


class Schedulable(Protocol):
    """What the schedule needs of a preference: a model instance or a claimed row read as plain values."""

    @property
    def enabled(self) -> bool: ...
    @property
    def channels(self) -> Sequence[str]: ...
    @property
    def weekdays(self) -> Sequence[int]: ...
    @property
    def weekly_photo(self) -> bool: ...
    @property
    def photo_weekday(self) -> int: ...
    @property
    def time(self) -> dt.time: ...
    @property
    def timezone(self) -> str: ...


def preferences_update(user: User, changes: dict[str, Any], *, now: dt.datetime | None = None) -> Preference:
    """Store the user's choices (fields left out keep their value) and reschedule their reminders.

    A `timezone` is written through to the account (`User.timezone`, the zone's only home). Choosing the push
    channel needs at least one push subscription.
    """
    changes = dict(changes)
    with transaction.atomic():
        if "timezone" in changes:
            account_update(user, {"timezone": changes.pop("timezone")})  # the zone's one writer
        pref, _ = Preference.objects.select_for_update().get_or_create(user=user)
        pref.user = user  # the zone is read from the account just saved
        for field, value in changes.items():
            setattr(pref, field, value)
        if Channel.PUSH in pref.channels and not PushSubscription.objects.filter(user=user).exists():
            raise InvalidInput({"channels": [gettext("Push needs a push subscription from this browser first.")]})
        pref.weekdays = sorted(set(pref.weekdays))
        pref.channels = [c for c in Channel.values if c in pref.channels]
        pref.save()
        reschedule(pref, now or timezone.now())
    return pref


def next_fire_for(kind: str, pref: Schedulable, after: dt.datetime) -> dt.datetime | None:
    """When reminder `kind` fires next after `after` under `pref` (None: switched off)."""
    return _next_cached(
        kind,
        pref.enabled and bool(pref.channels),
        tuple(pref.weekdays),
        pref.weekly_photo,
        pref.photo_weekday,
        pref.time,
        pref.timezone,
        after,
    )


@lru_cache(maxsize=4096)  # a tick asks the same question for everyone sharing a zone, time and weekdays
def _next_cached(
    kind: str,
    on: bool,
    weekdays: tuple[int, ...],
    weekly_photo: bool,
    photo_weekday: int,
    at: dt.time,
    tz_name: str,
    after: dt.datetime,
) -> dt.datetime | None:
    if not on:
        return None
    days: Iterable[int]
    if kind == Kind.DAILY_LOG:
        days = weekdays
    elif kind == Kind.WEEKLY_PHOTO:
        days = [photo_weekday] if weekly_photo else []
    else:
        days = ALL_WEEKDAYS  # the visit nudge is checked daily at the reminder time
    return next_fire_at(after, at, tz_name, days)


def reminders_follow_timezone(user: User, now: dt.datetime | None = None) -> None:
    """The account's zone changed (Settings, account API): move the next reminders to the new local times."""
    pref = Preference.objects.filter(user=user).first()
    if pref is not None:
        pref.user = user
        reschedule(pref, now or timezone.now())


def reschedule(pref: Preference, now: dt.datetime) -> None:
    """Create or update the user's three schedule rows from their preferences."""
    for kind in Kind.values:
        Reminder.objects.update_or_create(
            user_id=pref.user_id,
            kind=kind,
            defaults={"preference": pref, "next_fire_at": next_fire_for(kind, pref, now)},
        )


def unsubscribe_email(token: str) -> bool:
    """One-click unsubscribe: stop reminder emails for the token's user. False for a forged token."""
    user_id = user_id_from_unsubscribe_token(token)
    if user_id is None:
        return False
    with transaction.atomic():
        pref = Preference.objects.select_for_update().filter(user_id=user_id).first()
        if pref is None:
            return True  # the account is gone or never had reminders: nothing will be sent
        pref.channels = [c for c in pref.channels if c != Channel.EMAIL]
        pref.save(update_fields=["channels", "updated"])
        reschedule(pref, timezone.now())
    return True
