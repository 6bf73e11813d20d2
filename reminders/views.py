"""Thin HTTP layer of reminders: parse, call one service or selector, serialize."""

from __future__ import annotations

import contextlib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from footlog.api.permissions import WITHOUT_CONSENT
from footlog.api.schema import ERROR
from footlog.api.scoping import get_owned, user_of
from footlog.i18n import speaking
from footlog.lib.private import private_response
from reminders import selectors, services
from reminders.serializers import (
    PreferencesIn,
    PreferencesOut,
    PublicKeyOut,
    PushSubscriptionIn,
    PushSubscriptionOut,
)
from reminders.vapid import identity


class Preferences(APIView):
    @extend_schema(responses=PreferencesOut, summary="The signed-in user's reminder settings")
    def get(self, request: Request) -> Response:
        return Response(PreferencesOut(selectors.preferences_for(user_of(request))).data)

    @extend_schema(
        request=PreferencesIn, responses={200: PreferencesOut, 400: ERROR}, summary="Change reminder settings"
    )
    def put(self, request: Request) -> Response:
        body = PreferencesIn(data=request.data)
        body.is_valid(raise_exception=True)
        return Response(PreferencesOut(services.preferences_update(user_of(request), dict(body.validated_data))).data)


class PushSubscriptionList(APIView):
    @extend_schema(
        request=PushSubscriptionIn,
        responses={201: PushSubscriptionOut, 200: PushSubscriptionOut, 400: ERROR, 409: ERROR},
        description=(
            "Store `PushSubscription.toJSON()`: an https endpoint on a public push service's host name (no IP "
            "address, no user name). Posting a known endpoint again updates it (200); another user's endpoint "
            "moves here only with the same keys (200), else 409. A user keeps at most 5: the oldest go."
        ),
    )
    def post(self, request: Request) -> Response:
        body = PushSubscriptionIn(data=request.data)
        body.is_valid(raise_exception=True)
        keys = body.validated_data["keys"]
        subscription, created = services.push_subscription_save(
            user_of(request), body.validated_data["endpoint"], keys["p256dh"], keys["auth"]
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(PushSubscriptionOut(subscription).data, status=code)


class PushSubscriptionDetail(APIView):
    @extend_schema(responses={204: None, 404: ERROR}, summary="Forget a push subscription")
    def delete(self, request: Request, pk: int) -> Response:
        services.push_subscription_delete(
            get_owned(selectors.push_subscriptions_for(user_of(request)), user_of(request), pk=pk)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PushPublicKey(APIView):
    permission_classes = WITHOUT_CONSENT  # the server's public VAPID key: no health data

    @extend_schema(responses=PublicKeyOut, summary="The VAPID key for PushManager.subscribe()")
    def get(self, request: Request) -> Response:
        return Response(PublicKeyOut({"public_key": identity().public_key}).data)


@method_decorator(csrf_exempt, name="dispatch")
class Unsubscribe(View):
    """The link in every reminder email. GET asks (mail scanners follow links); POST stops reminder emails,
    which is also what a mail client's one-click `List-Unsubscribe-Post` does. The signed token is the
    authorisation, so no login and no CSRF token."""

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self._page(request, token, invalid=False, done=False)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        done = services.unsubscribe_email(token)
        return self._page(request, token, invalid=not done, done=done, status_code=200 if done else 400)

    def _page(
        self, request: HttpRequest, token: str, *, invalid: bool, done: bool, status_code: int = 200
    ) -> HttpResponse:
        # The page speaks the language of the mail it was opened from (the account's), else the browser's.
        language = selectors.unsubscribe_language(token)
        with speaking(language) if language else contextlib.nullcontext():
            context = {"invalid": invalid, "done": done}
            response = render(request, "reminders/unsubscribe.html", context, status=status_code)
        if language:
            response["Content-Language"] = language  # LocaleMiddleware keeps it (it would name the browser's)
        return private_response(response, no_referrer=True)  # its address holds the signed token
