"""A footlog app that keeps writing (run as a child by tests/ops/test_backup_restore.py).

`python tests/ops/app_writer.py STATE_DIR`, with FOOTLOG_DATA_DIR set: migrates the SQLite install (the test hands it a
migrated copy, tests/support/services.py migrated_sqlite), creates a
user with settings, entries and photos through the API, writes STATE_DIR/seed.json, then adds one entry after
another (each committed before it is counted in STATE_DIR/written) until STATE_DIR/stop appears.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import uuid
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.consent import consent_give  # noqa: E402
from accounts.models import User  # noqa: E402
from tests.diary import photo_samples  # noqa: E402

EMAIL, PASSWORD = "restore-drill@example.com", "a sturdy passphrase 42"


def main(state: Path) -> None:
    call_command("migrate", verbosity=0)
    user = User.objects.create_user(EMAIL, PASSWORD, timezone="Pacific/Auckland")
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    consent_give(user)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    reminders = {"enabled": True, "time": "07:15", "weekdays": [0, 2, 4], "channels": ["email"]}
    assert client.put("/api/v1/reminders/", reminders, content_type="application/json").status_code == 200
    entries, photos = [], {}
    day = dt.date(2026, 11, 1)
    for number in range(3):
        body = {
            "date": (day + dt.timedelta(days=number)).isoformat(),
            "notes": f"seed {number}",
            "observations": [{"site": "left_heel", "count": number + 1, "largest_mm": 1.5}],
        }
        response = client.post("/api/v1/entries/", body, content_type="application/json")
        assert response.status_code == 201, response.content
        entries.append(response.json()["id"])
    image = photo_samples.jpeg()
    for entry in entries[:2]:
        upload = SimpleUploadedFile("p.jpg", image, content_type="image/jpeg")
        response = client.post(f"/api/v1/entries/{entry}/photos/", {"image": upload, "site": "left_heel"})
        assert response.status_code == 201, response.content
        photo = response.json()["id"]
        stored = b"".join(client.get(f"/api/v1/photos/{photo}/image").streaming_content)  # type: ignore[arg-type]
        photos[photo] = hashlib.sha256(stored).hexdigest()
    (state / "seed.json").write_text(json.dumps({"entries": entries, "photos": photos}))
    written, date = 0, day - dt.timedelta(days=1)
    while not (state / "stop").exists():
        body = {"id": str(uuid.uuid4()), "date": date.isoformat(), "notes": f"written {written}"}
        response = client.post("/api/v1/entries/", body, content_type="application/json")
        assert response.status_code == 201, response.content
        written += 1
        (state / "written").write_text(str(written))
        date -= dt.timedelta(days=1)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
