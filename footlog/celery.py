"""The Celery app. Settings come from Django's settings under the CELERY_ namespace."""

import os

from celery import Celery

from footlog.lib import logjson

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "footlog.settings")

app = Celery("footlog")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
logjson.connect_celery_signals()  # JSON task log; the worker keeps Django's LOGGING


@app.task(name="footlog.ping")
def ping(value: str) -> str:
    """A no-op round trip used by health checks and the broker tests."""
    return value
