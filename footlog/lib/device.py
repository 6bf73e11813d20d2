"""The opaque key naming an account on a phone: whose offline copy of days it keeps and whose unsent outbox items
it holds (footlog/static/footlog/outbox.js)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

# The header an outbox item is sent with: the key of the account that queued it (footlog.api.permissions).
ACCOUNT_HEADER = "X-Footlog-Account"


def device_owner_key(user_pk: Any) -> str:
    """An opaque key naming the account that owns the phone's offline copy of its days and its unsent items:
    another account finds a different key (the copy is wiped, the items are not sent). Derived (HMAC with the
    secret key), so it tells nothing about the account, yet is stable across sessions so a new sign-in of the same
    account keeps the copy and sends its items."""
    return salted_hmac("footlog.offline-days-owner", str(user_pk)).hexdigest()[:24]


def device_account(request: HttpRequest) -> dict[str, str]:
    """Template context: the signed-in account's key for every page (app.js tells the outbox whose items are
    whose), empty when nobody is signed in (nothing on the phone is then this page's to send)."""
    user = getattr(request, "user", None)
    return {"device_account": device_owner_key(user.pk) if user is not None and user.is_authenticated else ""}
