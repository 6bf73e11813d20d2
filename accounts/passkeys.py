"""Passkeys come from allauth's MFA (settings: MFA_*); this module adds two things to it, installed once by
accounts.apps.AccountsConfig.ready().

- Total WebAuthn parsing. allauth 65.21.1 turns most malformed credentials into its "incorrect_code" form error,
  but not all: a credential without `rawId`, or with binary fields that are not what they claim, escapes fido2 as
  KeyError, struct.error and the like and becomes a 500. Both the pages' forms and the headless inputs call these
  functions through the module (`auth.parse_authentication_response(...)`), so wrapping them there covers every
  entry point.
- Recovery codes for an account made with a passkey (see `recovery_codes_for_passkey_signup`).
"""

from __future__ import annotations

import functools
import logging
import struct
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from django.core.exceptions import ValidationError

if TYPE_CHECKING:
    from allauth.mfa.models import Authenticator
    from django.http import HttpRequest

    from accounts.models import User

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

# What fido2 raises on input it cannot read. ValidationError (allauth's own refusal) passes through untouched.
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError, struct.error)
WRAPPED = (
    "parse_registration_response",
    "complete_registration",
    "parse_authentication_response",
    "extract_user_from_response",
    "complete_authentication",
)


def _refusing_malformed(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        # allauth's MFA modules import its models: loaded on first use (this module is imported by AppConfig.ready)
        from allauth.mfa.adapter import get_adapter

        try:
            return func(*args, **kwargs)
        except ValidationError:
            raise
        except MALFORMED as exc:
            # The type only: the credential is the client's and is not logged.
            log.info("passkey credential refused as malformed (%s)", type(exc).__name__)
            raise get_adapter().validation_error("incorrect_code") from None

    wrapper.footlog_total = True  # type: ignore[attr-defined]  # a mark on the function, read back below (idempotent patching)
    return wrapper


def make_webauthn_parsing_total() -> None:
    # allauth's MFA modules import its models: loaded on first use (this module is imported by AppConfig.ready)
    from allauth.mfa.webauthn.internal import auth

    for name in WRAPPED:
        func = getattr(auth, name)
        if not getattr(func, "footlog_total", False):
            setattr(auth, name, _refusing_malformed(func))


def recovery_codes_for_passkey_signup(
    sender: object, request: HttpRequest, user: User, authenticator: Authenticator, **kwargs: object
) -> None:
    """allauth makes recovery codes with the first passkey added in Settings, but not with the one made at a
    passkey sign-up: such an account (no password) would be locked out with its phone lost. Make them here too;
    Settings offers them, shown once. During sign-up the person is not signed in yet, which is also allauth's test
    (recovery_codes.internal.flows.auto_generate_recovery_codes) for leaving this path to us."""
    # allauth's MFA modules import its models: loaded on first use (this module is imported by AppConfig.ready)
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    if authenticator.type != Authenticator.Type.WEBAUTHN or request.user.is_authenticated:
        return
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists():
        RecoveryCodes.activate(user)
