"""Input and output shapes of the export and share endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from rest_framework import serializers

from footlog.api.fields import ReportLanguageField, StrictCharField
from footlog.api.params import MAX_RANGE_DAYS, range_date_field
from footlog.exports.models import MAX_QUESTIONS, ReportJob


class RangeBody(serializers.Serializer[None]):
    """`from`/`to` in a JSON body, with the same rules as the query parameters (ordered, ≤ five years)."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be a class attribute.
        fields["from"] = range_date_field(required=True)
        fields["to"] = range_date_field(required=True)
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start: dt.date = attrs["from"]
        end: dt.date = attrs["to"]
        if start > end:
            raise serializers.ValidationError({"from": [gettext("`from` must not be after `to`.")]})
        if (end - start).days > MAX_RANGE_DAYS:
            raise serializers.ValidationError({"to": [gettext("The range may span at most five years.")]})
        return attrs


class ReportQuery(serializers.Serializer[None]):
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")
    language = ReportLanguageField()


class CsvQuery(serializers.Serializer[None]):
    language = ReportLanguageField(
        help_text="Column titles and site labels for people, in this language; absent: the stable English names"
    )


class ReportJobIn(RangeBody):
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")
    language = ReportLanguageField()


class ReportJobOut(serializers.ModelSerializer[ReportJob]):
    download_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField(help_text="Why the job failed, in the reader's language; empty otherwise")
    retrying = serializers.SerializerMethodField(
        help_text="True while a job whose worker stopped is being built again (at most 3 tries in all)"
    )

    class Meta:
        model = ReportJob
        fields = ("id", "state", "progress", "error", "created", "finished", "download_url", "retrying", "language")

    def get_error(self, job: ReportJob) -> str:
        # Stored as the English msgid (report_jobs.BUILD_FAILED, GAVE_UP): translated as it is read.
        return gettext(job.error) if job.error else ""

    def get_retrying(self, job: ReportJob) -> bool:
        return job.attempts > 1 and job.state in (ReportJob.State.PENDING, ReportJob.State.RUNNING)

    def get_download_url(self, job: ReportJob) -> str | None:
        return reverse("report-job-pdf", kwargs={"pk": job.pk}) if job.state == ReportJob.State.DONE else None
