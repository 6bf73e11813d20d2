"""Web Push: endpoints on public https hosts only (at subscribe time and on the connected peer at send time), no
redirects, at most five subscriptions per user, one owner per endpoint (issue 13: items 2, 3 and 11)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core import checks

from reminders import services
from reminders.models import Delivery, DeliveryAttempt, PushSubscription
from tests.reminders.fake_push import FakePushService, SilentListener, serve

pytestmark = pytest.mark.django_db
SUBS = "/api/v1/push-subscriptions/"
PUBLIC = "93.184.215.14"  # a global unicast address; the stubbed resolver hands it out, nothing connects to it


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://169.254.169.254/latest/meta-data/",
        "https://localhost:6379/",
        "https://10.0.0.1/",
        "https://[::1]:5432/",
        "https://2130706433:8443/",
        "https://user:pass@127.0.0.1/",
        "https://0x7f000001/",  # hex
        "https://0177.0.0.1/",  # octal
        "https://127.1/",  # short form
        "https://[::ffff:127.0.0.1]/",
        "https://user@push.example.net/wpush",  # userinfo on a name
        "https://push.localhost/wpush",
        "http://push.example.net/wpush",  # not https
        "https://internal.example.net/wpush",  # a name that resolves to 10.x (stubbed below)
        "https://mapped.example.net/wpush",  # a name that resolves to loopback in IPv6 clothing
        "https://multi.example.net/wpush",  # one public and one private address: every address must be public
    ],
)
def test_endpoint_on_a_private_or_literal_host_is_refused(api, browser_keys, loopback_only, endpoint) -> None:
    loopback_only.resolve("internal.example.net", "10.20.30.40")
    loopback_only.resolve("mapped.example.net", "::ffff:127.0.0.1")
    loopback_only.resolve("multi.example.net", PUBLIC, "192.168.1.10")
    response = api.post(SUBS, browser_keys().subscription_json(endpoint), format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] and list(body["errors"]) == ["endpoint"]
    assert not PushSubscription.objects.exists()


def test_public_name_and_a_name_not_resolvable_now_are_accepted(api, browser_keys, loopback_only) -> None:
    loopback_only.resolve("fcm.googleapis.com", PUBLIC, "2607:f8b0:4004:c1b::5f")
    for endpoint in ("https://fcm.googleapis.com/fcm/send/abc", "https://not-yet-in-dns.example.com/wpush/1"):
        assert api.post(SUBS, browser_keys().subscription_json(endpoint), format="json").status_code == 201


def test_deploy_check_refuses_the_push_allow_list(settings) -> None:
    def errors() -> list[str]:
        return [m.id for m in checks.run_checks(include_deployment_checks=True) if m.id == "reminders.E001"]

    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ()
    assert errors() == []
    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ("127.0.0.1",)
    assert errors() == ["reminders.E001"]
    assert "reminders.E001" not in [m.id for m in checks.run_checks()]  # only `check --deploy` refuses it


# --- at send time ------------------------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[SilentListener]:
    server = SilentListener()
    yield server
    server.close()


def push_delivery(user: Any, endpoint: str, keys: Any) -> Delivery:
    """A subscription stored as it was accepted at subscribe time, and a push delivery due now."""
    PushSubscription.objects.create(
        user=user, endpoint=endpoint, p256dh=keys.p256dh, auth=keys.subscription_json("")["keys"]["auth"]
    )
    services.preferences_update(user, {"enabled": True, "channels": ["push"], "weekly_photo": False})
    return Delivery.objects.create(
        user=user,
        kind="daily_log",
        local_date=dt.date(2026, 11, 24),
        channel="push",
        next_attempt_at=dt.datetime(2026, 11, 24, tzinfo=dt.UTC),
    )


def test_send_refuses_a_connected_peer_on_loopback_after_dns_rebinding(
    user, browser_keys, loopback_only, listener, enqueued
) -> None:
    # The name was public when checked, and resolves to loopback when the connection is made.
    loopback_only.rebind("rebind.example.net", [PUBLIC], ["127.0.0.1"])
    delivery = push_delivery(user, f"https://rebind.example.net:{listener.port}/wpush/x", browser_keys())
    assert services.deliver([delivery.pk])["failed"] == 1
    assert listener.connections == 1  # the connect happened: the refusal came from the peer check
    assert listener.received == b""  # and nothing was sent to it, not even a TLS hello
    attempt = DeliveryAttempt.objects.get(delivery=delivery)
    assert (attempt.outcome, attempt.error) == ("permanent", "push endpoint address not public")


def test_send_refuses_a_loopback_name_before_connecting(user, browser_keys, loopback_only, listener, enqueued) -> None:
    loopback_only.resolve("inside.example.net", "127.0.0.1")
    delivery = push_delivery(user, f"https://inside.example.net:{listener.port}/wpush/x", browser_keys())
    assert services.deliver([delivery.pk])["failed"] == 1
    assert listener.connections == 0


def test_allow_listed_host_is_reached_and_a_redirect_is_not_followed(
    user, browser_keys, listener, enqueued, settings
) -> None:
    settings.REMINDERS_PUSH_ALLOWED_HOSTS = ("127.0.0.1",)

    class Redirect(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.1:{listener.port}/internal")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        delivery = push_delivery(user, f"http://127.0.0.1:{server.server_address[1]}/wpush/x", browser_keys())
        assert services.deliver([delivery.pk])["failed"] == 1
    finally:
        server.shutdown()
        server.server_close()
    assert listener.connections == 0  # the 307 was the answer, not a place to go
    assert DeliveryAttempt.objects.get(delivery=delivery).error == "push service 307"


def test_loopback_push_service_is_refused_unless_allow_listed(user, browser_keys, enqueued, settings) -> None:
    service = FakePushService()
    server = serve(service)
    keys = browser_keys()
    service.keys["/wpush/one"] = keys
    try:
        delivery = push_delivery(user, service.url("/wpush/one"), keys)
        settings.REMINDERS_PUSH_ALLOWED_HOSTS = ()
        assert services.deliver([delivery.pk])["failed"] == 1
        assert service.received == []
    finally:
        server.shutdown()
        server.server_close()


# --- how many, and whose -----------------------------------------------------------------------------------


def test_a_user_keeps_at_most_five_subscriptions_the_oldest_go(api, user, browser_keys) -> None:
    endpoints = [f"https://push.example.net/wpush/{n}" for n in range(7)]
    for endpoint in endpoints:
        assert api.post(SUBS, browser_keys().subscription_json(endpoint), format="json").status_code == 201
    kept = list(PushSubscription.objects.filter(user=user).order_by("created", "id").values_list("endpoint", flat=True))
    assert kept == endpoints[2:]


def test_endpoint_moves_to_another_user_only_with_the_same_keys(api, outsider, user, other_user, browser_keys) -> None:
    endpoint = "https://push.example.net/wpush/shared-browser"
    keys = browser_keys()
    assert api.post(SUBS, keys.subscription_json(endpoint), format="json").status_code == 201
    stranger = browser_keys().subscription_json(endpoint)  # knows the URL, not the browser's keys
    response = outsider.post(SUBS, stranger, format="json")
    assert response.status_code == 409
    assert response.json()["detail"]
    stored = PushSubscription.objects.get()
    assert (stored.user, stored.p256dh) == (user, keys.p256dh)
    # The same browser, now signed in as the other user, proves the keys: the subscription moves.
    response = outsider.post(SUBS, keys.subscription_json(endpoint), format="json")
    assert response.status_code == 200
    assert PushSubscription.objects.get().user == other_user
