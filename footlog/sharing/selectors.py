"""Reads of share links: the owner's list, one of them, the open share behind a token or a SMART Health Link
manifest id, and a shared photo. The stored JWE (possibly megabytes of photos) is loaded only where it is served."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from accounts.models import User
from footlog.api.scoping import get_owned, owned
from footlog.diary.selectors import photo_series, photos_for
from footlog.sharing.models import Share

if TYPE_CHECKING:
    from footlog.diary.models import Photo


def shares_for(user: User) -> QuerySet[Share]:
    return owned(Share.objects.defer("shl_jwe"), user).prefetch_related("accesses")


def share_of(user: User, share_id: uuid.UUID | str) -> Share:
    return get_owned(Share.objects.defer("shl_jwe"), user, pk=share_id)


def share_by_token_hash(token_hash: str) -> Share | None:
    """Any user's share by its token hash: only for the public share page, which has no user."""
    return Share.objects.select_related("user").defer("shl_jwe").filter(token_hash=token_hash).first()


def share_by_shl_id_hash(shl_id_hash: str) -> Share | None:
    """Any user's share by its manifest id hash: only for the public SMART Health Link manifest."""
    return Share.objects.defer("shl_jwe").filter(shl_id_hash=shl_id_hash).first()


def share_ciphertext(share_id: uuid.UUID | str) -> tuple[Share, str] | None:
    """The share and its stored JWE, for the manifest's file URL; None when it has none."""
    share = Share.objects.filter(pk=share_id).exclude(shl_jwe="").first()
    return None if share is None else (share, share.shl_jwe)


def shared_photo(share: Share, photo_id: uuid.UUID) -> Photo | None:
    """The share owner's photo `photo_id` if its day lies in the shared range, or if it is the baseline the report
    shows: the first photo ever of a site and view that has photos in the range. None otherwise."""

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
