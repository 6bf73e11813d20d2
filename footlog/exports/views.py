"""Thin HTTP layer of exports and share links: parse, call a selector or service, serialize."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.errors import Conflict
from footlog.api.params import parse_date_range, parse_flag
from footlog.api.schema import ERROR
from footlog.api.scoping import user_of
from footlog.exports import report_jobs, selectors
from footlog.exports.csv_export import csv_lines, encoded
from footlog.exports.fhir import bundle_json, report_pdf
from footlog.exports.models import ReportJob
from footlog.exports.pdf import render_pdf
from footlog.exports.photos import owned_photo_reader
from footlog.exports.renderers import CsvRenderer, FhirRenderer, FileDownloadView, PdfRenderer
from footlog.exports.report import build_report
from footlog.exports.serializers import CsvQuery, ReportJobIn, ReportJobOut, ReportQuery
from footlog.i18n import LANGUAGE_CODES, speaking
from footlog.lib.private import private_response

DATE_RANGE = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First date (inclusive), YYYY-MM-DD"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last date (inclusive), YYYY-MM-DD"),
]


# A report with no dates given covers the last quarter: long enough to see persistence, short enough to read.
REPORT_DEFAULT_DAYS = 90


class ReportPdf(FileDownloadView):
    renderer_classes = [PdfRenderer, JSONRenderer]

    @extend_schema(
        parameters=[
            *DATE_RANGE,
            OpenApiParameter("questions", str, description="The user's questions for the visit, one per line"),
            OpenApiParameter("language", str, enum=list(LANGUAGE_CODES), description="The reader's language"),
        ],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, 400: ERROR},
        summary="The dermatologist report as PDF (default: the last 90 days)",
    )
    def get(self, request: Request) -> HttpResponse:
        start, end = parse_date_range(
            request.query_params, today=user_of(request).today(), default_days=REPORT_DEFAULT_DAYS
        )
        assert start is not None and end is not None  # default_days fills both
        query = ReportQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        with speaking(query.validated_data.get("language") or translation.get_language()):  # the reader's language
            report = build_report(user_of(request), start, end, questions=query.validated_data["questions"])
            pdf = render_pdf(report, owned_photo_reader(user_of(request)))
        response = HttpResponse(pdf, content_type="application/pdf")
        private_response(response, filename=f"footlog-report-{start}-{end}.pdf")
        return response


class HistoryCsv(FileDownloadView):
    renderer_classes = [CsvRenderer, JSONRenderer]

    @extend_schema(
        parameters=[
            *DATE_RANGE,
            OpenApiParameter(
                "language",
                str,
                enum=list(LANGUAGE_CODES),
                description="Column titles and site labels for people in this language (absent: stable English "
                "column names); dates stay ISO, decimals a dot",
            ),
        ],
        responses={(200, "text/csv"): OpenApiTypes.BINARY, 400: ERROR},
        summary="The history as CSV: one row per entry and site, routine steps as columns (UTF-8 with BOM)",
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        start, end = parse_date_range(request.query_params, today=user_of(request).today())
        query = CsvQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        lines = csv_lines(user_of(request), start, end, language=query.validated_data.get("language"))
        response = StreamingHttpResponse(encoded(lines), content_type="text/csv; charset=utf-8")
        private_response(response, filename="footlog-history.csv")
        return response


class ReportJobList(APIView):
    @extend_schema(
        request=ReportJobIn,
        responses={202: ReportJobOut, 400: ERROR, 503: ERROR},
        summary="Build a report in the background (for long ranges); poll the job for progress",
    )
    def post(self, request: Request) -> Response:
        body = ReportJobIn(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        job = report_jobs.report_job_create(
            user_of(request),
            start=data["from"],
            end=data["to"],
            questions=data["questions"],
            language=data.get("language") or translation.get_language(),  # default: the user's (the request's)
        )
        response = Response(ReportJobOut(job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = reverse("report-job-detail", kwargs={"pk": job.pk})
        return response


class ReportJobDetail(APIView):
    @extend_schema(responses={200: ReportJobOut, 404: ERROR}, summary="A report job's state and progress")
    def get(self, request: Request, pk: str) -> Response:
        return Response(ReportJobOut(selectors.report_job_of(user_of(request), pk)).data)


class ReportJobPdf(FileDownloadView):
    renderer_classes = [PdfRenderer, JSONRenderer]

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, 404: ERROR, 409: ERROR},
        summary="The finished report of a job",
    )
    def get(self, request: Request, pk: str) -> FileResponse:
        job = selectors.report_job_of(user_of(request), pk)
        if job.state != ReportJob.State.DONE:
            raise Conflict(
                gettext("The report is not ready yet."), extra={"state": job.state, "progress": job.progress}
            )
        try:
            content = job.file.open("rb")
        except FileNotFoundError:  # lost outside footlog (a partial restore): a 404 to build it again, not a 500
            raise Http404 from None
        response = FileResponse(content, content_type="application/pdf")
        return private_response(response, filename=f"footlog-report-{job.start}-{job.end}.pdf")


class HistoryFhir(FileDownloadView):
    renderer_classes = [FhirRenderer, JSONRenderer]

    @extend_schema(
        parameters=[
            *DATE_RANGE,
            OpenApiParameter(
                "with_report",
                OpenApiTypes.BOOL,
                description="true (or 1): the PDF report inside a DocumentReference; false (or 0) or absent: none",
            ),
        ],
        responses={(200, "application/fhir+json"): OpenApiTypes.OBJECT, 400: ERROR},
        summary="The history as a FHIR R4 Bundle (type collection); see docs/fhir.md for the mapping",
    )
    def get(self, request: Request) -> HttpResponse:
        start, end = parse_date_range(request.query_params, today=user_of(request).today())
        start, end = selectors.history_bounds(user_of(request), start, end, today=user_of(request).today())
        # The PDF inside the bundle only when asked: it costs a rendering and makes the file large.
        with_report = parse_flag(request.query_params, "with_report")
        pdf = report_pdf(user_of(request), start, end) if with_report else None
        body = bundle_json(user_of(request), start, end, report_pdf=pdf)
        response = HttpResponse(body, content_type="application/fhir+json")
        private_response(response, filename=f"footlog-fhir-{start}-{end}.json")
        return response
