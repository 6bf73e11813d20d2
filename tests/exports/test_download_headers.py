"""Every history download is an attachment with a server-made name that no cache may keep."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "path,name",
    [
        ("/api/v1/exports/report.pdf", "footlog-report-"),
        ("/api/v1/exports/history.csv", "footlog-history.csv"),
        ("/api/v1/exports/fhir.json", "footlog-fhir-"),
    ],
)
def test_downloads_are_private_attachments(api, path, name):
    api.post(
        "/api/v1/entries/", {"date": "2026-11-20", "observations": [{"site": "left_heel", "count": 2}]}, format="json"
    )
    response = api.get(path, {"from": "2026-11-01", "to": "2026-11-20"})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith(f'attachment; filename="{name}')
