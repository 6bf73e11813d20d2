"""Public legal pages. The privacy page is static text plus a few figures read from settings, so what it
promises (how long sessions and share links live, where photos go) cannot drift from what the code does."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """GET /privacy/: readable without an account, so people can read it before they sign up."""
    context = {
        "session_days": settings.SESSION_COOKIE_AGE // 86400,
        "photo_storage": gettext("an S3-compatible bucket")
        if settings.FOOTLOG_S3_BUCKET
        else gettext("the server's disk"),
        "photo_max_mb": settings.FOOTLOG_PHOTO_MAX_BYTES // (1024 * 1024),
    }
    return render(request, "privacy.html", context)
