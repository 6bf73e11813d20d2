from __future__ import annotations

from accounts.models import User


def test_staff_see_entries_but_not_note_text(api, make_user):
    api.post(
        "/api/v1/entries/",
        {"date": "2026-11-10", "notes": "SECRET-NOTE-TEXT", "observations": [{"site": "left_heel", "count": 2}]},
        format="json",
    )
    admin = User.objects.create_superuser("admin@example.com", "admin-pass-123")
    from django.test import Client

    client = Client()
    client.force_login(admin)
    listing = client.get("/admin/diary/entry/")
    assert listing.status_code == 200
    assert "2026" in listing.content.decode()
    entry_id = api.get("/api/v1/entries/").json()["results"][0]["id"]
    detail = client.get(f"/admin/diary/entry/{entry_id}/change/")
    assert detail.status_code == 200
    assert "SECRET-NOTE-TEXT" not in detail.content.decode()
    assert "SECRET-NOTE-TEXT" not in listing.content.decode()
