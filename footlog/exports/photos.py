"""Photo bytes for reports and the data export, read through the diary's storage API."""

from __future__ import annotations

from typing import Any

from footlog.api.scoping import get_owned
from footlog.diary.models import Photo
from footlog.diary.photo_storage import photo_open


def owned_photo_reader(user: Any, size: str = "thumb") -> Any:
    """A reader of the user's own photos: `read(photo_id, size=None)` (None: the reader's `size`); another
    user's id raises Http404 (never their bytes)."""

    def read(photo_id: str, rendition: str | None = None) -> bytes:
        photo = get_owned(Photo.objects.all(), user, pk=photo_id)
        with photo_open(photo, rendition or size) as handle:
            return handle.read()

    return read
