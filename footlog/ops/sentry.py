"""Opt-in error reports (SENTRY_DSN): what leaves the server is the exception's type, its stack (file, function,
line and source lines of footlog's code), the route pattern and the request method. Nothing a user typed or owns.

Removed before sending (`scrub`, sentry-sdk's `before_send`): the request's body, query string, cookies, headers,
URL (share links carry their token in the path) and client address; every frame's local variables (also never
collected: include_local_variables=False); the exception's message and log messages' arguments (they may quote a
note: `ValueError(f"... {note}")`); breadcrumbs (log lines and SQL of the request), extra data (Celery task
arguments), the user, and any context beyond runtime and OS.
"""

from __future__ import annotations

from typing import Any, cast

REMOVED = "[removed]"
_KEEP_TOP = {
    "event_id",
    "timestamp",
    "level",
    "logger",
    "platform",
    "release",
    "environment",
    "server_name",
    "transaction",
    "transaction_info",
    "exception",
    "threads",
    "logentry",
    "message",
    "request",
    "contexts",
    "tags",
    "sdk",
    "modules",
    "fingerprint",
    "type",
}
_KEEP_CONTEXTS = {"runtime", "os", "trace"}
_KEEP_FRAME = {
    "filename",
    "abs_path",
    "module",
    "function",
    "lineno",
    "colno",
    "in_app",
    "context_line",
    "pre_context",
    "post_context",
    "platform",
}


def _scrub_frames(holder: dict[str, Any]) -> None:
    stacktrace = holder.get("stacktrace")
    if isinstance(stacktrace, dict):
        frames = stacktrace.get("frames") or []
        stacktrace.clear()
        stacktrace["frames"] = [{k: v for k, v in frame.items() if k in _KEEP_FRAME} for frame in frames]


def scrub(event: dict[str, Any], hint: Any = None) -> dict[str, Any]:
    """Keep only what cannot carry health data, credentials or links (see the module docstring)."""
    for key in list(event):
        if key not in _KEEP_TOP:
            del event[key]  # breadcrumbs, extra, user, request data at top level, spans
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = {"method": request["method"]} if isinstance(request.get("method"), str) else {}
    for exc in (event.get("exception") or {}).get("values") or []:
        if isinstance(exc, dict):
            if "value" in exc:
                exc["value"] = REMOVED
            _scrub_frames(exc)
    for thread in (event.get("threads") or {}).get("values") or []:
        if isinstance(thread, dict):
            _scrub_frames(thread)
    logentry = event.get("logentry")
    if isinstance(logentry, dict):
        # The template ("Internal Server Error: %s") stays; its arguments and the formatted text go.
        event["logentry"] = {"message": str(logentry.get("message", ""))} if logentry.get("params") else {}
        if not event["logentry"]:
            event["logentry"] = {"message": REMOVED}
    if "message" in event:
        event["message"] = REMOVED
    contexts = event.get("contexts")
    if isinstance(contexts, dict):
        event["contexts"] = {k: v for k, v in contexts.items() if k in _KEEP_CONTEXTS}
    tags = event.get("tags")
    if isinstance(tags, dict):
        event["tags"] = {k: v for k, v in tags.items() if k in {"transaction", "celery_task_id", "level"}}
    return event


def init_sentry(dsn: str) -> None:
    # the SDK loads only when SENTRY_DSN is set
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        max_breadcrumbs=0,
        before_send=cast(Any, scrub),  # plain dicts in and out: sentry-sdk's Event type is a TypedDict
        before_breadcrumb=lambda crumb, hint: None,
        traces_sample_rate=None,  # errors only: no performance data
        integrations=[DjangoIntegration(transaction_style="url")],  # transaction = the route pattern
    )
