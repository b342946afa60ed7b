"""The performance suite's report: the issue-9 verdicts it prints and the machine-load reading behind the
two-worker ones. The suite itself is a benchmark (benchmarks/, not timed here); these check what it concludes."""

from __future__ import annotations

import os
import time

from benchmarks.harness.procs import machine_ticks
from benchmarks.suite_report import Row, table, verdicts


def _rows(busy_w2: float) -> dict[str, Row]:
    full = Row(p50=[0.5], p99=[2.0], rps32=[3000.0], rss=[180.0],
               scale={"w1c32": [4000.0], "w2c32": [3400.0], "w1c128": [3500.0], "w2c128": [3900.0],
                      "cpu_w1": [226.0], "cpu_w2": [292.0], "busy_w1": [0.90], "busy_w2": [busy_w2]})
    return {"direct": Row(p50=[0.02], p99=[0.05]), "covenant-full": full, "portkey": Row(rps32=[1100.0])}


def test_a_saturated_machine_is_named_under_the_two_worker_verdict_which_stays_missed():
    lines = verdicts(_rows(busy_w2=0.99))
    i = next(n for n, line in enumerate(lines) if line.startswith("- full set, 2 workers / 1 (c=32)"))
    assert lines[i].endswith("MISSED")
    assert "99 % busy" in lines[i + 1] and "no core was left" in lines[i + 1]


def test_no_saturation_note_when_the_machine_had_room():
    lines = verdicts(_rows(busy_w2=0.60))
    assert not any("no core was left" in line for line in lines)


def test_the_table_shows_how_busy_the_machine_was_with_one_and_two_workers():
    row = next(line for line in table(_rows(busy_w2=0.99)).splitlines() if line.startswith("| covenant-full |"))
    assert "0.85× (4,000→3,400)" in row and "CPU/req 226→292 µs" in row and "CPUs busy 90→99 %" in row


def test_other_targets_are_judged_against_their_bounds():
    lines = verdicts(_rows(busy_w2=0.99))
    assert "- full set, req/s c=32: 3e+03 req/s (target ≥ 2,500 req/s) MET" in lines
    assert any(line.startswith("- full set vs portkey req/s c=32: 2.73 ×") and line.endswith("MISSED") for line in lines)


def test_machine_ticks_count_a_busy_loop_as_busy():
    busy0, all0 = machine_ticks()
    end = time.process_time() + 0.3
    while time.process_time() < end:  # keep one CPU busy for 0.3 s of its own time
        pass
    busy1, all1 = machine_ticks()
    assert 0 <= busy1 - busy0 <= all1 - all0
    assert busy1 - busy0 >= 0.2 * os.sysconf("SC_CLK_TCK")  # at least 0.2 s of the 0.3 s spent spinning


NAN = float("nan")


def test_a_repeat_without_a_successful_stream_is_left_out_of_the_medians_in_the_table_and_the_verdicts():
    # Every stream of one repeat failed (NaN): the figure is the median of the other repeats, wherever the NaN sits.
    for direct in ([NAN, 52.0, 51.0], [52.0, NAN, 51.0], [51.0, 52.0, NAN]):
        rows = {"direct": Row(ttft=direct), "covenant-empty": Row(ttft=[52.0, NAN, 52.5])}
        line = next(v for v in verdicts(rows) if v.startswith("- streaming TTFT added, no policies"))
        assert line.startswith("- streaming TTFT added, no policies: 0.75 ms"), (direct, line)
        row = next(r for r in table(rows).splitlines() if r.startswith("| covenant-empty |"))
        assert "52.25 (52.00–52.50) (+0.75 (0.50–1.00))" in row, (direct, row)


def test_the_speculative_admission_line_needs_both_figures_it_subtracts():
    full = Row(ttft=[52.0, 52.2])
    rows = {"covenant-full-no-holdback": full, "covenant-full-no-holdback-in-order": Row(ttft=[53.0, 53.2])}
    lines = verdicts(rows)  # no `direct` row: nothing to subtract, and no crash
    assert not any("speculative admission off" in line for line in lines)
    rows["direct"] = Row(ttft=[51.0, 51.2])
    assert "  (speculative admission off: TTFT added 2 ms idle)" in verdicts(rows)
