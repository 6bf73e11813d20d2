"""Logs never carry health data or secrets: a canary flow full of marker strings leaves none in the logs,
while the structured request and task lines it should leave are there."""

from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from footlog.celery import ping
from footlog.lib.logjson import JsonFormatter
from tests.hardening.canary import MISSING_GLYPHS, run_flow
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


def test_pdf_of_cjk_and_emoji_notes_logs_no_character_of_them(user, all_logs):
    from footlog.exports.pdf import render_pdf
    from footlog.exports.report import build_report
    from tests.exports.builders import log_entry

    notes = f"右踵の痂皮 {MISSING_GLYPHS}"
    log_entry(user, "2026-10-02", notes=notes, observations=[{"site": "left_heel", "count": 2}])
    report = build_report(user, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert render_pdf(report).startswith(b"%PDF")

    text = rendered(all_logs)
    assert [c for c in MISSING_GLYPHS if c in text] == [], text[-2000:]
    assert "U+53F3" not in text  # nor its code point
    notdef = [r for r in all_logs.records if r.name == "weasyprint" and ".notdef" in r.getMessage()]
    assert notdef, "the build logged no missing glyph: the canary did not run"  # the record is kept, emptied


def test_font_subsetting_records_lose_their_arguments(all_logs):
    logging.getLogger("fontTools.subset").warning("Missing glyphs for requested Unicodes: %s", "右 🦶")
    text = rendered(all_logs)
    assert "右" not in text and "🦶" not in text
    assert "Missing glyphs for requested Unicodes" in text
