"""Error reports (SENTRY_DSN) reach the configured endpoint without health data: a view fails with a canary in
its path, query string, body, cookies, headers, exception message and local variables; the event that arrives at
a fake Sentry on loopback has the exception's type and stack but no canary anywhere."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from footlog.ops.sentry import scrub
from tests.support.services import ROOT

CANARY = "okapicanary5519"

CHILD = f"""
import django
django.setup()
from django.core.management import call_command
# A request with a session cookie reads its account's language (footlog/i18n.py), so the database exists.
call_command("migrate", verbosity=0)
import sentry_sdk
from django.test import Client
from django.test.utils import override_settings

with override_settings(ROOT_URLCONF="tests.ops.boom_urls"):
    headers = {{"HTTP_AUTHORIZATION": "Bearer {CANARY}", "HTTP_X_SESSION_TOKEN": "{CANARY}"}}
    client = Client(raise_request_exception=False, HTTP_HOST="localhost", **headers)
    client.cookies["sessionid"] = "{CANARY}"
    response = client.post("/boom/{CANARY}/?q={CANARY}", {{"notes": "itchy {CANARY}"}})
    assert response.status_code == 500, response.status_code
sentry_sdk.flush(10)
print("sent")
"""


class FakeSentry(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        FakeSentry.bodies.append(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_sentry():
    FakeSentry.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeSentry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def events(bodies: list[bytes]) -> list[dict]:
    found = []
    for body in bodies:
        lines = body.split(b"\n")
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                found.append(json.loads(payload))
    return found


def test_an_error_report_arrives_without_the_canary(fake_sentry, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "footlog.settings",
        "FOOTLOG_DATA_DIR": str(tmp_path),
        "SENTRY_DSN": f"http://publickey@127.0.0.1:{fake_sentry}/1",
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert FakeSentry.bodies, "no report reached the fake Sentry"
    raw = b"".join(FakeSentry.bodies)
    assert CANARY.encode() not in raw
    reported = events(FakeSentry.bodies)
    errors = [e for e in reported if e.get("exception")]
    assert errors, reported
    exception = errors[0]["exception"]["values"][-1]
    assert exception["type"] == "ValueError"
    frames = exception["stacktrace"]["frames"]
    assert any(f.get("function") == "boom" for f in frames)  # the stack is there to debug with
    assert not [f for f in frames if "vars" in f]
    assert all(e.get("request", {}) in ({}, {"method": "POST"}) for e in reported)
    assert "/boom/{word}/" in {e.get("transaction") for e in errors}  # the route pattern, not the path


def test_the_scrubber_removes_everything_that_could_carry_data():
    event = {
        "message": f"saved {CANARY}",
        "logentry": {"message": "Internal Server Error: %s", "params": [f"/share/{CANARY}/"], "formatted": CANARY},
        "request": {"method": "GET", "url": CANARY, "query_string": CANARY, "cookies": CANARY, "data": CANARY},
        "breadcrumbs": {"values": [{"message": CANARY}]},
        "extra": {"celery-job": {"args": [CANARY]}},
        "user": {"email": CANARY},
        "contexts": {"runtime": {"name": "CPython"}, "celery": {"args": CANARY}},
        "tags": {"url": CANARY},
        "exception": {"values": [{"type": "E", "value": CANARY, "stacktrace": {"frames": [{"vars": {"n": CANARY}}]}}]},
        "threads": {"values": [{"stacktrace": {"frames": [{"function": "f", "vars": {"n": CANARY}}]}}]},
        "spans": [{"description": CANARY}],
    }
    cleaned = scrub(event)
    assert CANARY not in json.dumps(cleaned)
    assert cleaned["logentry"] == {"message": "Internal Server Error: %s"}
    assert cleaned["contexts"] == {"runtime": {"name": "CPython"}}
