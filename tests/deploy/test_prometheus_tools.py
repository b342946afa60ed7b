"""promtool checks the scrape config and alert rules, and runs the rules' unit tests."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from tests.deploy.support import ALERTS, DEPLOY, require_tool

PROM_DIR = DEPLOY / "prometheus"


def promtool(*args: str, cwd: Path = PROM_DIR) -> subprocess.CompletedProcess:
    return subprocess.run([require_tool("promtool"), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_scrape_config_is_valid() -> None:
    r = promtool("check", "config", "prometheus.yml")
    assert r.returncode == 0, r.stdout + r.stderr


def test_alert_rules_are_valid() -> None:
    r = promtool("check", "rules", "alerts.yml")
    assert r.returncode == 0, r.stdout + r.stderr


def test_alert_rule_unit_tests_pass() -> None:
    r = promtool("test", "rules", "alerts.test.yml")
    assert r.returncode == 0, r.stdout + r.stderr


def test_every_alert_has_for_severity_and_annotations_and_a_firing_and_quiet_unit_test() -> None:
    rules = [r for g in yaml.safe_load(ALERTS.read_text())["groups"] for r in g["rules"]]
    tests = yaml.safe_load((PROM_DIR / "alerts.test.yml").read_text())["tests"]
    cases = [c for t in tests for c in t["alert_rule_test"]]
    for rule in rules:
        name = rule["alert"]
        assert "for" in rule, name
        assert rule["labels"]["severity"] in {"critical", "warning"}, name
        assert rule["annotations"].get("summary") and rule["annotations"].get("description"), name
        mine = [c for c in cases if c["alertname"] == name]
        assert any(c["exp_alerts"] for c in mine), f"{name}: no unit test where it fires"
        assert any(not c["exp_alerts"] for c in mine), f"{name}: no unit test where it stays quiet"


def test_promtool_rejects_a_wrong_expectation(tmp_path: Path) -> None:
    """Negative control: the unit tests can fail (an alert expected at a time it cannot fire)."""
    shutil.copy(ALERTS, tmp_path / "alerts.yml")
    tests = yaml.safe_load((PROM_DIR / "alerts.test.yml").read_text())
    case = tests["tests"][0]["alert_rule_test"][0]  # gateway down at 2m: pending, not firing
    case["exp_alerts"] = [{"exp_labels": {"severity": "critical", "job": "covenant-gateway", "instance": "gw-1:8080"}}]
    (tmp_path / "t.yml").write_text(yaml.safe_dump(tests))
    r = promtool("test", "rules", "t.yml", cwd=tmp_path)
    assert r.returncode != 0 and "FAILED" in r.stdout + r.stderr


def test_promtool_rejects_a_broken_rule(tmp_path: Path) -> None:
    rules = yaml.safe_load(ALERTS.read_text())
    rules["groups"][0]["rules"][0]["expr"] = "sum(rate(covenant_requests_total[5m])"  # unbalanced
    (tmp_path / "alerts.yml").write_text(yaml.safe_dump(rules))
    r = promtool("check", "rules", "alerts.yml", cwd=tmp_path)
    assert r.returncode != 0
