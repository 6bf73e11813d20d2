"""Timeline words agree (issue 23, item 7), as a person reads them in Chromium at 390×844: the header counts the
days logged within the window it names, a spot checked every day never reads "not checked since", and a spot's
own row carries its reason, in view on the phone. Texts come from the computed timeline, never from this file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from footlog.lib.dates import today_in
from tests.browser.conftest import sign_in
from tests.pwa.test_timeline_page import log, text_of

pytestmark = pytest.mark.browser


def test_the_timeline_header_rows_and_reasons_agree_on_a_phone(
    page: Any, context: Any, make_user: Any, live_server: Any
) -> None:
    user = make_user(timezone="Asia/Tokyo")
    today = today_in(user.timezone)
    for back in range(22):  # bumps on 22 of 22 checked days (the issue read "not checked since 25 Nov")
        sites: dict[str, dict] = {"left_toes": {"count": 2}}
        if back == 0:
            sites["left_heel"] = {"count": 3, "bleeding": True}
        log(user, today - dt.timedelta(days=back), **sites)
    server = Client()
    server.force_login(user)
    reasons = server.get("/timeline/").context["result"].recommendation.reasons
    heel = [text_of(str(r.message)) for r in reasons if r.site == "left_heel"]  # a Msg, rendered in English here
    assert heel

    sign_in(context, user, live_server.url)
    page.goto(f"{live_server.url}/timeline/")
    header = page.locator("#coverage").inner_text()
    match = re.search(r"(\d+ \w+)(?: \d{4})? – (\d+ \w+ \d{4}) · (\d+) of (\d+) days logged", header)
    assert match, header
    first = dt.datetime.strptime(f"{match[1]} {today.year}", "%d %b %Y").date()
    if first > today:  # the window began in the previous year
        first = first.replace(year=first.year - 1)
    assert first == today - dt.timedelta(days=21)  # the window starts at the first entry, not before
    assert (int(match[3]), int(match[4])) == (22, 22)  # the count is of that window
    assert "not checked" not in page.locator("main").inner_text()

    row = page.locator('tr.why[data-site="left_heel"]')
    row.scroll_into_view_if_needed()
    assert row.is_visible() and all(message in text_of(row.inner_text()) for message in heel)
    box = row.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390  # the reason fits the phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
