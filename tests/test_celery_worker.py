"""A real Celery worker over the real Redis runs a task end to end, configured for at-least-once safety."""

from __future__ import annotations

from footlog.celery import app, ping


def test_real_worker_runs_a_task_over_redis(celery_worker):
    result = ping.delay("round trip")
    assert result.get(timeout=30) == "round trip"
    assert result.status == "SUCCESS"


def test_celery_is_configured_for_json_and_late_acks():
    conf = app.conf
    assert conf.accept_content == ["json"] and conf.task_serializer == "json"
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.worker_prefetch_multiplier == 1
    assert conf.task_time_limit and conf.task_soft_time_limit
