from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from rest_framework import serializers

from footlog.api.fields import StrictCharField
from footlog.portability.import_document import render
from footlog.portability.models import ImportJob


class AccountDeleteIn(serializers.Serializer[None]):
    """The password, or for an account without one (passkeys only) the code from `POST account/delete-code`."""

    password = StrictCharField(max_length=4096, trim_whitespace=False, required=False, default="")
    code = StrictCharField(max_length=32, required=False, default="")


class ImportErrorField(serializers.DictField):
    """A failed job's error as the reader reads it: the worker stored its message (an English msgid and its
    parameters, account_import.stored_error), rendered here in the request's language; `code` stays English."""

    def to_representation(self, value: dict[str, Any]) -> dict[str, Any]:
        shown = {name: part for name, part in value.items() if name != "message"}
        # Jobs stored before the message was kept have their English detail only: a msgid when it had no numbers.
        shown["detail"] = render(value["message"]) if "message" in value else gettext(str(value.get("detail", "")))
        return shown


class ImportJobOut(serializers.Serializer[ImportJob]):
    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=["queued", "running", "done", "failed"])
    progress = serializers.DictField(help_text='{"stage", "percent", "done", "total"}')
    error = ImportErrorField(
        allow_null=True, help_text='{"code", "detail", "dates"?} when failed; detail in the reader\'s language'
    )
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
