"""JSON-lines logging for the web and worker processes, and the task log of the Celery worker.

One line per record: {"ts", "level", "logger", "msg", ...}. Only the fields named in FIELDS are copied from a
record's `extra`; everything else a library attaches (request objects, task arguments, return values) is left
out, so health data cannot slip into the logs through an `extra` dict.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.config
import time

from celery import signals
from celery.app import trace
from django.conf import settings

# Fields footlog's own records carry (see footlog/middleware.py and task_log_* below). No free text.
FIELDS = (
    "event",
    "method",
    "route",
    "view",
    "status",
    "duration_ms",
    "user",
    "client_ip",
    "task",
    "task_id",
    "outcome",
)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


# --- Celery task log -----------------------------------------------------------------------------------
task_logger = logging.getLogger("footlog.task")
_started: dict[str, float] = {}


def task_log_prerun(task_id: str | None = None, **_: object) -> None:
    if task_id:
        _started[task_id] = time.perf_counter()


def task_log_postrun(task_id: str | None = None, task: object = None, state: str | None = None, **_: object) -> None:
    """One line per finished task run: name, id, outcome (success/failure/retry) and duration; no arguments."""
    began = _started.pop(task_id or "", None)
    duration = round((time.perf_counter() - began) * 1000, 1) if began is not None else None
    outcome = (state or "unknown").lower()
    task_logger.log(
        logging.WARNING if outcome == "failure" else logging.INFO,
        "task %s",
        outcome,
        extra={
            "event": "task",
            "task": getattr(task, "name", None),
            "task_id": task_id,
            "outcome": outcome,
            "duration_ms": duration,
        },
    )


def configure_worker_logging(**_: object) -> None:
    """Celery's setup_logging hook: use Django's LOGGING (JSON, redaction) instead of Celery's own handlers."""

    logging.config.dictConfig(settings.LOGGING)


def connect_celery_signals() -> None:
    """Called once from footlog/celery.py."""

    # Celery's success line ends with the task's return value; footlog's task log says what is needed.
    trace.LOG_SUCCESS = "Task %(name)s[%(id)s] succeeded in %(runtime)ss"
    signals.setup_logging.connect(configure_worker_logging, weak=False)
    signals.task_prerun.connect(task_log_prerun, weak=False)
    signals.task_postrun.connect(task_log_postrun, weak=False)
