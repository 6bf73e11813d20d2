"""footlog's English: allauth's Title Case in sentence case (locale/en), one style on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import translation

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def po_pairs() -> list[tuple[str, str]]:
    return [(a, b) for a, b in re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', PO.read_text(), re.MULTILINE)]


def test_the_compiled_catalogue_agrees_with_its_source() -> None:
    """The committed .mo is what Django reads: a .po edited without `msgfmt` would change nothing."""
    pairs = po_pairs()
    assert len(pairs) > 40
    with translation.override("en"):
        assert [translation.gettext(a) for a, _ in pairs] == [b for _, b in pairs]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/accounts/signup/", "Sign up"),
        ("/accounts/login/", "Sign in"),
        ("/accounts/password/reset/", "Password reset"),
        ("/", "Sign up"),
    ],
)
def test_signed_out_pages_say_sign_up_and_sign_in_in_sentence_case(path: str, heading: str) -> None:
    html = Client().get(path).content.decode()
    assert heading in html
    for title_case in ("Sign Up", "Sign In", "Signup", "Password Reset", "Reset My Password", "Remember Me"):
        assert title_case not in html, (path, title_case)
