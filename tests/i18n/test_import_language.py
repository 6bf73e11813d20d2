"""The account import's own messages in the reader's language (issue 26): a refusal of the upload is rendered in
the request, a failed job's stored message when the job is read; `code` and the field path stay English."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from footlog.portability.account_import import account_import_run
from footlog.portability.models import ImportJob

URL = "/api/v1/account/import"


def _zip(history: list[dict[str, object]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("footlog-data.json", json.dumps({"format": 2, "history": history}))
    return out.getvalue()


def _upload(api, content: bytes, **headers: str):
    upload = SimpleUploadedFile("footlog-my-data.zip", content, "application/zip")
    return api.post(URL, {"file": upload}, format="multipart", **headers)


def test_a_refused_upload_speaks_the_accounts_language_else_the_browsers_else_english(api, user):
    english = _upload(api, b"not a zip at all")
    spanish = _upload(api, b"not a zip at all", HTTP_ACCEPT_LANGUAGE="es")
    User.objects.filter(pk=user.pk).update(language="de")
    german = _upload(api, b"not a zip at all", HTTP_ACCEPT_LANGUAGE="es")
    bad_field = _upload(api, _zip([{"date": "2026-10-01"}, {"date": "2026-10-01"}]))

    assert english.status_code == spanish.status_code == german.status_code == 400
    assert english.json() == {"detail": "The file is not a zip archive.", "code": "not_a_zip"}
    assert spanish.json() == {"detail": "El archivo no es un archivo zip.", "code": "not_a_zip"}
    assert german.json() == {"detail": "Die Datei ist kein ZIP-Archiv.", "code": "not_a_zip"}
    assert bad_field.json() == {
        "detail": "footlog-data.json: history[1].date: 2026-10-01 kommt zweimal vor.",
        "code": "invalid_data",
    }


WORKER_REFUSED = [
    pytest.param(
        [{"date": "2026-10-01"}, {"date": "2026-10-01"}],
        "footlog-data.json: history[1].date: ",
        ("2026-10-01 appears twice.", "2026-10-01 aparece dos veces.", "2026-10-01 kommt zweimal vor."),
        id="the-documents-own-check",
    ),
    pytest.param(  # the gate's message, rendered when it runs: the worker keeps it in every language
        [{"date": "2026-10-01", "observations": [{"site": "left_heel", "count": 999}]}],
        "footlog-data.json: history[0].observations[0].count: ",
        ("Must be 0 to 200.", "Debe estar entre 0 y 200.", "Muss zwischen 0 und 200 liegen."),
        id="the-gates-check-with-numbers",
    ),
    pytest.param(
        [{"date": "2026-10-01", "for_clinician": "yes"}],
        "footlog-data.json: history[0].for_clinician: ",
        ("Must be true or false.", "Debe ser true o false.", "Muss true oder false sein."),
        id="the-gates-check-without",
    ),
]


@pytest.mark.parametrize(("history", "where", "said"), WORKER_REFUSED)
def test_a_job_the_worker_refused_reads_in_the_readers_language(api, user, history, where, said):
    """The zip passes the upload's checks; the worker then finds a bad field (here: the stored zip replaced, as
    a rule changed between upload and run would) and stores its message, rendered when the job is read."""
    created = _upload(api, _zip([{"date": "2026-10-01"}]))
    assert created.status_code == 202, created.content
    job = ImportJob.objects.get(pk=created.json()["id"])
    with job.file.storage.open(job.file.name, "wb") as stored:
        stored.write(_zip(history))
    assert account_import_run(str(job.pk)) == "failed"

    english = api.get(created["Location"]).json()["error"]
    spanish = api.get(created["Location"], HTTP_ACCEPT_LANGUAGE="es").json()["error"]
    User.objects.filter(pk=user.pk).update(language="de")
    german = api.get(created["Location"], HTTP_ACCEPT_LANGUAGE="es").json()["error"]

    assert [english, spanish, german] == [{"code": "invalid_data", "detail": where + text} for text in said]
    assert ImportJob.objects.get(pk=job.pk).error["detail"] == where + said[0]  # English in the row
