"""reminders/, push-subscriptions/ and push/public-key: owner, outsider, anonymous and every bad input."""

from __future__ import annotations

import pytest

from reminders.models import PushSubscription, Reminder, ReminderPreference

pytestmark = pytest.mark.django_db

URL = "/api/v1/reminders/"
SUBS = "/api/v1/push-subscriptions/"
KEY = "/api/v1/push/public-key"
ENDPOINT = "https://push.example.net/wpush/v2/abc123"

GOOD = {
    "enabled": True,
    "time": "20:30",
    "timezone": "Europe/Berlin",
    "weekdays": [0, 2, 4],
    "channels": ["email"],
    "skip_if_logged": True,
    "weekly_photo": False,
}


def test_preferences_default_to_off_in_the_users_zone(api, user) -> None:
    response = api.get(URL)
    assert response.status_code == 200
    assert response.json()["enabled"] is False
    assert response.json()["timezone"] == user.timezone
    assert response.json()["weekdays"] == [0, 1, 2, 3, 4, 5, 6]


def test_put_preferences_stores_them_and_schedules_the_daily_reminder(api, user) -> None:
    response = api.put(URL, GOOD, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert {k: body[k] for k in GOOD} == GOOD
    assert api.get(URL).json() == body
    daily = Reminder.objects.get(user=user, kind="daily_log")
    assert daily.next_fire_at is not None
    assert daily.next_fire_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Berlin")).weekday() in (0, 2, 4)
    assert Reminder.objects.get(user=user, kind="weekly_photo").next_fire_at is None


def test_turning_reminders_off_unschedules_every_kind(api, user) -> None:
    api.put(URL, GOOD, format="json")
    assert api.put(URL, {"enabled": False}, format="json").status_code == 200
    assert not Reminder.objects.filter(user=user, next_fire_at__isnull=False).exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("timezone", "Mars/Olympus_Mons"),
        ("timezone", 5),
        ("time", "25:00"),
        ("time", "20:61"),
        ("time", "8pm"),
        ("weekdays", [0, 7]),
        ("weekdays", [-1]),
        ("weekdays", ["1"]),
        ("weekdays", "0,1"),
        ("channels", ["sms"]),
        ("channels", ["email", "email"]),
        ("enabled", "yes"),
        ("photo_weekday", 9),
    ],
)
def test_bad_preference_is_rejected_with_the_field_named(api, user, field, value) -> None:
    response = api.put(URL, {**GOOD, field: value}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert response.json()["detail"]
    assert not ReminderPreference.objects.filter(user=user).exists()


def test_push_channel_without_a_subscription_is_rejected(api, user) -> None:
    response = api.put(URL, {**GOOD, "channels": ["email", "push"]}, format="json")
    assert response.status_code == 400
    assert "subscription" in response.json()["errors"]["channels"][0]
    assert not ReminderPreference.objects.filter(user=user).exists()
    assert not Reminder.objects.filter(user=user).exists()


def test_push_channel_is_accepted_once_subscribed(api, browser_keys) -> None:
    assert api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json").status_code == 201
    response = api.put(URL, {**GOOD, "channels": ["push", "email"]}, format="json")
    assert response.status_code == 200
    assert response.json()["channels"] == ["email", "push"]


def test_preferences_need_a_login(anonymous) -> None:
    assert anonymous.get(URL).status_code == 401
    assert anonymous.put(URL, GOOD, format="json").status_code == 401


def test_preferences_are_per_user(api, outsider, user) -> None:
    api.put(URL, GOOD, format="json")
    assert outsider.get(URL).json()["enabled"] is False
    outsider.put(URL, {**GOOD, "time": "07:00"}, format="json")
    assert api.get(URL).json()["time"] == "20:30"


# --- push subscriptions -----------------------------------------------------------------------------------


def test_subscribing_stores_the_browser_subscription(api, user, browser_keys) -> None:
    keys = browser_keys()
    response = api.post(SUBS, keys.subscription_json(ENDPOINT), format="json")
    assert response.status_code == 201
    stored = PushSubscription.objects.get(pk=response.json()["id"])
    assert (stored.user, stored.endpoint, stored.p256dh) == (user, ENDPOINT, keys.p256dh)


def test_subscribing_the_same_endpoint_again_updates_it(api, browser_keys) -> None:
    api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json")
    newer = browser_keys()
    response = api.post(SUBS, newer.subscription_json(ENDPOINT), format="json")
    assert response.status_code == 200
    assert PushSubscription.objects.get().p256dh == newer.p256dh


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"endpoint": "http://push.example.net/x"}, "endpoint"),
        ({"endpoint": "ftp://push.example.net/x"}, "endpoint"),
        ({"endpoint": "not a url"}, "endpoint"),
        ({"keys": {"p256dh": "AAAA", "auth": "c2l4dGVlbiBieXRlcyEhIQ"}}, "keys"),
        ({"keys": {"p256dh": "!!!notbase64!!!", "auth": "c2l4dGVlbiBieXRlcyEhIQ"}}, "keys"),
        ({"keys": {"p256dh": "BAAAAA" + "A" * 81, "auth": "c2l4dGVlbiBieXRlcyEhIQ"}}, "keys"),
        ({"keys": {"p256dh": None, "auth": "x"}}, "keys"),
        ({"keys": "nope"}, "keys"),
    ],
)
def test_bad_subscription_is_rejected(api, browser_keys, change, field) -> None:
    response = api.post(SUBS, {**browser_keys().subscription_json(ENDPOINT), **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"], response.json()
    assert not PushSubscription.objects.exists()


def test_subscription_with_short_auth_secret_is_rejected(api, browser_keys) -> None:
    body = browser_keys().subscription_json(ENDPOINT)
    body["keys"]["auth"] = "c2hvcnQ"  # "short": 5 bytes, not 16
    response = api.post(SUBS, body, format="json")
    assert response.status_code == 400
    assert "auth" in response.json()["errors"]["keys"]


def test_owner_deletes_a_subscription(api, user, browser_keys) -> None:
    pk = api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json").json()["id"]
    assert api.delete(f"{SUBS}{pk}/").status_code == 204
    assert not PushSubscription.objects.filter(pk=pk).exists()


def test_outsider_cannot_delete_a_subscription(api, outsider, browser_keys) -> None:
    pk = api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json").json()["id"]
    response = outsider.delete(f"{SUBS}{pk}/")
    assert response.status_code == 404
    assert response.json()["detail"]
    assert PushSubscription.objects.filter(pk=pk).exists()


def test_subscriptions_need_a_login(anonymous, api, browser_keys) -> None:
    pk = api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json").json()["id"]
    assert anonymous.post(SUBS, browser_keys().subscription_json(ENDPOINT + "x"), format="json").status_code == 401
    assert anonymous.delete(f"{SUBS}{pk}/").status_code == 401
    assert PushSubscription.objects.count() == 1


def test_public_key_is_the_servers_vapid_key(api) -> None:
    from reminders.vapid import identity

    response = api.get(KEY)
    assert response.status_code == 200
    assert response.json()["public_key"] == identity().public_key
    assert len(response.json()["public_key"]) == 87  # 65 bytes, base64url without padding


def test_public_key_needs_a_login(anonymous) -> None:
    assert anonymous.get(KEY).status_code == 401


def test_public_key_is_the_same_for_everyone(api, outsider) -> None:
    # Not a per-user object, so there is nothing for an outsider to be refused: both see the server's key.
    assert api.get(KEY).json() == outsider.get(KEY).json()


def test_deleting_the_user_removes_every_reminder_row(api, user, browser_keys) -> None:
    api.post(SUBS, browser_keys().subscription_json(ENDPOINT), format="json")
    api.put(URL, {**GOOD, "channels": ["email", "push"]}, format="json")
    user.delete()
    assert not ReminderPreference.objects.exists()
    assert not Reminder.objects.exists()
    assert not PushSubscription.objects.exists()
