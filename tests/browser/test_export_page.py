"""The Export page at phone size: questions reach the PDF, which is built as a report job with a progress bar
and the button disabled meanwhile; a reversed range is told inline; a new share link can be copied, opened in a
fresh browser (no email on the page) and revoked only after a confirmation."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from pypdf import PdfReader

from footlog.exports import report_jobs
from footlog.exports.models import ReportJob
from footlog.sharing.models import Share
from tests.browser.conftest import shoot, sign_in, until
from tests.exports.builders import log_entry
from tests.support.browser import PHONE
from tests.support.services import wait_for

pytestmark = pytest.mark.browser


@pytest.fixture
def logged(consented: Any) -> Any:
    today = dt.date.today()
    for offset in range(10):
        log_entry(consented, today - dt.timedelta(days=offset), observations=[{"site": "left_heel", "count": 2}])
    return consented


def test_questions_reach_the_pdf_built_with_progress(page: Any, context: Any, logged: Any, live_server: Any) -> None:
    sign_in(context, logged, live_server.url)
    page.goto(f"{live_server.url}/export/")
    page.locator("#dl-questions").fill("Can I keep using the urea cream?")
    page.get_by_role("button", name="Report for the dermatologist (PDF)").click()
    job = wait_for(lambda: ReportJob.objects.filter(user=logged).first(), timeout=10)
    assert page.locator("#dl-pdf").is_disabled()
    assert page.locator("#dl-progress").is_visible()
    shoot(page, "40-export-building")
    with page.expect_download() as download:
        assert report_jobs.report_job_run(str(job.pk)) == "done"  # what the worker runs
    content = download.value.path().read_bytes()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Can I keep using the urea cream?" in " ".join(text.split())
    until(page, "!document.getElementById('dl-pdf').disabled")
    assert page.locator("#dl-progress").is_hidden()


def test_a_reversed_range_is_told_inline_and_nothing_is_asked(page: Any, context: Any, logged: Any, live_server: Any):
    sign_in(context, logged, live_server.url)
    page.goto(f"{live_server.url}/export/")
    page.fill("#dl-from", "2026-11-20")
    page.fill("#dl-to", "2026-11-01")
    page.get_by_role("button", name="Report for the dermatologist (PDF)").click()
    assert page.get_by_role("alert").filter(has_text="The first date is after the last one").is_visible()
    assert page.url == f"{live_server.url}/export/"
    assert not ReportJob.objects.filter(user=logged).exists()
    page.get_by_role("button", name="Table (CSV)").click()  # the same check guards every download
    assert page.url == f"{live_server.url}/export/"
    shoot(page, "41-export-range-error")


def test_share_link_copied_opened_fresh_and_revoked_after_confirming(
    chromium: Any, page: Any, context: Any, logged: Any, live_server: Any
) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    sign_in(context, logged, live_server.url)
    page.goto(f"{live_server.url}/export/")
    page.get_by_role("button", name="Create link").click()
    link = page.locator("#share-url").input_value()
    assert link.startswith(live_server.url + "/share/")
    assert page.locator("#share-share").is_hidden()  # no navigator.share in desktop Chromium: not offered
    page.get_by_role("button", name="Copy link").click()
    page.get_by_text("Link copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == link
    shoot(page, "42-export-share-created")

    fresh = chromium.new_context(**PHONE)
    try:
        reader = fresh.new_page()
        reader.goto(link)
        body = reader.locator("body").inner_text()
        assert "Left heel" in body and logged.email not in body
    finally:
        fresh.close()

    page.goto(f"{live_server.url}/export/")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Revoke").click()
    assert Share.objects.get(user=logged).revoked_at is None  # dismissed: nothing revoked
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke").click()
    page.get_by_text("The link is revoked: it no longer opens.").wait_for()
    assert Share.objects.get(user=logged).revoked_at is not None
    gone = chromium.new_context(**PHONE)
    try:
        reader = gone.new_page()
        answer = reader.goto(link)
        assert answer is not None and answer.status == 404
        reader.get_by_text("This link has expired, was withdrawn, or is mistyped.").wait_for()
        shoot(reader, "43-share-gone")
    finally:
        gone.close()
