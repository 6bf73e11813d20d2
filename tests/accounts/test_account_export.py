"""GET account/export: a zip of everything the user stored (JSON) plus the photo files."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from tests.exports.builders import add_photo, custom_step, log_entry


def set_target(user, step, target):
    """Through the diary's service, imported late like the builders do (see tests/exports/builders.py)."""
    import rest_framework.views  # noqa: F401

    from footlog.diary.models import RoutineStep
    from footlog.diary.services import routine_step_target_set

    routine_step_target_set(user, RoutineStep.objects.get(key=step) if isinstance(step, str) else step, target)


URL = "/api/v1/account/export"


@pytest.fixture
def stored(user, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "photos"), "base_url": None},
        },
    }
    step = custom_step(user, "retinoid cream")
    entry = log_entry(
        user,
        "2026-10-01",
        notes="crème, day one",
        routine={"wash": True},
        observations=[{"site": "left_heel", "count": 3, "bleeding": True}],
    )
    set_target(user, "exfoliate", 1)
    set_target(user, step, 3)
    entry.routine.create(step=step, done=True, detail="pea-sized")
    photo = add_photo(user, entry, "left_heel")
    return {"entry": entry, "photo": photo, "step": step}


def open_zip(response) -> zipfile.ZipFile:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_zip_holds_the_history_every_record_and_the_photos(api, user, stored):
    archive = open_zip(api.get(URL))
    data = json.loads(archive.read("footlog-data.json"))
    assert data["account"]["email"] == user.email
    [day] = data["history"]
    assert day["notes"] == "crème, day one"
    assert day["observations"][0]["count"] == 3
    assert (day["observations"][0]["bleeding"], day["observations"][0]["spreading"]) == (True, False)
    targets = {s["key"]: s["target_per_week"] for s in data["routine_steps"]}
    assert targets["exfoliate"] == 1 and targets["wash"] == 7 and targets["sunscreen"] == 0
    assert targets[stored["step"].key] == 3
    assert [r["target_per_week"] for r in data["records"]["diary.routinesteptarget"]] == [1]
    assert {r["label"]: r["detail"] for r in day["routine"]}["retinoid cream"] == "pea-sized"
    assert {
        "diary.entry",
        "diary.observation",
        "diary.routinelog",
        "diary.routinestep",
        "diary.photo",
        "accounts.user",
    } <= set(data["records"])
    photo_file = data["photos"][0]["file"]
    assert archive.read(photo_file).startswith(b"\xff\xd8")  # the JPEG itself


def test_secrets_are_not_exported(api, user, stored):
    text = open_zip(api.get(URL)).read("footlog-data.json").decode()
    assert user.password not in text
    assert "create_fingerprint" not in text and "token_hash" not in text


def test_outsider_export_holds_none_of_the_owners_data(outsider, other_user, stored):
    archive = open_zip(outsider.get(URL))
    data = json.loads(archive.read("footlog-data.json"))
    assert data["account"]["email"] == other_user.email
    assert data["history"] == [] and data["photos"] == []
    assert {s["key"]: s["target_per_week"] for s in data["routine_steps"]}["exfoliate"] == 2  # the default
    assert "diary.routinesteptarget" not in data["records"]
    assert "crème" not in archive.read("footlog-data.json").decode()
    assert [n for n in archive.namelist() if n.startswith("photos/")] == []


def test_anonymous_gets_401(anonymous):
    assert anonymous.get(URL).status_code == 401


def test_format_3_carries_what_an_import_needs(api, user, stored):
    """for_clinician, each photo's entry, view, scale and size, the settings, site history and visits."""
    from footlog.diary.models import Photo

    Photo.objects.filter(pk=stored["photo"].pk).update(view="closeup", scale_in_frame=True)
    assert api.put("/api/v1/timeline/settings", {"consider_after_days": 21}, format="json").status_code == 200
    data = json.loads(open_zip(api.get(URL)).read("footlog-data.json"))
    assert data["format"] == 3
    assert data["history"][0]["for_clinician"] is False
    photo = data["photos"][0]
    assert (photo["entry"], photo["view"], photo["scale_in_frame"]) == (str(stored["entry"].pk), "closeup", True)
    assert photo["width"] == stored["photo"].width and photo["height"] == stored["photo"].height
    assert data["settings"]["timeline"]["consider_after_days"] == 21
    assert data["settings"]["reminders"] is None and data["site_history"] == [] and data["visits"] == []


def test_format_3_carries_outlier_marks_and_visit_plans(api, user, stored):
    import datetime as dt

    from footlog.clinical.services import visit_record
    from footlog.diary.models import Observation

    Observation.objects.filter(entry=stored["entry"]).update(outlier_confirmed=True)
    visit_record(
        user, kind="visited", date=dt.date(2026, 10, 3), plan="retinoid nightly", review_on=dt.date(2026, 11, 14)
    )
    data = json.loads(open_zip(api.get(URL)).read("footlog-data.json"))
    assert {o["confirmed"] for o in data["history"][0]["observations"]} == {True}
    assert [(v["plan"], v["review_on"]) for v in data["visits"]] == [("retinoid nightly", "2026-11-14")]
