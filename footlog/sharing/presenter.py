"""One presenter of a new share link for both places that create one: the Export page and the API.

Creating a share and building what the owner is shown once (the link, the SMART Health Link in its viewer form,
their QR codes) live here, so the page and `POST /api/v1/shares/` can never drift apart. No DRF here: the API
validates with its serializer, the page with the same serializer, and both hand the validated values in.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from accounts.models import User
from footlog.lib.links import absolute_url
from footlog.sharing import services


@dataclass(frozen=True)
class NewShare:
    """What the owner sees of a new link, the only time it exists in full (footlog keeps hashes, never the key)."""

    id: uuid.UUID
    url: str  # the share page
    expires_at: dt.datetime
    passcode: bool
    shlink: str  # the bare `shlink:/…` payload, for clinical systems that take it as is
    shlink_url: str  # the viewer-prefix form `<base>/shl/view#shlink:/…`: what a phone camera can open
    qr_svg: str  # QR of `url`
    shlink_qr_svg: str  # QR of `shlink_url`

    # The QR codes are drawn by the library from our own URL and payload: no user text reaches the markup.
    @property
    def qr_html(self) -> SafeString:
        return mark_safe(self.qr_svg)  # noqa: S308

    @property
    def shlink_qr_html(self) -> SafeString:
        return mark_safe(self.shlink_qr_svg)  # noqa: S308

    def as_api(self) -> dict[str, object]:
        """The fields of the API's `ShareCreatedOut`."""
        return {
            "id": self.id,
            "url": self.url,
            "expires_at": self.expires_at,
            "qr_svg": self.qr_svg,
            "shlink": self.shlink,
            "shlink_url": self.shlink_url,
            "shlink_qr_svg": self.shlink_qr_svg,
        }


def viewer_url(shlink: str, request: HttpRequest | None = None) -> str:
    """The SMART Health Links viewer-prefix form: footlog's viewer page, the payload after `#` (a fragment never
    reaches a server, so the key stays with whoever holds the link)."""
    return f"{absolute_url(reverse('shl-viewer'), request)}#{shlink}"


def present(created: services.CreatedShare, request: HttpRequest | None = None) -> NewShare:
    # The reader's language is stored on the share (the page and its PDF speak it; footlog/sharing/pages.py), so
    # the link stays the bare path clients build on (`<url>report.pdf`).
    url = absolute_url(created.path, request)
    shlink = created.shlink(absolute_url(created.manifest_path, request))
    shlink_url = viewer_url(shlink, request)
    return NewShare(
        id=created.share.id,
        url=url,
        expires_at=created.share.expires_at,
        passcode=created.share.has_passcode,
        shlink=shlink,
        shlink_url=shlink_url,
        qr_svg=services.qr_svg(url),
        shlink_qr_svg=services.qr_svg(shlink_url),
    )


def create_share(user: User, data: dict[str, Any], request: HttpRequest | None = None) -> NewShare:
    """Open a link from a `ShareIn`'s validated values and present it."""
    language = data.get("language") or translation.get_language() or "en"
    created = services.share_create(
        user,
        start=data["from"],
        end=data["to"],
        include_photos=data["include_photos"],
        expires_in_days=data["expires_in_days"],
        questions=data["questions"],
        passcode=data["passcode"],
        language=language,
    )
    return present(created, request)
