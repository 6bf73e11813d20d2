"""Loaded by pytest before Django: tests get a throw-away data dir, never the developer's ./var.

Under pytest-xdist (`make test` runs `-n 2`) each worker gets its own share of every service, so that two tests
running at once never see each other's state (child processes the tests start inherit the environment):
- PostgreSQL: a database of its own (pytest-django appends `_gw<N>` to the test database's name);
- Redis: database <N> + 1 on REDIS_URL's host (gw0 -> 1, gw1 -> 2), so flushing rate limits or reading the
  broker's queues stays within the worker;
- Celery: the default queue `celery-gw<N>` (FOOTLOG_CELERY_QUEUE, read by footlog/settings.py), consumed by the
  worker processes the tests start;
- the data dir (media, VAPID keys, beat schedule): a sub-directory per worker.
"""

import os
import re
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("FOOTLOG_DATA_DIR", tempfile.mkdtemp(prefix="footlog-test-"))


def worker_redis_url(url: str, index: int) -> str:
    """REDIS_URL with its database replaced by the worker's (index + 1); host, port and credentials kept."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{index + 1}"))


_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
_match = re.fullmatch(r"gw(\d+)", _worker)
if _match:
    _index = int(_match.group(1))
    _data = os.path.join(os.environ["FOOTLOG_DATA_DIR"], _worker)
    os.makedirs(_data, exist_ok=True)
    os.environ["FOOTLOG_DATA_DIR"] = _data
    if os.environ.get("REDIS_URL", "").strip():
        os.environ["REDIS_URL"] = worker_redis_url(os.environ["REDIS_URL"].strip(), _index)
    os.environ["FOOTLOG_CELERY_QUEUE"] = f"celery-{_worker}"
