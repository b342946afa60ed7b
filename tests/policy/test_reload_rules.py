"""How reloads are taken. A reload that finds no policies at all (the directory emptied: a ConfigMap mid-swap, a bad sync) is rejected:
the running version stays in force and the error says why. It once switched PII redaction and every limit off with
an info line. Start-up without policies stays allowed (it warns)."""

from __future__ import annotations

import shutil
import threading
import time
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


def test_reloads_run_one_at_a_time(tmp_path):
    """The watcher and the admin route each reload in a thread; the preparers (each stage's compile step) must never
    run for two versions at once."""
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    inside, overlaps = [0], []

    def slow_preparer(ps) -> None:
        inside[0] += 1
        overlaps.append(inside[0])
        time.sleep(0.05)
        inside[0] -= 1

    manager = PolicyManager([tmp_path / "policies"], preparers=[slow_preparer])
    threads = [threading.Thread(target=manager.reload) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(overlaps) == 4 and max(overlaps) == 1
