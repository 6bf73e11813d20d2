"""The request log: one structured line per request, naming the route pattern and never the path."""

from __future__ import annotations

import json
import logging
import uuid

from footlog.lib.logjson import JsonFormatter
from tests.hardening.test_production_settings import run_django


def request_lines(caplog) -> list[dict]:
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == "footlog.request"]


def test_api_request_is_logged_by_route_with_user_status_and_duration(api, user, caplog):
    caplog.set_level(logging.INFO, logger="footlog.request")
    entry_id = str(uuid.uuid4())
    assert api.get(f"/api/v1/entries/{entry_id}/?from=secret").status_code == 404
    [line] = request_lines(caplog)
    assert line["route"] == "api/v1/entries/<uuid:pk>/"
    assert (line["method"], line["status"], line["user"], line["view"]) == ("GET", 404, user.pk, "entry-detail")
    assert line["duration_ms"] >= 0
    assert entry_id not in json.dumps(line) and "secret" not in json.dumps(line)


def test_unmatched_path_is_logged_without_the_path(client, db, caplog):
    caplog.set_level(logging.INFO, logger="footlog.request")
    client.get("/no-such-page/token-abc123/")
    [line] = request_lines(caplog)
    assert (line["route"], line["status"], line.get("user")) == ("<unmatched>", 404, None)
    assert "token-abc123" not in json.dumps(line)


def test_unknown_log_format_stops_start_up_naming_the_variable(tmp_path):
    result = run_django(tmp_path, ["check"], FOOTLOG_LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "FOOTLOG_LOG_FORMAT" in result.stderr
