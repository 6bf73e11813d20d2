from __future__ import annotations

from django.utils import timezone
from rest_framework import serializers

from footlog.api.fields import StrictBooleanField, StrictCharField, StrictIntegerField
from footlog.exports.models import MAX_QUESTIONS, Share, ShareAccess
from footlog.exports.serializers import RangeBody
from footlog.sharing.services import MAX_SHARE_DAYS


class ShareIn(RangeBody):
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
