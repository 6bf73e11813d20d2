"""The owner's objects, made through the API as the app would make them, for tests that attack them
(the authorization matrix) or fuzz them (schemathesis)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from tests.diary import photo_samples

NOTES = "owner-secret-notes-7f3a"


@dataclass
class Owned:
    """What the owner made: URL kwargs, strings the outsider must never see, and a check that it survived."""

    kwargs: dict[str, Any] = field(default_factory=dict)
    secrets: list[str] = field(default_factory=list)
    alive: Callable[[], bool] = lambda: True
    body: dict[str, Any] = field(default_factory=dict)


class Owner:
    """The owner's client and their objects, made through the API as the app would make them."""

    def __init__(self, client: APIClient, user: Any):
        self.client, self.user = client, user
        self._entry: dict | None = None

    def entry(self) -> dict:
        if self._entry is None:
            body = {
                "id": str(uuid.uuid4()),
                "date": "2026-11-20",
                "notes": NOTES,
                "observations": [{"site": "left_heel", "count": 2}],
            }
            response = self.client.post("/api/v1/entries/", body, format="json")
            assert response.status_code == 201, response.content
            self._entry = {**response.json(), "body": body}
        return self._entry

    def photo(self) -> dict:
        image = SimpleUploadedFile("IMG.jpg", photo_samples.jpeg(), content_type="image/jpeg")
        response = self.client.post(
            f"/api/v1/entries/{self.entry()['id']}/photos/", {"image": image, "site": "left_heel"}, format="multipart"
        )
        assert response.status_code == 201, response.content
        return response.json()

    def gone(self, url: str) -> Callable[[], bool]:
        return lambda: self.client.get(url).status_code == 200


def entry_detail(o: Owner) -> Owned:
    entry = o.entry()
    return Owned(
        {"pk": entry["id"]}, [entry["id"], NOTES], o.gone(f"/api/v1/entries/{entry['id']}/"), body=entry["body"]
    )


def entry_photos(o: Owner) -> Owned:
    entry = o.entry()
    image = SimpleUploadedFile("IMG.jpg", photo_samples.jpeg(), content_type="image/jpeg")
    return Owned(
        {"pk": entry["id"]}, [entry["id"], NOTES], o.gone(f"/api/v1/entries/{entry['id']}/"), body={"image": image}
    )


def photo(o: Owner) -> Owned:
    taken = o.photo()
    return Owned({"pk": taken["id"]}, [taken["id"], o.entry()["id"]], o.gone(f"/api/v1/photos/{taken['id']}/"))


def routine_step(o: Owner) -> Owned:
    response = o.client.post("/api/v1/routine-steps/", {"label": "owner-secret-cream", "kind": "care"}, format="json")
    assert response.status_code == 201, response.content
    key = response.json()["key"]
    steps = lambda: [s["key"] for s in o.client.get("/api/v1/routine-steps/").json()]  # noqa: E731
    return Owned({"key": key}, ["owner-secret-cream"], lambda: key in steps())


def share(o: Owner) -> Owned:
    o.entry()
    response = o.client.post(
        "/api/v1/shares/",
        {"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7},
        format="json",
    )
    assert response.status_code == 201, response.content
    created = response.json()
    shlink = created["shlink"].removeprefix("shlink:/")  # its payload names the manifest and the JWE key
    return Owned(
        {"pk": created["id"]},
        [created["id"], created["url"].rstrip("/").rsplit("/", 1)[-1], shlink[8:60]],
        lambda: any(s["id"] == created["id"] for s in _results(o.client.get("/api/v1/shares/").json())),
    )


def report_job(o: Owner) -> Owned:
    o.entry()
    response = o.client.post("/api/v1/exports/report-jobs/", {"from": "2026-11-01", "to": "2026-11-30"}, format="json")
    assert response.status_code in (201, 202), response.content
    job = response.json()
    return Owned({"pk": job["id"]}, [job["id"]], o.gone(f"/api/v1/exports/report-jobs/{job['id']}/"))


def import_job(o: Owner) -> Owned:
    """An account import of the owner's own export (queued; nothing runs it here)."""
    o.entry()
    export = o.client.get("/api/v1/account/export")
    assert export.status_code == 200
    content = b"".join(export.streaming_content)
    zipped = SimpleUploadedFile("footlog-my-data.zip", content, content_type="application/zip")
    response = o.client.post("/api/v1/account/import", {"file": zipped}, format="multipart")
    assert response.status_code == 202, response.content
    job = response.json()
    return Owned({"pk": job["id"]}, [job["id"], NOTES], o.gone(job["url"]))


def push_subscription(o: Owner) -> Owned:
    from reminders import services
    from reminders.models import PushSubscription

    endpoint = f"https://push.example.org/owner-secret-endpoint-{uuid.uuid4().hex}"
    subscription, _ = services.push_subscription_save(o.user, endpoint, "p" * 87, "a" * 22)
    return Owned(
        {"pk": subscription.pk}, [endpoint], lambda: PushSubscription.objects.filter(pk=subscription.pk).exists()
    )


def own_data(o: Owner) -> Owned:
    """Routes about the caller's own data: seeded owner data must not show up for the outsider."""
    entry = o.entry()
    return Owned({}, [entry["id"], NOTES, o.user.email], o.gone(f"/api/v1/entries/{entry['id']}/"), body=entry["body"])


def _results(body: Any) -> list:
    return body["results"] if isinstance(body, dict) else body


def guessed_unsubscribe_token(o: Owner) -> Owned:
    """The owner gets email reminders; a caller guessing an unsubscribe token must not switch them off."""
    import secrets

    response = o.client.put("/api/v1/reminders/", {"enabled": True, "channels": ["email"]}, format="json")
    assert response.status_code == 200, response.content

    def still_subscribed() -> bool:
        prefs = o.client.get("/api/v1/reminders/").json()
        return prefs["enabled"] and "email" in prefs["channels"]

    return Owned({"token": secrets.token_urlsafe(24)}, [o.user.email], still_subscribed)


ONSET_NOTE = "owner-secret-onset-note"
VISIT_NOTE = "owner-secret-visit-note"


def site_history(o: Owner) -> Owned:
    """The owner's onset at a site; the outsider's PUT to the same site key writes only the outsider's own."""
    url = "/api/v1/site-history/left_heel/"
    response = o.client.put(url, {"noticed_since": "2026-03", "note": ONSET_NOTE}, format="json")
    assert response.status_code == 200, response.content
    notes = lambda: [r["note"] for r in o.client.get("/api/v1/site-history/").json()]  # noqa: E731
    return Owned({"site": "left_heel"}, [ONSET_NOTE], lambda: notes() == [ONSET_NOTE], body={"not_sure": True})


def site_history_list(o: Owner) -> Owned:
    made = site_history(o)
    return Owned({}, made.secrets, made.alive)


def visit(o: Owner) -> Owned:
    response = o.client.post(
        "/api/v1/visits/", {"kind": "visited", "date": "2026-11-25", "note": VISIT_NOTE}, format="json"
    )
    assert response.status_code == 201, response.content
    created = response.json()
    ids = lambda: [v["id"] for v in o.client.get("/api/v1/visits/").json()]  # noqa: E731
    return Owned({"pk": created["id"]}, [created["id"], VISIT_NOTE], lambda: created["id"] in ids())


def visit_list(o: Owner) -> Owned:
    made = visit(o)
    return Owned({}, made.secrets, made.alive)
