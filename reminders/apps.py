from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import AppConfig

if TYPE_CHECKING:
    from accounts.models import User


class RemindersConfig(AppConfig):
    name = "reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Function-level: an AppConfig's ready() runs once the apps are loaded; modules with models cannot be
        # imported before that.
        from accounts.signals import timezone_changed
        from reminders import checks  # noqa: F401 (registers the system checks)

        timezone_changed.connect(_follow_timezone, dispatch_uid="footlog-reminders-follow-timezone")


def _follow_timezone(sender: object, user: User, **kwargs: object) -> None:
    """The account's zone changed (its one writer, accounts.services.account_update): move the next reminders."""
    from reminders.services import reminders_follow_timezone  # loaded only once the apps are ready

    reminders_follow_timezone(user)
