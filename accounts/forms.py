"""The base allauth builds its sign-up forms on (ACCOUNT_SIGNUP_FORM_CLASS): the page's and the headless one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.contrib.auth.hashers import make_password

if TYPE_CHECKING:
    from django.http import HttpRequest

    from accounts.models import User


class SignupBase(forms.Form):
    """Sign-up does the same work whether or not the email already has an account.

    allauth answers a known email like a new one (it mails the owner instead of creating an account), but a new
    account hashes the password (the slow, deliberate part) and a known email did not: 0.5 s against 0.03 s
    told anyone which emails have an account. A valid sign-up for a known email now hashes the password too.
    """

    account_already_exists: bool

    def is_valid(self) -> bool:
        valid = super().is_valid()
        # A passkey sign-up has no password field, and a new passkey account hashes nothing: neither path hashes.
        has_password = "password1" in self.fields or "password" in self.fields
        known = getattr(self, "account_already_exists", False)
        if valid and has_password and known and not getattr(self, "_hashed", False):
            self._hashed = True
            make_password(self.cleaned_data.get("password1") or self.cleaned_data.get("password") or "")
        return valid

    def signup(self, request: HttpRequest, user: User) -> None:
        """allauth's hook for extra fields after a new user is saved: footlog has none."""
