"""Where photo files live and how their bytes reach the owner. Other apps use only the names documented here.

Files go through Django's storage API, alias "photos" in settings.STORAGES: FileSystemStorage under
FOOTLOG_DATA_DIR by default (no public URL), or django-storages' S3Storage when FOOTLOG_S3_BUCKET is set.
Keys are server-made UUIDs (`ab/ab12….jpg`); the uploaded file name is never used.

Stable API for other apps (exports, PWA):
- `photo_open(photo, size="display")` → an open binary File of the stored JPEG; the caller closes it.
- `photo_bytes(photo, size="display")` → the JPEG's bytes, or None when its stored file is gone.
- `photo_response(photo, size)` → the HTTP response that hands the owner the bytes (the view checks ownership).
- `SIZES` — the rendition names: "display" (long edge 2048) and "thumb" (long edge 512).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.utils import timezone

from footlog.lib.private import PRIVATE, private_response

if TYPE_CHECKING:
    from footlog.diary.models import Photo

log = logging.getLogger(__name__)

SIZES = ("display", "thumb")
CONTENT_TYPE = "image/jpeg"


def photo_storage() -> Storage:
    """The configured photo storage (looked up per call so that settings overrides in tests apply)."""
    return storages["photos"]


def store_rendition(data: bytes) -> str:
    """Write one JPEG under a fresh UUID key and return the key the storage reports."""
    name = uuid.uuid4().hex
    return photo_storage().save(f"{name[:2]}/{name}.jpg", ContentFile(data))


def delete_files(keys: Iterable[str]) -> None:
    """Delete stored files now; a missing file is fine (deletion may be replayed)."""
    storage = photo_storage()
    for key in keys:
        if not key:
            continue
        try:
            storage.delete(key)
        except Exception:
            # The row is already gone; a leftover file is logged (by key, never by content) for cleanup.
            log.exception("could not delete photo file %s", key)


def delete_files_on_commit(keys: Iterable[str], using: str | None = None) -> None:
    """Delete files once the current transaction commits (at once outside a transaction; never on rollback)."""
    pending = [key for key in keys if key]
    transaction.on_commit(lambda: delete_files(pending), using=using)


def stored_keys(min_age: dt.timedelta) -> Iterator[str]:
    """Every key in the photo storage whose file is older than `min_age` (younger ones may be mid-upload)."""
    storage = photo_storage()
    cutoff = timezone.now() - min_age
    folders, _ = storage.listdir("")
    for folder in folders:
        for name in storage.listdir(folder)[1]:
            key = f"{folder}/{name}"
            if storage.get_modified_time(key) < cutoff:
                yield key


def _key(photo: Photo, size: str) -> str:
    if size not in SIZES:
        raise ValueError(f"unknown photo size {size!r}")
    return photo.thumb_key if size == "thumb" else photo.display_key


def photo_open(photo: Photo, size: str = "display") -> File[bytes]:
    """Open the stored JPEG of `photo` ("display" or "thumb") for reading; the caller closes it."""
    return photo_storage().open(_key(photo, size), "rb")


def photo_bytes(photo: Photo, size: str = "display") -> bytes | None:
    """The stored JPEG of `photo`, or None when its file is missing (lost by a restore or by hand): callers
    answer 404 or note it as missing rather than fail. Both storages raise FileNotFoundError for it."""
    try:
        with photo_open(photo, size) as handle:
            data: bytes = handle.read()
            return data
    except FileNotFoundError:
        log.warning("photo %s: its %s file is missing", photo.pk, size)
        return None


def download_name(photo: Photo, size: str) -> str:
    """A server-made file name: site and date, never anything the client sent."""
    site = photo.site or "photo"
    suffix = "-thumb" if size == "thumb" else ""
    return f"footlog-{site}-{photo.created:%Y%m%d}-{photo.id.hex[:8]}{suffix}.jpg"


def photo_response(photo: Photo, size: str = "display") -> HttpResponseBase:
    """The owner's response for a photo's bytes. The caller must already have checked ownership.

    Local files are streamed, or handed to nginx with X-Accel-Redirect when FOOTLOG_PHOTO_X_ACCEL_PREFIX is set;
    any other storage (S3) answers with a redirect to a signed URL valid for FOOTLOG_PHOTO_URL_TTL (≤ 300 s).
    """
    key = _key(photo, size)
    storage = photo_storage()
    name = download_name(photo, size)
    disposition = f'inline; filename="{name}"'
    response: HttpResponseBase
    if not isinstance(storage, FileSystemStorage):
        response = HttpResponseRedirect(_signed_url(storage, key, disposition))
    elif settings.FOOTLOG_PHOTO_X_ACCEL_PREFIX:
        response = HttpResponse(content_type=CONTENT_TYPE)
        response["X-Accel-Redirect"] = settings.FOOTLOG_PHOTO_X_ACCEL_PREFIX.rstrip("/") + "/" + key
        response["Content-Disposition"] = disposition
    else:
        try:
            handle = storage.open(key, "rb")
        except FileNotFoundError:
            # The row outlived its file (restored database, manual cleanup): a 404, not a 500.
            raise Http404("The image file is missing.") from None
        response = FileResponse(handle, content_type=CONTENT_TYPE, filename=name)
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return private_response(response, no_referrer=True)  # the photo's address is the owner's: never a Referer


def _signed_url(storage: Storage, key: str, disposition: str) -> str:
    # The object answers with the same private headers as the local view would send.
    parameters = {
        "ResponseCacheControl": PRIVATE,
        "ResponseContentType": CONTENT_TYPE,
        "ResponseContentDisposition": disposition,
    }
    return storage.url(key, parameters=parameters, expire=min(300, settings.FOOTLOG_PHOTO_URL_TTL))  # type: ignore[call-arg]  # django-storages S3: parameters, expire
