from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext

from footlog.lib.client_ip import client_ip

if TYPE_CHECKING:
    from allauth.account.models import EmailAddress

    from accounts.models import User


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth: no type hints
    """Emails are stored lower-case so that one person cannot hold two accounts by letter case."""

    def clean_email(self, email: str) -> str:
        cleaned: str = super().clean_email(email)
        return cleaned.strip().lower()

    def get_email_verification_redirect_url(self, email_address: EmailAddress) -> str:
        return str(settings.LOGIN_REDIRECT_URL)

    def get_reauthentication_methods(self, user: User) -> list[dict[str, str]]:
        """The first is where a sensitive change sends the person: the password when there is one, else the
        passkey (allauth's order would ask an account made with a passkey for a recovery code first)."""
        methods: list[dict[str, str]] = super().get_reauthentication_methods(user)
        words = {
            "mfa_reauthenticate:webauthn": gettext("Use your passkey"),
            "mfa_reauthenticate": gettext("Use a recovery code"),
        }
        order = ["reauthenticate", "mfa_reauthenticate:webauthn", "mfa_reauthenticate"]
        for method in methods:
            method["description"] = words.get(method["id"], method["description"])
        return sorted(methods, key=lambda m: order.index(m["id"]) if m["id"] in order else len(order))

    def get_client_ip(self, request: HttpRequest) -> str:
        # allauth's rate limits key on this: behind our proxies, the client they name (FOOTLOG_TRUSTED_PROXIES).
        return client_ip(request)
