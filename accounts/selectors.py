"""Reads about the account that pages show (the Settings page's passkeys and danger zone)."""

from __future__ import annotations

from allauth.mfa.models import Authenticator

from accounts.models import User


def sign_in_state(user: User) -> dict[str, object]:
    """How the person signs in: their passkeys' count, whether a password is set, and whether recovery codes
    wait to be seen (shown once). How deletion is confirmed is footlog.portability.deletion_code.needs_code."""
    codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    return {
        "passkeys": Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).count(),
        "unseen_recovery_codes": bool(codes and not codes.wrap().did_view),
        "has_password": user.has_usable_password(),
    }
