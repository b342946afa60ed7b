"""Every benchmark command answers `--help` with its usage and exit status 0, and runs nothing: a reader checking
a command's options from the docs must not start a minutes-long benchmark instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = sorted(p.stem for p in (ROOT / "benchmarks").glob("*.py")
                  if 'if __name__ == "__main__"' in p.read_text(encoding="utf-8"))


def test_the_benchmarks_the_readme_lists_are_found():
    assert {"pii_bench", "audit_bench", "proxy_bench", "suite", "micro", "soak"} <= set(COMMANDS)


@pytest.mark.parametrize("module", COMMANDS)
def test_help_prints_the_usage_and_runs_nothing(module: str):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # the timeout only bounds a regression that starts a benchmark (pii_bench's tables take minutes)
    done = subprocess.run([sys.executable, "-m", f"benchmarks.{module}", "--help"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage:"), done.stdout[:500]
