"""The round trip across two real servers: export from one fresh footlog, import into another (each with its own
data dir and SQLite database, gunicorn, and for the importer a Celery worker on the embedded broker), over HTTP
only. Both must then answer the same entries, the same photos (count, site, view, dimensions) and the same
timeline."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import requests

from tests.conftest import PASSWORD
from tests.diary import photo_samples
from tests.support.services import ROOT, Process, free_port, http_answers, migrated_sqlite, start_gunicorn, wait_for

# Two migrated databases, two web servers and a worker: about a minute (free ports, own data dirs: no xdist group).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("servers")]

EMAIL = "walker@example.com"
RANGE = {"from": "2026-09-01", "to": "2026-11-30"}
MAKE_USER = """
from allauth.account.models import EmailAddress
from accounts.consent import consent_give
from accounts.models import User
user = User.objects.create_user({email!r}, {password!r}, timezone={zone!r})
EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
consent_give(user)
"""
# The photo API does not take a view yet (issue 15): the source server's rows get one the way a migration would.
SET_VIEWS = """
from footlog.diary.models import Photo
for i, photo in enumerate(Photo.objects.order_by("created")):
    Photo.objects.filter(pk=photo.pk).update(view=("closeup", "overview")[i % 2], scale_in_frame=i % 2 == 0)
"""


class Server:
    def __init__(self, name: str, tmp_path: Path) -> None:
        self.data = tmp_path / name
        self.data.mkdir()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "FOOTLOG_TEST_DB_NAME")
        }
        self.env.update(
            FOOTLOG_DATA_DIR=str(self.data),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            FOOTLOG_PUBLIC_URL=self.base,
            PYTHONUNBUFFERED="1",
        )
        self.tmp_path = tmp_path
        self.processes: list[Process] = []
        self.session = requests.Session()

    def manage(self, *args: str, stdin: str | None = None) -> None:
        done = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    def start(self, *, worker: bool = False) -> None:
        migrated_sqlite(self.data)
        self.manage("migrate", "--noinput")
        self.manage("shell", stdin=MAKE_USER.format(email=EMAIL, password=PASSWORD, zone="Europe/Berlin"))
        self.processes.append(start_gunicorn(self.port, self.tmp_path, self.env, threads=2))
        if worker:
            args = [sys.executable, "-m", "celery", "-A", "footlog", "worker", "--loglevel", "INFO"]
            args += ["--concurrency", "1", "--without-gossip", "--without-mingle", "--pool", "solo"]
            self.processes.append(Process(args, self.env, self.tmp_path / f"celery-{self.data.name}.log"))
        wait_for(lambda: http_answers(f"{self.base}/privacy/", below=300), timeout=120, interval=0.5)
        login = requests.post(
            f"{self.base}/_allauth/app/v1/auth/login", json={"email": EMAIL, "password": PASSWORD}, timeout=60
        )
        assert login.status_code == 200, login.text
        self.session.headers["X-Session-Token"] = login.json()["meta"]["session_token"]

    def stop(self) -> str:
        output = ""
        for process in self.processes:
            process.stop()
            output += process.output()
        return output

    def api(self, method: str, path: str, **kwargs) -> requests.Response:
        return self.session.request(method, f"{self.base}/api/v1/{path}", timeout=120, **kwargs)


def fill(server: Server) -> None:
    """A month of history through the API: observations, built-in and custom steps, photos of two sites."""
    step = server.api("POST", "routine-steps/", json={"label": "Retinoid cream", "kind": "care"})
    assert step.status_code == 201, step.text
    custom = step.json()["key"]
    for day in range(1, 29, 3):
        body = {
            "date": f"2026-10-{day:02d}",
            "notes": f"day {day}: crème après la douche",
            "observations": [
                {"site": "left_heel", "count": 2 + day // 7, "largest_mm": 1.5, "itch": day % 3},
                {"site": "right_ankle_outer", "count": 0},
            ],
            "routine": [
                {"step": "wash", "done": True},
                {"step": "moisturise", "done": day % 2 == 0, "detail": "urea 10%"},
                {"step": custom, "done": True, "detail": "pea-sized"},
            ],
        }
        entry = server.api("POST", "entries/", json=body)
        assert entry.status_code == 201, entry.text
        if day % 9 == 1:
            for site, size in (("left_heel", (640, 480)), ("right_ankle_outer", (480, 640))):
                image = photo_samples.jpeg(*size)
                photo = server.api(
                    "POST",
                    f"entries/{entry.json()['id']}/photos/",
                    files={"image": ("IMG.jpg", image, "image/jpeg")},
                    data={"site": site},
                )
                assert photo.status_code == 201, photo.text
    server.manage("shell", stdin=SET_VIEWS)


def export(server: Server) -> bytes:
    answer = server.api("GET", "account/export")
    assert answer.status_code == 200 and answer.headers["Content-Type"] == "application/zip", answer.text[:300]
    return answer.content


def entries_of(server: Server) -> list[dict]:
    rows = server.api("GET", "entries/", params={"page_size": 366}).json()["results"]
    out = []
    for entry in sorted(rows, key=lambda e: e["date"]):
        out.append(
            {
                "date": entry["date"],
                "notes": entry["notes"],
                "for_clinician": entry["for_clinician"],
                "observations": entry["observations"],
                "routine": sorted((r["step"], r["done"], r.get("detail", "")) for r in entry["routine"]),
                "photos": sorted((p["site"], p["width"], p["height"]) for p in entry["photos"]),
            }
        )
    return out


def photos_in(content: bytes) -> list[tuple]:
    """Each photo's day, site, view, scale and dimensions, as the server's own export states them."""
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("footlog-data.json"))
    return sorted(
        (p["date"], p["site"], p["view"], p["scale_in_frame"], p["width"], p["height"]) for p in data["photos"]
    )


def test_export_from_one_server_imports_into_another_with_the_same_answers(tmp_path):
    source, target = Server("source", tmp_path), Server("target", tmp_path)
    try:
        source.start()
        target.start(worker=True)
        fill(source)
        content = export(source)

        created = target.api(
            "POST", "account/import", files={"file": ("footlog-my-data.zip", content, "application/zip")}
        )
        assert created.status_code == 202, created.text
        job = created.json()
        assert created.headers["Cache-Control"] == "private, no-store"
        done = wait_for(
            lambda: (
                (j := target.api("GET", job["url"].removeprefix("/api/v1/")).json())["status"] in ("done", "failed")
                and j
            ),
            timeout=180,
            interval=0.5,
        )
        assert done["status"] == "done", done
        assert done["result"]["entries"] == 10 and done["result"]["photos"] == 8, done

        assert entries_of(target) == entries_of(source)
        source_photos, target_photos = photos_in(content), photos_in(export(target))
        assert target_photos == source_photos and len(target_photos) == 8
        assert {p[2] for p in target_photos} == {"closeup", "overview"}
        assert (
            target.api("GET", "timeline/", params=RANGE).json() == source.api("GET", "timeline/", params=RANGE).json()
        )

        again = target.api(
            "POST", "account/import", files={"file": ("footlog-my-data.zip", content, "application/zip")}
        )
        assert again.status_code == 202, again.text
        second = wait_for(
            lambda: (
                (j := target.api("GET", again.json()["url"].removeprefix("/api/v1/")).json())["status"]
                in ("done", "failed")
                and j
            ),
            timeout=180,
            interval=0.5,
        )
        assert second["status"] == "done" and second["result"]["entries"] == 0 and second["result"]["photos"] == 0
        assert entries_of(target) == entries_of(source)
    except BaseException:
        print(source.stop(), target.stop())
        raise
    else:
        output = source.stop() + target.stop()
        assert "crème" not in output and "Traceback" not in output
