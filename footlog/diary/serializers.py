from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from footlog.api.errors import PayloadTooLarge
from footlog.api.fields import (
    FormBooleanField,
    StrictBooleanField,
    StrictCharField,
    StrictFloatField,
    StrictIntegerField,
    StrictUUIDField,
    WholeItemsList,
)
from footlog.api.output import FieldsBuiltOnce
from footlog.diary import validation
from footlog.diary.models import (
    EXPOSURES,
    MAX_NOTES,
    MAX_TARGET_PER_WEEK,
    PHOTO_VIEWS,
    Entry,
    Observation,
    Photo,
    RoutineStep,
)
from footlog.diary.selectors import loggable_steps
from footlog.diary.services import EntryData, PhotoUpload
from footlog.diary.sites import SITE_KEYS, SITES
from footlog.diary.validation import (
    COUNT_MAX,
    LARGEST_MM_MAX,
    OBSERVATION_NOTE_MAX,
    ROUTINE_DETAIL_MAX,
    ROUTINE_PER_ENTRY_MAX,
    SCORE_MAX,
    STEP_KEY_MAX,
    STEP_LABEL_MAX,
)
from footlog.lib.checks import Errors
from footlog.lib.dates import entry_date_error


def refuse(errors: Errors) -> None:
    """Raise a domain validator's errors (footlog/diary/validation.py) as the API's 400."""
    if errors:
        raise serializers.ValidationError(errors)


class SiteOut(serializers.Serializer[object]):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # our field named `label`, not Field.label
    side = serializers.ChoiceField(choices=["left", "right"])
    region = serializers.CharField()
    snomed_code = serializers.CharField()
    snomed_display = serializers.CharField()
    laterality_code = serializers.CharField()
    qualifier = serializers.CharField(allow_null=True)


class RoutineStepOut(serializers.ModelSerializer[RoutineStep]):
    """A step as the requesting user sees it. Read steps through `selectors.routine_steps_for`/`routine_step_for`,
    which annotate the user's `effective_target`."""

    builtin = serializers.BooleanField(read_only=True)
    archived = serializers.SerializerMethodField()
    target_per_week = serializers.SerializerMethodField(
        help_text="How often a week the user means to do it; 0 = as needed, not scored (always 0 for a trigger)"
    )

    class Meta:
        model = RoutineStep
        fields = ("key", "label", "kind", "builtin", "archived", "target_per_week")

    def get_archived(self, step: RoutineStep) -> bool:
        return step.archived_at is not None

    def to_representation(self, instance: RoutineStep) -> dict[str, Any]:
        """A built-in step's label in the request's language (its English label is a msgid of the timeline's
        wording table); a user's own step keeps the words they wrote."""
        data: dict[str, Any] = super().to_representation(instance)
        if instance.builtin:
            data["label"] = gettext(instance.label)
        return data

    @extend_schema_field(serializers.IntegerField(min_value=0, max_value=MAX_TARGET_PER_WEEK))
    def get_target_per_week(self, step: RoutineStep) -> int:
        return int(getattr(step, "effective_target", step.target_per_week))


def _target_field(**kwargs: Any) -> StrictIntegerField:
    return StrictIntegerField(min_value=0, max_value=MAX_TARGET_PER_WEEK, **kwargs)


class RoutineStepIn(serializers.Serializer[None]):
    label = StrictCharField(max_length=STEP_LABEL_MAX, trim_whitespace=True)  # type: ignore[assignment]  # our field named `label`, not Field.label
    kind = serializers.ChoiceField(choices=RoutineStep.Kind.choices)
    target_per_week = _target_field(
        required=False, help_text="Times a week, 0-7; default 7 for care, 0 for a trigger (which takes only 0)"
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        refuse(validation.routine_step_errors(**attrs))
        return attrs


class RoutineStepTargetIn(serializers.Serializer[None]):
    """The body of PATCH routine-steps/{key}/. Needs the `step` in the context (a trigger takes only 0)."""

    target_per_week = _target_field(help_text="Times a week, 0-7; 0 = as needed, not scored")

    def validate_target_per_week(self, value: int) -> int:
        errors = validation.target_errors(self.context["step"].kind, value)
        if errors:
            raise serializers.ValidationError(errors["target_per_week"])
        return value


class ObservationIO(serializers.Serializer[object]):
    site = serializers.ChoiceField(choices=SITE_KEYS)
    count = StrictIntegerField(min_value=0, max_value=COUNT_MAX)
    largest_mm = StrictFloatField(min_value=0, max_value=LARGEST_MM_MAX, required=False, allow_null=True, default=None)
    itch = StrictIntegerField(min_value=0, max_value=SCORE_MAX, required=False, default=0)
    pain = StrictIntegerField(min_value=0, max_value=SCORE_MAX, required=False, default=0)
    redness = StrictBooleanField(required=False, default=False)
    bleeding = StrictBooleanField(required=False, default=False)
    spreading = StrictBooleanField(required=False, default=False)
    note = StrictCharField(max_length=OBSERVATION_NOTE_MAX, required=False, allow_blank=True, default="")
    confirmed = StrictBooleanField(
        source="outlier_confirmed",
        required=False,
        default=False,
        help_text="The user confirmed a value far outside their usual at this site (answer to `confirm_outlier`)",
    )

    class Meta:
        list_serializer_class = WholeItemsList

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        refuse(validation.observation_errors(attrs))
        return attrs


class RoutineLogIn(serializers.Serializer[None]):
    step = StrictCharField(max_length=STEP_KEY_MAX)
    done = StrictBooleanField()
    detail = StrictCharField(max_length=ROUTINE_DETAIL_MAX, required=False, allow_blank=True, default="")

    class Meta:
        list_serializer_class = WholeItemsList

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        refuse(validation.routine_item_errors(attrs))
        return attrs


class RoutineLogOut(FieldsBuiltOnce[object]):
    step = serializers.CharField(source="step.key")
    label = serializers.CharField(source="step.label")  # type: ignore[assignment]  # our field named `label`, not Field.label
    kind = serializers.CharField(source="step.kind")
    done = serializers.BooleanField()
    detail = serializers.CharField()


class EntryIn(serializers.Serializer[None]):
    """The body of POST/PUT/PATCH entries/. Needs `user` in the context to resolve routine steps."""

    date = serializers.DateField(input_formats=["%Y-%m-%d"])
    notes = StrictCharField(max_length=MAX_NOTES, required=False, allow_blank=True, default="", trim_whitespace=False)
    for_clinician = StrictBooleanField(
        required=False, default=False, help_text="The notes are meant for the dermatologist (shown in the report)"
    )
    observations = ObservationIO(many=True, required=False, default=list, max_length=len(SITE_KEYS))  # type: ignore[call-arg]  # passed on to ListSerializer
    routine = RoutineLogIn(many=True, required=False, default=list, max_length=ROUTINE_PER_ENTRY_MAX)  # type: ignore[call-arg]  # passed on to ListSerializer

    def validate_date(self, value: dt.date) -> dt.date:
        # No slack for a device ahead of the account's zone: an entry dated after the account's today would
        # fall outside every default window (the traveller's lost entry). The device offers the zone switch.
        problem = entry_date_error(value, self.context["user"].today())
        if problem:
            raise serializers.ValidationError(problem)
        return value

    def validate_observations(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        errors = validation.entry_errors(observations=value)
        if errors:
            raise serializers.ValidationError(errors["observations"])
        return value

    def validate_routine(self, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        errors = validation.entry_errors(routine=value)
        if errors:
            raise serializers.ValidationError(errors["routine"])
        keys = [item["step"] for item in value]
        steps = loggable_steps(self.context["user"], keys)
        unknown = [key for key in keys if key not in steps]
        if unknown:
            unknown_steps = gettext("Unknown or archived routine step: %(steps)s.")
            raise serializers.ValidationError(unknown_steps % {"steps": ", ".join(unknown)})
        return [{**item, "step": steps[item["step"]]} for item in value]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        own = {name: attrs[name] for name in ("date", "notes", "for_clinician") if name in attrs}
        refuse(validation.entry_errors(**own))
        return attrs

    def to_entry_data(self) -> EntryData:
        return EntryData(**self.validated_data)


class EntryCreateIn(EntryIn):
    id = StrictUUIDField(required=False)


class ObservationOut(FieldsBuiltOnce[Observation], serializers.ModelSerializer[Observation]):
    confirmed = serializers.BooleanField(
        source="outlier_confirmed", read_only=True, help_text="A value the user confirmed as far from their usual"
    )

    class Meta:
        model = Observation
        fields = (
            "site", "count", "largest_mm", "itch", "pain", "redness", "bleeding", "spreading", "note", "confirmed",
        )  # fmt: skip


VIEW_HELP = "What the shot is: `overview` (the whole site, ~20 cm) or `closeup`; null: not said"
SCALE_HELP = "A coin or ruler is in the frame (gives the size); null: not said"


class PhotoQualityOut(FieldsBuiltOnce[object]):
    """Measured when the photo was stored. Advice only: a blurred or dark photo is kept all the same."""

    sharp = serializers.BooleanField(help_text="Enough fine detail (false: blurred or shaken; offer a retake)")
    exposure = serializers.ChoiceField(choices=EXPOSURES, help_text="`dark` or `bright`: offer a retake in daylight")


class PhotoOut(FieldsBuiltOnce[Photo], serializers.ModelSerializer[Photo]):
    """A stored photo. URLs are root-relative API paths, answered to the owner only."""

    # Keys only (as in ObservationIO), so the schema has one site enum.
    site = serializers.ChoiceField(choices=SITE_KEYS, allow_null=True, read_only=True)
    view = serializers.ChoiceField(choices=PHOTO_VIEWS, allow_null=True, read_only=True, help_text=VIEW_HELP)
    scale_in_frame = serializers.BooleanField(allow_null=True, read_only=True, help_text=SCALE_HELP)
    quality = PhotoQualityOut(
        allow_null=True, read_only=True, help_text="null for photos stored before quality was measured"
    )
    date = serializers.DateField(source="entry.date", read_only=True, help_text="the date of the photo's entry")
    image_url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()

    class Meta:
        model = Photo
        fields = (
            "id", "entry", "date", "site", "view", "scale_in_frame", "quality", "width", "height", "image_url",
            "thumbnail_url", "created",
        )  # fmt: skip

    def get_image_url(self, photo: Photo) -> str:
        return reverse("photo-image", kwargs={"pk": photo.pk})

    def get_thumbnail_url(self, photo: Photo) -> str:
        return reverse("photo-image", kwargs={"pk": photo.pk}) + "?size=thumb"


class EntryOut(FieldsBuiltOnce[Entry], serializers.ModelSerializer[Entry]):
    observations = ObservationOut(many=True)
    routine = RoutineLogOut(many=True)
    photos = serializers.SerializerMethodField()

    class Meta:
        model = Entry
        fields = (
            "id", "date", "notes", "for_clinician", "observations", "routine", "photos", "created", "updated",
            "version",
        )  # fmt: skip

    @extend_schema_field(PhotoOut(many=True))
    def get_photos(self, entry: Entry) -> list[dict[str, object]]:
        # entries_for prefetches photos, so this adds no query per entry.
        return list(PhotoOut(entry.photos.all(), many=True).data)


def site_rows() -> list[dict[str, object]]:
    return [{**site.__dict__, "laterality_code": site.laterality_code} for site in SITES.values()]


class PhotoIn(serializers.Serializer[None]):
    """The multipart body of POST entries/{id}/photos/."""

    image = serializers.FileField(allow_empty_file=True, help_text="JPEG, PNG, WebP or HEIC/HEIF, at most 15 MB")
    site = serializers.ChoiceField(choices=SITE_KEYS, required=False, allow_null=True, allow_blank=True)
    id = StrictUUIDField(required=False, help_text="Client-made id; replaying it with the same image is a 200")
    view = serializers.ChoiceField(choices=PHOTO_VIEWS, required=False, allow_blank=True, help_text=VIEW_HELP)
    scale_in_frame = FormBooleanField(required=False, help_text="`true` or `false` (nothing else): " + SCALE_HELP)

    def validate_image(self, value: Any) -> Any:
        limit = settings.FOOTLOG_PHOTO_MAX_BYTES
        if value.size > limit:
            raise PayloadTooLarge(gettext("The photo is over %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
        return value

    def to_upload(self) -> PhotoUpload:
        image = self.validated_data["image"]
        image.seek(0)
        return PhotoUpload(
            data=image.read(),
            site=self.validated_data.get("site") or None,
            view=self.validated_data.get("view") or None,
            scale_in_frame=self.validated_data.get("scale_in_frame"),
        )


class PhotoPatchIn(serializers.Serializer[None]):
    """The JSON body of PATCH photos/{id}/: any of these; null (or "" for the two choices) clears one."""

    site = serializers.ChoiceField(choices=SITE_KEYS, required=False, allow_null=True, allow_blank=True)
    view = serializers.ChoiceField(
        choices=PHOTO_VIEWS, required=False, allow_null=True, allow_blank=True, help_text=VIEW_HELP
    )
    scale_in_frame = StrictBooleanField(required=False, allow_null=True, help_text=SCALE_HELP)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields)) if isinstance(self.initial_data, dict) else []
        if unknown:
            raise serializers.ValidationError(
                {name: [gettext("Not editable: only site, view and scale_in_frame are.")] for name in unknown}
            )
        refuse(validation.photo_fields_errors({k: v or None for k, v in attrs.items() if k != "scale_in_frame"}))
        return attrs


class PhotoListQuery(serializers.Serializer[None]):
    site = serializers.ChoiceField(choices=SITE_KEYS, required=False, allow_blank=True)  # blank: every site
    view = serializers.ChoiceField(choices=PHOTO_VIEWS, required=False, allow_blank=True)  # blank: every view


class PhotoImageQuery(serializers.Serializer[None]):
    size = serializers.ChoiceField(choices=["display", "thumb"], required=False, default="display")
