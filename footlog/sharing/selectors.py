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
    """The share owner's photo `photo_id` if its day lies in the shared range; None otherwise."""
    from footlog.diary.selectors import photos_for

    return photos_for(share.user, None, share.start, share.end).filter(pk=photo_id).first()
