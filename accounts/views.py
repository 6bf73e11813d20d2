from django.contrib.auth import logout
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.consent import consent_record, consent_state
from accounts.deletion_code import deletion_code_send
from accounts.serializers import AccountDeleteIn, AccountSerializer, ConsentIn, ConsentOut
from accounts.services import account_delete, account_update
from footlog.api.errors import QuotaExceeded
from footlog.api.permissions import WITHOUT_CONSENT
from footlog.api.schema import ERROR
from footlog.api.scoping import user_of
from footlog.lib.ratelimit import rate_limit_hit


class AccountDetail(APIView):
    # Before consent a client must still read the consent state, set its time zone and be able to leave.
    permission_classes = WITHOUT_CONSENT

    @extend_schema(responses=AccountSerializer, summary="The signed-in user's profile")
    def get(self, request: Request) -> Response:
        return Response(AccountSerializer(user_of(request)).data)

    @extend_schema(request=AccountSerializer, responses=AccountSerializer, summary="Change display name or time zone")
    def patch(self, request: Request) -> Response:
        body = AccountSerializer(user_of(request), data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        return Response(AccountSerializer(account_update(user_of(request), body.validated_data)).data)

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
            raise QuotaExceeded("Too many attempts; wait a minute.")
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
            raise QuotaExceeded("Too many codes asked for; wait a minute.")
        deletion_code_send(user)
        return Response(status=status.HTTP_202_ACCEPTED)


class AccountConsent(APIView):
    permission_classes = WITHOUT_CONSENT

    @extend_schema(
        request=ConsentIn,
        responses={200: ConsentOut, 400: ERROR},
        summary="Agree to the storage of health data (the version shown to the user must be the current one)",
    )
    def post(self, request: Request) -> Response:
        body = ConsentIn(data=request.data)
        body.is_valid(raise_exception=True)
        user = consent_record(user_of(request), body.validated_data["version"])
        return Response(ConsentOut(consent_state(user)).data)
