"""Dashboards: valid Grafana JSON that only names metrics the gateway defines."""

from __future__ import annotations

import importlib.util
import re
import sys

from prometheus_client import CollectorRegistry

from gateway.metrics import Metrics
from tests.deploy.support import (
    DASHBOARDS,
    DEPLOY,
    alert_queries,
    dashboard_queries,
    load_dashboards,
    metric_names,
)

SUFFIXES = {"counter": ["_total"], "gauge": [""], "histogram": ["_bucket", "_count", "_sum"], "info": ["_info"]}


def exposed_names() -> set[str]:
    """Sample names the gateway exposes, from gateway/metrics.py's definitions (with or without samples)."""
    metrics = Metrics(CollectorRegistry())
    out: set[str] = set()
    for family in metrics.registry.collect():
        out.update(family.name + s for s in SUFFIXES[family.type])
    return out


def load_generator():
    spec = importlib.util.spec_from_file_location("generate_dashboards", DEPLOY / "grafana" / "generate_dashboards.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    return module


def test_the_three_dashboards_exist() -> None:
    assert set(load_dashboards()) == {"overview.json", "compliance.json", "health.json"}


def test_committed_json_is_the_generators_output() -> None:
    gen = load_generator()
    for name, dash in gen.dashboards().items():
        assert (DASHBOARDS / name).read_text() == gen.serialise(dash), f"{name}: run deploy/grafana/generate_dashboards.py"


def test_panels_have_datasource_targets_and_unique_ids() -> None:
    for name, dash in load_dashboards().items():
        assert dash["uid"] and dash["title"] and dash["schemaVersion"] >= 36
        variables = {v["name"]: v for v in dash["templating"]["list"]}
        assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
        ids = [p["id"] for p in dash["panels"]]
        assert len(ids) == len(set(ids)), f"{name}: duplicate panel ids"
        for p in dash["panels"]:
            if p["type"] == "row":
                continue
            assert p["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, (name, p["title"])
            assert p["targets"] and all(t.get("expr") for t in p["targets"]), (name, p["title"])
            assert len({t["refId"] for t in p["targets"]}) == len(p["targets"])
            g = p["gridPos"]
            assert 0 <= g["x"] and g["x"] + g["w"] <= 24 and g["h"] > 0, (name, p["title"])


def test_every_metric_referenced_is_defined_by_the_gateway() -> None:
    exposed = exposed_names()
    assert "covenant_requests_total" in exposed and "covenant_policy_info" in exposed
    exprs = [(q.source, q.expr) for q in dashboard_queries() + alert_queries()]
    for dash in load_dashboards().values():
        exprs += [(v["name"], v["definition"]) for v in dash["templating"]["list"] if v["type"] == "query"]
    unknown = [(src, m) for src, expr in exprs for m in metric_names(expr) if m not in exposed]
    assert not unknown, unknown


def test_the_name_check_catches_a_misspelt_metric() -> None:
    assert metric_names("sum(rate(covenant_request_total[5m]))") - exposed_names() == {"covenant_request_total"}


def test_dashboards_cover_what_operators_watch() -> None:
    text = {name: " ".join(q.expr for q in dashboard_queries() if q.source.startswith(name))
            for name in load_dashboards()}
    for metric in ["covenant_requests_total", "covenant_gateway_added_latency_seconds_bucket", "covenant_tokens_total",
                   "covenant_spend_usd_total", "covenant_in_flight_requests"]:
        assert metric in text["overview.json"], metric
    for metric in ["covenant_ratelimit_rejections_total", "covenant_extraction_campaigns",
                   "covenant_extraction_actions_total", "covenant_pii_detections_total",
                   "covenant_watermarked_responses_total", "covenant_watermark_reference_texts_total",
                   "covenant_watermark_reference_flushes_total",
                   "covenant_watermark_reference_last_flush_timestamp_seconds",
                   "covenant_watermark_reference_unflushed_documents"]:
        assert metric in text["compliance.json"], metric
    for metric in ["covenant_gateway_added_latency_seconds_bucket", "covenant_upstream_latency_seconds_bucket",
                   "covenant_store_errors_total", "covenant_store_circuit_open", "covenant_policy_reloads_total",
                   "covenant_policy_info", "covenant_in_flight_requests", "covenant_stage_errors_total"]:
        assert metric in text["health.json"], metric
    assert re.search(r"sum by \(tenant\) \(rate\(covenant_spend_usd_total", text["overview.json"])
