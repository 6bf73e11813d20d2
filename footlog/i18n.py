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
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _ in settings.LANGUAGES)


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
