"""Bearer tokens in URL paths never reach a log line."""

from __future__ import annotations

import logging

import pytest

from footlog.lib.logredact import RedactShareLinks


@pytest.mark.parametrize(
    "path,secret",
    [
        ("/share/Zx81abcDEF_secret/", "Zx81abcDEF_secret"),
        ("/api/v1/reminders/unsubscribe/AbC.signed-token_123/", "AbC.signed-token_123"),
        ("/shl/Q2xpbmljaWFuX21hbmlmZXN0X2lkX3NlY3JldF8x", "Q2xpbmljaWFuX21hbmlmZXN0X2lkX3NlY3JldF8x"),
        ("/shl/file/eyJzIjoiMSJ9:1vxyz:sIgNaTuRe_value", "eyJzIjoiMSJ9:1vxyz:sIgNaTuRe_value"),
    ],
)
def test_filter_redacts_tokens_in_paths(path, secret):
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (path,), None)
    assert RedactShareLinks().filter(record) is True
    message = record.getMessage()
    assert secret not in message
    assert "[redacted]" in message
