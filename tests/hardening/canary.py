"""A whole user flow driven over HTTP with marker strings in every secret and every health-data field.

Used by the log canary tests: after the flow, none of the returned markers may appear in any log output.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from dataclasses import dataclass, field

import requests

from tests.support.services import wait_for

# CJK and emoji that DejaVu, the only fonts in CI, lacks; each is a marker of its own.
MISSING_GLYPHS = "右踵痂皮痒🦶🩹"


@dataclass
class Flow:
    markers: list[str] = field(default_factory=list)

    def mark(self, kind: str) -> str:
        value = f"canary{kind}{uuid.uuid4().hex[:12]}"
        self.markers.append(value)
        return value

    def secret(self, value: str) -> str:
        self.markers.append(value)
        return value


def _code(sink, address: str) -> str:
    message = wait_for(lambda: sink.to(address), timeout=15)[-1]
    text = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4}|[A-Z0-9]{6})\s*$", text, re.MULTILINE)
    assert match, "no verification code in the mail"
    return match.group(1)


def run_flow(base: str, sink) -> Flow:
    """Sign up, verify, log an entry, share it, open the share as a clinician, poke at bad input."""
    flow = Flow()
    http = requests.Session()
    auth = f"{base}/_allauth/app/v1/auth"
    address = f"{flow.mark('mail')}@example.com"
    password = flow.mark("password") + "-Aa1!"
    signup = http.post(f"{auth}/signup", json={"email": address, "password": password}, timeout=15)
    assert signup.status_code == 401, signup.text
    token = flow.secret(signup.json()["meta"]["session_token"])
    code = flow.secret(_code(sink, address))
    verify = http.post(f"{auth}/email/verify", json={"key": code}, headers={"X-Session-Token": token}, timeout=15)
    assert verify.status_code == 200, verify.text
    token = flow.secret(verify.json()["meta"].get("session_token", token))
    api = requests.Session()
    api.headers["X-Session-Token"] = token
    v1 = f"{base}/api/v1"
    # An API client gives consent to the current text before any health data (403 consent_required until then).
    version = api.get(f"{v1}/account/", timeout=15).json()["consent"]["current_version"]
    assert api.post(f"{v1}/account/consent", json={"version": version}, timeout=15).status_code == 200

    step = api.post(f"{v1}/routine-steps/", json={"label": flow.mark("step"), "kind": "care"}, timeout=15)
    assert step.status_code == 201, step.text
    entry = {
        "id": str(uuid.uuid4()),
        "date": "2026-11-20",
        # Characters the fonts lack: WeasyPrint would name each one in a .notdef warning (the share PDF below).
        "notes": f"{flow.mark('notes')} {''.join(flow.secret(c) for c in MISSING_GLYPHS)}",
        "observations": [{"site": "left_heel", "count": 3, "largest_mm": 1.5, "note": flow.mark("obsnote")}],
        "routine": [{"step": step.json()["key"], "done": True, "detail": flow.mark("detail")}],
    }
    created = api.post(f"{v1}/entries/", json=entry, timeout=15)
    assert created.status_code == 201, created.text
    # Bad input echoing health data, a conflicting replay, and a query string with a marker.
    bad = api.post(
        f"{v1}/entries/", json={**entry, "id": str(uuid.uuid4()), "notes": flow.mark("bad") * 400}, timeout=15
    )
    assert 400 <= bad.status_code < 500
    assert api.post(f"{v1}/entries/", json={**entry, "notes": flow.mark("conflict")}, timeout=15).status_code == 409
    assert api.get(f"{v1}/entries/?from=2026-11-01&to=2026-11-30&x={flow.mark('query')}", timeout=15).ok

    share = api.post(
        f"{v1}/shares/",
        json={"from": "2026-11-01", "to": "2026-11-30", "include_photos": False, "expires_in_days": 7},
        timeout=15,
    )
    assert share.status_code == 201, share.text
    url = share.json()["url"]
    share_token = flow.secret(url.rstrip("/").rsplit("/", 1)[-1])
    assert requests.get(f"{base}/share/{share_token}/", timeout=15).status_code == 200
    assert requests.get(f"{base}/share/{share_token}/report.pdf", timeout=60).content.startswith(b"%PDF")
    assert requests.get(f"{base}/share/{flow.mark('badshare')}/", timeout=15).status_code == 404
    assert requests.get(f"{v1}/reminders/unsubscribe/{flow.mark('unsub')}/", timeout=15).status_code < 500
    # A 4xx on a token route makes django.request print the path: the token must be redacted there too.
    assert requests.put(f"{v1}/reminders/unsubscribe/{flow.mark('unsubput')}/", timeout=15).status_code == 405
    assert requests.get(f"{base}/share/{flow.mark('sharepdf')}/report.pdf", timeout=15).status_code == 404
    # The SMART Health Link: its manifest id, key and file ticket are secrets too, in 200s and 4xx alike.
    shlink = flow.secret(share.json()["shlink"])
    encoded = shlink.removeprefix("shlink:/")
    payload = json.loads(base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)))
    flow.secret(payload["key"])
    manifest_url = payload["url"]
    flow.secret(manifest_url.rsplit("/", 1)[-1])
    files = requests.post(manifest_url, json={"recipient": flow.mark("recipient")}, timeout=15).json()["files"]
    ticket = flow.secret(files[0]["location"].rsplit("/", 1)[-1])
    assert requests.get(files[0]["location"], timeout=15).status_code == 200
    assert requests.get(files[0]["location"], timeout=15).status_code == 404  # used: django.request warns
    assert requests.post(manifest_url + "x", json={"recipient": "x"}, timeout=15).status_code == 404
    assert ticket
    assert api.delete(f"{v1}/shares/{share.json()['id']}/", timeout=15).status_code == 204
    assert requests.get(f"{base}/share/{share_token}/", timeout=15).status_code == 404
    return flow
