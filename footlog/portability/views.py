"""The account's data over the API: deletion (`DELETE account/`, `POST account/delete-code`), the export zip
(`GET account/export`) and the import (`POST account/import`, then its job)."""

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import FileResponse, Http404
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.views import AccountProfile
from footlog.api.errors import QuotaExceeded
from footlog.api.permissions import WITHOUT_CONSENT
from footlog.api.schema import ERROR
from footlog.api.scoping import user_of
from footlog.exports.renderers import FileDownloadView, ZipRenderer
from footlog.lib.private import private_response
from footlog.lib.ratelimit import rate_limit_hit
from footlog.portability import account_import
from footlog.portability.account_export import build_account_zip
from footlog.portability.deletion_code import deletion_code_send
from footlog.portability.serializers import AccountDeleteIn, ImportIn, ImportJobOut
from footlog.portability.services import account_delete


# `account/`: the profile (GET, PATCH: accounts.views) and leaving with everything stored (DELETE). A comment, not
# a docstring: drf-spectacular would print a docstring into the schema's descriptions.
class AccountDetail(AccountProfile):
    @extend_schema(
        request=AccountDeleteIn,
        responses={204: None, 400: OpenApiResponse(description="Wrong password or code"), 429: OpenApiResponse()},
        summary="Delete the account and everything stored (password re-check; the mailed code without a password)",
    )
    def delete(self, request: Request) -> Response:
        body = AccountDeleteIn(data=request.data)
        body.is_valid(raise_exception=True)
        # A few tries per minute: the password check must not become a guessing oracle for a stolen session.
        if rate_limit_hit("account-delete", str(user_of(request).pk), limit=5):
            raise QuotaExceeded(gettext("Too many attempts; wait a minute."))
        account_delete(user_of(request), body.validated_data["password"], code=body.validated_data["code"])
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AccountDeleteCode(APIView):
    permission_classes = WITHOUT_CONSENT

    @extend_schema(
        request=None,
        responses={202: None, 400: ERROR, 429: ERROR},
        summary="Mail a code to confirm the account's deletion (accounts without a password: passkeys only)",
    )
    def post(self, request: Request) -> Response:
        user = user_of(request)
        # Each mail is one; a few per minute are plenty for a person and no flood for the inbox.
        if rate_limit_hit("account-delete-code", str(user.pk), limit=3):
            raise QuotaExceeded(gettext("Too many codes asked for; wait a minute."))
        deletion_code_send(user)
        return Response(status=status.HTTP_202_ACCEPTED)


# Room for the multipart boundaries around the one file.
MULTIPART_OVERHEAD = 64 * 1024


class ImportMultiPartParser(MultiPartParser):
    """Multipart that refuses a body over FOOTLOG_IMPORT_MAX_BYTES (400 too_large) before reading it."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH", "") if request is not None else ""
        if declared.isdigit() and int(declared) > settings.FOOTLOG_IMPORT_MAX_BYTES + MULTIPART_OVERHEAD:
            raise account_import.too_large()
        try:
            return super().parse(stream, media_type, parser_context)
        except RequestDataTooBig:
            raise account_import.too_large() from None
        except (TooManyFilesSent, TooManyFieldsSent):
            raise ParseError(gettext("Send one file, as the field `file`.")) from None


class AccountImport(APIView):
    parser_classes = [ImportMultiPartParser]

    @extend_schema(
        request={"multipart/form-data": ImportIn},
        responses={202: ImportJobOut, 400: ERROR, 409: ERROR, 429: ERROR, 503: ERROR},
        summary="Import footlog's own export zip into this account (a job: 202, then poll its url)",
        description="All or nothing and idempotent: importing the same zip twice changes nothing. 400 names the "
        "problem (code not_a_zip, not_footlog, unknown_version, bad_json, unsafe_path, zip_bomb, too_large, "
        "invalid_data); 409 (code import_conflict) lists the dates that already hold other entries.",
    )
    def post(self, request: Request) -> Response:
        files = request.FILES.getlist("file")
        if len(files) != 1:
            raise ParseError(gettext("Send the export zip as the one multipart field `file`."))
        upload = files[0]
        # Each upload is read and checked at once: a few a minute is plenty for moving one's own data.
        if rate_limit_hit("account-import", str(user_of(request).pk), limit=10):
            raise QuotaExceeded(gettext("Too many imports started; wait a minute."))
        job = account_import.account_import_create(user_of(request), upload, upload.size or 0)
        response = Response(ImportJobOut(job).data, status=status.HTTP_202_ACCEPTED)
        response["Location"] = ImportJobOut(job).data["url"]
        return response


class AccountImportDetail(APIView):
    @extend_schema(responses={200: ImportJobOut, 404: ERROR}, summary="An import job's status, progress and result")
    def get(self, request: Request, pk: str) -> Response:
        job = account_import.import_job_of(user_of(request), pk)
        if job is None:
            raise Http404
        return Response(ImportJobOut(job).data)


class AccountExport(FileDownloadView):
    # Taking one's own data out never waits for consent (it is only what the user already stored).
    permission_classes = WITHOUT_CONSENT
    renderer_classes = [ZipRenderer, JSONRenderer]

    @extend_schema(
        responses={(200, "application/zip"): OpenApiTypes.BINARY},
        summary="Everything the user stored: a zip of JSON plus the photos",
    )
    def get(self, request: Request) -> FileResponse:
        response = FileResponse(build_account_zip(user_of(request)), content_type="application/zip")
        private_response(response, filename="footlog-my-data.zip")
        return response
