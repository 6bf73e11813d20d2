from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.consent import consent_state
from accounts.models import LANGUAGE_CHOICES, User, validate_timezone
from footlog.api.fields import StrictCharField


class ConsentOut(serializers.Serializer[dict[str, object]]):
    given_at = serializers.DateTimeField(allow_null=True)
    version = serializers.CharField(allow_null=True)
    current_version = serializers.CharField()


class ConsentIn(serializers.Serializer[None]):
    version = StrictCharField(max_length=32)


class AccountSerializer(serializers.ModelSerializer[User]):
    consent = serializers.SerializerMethodField()
    display_name = StrictCharField(max_length=80, required=False, allow_blank=True)
    timezone = StrictCharField(max_length=64, required=False, validators=[validate_timezone])
    # null = follow the browser's language; anything but en/de/es is a 400 (invalid_choice).
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES, required=False, allow_null=True)

    class Meta:
        model = User
        fields = ("email", "display_name", "timezone", "language", "date_joined", "consent")
        read_only_fields = ("email", "date_joined")

    @extend_schema_field(ConsentOut)
    def get_consent(self, user: User) -> dict[str, object]:
        return ConsentOut(consent_state(user)).data
