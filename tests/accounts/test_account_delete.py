"""DELETE account/: the user, every row, every file and every session go; a wrong password changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db.models import ForeignKey, Model
from rest_framework.test import APIClient

from footlog.timeline.selectors import cache_keys
from tests.conftest import PASSWORD
from tests.exports.builders import add_photo, custom_step, log_entry

URL = "/api/v1/account/"


def _paths_to_user(model: type[Model], depth: int = 3) -> list[str]:
    """Lookup paths from `model` to the user model through foreign keys, e.g. "entry__user"."""
    user_model = get_user_model()
    if model is user_model:
        return ["pk"]
    paths = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, ForeignKey):
            continue
        target = field.related_model
        if target is user_model:
            paths.append(f"{field.name}__pk")
        elif depth > 1 and target is not model:
            paths += [f"{field.name}__{sub}" for sub in _paths_to_user(target, depth - 1)]
    return paths


def rows_of(user_pk: int) -> dict[str, int]:
    """Rows of every installed model that lead to the user through foreign keys (counted generically)."""
    counts = {}
    for model in apps.get_models():
        for path in _paths_to_user(model):
            n = model._default_manager.filter(**{path: user_pk}).count()
            if n:
                counts[f"{model._meta.label}.{path}"] = n
    return counts


def sessions_of(user_pk: int) -> int:
    return sum(1 for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_pk))


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """A media directory for this test alone, so that counting files counts only this test's files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media"), "base_url": None},
        },
        "photos": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media" / "photos"), "base_url": None},
        },
    }


def files_under_media() -> set[Path]:
    root = Path(settings.MEDIA_ROOT)
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


@pytest.fixture
def rich_user(user):
    """A user with entries, photos, a custom step in use, a share with accesses, a report job with its file, an
    import job with its uploaded zip."""
    from footlog.exports.models import ReportJob
    from footlog.portability.models import ImportJob
    from footlog.sharing.services import share_access_record, share_create

    step = custom_step(user, "retinoid cream", "care")
    for day in range(5):
        entry = log_entry(
            user,
            dt.date(2026, 10, 1) + dt.timedelta(days=day),
            notes="private note",
            routine={"wash": True},
            observations=[{"site": "left_heel", "count": day}],
        )
        entry.routine.create(step=step, done=True)
        add_photo(user, entry, "left_heel")
    share = share_create(
        user, start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 5), include_photos=True, expires_in_days=7
    ).share
    share_access_record(share, "203.0.113.9", "Mozilla/5.0 (Android 14) Firefox/130.0", "page")
    job = ReportJob.objects.create(user=user, start=dt.date(2026, 10, 1), end=dt.date(2026, 10, 5), state="done")
    job.file.save("report.pdf", ContentFile(b"%PDF-1.7 test"))
    ImportJob.objects.create(user=user).file.save("upload.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18))
    _reminders_and_push(user)
    return user


def _reminders_and_push(user):
    """Reminder preferences, a push subscription and a pending delivery, made through the reminders API/services."""
    from reminders.models import Delivery, PushSubscription, Reminder
    from reminders.services import dispatch_due
    from tests.conftest import logged_in

    client = logged_in(user)
    prefs = {"enabled": True, "time": "20:30", "timezone": "Europe/Berlin", "weekdays": [0, 1, 2, 3, 4, 5, 6],
             "channels": ["email", "push"], "skip_if_logged": False, "weekly_photo": True}  # fmt: skip
    subscription = {"endpoint": "https://push.example/send/abc", "keys": _browser_keys()}
    answer = client.post("/api/v1/push-subscriptions/", subscription, format="json")
    assert answer.status_code in (200, 201), answer.content
    answer = client.put("/api/v1/reminders/", prefs, format="json")
    assert answer.status_code == 200, answer.content
    due = Reminder.objects.filter(user=user, next_fire_at__isnull=False).order_by("next_fire_at").first()
    dispatch_due(now=due.next_fire_at + dt.timedelta(seconds=30))  # makes deliveries; their sends never run here
    assert Reminder.objects.filter(user=user).exists() and PushSubscription.objects.filter(user=user).exists()
    assert Delivery.objects.filter(user=user).exists()


def _browser_keys() -> dict[str, str]:
    """The keys a browser's PushSubscription carries: a P-256 public point and 16 random auth bytes."""
    import base64
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    point = (
        ec.generate_private_key(ec.SECP256R1())
        .public_key()
        .public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=").decode()  # noqa: E731
    return {"p256dh": b64(point), "auth": b64(os.urandom(16))}


def headless_token(email: str) -> str:
    client = APIClient()
    response = client.post("/_allauth/app/v1/auth/login", {"email": email, "password": PASSWORD}, format="json")
    assert response.status_code == 200, response.content
    return response.json()["meta"]["session_token"]


def test_delete_removes_every_row_file_and_session_of_the_user(
    rich_user, api, other_user, django_capture_on_commit_callbacks
):
    users_files = files_under_media()
    add_photo(other_user, log_entry(other_user, "2026-10-01"), "left_heel")
    others_files = files_under_media() - users_files
    token = headless_token(rich_user.email)
    assert api.get("/api/v1/timeline/", {"from": "2026-10-01", "to": "2026-10-05"}).status_code == 200
    cached_keys = cache_keys(rich_user.pk)
    assert any(cache.get(key) for key in cached_keys)  # the timeline of this user is in the cache now
    assert APIClient().get(URL, HTTP_X_SESSION_TOKEN=token).status_code == 200
    pk = rich_user.pk
    before_rows = rows_of(pk)
    others_before = rows_of(other_user.pk)
    # The test sees what it claims to remove: rows, 5 photos x 2 renditions + the report file + the import's
    # upload, 2 sessions.
    assert before_rows and len(users_files) == 12 and sessions_of(pk) >= 2
    assert "portability.ImportJob.user__pk" in before_rows

    with django_capture_on_commit_callbacks(execute=True):
        response = api.delete(URL, {"password": PASSWORD}, format="json")

    assert response.status_code == 204
    assert rows_of(pk) == {}
    assert not any(cache.get(key) for key in cached_keys)  # derived health data in the cache went too
    assert sessions_of(pk) == 0
    assert files_under_media() == others_files  # the user's photos, report and import files are gone, not the other's
    assert len(others_files) == 2
    assert APIClient().get(URL, HTTP_X_SESSION_TOKEN=token).status_code == 401  # the app token is dead
    assert api.get(URL).status_code in (401, 403)  # and so is the browser session
    assert rows_of(other_user.pk) == others_before  # nobody else lost anything


def test_wrong_password_is_400_and_changes_nothing(rich_user, api):
    before_rows, before_files = rows_of(rich_user.pk), files_under_media()
    response = api.delete(URL, {"password": "not it"}, format="json")
    assert response.status_code == 400
    assert "password" in response.json()["errors"]
    assert rows_of(rich_user.pk) == before_rows
    assert files_under_media() == before_files
    assert api.get(URL).status_code == 200


@pytest.mark.parametrize("body", [{}, {"password": 123}, {"password": None}])
def test_missing_or_mistyped_password_is_400(api, user, body):
    response = api.delete(URL, body, format="json")
    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_password_guessing_is_rate_limited(api, user, time_machine):
    time_machine.move_to(dt.datetime(2026, 10, 21, 9, 0, 10, tzinfo=dt.UTC), tick=False)  # one rate window
    codes = [api.delete(URL, {"password": f"guess {i}"}, format="json").status_code for i in range(7)]
    assert codes[:5] == [400] * 5
    assert codes[-1] == 429
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_anonymous_delete_is_401(anonymous):
    assert anonymous.delete(URL, {"password": PASSWORD}, format="json").status_code == 401


def test_outsider_deletes_only_themselves(outsider, other_user, rich_user):
    """There is no way to name another account: DELETE account/ always means the caller's own."""
    before = rows_of(rich_user.pk)
    assert outsider.delete(URL, {"password": PASSWORD}, format="json").status_code == 204
    assert not get_user_model().objects.filter(pk=other_user.pk).exists()
    assert rows_of(rich_user.pk) == before
