"""The worker and beat checks a process manager calls: `manage.py worker_check` (a ping over the broker) and
`manage.py beat_check` (the age of the last reminder tick, recorded by the tick's own run in a worker)."""

from __future__ import annotations

import time

import pytest
from django.core.management import CommandError, call_command

from footlog.celery import app
from footlog.ops import heartbeat
from tests.support.services import wait_for


def test_beat_check_fails_before_any_tick_and_when_the_last_is_stale(db, capsys):
    with pytest.raises(CommandError, match="no reminder tick recorded"):
        call_command("beat_check")
    heartbeat.record_tick(time.time() - 600)
    with pytest.raises(CommandError, match=r"ran 60\d s ago \(over 180 s\)"):
        call_command("beat_check")
    call_command("beat_check", "--max-age", "900")
    assert "ok: the last reminder tick ran" in capsys.readouterr().out


def test_worker_check_fails_when_no_worker_answers(redis_service):
    with pytest.raises(CommandError, match="no worker answered"):
        call_command("worker_check", "--timeout", "0.5")


@pytest.mark.slow  # a real worker: ~15 s on an idle machine
def test_a_real_worker_answers_the_check_and_its_tick_run_records_the_heartbeat(celery_worker, capsys):
    call_command("worker_check", "--timeout", "10")
    assert "ok: 1 worker(s) answered" in capsys.readouterr().out
    assert heartbeat.last_tick_age() is None
    app.send_task("reminders.tick")  # what beat sends (the task keeps no result)
    wait_for(lambda: heartbeat.last_tick_age() is not None, timeout=60)
    assert heartbeat.last_tick_age() < 60
    call_command("beat_check")
