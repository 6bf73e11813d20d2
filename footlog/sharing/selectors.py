"""Reads of share links: the owner's list, one of them, the open share behind a token, and a shared photo."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from footlog.api.scoping import get_owned, owned
from footlog.exports.models import Share


def shares_for(user: Any) -> QuerySet[Share]:
    return owned(Share.objects.all(), user).prefetch_related("accesses")


def share_of(user: Any, share_id: Any) -> Share:
    return get_owned(Share.objects.all(), user, pk=share_id)


def share_by_token_hash(token_hash: str) -> Share | None:
    """Any user's share by its token hash: only for the public share page, which has no user."""
    return Share.objects.select_related("user").filter(token_hash=token_hash).first()


def shared_photo(share: Share, photo_id: Any) -> Any:
    """The share owner's photo `photo_id` if its day lies in the shared range, or if it is the baseline the report
    shows: the first photo ever of a site and view that has photos in the range. None otherwise."""
    from footlog.diary.selectors import photo_series, photos_for

    photo = photos_for(share.user).filter(pk=photo_id).first()
    if photo is None:
        return None
    if share.start <= photo.entry.date <= share.end:
        return photo
    if photo.site is None or photo.entry.date > share.end:
        return None
    series = photo_series(share.user, photo.site, photo.view)
    is_baseline = series.values_list("pk", flat=True).first() == photo.pk
    in_range = series.filter(entry__date__gte=share.start, entry__date__lte=share.end).exists()
    return photo if is_baseline and in_range else None
