from __future__ import annotations

from typing import Any

from django.utils import timezone
from rest_framework import serializers

from footlog.api.fields import ReportLanguageField, StrictBooleanField, StrictCharField, StrictIntegerField
from footlog.exports.models import MAX_QUESTIONS
from footlog.exports.serializers import RangeBody
from footlog.sharing.models import Share, ShareAccess
from footlog.sharing.services import MAX_SHARE_DAYS, PASSCODE_MAX, PASSCODE_MIN


class ShareIn(RangeBody):
    include_photos = StrictBooleanField(required=False, default=False)
    language = ReportLanguageField(help_text="The reader's language (en, de, es); default the user's")
    expires_in_days = StrictIntegerField(min_value=1, max_value=MAX_SHARE_DAYS)
    questions = StrictCharField(max_length=MAX_QUESTIONS, required=False, allow_blank=True, default="")
    passcode = StrictCharField(
        min_length=PASSCODE_MIN,
        max_length=PASSCODE_MAX,
        required=False,
        trim_whitespace=False,
        default="",
        write_only=True,
        help_text="Optional, 4-64 characters: asked before the page, its PDF and photos and the SMART Health "
        "Link's manifest; 10 wrong tries lock the link. Stored hashed.",
    )


class ShareAccessOut(serializers.ModelSerializer[ShareAccess]):
    class Meta:
        model = ShareAccess
        fields = ("at", "client", "resource")


class ShareOut(serializers.ModelSerializer[Share]):
    status = serializers.SerializerMethodField(help_text="active, expired, revoked, or locked (wrong passcodes)")
    passcode = serializers.BooleanField(source="has_passcode", read_only=True)
    remaining_attempts = serializers.SerializerMethodField(help_text="Wrong passcodes left; null without one.")
    accesses = ShareAccessOut(many=True, read_only=True)

    class Meta:
        model = Share
        fields = (
            "id",
            "start",
            "end",
            "include_photos",
            "created",
            "expires_at",
            "revoked_at",
            "status",
            "passcode",
            "remaining_attempts",
            "accesses",
        )

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
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
        if share.is_locked:
            return "locked"
        return "active" if share.is_open(timezone.now()) else "expired"

    def get_remaining_attempts(self, share: Share) -> int | None:
        return share.passcode_attempts_left if share.has_passcode else None


class ShareCreatedOut(serializers.Serializer[dict[str, object]]):
    id = serializers.UUIDField()
    url = serializers.URLField(help_text="The link, shown only now: footlog stores only a hash of its token.")
    expires_at = serializers.DateTimeField()
    qr_svg = serializers.CharField(help_text="An SVG QR code of `url`, for the page that created the link.")
    shlink = serializers.CharField(
        help_text="The SMART Health Link payload (`shlink:/…`) for clinical systems: its manifest, the key of the "
        "encrypted FHIR Bundle, `exp`, `flag` P with a passcode. Shown only now, like `url`."
    )
    shlink_url = serializers.URLField(
        help_text="The same SMART Health Link in the viewer-prefix form (`<base>/shl/view#shlink:/…`): a phone that "
        "opens it gets footlog's viewer, which decrypts in the browser; SMART Health Link apps read the payload after "
        "`#`. Shown only now."
    )
    shlink_qr_svg = serializers.CharField(help_text="An SVG QR code of `shlink_url`.")
