"""/metrics: Prometheus text behind a bearer token (FOOTLOG_METRICS_TOKEN; unset, or a wrong token: 404).

Two sources: the counters and histograms the processes keep (footlog/lib/metrics.py; every gunicorn worker's
summed in multiprocess mode), and gauges read from the database at scrape time (`DatabaseCollector`), so that a
figure counted in any process on any machine (reminder backlog, jobs, deliveries) is right whichever web process
is scraped. No label carries a user id, an email, a path or a health value.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import os
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count, Min
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from prometheus_client import REGISTRY, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from footlog.exports.models import ReportJob
from footlog.lib.metrics import SHARED_COUNTERS, SHARED_PREFIX
from footlog.portability.models import ImportJob
from reminders.models import Delivery, DeliveryAttempt, Reminder

logger = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
RECENT = dt.timedelta(hours=1)


def _age(now: dt.datetime, then: dt.datetime | None) -> float:
    return max(0.0, (now - then).total_seconds()) if then else 0.0


class DatabaseCollector(Collector):
    """Gauges read at scrape time: a handful of grouped counts on indexed or small tables."""

    def collect(self) -> Iterator[Metric]:
        ok = GaugeMetricFamily("footlog_metrics_database_ok", "1 when the database gauges below could be read.")
        try:
            families = list(self._families())
        except Exception:
            logger.warning("metrics: database gauges could not be read", exc_info=True)
            ok.add_metric([], 0)
            yield ok
            return
        ok.add_metric([], 1)
        yield ok
        yield from families
        yield from self._shared_counters()

    def _families(self) -> Iterator[Metric]:

        now = timezone.now()
        deliveries = GaugeMetricFamily(
            "footlog_reminder_deliveries",
            "Reminder deliveries kept, by channel and status.",
            labels=["channel", "status"],
        )
        for row in Delivery.objects.values("channel", "status").annotate(n=Count("id")).order_by():
            deliveries.add_metric([row["channel"], row["status"]], row["n"])
        yield deliveries

        attempts = GaugeMetricFamily(
            "footlog_reminder_delivery_attempts_last_hour",
            "Delivery tries in the last hour, by channel and outcome (sent, skipped, transient, permanent).",
            labels=["channel", "outcome"],
        )
        recent = DeliveryAttempt.objects.filter(at__gte=now - RECENT)
        for tried in recent.values("delivery__channel", "outcome").annotate(n=Count("id")).order_by():
            attempts.add_metric([tried["delivery__channel"], tried["outcome"]], tried["n"])
        yield attempts

        backlog = GaugeMetricFamily(
            "footlog_reminder_backlog",
            "What is due and not yet done: reminders to fire and deliveries to try.",
            labels=["kind"],
        )
        oldest = GaugeMetricFamily(
            "footlog_reminder_backlog_oldest_seconds",
            "How long the oldest due item has been waiting (0 when none).",
            labels=["kind"],
        )
        due = Reminder.objects.filter(next_fire_at__lte=now).aggregate(n=Count("id"), first=Min("next_fire_at"))
        backlog.add_metric(["reminders"], due["n"])
        oldest.add_metric(["reminders"], _age(now, due["first"]))
        due = Delivery.objects.filter(status__in=Delivery.OPEN, next_attempt_at__lte=now).aggregate(
            n=Count("id"), first=Min("next_attempt_at")
        )
        backlog.add_metric(["deliveries"], due["n"])
        oldest.add_metric(["deliveries"], _age(now, due["first"]))
        yield backlog
        yield oldest

        jobs = GaugeMetricFamily(
            "footlog_jobs", "Report and import jobs kept, by kind and state.", labels=["kind", "state"]
        )
        running = GaugeMetricFamily(
            "footlog_jobs_oldest_running_seconds",
            "How long the oldest running job of each kind has been running (0 when none).",
            labels=["kind"],
        )
        for report in ReportJob.objects.values("state").annotate(n=Count("id")).order_by():
            jobs.add_metric(["report", report["state"]], report["n"])
        for imported in ImportJob.objects.values("status").annotate(n=Count("id")).order_by():
            jobs.add_metric(["import", imported["status"]], imported["n"])
        first = ReportJob.objects.filter(state=ReportJob.State.RUNNING).aggregate(first=Min("started"))["first"]
        running.add_metric(["report"], _age(now, first))
        first = ImportJob.objects.filter(status=ImportJob.Status.RUNNING).aggregate(first=Min("started"))["first"]
        running.add_metric(["import"], _age(now, first))
        yield jobs
        yield running

    def _shared_counters(self) -> Iterator[Metric]:
        # the cache backend is read when scraped, not at import (tests swap the settings)
        from django.core.cache import cache

        try:
            values = cache.get_many([SHARED_PREFIX + name for name in SHARED_COUNTERS])
        except Exception:
            logger.warning("metrics: shared counters could not be read", exc_info=True)
            return
        for name, text in SHARED_COUNTERS.items():
            family = CounterMetricFamily(name, text)
            family.add_metric([], int(values.get(SHARED_PREFIX + name) or 0))
            yield family


_DATABASE = CollectorRegistry(auto_describe=False)
_DATABASE.register(DatabaseCollector())


def exposition() -> bytes:
    """The whole /metrics text: the processes' own metrics, then the database gauges."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        processes = CollectorRegistry()
        MultiProcessCollector(processes, path=folder)  # type: ignore[no-untyped-call]  # prometheus-client: unannotated
        own = generate_latest(processes)
    else:
        own = generate_latest(REGISTRY)
    return own + generate_latest(_DATABASE)


def _authorised(request: HttpRequest) -> bool:
    token = settings.FOOTLOG_METRICS_TOKEN
    if not token:
        return False
    given = request.headers.get("Authorization", "")
    return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    # 404, not 401: without the token the endpoint does not exist, as far as anyone can tell.
    if request.method not in ("GET", "HEAD") or not _authorised(request):
        raise Http404
    return HttpResponse(exposition(), content_type=CONTENT_TYPE)
