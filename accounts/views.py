from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.serializers import AccountSerializer
from accounts.services import account_update


class AccountDetail(APIView):
    @extend_schema(responses=AccountSerializer, summary="The signed-in user's profile")
    def get(self, request: Request) -> Response:
        return Response(AccountSerializer(request.user).data)

    @extend_schema(request=AccountSerializer, responses=AccountSerializer, summary="Change display name or time zone")
    def patch(self, request: Request) -> Response:
        body = AccountSerializer(request.user, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        return Response(AccountSerializer(account_update(request.user, body.validated_data)).data)
