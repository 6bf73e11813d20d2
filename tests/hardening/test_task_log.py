"""The task log: one footlog.task line per run with name, id, outcome and duration; never arguments or results."""

from __future__ import annotations

import logging

from footlog.celery import app, ping


@app.task(name="tests.hardening.boom")
def boom(secret: str) -> None:
    raise ValueError("boom")


def task_records(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "footlog.task"]


def test_successful_task_is_logged_with_name_id_outcome_and_no_arguments(caplog):
    caplog.set_level(logging.INFO)
    result = ping.apply(args=["argument-marker-1"])
    [record] = task_records(caplog)
    assert (record.task, record.task_id, record.outcome) == ("footlog.ping", result.id, "success")
    assert record.duration_ms >= 0
    assert "argument-marker-1" not in caplog.text


def test_failed_task_is_logged_as_failure_at_warning(caplog):
    caplog.set_level(logging.INFO)
    boom.apply(args=["argument-marker-2"])
    [record] = task_records(caplog)
    assert (record.task, record.outcome, record.levelname) == ("tests.hardening.boom", "failure", "WARNING")
    assert "argument-marker-2" not in caplog.text
