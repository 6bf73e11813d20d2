"""Logging filter that keeps bearer tokens in URL paths (share links, SMART Health Link manifests and their file
tickets, one-click unsubscribe links) out of every log line (request logs, 404 warnings, dev server)."""

from __future__ import annotations

import logging
import re

# Path prefixes whose next segment is a secret token.
TOKEN_PREFIXES = ("/share/", "/unsubscribe/", "/shl/")
# Anything after such a prefix up to the next slash, space, quote or query: the token, whole or truncated.
# `/shl/file/` comes first: there the ticket is the segment after `file/`.
_TOKEN_PATH = re.compile(r"(/share/|/unsubscribe/|/shl/file/|/shl/)[^/\s\"'?]*")


def redact(text: str) -> str:
    return _TOKEN_PATH.sub(r"\1[redacted]", text)


def _has_token(text: str) -> bool:
    return any(prefix in text for prefix in TOKEN_PREFIXES)


class RedactShareLinks(logging.Filter):
    """Rewrites the record's message in place; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed record: leave it to the handler's own error path
            return True
        if _has_token(message):
            record.msg, record.args = redact(message), ()
        request = getattr(record, "request", None)
        if request is not None and _has_token(getattr(request, "path", "")):
            # Handlers such as AdminEmailHandler print the request; give them none rather than the token.
            record.request = None
        return True
