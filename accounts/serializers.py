from django.db.models import Model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.consent import consent_state
from accounts.models import User, validate_timezone
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

    class Meta:
        model = User
        fields = ("email", "display_name", "timezone", "date_joined", "consent")
        read_only_fields = ("email", "date_joined")

    @extend_schema_field(ConsentOut)
    def get_consent(self, user: User) -> dict[str, object]:
        return ConsentOut(consent_state(user)).data


class AccountDeleteIn(serializers.Serializer[None]):
    """The password, or for an account without one (passkeys only) the code from `POST account/delete-code`."""

    password = StrictCharField(max_length=4096, trim_whitespace=False, required=False, default="")
    code = StrictCharField(max_length=32, required=False, default="")


class ImportJobOut(serializers.Serializer[Model]):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=["queued", "running", "done", "failed"])
    progress = serializers.DictField(help_text='{"stage", "percent", "done", "total"}')
    error = serializers.DictField(allow_null=True, help_text='{"code", "detail", "dates"?} when failed')
    result = serializers.DictField(
        allow_null=True,
        help_text='counts when done: {"entries", "entries_unchanged", "photos", "photos_unchanged", '
        '"photos_missing", "routine_steps", "site_history", "visits", "settings": "taken"|"kept"}',
    )
    url = serializers.SerializerMethodField()
    created = serializers.DateTimeField()
    finished = serializers.DateTimeField(allow_null=True)

    def get_url(self, job: Model) -> str:
        return f"/api/v1/account/import/{job.pk}"


class ImportIn(serializers.Serializer[None]):
    file = serializers.FileField(help_text="footlog's account export zip (GET account/export)")
