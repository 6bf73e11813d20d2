"""gunicorn settings; every value can be overridden by GUNICORN_CMD_ARGS or the environment.

Behind nginx (deploy/nginx.conf) gunicorn listens on 127.0.0.1 or a unix socket and never sees TLS.
"""

import os
from typing import Any

from gunicorn.glogging import Logger

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak (image decoding, PDF rendering) cannot grow without bound.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "2000"))
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
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


# gunicorn's own lines (start-up, worker timeouts, "Error handling request <path>") in the same JSON shape and
# through the same share-link redaction as Django's loggers; its access log stays off whatever else is set.
class FootlogLogger(Logger):
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        # Imported here: the project directory is on sys.path only once gunicorn has read this file.
        from footlog.lib.logjson import JsonFormatter
        from footlog.lib.logredact import RedactShareLinks

        for handler in self.error_log.handlers:
            if os.environ.get("FOOTLOG_LOG_FORMAT", "json") == "json":
                handler.setFormatter(JsonFormatter())
            handler.addFilter(RedactShareLinks())

    def access(self, *args: Any, **kwargs: Any) -> None:
        """footlog.request (footlog/middleware.py) is the access log."""


logger_class = FootlogLogger
