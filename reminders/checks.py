"""System checks of the reminders settings."""

from __future__ import annotations

from collections.abc import Sequence

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, register


@register(Tags.security, deploy=True)
def push_allow_list_is_not_for_production(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: object
) -> list[CheckMessage]:
    """`manage.py check --deploy` fails while push may reach private addresses (a test-only exemption)."""
    hosts = tuple(getattr(settings, "REMINDERS_PUSH_ALLOWED_HOSTS", ()))
    if not hosts:
        return []
    return [
        Error(
            f"FOOTLOG_PUSH_ALLOWED_HOSTS is set ({', '.join(hosts)}): Web Push may then reach those hosts over "
            "http and on private addresses.",
            hint="Unset it in production; it exists for a local test push service only.",
            id="reminders.E001",
        )
    ]
