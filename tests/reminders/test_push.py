"""Web Push through pywebpush to a local fake push service that verifies VAPID and decrypts the payload."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from reminders import services
from reminders.models import Delivery, DeliveryAttempt, PushSubscription
from reminders.vapid import identity
from tests.reminders.fake_push import FakePushService, serve

pytestmark = pytest.mark.django_db
UTC = dt.UTC
DUE = dt.datetime(2026, 11, 24, 19, 30, tzinfo=UTC)


@pytest.fixture
def push_service(settings):
    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ("127.0.0.1",)  # the fake speaks plain http on loopback
    service = FakePushService()
    server = serve(service)
    yield service
    server.shutdown()
    server.server_close()


@pytest.fixture
def push_user(api, user, push_service, browser_keys, enqueued):
    keys = browser_keys()
    push_service.keys["/wpush/one"] = keys
    response = api.post(
        "/api/v1/push-subscriptions/", keys.subscription_json(push_service.url("/wpush/one")), format="json"
    )
    assert response.status_code == 201
    with time_machine.travel(DUE - dt.timedelta(hours=1), tick=False):
        services.preferences_update(
            user, {"enabled": True, "time": dt.time(20, 30), "timezone": "Europe/Berlin", "channels": ["push"]}
        )
    with time_machine.travel(DUE, tick=False):
        services.dispatch_due()
    return user


def test_push_reminder_arrives_signed_and_encrypted(push_user, push_service, enqueued, settings) -> None:
    assert services.deliver(enqueued[0])["sent"] == 1
    assert push_service.errors == []
    [message] = push_service.received
    assert message.vapid_key == identity().public_key
    assert message.payload["title"] == "Time for today's footlog"
    assert message.payload["url"] == f"{settings.FOOTLOG_PUBLIC_URL}/"
    assert message.headers["topic"] == "daily-log"
    assert int(message.headers["ttl"]) == 6 * 3600
    assert Delivery.objects.get().status == "sent"


def test_gone_subscription_is_deleted_and_the_delivery_fails_for_good(push_user, push_service, enqueued) -> None:
    push_service.status = 410
    assert services.deliver(enqueued[0])["failed"] == 1
    assert not PushSubscription.objects.exists()
    assert DeliveryAttempt.objects.get().outcome == "permanent"
    assert len(enqueued) == 1  # not retried


def test_push_service_outage_is_retried(push_user, push_service, enqueued) -> None:
    push_service.status = 503
    with time_machine.travel(DUE, tick=False):
        assert services.deliver(enqueued[0])["retry"] == 1
    assert PushSubscription.objects.exists()
    push_service.status = 201
    with time_machine.travel(DUE + dt.timedelta(seconds=30), tick=False):
        assert services.deliver(enqueued[-1])["sent"] == 1
    assert list(DeliveryAttempt.objects.values_list("outcome", flat=True)) == ["transient", "sent"]


def test_one_gone_device_does_not_stop_the_others(push_user, push_service, enqueued, browser_keys, api) -> None:
    second = browser_keys()
    push_service.keys["/wpush/two"] = second
    api.post("/api/v1/push-subscriptions/", second.subscription_json(push_service.url("/wpush/two")), format="json")
    original = push_service.handle
    push_service.handle = lambda path, headers, body: 410 if path == "/wpush/one" else original(path, headers, body)
    assert services.deliver(enqueued[0])["sent"] == 1
    assert list(PushSubscription.objects.values_list("endpoint", flat=True)) == [push_service.url("/wpush/two")]


def test_generated_vapid_key_is_kept_in_the_data_dir(settings, tmp_path, monkeypatch) -> None:
    from reminders import vapid

    settings.VAPID = {"private_key": "", "public_key": "", "subject": "mailto:ops@example.com"}
    settings.DATA_DIR = tmp_path
    vapid.identity.cache_clear()
    try:
        first = vapid.identity().public_key
        vapid.identity.cache_clear()
        assert vapid.identity().public_key == first
        assert (tmp_path / "vapid_private.pem").stat().st_mode & 0o777 == 0o600
    finally:
        vapid.identity.cache_clear()


def test_vapid_keys_from_the_environment_win(settings) -> None:
    from py_vapid import Vapid02

    from reminders import vapid

    key = Vapid02()
    key.generate_keys()
    raw = key.private_key.private_numbers().private_value.to_bytes(32, "big")
    private = vapid._b64url(raw)
    settings.VAPID = {
        "private_key": private,
        "public_key": vapid._public_key_of(key),
        "subject": "mailto:ops@example.com",
    }
    vapid.identity.cache_clear()
    try:
        assert vapid.identity().public_key == vapid._public_key_of(key)
        assert vapid.identity().subject == "mailto:ops@example.com"
    finally:
        vapid.identity.cache_clear()


def test_processes_starting_together_generate_one_vapid_key(tmp_path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from reminders.vapid import _generated_key, _public_key_of; "
        "print(_public_key_of(_generated_key(Path(sys.argv[1]))))"
    )
    path = tmp_path / "vapid_private.pem"
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True) for _ in range(4)
    ]
    keys = {run.communicate(timeout=60)[0].strip() for run in runs}
    assert len(keys) == 1 and len(keys.pop()) == 87
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left behind
