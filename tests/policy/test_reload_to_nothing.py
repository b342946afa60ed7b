"""A reload that finds no policies at all (the directory emptied: a ConfigMap mid-swap, a bad sync) is rejected:
the running version stays in force and the error says why. It once switched PII redaction and every limit off with
an info line. Start-up without policies stays allowed (it warns)."""

from __future__ import annotations

import shutil
from pathlib import Path

from gateway.policy.reload import PolicyManager

ROOT = Path(__file__).resolve().parents[2]


def test_emptying_the_directory_keeps_the_running_version(tmp_path, caplog):
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    results: list[str] = []
    manager = PolicyManager([tmp_path / "policies"], on_result=lambda result, ps: results.append(result))
    assert manager.reload()
    running = manager.active
    assert running.policies

    for f in (tmp_path / "policies").glob("*.yaml"):
        f.unlink()
    assert not manager.reload()
    assert manager.active is running
    assert "no policies found under" in manager.last_error and "stays in force" in caplog.text
    assert results == ["success", "error"]

    shutil.rmtree(tmp_path / "policies")  # the directory gone altogether: the same
    assert not manager.reload() and manager.active is running


def test_a_gateway_may_start_without_policies(tmp_path):
    (tmp_path / "empty").mkdir()
    manager = PolicyManager([tmp_path / "empty"])
    assert manager.reload() and not manager.active.policies
