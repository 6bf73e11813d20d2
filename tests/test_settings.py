"""Settings are parsed strictly: a malformed variable stops start-up with a message that names it."""

from __future__ import annotations

import ast
import os
import re
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
        ("FOOTLOG_PHOTO_URL_TTL", "abc"),
        ("FOOTLOG_PHOTO_URL_TTL", "-100"),
        ("FOOTLOG_PHOTO_URL_TTL", "3600"),  # signed URLs live at most five minutes: refused, not clamped
        ("FOOTLOG_PHOTO_DAILY_COUNT", "0"),
        ("FOOTLOG_PHOTO_DAILY_COUNT", "1.5"),
        ("FOOTLOG_PHOTO_QUOTA_BYTES", "1000"),  # less than one photo
        ("FOOTLOG_SHARE_RATE_PER_MINUTE", "fast"),
        ("FOOTLOG_LOG_LEVEL", "LOUD"),
        ("FOOTLOG_LOG_FORMAT", "xml"),
        ("FOOTLOG_TASK_QUEUES", "sometimes"),
        ("FOOTLOG_CELERY_QUEUE", "two words"),
        ("DJANGO_SECURE_SSL_REDIRECT", "2"),
        ("FOOTLOG_S3_ENDPOINT_URL", "minio:9000"),
        ("DEFAULT_FROM_EMAIL", "footlog"),
        ("PORT", "70000"),
        ("FOOTLOG_TRUSTED_PROXIES", "9"),
    ],
)
def test_malformed_variable_stops_start_up_naming_it(tmp_path, name, value):
    result = start(tmp_path, **{name: value})
    assert result.returncode != 0
    assert f"{name} must be" in result.stderr or f"{name} is not" in result.stderr, result.stderr[-500:]
    assert repr(value) in result.stderr or name in ("DATABASE_URL", "EMAIL_URL"), result.stderr[-500:]


def test_an_unknown_log_level_names_the_choices(tmp_path):
    result = start(tmp_path, FOOTLOG_LOG_LEVEL="LOUD")
    assert "FOOTLOG_LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, not 'LOUD'" in result.stderr


def test_a_number_out_of_bounds_names_the_bounds(tmp_path):
    result = start(tmp_path, FOOTLOG_PHOTO_URL_TTL="-100")
    assert "FOOTLOG_PHOTO_URL_TTL must be a whole number from 1 to 300, not '-100'" in result.stderr


PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.FOOTLOG_PHOTO_URL_TTL, s.LOGGING['root']['level'], s.FOOTLOG_SHARE_RATE_PER_MINUTE)"
)


def test_values_within_bounds_are_taken(tmp_path):
    result = run_python(
        tmp_path,
        PRINT_SETTINGS,
        FOOTLOG_PHOTO_URL_TTL="120",
        FOOTLOG_LOG_LEVEL="warning",
        FOOTLOG_SHARE_RATE_PER_MINUTE="5",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["120", "WARNING", "5"]


SETTINGS_SOURCE = ast.parse((ROOT / "footlog" / "settings.py").read_text())


def test_settings_read_the_environment_only_through_the_one_parser():
    """Every variable goes through footlog.lib.config, so each gets its bounds and a message naming it."""
    names = {node.id for node in ast.walk(SETTINGS_SOURCE) if isinstance(node, ast.Name)}
    imported = {
        alias.name for node in ast.walk(SETTINGS_SOURCE) if isinstance(node, ast.Import) for alias in node.names
    }
    assert not {"os", "environ", "env"} & (names | imported)


def test_installed_apps_and_middleware_are_written_once():
    assigned = [
        target.id
        for node in ast.walk(SETTINGS_SOURCE)
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    ]
    mutated = [
        node.func.value.id
        for node in ast.walk(SETTINGS_SOURCE)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.attr in ("append", "insert", "extend", "remove", "update")
    ]
    for name in ("INSTALLED_APPS", "MIDDLEWARE", "TEMPLATES", "SPECTACULAR_SETTINGS", "CELERY_BEAT_SCHEDULE"):
        assert assigned.count(name) == 1, name
        assert name not in mutated, name


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
    return run_python(tmp_path, PRINT_PUBLIC_URL, **env)


def run_python(tmp_path, code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "FOOTLOG_", "DATABASE_URL", "REDIS_URL", "EMAIL_URL", "HOST", "PORT"))
    }
    return subprocess.run(
        [sys.executable, "-c", code],
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
        # honcho's worker gets PORT 8201; the port make was given wins, so every process names the web one
        ({"PORT": "8201", "FOOTLOG_RUN_PORT": "8101"}, "http://localhost:8101"),
    ],
)
def test_links_reach_the_running_app_without_a_public_url(tmp_path, env, expected) -> None:
    result = public_url(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


MAIL_LINKS = (
    "import django; django.setup(); from reminders.messages import message_for; "
    "m = message_for('daily_log', __import__('datetime').date(2026, 12, 7), 1); print(m.url); print(m.unsubscribe_url)"
)


def test_mail_built_in_a_worker_links_to_the_web_process(tmp_path) -> None:
    """Under `make run PORT=8101` honcho gives the worker PORT=8201: its mail must still name 8101, the web port."""
    result = run_python(tmp_path, MAIL_LINKS, PORT="8201", FOOTLOG_RUN_PORT="8101")
    assert result.returncode == 0, result.stderr
    url, unsubscribe = result.stdout.split()
    assert url == "http://localhost:8101/"
    assert unsubscribe.startswith("http://localhost:8101/api/v1/reminders/unsubscribe/")


def test_makefile_exports_the_port_it_was_given_to_every_process() -> None:
    """The recipe's processes (honcho and its children) see FOOTLOG_RUN_PORT = the PORT make was given."""
    result = subprocess.run(
        ["make", "-s", "--eval", "show-run-port: ; @echo $$FOOTLOG_RUN_PORT", "show-run-port", "PORT=8101"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "8101"


def _vapid_pair() -> tuple[str, str]:
    from py_vapid import Vapid02

    from reminders import vapid

    key = Vapid02()
    key.generate_keys()
    return vapid._b64url(key.private_key.private_numbers().private_value.to_bytes(32, "big")), vapid._public_key_of(key)


@pytest.mark.parametrize(
    "env,named",
    [
        ({"VAPID_SUBJECT": "ops@example.com"}, "VAPID_SUBJECT must be"),
        ({"VAPID_PRIVATE_KEY": "PRIVATE"}, "VAPID_PUBLIC_KEY is not set"),
        ({"VAPID_PUBLIC_KEY": "PUBLIC"}, "VAPID_PRIVATE_KEY is not set"),
        ({"VAPID_PRIVATE_KEY": "not-a-key", "VAPID_PUBLIC_KEY": "PUBLIC"}, "VAPID_PRIVATE_KEY must be"),
        ({"VAPID_PRIVATE_KEY": "PRIVATE", "VAPID_PUBLIC_KEY": "short"}, "VAPID_PUBLIC_KEY must be"),
        ({"VAPID_PRIVATE_KEY": "PRIVATE", "VAPID_PUBLIC_KEY": "OTHER"}, "VAPID_PUBLIC_KEY is not the public key"),
    ],
)
def test_vapid_keys_are_checked_at_start_up(tmp_path, env, named) -> None:
    """A wrong Web Push key stops start-up naming it, rather than failing at the first reminder."""
    private, public = _vapid_pair()
    other = _vapid_pair()[1]
    values = {"PRIVATE": private, "PUBLIC": public, "OTHER": other}
    result = start(tmp_path, **{k: values.get(v, v) for k, v in env.items()})
    assert result.returncode != 0
    assert named in result.stderr, result.stderr[-500:]
    assert private not in result.stderr  # the private key is never echoed


def test_a_matching_vapid_pair_is_taken(tmp_path) -> None:
    private, public = _vapid_pair()
    code = "import django; django.setup(); from reminders.vapid import identity; print(identity().public_key)"
    result = run_python(tmp_path, code, VAPID_PRIVATE_KEY=private, VAPID_PUBLIC_KEY=public + "=")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == public


def test_a_malformed_port_stops_start_up_naming_it(tmp_path) -> None:
    result = public_url(tmp_path, PORT="eighty")
    assert result.returncode != 0
    assert "PORT" in result.stderr


def gunicorn_check(tmp_path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "FOOTLOG_", "PORT", "WEB_"))}
    command = [sys.executable, "-m", "gunicorn", "footlog.wsgi", "--config", "footlog/gunicorn.conf.py"]
    return subprocess.run(
        [*command, *(args or ("--check-config",))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**clean, "FOOTLOG_DATA_DIR": str(tmp_path), **env},
        timeout=60,
    )


@pytest.mark.parametrize("name,value", [("PORT", "eighty"), ("WEB_CONCURRENCY", "0"), ("WEB_THREADS", "many")])
def test_gunicorn_settings_go_through_the_same_parser(tmp_path, name, value) -> None:
    """footlog/gunicorn.conf.py reads HOST, PORT and WEB_* itself (gunicorn loads it before Django), through
    footlog.lib.config: a bad value stops gunicorn naming the variable."""
    result = gunicorn_check(tmp_path, **{name: value})
    assert result.returncode != 0
    assert f"{name} must be" in result.stderr, result.stderr[-500:]


def test_gunicorn_takes_its_config_file(tmp_path) -> None:
    """Every module-level name in the config file is read as a gunicorn setting if it is one (a name such as
    `config` once broke every start): the file as shipped must load."""
    result = gunicorn_check(tmp_path, PORT="8123", WEB_CONCURRENCY="3")
    assert result.returncode == 0, result.stderr[-800:]


def test_gunicorn_writes_no_control_socket_outside_the_data_dir(tmp_path) -> None:
    """gunicorn >= 25.1 opens a control socket under $XDG_RUNTIME_DIR or ~/.gunicorn by default: the shipped
    config turns it off, so nothing is written outside FOOTLOG_DATA_DIR."""
    result = gunicorn_check(tmp_path, "--print-config")
    assert result.returncode == 0, result.stderr[-800:]
    assert re.search(r"control_socket_disable\s*=\s*True", result.stdout), result.stdout[-2000:]
