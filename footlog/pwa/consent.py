"""Consent to storing health data: which text the user agreed to, and the gate in front of the app pages."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import ensure_csrf_cookie

from accounts.models import User
from footlog.api.scoping import user_of

# Bump when the consent text in templates/pwa/welcome.html changes in substance: everyone is asked again.
CONSENT_VERSION = "2026-11-v1"


def has_current_consent(user: User) -> bool:
    return user.health_data_consent_version == CONSENT_VERSION


def consent_give(user: User, *, timezone_name: str | None = None) -> User:
    """Record consent to the current text now; also store the detected time zone when one is given."""
    user.health_data_consent_version = CONSENT_VERSION
    user.health_data_consented_at = timezone.now()
    fields = ["health_data_consent_version", "health_data_consented_at"]
    if timezone_name:
        user.timezone = timezone_name
        fields.append("timezone")
    user.save(update_fields=fields)
    return user


def app_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the app: signed in, and consent to the current text given (else the welcome step)."""

    # The script sends X-CSRFToken from the cookie: make sure the cookie exists even on pages with no form.
    @login_required
    @ensure_csrf_cookie
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_current_consent(user_of(request)):
            return redirect(f"{reverse('pwa:welcome')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapped
