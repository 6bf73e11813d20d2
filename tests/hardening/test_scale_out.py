"""Two web processes and two Celery workers on one PostgreSQL and one Redis: an entry, a photo and a reminder
each happen exactly once, however the requests and tasks are spread over the processes."""

from __future__ import annotations

import datetime as dt
import secrets
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.test import Client
from django.utils import timezone

from footlog.celery import app, ping
from footlog.diary.models import Entry, Photo
from reminders import services as reminder_services
from reminders.models import Delivery, Reminder
from tests.diary import photo_samples
from tests.support.services import child_env, free_port, http_answers, start_celery, start_gunicorn, wait_for

pytestmark = [pytest.mark.services, pytest.mark.timeout(300)]
SUBJECT = "Time for today's footlog"


@pytest.fixture
def cluster(transactional_db, postgres, redis_service, smtp_sink, tmp_path):
    """Two gunicorn processes (one worker each) and two Celery workers; yields the two web base URLs."""
    mail = {"EMAIL_URL": f"smtp://127.0.0.1:{smtp_sink.port}"}
    webs, bases = [], []
    for _ in range(2):
        port = free_port()
        bases.append(f"http://127.0.0.1:{port}")
        webs.append(start_gunicorn(port, tmp_path, child_env(**mail)))
    workers = [start_celery("worker", tmp_path, **mail) for _ in range(2)]
    try:
        for base in bases:
            wait_for(lambda base=base: http_answers(f"{base}/privacy/", below=300), timeout=90, interval=0.5)
        assert ping.delay("ready").get(timeout=60) == "ready"
        yield bases
    except Exception:
        for process in webs + workers:
            print(process.output()[-3000:])
        raise
    finally:
        for process in webs + workers:
            process.stop()


def signed_in(user) -> requests.Session:
    """A browser-like session for `user`, valid on every web process (sessions live in PostgreSQL)."""
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)
    http = requests.Session()
    http.cookies.set("sessionid", client.cookies["sessionid"].value)
    http.cookies.set("csrftoken", csrf)
    http.headers.update({"X-CSRFToken": csrf, "Accept": "application/json"})
    return http


def spread(bases: list[str], times: int, call) -> Counter[int]:
    """Run `call(base)` `times` times at once, alternating between the web processes; count the statuses."""
    with ThreadPoolExecutor(max_workers=times) as pool:
        return Counter(pool.map(lambda i: call(bases[i % len(bases)]).status_code, range(times)))


def test_entry_photo_and_reminder_each_happen_exactly_once(cluster, user, smtp_sink, tmp_path):
    bases = cluster
    http = signed_in(user)

    entry = {
        "id": str(uuid.uuid4()),
        "date": "2026-11-20",
        "notes": "scale",
        "observations": [{"site": "left_heel", "count": 2}],
    }
    statuses = spread(bases, 8, lambda base: http.post(f"{base}/api/v1/entries/", json=entry, timeout=30))
    assert statuses == Counter({201: 1, 200: 7}), statuses
    assert Entry.objects.filter(user=user).count() == 1

    photo_id, image = str(uuid.uuid4()), photo_samples.jpeg()
    photo_dir = Path(settings.DATA_DIR) / "photos"
    files_before = {p for p in photo_dir.rglob("*") if p.is_file()} if photo_dir.exists() else set()
    statuses = spread(
        bases,
        6,
        lambda base: http.post(
            f"{base}/api/v1/entries/{entry['id']}/photos/",
            data={"id": photo_id, "site": "left_heel"},
            files={"image": ("IMG_1.jpg", image, "image/jpeg")},
            timeout=60,
        ),
    )
    assert statuses == Counter({201: 1, 200: 5}), statuses
    assert Photo.objects.filter(entry_id=entry["id"]).count() == 1
    new_files = {p for p in photo_dir.rglob("*") if p.is_file()} - files_before
    assert len(new_files) == 2  # one display rendition and one thumbnail; the losing uploads left nothing

    reminder_services.preferences_update(
        user,
        {
            "enabled": True,
            "time": dt.time(20, 30),
            "timezone": "UTC",
            "channels": ["email"],
            "skip_if_logged": False,
            "weekly_photo": False,
        },
    )
    Reminder.objects.filter(user=user, kind="daily_log").update(next_fire_at=timezone.now() - dt.timedelta(minutes=1))
    # Several ticks at once, taken by both workers: each must find the reminder claimed by the other.
    for _ in range(6):
        app.send_task("reminders.tick")
    wait_for(lambda: smtp_sink.to(user.email), timeout=90, interval=0.25)
    for result in [ping.delay(str(n)) for n in range(6)]:
        result.get(timeout=60)  # both workers have worked through the queue behind the ticks
    time.sleep(1)
    mails = [m for m in smtp_sink.to(user.email) if m["Subject"] == SUBJECT]
    assert len(mails) == 1
    assert Delivery.objects.filter(user=user, kind="daily_log").count() == 1
