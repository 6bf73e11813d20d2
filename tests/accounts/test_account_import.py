"""POST account/import: footlog's own export zip back into an account, as a job, all or nothing, idempotent."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.conftest import logged_in
from tests.exports.builders import add_photo, custom_step, jpeg, log_entry

URL = "/api/v1/account/import"


@pytest.fixture(autouse=True)
def own_media(request, settings, tmp_path):
    """Media and photos of this test alone, so that counting files counts only this test's (not with a real
    worker, a process of its own that reads the configured storages)."""
    if request.node.get_closest_marker("services"):
        return tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": None},
        },
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "photos"), "base_url": None},
        },
    }
    return tmp_path


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def rich_history(user):
    """Entries with observations, a custom step, photos with site and view, settings, site history, a visit."""
    import rest_framework.views  # noqa: F401 (see tests/exports/builders.py)

    from footlog.clinical.services import site_onset_set, visit_record
    from footlog.diary.models import Entry, Photo

    client = logged_in(user)
    step = custom_step(user, "retinoid cream")
    for day, count in ((1, 3), (2, 4), (5, 2)):
        entry = log_entry(
            user,
            f"2026-10-0{day}",
            notes=f"crème, day {day}",
            routine={"wash": True, "moisturise": (True, "urea 10%")},
            observations=[
                {"site": "left_heel", "count": count, "largest_mm": 1.5, "redness": day == 2},
                {"site": "right_ankle_outer", "count": 0},
            ],
        )
        entry.routine.create(step=step, done=day != 2, detail="pea-sized")
        photo = add_photo(user, entry, "left_heel", colour=(180 + day, 150, 140))
        Photo.objects.filter(pk=photo.pk).update(view="closeup", scale_in_frame=True)
    overview = add_photo(user, entry, None)
    Photo.objects.filter(pk=overview.pk).update(view="overview")
    Entry.objects.filter(pk=entry.pk).update(for_clinician=True)
    site_onset_set(user, "left_heel", noticed_since=None, not_sure=True, note="since summer?")
    visit_record(user, kind="visited", date=__import__("datetime").date(2026, 10, 3), note="GP")
    answer = client.put("/api/v1/timeline/settings", {"consider_after_days": 21}, format="json")
    assert answer.status_code == 200, answer.content
    answer = client.put("/api/v1/reminders/", {"enabled": True, "time": "07:45", "weekdays": [0, 2]}, format="json")
    assert answer.status_code == 200, answer.content
    return user


def export_zip(user) -> bytes:
    response = logged_in(user).get("/api/v1/account/export")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def upload(client, content: bytes, name: str = "footlog-my-data.zip"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(URL, {"file": SimpleUploadedFile(name, content, "application/zip")}, format="multipart")


def run(client, content: bytes) -> dict:
    """Upload, run the job as the worker would, and return the polled job."""
    from footlog.portability.account_import import account_import_run

    created = upload(client, content)
    assert created.status_code == 202, created.content
    job = created.json()
    assert job["status"] == "queued" and created["Location"] == job["url"]
    account_import_run(job["id"])
    polled = client.get(job["url"])
    assert polled.status_code == 200 and polled["Cache-Control"] == "private, no-store"
    return polled.json()


def history_of(client) -> list[dict]:
    entries = client.get("/api/v1/entries/", {"page_size": 100}).json()
    rows = entries["results"] if isinstance(entries, dict) else entries
    keep = ("date", "notes", "for_clinician", "observations")
    out = []
    for entry in sorted(rows, key=lambda e: e["date"]):
        routine = sorted((r["step"].startswith("my_"), r["done"], r.get("detail", "")) for r in entry["routine"])
        photos = sorted((p["site"] or "", p["width"], p["height"]) for p in entry["photos"])
        out.append({**{k: entry[k] for k in keep}, "routine": routine, "photos": photos})
    return out


def photos_of(user) -> list[tuple]:
    """Every photo's day, site, view, scale and size (the API does not show the view yet: read the rows)."""
    from footlog.diary.models import Photo

    rows = Photo.objects.filter(user=user).values_list(
        "entry__date", "site", "view", "scale_in_frame", "quality_sharp", "width", "height"
    )
    return sorted(rows, key=repr)


def timeline_of(client) -> dict:
    answer = client.get("/api/v1/timeline/", {"from": "2026-09-01", "to": "2026-10-31"})
    assert answer.status_code == 200
    return answer.json()


def rewrite(content: bytes, change) -> bytes:
    """The zip with its footlog-data.json passed through `change(data)`."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "footlog-data.json":
                document = json.loads(data)
                document = change(document) or document
                data = json.dumps(document).encode()
            target.writestr(info.filename, data)
    return out.getvalue()


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def nothing_stored(user) -> bool:
    from footlog.diary.models import Entry, Photo
    from footlog.portability.models import ImportJob

    return not (
        Entry.objects.filter(user=user).exists()
        or Photo.objects.filter(user=user).exists()
        or ImportJob.objects.filter(user=user).exists()
    )


# --- the round trip and its rules ---------------------------------------------------------------------


def test_import_into_an_empty_account_gives_the_same_history_photos_timeline_and_settings(
    make_user, own_media, django_capture_on_commit_callbacks
):
    source = rich_history(make_user(timezone="America/New_York"))
    content = export_zip(source)
    target = make_user(timezone="Europe/Berlin")
    client = logged_in(target)

    job = run(client, content)

    assert job["status"] == "done", job
    assert job["result"] == {
        "entries": 3,
        "entries_unchanged": 0,
        "photos": 4,
        "photos_unchanged": 0,
        "photos_missing": 0,
        "routine_steps": 1,
        "site_history": 1,
        "visits": 1,
        "settings": "taken",
    }
    assert job["progress"]["percent"] == 100 and job["error"] is None
    source_client = logged_in(source)
    assert history_of(client) == history_of(source_client)
    assert photos_of(target) == photos_of(source) and len(photos_of(target)) == 4
    assert timeline_of(client) == timeline_of(source_client)
    target.refresh_from_db()
    assert target.timezone == "America/New_York"  # an empty account takes the zip's zone
    reminders = client.get("/api/v1/reminders/").json()
    assert (reminders["enabled"], reminders["time"], reminders["weekdays"]) == (True, "07:45", [0, 2])
    assert client.get("/api/v1/timeline/settings").json()["consider_after_days"] == 21
    assert client.get("/api/v1/site-history/").json()[0]["note"] == "since summer?"
    assert [v["note"] for v in client.get("/api/v1/visits/").json()] == ["GP"]
    steps = {s["label"]: s for s in client.get("/api/v1/routine-steps/").json()}
    assert steps["retinoid cream"]["builtin"] is False
    # The uploaded zip is not kept once the job has ended.
    assert files_under(own_media / "media" / "imports") == set()


def test_importing_the_same_zip_twice_changes_nothing(make_user):
    from footlog.diary.models import Entry, Photo, RoutineStep

    content = export_zip(rich_history(make_user()))
    target = make_user()
    client = logged_in(target)
    assert run(client, content)["status"] == "done"
    before = (
        history_of(client),
        Photo.objects.filter(user=target).count(),
        RoutineStep.objects.filter(user=target).count(),
    )

    again = run(client, content)

    assert again["status"] == "done", again
    assert again["result"]["entries"] == 0 and again["result"]["entries_unchanged"] == 3
    assert again["result"]["photos"] == 0 and again["result"]["photos_unchanged"] == 4
    assert again["result"]["routine_steps"] == 0 and again["result"]["visits"] == 0
    after = (
        history_of(client),
        Photo.objects.filter(user=target).count(),
        RoutineStep.objects.filter(user=target).count(),
    )
    assert after == before
    assert Entry.objects.filter(user=target).count() == 3


def test_reimporting_into_the_exporting_account_changes_nothing(make_user):
    from footlog.diary.models import Photo

    source = rich_history(make_user())
    before = history_of(logged_in(source))
    job = run(logged_in(source), export_zip(source))
    assert job["status"] == "done", job
    assert job["result"]["entries"] == 0 and job["result"]["photos"] == 0
    assert history_of(logged_in(source)) == before and Photo.objects.filter(user=source).count() == 4


def test_ids_already_taken_are_minted_anew(make_user):
    from footlog.diary.models import Entry, Photo

    source = rich_history(make_user())
    content = export_zip(source)
    target = make_user()
    assert run(logged_in(target), content)["status"] == "done"
    source_ids = set(Entry.objects.filter(user=source).values_list("pk", flat=True))
    target_ids = set(Entry.objects.filter(user=target).values_list("pk", flat=True))
    assert source_ids.isdisjoint(target_ids) and len(target_ids) == 3
    assert set(Photo.objects.filter(user=source).values_list("pk", flat=True)).isdisjoint(
        Photo.objects.filter(user=target).values_list("pk", flat=True)
    )


def test_a_date_with_other_content_is_409_listing_the_dates_and_nothing_changes(make_user):
    from footlog.diary.models import Entry

    content = export_zip(rich_history(make_user()))
    target = make_user()
    log_entry(target, "2026-10-02", notes="my own day")
    log_entry(target, "2026-10-05", observations=[{"site": "left_toes", "count": 1}])
    client = logged_in(target)

    answer = upload(client, content)

    assert answer.status_code == 409, answer.content
    body = answer.json()
    assert body["code"] == "import_conflict" and body["dates"] == ["2026-10-02", "2026-10-05"]
    assert "2026-10-02" in body["detail"]
    assert Entry.objects.filter(user=target).count() == 2
    assert not target.import_jobs.exists()


def test_a_conflict_arising_after_the_upload_fails_the_job_with_the_dates(make_user):
    from footlog.diary.models import Entry
    from footlog.portability.account_import import account_import_run

    content = export_zip(rich_history(make_user()))
    target = make_user()
    client = logged_in(target)
    job = upload(client, content).json()
    log_entry(target, "2026-10-01", notes="typed meanwhile on the phone")
    assert account_import_run(job["id"]) == "failed"
    polled = client.get(job["url"]).json()
    assert polled["error"]["code"] == "import_conflict" and polled["error"]["dates"] == ["2026-10-01"]
    assert Entry.objects.filter(user=target).count() == 1


def test_an_account_with_data_keeps_its_zone_and_settings(make_user):
    content = export_zip(rich_history(make_user(timezone="America/New_York")))
    target = make_user(timezone="Asia/Tokyo")
    client = logged_in(target)
    log_entry(target, "2026-09-01", notes="already here")
    assert client.put("/api/v1/timeline/settings", {"consider_after_days": 35}, format="json").status_code == 200

    job = run(client, content)

    assert job["status"] == "done" and job["result"]["settings"] == "kept"
    target.refresh_from_db()
    assert target.timezone == "Asia/Tokyo"
    assert client.get("/api/v1/timeline/settings").json()["consider_after_days"] == 35
    assert client.get("/api/v1/reminders/").json()["enabled"] is False
    assert len(history_of(client)) == 4  # its own day and the three imported


def test_the_custom_step_is_matched_not_duplicated(make_user):
    from footlog.diary.models import RoutineStep

    content = export_zip(rich_history(make_user()))
    target = make_user()
    custom_step(target, "Retinoid cream")
    assert run(logged_in(target), content)["result"]["routine_steps"] == 0
    assert RoutineStep.objects.filter(user=target).count() == 1


# --- every export format version so far ---------------------------------------------------------------


def as_version_2(document: dict) -> dict:
    """The zip as version 2 wrote it (before outlier marks and visit plans)."""
    document["format"] = 2
    for entry in document["history"]:
        for observation in entry["observations"]:
            observation.pop("confirmed")
    for visit in document.get("visits", []):
        visit.pop("plan")
        visit.pop("review_on")
    return document


def as_version_1(document: dict) -> dict:
    """The zip as version 1 wrote it (before for_clinician, photo views and settings in the readable part)."""
    as_version_2(document)
    document["format"] = 1
    for name in ("settings", "site_history", "visits"):
        document.pop(name)
    for entry in document["history"]:
        entry.pop("for_clinician")
    for photo in document["photos"]:
        for name in ("entry", "view", "scale_in_frame", "quality", "width", "height", "created"):
            photo.pop(name)
    return document


def as_first_version_1(document: dict) -> dict:
    """The very first export: history without bleeding/spreading, no routine_steps, no photos list."""
    as_version_1(document)
    document.pop("routine_steps")
    document.pop("photos")
    for entry in document["history"]:
        for observation in entry["observations"]:
            observation.pop("bleeding")
            observation.pop("spreading")
    return document


def test_version_1_imports_with_what_its_records_hold(make_user):
    source = rich_history(make_user())
    content = rewrite(export_zip(source), as_version_1)
    target = make_user()
    client = logged_in(target)
    job = run(client, content)
    assert job["status"] == "done", job
    assert history_of(client) == history_of(logged_in(source))  # for_clinician from `records`
    assert photos_of(target) == photos_of(source)  # views too
    assert client.get("/api/v1/timeline/settings").json()["consider_after_days"] == 21
    assert [v["note"] for v in client.get("/api/v1/visits/").json()] == ["GP"]


def test_the_first_version_1_imports_entries_and_steps(make_user):
    content = rewrite(export_zip(rich_history(make_user())), as_first_version_1)
    target = make_user()
    client = logged_in(target)
    job = run(client, content)
    assert job["status"] == "done", job
    assert job["result"]["entries"] == 3 and job["result"]["photos"] == 0 and job["result"]["routine_steps"] == 1
    assert [e["notes"] for e in history_of(client)] == ["crème, day 1", "crème, day 2", "crème, day 5"]


def with_marks_and_plan(user):
    """rich_history plus a value kept although far from the usual, and a visit with a plan and a review date."""
    import datetime as dt

    from footlog.clinical.services import visit_record
    from footlog.diary.models import Observation

    rich_history(user)
    Observation.objects.filter(entry__user=user, site="left_heel", entry__date="2026-10-05").update(
        outlier_confirmed=True, largest_mm=30.0
    )
    visit_record(
        user, kind="visited", date=dt.date(2026, 10, 4), plan="retinoid nightly", review_on=dt.date(2026, 11, 15)
    )
    return user


def marks_and_plans(user) -> tuple[list, list]:
    from footlog.clinical.models import Visit
    from footlog.diary.models import Observation

    marks = Observation.objects.filter(entry__user=user, outlier_confirmed=True).values_list("entry__date", "site")
    plans = Visit.objects.filter(user=user).order_by("date").values_list("date", "note", "plan", "review_on")
    return sorted(marks), list(plans)


def test_version_3_carries_outlier_marks_plans_and_review_dates(make_user):
    import datetime as dt

    source = with_marks_and_plan(make_user())
    target = make_user()
    job = run(logged_in(target), export_zip(source))
    assert job["status"] == "done", job
    assert marks_and_plans(target) == marks_and_plans(source)
    assert marks_and_plans(target)[0] == [(dt.date(2026, 10, 5), "left_heel")]
    assert marks_and_plans(target)[1][-1][2:] == ("retinoid nightly", dt.date(2026, 11, 15))
    # The mark is not part of what makes an entry the same: importing again changes nothing.
    again = run(logged_in(target), export_zip(source))
    assert again["status"] == "done" and again["result"]["entries"] == 0, again


def test_version_2_imports_without_marks_or_plans_and_is_not_asked_about_outliers(make_user):
    source = with_marks_and_plan(make_user())
    target = make_user()
    job = run(logged_in(target), rewrite(export_zip(source), as_version_2))
    assert job["status"] == "done", job  # the 30 mm day is imported, not questioned
    marks, plans = marks_and_plans(target)
    assert marks == [] and [p[2:] for p in plans] == [("", None), ("", None)]


def test_a_review_date_before_the_visit_refuses_the_zip(api, user):
    def bad_review(document: dict) -> dict:
        document["visits"][0]["review_on"] = "2026-01-01"
        return document

    content = rewrite(export_zip(with_marks_and_plan(user)), bad_review)
    target_answer = upload(api, content)
    assert target_answer.status_code == 400, target_answer.content
    assert "review_on" in target_answer.json()["detail"]


def test_a_photo_listed_as_missing_is_counted_not_refused(make_user):
    def lose_first_photo(document):
        document["photos"][0].update(file=None, missing=True)

    job = run(logged_in(make_user()), rewrite(export_zip(rich_history(make_user())), lose_first_photo))
    assert job["status"] == "done" and job["result"]["photos"] == 3 and job["result"]["photos_missing"] == 1


# --- refusals: 400 naming the problem, nothing stored --------------------------------------------------


def minimal(**changes) -> bytes:
    document = {"format": 2, "history": [], **changes}
    return zip_of({"footlog-data.json": json.dumps(document).encode()})


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        pytest.param(b"just some text, not a zip", "not_a_zip", "not a zip", id="not-a-zip"),
        pytest.param(jpeg(), "not_a_zip", "not a zip", id="a-photo"),
        pytest.param(zip_of({"notes.txt": b"hello"}), "not_footlog", "footlog-data.json", id="no-manifest"),
        pytest.param(zip_of({"footlog-data.json": b'{"hello": 1}'}), "not_footlog", "not a footlog", id="other-json"),
        pytest.param(minimal(format=99), "unknown_version", "99", id="unknown-version"),
        pytest.param(minimal(format="2"), "unknown_version", "'2'", id="version-as-text"),
        pytest.param(zip_of({"footlog-data.json": b'{"format": 2, "history": [}'}), "bad_json", "JSON", id="bad-json"),
        pytest.param(zip_of({"footlog-data.json": b"\xff\xfe"}), "bad_json", "JSON", id="not-utf8"),
        pytest.param(
            zip_of({"footlog-data.json": json.dumps({"format": 2, "history": []}).encode(), "../evil.jpg": b"x"}),
            "unsafe_path",
            "../",
            id="traversal",
        ),
        pytest.param(
            zip_of({"footlog-data.json": json.dumps({"format": 2, "history": []}).encode(), "/etc/passwd": b"x"}),
            "unsafe_path",
            "absolute",
            id="absolute-path",
        ),
        pytest.param(
            zip_of({"footlog-data.json": b"{}", "photos/..\\..\\x.jpg": b"x"}), "unsafe_path", "../", id="backslashes"
        ),
        pytest.param(
            zip_of({"footlog-data.json": b" " * (40 * 1024 * 1024)}, zipfile.ZIP_DEFLATED),
            "zip_bomb",
            "zip bomb",
            id="zip-bomb",
        ),
        pytest.param(
            minimal(history=[{"date": "2026-10-01", "observations": [{"site": "nose", "count": 1}]}]),
            "invalid_data",
            "history[0].observations[0].site",
            id="unknown-site",
        ),
        pytest.param(
            minimal(history=[{"date": "2026-10-01", "observations": [{"site": "left_heel", "count": 999}]}]),
            "invalid_data",
            "count: must be 0 to 200",
            id="count-out-of-range",
        ),
        pytest.param(
            minimal(history=[{"date": "2026-10-01"}, {"date": "2026-10-01"}]),
            "invalid_data",
            "appears twice",
            id="date-twice",
        ),
        pytest.param(minimal(history=[{"date": "2999-01-01"}]), "invalid_data", "after today", id="future-date"),
        pytest.param(
            minimal(history=[{"date": "2026-10-01"}], photos=[{"date": "2026-10-01", "file": "photos/a.jpg"}]),
            "not_footlog",
            "photos/a.jpg",
            id="listed-photo-absent",
        ),
    ],
)
def test_a_bad_zip_is_400_naming_the_problem_and_nothing_is_stored(api, user, own_media, content, code, words):
    answer = upload(api, content)
    assert answer.status_code == 400, answer.content
    body = answer.json()
    assert body["code"] == code, body
    assert words.lower() in body["detail"].lower(), body
    assert answer["Cache-Control"] == "private, no-store"
    assert nothing_stored(user)
    assert files_under(own_media / "media") == set() and files_under(own_media / "photos") == set()


def test_a_member_inflating_past_its_declared_size_is_a_zip_bomb():
    from footlog.lib import safezip

    content = bytearray(zip_of({"footlog-data.json": b"a" * 1000}, zipfile.ZIP_DEFLATED))
    archive = zipfile.ZipFile(io.BytesIO(bytes(content)))
    archive.getinfo("footlog-data.json").file_size = 10  # the header lies about the size
    with pytest.raises(safezip.ZipRefused) as refused:
        safezip.read_member(archive, "footlog-data.json", 10_000)
    assert refused.value.code == "zip_bomb"


def test_a_file_over_the_limit_is_400_too_large(api, user, settings):
    settings.FOOTLOG_IMPORT_MAX_BYTES = 1024 * 1024
    answer = upload(api, b"\0" * (2 * 1024 * 1024))
    assert answer.status_code == 400 and answer.json()["code"] == "too_large"
    assert "1 MB" in answer.json()["detail"]
    assert nothing_stored(user)


def test_no_file_field_is_400(api):
    assert api.post(URL, {}, format="multipart").status_code == 400
    assert api.post(URL, {"nope": 1}, format="json").status_code in (400, 415)


def test_a_photo_that_fails_ingest_fails_the_job_and_nothing_is_left(make_user, own_media):
    def break_last_photo(document):
        document["photos"][-1]["file"] = "photos/broken.jpg"

    content = rewrite(export_zip(rich_history(make_user())), break_last_photo)
    buffer = io.BytesIO(content)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("photos/broken.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    content = buffer.getvalue()
    target = make_user()
    photos_before = files_under(own_media / "photos")

    job = run(logged_in(target), content)

    assert job["status"] == "failed" and job["error"]["code"] == "photo_rejected", job
    assert "photos/broken.jpg" in job["error"]["detail"] and job["result"] is None
    from footlog.diary.models import Entry, Photo

    assert not Entry.objects.filter(user=target).exists() and not Photo.objects.filter(user=target).exists()
    assert files_under(own_media / "photos") == photos_before  # the renditions already written were removed
    assert files_under(own_media / "media" / "imports") == set()


def test_the_byte_quota_applies_but_not_the_daily_count(make_user, settings, own_media):
    from footlog.diary.models import Photo

    content = export_zip(rich_history(make_user()))
    settings.FOOTLOG_PHOTO_DAILY_COUNT = 1  # four photos are imported all the same
    target = make_user()
    assert run(logged_in(target), content)["result"]["photos"] == 4
    assert Photo.objects.filter(user=target).count() == 4

    settings.FOOTLOG_PHOTO_QUOTA_BYTES = 2 * Photo.objects.filter(user=target).first().display_bytes
    other = make_user()
    before = files_under(own_media / "photos")
    job = run(logged_in(other), content)
    assert job["status"] == "failed" and job["error"]["code"] == "quota_exceeded", job
    assert not Photo.objects.filter(user=other).exists()
    assert files_under(own_media / "photos") == before


def test_a_job_run_twice_imports_once(make_user):
    from footlog.diary.models import Entry
    from footlog.portability.account_import import account_import_run

    content = export_zip(rich_history(make_user()))
    target = make_user()
    job = upload(logged_in(target), content).json()
    assert account_import_run(job["id"]) == "done"
    assert account_import_run(job["id"]) == "done"  # a redelivered message
    assert Entry.objects.filter(user=target).count() == 3


def test_the_uploaded_file_is_private_and_goes_with_the_job(api, user, own_media, django_capture_on_commit_callbacks):
    from footlog.portability.models import ImportJob

    job = upload(api, minimal(history=[{"date": "2026-10-01", "notes": "x"}])).json()
    stored = files_under(own_media / "media" / "imports")
    assert len(stored) == 1
    with django_capture_on_commit_callbacks(execute=True):
        ImportJob.objects.filter(pk=job["id"]).delete()
    assert files_under(own_media / "media" / "imports") == set()


# --- who may see what ---------------------------------------------------------------------------------


def test_an_outsider_gets_404_for_the_owners_job(api, outsider):
    job = upload(api, minimal()).json()
    assert outsider.get(job["url"]).status_code == 404
    assert outsider.get(f"{URL}/00000000-0000-0000-0000-000000000000").status_code == 404
    assert api.get(job["url"]).json()["status"] == "queued"


def test_anonymous_gets_401(anonymous, api):
    job = upload(api, minimal()).json()
    assert upload(anonymous, minimal()).status_code == 401
    assert anonymous.get(job["url"]).status_code == 401


def test_before_consent_import_is_403(unconsented_api):
    answer = upload(unconsented_api, minimal())
    assert answer.status_code == 403 and answer.json()["code"] == "consent_required"


def test_the_logs_hold_no_note_text(make_user, caplog):
    content = export_zip(rich_history(make_user()))
    target = make_user()
    log_entry(target, "2026-10-01", notes="my own secret day")
    with caplog.at_level("DEBUG"):
        upload(logged_in(target), content)
        run(logged_in(make_user()), content)
    assert "crème" not in caplog.text and "secret" not in caplog.text


# --- the worker and the sweep -------------------------------------------------------------------------


@pytest.mark.services
def test_a_real_worker_runs_the_import(celery_worker, make_user):
    """Enqueued on commit through the broker (Redis), run by a `celery worker` process."""
    from tests.support.services import wait_for

    content = export_zip(rich_history(make_user()))
    target = make_user()
    client = logged_in(target)
    job = upload(client, content).json()
    done = wait_for(
        lambda: (j := client.get(job["url"]).json())["status"] in ("done", "failed") and j, timeout=120, interval=0.5
    )
    assert done["status"] == "done", done
    assert done["result"]["entries"] == 3 and done["result"]["photos"] == 4


def test_the_sweep_fails_lost_jobs_and_forgets_old_ones(api, user, own_media, time_machine):
    import datetime as dt

    from django.utils import timezone

    from footlog.portability.account_import import RETENTION, STUCK_AFTER, import_jobs_sweep
    from footlog.portability.models import ImportJob

    job = upload(api, minimal(history=[{"date": "2026-10-01"}])).json()
    assert import_jobs_sweep() == 0  # a fresh job waits for its worker
    later = timezone.now() + STUCK_AFTER + dt.timedelta(minutes=1)
    assert import_jobs_sweep(now=later) == 1
    lost = ImportJob.objects.get(pk=job["id"])
    assert lost.status == "failed" and lost.error["code"] == "import_failed" and not lost.file
    assert files_under(own_media / "media" / "imports") == set()
    assert import_jobs_sweep(now=later + RETENTION + dt.timedelta(minutes=1)) == 1
    assert not ImportJob.objects.exists()


def test_beat_runs_the_import_sweep_and_the_worker_knows_both_tasks(settings, api, user, own_media):
    import datetime as dt

    from django.utils import timezone

    from footlog.celery import app
    from footlog.portability.account_import import STUCK_AFTER
    from footlog.portability.models import ImportJob

    app.loader.import_default_modules()  # what a worker does at start: autodiscovery finds footlog.portability.tasks
    assert settings.CELERY_BEAT_SCHEDULE["exports-import-sweep"] == {"task": "exports.import_sweep", "schedule": 60.0}
    assert "exports.import_account" in app.tasks
    job = upload(api, minimal()).json()
    ImportJob.objects.filter(pk=job["id"]).update(created=timezone.now() - STUCK_AFTER - dt.timedelta(minutes=1))
    app.tasks["exports.import_sweep"].apply()
    assert ImportJob.objects.get(pk=job["id"]).status == "failed"
    assert app.tasks["exports.import_account"].apply(args=[job["id"]]).get() == "failed"  # a finished job is left


def test_an_unexpected_failure_is_logged_without_its_message(make_user, monkeypatch, caplog):
    """A database error's message may quote a row (notes and all): the log keeps the frames, not the words."""
    from footlog.portability import account_import

    content = export_zip(rich_history(make_user()))

    quoted = "crème, day 1"  # the traceback's source lines show the code below, not this value

    def broken(*args, **kwargs):
        raise RuntimeError(f"row ({quoted}) could not be written")

    monkeypatch.setattr(account_import, "_write", broken)
    with caplog.at_level("INFO"):
        job = run(logged_in(make_user()), content)
    assert job["status"] == "failed" and job["error"]["code"] == "import_failed"
    assert "RuntimeError" in caplog.text and "crème" not in caplog.text
