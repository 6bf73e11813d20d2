"""A report built by the worker speaks the language asked for when the job was made (exports 0007), not the
worker's: `language` in the body, else the user's (the account's choice, else the browser's, else English)."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from django.utils import translation
from pypdf import PdfReader

from accounts.models import User
from footlog.exports import report_jobs
from footlog.exports.models import ReportJob
from tests.exports.builders import log_entry

URL = "/api/v1/exports/report-jobs/"
BODY = {"from": "2026-09-01", "to": "2026-10-31"}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    """A request leaves its language active in this thread: later tests read English."""
    yield
    translation.activate("en")


@pytest.mark.parametrize(
    ("account", "browser", "asked", "kept"),
    [
        (None, None, None, "en"),  # no browser to ask in a test: English
        (None, "es-ES,es;q=0.9", None, "es"),
        ("de", "es", None, "de"),  # the account's choice over the browser's
        ("es", None, "de", "de"),  # asked for: the reader's language
    ],
)
def test_the_job_keeps_the_language_asked_for_else_the_users(api, user, account, browser, asked, kept):
    User.objects.filter(pk=user.pk).update(language=account)
    body = {**BODY, **({"language": asked} if asked else {})}
    headers = {"HTTP_ACCEPT_LANGUAGE": browser} if browser else {}
    created = api.post(URL, body, format="json", **headers)
    assert created.status_code == 202, created.content
    assert created.json()["language"] == kept
    assert ReportJob.objects.get(pk=created.json()["id"]).language == kept


@pytest.mark.parametrize("value", ["fr", "DE", ""])
def test_an_unknown_language_is_a_400_and_queues_nothing(api, value):
    response = api.post(URL, {**BODY, "language": value}, format="json")
    assert response.status_code == 400
    assert "language" in response.json()["errors"]
    assert not ReportJob.objects.exists()


def test_the_worker_renders_the_jobs_language_not_its_own(api, user):
    User.objects.filter(pk=user.pk).update(language="es")
    log_entry(user, "2026-10-01", observations=[{"site": "right_heel", "count": 4, "largest_mm": 1.5}])
    job = api.post(URL, {**BODY, "language": "de"}, format="json").json()
    translation.activate("es")  # whatever the worker's thread speaks, the job's language wins
    assert report_jobs.report_job_run(job["id"]) == "done"
    stored = ReportJob.objects.get(pk=job["id"]).file
    with stored.open("rb") as pdf:
        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf.read())).pages)
    assert "Rechte Ferse" in text and "1,5 mm" in text and "Protokoll von" in text
    for other in ("Right heel", "Talón derecho", "Red flags", "Page 1 of"):
        assert other not in text, other


def test_a_failed_jobs_error_is_read_in_the_readers_language(api, user):
    job = api.post(URL, BODY, format="json").json()
    ReportJob.objects.filter(pk=job["id"]).update(state="failed", error=report_jobs.BUILD_FAILED)
    assert api.get(f"{URL}{job['id']}/").json()["error"] == "The report could not be built; try again."
    User.objects.filter(pk=user.pk).update(language="de")
    german = api.get(f"{URL}{job['id']}/").json()["error"]
    assert german == "Der Bericht konnte nicht erstellt werden; versuchen Sie es erneut."
