"""gunicorn settings; every value can be overridden by GUNICORN_CMD_ARGS or the environment.

Behind nginx (deploy/nginx.conf) gunicorn listens on 127.0.0.1 or a unix socket and never sees TLS.
"""

import os
import sys
from pathlib import Path
from typing import Any

from gunicorn.glogging import Logger

# gunicorn reads this file before the project is on sys.path; the variables go through footlog's one strict
# parser like every other, so `PORT=eighty` stops start-up naming PORT instead of a ValueError traceback.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import shutil

from footlog.lib import config as _env  # not `config`: gunicorn would read that name as its --config setting

bind = f"{_env.parse_str('HOST', default='127.0.0.1')}:{_env.parse_int('PORT', 1, 65535, default=8000)}"
workers = _env.parse_int("WEB_CONCURRENCY", 1, 64, default=2)
threads = _env.parse_int("WEB_THREADS", 1, 64, default=4)
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak (image decoding, PDF rendering) cannot grow without bound.
max_requests = _env.parse_int("WEB_MAX_REQUESTS", 0, 1_000_000, default=2000)  # 0: never recycle
max_requests_jitter = max_requests // 10
# Heartbeat files in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Requests over these are refused before Django sees them (nginx has the same limits).
limit_request_line = 4094
limit_request_fields = 100
# No access log: footlog's request log (footlog/middleware.py) names the route pattern, never the raw path,
# because share links and unsubscribe links carry their token in the path.
accesslog = None
errorlog = "-"
forwarded_allow_ips = _env.parse_str("FORWARDED_ALLOW_IPS", default="127.0.0.1")
# No control socket: gunicorn would otherwise create $XDG_RUNTIME_DIR/gunicorn.ctl or ~/.gunicorn/gunicorn.ctl,
# outside the data dir, for a runtime tool (gunicornc) footlog does not use. Restart to change settings.
control_socket_disable = True


# gunicorn's own lines (start-up, worker timeouts, "Error handling request <path>") in the same JSON shape and
# through the same share-link redaction as Django's loggers; its access log stays off whatever else is set.
class FootlogLogger(Logger):  # type: ignore[misc]  # gunicorn: no type hints
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        # Imported here: the project directory is on sys.path only once gunicorn has read this file.
        from footlog.lib.logjson import JsonFormatter
        from footlog.lib.logredact import RedactShareLinks

        for handler in self.error_log.handlers:
            if _env.parse_choice("FOOTLOG_LOG_FORMAT", ("json", "plain"), default="json") == "json":
                handler.setFormatter(JsonFormatter())
            handler.addFilter(RedactShareLinks())

    def access(self, *args: Any, **kwargs: Any) -> None:
        """footlog.request (footlog/middleware.py) is the access log."""


logger_class = FootlogLogger


# /metrics (footlog/ops/metrics.py) with several workers: each worker writes its counters to files that the scraped
# worker adds up (prometheus-client's multiprocess mode). Set before any worker imports prometheus_client; the
# folder is emptied when gunicorn starts and a dead worker's gauges are dropped.
_METRICS_DIR = None
if _env.parse_str("FOOTLOG_METRICS_TOKEN", default="") and not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    _data_dir = _env.parse_path("FOOTLOG_DATA_DIR", default=Path(__file__).resolve().parents[1] / "var")
    _METRICS_DIR = _data_dir / "prometheus"
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_METRICS_DIR)


def on_starting(server: Any) -> None:
    if _METRICS_DIR is not None:
        shutil.rmtree(_METRICS_DIR, ignore_errors=True)
        _METRICS_DIR.mkdir(parents=True)


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        # gunicorn's master reads this file: prometheus_client only where metrics span processes
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]  # prometheus-client: unannotated
