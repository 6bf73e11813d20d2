"""Owner / outsider / anonymous for every diary and account endpoint: others' rows are always 404."""

from __future__ import annotations

import pytest

from footlog.diary.models import Entry, RoutineStep

ENTRY = {"date": "2026-11-10", "notes": "private note", "observations": [{"site": "left_heel", "count": 2}]}


@pytest.fixture
def owned(api) -> dict:
    entry = api.post("/api/v1/entries/", ENTRY, format="json").json()
    step = api.post("/api/v1/routine-steps/", {"label": "Urea cream", "kind": "care"}, format="json").json()
    return {"entry": entry["id"], "step": step["key"]}


@pytest.mark.parametrize("method", ["get", "put", "patch", "delete"])
def test_outsider_gets_404_for_every_method_on_an_entry(outsider, owned, method):
    kwargs = {"data": ENTRY, "format": "json"} if method in ("put", "patch") else {}
    response = getattr(outsider, method)(f"/api/v1/entries/{owned['entry']}/", **kwargs)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
    assert Entry.objects.get(pk=owned["entry"]).notes == "private note"


def test_outsider_cannot_archive_someone_elses_step(outsider, owned):
    assert outsider.delete(f"/api/v1/routine-steps/{owned['step']}/").status_code == 404
    assert RoutineStep.objects.get(key=owned["step"]).archived_at is None


def test_outsider_lists_see_nothing_of_the_owner(outsider, owned):
    assert outsider.get("/api/v1/entries/").json()["count"] == 0
    assert owned["step"] not in {s["key"] for s in outsider.get("/api/v1/routine-steps/").json()}


def test_owner_reads_own_entry(api, owned):
    assert api.get(f"/api/v1/entries/{owned['entry']}/").json()["notes"] == "private note"


@pytest.mark.parametrize(
    "method,path",
    [
        ("get", "/api/v1/entries/"),
        ("post", "/api/v1/entries/"),
        ("get", "/api/v1/entries/{entry}/"),
        ("put", "/api/v1/entries/{entry}/"),
        ("patch", "/api/v1/entries/{entry}/"),
        ("delete", "/api/v1/entries/{entry}/"),
        ("get", "/api/v1/routine-steps/"),
        ("post", "/api/v1/routine-steps/"),
        ("delete", "/api/v1/routine-steps/{step}/"),
        ("get", "/api/v1/sites/"),
        ("get", "/api/v1/account/"),
        ("patch", "/api/v1/account/"),
    ],
)
def test_anonymous_calls_get_401_and_no_data(anonymous, owned, method, path):
    response = getattr(anonymous, method)(path.format(**owned), {}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "X-Session-Token"
    assert "private note" not in response.content.decode()


def test_unknown_api_path_is_a_json_404(api):
    response = api.get("/api/v1/entries/not-a-uuid/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}
