"""The gate in front of the app pages: signed in, and consent to the current text given (accounts.consent)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.csrf import ensure_csrf_cookie

from accounts.consent import has_current_consent
from footlog.api.scoping import user_of


def app_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the app: signed in, and consent to the current text given (else the welcome step)."""

    # The script sends X-CSRFToken from the cookie: make sure the cookie exists even on pages with no form.
    @login_required
    @ensure_csrf_cookie
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not has_current_consent(user_of(request)):
            return redirect(f"{reverse('pwa:welcome')}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapped
