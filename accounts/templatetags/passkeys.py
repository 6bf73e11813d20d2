"""`{{ value|json_attr }}`: WebAuthn options as JSON for a data- attribute (passkeys.js reads it), so that allauth's
pages need no inline <script> under the CSP. Autoescaping makes it safe inside the quoted attribute."""

from __future__ import annotations

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder

register = template.Library()


@register.filter
def json_attr(value: object) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, separators=(",", ":"))
