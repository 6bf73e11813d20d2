from rest_framework import serializers

from accounts.models import User
from footlog.api.fields import StrictCharField
from footlog.lib.dates import is_valid_timezone


class AccountSerializer(serializers.ModelSerializer):
    display_name = StrictCharField(max_length=80, required=False, allow_blank=True)
    timezone = StrictCharField(max_length=64, required=False)

    class Meta:
        model = User
        fields = ("email", "display_name", "timezone", "date_joined")
        read_only_fields = ("email", "date_joined")

    def validate_timezone(self, value: str) -> str:
        if not is_valid_timezone(value):
            raise serializers.ValidationError(f"{value!r} is not an IANA time zone such as Europe/Berlin.")
        return value


class AccountDeleteIn(serializers.Serializer):
    password = StrictCharField(max_length=4096, trim_whitespace=False)
