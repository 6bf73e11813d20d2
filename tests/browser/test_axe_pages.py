"""axe-core on every page, signed out and in, light and dark, at phone size (390x844): zero violations.

axe-core comes pinned with axe-playwright-python (requirements-dev.txt). Its experimental rules run too: one of
them, label-content-name-mismatch, is what a voice-control user trips on (say what you see, nothing happens).
Each page is loaded once and checked in both themes (the emulated colour scheme switched on the loaded page); the
dark pass runs the rules that depend on colour only (the rest read the DOM, which is the same in both themes),
which keeps the walk inside its CI budget.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import URLPattern, URLResolver, get_resolver

from footlog.lib.dates import today_in
from footlog.sharing.services import share_create
from reminders.messages import unsubscribe_token
from tests.browser.conftest import sign_in
from tests.exports.builders import add_photo, log_entry
from tests.support.browser import PHONE

pytestmark = pytest.mark.browser

AXE = Axe()
RUN = "axe.run(document, %s).then(r => r.violations)"
EXPERIMENTAL = [
    "label-content-name-mismatch",
    "p-as-heading",
    "table-fake-caption",
    "td-has-header",
    "css-orientation-lock",
]
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Every HTML page a person reaches, by its URL pattern; {day} {share} {locked} {unsubscribe} are filled in below.
SIGNED_OUT = {
    "": "/",
    "accounts/login/": "/accounts/login/",
    "accounts/signup/": "/accounts/signup/",
    "accounts/signup/passkey/": "/accounts/signup/passkey/",
    "accounts/password/reset/": "/accounts/password/reset/",
    "privacy/": "/privacy/",
    "share/<str:token>/": "/share/{share}/",
    "share/<str:token>/ (passcode)": "/share/{locked}/",
    "share/<str:token>/ (gone)": "/share/no-such-link/",
    "shl/view": "/shl/view#{shlink}",
    "reminders/unsubscribe/<str:token>/": "/api/v1/reminders/unsubscribe/{unsubscribe}/",
    "offline/": "/offline/",
    "account-deleted/": "/account-deleted/",
    "(404)": "/no-such-page/",
}
SIGNED_IN = {
    "": "/",
    "day/<date>/": "/day/{day}/",
    "history/": "/history/",
    "history/calendar/": "/history/calendar/",
    "timeline/": "/timeline/",
    "photos/<slug:site>/": "/photos/left_heel/",
    "settings/": "/settings/",
    "export/": "/export/",
    "accounts/email/": "/accounts/email/",
    "accounts/password/change/": "/accounts/password/change/",
    "accounts/reauthenticate/": "/accounts/reauthenticate/",
    "accounts/logout/": "/accounts/logout/",
    "accounts/2fa/": "/accounts/2fa/",
    "accounts/2fa/webauthn/": "/accounts/2fa/webauthn/",
}
# URL patterns that are no page of their own: files, API, redirects, or pages reached only inside a flow that
# another test walks (the code steps need a mailed code; passkey steps need an authenticator).
NOT_WALKED = {
    "sw.js",
    "manifest.webmanifest",
    "favicon.ico",
    "healthz",
    "readyz",
    "metrics",
    "jsi18n/",  # the JavaScript translation catalog (a script)
    "i18n/setlang/",  # the language switch: a POST that redirects back
    "share/<str:token>/report.pdf",
    "share/<str:token>/photos/<uuid:photo_id>",
    "shl/file/<str:ticket>",
    "shl/<str:manifest_id>",
    "welcome/",  # consent step: tests/browser/test_first_minutes.py
    "accounts/inactive/",
    "accounts/confirm-email/",
    "accounts/password/set/",
    "accounts/login/code/confirm/",
    "accounts/password/reset/confirm/",
    "accounts/password/reset/complete/",
    "accounts/password/reset/done/",
    "accounts/2fa/authenticate/",
    "accounts/2fa/reauthenticate/",
    "accounts/2fa/recovery-codes/",
    "accounts/2fa/recovery-codes/generate/",
    "accounts/2fa/recovery-codes/download/",
    "accounts/2fa/webauthn/add/",
    "accounts/2fa/webauthn/reauthenticate/",
    "accounts/2fa/webauthn/keys/<int:pk>/remove/",
    "accounts/2fa/webauthn/keys/<int:pk>/edit/",
    "accounts/2fa/webauthn/login/",
    "accounts/2fa/webauthn/signup/",
    "api/schema/",
    "api/docs/",  # the API's own (Swagger UI's look)
}


def page_patterns() -> set[str]:
    """The URL patterns of the HTML side (the API, admin and allauth's headless JSON left out)."""
    found: set[str] = set()

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            route = prefix + str(p.pattern).lstrip("^").rstrip("$")
            if isinstance(p, URLResolver):
                if not route.startswith(("api/", "admin/", "_allauth/")):
                    walk(p.url_patterns, route)
            elif isinstance(p, URLPattern):
                found.add(route)

    walk(get_resolver().url_patterns, "")
    found.add("reminders/unsubscribe/<str:token>/")  # an HTML page under /api/v1/
    return {"day/<date>/" if r.startswith("day/") else r for r in found}


def test_the_walk_covers_every_page_of_the_url_confs() -> None:
    listed = {k.split(" (")[0] for k in (*SIGNED_OUT, *SIGNED_IN) if not k.startswith("(")}
    assert page_patterns() - listed - NOT_WALKED == set()
    assert (listed | NOT_WALKED) - page_patterns() == set()


def violations(page: Any, rules: list[str] | None) -> list[str]:
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    else:
        options["rules"] = {rule: {"enabled": True} for rule in EXPERIMENTAL}
    found = page.evaluate(RUN % json.dumps(options))
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}" for v in found for node in v["nodes"]
    ]


def a_fortnight(user: Any, today: dt.date) -> None:
    """Enough history for every kind of mark on the pages: statuses, a red flag, gaps, photos, the chart."""
    for back in range(14, -1, -1):
        if back in (4, 9):
            continue  # days not logged
        count = max(0, 6 - back // 2)
        flag = {"bleeding": True, "pain": 6} if back == 1 else {}
        entry = log_entry(
            user,
            today - dt.timedelta(days=back),
            observations=[
                {"site": "left_heel", "count": count, **flag},
                {"site": "right_ankle_outer", "count": back % 3},
            ],
            routine={"wash": True, "moisturise": back % 2 == 0},
            notes="Long walk." if back == 2 else "",
        )
        if back in (0, 7, 14):
            add_photo(user, entry, "left_heel")


def test_axe_finds_nothing_on_any_page_in_either_theme(
    chromium: Any, live_server: Any, make_user: Any, transactional_db: None
) -> None:
    user = make_user(timezone="Asia/Tokyo")
    today = today_in("Asia/Tokyo")
    a_fortnight(user, today)
    shared = share_create(user, start=today - dt.timedelta(days=20), end=today, include_photos=True, expires_in_days=3)
    fill = {
        "day": (today - dt.timedelta(days=3)).isoformat(),
        "share": shared.token,
        "shlink": shared.shlink(live_server.url + shared.manifest_path),
        "locked": share_create(
            user, start=today, end=today, include_photos=False, expires_in_days=3, passcode="a long passcode 1"
        ).token,
        "unsubscribe": unsubscribe_token(user.pk),
    }
    found: dict[str, list[str]] = {}
    context = chromium.new_context(**PHONE, color_scheme="light")
    context.add_init_script(AXE.axe_script)  # once per context, not sent again with every page
    page = context.new_page()
    try:
        for signed, pages in (("out", SIGNED_OUT), ("in", SIGNED_IN)):
            if signed == "in":
                sign_in(context, user, live_server.url)
            for name, path in pages.items():
                page.goto(live_server.url + path.format(**fill), wait_until="load")
                if name == "shl/view":
                    page.locator("#summary:not([hidden])").wait_for()  # decrypted in the browser
                # Both themes on one load: the dark colours come from CSS alone (media queries, no script reads
                # the scheme), so switching the emulated scheme restyles the same page, as a phone's setting does.
                for scheme in ("light", "dark"):
                    page.emulate_media(color_scheme=scheme)
                    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
                    found[f"{scheme}, signed {signed}: {name}"] = violations(
                        page, COLOUR_RULES if scheme == "dark" else None
                    )
                page.emulate_media(color_scheme="light")
    finally:
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
