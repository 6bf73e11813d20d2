"""Report jobs: long ranges are built by the worker; the page polls progress and downloads when done."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from footlog.exports import report_jobs
from footlog.exports.models import ReportJob
from tests.exports.builders import log_entry
from tests.support.services import wait_for

URL = "/api/v1/exports/report-jobs/"
BODY = {"from": "2025-11-01", "to": "2026-10-31", "questions": "Has it spread?"}


@pytest.fixture
def year(user):
    for week in range(52):
        log_entry(
            user,
            dt.date(2025, 11, 1) + dt.timedelta(days=7 * week),
            routine={"wash": True},
            observations=[{"site": "left_sole", "count": 2 + week % 3, "largest_mm": 1.0}],
        )


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages).split())


def test_job_is_queued_then_built_once_and_downloadable(api, year):
    created = api.post(URL, BODY, format="json")
    assert created.status_code == 202
    job = created.json()
    assert (job["state"], job["progress"], job["download_url"]) == ("pending", 0, None)
    assert created["Location"] == f"{URL}{job['id']}/"
    assert api.get(f"{URL}{job['id']}/report.pdf").status_code == 409  # not ready yet

    assert report_jobs.report_job_run(job["id"]) == "done"  # what the worker runs
    polled = api.get(f"{URL}{job['id']}/").json()
    assert (polled["state"], polled["progress"]) == ("done", 100)
    download = api.get(polled["download_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(download.streaming_content))
    assert "Left sole" in text and "Has it spread?" in text and "1 Nov 2025" in text

    stored = ReportJob.objects.get(pk=job["id"]).file.name
    assert report_jobs.report_job_run(job["id"]) == "done"  # a redelivered message changes nothing
    assert ReportJob.objects.get(pk=job["id"]).file.name == stored


def test_a_failed_build_is_reported_not_hidden(api, year, monkeypatch):
    job = api.post(URL, BODY, format="json").json()
    monkeypatch.setattr("footlog.exports.pdf.render_pdf", lambda *a, **k: (_ for _ in ()).throw(OSError("disk")))
    assert report_jobs.report_job_run(job["id"]) == "failed"
    polled = api.get(f"{URL}{job['id']}/").json()
    assert polled["state"] == "failed" and polled["error"] and polled["download_url"] is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"from": "2026-11-01"}, "from"),
        ({"to": "31.10.2026"}, "to"),
        ({"from": "2020-01-01"}, "to"),
        ({"questions": "q" * 2001}, "questions"),
    ],
)
def test_bad_input_is_400_and_queues_nothing(api, changes, field):
    response = api.post(URL, {**BODY, **changes}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not ReportJob.objects.exists()


def test_outsider_gets_404_for_everything_of_a_job(api, outsider):
    job = api.post(URL, BODY, format="json").json()
    assert outsider.get(f"{URL}{job['id']}/").status_code == 404
    assert outsider.get(f"{URL}{job['id']}/report.pdf").status_code == 404


def test_anonymous_gets_401(anonymous, api):
    job = api.post(URL, BODY, format="json").json()
    assert anonymous.post(URL, BODY, format="json").status_code == 401
    assert anonymous.get(f"{URL}{job['id']}/").status_code == 401
    assert anonymous.get(f"{URL}{job['id']}/report.pdf").status_code == 401


@pytest.mark.services
def test_real_worker_builds_the_report(celery_worker, make_user):
    from tests.conftest import logged_in

    owner = make_user()
    client = logged_in(owner)
    log_entry(owner, "2026-10-01", observations=[{"site": "right_heel", "count": 4}])
    job = client.post(URL, {"from": "2026-09-01", "to": "2026-10-31"}, format="json").json()
    done = wait_for(
        lambda: (j := client.get(f"{URL}{job['id']}/").json())["state"] in ("done", "failed") and j,
        timeout=120,
        interval=0.5,
    )
    assert done["state"] == "done", done
    assert "Right heel" in pdf_text(b"".join(client.get(done["download_url"]).streaming_content))
