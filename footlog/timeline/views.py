"""Thin HTTP layer of the timeline: parse, call the selector or service, serialize."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.params import parse_date_range
from footlog.api.schema import ERROR
from footlog.api.scoping import user_of
from footlog.diary.selectors import log_end
from footlog.timeline import selectors, services
from footlog.timeline.serializers import TimelineOut, TimelineSettingsIO, settings_body

DEFAULT_DAYS = 90


class Timeline(APIView):
    @extend_schema(
        parameters=[
            OpenApiParameter("from", OpenApiTypes.DATE, description="First day (inclusive); default: to minus 89 days"),
            OpenApiParameter(
                "to",
                OpenApiTypes.DATE,
                description="Last day (inclusive); default: today or a later entry's date",
            ),
        ],
        responses={200: TimelineOut, 400: ERROR},
        summary="Per-site status, series, routine adherence, red flags, coverage and a visit recommendation",
        description="Never a diagnosis. Days not logged are unknown (`logged: false`, `total: null`). "
        '`urgent` (a red flag in the last 14 days) reads "Seek care promptly."',
    )
    def get(self, request: Request) -> HttpResponse:
        user = user_of(request)
        if request.accepted_renderer.format != "json":  # the browsable API renders the plain data
            start, end = parse_date_range(
                request.query_params, today=log_end(user, user.today()), default_days=DEFAULT_DAYS
            )
            assert start and end  # default_days fills both
            return Response(selectors.timeline_for(user, start, end).to_dict())
        today = user.today()
        start, end = parse_date_range(request.query_params, today=today, default_days=DEFAULT_DAYS)
        assert start and end
        # One query for all a cached answer needs: thresholds, month stamps, first and latest entry.
        read = selectors.prepare(user, start)
        if read.latest is not None and read.latest > today:  # `log_end`: a later entry's date ends the default
            start, end = parse_date_range(request.query_params, today=read.latest, default_days=DEFAULT_DAYS)
            assert start and end
        # `to_dict()` is the output shape that TimelineOut documents (a test pins them equal); running the
        # nested serializer over every day cost more than the whole cached request (bench/timeline.py), and so
        # did rendering it again: JSON clients get the cached bytes.
        body, store = selectors.timeline_json_then_store(user, start, end, read)
        return _StoreWhenSent(body, store)


class _StoreWhenSent(HttpResponse):
    """The JSON body, whose cache writes run when the server closes the response, after the body went out
    (WSGI and ASGI servers, and the test client, all call `close()`): after an edit the patient waits for the
    analysis, not for the cache. A response replaced on the way out (a 304) only skips storing it."""

    def __init__(self, body: bytes, store: Callable[[], None]) -> None:
        super().__init__(body, content_type="application/json")
        self._store = store

    def close(self) -> None:
        try:
            self._store()  # errors are logged inside (`selectors._cache_set_many`): the cache only saves time
        finally:
            super().close()


class TimelineSettingsView(APIView):
    @extend_schema(
        responses=TimelineSettingsIO,
        summary="The user's timeline thresholds (defaults if never saved) and the read-only safety floor",
    )
    def get(self, request: Request) -> Response:
        return Response(settings_body(selectors.thresholds_for(user_of(request))))

    @extend_schema(
        request=TimelineSettingsIO,
        responses={200: TimelineSettingsIO, 400: ERROR},
        summary="Replace the thresholds; fields left out go back to their defaults",
        description="A safety-floor field (red-flag rules, clear streak, staleness) is a 400 naming it; "
        "nothing is saved.",
    )
    def put(self, request: Request) -> Response:
        body = TimelineSettingsIO(data=request.data)
        body.is_valid(raise_exception=True)
        thresholds = services.timeline_settings_update(user_of(request), dict(body.validated_data))
        return Response(settings_body(thresholds))
