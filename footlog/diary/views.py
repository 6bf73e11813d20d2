"""Thin HTTP layer of the daily log: parse, call a service or selector, serialize."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.errors import PayloadTooLarge
from footlog.api.params import parse_date_range
from footlog.api.permissions import WITHOUT_CONSENT
from footlog.api.schema import ERROR
from footlog.api.scoping import get_owned, user_of
from footlog.diary import selectors, services
from footlog.diary.models import MAX_TARGET_PER_WEEK, PHOTO_VIEWS, Entry, Photo, RoutineStep
from footlog.diary.photo_storage import photo_response
from footlog.diary.serializers import (
    EntryCreateIn,
    EntryIn,
    EntryOut,
    PhotoImageQuery,
    PhotoIn,
    PhotoListQuery,
    PhotoOut,
    PhotoPatchIn,
    RoutineStepIn,
    RoutineStepOut,
    RoutineStepTargetIn,
    SiteOut,
    site_rows,
)
from footlog.diary.sites import SITE_KEYS

DATE_RANGE = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First date (inclusive), YYYY-MM-DD"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last date (inclusive), YYYY-MM-DD"),
]
IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, description="ETag from a GET; 412 when stale")


class SiteList(APIView):
    permission_classes = WITHOUT_CONSENT  # the fixed list of body sites: no health data

    @extend_schema(responses=SiteOut(many=True), summary="Body sites with SNOMED CT codes")
    def get(self, request: Request) -> Response:
        return Response(SiteOut(site_rows(), many=True).data)


class RoutineStepList(APIView):
    @extend_schema(responses=RoutineStepOut(many=True), summary="Built-in and custom routine steps")
    def get(self, request: Request) -> Response:
        return Response(RoutineStepOut(selectors.routine_steps_for(user_of(request)), many=True).data)

    @extend_schema(request=RoutineStepIn, responses={201: RoutineStepOut, 400: ERROR, 409: ERROR})
    def post(self, request: Request) -> Response:
        body = RoutineStepIn(data=request.data)
        body.is_valid(raise_exception=True)
        step = services.routine_step_create(user_of(request), **body.validated_data)
        return Response(RoutineStepOut(step).data, status=status.HTTP_201_CREATED)


# Written out rather than `request=RoutineStepTargetIn`: drf-spectacular documents every PATCH body as partial
# (all fields optional), and this one requires `target_per_week`.
TARGET_BODY = {
    "application/json": {
        "type": "object",
        "properties": {
            "target_per_week": {
                "type": "integer",
                "minimum": 0,
                "maximum": MAX_TARGET_PER_WEEK,
                "description": "Times a week, 0-7; 0 = as needed, not scored. A trigger takes only 0.",
            }
        },
        "required": ["target_per_week"],
    }
}


class RoutineStepDetail(APIView):
    @extend_schema(
        request=TARGET_BODY,
        responses={200: RoutineStepOut, 400: ERROR, 404: ERROR},
        summary="Set how often a week you mean to do a step (built-in or your own)",
        description="Stored for you only. A trigger takes only 0. Another user's step is a 404.",
    )
    def patch(self, request: Request, key: str) -> Response:
        user = user_of(request)
        step = selectors.routine_step_for(user, key)
        if step is None:
            raise Http404
        body = RoutineStepTargetIn(data=request.data, context={"step": step})
        body.is_valid(raise_exception=True)
        services.routine_step_target_set(user, step, body.validated_data["target_per_week"])
        return Response(RoutineStepOut(selectors.routine_step_for(user, key)).data)

    @extend_schema(responses={204: None, 404: ERROR}, summary="Archive a custom step (history keeps it)")
    def delete(self, request: Request, key: str) -> Response:
        step = get_owned(RoutineStep.objects.all(), user_of(request), key=key)
        services.routine_step_archive(step)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryList(GenericAPIView[Entry]):
    serializer_class = EntryOut

    @extend_schema(parameters=DATE_RANGE, responses={200: EntryOut(many=True), 400: ERROR})
    def get(self, request: Request) -> Response:
        start, end = parse_date_range(request.query_params, today=user_of(request).today())
        page = self.paginate_queryset(selectors.entry_list(user_of(request), start, end))
        return self.get_paginated_response(EntryOut(page, many=True).data)

    @extend_schema(
        request=EntryCreateIn,
        responses={201: EntryOut, 200: EntryOut, 400: ERROR, 409: ERROR, 413: ERROR},
        description="Create the day's entry. Replaying the same client `id` with the same body answers 200.",
    )
    def post(self, request: Request) -> Response:
        body = EntryCreateIn(data=request.data, context={"user": user_of(request)})
        body.is_valid(raise_exception=True)
        entry_id = body.validated_data.pop("id", None)
        entry, created = services.entry_create(user_of(request), body.to_entry_data(), entry_id)
        if created:
            return _entry_response(services.entry_as_written(entry), status.HTTP_201_CREATED)
        return _entry_response(get_owned(selectors.entries_for(user_of(request)), user_of(request), pk=entry.pk))


class EntryDetail(APIView):
    @extend_schema(responses={200: EntryOut, 404: ERROR})
    def get(self, request: Request, pk: str) -> Response:
        return _entry_response(self._entry(request, pk))

    @extend_schema(
        request=EntryIn, parameters=[IF_MATCH], responses={200: EntryOut, 400: ERROR, 409: ERROR, 412: ERROR}
    )
    def put(self, request: Request, pk: str) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(
        request=EntryIn, parameters=[IF_MATCH], responses={200: EntryOut, 400: ERROR, 409: ERROR, 412: ERROR}
    )
    def patch(self, request: Request, pk: str) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(parameters=[IF_MATCH], responses={204: None, 404: ERROR, 412: ERROR})
    def delete(self, request: Request, pk: str) -> Response:
        services.entry_delete(self._entry(request, pk), if_match=request.headers.get("If-Match"))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _entry(self, request: Request, pk: str) -> Entry:
        return get_owned(selectors.entries_for(user_of(request)), user_of(request), pk=pk)

    def _update(self, request: Request, pk: str, *, partial: bool) -> Response:
        entry = self._entry(request, pk)
        body = EntryIn(data=request.data, partial=partial, context={"user": user_of(request)})
        body.is_valid(raise_exception=True)
        services.entry_update(entry, dict(body.validated_data), if_match=request.headers.get("If-Match"))
        return _entry_response(self._entry(request, pk))


def _entry_response(entry: Entry, status_code: int = status.HTTP_200_OK) -> Response:
    """Serialize an entry fetched through `selectors.entries_for`, with its ETag."""
    response = Response(EntryOut(entry).data, status=status_code)
    response["ETag"] = entry.etag
    return response


# --- Photos ------------------------------------------------------------------------------------------

# Room for the multipart boundaries and the small `site`/`id` fields around one image.
MULTIPART_OVERHEAD = 64 * 1024


class PhotoMultiPartParser(MultiPartParser):
    """Multipart that refuses a body larger than one photo (413) before reading it, in the API error shape."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        limit = settings.FOOTLOG_PHOTO_MAX_BYTES
        if declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD:
            raise PayloadTooLarge(gettext("The photo is over %(mb)s MB.") % {"mb": limit // (1024 * 1024)})
        try:
            return super().parse(stream, media_type, parser_context)
        except RequestDataTooBig:
            raise PayloadTooLarge() from None
        except TooManyFilesSent:
            at_most = gettext("At most %(files)s files per request.")
            raise ParseError(at_most % {"files": settings.DATA_UPLOAD_MAX_NUMBER_FILES}) from None
        except TooManyFieldsSent:
            raise ParseError("Too many form fields.") from None


class EntryPhotoList(APIView):
    parser_classes = [PhotoMultiPartParser]

    @extend_schema(
        request={"multipart/form-data": PhotoIn},
        responses={201: PhotoOut, 200: PhotoOut, 400: ERROR, 404: ERROR, 409: ERROR, 413: ERROR, 429: ERROR},
        summary="Add a photo to an entry",
        description=(
            "One image per request. Replaying the same client `id` with the same image, site, view and "
            "scale_in_frame answers 200. `quality` is measured on the stored pixels; it is advice (a blurred or "
            "dark photo is stored all the same)."
        ),
    )
    def post(self, request: Request, pk: str) -> Response:
        entry = get_owned(Entry.objects.all(), user_of(request), pk=pk)  # 404 before the body is read
        if len(request.FILES.getlist("image")) > 1:
            raise ParseError("Send one image per request.")
        body = PhotoIn(data=request.data)
        body.is_valid(raise_exception=True)
        photo, created = services.photo_ingest(user_of(request), entry, body.to_upload(), body.validated_data.get("id"))
        return Response(PhotoOut(photo).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class PhotoList(GenericAPIView[Photo]):
    serializer_class = PhotoOut

    @extend_schema(
        parameters=[
            OpenApiParameter("site", str, enum=list(SITE_KEYS), description="Only this site"),
            OpenApiParameter("view", str, enum=list(PHOTO_VIEWS), description="Only this view"),
            *DATE_RANGE,
        ],
        responses={200: PhotoOut(many=True), 400: ERROR},
        summary="Photos, oldest first (by entry date), to compare a site over time",
    )
    def get(self, request: Request) -> Response:
        query = PhotoListQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        start, end = parse_date_range(request.query_params, today=user_of(request).today())
        photos = selectors.photos_for(
            user_of(request), query.validated_data.get("site"), start, end, view=query.validated_data.get("view")
        )
        page = self.paginate_queryset(photos)
        return self.get_paginated_response(PhotoOut(page, many=True).data)


class PhotoDetail(APIView):
    @extend_schema(responses={200: PhotoOut, 404: ERROR})
    def get(self, request: Request, pk: str) -> Response:
        return Response(PhotoOut(get_owned(Photo.objects.all(), user_of(request), pk=pk)).data)

    @extend_schema(
        request=PhotoPatchIn,
        responses={200: PhotoOut, 400: ERROR, 404: ERROR},
        summary="Say what a photo is: its site, view and whether a scale is in frame",
        description=(
            "Only `site`, `view` and `scale_in_frame` can change; null clears one. Another user's photo is a 404."
        ),
    )
    def patch(self, request: Request, pk: str) -> Response:
        photo = get_owned(Photo.objects.all(), user_of(request), pk=pk)
        body = PhotoPatchIn(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        return Response(PhotoOut(services.photo_update(photo, dict(body.validated_data))).data)

    @extend_schema(responses={204: None, 404: ERROR}, summary="Delete a photo and its files")
    def delete(self, request: Request, pk: str) -> Response:
        services.photo_delete(get_owned(Photo.objects.all(), user_of(request), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class PhotoImage(APIView):
    @extend_schema(
        parameters=[OpenApiParameter("size", str, enum=["display", "thumb"], description="Default: display")],
        responses={
            (200, "image/jpeg"): OpenApiResponse(OpenApiTypes.BINARY, description="The JPEG (owner only)"),
            302: OpenApiResponse(description="With S3 storage: a signed URL valid at most 5 minutes"),
            400: ERROR,
            404: ERROR,
        },
        summary="The photo's bytes, private and uncached",
    )
    def get(self, request: Request, pk: str) -> HttpResponseBase:
        photo = get_owned(Photo.objects.all(), user_of(request), pk=pk)
        query = PhotoImageQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        return photo_response(photo, query.validated_data["size"])

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple[BaseRenderer, str]:
        # The body is a JPEG whatever the client accepts (e.g. `Accept: image/jpeg`); errors stay JSON.
        return super().perform_content_negotiation(request, force=True)
