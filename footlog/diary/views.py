"""Thin HTTP layer of the daily log: parse, call a service or selector, serialize."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.params import parse_date_range
from footlog.api.scoping import get_owned
from footlog.diary import selectors, services
from footlog.diary.models import Entry, RoutineStep
from footlog.diary.serializers import (
    EntryCreateIn,
    EntryIn,
    EntryOut,
    RoutineStepIn,
    RoutineStepOut,
    SiteOut,
    site_rows,
)
from footlog.lib.dates import today_in

ERROR = OpenApiResponse(description='Error: {"detail": "...", "errors": {...}}')
DATE_RANGE = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First date (inclusive), YYYY-MM-DD"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last date (inclusive), YYYY-MM-DD"),
]
IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, description="ETag from a GET; 412 when stale")


class SiteList(APIView):
    @extend_schema(responses=SiteOut(many=True), summary="Body sites with SNOMED CT codes")
    def get(self, request: Request) -> Response:
        return Response(SiteOut(site_rows(), many=True).data)


class RoutineStepList(APIView):
    @extend_schema(responses=RoutineStepOut(many=True), summary="Built-in and custom routine steps")
    def get(self, request: Request) -> Response:
        return Response(RoutineStepOut(selectors.routine_steps_for(request.user), many=True).data)

    @extend_schema(request=RoutineStepIn, responses={201: RoutineStepOut, 400: ERROR, 409: ERROR})
    def post(self, request: Request) -> Response:
        body = RoutineStepIn(data=request.data)
        body.is_valid(raise_exception=True)
        step = services.routine_step_create(request.user, **body.validated_data)
        return Response(RoutineStepOut(step).data, status=status.HTTP_201_CREATED)


class RoutineStepDetail(APIView):
    @extend_schema(responses={204: None, 404: ERROR}, summary="Archive a custom step (history keeps it)")
    def delete(self, request: Request, key: str) -> Response:
        step = get_owned(RoutineStep.objects.all(), request.user, key=key)
        services.routine_step_archive(step)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EntryList(GenericAPIView):
    serializer_class = EntryOut

    @extend_schema(parameters=DATE_RANGE, responses={200: EntryOut(many=True), 400: ERROR})
    def get(self, request: Request) -> Response:
        start, end = parse_date_range(request.query_params, today=today_in(request.user.timezone))
        page = self.paginate_queryset(selectors.entry_list(request.user, start, end))
        return self.get_paginated_response(EntryOut(page, many=True).data)

    @extend_schema(
        request=EntryCreateIn,
        responses={201: EntryOut, 200: EntryOut, 400: ERROR, 409: ERROR, 413: ERROR},
        description="Create the day's entry. Replaying the same client `id` with the same body answers 200.",
    )
    def post(self, request: Request) -> Response:
        body = EntryCreateIn(data=request.data, context={"user": request.user})
        body.is_valid(raise_exception=True)
        entry_id = body.validated_data.pop("id", None)
        entry, created = services.entry_create(request.user, body.to_entry_data(), entry_id)
        fresh = get_owned(selectors.entries_for(request.user), request.user, pk=entry.pk)
        return _entry_response(fresh, status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class EntryDetail(APIView):
    @extend_schema(responses={200: EntryOut, 404: ERROR})
    def get(self, request: Request, pk: str) -> Response:
        return _entry_response(self._entry(request, pk))

    @extend_schema(request=EntryIn, parameters=[IF_MATCH], responses={200: EntryOut, 400: ERROR, 409: ERROR, 412: ERROR})
    def put(self, request: Request, pk: str) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(request=EntryIn, parameters=[IF_MATCH], responses={200: EntryOut, 400: ERROR, 409: ERROR, 412: ERROR})
    def patch(self, request: Request, pk: str) -> Response:
        return self._update(request, pk, partial=True)

    @extend_schema(parameters=[IF_MATCH], responses={204: None, 404: ERROR, 412: ERROR})
    def delete(self, request: Request, pk: str) -> Response:
        services.entry_delete(self._entry(request, pk), if_match=request.headers.get("If-Match"))
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _entry(self, request: Request, pk: str) -> Entry:
        return get_owned(selectors.entries_for(request.user), request.user, pk=pk)

    def _update(self, request: Request, pk: str, *, partial: bool) -> Response:
        entry = self._entry(request, pk)
        body = EntryIn(data=request.data, partial=partial, context={"user": request.user})
        body.is_valid(raise_exception=True)
        services.entry_update(entry, dict(body.validated_data), if_match=request.headers.get("If-Match"))
        return _entry_response(self._entry(request, pk))


def _entry_response(entry: Entry, status_code: int = status.HTTP_200_OK) -> Response:
    """Serialize an entry fetched through `selectors.entries_for`, with its ETag."""
    response = Response(EntryOut(entry).data, status=status_code)
    response["ETag"] = entry.etag
    return response

