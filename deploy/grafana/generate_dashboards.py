"""Write the Grafana dashboards (overview, compliance, health) as JSON next to this file.

The JSON files are committed; this script is their source, so panels stay uniform (one datasource
variable, same legend and unit conventions). Regenerate after editing:

    python deploy/grafana/generate_dashboards.py

tests/deploy/test_dashboards.py checks that the committed JSON equals this script's output.
Grafana variables used in expressions: $__rate_interval, $__range, $tenant, $instance.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DS = {"type": "prometheus", "uid": "${datasource}"}
OUT_DIR = Path(__file__).resolve().parent / "dashboards"
RI = "$__rate_interval"
T = 'tenant=~"$tenant"'
I = 'instance=~"$instance"'  # noqa: E741 - short on purpose: it is interpolated into every query


@dataclass
class Panel:
    title: str
    exprs: list[tuple[str, str]]  # (PromQL, legend)
    unit: str = "short"
    kind: str = "timeseries"
    width: int = 12
    height: int = 8
    description: str = ""
    core: bool = False  # fed by plain proxy traffic: the integration test requires data
    extra: dict[str, Any] = field(default_factory=dict)


def q(expr: str, legend: str = "") -> tuple[str, str]:
    return expr, legend


def quantiles(metric: str, by: str, selector: str = "") -> list[tuple[str, str]]:
    sel = "{" + selector + "}" if selector else ""
    group = f"le, {by}" if by else "le"
    legend = "{{" + by + "}} " if by else ""
    return [q(f"histogram_quantile({p}, sum by ({group}) (rate({metric}_bucket{sel}[{RI}])))", f"{legend}p{name}")
            for p, name in ((0.5, "50"), (0.99, "99"))]


def datasource_var() -> dict[str, Any]:
    return {"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus",
            "current": {}, "hide": 0, "refresh": 1, "regex": "", "options": []}


def label_var(name: str, metric: str) -> dict[str, Any]:
    return {"name": name, "label": name.capitalize(), "type": "query", "datasource": DS,
            "definition": f"label_values({metric}, {name})",
            "query": {"query": f"label_values({metric}, {name})", "refId": f"{name}-var"},
            "includeAll": True, "multi": True, "allValue": ".*", "current": {"text": "All", "value": "$__all"},
            "refresh": 2, "sort": 1, "hide": 0, "options": []}


def render(uid: str, title: str, description: str, rows: list[tuple[str, list[Panel]]],
           variables: list[dict[str, Any]]) -> dict[str, Any]:
    panels: list[dict[str, Any]] = []
    pid, y = 1, 0
    for row_title, row_panels in rows:
        panels.append({"id": pid, "type": "row", "title": row_title, "collapsed": False,
                       "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
        pid, y, x = pid + 1, y + 1, 0
        for p in row_panels:
            if x + p.width > 24:
                x, y = 0, y + p.height
            targets = [{"refId": chr(ord("A") + i), "datasource": DS, "expr": e, "legendFormat": legend or "__auto",
                        "range": p.kind != "table", "instant": p.kind == "table"}
                       for i, (e, legend) in enumerate(p.exprs)]
            panel: dict[str, Any] = {
                "id": pid, "type": p.kind, "title": p.title, "description": p.description, "datasource": DS,
                "gridPos": {"h": p.height, "w": p.width, "x": x, "y": y}, "targets": targets,
                "fieldConfig": {"defaults": {"unit": p.unit}, "overrides": []},
                "options": {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True},
                            "tooltip": {"mode": "multi", "sort": "desc"}} if p.kind == "timeseries" else {},
                **p.extra,
            }
            if p.core:
                panel["covenant"] = {"core_traffic": True}  # read by the integration test, ignored by Grafana
            panels.append(panel)
            pid, x = pid + 1, x + p.width
        y += max((p.height for p in row_panels), default=0)
    return {"uid": uid, "title": title, "description": description, "tags": ["covenant"], "editable": True,
            "schemaVersion": 39, "version": 1, "timezone": "browser", "graphTooltip": 1, "refresh": "30s",
            "time": {"from": "now-6h", "to": "now"}, "annotations": {"list": []}, "links": [],
            "templating": {"list": [datasource_var(), *variables]}, "panels": panels}


def overview() -> dict[str, Any]:
    req = f"covenant_requests_total{{{T}}}"
    rows = [
        ("Traffic", [
            Panel("Requests per second", [q(f"sum(rate({req}[{RI}]))", "requests/s")], "reqps", "stat", 6, 5,
                  core=True),
            Panel("Server error ratio (5xx)",
                  [q(f'(sum(rate(covenant_requests_total{{status=~"5..",{T}}}[{RI}])) or vector(0))'
                     f" / sum(rate({req}[{RI}]))", "5xx")], "percentunit", "stat", 6, 5, core=True),
            Panel("Denied ratio (policy)",
                  [q(f'(sum(rate(covenant_requests_total{{status=~"4..",status!="499",{T}}}[{RI}])) or vector(0))'
                     f" / sum(rate({req}[{RI}]))", "4xx")], "percentunit", "stat", 6, 5, core=True,
                  description="Rate limits, access denials, extraction and PII blocks, bad requests (not 499: "
                              "clients that left)."),
            Panel("In-flight requests", [q("sum(covenant_in_flight_requests)", "in flight")], "short", "stat", 6, 5,
                  core=True),
            Panel("Requests by decision", [q(f"sum by (decision) (rate({req}[{RI}]))", "{{decision}}")], "reqps",
                  core=True),
            Panel("Requests by status", [q(f"sum by (status) (rate({req}[{RI}]))", "{{status}}")], "reqps",
                  core=True),
            Panel("Requests by route and model",
                  [q(f"sum by (route, model) (rate({req}[{RI}]))", "{{route}} {{model}}")], "reqps", core=True),
            Panel("Requests by tenant", [q(f"sum by (tenant) (rate({req}[{RI}]))", "{{tenant}}")], "reqps",
                  core=True),
        ]),
        ("Latency", [
            Panel("End-to-end upstream latency", quantiles("covenant_upstream_latency_seconds", ""), "s", core=True),
            Panel("Gateway-added latency", quantiles("covenant_gateway_added_latency_seconds", ""), "s", core=True),
        ]),
        ("Tokens and spend", [
            Panel("Tokens per second by direction",
                  [q(f"sum by (direction) (rate(covenant_tokens_total{{{T}}}[{RI}]))", "{{direction}}")], core=True),
            Panel("Tokens per second by tenant",
                  [q(f"sum by (tenant) (rate(covenant_tokens_total{{{T}}}[{RI}]))", "{{tenant}}")], core=True),
            Panel("Tokens per second by model",
                  [q(f"sum by (model) (rate(covenant_tokens_total{{{T}}}[{RI}]))", "{{model}}")], core=True),
            Panel("Spend by tenant (USD per hour)",
                  [q(f"sum by (tenant) (rate(covenant_spend_usd_total{{{T}}}[{RI}])) * 3600", "{{tenant}}")],
                  "currencyUSD"),
            Panel("Spend by tenant and model over the range",
                  [q(f"sort_desc(sum by (tenant, model) (increase(covenant_spend_usd_total{{{T}}}[$__range])))",
                     "{{tenant}} {{model}}")], "currencyUSD", "table", 12),
            Panel("Top tenants by tokens over the range",
                  [q(f"topk(10, sum by (tenant) (increase(covenant_tokens_total{{{T}}}[$__range])))", "{{tenant}}")],
                  "short", "table", 12, core=True),
        ]),
    ]
    return render("covenant-overview", "Covenant / Overview", "Traffic, errors, latency, tokens and spend.",
                  rows, [label_var("tenant", "covenant_requests_total")])


def compliance() -> dict[str, Any]:
    rows = [
        ("Rate limits", [
            Panel("Rate-limit rejections by limit (enforce vs shadow)",
                  [q(f"sum by (limit, mode) (rate(covenant_ratelimit_rejections_total[{RI}]))", "{{limit}} ({{mode}})")],
                  "reqps", core=True,
                  description="Shadow rejections are requests a shadow-mode limit would have rejected."),
            Panel("Rejections over the range by mode",
                  [q("sum by (mode) (increase(covenant_ratelimit_rejections_total[$__range]))", "{{mode}}")],
                  "short", "stat", 6, core=True),
            Panel("Denials by decision",
                  [q(f'sum by (decision) (rate(covenant_requests_total{{decision!="allowed",{T}}}[{RI}]))',
                     "{{decision}}")], "reqps", "timeseries", 6, core=True),
        ]),
        ("Extraction (distillation) detection", [
            # summed: each worker scores the accounts of its own partitions (gateways export 0 with a Redis store)
            Panel("Principals under a verdict", [q("sum by (status) (covenant_extraction_principals)", "{{status}}")],
                  width=8),
            Panel("Campaigns detected", [q("sum(covenant_extraction_campaigns)", "campaigns")], "short", "stat", 4),
            Panel("Detector lag", [q("max(covenant_extraction_detector_lag_seconds)", "lag")], "s", "stat", 4),
            Panel("Detector throughput", [q(f"sum(rate(covenant_extraction_events_total[{RI}]))", "events/s")],
                  "ops", "timeseries", 8),
            Panel("Extraction actions by action and mode",
                  [q(f"sum by (action, mode) (rate(covenant_extraction_actions_total[{RI}]))", "{{action}} ({{mode}})")],
                  "reqps", width=24),
        ]),
        ("PII and secrets", [
            Panel("PII detections by entity",
                  [q(f"sum by (entity) (rate(covenant_pii_detections_total[{RI}]))", "{{entity}}")], "ops"),
            Panel("PII detections by direction and action",
                  [q(f"sum by (direction, action) (rate(covenant_pii_detections_total[{RI}]))",
                     "{{direction}} {{action}}")], "ops"),
        ]),
        ("Watermarking", [
            Panel("Responses watermarked by strength",
                  [q(f"sum by (strength) (rate(covenant_watermarked_responses_total[{RI}]))", "{{strength}}")],
                  "reqps", width=8),
            Panel("Share of allowed responses watermarked",
                  [q(f"sum(rate(covenant_watermarked_responses_total[{RI}]))"
                     f' / sum(rate(covenant_requests_total{{decision="allowed"}}[{RI}]))', "watermarked")],
                  "percentunit", "timeseries", 8),
            Panel("Watermark detections by result",
                  [q(f"sum by (result) (rate(covenant_watermark_detections_total[{RI}]))", "{{result}}")],
                  "ops", width=8),
        ]),
        ("Watermark reference (radioactivity detection)", [
            Panel("Responses offered to the reference recorder by outcome",
                  [q(f"sum by (outcome) (rate(covenant_watermark_reference_texts_total[{RI}]))", "{{outcome}}")],
                  "reqps", width=8,
                  description="sampled: queued for observation (watermark_reference_sample); dropped: the queue was "
                              "full (the shares stay unbiased, the reference grows slower)."),
            Panel("Responses observed into the reference",
                  [q(f"sum(rate(covenant_watermark_reference_observed_texts_total[{RI}]))", "observed/s")],
                  "ops", width=8),
            Panel("Reference flushes by outcome",
                  [q(f"sum by (outcome) (increase(covenant_watermark_reference_flushes_total[{RI}]))", "{{outcome}}")],
                  width=8, description="A failed flush keeps its counts for the next one (alert "
                                       "CovenantWatermarkReferenceFlushFailing)."),
            Panel("Time since the last successful flush (per replica)",
                  [q("time() - max by (instance) (covenant_watermark_reference_last_flush_timestamp_seconds > 0)",
                     "{{instance}}")], "s", width=8),
            Panel("Counts not stored yet (per replica)",
                  [q("sum by (instance) (covenant_watermark_reference_unflushed_documents)", "{{instance}}")],
                  "short", width=8, description="Observed responses whose counts wait for a successful flush; they "
                                                "die with the replica."),
            Panel("Responses beyond the per-tenant bound",
                  [q(f"sum(rate(covenant_watermark_reference_tenant_overflow_documents_total[{RI}]))", "global only")],
                  "ops", width=8, description="Counted in the global reference only: their tenant found no room "
                                              "among the per-tenant tables (watermark_reference_tenants)."),
        ]),
        ("Audit", [
            Panel("Audit records by sink", [q(f"sum by (sink) (rate(covenant_audit_records_total[{RI}]))", "{{sink}}")],
                  "ops"),
            Panel("Audit records dropped",
                  [q(f"sum by (sink, reason) (increase(covenant_audit_dropped_total[{RI}]))", "{{sink}} {{reason}}")]),
        ]),
    ]
    return render("covenant-compliance", "Covenant / Compliance",
                  "Rate-limit rejections, extraction detection, PII, watermarking and audit.", rows, [])


def health() -> dict[str, Any]:
    rows = [
        ("Latency", [
            Panel("Gateway-added latency by route", quantiles("covenant_gateway_added_latency_seconds", "route", I),
                  "s", core=True, description="What Covenant adds on top of the upstream call."),
            Panel("Upstream latency by upstream", quantiles("covenant_upstream_latency_seconds", "upstream", I), "s",
                  core=True),
            Panel("Time to first token (streams)", quantiles("covenant_time_to_first_token_seconds", "route", I), "s"),
            Panel("Upstream errors by kind",
                  [q(f"sum by (upstream, kind) (rate(covenant_upstream_errors_total{{{I}}}[{RI}]))",
                     "{{upstream}} {{kind}}")], "ops"),
            Panel("Failovers by failing upstream",
                  [q(f"sum by (upstream, kind) (rate(covenant_upstream_failovers_total{{{I}}}[{RI}]))",
                     "{{upstream}} {{kind}}")], "ops",
                  description="Requests an upstream refused (connection, or 429/5xx before the body) that the next "
                              "upstream serving the model took; an upstream that refused connections is tried "
                              "after the others for its cooldown_seconds."),
        ]),
        ("Store (Redis)", [
            Panel("Store errors by operation",
                  [q(f"sum by (backend, op) (rate(covenant_store_errors_total{{{I}}}[{RI}]))", "{{backend}} {{op}}")],
                  "ops"),
            Panel("Speculative admissions by answer (denied ones aborted an upstream call)",
                  [q(f"sum by (outcome) (rate(covenant_ratelimit_speculations_total{{{I}}}[{RI}]))", "{{outcome}}")],
                  "ops", description="speculative_admission: the upstream call starts while Redis answers the "
                                     "admission. A denied share above a few percent means replicas race for the "
                                     "same subjects' last room; COVENANT_SPECULATIVE_ADMISSION=false turns it off."),
            Panel("Store circuit open (per replica)",
                  [q(f"max by (instance, backend) (covenant_store_circuit_open{{{I}}})", "{{instance}} {{backend}}")],
                  extra={"fieldConfig": {"defaults": {"unit": "bool_on_off", "min": 0, "max": 1}, "overrides": []}}),
        ]),
        ("Policies and workers", [
            Panel("Policy reloads by result",
                  [q(f"sum by (result) (increase(covenant_policy_reloads_total{{{I}}}[{RI}]))", "{{result}}")],
                  core=True, width=8),
            Panel("Active policy version (replicas per version)",
                  [q(f"count by (version, policies) (covenant_policy_info{{{I}}} == 1)", "{{version}}")], "short", "table",
                  8, core=True),
            Panel("Targets up (gateway replicas, workers)", [q('sum by (job) (up{job=~"covenant.*"})', "{{job}}")],
                  "short", "stat", 8),
            Panel("In-flight requests per replica",
                  [q(f"sum by (instance) (covenant_in_flight_requests{{{I}}})", "{{instance}}")], core=True),
            Panel("Stage errors", [q(f"sum by (stage) (rate(covenant_stage_errors_total{{{I}}}[{RI}]))", "{{stage}}")],
                  "ops"),
            Panel("Garbage-collector pauses by generation", quantiles("covenant_gc_pause_seconds", "generation", I),
                  "s", description="Each pause stalls every request in flight; generation 2 is a full collection "
                  "(~1 ms with gc_freeze on, 70-99 ms without on the benchmark VM)."),
        ]),
    ]
    return render("covenant-health", "Covenant / Gateway health",
                  "Added latency, upstream, store, policy reloads, replicas, stage errors and GC pauses.", rows,
                  [label_var("instance", "covenant_in_flight_requests")])


def dashboards() -> dict[str, dict[str, Any]]:
    return {"overview.json": overview(), "compliance.json": compliance(), "health.json": health()}


def serialise(dashboard: dict[str, Any]) -> str:
    return json.dumps(dashboard, indent=2, sort_keys=False) + "\n"


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, dash in dashboards().items():
        (OUT_DIR / name).write_text(serialise(dash))
        print(f"wrote {OUT_DIR / name}")


if __name__ == "__main__":
    main()
