"""footlog's own system checks (registered by footlog.pwa's AppConfig).

`manage.py check --deploy` runs the deploy ones, next to Django's security checks.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Tags, register
from django.core.checks import Error as CheckError
from django.core.checks import Warning as CheckWarning

HINT = "Set FOOTLOG_PUBLIC_URL to the https address people open footlog at, e.g. https://footlog.example.org."


@register(Tags.security, deploy=True)
def public_url_is_https(app_configs: Sequence[AppConfig] | None, **kwargs: object) -> list[CheckMessage]:
    """Mail and push links (made without a request) use FOOTLOG_PUBLIC_URL; https also turns on Secure cookies
    and HSTS (footlog.settings), so in production it must be set, and be https."""
    url = settings.FOOTLOG_PUBLIC_URL
    if not settings.FOOTLOG_PUBLIC_URL_SET:
        text = f"FOOTLOG_PUBLIC_URL is not set: links in reminder mail and push point at {url}."
        return [CheckWarning(text, hint=HINT, id="footlog.W001")]
    if not url.startswith("https://"):
        text = f"FOOTLOG_PUBLIC_URL is {url}, not https: cookies are sent without Secure and there is no HSTS."
        return [CheckWarning(text, hint=HINT, id="footlog.W002")]
    return []


@register(Tags.security, deploy=True)
def webauthn_origin_is_checked(app_configs: Sequence[AppConfig] | None, **kwargs: object) -> list[CheckMessage]:
    """Passkeys are bound to the site's origin; accepting any origin (a development switch) lets another site
    replay an assertion made for it, so a deployment must not run with it."""
    if not getattr(settings, "MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN", False):
        return []
    text = "FOOTLOG_WEBAUTHN_INSECURE_ORIGIN is on: passkey sign-ins are accepted from any origin."
    hint = "Unset it; it exists for development under DJANGO_DEBUG (http://localhost needs no allowance)."
    return [CheckError(text, hint=hint, id="footlog.E001")]
