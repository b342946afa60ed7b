"""Kubernetes manifests against the Kubernetes JSON schemas (kubernetes-validate ships them offline),
the ServiceMonitor against a schema written from the prometheus-operator CRD, and the wiring
between the objects (selectors, names, ports, grace periods)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

from gateway.config import load_settings
from gateway.policy.compile import CompiledPolicySet
from gateway.policy.load import load_policies, policy_files
from tests.deploy.support import DEPLOY

K8S = DEPLOY / "kubernetes"
VERSIONS = ["1.29.0", "1.37.0"]  # oldest we support, newest the schemas ship
SERVICEMONITOR_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "servicemonitor.monitoring.coreos.com.v1.json").read_text())


def manifests() -> list[tuple[str, dict]]:
    kust = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    return [(f, doc) for f in kust["resources"] for doc in yaml.safe_load_all((K8S / f).read_text()) if doc]


def by_kind(kind: str) -> list[dict]:
    return [doc for _, doc in manifests() if doc["kind"] == kind]


def one(kind: str, name: str) -> dict:
    [doc] = [d for d in by_kind(kind) if d["metadata"]["name"] == name]
    return doc


def test_kustomization_lists_every_manifest_in_the_directory() -> None:
    kust = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kust["resources"]) == on_disk
    kinds = {doc["kind"] for _, doc in manifests()}
    assert {"Deployment", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler", "PodDisruptionBudget",
            "ServiceMonitor", "Namespace"} <= kinds


@pytest.mark.parametrize("version", VERSIONS)
def test_builtin_kinds_match_the_kubernetes_schemas(version: str) -> None:
    checked = 0
    for source, doc in manifests():
        if doc["kind"] == "ServiceMonitor":
            continue
        try:
            kubernetes_validate.validate(doc, version, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{source} {doc['kind']}/{doc['metadata']['name']} (k8s {version}): {exc.message} at "
                        f"{'.'.join(str(p) for p in exc.path)}")
        checked += 1
    assert checked >= 10


def test_schema_validation_is_real() -> None:
    """Negative controls: a misspelt field and a wrong type are rejected."""
    dep = copy.deepcopy(one("Deployment", "covenant-gateway"))
    dep["spec"]["template"]["spec"]["containers"][0]["livenesProbe"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(dep, VERSIONS[-1], strict=True)
    dep = copy.deepcopy(one("Deployment", "covenant-gateway"))
    dep["spec"]["replicas"] = "three"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(dep, VERSIONS[-1], strict=True)


def test_servicemonitors_match_the_crd_schema() -> None:
    monitors = by_kind("ServiceMonitor")
    assert len(monitors) == 2
    for sm in monitors:
        jsonschema.validate(sm, SERVICEMONITOR_SCHEMA)
    bad = copy.deepcopy(monitors[0])
    bad["spec"]["endpoints"][0]["intervall"] = "15s"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SERVICEMONITOR_SCHEMA)


def test_service_servicemonitor_pdb_and_hpa_point_at_the_gateway_pods() -> None:
    gw = one("Deployment", "covenant-gateway")
    pod_labels = gw["spec"]["template"]["metadata"]["labels"]
    svc = one("Service", "covenant-gateway")
    sm = one("ServiceMonitor", "covenant-gateway")
    pdb = one("PodDisruptionBudget", "covenant-gateway")
    hpa = one("HorizontalPodAutoscaler", "covenant-gateway")
    assert svc["spec"]["selector"].items() <= pod_labels.items()
    assert sm["spec"]["selector"]["matchLabels"].items() <= svc["metadata"]["labels"].items()
    assert sm["spec"]["endpoints"][0]["port"] in {p["name"] for p in svc["spec"]["ports"]}
    assert sm["spec"]["endpoints"][0]["path"] == "/metrics"
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert hpa["spec"]["scaleTargetRef"]["name"] == gw["metadata"]["name"]
    assert hpa["spec"]["minReplicas"] >= 2 and pdb["spec"]["maxUnavailable"] < hpa["spec"]["minReplicas"]
    worker = one("Deployment", "covenant-worker")
    assert not worker["spec"]["template"]["metadata"]["labels"].items() >= svc["spec"]["selector"].items()


def test_gateway_pods_probe_drain_and_mount_what_exists() -> None:
    gw = one("Deployment", "covenant-gateway")
    pod = gw["spec"]["template"]["spec"]
    [c] = pod["containers"]
    assert c["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert c["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert c["resources"]["requests"]["cpu"] and c["resources"]["limits"]["memory"]
    assert c["args"][:3] == ["serve", "--host", "0.0.0.0"]
    settings = load_settings_from_configmap()
    pre_stop = int(c["lifecycle"]["preStop"]["exec"]["command"][-1])
    assert pod["terminationGracePeriodSeconds"] > pre_stop + settings.drain_seconds
    names = {(d["kind"], d["metadata"]["name"]) for _, d in manifests()}
    for vol in pod["volumes"]:
        if "configMap" in vol:
            assert ("ConfigMap", vol["configMap"]["name"]) in names
        if "secret" in vol:
            assert ("Secret", vol["secret"]["secretName"]) in names
    policies_mount = next(m for m in c["volumeMounts"] if m["name"] == "policies")
    assert "subPath" not in policies_mount, "subPath mounts never receive ConfigMap updates"
    assert policies_mount["mountPath"] == settings.policies_dir
    assert pod["securityContext"]["runAsNonRoot"] is True


def test_worker_runs_covenant_worker_against_the_shared_store() -> None:
    [c] = one("Deployment", "covenant-worker")["spec"]["template"]["spec"]["containers"]
    assert c["args"][:1] == ["worker"]
    # from the environment, as the gateways read it: `--store $(COVENANT_STORE)` put the Redis password in argv
    assert not any("COVENANT_STORE" in a for a in c["args"])
    assert any(e["name"] == "COVENANT_STORE" for e in c["env"])


def test_the_worker_metrics_port_is_scraped() -> None:
    """With a Redis store only the worker knows the detector's lag, verdicts and campaigns (three alerts read them):
    a worker nobody scraped kept CovenantExtractionDetectorLag and CovenantExtractionCampaignDetected silent."""
    worker = one("Deployment", "covenant-worker")
    pod_labels = worker["spec"]["template"]["metadata"]["labels"]
    [c] = worker["spec"]["template"]["spec"]["containers"]
    port = next(p for p in c["ports"] if p["name"] == "metrics")["containerPort"]
    assert {"name": "COVENANT_WORKER_METRICS_PORT", "value": str(port)} in c["env"]
    svc = one("Service", "covenant-worker")
    sm = one("ServiceMonitor", "covenant-worker")
    assert svc["spec"]["selector"].items() <= pod_labels.items()
    assert sm["spec"]["selector"]["matchLabels"].items() <= svc["metadata"]["labels"].items()
    [svc_port] = svc["spec"]["ports"]
    assert svc_port["targetPort"] == "metrics" and sm["spec"]["endpoints"][0]["port"] == svc_port["name"]
    # the job label prometheus-operator gives is the Service's name: the one the alerts and prometheus.yml use
    scrape = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text())
    assert svc["metadata"]["name"] in {job["job_name"] for job in scrape["scrape_configs"]}
    assert 'up{job="covenant-worker"}' in (DEPLOY / "prometheus" / "alerts.yml").read_text()


def load_settings_from_configmap(tmp: Path | None = None):
    cm = one("ConfigMap", "covenant-config")
    path = Path(tmp or Path("/tmp")) / f"covenant-k8s-{id(cm)}.yaml"
    path.write_text(cm["data"]["covenant.yaml"])
    try:
        return load_settings(str(path))
    finally:
        path.unlink()


def test_configmap_settings_are_a_valid_gateway_config() -> None:
    settings = load_settings_from_configmap()
    assert settings.dev_key is False


def test_no_keys_file_is_mounted_where_the_gateway_reads_keys_from_redis() -> None:
    """With a Redis store the gateway and `covenant keys` read and write the keys in Redis, never keys_file: the
    keys.json Secret these manifests mounted (and told operators to fill from a local file) was never read, and
    every request got 401."""
    store = one("Secret", "covenant-secrets")["stringData"]["COVENANT_STORE"]
    assert store.startswith("redis")
    pod = one("Deployment", "covenant-gateway")["spec"]["template"]["spec"]
    assert not [v for v in pod["volumes"] if "keys" in v["name"]]
    assert "keys_file" not in one("ConfigMap", "covenant-config")["data"]["covenant.yaml"]


def test_configmap_policies_are_valid_policies(tmp_path: Path) -> None:
    cm = one("ConfigMap", "covenant-policies")
    for name, text in cm["data"].items():
        (tmp_path / name).write_text(text)
    ps = CompiledPolicySet(load_policies(policy_files([tmp_path])))
    assert len(ps.policies) >= 2
