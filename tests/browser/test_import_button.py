"""Settings → "Your data": the import button uploads an export zip, shows the job's progress and its outcome."""

from __future__ import annotations

from typing import Any

import pytest

from footlog.diary.models import Entry
from footlog.portability.account_import import account_import_run
from footlog.portability.models import ImportJob
from tests.browser.conftest import shoot, sign_in, until
from tests.conftest import logged_in
from tests.exports.builders import add_photo, log_entry
from tests.support.services import wait_for

pytestmark = pytest.mark.browser


def export_of(make_user: Any) -> bytes:
    source = make_user()
    for day in ("2026-10-01", "2026-10-02"):
        entry = log_entry(source, day, notes="from the old phone", observations=[{"site": "left_heel", "count": 2}])
    add_photo(source, entry, "left_heel")
    return b"".join(logged_in(source).get("/api/v1/account/export").streaming_content)


def test_import_from_settings_shows_progress_then_what_was_imported(
    page: Any, context: Any, consented: Any, make_user: Any, live_server: Any, tmp_path: Any
) -> None:
    zipped = tmp_path / "footlog-my-data.zip"
    zipped.write_bytes(export_of(make_user))
    sign_in(context, consented, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    page.get_by_label("Import a footlog export (zip)").set_input_files(str(zipped))
    page.get_by_role("button", name="Import", exact=True).click()
    job = wait_for(lambda: ImportJob.objects.filter(user=consented).first(), timeout=20)
    assert page.locator("#import-progress").is_visible() and page.locator("#import-button").is_disabled()
    assert account_import_run(str(job.pk)) == "done"  # what the worker runs
    page.get_by_text("Imported 2 days and 1 photo.").wait_for()
    until(page, "!document.getElementById('import-button').disabled")
    assert page.locator("#import-progress").is_hidden()
    assert Entry.objects.filter(user=consented).count() == 2
    shoot(page, "22-settings-imported")


def test_a_file_that_is_not_an_export_is_told_in_words(
    page: Any, context: Any, console: Any, consented: Any, live_server: Any, tmp_path: Any
) -> None:
    console.allow("status of 400")  # the refusal itself, which the page then tells in words
    other = tmp_path / "holiday.zip"
    other.write_bytes(b"not a zip at all")
    sign_in(context, consented, live_server.url)
    page.goto(f"{live_server.url}/settings/")
    page.get_by_label("Import a footlog export (zip)").set_input_files(str(other))
    page.get_by_role("button", name="Import", exact=True).click()
    page.get_by_text("The file is not a zip archive.").wait_for()
    assert not ImportJob.objects.filter(user=consented).exists()
