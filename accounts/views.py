"""The account API of identity: the profile (`GET`/`PATCH account/`) and consent.

Deleting the account (`DELETE account/`), its code, export and import are the account's data, in
footlog.portability.views (whose `AccountDetail` extends `AccountProfile` below with DELETE on the same path).
"""

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.consent import consent_record, consent_state
from accounts.serializers import AccountSerializer, ConsentIn, ConsentOut
from accounts.services import account_update
from footlog.api.permissions import WITHOUT_CONSENT
from footlog.api.schema import ERROR
from footlog.api.scoping import user_of


class AccountProfile(APIView):
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
