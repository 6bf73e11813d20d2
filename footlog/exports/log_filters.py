"""Logging filter that keeps share tokens out of every log line (request logs, 404 warnings, dev server)."""

from __future__ import annotations

import logging
import re

# Anything after /share/ up to the next slash, space, quote or query: the token, whole or truncated.
_SHARE_PATH = re.compile(r"/share/[^/\s\"'?]*")
REDACTED = "/share/[redacted]"


def redact(text: str) -> str:
    return _SHARE_PATH.sub(REDACTED, text)


class RedactShareLinks(logging.Filter):
    """Rewrites the record's message in place; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: leave it to the handler's own error path
            return True
        if "/share/" in message:
            record.msg, record.args = redact(message), ()
        request = getattr(record, "request", None)
        if request is not None and "/share/" in getattr(request, "path", ""):
            # Handlers such as AdminEmailHandler print the request; give them none rather than the token.
            record.request = None
        return True
