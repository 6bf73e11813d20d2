"""/metrics: 404 without the token (or with a wrong one), Prometheus text with it; requests by route pattern,
reminder, job and cache figures; and not one label carrying an email, an id, a path or a note (canary)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from prometheus_client.parser import text_string_to_metric_families
from rest_framework.test import APIClient

from footlog.lib.metrics import shared_count

TOKEN = "metrics-token-0123456789abcdef"
CANARY = "zebracanary7431"


@pytest.fixture
def token(settings):
    settings.FOOTLOG_METRICS_TOKEN = TOKEN


def scrape(token: str = TOKEN) -> tuple[int, str]:
    response = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {token}")
    return response.status_code, response.content.decode()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


def value(text: str, name: str, **labels: str) -> float:
    return samples(text).get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_do_not_exist_without_a_configured_token(db, settings):
    settings.FOOTLOG_METRICS_TOKEN = ""
    assert scrape("")[0] == 404
    assert scrape()[0] == 404


def test_metrics_answer_404_to_a_missing_or_wrong_token(db, token):
    assert Client().get("/metrics").status_code == 404
    assert scrape("not-the-token-at-all-000")[0] == 404
    assert Client().get("/metrics", HTTP_AUTHORIZATION=TOKEN).status_code == 404  # no "Bearer"
    status, text = scrape()
    assert status == 200
    assert "footlog_metrics_database_ok 1.0" in text


def test_requests_are_counted_by_route_pattern_and_status(db, token, user, api):
    entry = api.post("/api/v1/entries/", {"date": "2026-11-02", "notes": "x"}, format="json").json()
    before = value(
        scrape()[1], "footlog_http_requests_total", route="api/v1/entries/<uuid:pk>/", method="GET", status="200"
    )
    assert api.get(f"/api/v1/entries/{entry['id']}/").status_code == 200
    assert Client().get(f"/share/{CANARY}abcdefghijklmnop/").status_code == 404
    text = scrape()[1]
    after = value(text, "footlog_http_requests_total", route="api/v1/entries/<uuid:pk>/", method="GET", status="200")
    assert after == before + 1
    assert entry["id"] not in text and CANARY not in text
    assert (
        value(text, "footlog_http_request_duration_seconds_count", route="api/v1/entries/<uuid:pk>/", method="GET") >= 1
    )


def test_reminder_backlog_deliveries_and_jobs_are_read_at_scrape_time(db, token, user):
    from footlog.exports.models import ReportJob
    from footlog.portability.models import ImportJob
    from reminders.models import Delivery, DeliveryAttempt, Reminder, ReminderPreference

    now = timezone.now()
    preference = ReminderPreference.objects.create(user=user, enabled=True)
    Reminder.objects.create(
        user=user, preference=preference, kind="daily_log", next_fire_at=now - dt.timedelta(minutes=10)
    )
    delivery = Delivery.objects.create(
        user=user, kind="daily_log", local_date=now.date(), channel="email", status="failed", next_attempt_at=now
    )
    DeliveryAttempt.objects.create(delivery=delivery, number=1, outcome="permanent", error="smtp 550")
    ReportJob.objects.create(
        user=user,
        start=dt.date(2026, 1, 1),
        end=dt.date(2026, 2, 1),
        state="running",
        started=now - dt.timedelta(minutes=5),
    )
    ImportJob.objects.create(user=user, status="queued")
    text = scrape()[1]
    assert value(text, "footlog_reminder_backlog", kind="reminders") == 1
    assert value(text, "footlog_reminder_backlog_oldest_seconds", kind="reminders") >= 600
    assert value(text, "footlog_reminder_deliveries", channel="email", status="failed") == 1
    assert value(text, "footlog_reminder_delivery_attempts_last_hour", channel="email", outcome="permanent") == 1
    assert value(text, "footlog_jobs", kind="report", state="running") == 1
    assert value(text, "footlog_jobs", kind="import", state="queued") == 1
    assert value(text, "footlog_jobs_oldest_running_seconds", kind="report") >= 300


def test_push_subscriptions_gone_are_counted_across_processes(db, token):
    before = value(scrape()[1], "footlog_push_subscriptions_gone_total")
    shared_count("footlog_push_subscriptions_gone")  # what the push transport calls on 404/410
    assert value(scrape()[1], "footlog_push_subscriptions_gone_total") == before + 1


def test_timeline_cache_hits_and_misses_are_counted(db, token, api):
    api.post("/api/v1/entries/", {"date": "2026-11-02", "notes": "x"}, format="json")
    text = scrape()[1]
    hits, misses = (value(text, "footlog_timeline_cache_lookups_total", result=r) for r in ("hit", "miss"))
    assert api.get("/api/v1/timeline/?from=2026-10-01&to=2026-11-03").status_code == 200
    assert api.get("/api/v1/timeline/?from=2026-10-01&to=2026-11-03").status_code == 200
    text = scrape()[1]
    assert value(text, "footlog_timeline_cache_lookups_total", result="miss") == misses + 1
    assert value(text, "footlog_timeline_cache_lookups_total", result="hit") == hits + 1


def test_no_label_carries_an_email_an_id_or_a_health_value(db, token, make_user):
    user = make_user(f"{CANARY}@example.com")
    api = APIClient()
    api.force_authenticate(user)
    body = {
        "date": "2026-11-03",
        "notes": f"note {CANARY}",
        "observations": [{"site": "left_heel", "count": 173, "largest_mm": 27.5, "itch": 9, "note": CANARY}],
    }
    entry = api.post("/api/v1/entries/", body, format="json").json()
    api.get(f"/api/v1/entries/{entry['id']}/?q={CANARY}")
    api.get("/api/v1/timeline/?from=2026-10-01&to=2026-11-03")
    Client().get(f"/{CANARY}/")
    text = scrape()[1]
    assert CANARY not in text
    assert entry["id"] not in text
    labels = {v for family in text_string_to_metric_families(text) for s in family.samples for v in s.labels.values()}
    assert not {v for v in labels if v in {str(user.pk), "173", "27.5", user.email}}
    assert not [v for v in labels if "@" in v or v.startswith("/")]
