"""The public, read-only share page for a clinician: no login, the token in the URL is the only key.

Every answer carries noindex, no-referrer (the token must not leak to other sites through Referer) and
no-store. An unknown, malformed, expired or revoked token gets the same styled 404 page, so nothing can be learnt
by guessing; all requests, good or bad, count against a per-client rate limit (footlog/lib/client_ip.py).

A share with a passcode shows a passcode form first (POST); the right passcode sets a signed,
HttpOnly cookie scoped to the link's path that opens the page, its PDF and photos until the link expires; a wrong
one counts down the share's one counter (shared with its SMART Health Link manifest), and at zero the link is
gone like a revoked one.

The form is exempt from CSRF checks: under `Referrer-Policy: no-referrer` browsers send `Origin: null` with it,
which Django's check refuses, and the policy matters more. CSRF guards a site's ambient credentials; here the
only credential is the token in the path, and a site that knows it can post without anyone's browser.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from footlog.diary.photo_storage import photo_bytes
from footlog.exports.pdf import render_pdf
from footlog.exports.photos import owned_photo_reader
from footlog.exports.report import build_report
from footlog.i18n import known, speaking
from footlog.lib.client_ip import client_ip
from footlog.lib.private import private_response
from footlog.lib.ratelimit import rate_limit_hit
from footlog.sharing import selectors, services, tokens
from footlog.sharing.models import Share

DEFAULT_RATE_PER_MINUTE = 60
UNLOCK_COOKIE = "footlog_share_unlocked"
UNLOCK_SALT = "footlog.share.passcode"


def _not_found(request: HttpRequest) -> HttpResponse:
    """The same page for an unknown, expired or revoked link (no oracle between them), still a 404."""
    return render(request, "share/gone.html", status=404)


def _too_many() -> HttpResponse:
    response = HttpResponse("Too many requests; wait a minute.", status=429, content_type="text/plain")
    response["Retry-After"] = "60"
    return response


View = Callable[..., HttpResponse]


def share_view(view: Callable[..., HttpResponse], *, page: bool = False) -> View:
    """Rate-limit, resolve the token to an open share (or 404), ask for its passcode when it has one, and add
    the share headers to any answer. Only the page (`page`) takes a POST: its passcode form."""

    @require_http_methods(["GET", "HEAD", "POST"] if page else ["GET", "HEAD"])
    @wraps(view)
    def wrapper(request: HttpRequest, token: str, **kwargs: object) -> HttpResponse:
        limit = getattr(settings, "FOOTLOG_SHARE_RATE_PER_MINUTE", DEFAULT_RATE_PER_MINUTE)
        if rate_limit_hit("share", client_ip(request), limit=limit):
            with speaking(_reader_language(request, None)):
                response = _too_many()
        elif (share := _open_share(token)) is None:
            with speaking(_reader_language(request, None)):
                response = _not_found(request)
        else:
            with speaking(_reader_language(request, share)):
                response = _answer(request, share, token, **kwargs)
        # Someone's health data behind a secret link: private, never a Referer, never indexed.
        return private_response(response, no_referrer=True, noindex=True)

    def _answer(request: HttpRequest, share: Share, token: str, **kwargs: object) -> HttpResponse:
        if request.method == "POST" and not share.has_passcode:
            return HttpResponseNotAllowed(["GET", "HEAD"])  # nothing to post without a passcode
        if share.has_passcode and (request.method == "POST" or not _unlocked(request, share)):
            # The PDF and photos of a passcode share not unlocked in this browser send it to the page, which asks.
            return _passcode_gate(request, share, token) if page else _to_page(token, request)
        return view(request, share, token, **kwargs)

    return wrapper


def _reader_language(request: HttpRequest, share: Share | None) -> str:
    """A `?language=` on the link (the page's own PDF link carries it), else the language the patient chose for
    the reader when sharing, else the reader's browser (LocaleMiddleware)."""
    for chosen in (request.GET.get("language", ""), share.language if share else ""):
        if known(chosen):
            return chosen
    return translation.get_language()


def _page_path(token: str) -> str:
    return reverse("share-page", kwargs={"token": token})


def _to_page(token: str, request: HttpRequest | None = None) -> HttpResponse:
    chosen = request.GET.get("language", "") if request is not None else ""  # the link's language stays
    query = f"?language={chosen}" if known(chosen) else ""
    return HttpResponseRedirect(_page_path(token) + query, status=303)


def _unlocked(request: HttpRequest, share: Share) -> bool:
    marker = request.get_signed_cookie(UNLOCK_COOKIE, default=None, salt=UNLOCK_SALT)
    return marker == str(share.pk)


def _passcode_gate(request: HttpRequest, share: Share, token: str) -> HttpResponse:
    """GET: the form. POST: the right passcode sets the cookie and goes to the page; a wrong one counts down."""
    if request.method != "POST":
        return render(request, "share/passcode.html", {"wrong": False})
    result = services.share_passcode_try(share, request.POST.get("passcode", ""))
    if result.locked:
        return _not_found(request)  # locked meanwhile: gone, like a revoked link
    if not result.ok:
        services.share_access_record(share, client_ip(request), request.headers.get("User-Agent", ""), "bad-passcode")
        if result.remaining <= 0:
            return _not_found(request)  # locked now: from here on the link is gone
        return render(request, "share/passcode.html", {"wrong": True, "remaining": result.remaining}, status=401)
    response = _to_page(token, request)
    seconds = max(1, int((share.expires_at - timezone.now()).total_seconds()))
    response.set_signed_cookie(
        UNLOCK_COOKIE,
        str(share.pk),
        salt=UNLOCK_SALT,
        max_age=seconds,
        path=_page_path(token),  # this link's page, PDF and photos only
        secure=request.is_secure(),
        httponly=True,
        samesite="Lax",
    )
    return response


def _open_share(token: str) -> Share | None:
    if not tokens.well_formed(token):
        return None
    share = selectors.share_by_token_hash(tokens.token_hash(token))
    if share is None or not share.is_open(timezone.now()):
        return None
    return share


def _share_page(request: HttpRequest, share: Share, token: str) -> HttpResponse:
    services.share_access_record(share, client_ip(request), request.headers.get("User-Agent", ""), "page")
    report = build_report(
        share.user,
        share.start,
        share.end,
        include_photos=share.include_photos,
        questions=share.questions,
        photo_src=lambda photo, size: (
            reverse("share-photo", kwargs={"token": token, "photo_id": photo.pk})
            + ("?size=display" if size == "display" else "")
        ),
    )
    return render(
        request,
        "share/page.html",
        {
            "report": report,
            "share": share,
            "pdf_url": reverse("share-pdf", kwargs={"token": token}) + f"?language={translation.get_language()}",
        },
    )


share_page = csrf_exempt(share_view(_share_page, page=True))


@share_view
def share_pdf(request: HttpRequest, share: Share, token: str) -> HttpResponse:
    services.share_access_record(share, client_ip(request), request.headers.get("User-Agent", ""), "pdf")
    report = build_report(
        share.user, share.start, share.end, include_photos=share.include_photos, questions=share.questions
    )
    reader = owned_photo_reader(share.user) if share.include_photos else None
    response = HttpResponse(render_pdf(report, reader), content_type="application/pdf")
    private_response(response, filename=f"footlog-report-{share.start}-{share.end}.pdf", inline=True)
    return response


@share_view
def share_photo(request: HttpRequest, share: Share, token: str, photo_id: uuid.UUID) -> HttpResponse:
    """A photo of the shared range, only when the share includes photos; anything else is the same 404, a photo
    whose file is missing included."""

    if not share.include_photos:
        return _not_found(request)
    photo = selectors.shared_photo(share, photo_id)
    if photo is None:
        return _not_found(request)
    content = photo_bytes(photo, "display" if request.GET.get("size") == "display" else "thumb")
    if content is None:
        return _not_found(request)
    response = HttpResponse(content, content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_http_methods(["GET", "HEAD"])
def shl_viewer(request: HttpRequest) -> HttpResponse:
    """footlog's SMART Health Link viewer (`/shl/view#shlink:/…`): a page with no data of its own. Its script
    reads the link from the URL's fragment, which browsers never send, so the key never reaches the server; it
    asks the manifest (and the passcode when flagged), decrypts in the browser and shows the summary."""
    return private_response(render(request, "share/viewer.html"), no_referrer=True, noindex=True)
