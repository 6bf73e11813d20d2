"""Which language a request, a mail or a report speaks (issue 26, docs/languages.md).

Resolution for a request: the account's chosen language, else the browser's (Accept-Language, or the switch's
cookie on signed-out pages, both read by Django's LocaleMiddleware), else English. Mails and pushes have no
browser: the account's language, else English.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from django.views.decorators.http import require_POST
from django.views.i18n import JavaScriptCatalog, set_language

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _ in settings.LANGUAGES)
# The languages whose page scripts load a JavaScript catalog: English pages load none (the scripts' words are
# the msgids; app.js gives gettext & co. as the identity), so English costs no byte more.
JS_CATALOG_LANGUAGES: tuple[str, ...] = tuple(code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE)


def known(code: str | None) -> bool:
    """One of the languages footlog speaks now (settings.LANGUAGES, read each time: tests add a pseudo-language)."""
    return bool(code) and any(code == shipped for shipped, _ in settings.LANGUAGES)


def account_language(user: User | AnonymousUser) -> str | None:
    """The language the user picked in Settings, or None (follow the browser)."""
    chosen = getattr(user, "language", None)
    return chosen if known(chosen) else None


def activate_for(user: User | AnonymousUser) -> None:
    """Speak the user's chosen language for the rest of this request (a no-op when they chose none)."""
    chosen = account_language(user)
    if chosen:
        translation.activate(chosen)


@contextlib.contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Render in `language` (a known code) or English: mails, pushes and reports, which have no browser."""
    with translation.override(language if known(language) else settings.LANGUAGE_CODE):
        yield


def user_speaking(user: User | AnonymousUser) -> contextlib.AbstractContextManager[None]:
    return speaking(account_language(user))


class AccountLanguageMiddleware:
    """After the session's user is known: their chosen language wins over the browser's. API calls signed in
    with a session token get the same from footlog.api.authentication."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            activate_for(user)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """The switch on signed-out pages (and any page): Django's set_language (a cookie), and for a signed-in user
    the account's language too, so that their mails follow."""
    response = set_language(request)
    code = request.POST.get("language", "")
    user = getattr(request, "user", None)
    if known(code) and user is not None and user.is_authenticated and user.language != code:
        user.language = code
        user.save(update_fields=["language"])
    return response


# --- the page scripts' words (djangojs) --------------------------------------------------------------------------
# Each catalog is a static file (footlog/static/jsi18n/<lang>.js, written by `manage.py js_catalogs`, run by `make
# messages`): collected under a hashed name it is cached for a year, precompressed, and kept by the service worker
# for offline use; a per-request /jsi18n/ answer would be fetched again on every visit. tests/i18n checks that the
# committed files are fresh.


def js_catalog_path(language: str) -> str:
    return f"jsi18n/{language}.js"


def js_catalog_url(language: str | None = None) -> str | None:
    """The (hashed) URL of `language`'s catalog (default: the active language), or None: English has none."""
    language = language or translation.get_language()
    if language in JS_CATALOG_LANGUAGES:
        return static(js_catalog_path(language))
    # A language added at run time (the tests' pseudo-language) has no file: Django's per-request catalog.
    return reverse("javascript-catalog") if known(language) and language != settings.LANGUAGE_CODE else None


class _FootlogCatalog(JavaScriptCatalog):
    """Django's catalog script with footlog's own words only (LOCALE_PATHS, not the admin's JavaScript strings)
    and no date formats: the scripts format dates and numbers with Intl in the page's language."""

    def get_context_data(self, **kwargs: object) -> dict[str, object]:
        return {**super().get_context_data(**kwargs), "formats": {}}


def js_catalog_text(language: str) -> str:
    with translation.override(language):
        view = _FootlogCatalog()
        view.translation = DjangoTranslation(
            language, domain="djangojs", localedirs=[str(path) for path in settings.LOCALE_PATHS]
        )
        return view.render_to_response(view.get_context_data()).content.decode()
