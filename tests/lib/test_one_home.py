"""One home for each rule (issue 24, item 5): the private-answer helper and its page decorator, the account's
today, the window arithmetic, and named routes instead of written paths."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from footlog.lib.private import NO_REFERRER, NOINDEX, PRIVATE, private_page, private_response
from tests.conftest import logged_in

ROOT = Path(__file__).resolve().parents[2]
CODE = [
    p for top in ("footlog", "accounts", "reminders") for p in (ROOT / top).rglob("*.py") if "migrations" not in p.parts
]


def test_private_response_marks_an_answer_and_keeps_stricter_directives() -> None:
    plain = private_response(HttpResponse("x"))
    assert plain["Cache-Control"] == PRIVATE
    assert "Referrer-Policy" not in plain and "X-Robots-Tag" not in plain
    stricter = HttpResponse("x")
    stricter["Cache-Control"] = "private, no-store, max-age=0"
    assert private_response(stricter)["Cache-Control"] == "private, no-store, max-age=0"
    weaker = HttpResponse("x")
    weaker["Cache-Control"] = "max-age=86400"
    assert private_response(weaker)["Cache-Control"] == PRIVATE
    shared = private_response(HttpResponse("x"), filename="a.pdf", inline=True, no_referrer=True, noindex=True)
    assert shared["Content-Disposition"] == 'inline; filename="a.pdf"'
    assert (shared["Referrer-Policy"], shared["X-Robots-Tag"]) == (NO_REFERRER, NOINDEX)
    assert (
        private_response(HttpResponse("x"), filename="b.csv")["Content-Disposition"] == 'attachment; filename="b.csv"'
    )


def test_private_page_decorates_a_view_with_or_without_options() -> None:
    @private_page
    def plain(request):
        return HttpResponse("x")

    @private_page(no_referrer=True)
    def secret(request):
        return HttpResponse("x")

    request = RequestFactory().get("/")
    assert plain(request)["Cache-Control"] == PRIVATE and "Referrer-Policy" not in plain(request)
    assert secret(request)["Referrer-Policy"] == NO_REFERRER and secret(request)["Cache-Control"] == PRIVATE
    assert plain.__name__ == "plain"


@pytest.mark.parametrize("path", ["/history/", "/history/calendar/", "/photos/left_heel/"])
def test_the_log_pages_are_private(user, path) -> None:
    response = logged_in(user).get(path)
    assert response.status_code == 200
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_the_unsubscribe_page_is_private_and_sends_no_referrer(db) -> None:
    from django.test import Client
    from django.urls import reverse

    response = Client().get(reverse("reminder-unsubscribe", kwargs={"token": "not-a-token"}))
    assert response["Referrer-Policy"] == NO_REFERRER
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}


def test_headers_of_private_answers_have_one_home() -> None:
    """No module but footlog/lib/private.py writes these headers itself (settings keep the site default)."""
    written = re.compile(r"""\[\s*["'](Referrer-Policy|X-Robots-Tag|Cache-Control)["']\s*\]\s*=""")
    found = []
    for path in CODE:
        if path.name == "private.py" and path.parent.name == "lib":
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if written.search(line) and "no-cache" not in line:  # the service worker's revalidation, not privacy
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
    uses = [p for p in CODE if "cache_control(private=True" in p.read_text()]
    assert not uses, uses


def test_the_account_today_follows_its_zone(make_user) -> None:
    east, west = make_user(timezone="Asia/Tokyo"), make_user(timezone="America/Los_Angeles")
    moment = dt.datetime(2026, 12, 7, 15, 30, tzinfo=dt.UTC)  # 00:30 on the 8th in Tokyo, 07:30 on the 7th in LA
    assert east.today(moment) == dt.date(2026, 12, 8)
    assert west.today(moment) == dt.date(2026, 12, 7)


def test_today_is_asked_of_the_account() -> None:
    """`today_in(user.timezone)` is written nowhere: `user.today()` is the one home (lib.dates keeps the zone
    arithmetic itself, used by the account and by the import's zip zone)."""
    found = [f"{p.relative_to(ROOT)}" for p in CODE if re.search(r"today_in\([^)]*\.timezone\)", p.read_text())]
    assert not found, found


def test_the_window_arithmetic_has_one_home() -> None:
    from footlog.timeline.analysis.types import window_start

    end = dt.date(2026, 12, 7)
    assert window_start(end, 1) == end
    assert window_start(end, 14) == dt.date(2026, 11, 24)  # end and the 13 days before
    assert window_start(end, 90) == end - dt.timedelta(days=89)
    assert window_start(dt.date(1, 1, 5), 90) == dt.date(1, 1, 1)  # stops at the first date
    analysis = ROOT / "footlog" / "timeline" / "analysis"
    for name in ("rules.py", "core.py"):
        assert not re.search(r"days_before\([^)]*- 1\)", (analysis / name).read_text()), name


def test_python_code_names_routes_instead_of_writing_paths() -> None:
    """App paths come from reverse(): a written "/api/v1/...", "/share/..." or "/timeline/" in a string is a
    route that can drift from urls.py. Prefixes matched against any path are not routes: the API middleware's
    and the log redaction's."""
    pattern = re.compile(r"^/(api/v1/|share/|shl/|timeline/|offline/|manifest\.webmanifest|account/)")
    found = []
    for path in CODE:
        if path.name in ("urls.py", "settings.py", "middleware.py", "logredact.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            values = []
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                values = [node.value]
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                values = [str(node.values[0].value)]
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {v}" for v in values if pattern.match(v)]
    assert not found, "\n".join(found)
