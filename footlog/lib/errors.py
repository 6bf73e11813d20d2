"""footlog's own errors, raised by domain code (services, selectors) that knows nothing of HTTP.

`footlog.api.errors.exception_handler` maps each to its status and the API's error shape
({"detail": "...", "errors": {...}, "code": "..."}); pages catch them and show the message. Plain Python on
purpose: a service must not import the REST framework.

`detail` is rendered when the error is raised, in the active language (issue 26): the request's in the API,
English in the worker and on the command line. `code` stays English: clients match on it.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy


class FootlogError(Exception):
    status_code = 400
    default_detail: str | Promise = gettext_lazy("The request cannot be carried out.")
    # A stable machine name for clients (the API's optional "code"); None when the status says enough.
    code: str | None = None

    def __init__(self, detail: str | Promise | None = None, *, extra: dict[str, object] | None = None) -> None:
        self.detail: str = str(detail or self.default_detail)
        self.extra = extra or {}
        super().__init__(self.detail)


class InvalidInput(FootlogError):
    """Field errors, as {"field": ["message", ...]}: answered 400 like a serializer's."""

    default_detail = gettext_lazy("Some fields are invalid.")

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__()
        self.errors = errors


class Conflict(FootlogError):
    status_code = 409
    default_detail = gettext_lazy("This conflicts with what is stored.")


class PreconditionFailed(FootlogError):
    status_code = 412
    default_detail = gettext_lazy("The object changed since you read it; fetch it again and retry.")


class PayloadTooLarge(FootlogError):
    status_code = 413
    default_detail = gettext_lazy("The request body is too large.")


class QuotaExceeded(FootlogError):
    status_code = 429
    default_detail = gettext_lazy("Quota exceeded.")


class ServiceUnavailable(FootlogError):
    """A dependency (the broker, the cache) is down: answered 503 with Retry-After, nothing half-stored."""

    status_code = 503
    default_detail = gettext_lazy("The service is briefly unavailable; try again in a minute.")

    def __init__(self, detail: str | Promise | None = None, *, retry_after: int = 60) -> None:
        super().__init__(detail)
        self.retry_after = retry_after


class ConsentRequired(FootlogError):
    """The user has not agreed to the current consent text (accounts.consent): no health data until they do."""

    status_code = 403
    code = "consent_required"
    default_detail = gettext_lazy(
        "Agree to the storage of your health data first (POST account/consent with the current version)."
    )


class OtherAccount(FootlogError):
    """An outbox item queued on a phone by another account than the one signed in (footlog.lib.device): never
    stored in this account. The phone keeps it for its own account."""

    status_code = 403
    code = "other_account"
    default_detail = gettext_lazy("This was saved on the phone by another account: sign in as that account to send it.")
