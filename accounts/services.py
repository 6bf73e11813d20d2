from __future__ import annotations

from accounts.models import User
from accounts.signals import timezone_changed

PROFILE_FIELDS = ("display_name", "timezone", "language")


def account_update(user: User, changes: dict[str, object]) -> User:
    """Change the profile fields a user may edit (display name, time zone, language).

    The one writer of `User.timezone` (Settings, the account API, consent, reminder preferences and the import
    all come here). A changed zone is announced with `accounts.signals.timezone_changed`, so that the apps
    above (reminders) follow it without this module importing them.
    """
    moved = "timezone" in changes and changes["timezone"] != user.timezone
    fields = [name for name in PROFILE_FIELDS if name in changes]
    for name in fields:
        setattr(user, name, changes[name])
    user.save(update_fields=fields)
    if moved:
        timezone_changed.send(sender=User, user=user)
    return user
