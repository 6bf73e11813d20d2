"""Writes for the timeline: the user's rule thresholds."""

from __future__ import annotations

from django.core.cache import cache

from accounts.models import User
from footlog.lib.errors import InvalidInput
from footlog.timeline.analysis import Thresholds
from footlog.timeline.models import TimelineSettings
from footlog.timeline.selectors import cache_keys, generation_key
from footlog.timeline.validation import thresholds_errors


def timeline_settings_update(user: User, values: dict[str, object]) -> Thresholds:
    """Replace the user's thresholds: fields left out go back to their defaults. Validated by the caller
    (serializer, which also refuses safety-floor fields) and by the table's check constraints.

    Only `Thresholds` fields can be stored: anything else (a red-flag rule above all) raises ValueError.
    """
    unknown = sorted(set(values) - set(Thresholds.__dataclass_fields__))
    if unknown:
        raise ValueError(f"not a tunable threshold: {', '.join(unknown)}")

    errors = thresholds_errors(values)  # the gate every door shares (the serializer has run it already)
    if errors:
        raise InvalidInput(errors)
    fields = {**Thresholds().to_dict(), **values}
    saved, _ = TimelineSettings.objects.update_or_create(user=user, defaults=fields)
    return saved.thresholds()


def timeline_cache_forget(user_id: int) -> None:
    """Drop the user's cached timelines at once (e.g. on account deletion, a routine target change); otherwise
    they expire in 6 hours. Every key is known (`selectors.cache_keys`): there is no index to read first. Takes
    the id because a deleted user has none left by the time the deletion commits."""
    keys = cache_keys(user_id)  # under the current generation, which is then retired (selectors._prefix)
    cache.delete_many([*keys, generation_key(user_id)])
