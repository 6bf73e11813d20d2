"""The first minutes: the signed-out landing and the favicon (templates/404.html and 500.html are the error pages)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from csp.decorators import csp_exempt
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

FAVICON = "footlog/icons/favicon.ico"


def landing_when_signed_out(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """`/` is the app for a signed-in person and, for anyone else, the page that says what footlog is."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return landing(request)
        return view(request, *args, **kwargs)

    return wrapped


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "pwa/landing.html")


@require_safe
def account_deleted(request: HttpRequest) -> HttpResponse:
    """Where Settings' "Delete my account" ends (signed out by then): the word that it is done. Names no account;
    a signed-in visitor has nothing deleted, and is sent to the app."""
    if request.user.is_authenticated:
        return redirect("pwa:today")
    return render(request, "pwa/deleted.html")


@require_safe
@cache_control(max_age=86400, public=True)
@csp_exempt()  # an image: a policy here protects nothing and is ~300 bytes of every first visit (Today ≤ 40 KB)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico on their own, even where no page points at it (a JSON answer, a PDF)."""
    path = finders.find(FAVICON)
    return HttpResponse(Path(str(path)).read_bytes(), content_type="image/x-icon")
