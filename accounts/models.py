from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone as django_timezone
from django.utils.translation import gettext

from footlog.lib.dates import is_valid_timezone, today_in

# The shipped languages (settings.LANGUAGES); a plain tuple here so that the migration does not follow settings.
LANGUAGE_CHOICES = [("en", "English"), ("de", "Deutsch"), ("es", "Español")]


def validate_timezone(value: str) -> None:
    """The one time-zone check of the account, its API, the reminders' API and Settings. The message names
    what was typed, so that a person sees which part was not understood."""
    if not is_valid_timezone(value):
        unknown = gettext("%(value)s is not a time zone footlog knows; use a name such as Europe/Berlin.")
        raise ValidationError(unknown % {"value": repr(value)})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: object) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: object) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A footlog user: logs in with an email address; dates are computed in `timezone`."""

    email = models.EmailField(max_length=254, unique=True)
    display_name = models.CharField(max_length=80, blank=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    # The language chosen in Settings (pages, mails, pushes); null = follow the browser (footlog/i18n.py).
    # Null, not "": the API's `language: null` means "none chosen", as the issue decided.
    language = models.CharField(max_length=8, null=True, blank=True, choices=LANGUAGE_CHOICES)  # noqa: DJ001
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=django_timezone.now)
    # Consent to storing health data: the version of the text agreed to and when (empty = not yet given).
    health_data_consent_version = models.CharField(max_length=32, blank=True)
    health_data_consented_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    def today(self, now: dt.datetime | None = None) -> dt.date:
        """The account's today: the calendar date in its time zone (the one home of "today" for an account;
        every date rule, range default and page counts from it). `now` is for a caller holding a moment."""
        return today_in(self.timezone, now)

    def clean(self) -> None:
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
