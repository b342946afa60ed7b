"""`python -m benchmarks.blind_audit` ends with a table of the audit tier's results by test module: a skipped test
checked nothing, so it is not counted as passed."""

from __future__ import annotations

from benchmarks.blind_audit import _table

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.extraction.test_traffic_blind_variants_v37" name="test_a" time="1.5"/>
<testcase classname="tests.extraction.test_traffic_blind_variants_v37" name="test_b" time="0.5">
  <skipped type="pytest.skip" message="no log">skipped</skipped></testcase>
<testcase classname="tests.extraction.test_traffic_blind_variants_v36" name="test_c" time="2.0">
  <failure message="boom">boom</failure></testcase>
</testsuite></testsuites>
"""


def test_the_table_counts_passed_failed_and_skipped_apart(tmp_path):
    junit = tmp_path / "audit.xml"
    junit.write_text(JUNIT)
    lines, failed = _table(junit)
    assert lines == ["| test module | passed | failed | skipped | seconds |", "|---|---|---|---|---|",
                     "| test_traffic_blind_variants_v36 | 0 | 1 | 0 | 2.0 |",
                     "| test_traffic_blind_variants_v37 | 1 | 0 | 1 | 2.0 |"]
    assert failed
