"""Settings are parsed strictly: a malformed variable stops start-up with a message that names it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.support.services import ROOT


def start(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FOOTLOG_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, "FOOTLOG_DATA_DIR": str(tmp_path), **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    "name,value",
    [
        ("DJANGO_DEBUG", "maybe"),
        ("DATABASE_URL", "nosuchdb://x"),
        ("REDIS_URL", "http://127.0.0.1:6379"),
        ("DJANGO_ALLOWED_HOSTS", "a,,b"),
        ("FOOTLOG_PUBLIC_URL", "localhost:8000"),
        ("EMAIL_URL", "pigeon://x"),
    ],
)
def test_malformed_variable_stops_start_up_naming_it(tmp_path, name, value):
    result = start(tmp_path, **{name: value})
    assert result.returncode != 0
    assert name in result.stderr


def test_empty_variables_mean_their_defaults(tmp_path):
    result = start(tmp_path, DATABASE_URL="", REDIS_URL="", DJANGO_DEBUG="")
    assert result.returncode == 0, result.stderr


def test_defaults_need_no_service_and_generate_a_secret_once(tmp_path):
    assert start(tmp_path).returncode == 0
    secret = (tmp_path / "secret_key").read_text()
    assert len(secret) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert start(tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == secret
