"""Photo bytes for reports and the data export, read through the diary's storage API."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from footlog.api.scoping import get_owned
from footlog.diary.models import Photo
from footlog.diary.photo_storage import photo_open

if TYPE_CHECKING:
    from accounts.models import User


class PhotoReader(Protocol):
    def __call__(self, photo_id: str, rendition: str | None = None) -> bytes: ...


def owned_photo_reader(user: User, size: str = "thumb") -> PhotoReader:
    """A reader of the user's own photos: `read(photo_id, size=None)` (None: the reader's `size`); another
    user's id raises Http404 (never their bytes)."""

    def read(photo_id: str, rendition: str | None = None) -> bytes:
        photo = get_owned(Photo.objects.all(), user, pk=photo_id)
        with photo_open(photo, rendition or size) as handle:
            data: bytes = handle.read()
            return data

    return read
