"""Who may call an API view. The default (settings REST_FRAMEWORK) is signed in AND consent given: every view
carries health data unless it opts out with `WITHOUT_CONSENT`, so a new endpoint is protected by construction."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.request import Request

from accounts.consent import has_current_consent
from footlog.lib.errors import ConsentRequired

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


# The views a signed-in user needs before (or instead of) consenting: the account itself, giving consent, taking
# one's data out, deleting everything, the list of body sites and the push key. Nothing in them is health data
# that the user has not already stored.
WITHOUT_CONSENT: list[type[BasePermission]] = [IsAuthenticated]


def requires_consent(view: object) -> bool:
    """Whether a view class (or instance) checks consent; the OpenAPI schema documents its 403 from this."""
    return HealthDataConsent in list(getattr(view, "permission_classes", []))
