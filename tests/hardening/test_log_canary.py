"""Logs never carry health data or secrets: a canary flow full of marker strings leaves none in the logs,
while the structured request and task lines it should leave are there."""

from __future__ import annotations

import json
import logging

import pytest

from footlog.celery import ping
from footlog.lib.logjson import JsonFormatter
from tests.hardening.canary import run_flow
from tests.support.services import child_env, free_port, http_answers, start_gunicorn, wait_for

# Django gives these loggers their own handler and stops propagation: capture them directly too.
NON_PROPAGATING = ("django.request", "django.server", "django.security", "gunicorn.error")


# Lines that are not the app's: the test client's own requests (urllib3 at DEBUG) and aiosmtpd, the SMTP
# server standing in for the outside world, which prints whole messages.
NOT_THE_APP = {"urllib3": logging.INFO, "mail.log": logging.CRITICAL}


@pytest.fixture
def all_logs(caplog):
    caplog.set_level(logging.DEBUG)
    loggers = [logging.getLogger(name) for name in NON_PROPAGATING]
    for logger in loggers:
        logger.addHandler(caplog.handler)
    previous = {name: logging.getLogger(name).level for name in NOT_THE_APP}
    for name, level in NOT_THE_APP.items():
        logging.getLogger(name).setLevel(level)
    yield caplog
    for name, level in previous.items():
        logging.getLogger(name).setLevel(level)
    for logger in loggers:
        logger.removeHandler(caplog.handler)


def rendered(caplog) -> str:
    """Every captured record as both formatters footlog can be configured with would write it."""
    json_lines, plain = JsonFormatter(), logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    return "\n".join(f"{json_lines.format(r)}\n{plain.format(r)}" for r in caplog.records)


def leaks(text: str, markers: list[str]) -> list[str]:
    return [m for m in markers if m.lower() in text.lower()]


@pytest.mark.django_db(transaction=True)
def test_whole_flow_leaves_no_health_data_tokens_or_share_links_in_the_logs(live_server, smtp_sink, all_logs):
    flow = run_flow(live_server.url, smtp_sink)
    assert len(flow.markers) >= 12
    ping.apply(args=[flow.mark("taskarg")])  # task signals fire for eager runs too

    text = rendered(all_logs)
    assert leaks(text, flow.markers) == []
    requests_logged = [r for r in all_logs.records if getattr(r, "event", None) == "request"]
    routes = {r.route for r in requests_logged}
    assert {"share/<str:token>/", "api/v1/entries/", "_allauth/app/v1/auth/signup"} <= routes, routes
    assert any(r.status == 409 and r.user for r in requests_logged)  # user id of the token-authenticated call
    tasks = [r for r in all_logs.records if getattr(r, "event", None) == "task"]
    assert [(t.task, t.outcome) for t in tasks] == [("footlog.ping", "success")]


def test_json_lines_carry_only_the_whitelisted_fields():
    record = logging.LogRecord("footlog.request", logging.INFO, __file__, 1, "GET %s", ("x/",), None)
    record.route, record.request, record.data = "x/", object(), {"notes": "secret"}
    line = json.loads(JsonFormatter().format(record))
    assert line["route"] == "x/" and line["msg"] == "GET x/"
    assert "request" not in line and "data" not in line


def test_gunicorn_and_worker_output_holds_no_marker(postgres, redis_service, smtp_sink, tmp_path, transactional_db):
    """The same flow against real gunicorn and Celery worker processes; their whole stderr is searched."""
    from tests.support.services import start_celery

    port = free_port()
    env = child_env(
        EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        FOOTLOG_PUBLIC_URL=f"http://127.0.0.1:{port}",
    )
    web = start_gunicorn(port, tmp_path, env)
    worker = start_celery("worker", tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{smtp_sink.port}")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: http_answers(f"{base}/privacy/", below=300), timeout=60)
        flow = run_flow(base, smtp_sink)
        assert ping.delay(flow.mark("taskarg")).get(timeout=60)
    finally:
        web.stop()
        worker.stop()
    output = web.output() + worker.output()
    assert leaks(output, flow.markers) == []
    lines = [json.loads(line) for line in web.output().splitlines() if line.startswith("{")]
    assert any(line.get("route") == "share/<str:token>/" for line in lines)
    assert '"task": "footlog.ping"' in worker.output()
