"""Clients replaying one offline entry at the same instant leave exactly one row (PostgreSQL)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable

import pytest
from django.db import connection
from rest_framework.test import APIClient

from footlog.diary.models import Entry, Observation

pytestmark = pytest.mark.django_db(transaction=True)


def post_concurrently(user, bodies: list[dict]) -> list[int]:
    """POST each body from its own thread and connection, all released at once; returns the statuses."""
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []

    def post(body: dict) -> Callable[[], None]:
        def run() -> None:
            client = APIClient()
            client.force_authenticate(user)
            barrier.wait()
            try:
                statuses.append(client.post("/api/v1/entries/", body, format="json").status_code)
            finally:
                connection.close()

        return run

    threads = [threading.Thread(target=post(body)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(statuses)


def test_twenty_concurrent_posts_with_one_client_id_make_one_entry(postgres, user):
    body = {"id": str(uuid.uuid4()), "date": "2026-11-22", "observations": [{"site": "left_top", "count": 1}]}
    assert post_concurrently(user, [body] * 20) == [200] * 19 + [201]
    assert Entry.objects.filter(user=user).count() == 1
    assert Observation.objects.filter(entry_id=body["id"]).count() == 1


def test_concurrent_posts_for_one_date_with_different_ids_make_one_entry(postgres, user):
    bodies = [{"id": str(uuid.uuid4()), "date": "2026-11-22"} for _ in range(10)]
    assert post_concurrently(user, bodies) == [201] + [409] * 9
    assert Entry.objects.filter(user=user).count() == 1
