"""Thin HTTP layer for the onset per site and recorded visits."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.params import parse_date_range
from footlog.api.scoping import get_owned, user_of
from footlog.clinical import selectors, services
from footlog.clinical.models import Visit
from footlog.clinical.serializers import SiteOnsetIn, SiteOnsetOut, VisitIn, VisitOut, VisitPatchIn
from footlog.diary.sites import SITE_KEYS

ERROR = OpenApiResponse(description='Error: {"detail": "...", "errors": {...}}')


class SiteHistoryList(APIView):
    @extend_schema(responses=SiteOnsetOut(many=True), summary="When you first noticed bumps, per site you answered")
    def get(self, request: Request) -> Response:
        return Response(SiteOnsetOut(selectors.site_onsets_for(user_of(request)), many=True).data)


class SiteHistoryDetail(APIView):
    @extend_schema(
        request=SiteOnsetIn,
        responses={200: SiteOnsetOut, 400: ERROR, 404: ERROR},
        summary="Record when you first noticed bumps at a site (a month, or not sure)",
        description="One record per site; a PUT replaces it. The month must not be in the future.",
    )
    def put(self, request: Request, site: str) -> Response:
        if site not in SITE_KEYS:
            raise Http404
        body = SiteOnsetIn(data=request.data)
        body.is_valid(raise_exception=True)
        onset = services.site_onset_set(user_of(request), site, **body.validated_data)
        return Response(SiteOnsetOut(onset).data)


class VisitList(APIView):
    @extend_schema(responses=VisitOut(many=True), summary="Visits you recorded, newest first")
    def get(self, request: Request) -> Response:
        user = user_of(request)
        start, end = parse_date_range(request.query_params, today=user.today())
        return Response(VisitOut(selectors.visits_for(user, start, end), many=True).data)

    @extend_schema(
        request=VisitIn,
        responses={201: VisitOut, 400: ERROR},
        summary="Record a visit you booked or had",
        description=(
            "A recorded visit rests booking advice and visit nudges until new evidence or its `review_on` date, "
            "when one reminder goes out. `plan` is what the dermatologist proposed."
        ),
    )
    def post(self, request: Request) -> Response:
        body = VisitIn(data=request.data)
        body.is_valid(raise_exception=True)
        visit = services.visit_record(user_of(request), **body.validated_data)
        return Response(VisitOut(visit).data, status=status.HTTP_201_CREATED)


class VisitDetail(APIView):
    @extend_schema(
        request=VisitPatchIn,
        responses={200: VisitOut, 400: ERROR, 404: ERROR},
        summary="Change a recorded visit (e.g. add the plan and review date after it)",
        description="Any of kind, date, note, plan, review_on; the whole visit is checked as on POST.",
    )
    def patch(self, request: Request, pk: str) -> Response:
        visit = get_owned(Visit.objects.all(), user_of(request), pk=pk)
        body = VisitPatchIn(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        return Response(VisitOut(services.visit_update(visit, dict(body.validated_data))).data)

    @extend_schema(responses={204: None, 404: ERROR}, summary="Remove a recorded visit")
    def delete(self, request: Request, pk: str) -> Response:
        services.visit_delete(get_owned(Visit.objects.all(), user_of(request), pk=pk))
        return Response(status=status.HTTP_204_NO_CONTENT)
