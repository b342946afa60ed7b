"""The compose file as Docker Compose v2 resolves it, and the Dockerfile through hadolint.

There is no Docker engine on the test machine: images are not built here. `docker-compose config`
parses, interpolates and validates against the Compose specification without one.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import yaml

from gateway.config import load_settings
from tests.deploy.support import DEPLOY, ROOT, compose_binary, require_tool

DOCKER = DEPLOY / "docker"
ENV = {"COVENANT_ADMIN_TOKEN": "admin-token", "COVENANT_WATERMARK_SECRET": "wm-secret"}


def compose_config(path: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([compose_binary(), "-f", str(path), "config", "--format", "yaml"],
                          capture_output=True, text=True, timeout=60, env={**os.environ, **(env or ENV)})


def resolved() -> dict:
    r = compose_config(DOCKER / "compose.yaml")
    assert r.returncode == 0, r.stderr
    return yaml.safe_load(r.stdout)


def test_compose_resolves_two_replicas_sharing_redis_behind_a_balancer() -> None:
    services = resolved()["services"]
    assert {"redis", "gateway-1", "gateway-2", "lb", "prometheus", "grafana"} <= set(services)
    for name in ("gateway-1", "gateway-2"):
        gw = services[name]
        assert gw["environment"]["COVENANT_STORE"] == "redis://redis:6379/0"
        assert gw["environment"]["COVENANT_ADMIN_TOKEN"] == "admin-token"
        assert gw["depends_on"]["redis"]["condition"] == "service_healthy"
        assert gw["build"]["dockerfile"] == "deploy/docker/Dockerfile" and Path(gw["build"]["context"]) == ROOT
        mounts = {v["target"]: Path(v["source"]) for v in gw["volumes"] if v["type"] == "bind"}
        assert mounts["/etc/covenant/policies"] == ROOT / "policies"
        assert gw["command"][:1] == ["serve"] and "0.0.0.0" in gw["command"]


def test_compose_mounts_prometheus_rules_and_grafana_provisioning_that_exist() -> None:
    services = resolved()["services"]
    for name in ("prometheus", "grafana", "lb"):
        for v in services[name]["volumes"]:
            if v["type"] == "bind":
                assert Path(v["source"]).exists(), (name, v["source"])
    prom_targets = {v["target"] for v in services["prometheus"]["volumes"]}
    assert {"/etc/prometheus/prometheus.yml", "/etc/prometheus/alerts.yml"} <= prom_targets
    graf = {v["target"]: v["source"] for v in services["grafana"]["volumes"] if v["type"] == "bind"}
    provider = yaml.safe_load((DEPLOY / "grafana/provisioning/dashboards/covenant.yaml").read_text())
    assert Path(graf[provider["providers"][0]["options"]["path"]]) == DEPLOY / "grafana" / "dashboards"
    # the prometheus.yml scrape targets are the compose services
    scrape = yaml.safe_load((DEPLOY / "prometheus/prometheus.yml").read_text())
    targets = {t for job in scrape["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]}
    assert {"gateway-1:8080", "gateway-2:8080"} <= targets


def test_compose_refuses_to_start_without_the_admin_token() -> None:
    r = compose_config(DOCKER / "compose.yaml", env={"COVENANT_WATERMARK_SECRET": "x"})
    assert r.returncode != 0 and "COVENANT_ADMIN_TOKEN" in r.stderr


def test_compose_validation_is_real(tmp_path: Path) -> None:
    """Negative control: a key the Compose specification does not know is rejected."""
    data = yaml.safe_load((DOCKER / "compose.yaml").read_text())
    data["services"]["redis"]["restart_policy"] = "always"
    (tmp_path / "compose.yaml").write_text(yaml.safe_dump(data))
    r = compose_config(tmp_path / "compose.yaml")
    assert r.returncode != 0 and "restart_policy" in r.stderr


def test_the_compose_gateway_config_is_a_valid_gateway_config() -> None:
    settings = load_settings(str(DOCKER / "covenant.yaml"))
    assert {u.name for u in settings.upstreams} == {"openai", "anthropic"}
    assert settings.dev_key is False and settings.log_format == "json"


def test_dockerfile_passes_hadolint() -> None:
    r = subprocess.run([require_tool("hadolint"), "--failure-threshold", "info", str(DOCKER / "Dockerfile")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr


def test_hadolint_is_really_linting(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN cd /tmp && apt-get install curl\n")
    r = subprocess.run([require_tool("hadolint"), str(bad)], capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "DL3007" in r.stdout  # :latest


def test_dockerfile_is_multi_stage_non_root_with_healthcheck() -> None:
    text = (DOCKER / "Dockerfile").read_text()
    stages = re.findall(r"^FROM\s+\S+\s+AS\s+(\S+)", text, re.M)
    assert len(stages) >= 2
    assert re.search(r"^COPY --from=build ", text, re.M)
    user = re.findall(r"^USER\s+(\S+)", text, re.M)
    assert user and not user[-1].startswith(("root", "0:", "0")), user
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.M)
    assert '"serve", "--host", "0.0.0.0"' in text


def test_dependencies_are_installed_in_a_layer_before_the_source_is_copied() -> None:
    """A source change then rebuilds from `COPY gateway` on, not every dependency (with Presidio and spaCy, minutes)."""
    text = (DOCKER / "Dockerfile").read_text()
    deps = text.index("pip install --no-cache-dir -r /tmp/requirements.txt")
    assert text.index("COPY pyproject.toml ./") < deps < text.index("COPY gateway ./gateway")
    assert "pip install --no-cache-dir --no-deps ." in text[text.index("COPY gateway ./gateway"):]


def test_the_worker_is_health_checked_on_the_port_it_serves() -> None:
    """The image's HEALTHCHECK asks :8080/healthz, which only a gateway serves: the worker (same image) was
    reported unhealthy for as long as it ran."""
    worker = resolved()["services"]["worker"]
    port = worker["command"][worker["command"].index("--metrics-port") + 1]
    assert f"http://127.0.0.1:{port}/" in " ".join(worker["healthcheck"]["test"])


def test_the_balancer_leaves_oversized_bodies_to_the_gateway() -> None:
    """The gateway answers a body over limits.max_body_bytes with 413 in the caller's dialect (the SDKs raise
    their error class); nginx at the same limit answered first, with an HTML page."""
    size = re.search(r"^\s*client_max_body_size (\d+)([km]);", (DOCKER / "nginx.conf").read_text(), re.M)
    limit = int(size[1]) * {"k": 1024, "m": 1024 * 1024}[size[2]]
    assert limit > load_settings(str(DOCKER / "covenant.yaml")).limits.max_body_bytes
