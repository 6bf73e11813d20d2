from __future__ import annotations

import base64
import binascii
import datetime as dt

from cryptography.hazmat.primitives.asymmetric import ec
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.models import validate_timezone
from footlog.api.fields import StrictBooleanField, StrictCharField, StrictIntegerField
from reminders.models import Channel, PushSubscription, ReminderPreference


@extend_schema_field({"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "20:30"})
class WallTimeField(serializers.TimeField):
    """HH:MM, documented as such: OpenAPI's `format: time` means RFC 3339 HH:MM:SS, which "20:30" is not."""


class PreferencesOut(serializers.ModelSerializer[ReminderPreference]):
    time = WallTimeField(format="%H:%M")
    timezone = serializers.CharField(read_only=True, help_text="The account's time zone (its only home)")
    weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6))
    channels = serializers.ListField(child=serializers.ChoiceField(choices=Channel.choices))

    class Meta:
        model = ReminderPreference
        fields = (
            "enabled",
            "time",
            "timezone",
            "weekdays",
            "channels",
            "skip_if_logged",
            "weekly_photo",
            "photo_weekday",
        )


class PreferencesIn(serializers.Serializer[None]):
    """Every field is optional: a field left out keeps its stored value."""

    enabled = StrictBooleanField(required=False)
    time = WallTimeField(required=False, input_formats=["%H:%M"], help_text="Local wall time, HH:MM (24 h)")
    timezone = StrictCharField(
        required=False,
        max_length=64,
        validators=[validate_timezone],
        help_text="IANA zone, e.g. Europe/Berlin; written to the account's time zone",
    )
    weekdays = serializers.ListField(
        child=StrictIntegerField(min_value=0, max_value=6),
        required=False,
        max_length=7,
        help_text="0 = Monday … 6 = Sunday",
    )
    channels = serializers.ListField(
        child=serializers.ChoiceField(choices=Channel.choices), required=False, max_length=2
    )
    skip_if_logged = StrictBooleanField(required=False)
    weekly_photo = StrictBooleanField(required=False)
    photo_weekday = StrictIntegerField(required=False, min_value=0, max_value=6)

    def validate_time(self, value: dt.time) -> dt.time:
        return value.replace(second=0, microsecond=0)

    def validate_channels(self, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise serializers.ValidationError(gettext("Each channel may appear once."))
        return value


def _b64url_bytes(value: str, field: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (binascii.Error, ValueError):
        raise serializers.ValidationError({field: [gettext("Must be base64url.")]}) from None


class PushKeysIn(serializers.Serializer[None]):
    p256dh = StrictCharField(max_length=128)
    auth = StrictCharField(max_length=64)

    def validate_p256dh(self, value: str) -> str:
        raw = _b64url_bytes(value, "p256dh")
        try:
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
        except ValueError:
            raise serializers.ValidationError(gettext("Must be a base64url P-256 public key (65 bytes).")) from None
        return value.rstrip("=")

    def validate_auth(self, value: str) -> str:
        if len(_b64url_bytes(value, "auth")) != 16:
            raise serializers.ValidationError(gettext("Must be a base64url 16-byte secret."))
        return value.rstrip("=")


class PushSubscriptionIn(serializers.Serializer[None]):
    """A browser's `PushSubscription.toJSON()`."""

    endpoint = StrictCharField(
        max_length=2000, help_text="https on a public push service's host name (rules: reminders/endpoints.py)"
    )
    expirationTime = serializers.IntegerField(required=False, allow_null=True)
    keys = PushKeysIn()


class PushSubscriptionOut(serializers.ModelSerializer[PushSubscription]):
    class Meta:
        model = PushSubscription
        fields = ("id", "endpoint", "created")


class PublicKeyOut(serializers.Serializer[object]):
    public_key = serializers.CharField(help_text="VAPID applicationServerKey, base64url (uncompressed P-256 point)")
