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


PRINT_PUBLIC_URL = "import django; django.setup(); from django.conf import settings; print(settings.FOOTLOG_PUBLIC_URL)"


def public_url(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FOOTLOG_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "HOST", "PORT"))
    }
    return subprocess.run(
        [sys.executable, "-c", PRINT_PUBLIC_URL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, "FOOTLOG_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "footlog.settings", **env},
        timeout=60,
    )


@pytest.mark.parametrize(
    "env,expected",
    [
        ({}, "http://localhost:8000"),
        ({"PORT": "8101"}, "http://localhost:8101"),
        ({"PORT": "8101", "HOST": "127.0.0.1"}, "http://localhost:8101"),
        ({"PORT": "8101", "HOST": "0.0.0.0"}, "http://localhost:8101"),  # noqa: S104 (a value under test)
        ({"PORT": "8101", "HOST": "footlog.lan"}, "http://footlog.lan:8101"),
        ({"PORT": "8101", "FOOTLOG_PUBLIC_URL": "https://footlog.example"}, "https://footlog.example"),
    ],
)
def test_links_reach_the_running_app_without_a_public_url(tmp_path, env, expected) -> None:
    result = public_url(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_malformed_port_stops_start_up_naming_it(tmp_path) -> None:
    result = public_url(tmp_path, PORT="eighty")
    assert result.returncode != 0
    assert "PORT" in result.stderr
