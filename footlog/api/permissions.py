"""Who may call an API view. The default (settings REST_FRAMEWORK) is signed in AND consent given: every view
carries health data unless it opts out with `WITHOUT_CONSENT`, so a new endpoint is protected by construction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request

from accounts.consent import has_current_consent
from footlog.lib.device import ACCOUNT_HEADER, device_owner_key
from footlog.lib.errors import ConsentRequired, OtherAccount

if TYPE_CHECKING:
    from rest_framework.views import APIView  # at run time: a cycle (DRF reads this module from its settings)


class HealthDataConsent(BasePermission):
    """403 `consent_required` until the user agreed to the current consent text (accounts.consent)."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if user is None or not user.is_authenticated:
            return True  # IsAuthenticated, listed before this class, answers 401/403 for that
        if not has_current_consent(user):
            raise ConsentRequired()
        return True


class SameAccountAsTheItem(BasePermission):
    """403 `other_account` when a request names, in `X-Footlog-Account`, another account than the signed-in one:
    the phone's outbox sends each item with the key of the account that queued it, so an item left by one account
    is never stored in another's that signed in on the same phone (the service worker cannot tell who is signed in;
    the server can). Requests without the header are not concerned."""

    def has_permission(self, request: Request, view: object) -> bool:
        named = request.headers.get(ACCOUNT_HEADER)
        user = request.user
        if named is None or user is None or not user.is_authenticated:
            return True
        if named != device_owner_key(user.pk):
            raise OtherAccount()
        return True


# The views a signed-in user needs before (or instead of) consenting: the account itself, giving consent, taking
# one's data out, deleting everything, the list of body sites and the push key. Nothing in them is health data
# that the user has not already stored.
WITHOUT_CONSENT: list[type[BasePermission]] = [IsAuthenticated]


def requires_consent(view: object) -> bool:
    """Whether a view class (or instance) checks consent; the OpenAPI schema documents its 403 from this."""
    return HealthDataConsent in list(getattr(view, "permission_classes", []))
