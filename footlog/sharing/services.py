"""Writes for exports and sharing: share links, their passcode, their SMART Health Link and their access log
(report jobs: report_jobs.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import io
import logging
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from footlog.exports.fhir import bundle_json, report_pdf
from footlog.i18n import speaking
from footlog.sharing import shl, tokens
from footlog.sharing.clients import coarse_client
from footlog.sharing.models import Share, ShareAccess

MAX_SHARE_DAYS = 30
PASSCODE_MIN, PASSCODE_MAX = 4, 64
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CreatedShare:
    """The one moment the plain token, the manifest id and the JWE key exist: they go to the user, never stored."""

    share: Share
    token: str
    shl_id: str
    shl_key: bytes

    @property
    def path(self) -> str:
        """The link's path; `footlog.lib.links.absolute_url` makes it absolute for the request at hand."""
        return reverse("share-page", kwargs={"token": self.token})

    @property
    def manifest_path(self) -> str:
        """The SMART Health Link's manifest path (absolute through `absolute_url`, like `path`)."""
        return reverse("shl-manifest", kwargs={"manifest_id": self.shl_id})

    def shlink(self, manifest_url: str) -> str:
        """The `shlink:/…` payload naming `manifest_url` (the absolute form of `manifest_path`)."""
        share = self.share
        # The label is the reader's (the viewer shows it): the share's language; a share made before has none.
        with speaking(share.language) if share.language else contextlib.nullcontext():
            label_text = shl.label(share.start, share.end)
        data = shl.payload(
            manifest_url, self.shl_key, share.expires_at, passcode=share.has_passcode, label_text=label_text
        )
        return shl.shlink(data)


def passcode_problem(passcode: str) -> str | None:
    """Why `passcode` cannot be a share's passcode, or None."""
    if not PASSCODE_MIN <= len(passcode) <= PASSCODE_MAX:
        return f"A passcode has {PASSCODE_MIN} to {PASSCODE_MAX} characters."
    return None


def _shl_bundle(user: User, start: dt.date, end: dt.date, include_photos: bool, questions: str) -> bytes:
    """The share's FHIR Bundle, built once when the share is made: its photos (when shared) and its PDF report
    (the same questions and photos as the share page's) inside, so a receiver needs nothing else."""
    pdf = report_pdf(user, start, end, questions=questions, include_photos=include_photos)
    return bundle_json(user, start, end, photos="data" if include_photos else "none", report_pdf=pdf)


def share_create(
    user: User,
    *,
    start: dt.date,
    end: dt.date,
    include_photos: bool,
    expires_in_days: int,
    questions: str = "",
    passcode: str = "",
    language: str = "en",
) -> CreatedShare:
    """Open a read-only link to the user's history for [start, end], valid `expires_in_days` (1-30) days, with
    its SMART Health Link (the range's FHIR Bundle encrypted now under a fresh key) and an optional passcode."""
    if not 1 <= expires_in_days <= MAX_SHARE_DAYS:
        raise ValueError("expires_in_days must be 1-30")  # the serializer answers this with a 400 first
    if passcode and passcode_problem(passcode):
        raise ValueError(passcode_problem(passcode))  # likewise
    token, shl_id, key = tokens.new_token(), tokens.new_token(), shl.new_key()
    with speaking(language):  # the bundle, its PDF and Bundle.language in the reader's language
        ciphertext = shl.encrypt(_shl_bundle(user, start, end, include_photos, questions), key)
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
        passcode_hash=make_password(passcode) if passcode else "",
        shl_id_hash=tokens.token_hash(shl_id),
        shl_jwe=ciphertext,
        language=language,
    )
    return CreatedShare(share, token, shl_id, key)


@dataclass(frozen=True)
class PasscodeResult:
    ok: bool
    remaining: int  # wrong passcodes left before the share locks
    locked: bool = False  # no try was left: answered like a revoked link (404), the passcode never checked


def share_passcode_try(share: Share, passcode: str) -> PasscodeResult:
    """Check `passcode` against the share's, counting the try on the share's one counter (page, PDF, photos and
    manifest alike); at zero the share is locked for good and accepts nothing, the right passcode included.

    The try is taken before the (slow) hash is checked, by a conditional UPDATE in the database, and given back
    when the passcode is right: however many guesses arrive at once, at most PASSCODE_ATTEMPTS wrong ones are ever
    checked. (Read first, check, then write let 16 of 40 parallel guesses through.)"""
    remaining = _take_try(share)
    if remaining is None:
        if share.has_passcode:
            share.passcode_attempts_left = 0
        return PasscodeResult(False, 0, locked=True)
    if check_password(passcode, share.passcode_hash):
        Share.objects.filter(pk=share.pk).update(passcode_attempts_left=F("passcode_attempts_left") + 1)
        share.passcode_attempts_left = remaining + 1
        return PasscodeResult(True, remaining + 1)
    share.passcode_attempts_left = remaining
    if remaining == 0:  # this try was the last one: logged once
        logger.info("share locked after wrong passcodes", extra={"event": "share_locked", "share": str(share.pk)})
    return PasscodeResult(False, remaining)


def _take_try(share: Share) -> int | None:
    """One try off the share's counter, in one statement (the row lock orders concurrent ones); the tries left
    after it, or None when none was left (or the share was revoked)."""
    table = Share._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET passcode_attempts_left = passcode_attempts_left - 1"  # noqa: S608 - our table name
            " WHERE id = %s AND passcode_attempts_left > 0 AND revoked_at IS NULL RETURNING passcode_attempts_left",
            [Share._meta.pk.get_db_prep_value(share.pk, connection)],
        )
        row = cursor.fetchone()
    return None if row is None else int(row[0])


def share_revoke(share: Share) -> None:
    """Close the link for good, dropping its SMART Health Link file; revoking twice keeps the first time."""
    if share.revoked_at is None:
        share.revoked_at = timezone.now()
        share.shl_jwe = ""
        share.save(update_fields=["revoked_at", "shl_jwe"])


def shl_files_drop_closed(now: dt.datetime | None = None) -> int:
    """Drop the built SMART Health Link file of every share that can no longer be opened (expired, revoked or
    locked): the Bundle is built and encrypted once per share and served from the row for the share's lifetime,
    never after it. (Account deletion takes the rows.) Beat runs it every minute (`sharing.sweep`); returns how many."""
    closed = Q(expires_at__lte=now or timezone.now()) | Q(revoked_at__isnull=False)
    closed |= Q(passcode_attempts_left=0) & ~Q(passcode_hash="")
    return Share.objects.filter(closed).exclude(shl_jwe="").update(shl_jwe="")


VISIT_SECONDS = 30 * 60  # requests of one client within this long (of each other) are one visit


# Recorded every time rather than once a visit: the SMART Health Link's manifest and file fetches (what a receiving
# system took), and wrong passcodes (what the owner should see being tried).
EVERY_TIME = frozenset({"shl-manifest", "shl-file", "bad-passcode"})


def share_access_record(share: Share, client_ip: str, user_agent: str, resource: str, recipient: str = "") -> bool:
    """Count a visit: the first request of a client (its IP through the trusted proxies and its coarse browser)
    after 30 minutes without one. The client is known only as an HMAC, kept in the cache, never in the database;
    the stored row says the coarse browser and what was opened first. Returns whether a visit was recorded.
    The resources of EVERY_TIME are recorded at each call; a manifest request names itself by its `recipient`."""
    client = coarse_client(user_agent)[:80]
    if resource in EVERY_TIME:
        if recipient.strip():
            client = " ".join(recipient.split())[:80]  # what the receiving system says it is, for the owner
        ShareAccess.objects.create(share=share, client=client, resource=resource)
        return True
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
