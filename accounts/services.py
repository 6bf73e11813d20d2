from __future__ import annotations

from typing import Any

from accounts.models import User


def account_update(user: User, changes: dict[str, Any]) -> User:
    """Change the profile fields a user may edit (display name, time zone)."""
    for name in ("display_name", "timezone"):
        if name in changes:
            setattr(user, name, changes[name])
    user.save(update_fields=[name for name in ("display_name", "timezone") if name in changes])
    return user
