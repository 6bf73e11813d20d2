"""deploy/prometheus-rules.yml parses, has the shape Prometheus loads, and names only metrics /metrics serves."""

from __future__ import annotations

import re

import yaml
from django.test import Client

from tests.support.services import ROOT

RULES = ROOT / "deploy" / "prometheus-rules.yml"


def test_rules_file_has_prometheus_shape_and_names_only_served_metrics(db, settings):
    document = yaml.safe_load(RULES.read_text())
    rules = [rule for group in document["groups"] for rule in group["rules"]]
    assert all(set(group) == {"name", "rules"} for group in document["groups"])
    for rule in rules:
        assert ("alert" in rule) != ("record" in rule), rule
        assert isinstance(rule["expr"], str) and rule["expr"].strip()
        if "alert" in rule:
            assert rule["labels"]["severity"] in {"page", "ticket", "info"}
            assert rule["annotations"]["summary"]
            assert re.fullmatch(r"\d+[smh]", rule.get("for", "0m"))
    alerts = {rule["alert"] for rule in rules if "alert" in rule}
    wanted = {"FootlogHigh5xxRate", "FootlogReminderBacklog", "FootlogDeliveriesFailing", "FootlogReportJobStuck"}
    assert wanted <= alerts

    settings.FOOTLOG_METRICS_TOKEN = "rules-test-token-0123456789"
    Client().get("/healthz")
    served = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer rules-test-token-0123456789").content.decode()
    recorded = {rule["record"] for rule in rules if "record" in rule}
    named = {name for rule in rules for name in re.findall(r"\b(footlog[_:][a-z0-9_:]+)", rule["expr"])}
    for name in named - recorded:
        assert re.search(rf"^{name}(\{{| )", served, re.MULTILINE) or f"# TYPE {name} " in served, name
