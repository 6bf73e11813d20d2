"""Writes for exports and sharing: share links and their access log (report jobs: report_jobs.py)."""

from __future__ import annotations

import datetime as dt
import hmac
import io
import logging
from dataclasses import dataclass
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from footlog.exports.models import Share, ShareAccess
from footlog.sharing import tokens
from footlog.sharing.clients import coarse_client

MAX_SHARE_DAYS = 30
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreatedShare:
    """The one moment the plain token exists: it goes to the user and is never stored."""

    share: Share
    token: str

    @property
    def path(self) -> str:
        """The link's path; `footlog.lib.links.absolute_url` makes it absolute for the request at hand."""
        return reverse("share-page", kwargs={"token": self.token})


def share_create(
    user: Any, *, start: dt.date, end: dt.date, include_photos: bool, expires_in_days: int, questions: str = ""
) -> CreatedShare:
    """Open a read-only link to the user's history for [start, end], valid `expires_in_days` (1-30) days."""
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise ValueError("expires_in_days must be 1-30")  # the serializer answers this with a 400 first
    token = tokens.new_token()
    now = timezone.now()
    share = Share.objects.create(
        user=user,
        token_hash=tokens.token_hash(token),
        start=start,
        end=end,
        include_photos=include_photos,
        questions=questions,
        created=now,
        expires_at=now + dt.timedelta(days=expires_in_days),
    )
    return CreatedShare(share, token)


def share_revoke(share: Share) -> None:
    """Close the link for good; revoking twice keeps the first time."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.save(update_fields=["revoked_at"])


VISIT_SECONDS = 30 * 60  # requests of one client within this long (of each other) are one visit


def share_access_record(share: Share, client_ip: str, user_agent: str, resource: str) -> bool:
    """Count a visit: the first request of a client (its IP through the trusted proxies and its coarse browser)
    after 30 minutes without one. The client is known only as an HMAC, kept in the cache, never in the database;
    the stored row says the coarse browser and what was opened first. Returns whether a visit was recorded."""
    client = coarse_client(user_agent)[:80]
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{share.pk}|{client_ip}|{client}".encode(), "sha256")
    key = f"share-visit:{digest.hexdigest()}"
    now = timezone.now().timestamp()
    # The time of the client's latest request is the value (the cache's expiry only tidies up): the 30 minutes
    # run from that request, on the app's clock.
    if not cache.add(key, now, timeout=VISIT_SECONDS):
        last = cache.get(key)
        cache.set(key, now, timeout=VISIT_SECONDS)
        if isinstance(last, (int, float)) and now - last < VISIT_SECONDS:
            return False
    ShareAccess.objects.create(share=share, client=client, resource=resource)
    return True


def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (the share URL), for the page that created the link."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()
