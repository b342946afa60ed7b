"""Audit the frozen blind traffic sets: every property test that reads a set's full window.

    python -m benchmarks.blind_audit [-k EXPR] [pytest options...]

The blind sets of issue 4 (tests/extraction/test_traffic_blind_variants*.py) are frozen once judged: the default
test suite pins each set's bytes (a one-day log's sha256, checked under two string-hash seeds) and checks its
labels do not leak. The tests that read a set's full window (`vNN_log`: four days of traffic, 5-20 s of CPU to
generate each, ~10 minutes for all on two cores) re-check the properties the set was written to have - attack
and benign traffic alike in every field, replies logged for both, twins that send what the attacks send. They
are the `blind_audit` tier, deselected by the default run (pyproject.toml): run them here after touching the
traffic generator (benchmarks/traffic) or its shared helpers. Prints pytest's progress, then a table by set.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _table(junit: Path) -> tuple[list[str], bool]:
    by_module: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0.0])  # passed, failed, skipped, seconds
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "?").rsplit(".", 1)[-1]
        row = by_module[module]
        tags = {child.tag for child in case}
        row[1 if tags & {"failure", "error"} else 2 if "skipped" in tags else 0] += 1  # a skip checked nothing
        row[3] += float(case.get("time", 0))
    lines = ["| test module | passed | failed | skipped | seconds |", "|---|---|---|---|---|"]
    for module, (passed, failed, skipped, seconds) in sorted(by_module.items()):
        lines.append(f"| {module} | {passed:.0f} | {failed:.0f} | {skipped:.0f} | {seconds:.1f} |")
    return lines, any(row[1] for row in by_module.values())


def main(argv: list[str]) -> int:
    if {"-h", "--help"} & set(argv):  # pytest's own help would follow, and no junit file: say what this runs
        print("usage: python -m benchmarks.blind_audit [-k EXPR] [pytest options...]\n")
        print(__doc__.split("\n\n", 2)[2].strip())
        return 0
    with tempfile.TemporaryDirectory(prefix="covenant-blind-audit-") as tmp:
        junit = Path(tmp) / "audit.xml"
        started = time.monotonic()
        code = subprocess.call([sys.executable, "-m", "pytest", "-m", "blind_audit", "-q", f"--junitxml={junit}",
                                "tests/extraction", *argv], cwd=ROOT)
        if not junit.exists():
            return code or 1
        lines, failed = _table(junit)
    print(f"\nblind-set audit ({time.monotonic() - started:.0f} s wall)")
    print("\n".join(lines))
    return code if code else int(failed)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
