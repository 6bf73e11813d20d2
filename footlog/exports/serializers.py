"""Input and output shapes of the export and share endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from rest_framework import serializers

from footlog.api.fields import StrictBooleanField, StrictCharField, StrictIntegerField
from footlog.api.params import MAX_RANGE_DAYS, range_date_field
from footlog.exports.models import MAX_QUESTIONS, ReportJob, Share, ShareAccess
from footlog.exports.services import MAX_SHARE_DAYS


class _RangeBody(serializers.Serializer):
    """`from`/`to` in a JSON body, with the same rules as the query parameters (ordered, ≤ five years)."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be a class attribute.
        fields["from"] = range_date_field(required=True)
        fields["to"] = range_date_field(required=True)
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start: dt.date = attrs["from"]
        end: dt.date = attrs["to"]
        if start > end:
            raise serializers.ValidationError({"from": ["`from` must not be after `to`."]})
        if (end - start).days > MAX_RANGE_DAYS:
            raise serializers.ValidationError({"to": ["The range may span at most five years."]})
        return attrs


class ShareIn(_RangeBody):
    include_photos = StrictBooleanField(required=False, default=False)
    expires_in_days = StrictIntegerField(min_value=1, max_value=MAX_SHARE_DAYS)
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")


class ShareAccessOut(serializers.ModelSerializer):
    class Meta:
        model = ShareAccess
        fields = ("at", "client", "resource")


class ShareOut(serializers.ModelSerializer):
    status = serializers.SerializerMethodField()
    accesses = ShareAccessOut(many=True, read_only=True)

    class Meta:
        model = Share
        fields = ("id", "start", "end", "include_photos", "created", "expires_at", "revoked_at", "status", "accesses")

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        # The API names the range from/to everywhere.
        fields["from"] = fields.pop("start")
        fields["from"].source = "start"
        fields["to"] = fields.pop("end")
        fields["to"].source = "end"
        return fields

    def get_status(self, share: Share) -> str:
        if share.revoked_at is not None:
            return "revoked"
        return "active" if share.is_open(timezone.now()) else "expired"


class ShareCreatedOut(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.URLField(help_text="The link, shown only now: footlog stores only a hash of its token.")
    expires_at = serializers.DateTimeField()
    qr_svg = serializers.CharField(help_text="An SVG QR code of `url`, for the page that created the link.")


class ReportQuery(serializers.Serializer):
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")


class ReportJobIn(_RangeBody):
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")


class ReportJobOut(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = ReportJob
        fields = ("id", "state", "progress", "error", "created", "finished", "download_url")

    def get_download_url(self, job: ReportJob) -> str | None:
        return f"/api/v1/exports/report-jobs/{job.pk}/report.pdf" if job.state == ReportJob.State.DONE else None
