from typing import cast

from django.contrib.auth import logout
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import User
from accounts.serializers import AccountDeleteIn, AccountSerializer
from accounts.services import account_delete, account_update
from footlog.api.errors import QuotaExceeded
from footlog.api.scoping import user_of
from footlog.lib.ratelimit import rate_limit_hit


class AccountDetail(APIView):
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
        responses={204: None, 400: OpenApiResponse(description="Wrong password"), 429: OpenApiResponse()},
        summary="Delete the account and everything stored (password re-check)",
    )
    def delete(self, request: Request) -> Response:
        body = AccountDeleteIn(data=request.data)
        body.is_valid(raise_exception=True)
        # A few tries per minute: the password check must not become a guessing oracle for a stolen session.
        if rate_limit_hit("account-delete", str(user_of(request).pk), limit=5):
            raise QuotaExceeded("Too many attempts; wait a minute.")
        account_delete(cast(User, user_of(request)), body.validated_data["password"])
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
