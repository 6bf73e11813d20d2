from rest_framework import serializers

from accounts.models import User, validate_timezone
from footlog.api.fields import StrictCharField


class AccountSerializer(serializers.ModelSerializer):
    display_name = StrictCharField(max_length=80, required=False, allow_blank=True)
    timezone = StrictCharField(max_length=64, required=False, validators=[validate_timezone])

    class Meta:
        model = User
        fields = ("email", "display_name", "timezone", "date_joined")
        read_only_fields = ("email", "date_joined")


class AccountDeleteIn(serializers.Serializer):
    password = StrictCharField(max_length=4096, trim_whitespace=False)
