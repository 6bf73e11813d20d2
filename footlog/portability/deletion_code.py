"""The emailed code that lets an account without a password (passkeys only) confirm its deletion.

A password account confirms with its password (footlog.portability.services.account_delete). An account made
with a passkey has none, and a passkey ceremony is not something every API client can do, so it asks for a code
by mail instead:
six characters, valid ten minutes, three wrong tries and it is gone. Only a keyed hash of the code is kept, in
the shared cache; the code itself is in the mail and nowhere else (never logged).
"""

from __future__ import annotations

import secrets

from allauth.account.adapter import get_adapter
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext

from accounts.models import User
from footlog.lib.errors import InvalidInput

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a phone and typed on another
CODE_LENGTH = 6
CODE_TTL_SECONDS = 600
MAX_TRIES = 3
_SALT = "footlog.account-delete-code"


def needs_code(user: User) -> bool:
    """Accounts without a usable password confirm deletion by an emailed code."""
    return not user.has_usable_password()


def _key(user: User) -> str:
    return f"account-delete-code:{user.pk}"


def _digest(user: User, code: str) -> str:
    return salted_hmac(_SALT, f"{user.pk}:{code.strip().upper()}", algorithm="sha256").hexdigest()


def deletion_code_send(user: User) -> None:
    """Mail a fresh code to the account's address (replacing an earlier one). Refused for a password account."""
    if not needs_code(user):
        raise InvalidInput({"code": [gettext("This account has a password: confirm the deletion with it.")]})
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    cache.set(_key(user), {"digest": _digest(user, code), "tries": 0}, timeout=CODE_TTL_SECONDS)
    get_adapter().send_mail(
        "account/email/account_delete_code", user.email, {"code": code, "minutes": CODE_TTL_SECONDS // 60}
    )


def deletion_code_check(user: User, code: str) -> None:
    """Use up the account's code if `code` is it; else count a wrong try and raise InvalidInput."""
    stored = cache.get(_key(user))
    if not stored:
        raise InvalidInput({"code": [gettext("No valid code: ask for a new one (codes last 10 minutes).")]})
    if code and constant_time_compare(stored["digest"], _digest(user, code)):
        cache.delete(_key(user))
        return
    tries = stored["tries"] + 1
    if tries >= MAX_TRIES:
        cache.delete(_key(user))
        raise InvalidInput({"code": [gettext("The code is not correct. Too many tries: ask for a new code.")]})
    cache.set(_key(user), {**stored, "tries": tries}, timeout=CODE_TTL_SECONDS)
    raise InvalidInput({"code": [gettext("The code is not correct.")]})
