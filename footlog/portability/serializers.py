from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from footlog.api.fields import StrictCharField
from footlog.portability.models import ImportJob


class AccountDeleteIn(serializers.Serializer[None]):
    """The password, or for an account without one (passkeys only) the code from `POST account/delete-code`."""

    password = StrictCharField(max_length=4096, trim_whitespace=False, required=False, default="")
    code = StrictCharField(max_length=32, required=False, default="")


class ImportJobOut(serializers.Serializer[ImportJob]):
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

    def get_url(self, job: ImportJob) -> str:
        return reverse("account-import-detail", kwargs={"pk": job.pk})


class ImportIn(serializers.Serializer[None]):
    file = serializers.FileField(help_text="footlog's account export zip (GET account/export)")
