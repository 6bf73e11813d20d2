"""The process-local metrics other modules count into (Prometheus client objects; footlog/ops/metrics.py serves
them at /metrics with the gauges read from the database at scrape time).

Labels are route patterns, methods, status codes, channels and outcomes: never a user id, an email, a path or a
health value. Under gunicorn with FOOTLOG_METRICS_TOKEN set, footlog/gunicorn.conf.py points
PROMETHEUS_MULTIPROC_DIR into the data dir before any worker imports this, so every worker's counts add up.
Counting work done in the Celery worker goes through `shared_count` (the shared cache) instead: the worker may run
on another machine than the web process that is scraped.
"""

from __future__ import annotations

import logging

from prometheus_client import Counter, Histogram

logger = logging.getLogger(__name__)

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "footlog_http_requests",
    "HTTP requests answered, by route pattern (never the path), method and status.",
    ["route", "method", "status"],
)
LATENCY = Histogram(
    "footlog_http_request_duration_seconds",
    "Time to answer an HTTP request, by route pattern and method.",
    ["route", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
)
TIMELINE_CACHE = Counter(
    "footlog_timeline_cache_lookups",
    "Timeline results looked up in the cache, by result (hit or miss).",
    ["result"],
)

# Counters kept in the shared cache (name -> help text); footlog/ops/metrics.py exposes each as <name>_total.
SHARED_COUNTERS = {
    "footlog_push_subscriptions_gone": "Push subscriptions deleted because the push service answered 404/410.",
}
SHARED_PREFIX = "ops:counter:"


def observe_request(route: str, method: str, status: int, seconds: float) -> None:
    method = method if method in METHODS else "OTHER"
    REQUESTS.labels(route, method, str(status)).inc()
    LATENCY.labels(route, method).observe(seconds)


def shared_count(name: str) -> None:
    """Add one to the shared counter `name` (a key of SHARED_COUNTERS); a cache failure only loses the count."""
    # the cache backend is read when counted, not at import (tests swap the settings)
    from django.core.cache import cache

    key = SHARED_PREFIX + name
    try:
        cache.add(key, 0, timeout=None)
        cache.incr(key)
    except Exception:  # metrics never break the work they count
        logger.warning("could not count %s", name, exc_info=True)
