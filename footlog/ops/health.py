"""Liveness (/healthz) and readiness (/readyz) probes for load balancers, orchestrators and process managers.

Neither needs a login, and neither tells versions, host names, addresses or data: readiness names each check,
whether it passed and how long it took, nothing else (the reason goes to the log at WARNING). Both are exempt
from the https redirect (SECURE_REDIRECT_EXEMPT) and logged at DEBUG, never as errors, even when answering 503.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from footlog.diary.photo_storage import photo_storage

logger = logging.getLogger(__name__)

REDIS_TIMEOUT = 1.0  # seconds: a probe must answer well within an orchestrator's probe timeout


class NotReady(Exception):
    """A check failed; the message is for the log only, never for the answer."""


_migrations_applied = False  # once applied they stay applied for this process's code


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_migrations() -> None:
    global _migrations_applied
    if _migrations_applied:
        return
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        raise NotReady(f"{len(plan)} migrations not applied")
    _migrations_applied = True


def _ping_redis(url: str) -> None:
    # the Redis client only where REDIS_URL is set (SQLite + filesystem broker installs ping nothing)
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT)
    try:
        if not client.ping():
            raise NotReady("Redis did not answer PING")
    except redis.RedisError as exc:
        raise NotReady(f"Redis: {type(exc).__name__}") from None
    finally:
        client.close()


def check_cache() -> None:
    # The Redis cache falls back to process memory when Redis is down (footlog/lib/cache.py), so ask Redis itself.
    if settings.REDIS_URL:
        _ping_redis(settings.REDIS_URL)
        return
    key = f"ops:readyz:{os.getpid()}"
    cache.set(key, 1, timeout=30)
    if cache.get(key) != 1:
        raise NotReady("the cache did not keep a value")


def check_broker() -> None:
    url = str(settings.CELERY_BROKER_URL)
    if url.startswith(("redis://", "rediss://")):
        _ping_redis(url)
        return
    folder = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("data_folder_in")
    if folder:
        _write_probe(Path(str(folder)))


def _write_probe(folder: Path) -> None:
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".readyz-") as handle:
        handle.write(b"ok")
        handle.flush()


def check_photo_storage() -> None:
    storage = photo_storage()
    if isinstance(storage, FileSystemStorage):
        folder = Path(storage.location)
        folder.mkdir(parents=True, exist_ok=True)
        _write_probe(folder)  # at the top level, where no photo key lives
        return
    key = storage.save(f"readyz/{os.getpid()}-{time.monotonic_ns()}.probe", ContentFile(b"ok"))
    storage.delete(key)


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "migrations": check_migrations,
    "cache": check_cache,
    "broker": check_broker,
    "photo_storage": check_photo_storage,
}


def run_checks() -> dict[str, dict[str, object]]:
    """Every check's outcome and duration in ms; the migrations check is skipped (failed) when the database is."""
    results: dict[str, dict[str, object]] = {}
    for name, check in CHECKS.items():
        began = time.perf_counter()
        ok = True
        if name == "migrations" and not results["database"]["ok"]:
            ok = False
        else:
            try:
                check()
            except Exception as exc:
                ok = False
                logger.warning("readiness check %s failed: %s", name, _reason(exc))
        results[name] = {"ok": ok, "ms": round((time.perf_counter() - began) * 1000, 1)}
    return results


def _reason(exc: Exception) -> str:
    # Class names only for database and storage errors: their messages may name hosts or paths.
    return str(exc) if isinstance(exc, NotReady) else type(exc).__name__


def _probe_response(body: dict[str, object], status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response.footlog_probe = True  # type: ignore[attr-defined]  # footlog/middleware.py logs it at DEBUG
    response._has_been_logged = True  # type: ignore[attr-defined]  # Django logs no "Service Unavailable" error
    return response


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. No I/O."""
    return _probe_response({"status": "ok"}, 200)


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when every check passes, else 503 naming the failing ones."""
    checks = run_checks()
    failing = [name for name, result in checks.items() if not result["ok"]]
    if failing:
        return _probe_response({"status": "unavailable", "failing": failing, "checks": checks}, 503)
    return _probe_response({"status": "ready", "checks": checks}, 200)
