"""Consent to storing health data: which text the user agreed to, and when.

The one home of the rule. The API enforces it for every view by default (footlog.api.permissions), the app pages
through `footlog.pwa.access.app_page`; both ask `has_current_consent`.
"""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import User
from accounts.services import account_update
from footlog.lib.errors import InvalidInput

# Bump when the consent text in templates/pwa/welcome.html changes in substance: everyone is asked again.
CONSENT_VERSION = "2026-11-v1"


def has_current_consent(user: User) -> bool:
    return user.health_data_consent_version == CONSENT_VERSION


def consent_give(user: User, *, timezone_name: str | None = None) -> User:
    """Record consent to the current text now; also store the detected time zone when one is given."""
    user.health_data_consent_version = CONSENT_VERSION
    user.health_data_consented_at = timezone.now()
    user.save(update_fields=["health_data_consent_version", "health_data_consented_at"])
    if timezone_name:
        account_update(user, {"timezone": timezone_name})  # the zone's one writer
    return user


def consent_record(user: User, version: str) -> User:
    """Consent given by an API client to the text it showed, named by its version.

    Only the current text counts: a client showing an older (or unknown) text must fetch the current one
    (`current_version` in `GET account/`) and ask again, so a stale version is refused with InvalidInput.
    """
    if version != CONSENT_VERSION:
        current = gettext("The current consent text is version %(current)s, not %(given)s.")
        raise InvalidInput({"version": [current % {"current": repr(CONSENT_VERSION), "given": repr(version)}]})
    return consent_give(user)


def consent_state(user: User) -> dict[str, object]:
    """What `GET account/` shows: the version agreed to and when (null until given), and the current version."""
    return {
        "given_at": user.health_data_consented_at if user.health_data_consent_version else None,
        "version": user.health_data_consent_version or None,
        "current_version": CONSENT_VERSION,
    }
