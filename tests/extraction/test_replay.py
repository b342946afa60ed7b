"""Replay: output format on a small generated log, minimal records, bad lines, progress."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.generate import generate
from gateway.extraction.detector import Detector
from gateway.extraction.replay import replay
from tests.extraction.helpers import problem

T0 = 1_767_225_600.0


@pytest.fixture(scope="module")
def small_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("traffic") / "small.jsonl"
    stats = generate(seed=3, out=path, days=0.5, scale=0.05)
    assert stats["requests"] > 1000 and stats["attack_accounts"] > 0
    return path


def test_replay_writes_one_line_per_principal(small_log: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "verdicts.jsonl"
    summary = replay(small_log, None, out, progress=True)
    rows = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    principals = {orjson.loads(line)["principal"] for line in small_log.read_bytes().splitlines()}
    assert {r["principal"] for r in rows} == principals and len(rows) == len(principals)
    for r in rows:
        assert {"principal", "verdict", "score", "first_flagged_ts", "campaign", "reasons"} <= r.keys()
        assert r["verdict"] in ("ok", "flag", "throttle", "block")
        assert 0.0 <= r["score"] <= 1.0
        if r["first_flagged_ts"] is None:  # never flagged: every request was served unflagged
            assert r["verdict"] == "ok" and r["requests_before_flag"] == r["requests"]
        else:
            assert r["requests_before_flag"] <= r["requests"]  # flagged after its last request counts all
    assert summary.requests == len(small_log.read_bytes().splitlines())
    assert sum(summary.by_status.values()) == len(rows)
    labels = orjson.loads(Path(str(small_log) + ".labels.json").read_bytes())
    flagged_attacks = [r for r in rows if r["verdict"] != "ok" and labels[r["principal"]]["label"] == "attack"]
    assert flagged_attacks, "a half-day log with a heavy harvester must flag something"


def test_replay_is_deterministic_and_matches_the_live_detector(small_log: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    replay(small_log, None, a, progress=False)
    det = Detector()
    replay(small_log, None, b, progress=False, detector=det)
    assert a.read_bytes() == b.read_bytes()
    flagged = {orjson.loads(line)["principal"] for line in b.read_bytes().splitlines()
               if orjson.loads(line)["verdict"] != "ok"}
    assert flagged == {p["principal"] for p in det.principals("flagged")}


def test_checkpoints_see_the_detector_part_way_through_and_change_nothing(small_log: Path, tmp_path: Path) -> None:
    """Each checkpoint is called once, in time order, before the first request at or after its time is looked up:
    the detector then holds exactly the accounts seen before that time; the verdicts are those of a plain replay."""
    records = [orjson.loads(line) for line in small_log.read_bytes().splitlines()]
    first, last = records[0]["ts"], records[-1]["ts"]
    times = [first + f * (last - first) for f in (0.6, 0.1, 0.35)]  # given out of order
    det = Detector()
    seen: list[tuple[float, int]] = []
    checkpoints = [(t, lambda t=t: seen.append((t, len(det.all_states())))) for t in times]
    with_cp, plain = tmp_path / "cp.jsonl", tmp_path / "plain.jsonl"
    replay(small_log, None, with_cp, progress=False, detector=det, checkpoints=checkpoints)
    replay(small_log, None, plain, progress=False)
    assert with_cp.read_bytes() == plain.read_bytes()
    assert [t for t, _ in seen] == sorted(times)
    for t, n in seen:
        assert n == len({r["principal"] for r in records if r["ts"] < t}) > 0
    assert seen[0][1] < seen[-1][1]


def test_minimal_records_and_bad_lines(tmp_path: Path) -> None:
    log = tmp_path / "min.jsonl"
    lines = [orjson.dumps({"ts": 1000 + i, "principal": "p1", "api": "openai.chat.completions",
                           "request": {"messages": [{"role": "user", "content": f"Think step by step: {i}+{i}"}]}})
             for i in range(20)]
    lines += [b"not json", orjson.dumps({"ts": 1, "principal": "p2"}), b"",
              orjson.dumps({"ts": 5000, "principal": "p3", "api": "anthropic.messages", "request": {}})]
    log.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    summary = replay(log, None, out, progress=False)
    assert summary.requests == 21 and summary.skipped_lines == 2
    rows = {orjson.loads(line)["principal"]: orjson.loads(line) for line in out.read_bytes().splitlines()}
    assert set(rows) == {"p1", "p3"}
    assert rows["p3"]["verdict"] == "ok"


def test_a_line_with_a_time_that_is_not_epoch_seconds_is_skipped_not_fatal(tmp_path: Path) -> None:
    """An ISO time, null or NaN in `ts`, or a `client` that is not an object, once aborted the whole replay."""
    request = {"messages": [{"role": "user", "content": "hello"}]}
    good = [orjson.dumps({"ts": 1000 + i, "principal": "p1", "api": "openai.chat.completions", "request": request})
            for i in range(3)]
    odd = [orjson.dumps({"ts": ts, "principal": "p2", "api": "openai.chat.completions", "request": request})
           for ts in ("2026-01-01T00:00:00Z", None)] + [b'{"ts": NaN, "principal": "p2"}']
    odd += [orjson.dumps({"ts": 2000, "principal": "p3", "api": "openai.chat.completions", "request": request,
                          "client": "10.0.0.1"})]
    log = tmp_path / "odd.jsonl"
    log.write_bytes(b"\n".join(good + odd) + b"\n")
    summary = replay(log, None, tmp_path / "out.jsonl", progress=False)
    assert summary.requests == 4 and summary.skipped_lines == 3


def test_replay_gives_the_same_verdicts_whatever_the_string_hash_seed(small_log: Path, tmp_path: Path) -> None:
    """Workers and replays run in different processes: their campaigns must not depend on set order."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"verdicts-{seed}.jsonl"
        subprocess.run([sys.executable, "-c", "import sys; from gateway.extraction.replay import replay; "
                        "replay(sys.argv[1], None, sys.argv[2], progress=False)", str(small_log), str(out)],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_an_output_that_cannot_be_written_fails_before_the_log_is_replayed(small_log: Path, tmp_path: Path) -> None:
    """An hour-long replay once ended on the error of an output path in a missing folder, its work lost."""
    det = Detector()
    with pytest.raises(FileNotFoundError) as err:
        replay(small_log, None, tmp_path / "no-such-folder" / "verdicts.jsonl", progress=False, detector=det)
    assert err.value.filename == str(tmp_path / "no-such-folder" / "verdicts.jsonl")
    assert det.events == 0


def test_the_command_tells_an_output_it_cannot_write_from_a_log_it_cannot_read(tmp_path: Path) -> None:
    import subprocess
    import sys

    log = tmp_path / "one.jsonl"
    log.write_bytes(orjson.dumps({"ts": 1000, "principal": "p1", "api": "openai.chat.completions",
                                  "request": {"messages": [{"role": "user", "content": "hello"}]}}) + b"\n")
    out = tmp_path / "no-such-folder" / "verdicts.jsonl"

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "gateway.cli", "extraction", "replay", *args],
                              capture_output=True, text=True, timeout=60)

    r = run(str(log), "--output", str(out))
    assert r.returncode == 1 and r.stderr.strip() == f"covenant: cannot write {out}: No such file or directory"
    r = run(str(tmp_path / "missing.jsonl"), "--output", str(tmp_path / "v.jsonl"))
    assert r.returncode == 1 and "cannot read" in r.stderr and "missing.jsonl" in r.stderr
    log.write_bytes(log.read_bytes() + b"{oops\n")
    r = run(str(log), "--quiet")
    assert r.returncode == 0 and "skipped line 2: not JSON" in r.stderr


def test_skipped_lines_are_told_by_number_and_reason_and_no_account_is_made_of_a_missing_principal(
        tmp_path: Path) -> None:
    request = {"messages": [{"role": "user", "content": "hello"}]}

    def rec(**fields) -> bytes:
        return orjson.dumps({"ts": 1000, "principal": "p1", "api": "openai.chat.completions", "request": request,
                             **fields})

    lines = [rec(), b"{not json", rec(principal=None), rec(principal={"id": 1}), rec(api=None), rec(ts="noon"),
             b"[1, 2]", rec(request="hello"), rec(principal=42), b""]
    log = tmp_path / "odd.jsonl"
    log.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    summary = replay(log, None, out, progress=False)
    assert summary.requests == 2 and summary.skipped_lines == 7
    assert {orjson.loads(line)["principal"] for line in out.read_bytes().splitlines()} == {"p1", "42"}
    assert [s.split(":")[0] for s in summary.skipped] == [f"line {n}" for n in (2, 3, 4, 5, 6, 7, 8)]
    assert "not JSON" in summary.skipped[0] and "principal" in summary.skipped[1] and "ts" in summary.skipped[4]


def test_the_command_reads_the_log_from_standard_input_when_named_dash(tmp_path: Path) -> None:
    import subprocess
    import sys

    lines = b"".join(orjson.dumps({"ts": 1000 + i, "principal": f"p{i % 3}", "api": "openai.chat.completions",
                                   "request": {"messages": [{"role": "user", "content": f"hello {i}"}]}}) + b"\n"
                     for i in range(4500))  # past the first progress report
    out = tmp_path / "verdicts.jsonl"
    r = subprocess.run([sys.executable, "-m", "gateway.cli", "extraction", "replay", "-", "--output", str(out)],
                       input=lines, capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert b"replayed 4500 requests" in r.stderr
    assert {orjson.loads(line)["principal"] for line in out.read_bytes().splitlines()} == {"p0", "p1", "p2"}


def test_a_reviewer_decision_in_the_audit_log_is_applied_at_its_time_as_live(tmp_path: Path) -> None:
    """The replayed log is the audit log: it holds the reviewers' decisions (`"kind": "review"`) among the requests,
    which the live detector respected from their time on; other operators' records (key changes) are not requests
    and not errors either."""
    def harvest(i: int) -> bytes:
        return orjson.dumps({"ts": T0 + i * 30, "principal": "acme/h", "tenant": "acme", "api": "openai.chat.completions",
                             "request": {"model": "gpt-4o-mini", "max_tokens": 4096, "messages": [
                                 {"role": "user", "content": f"{problem(i)} Think step by step."}]},
                             "usage": {"input_tokens": 40, "output_tokens": 1500}})

    review = orjson.dumps({"kind": "review", "ts": T0 + 40 * 30, "principal": "acme/h", "decision": "clear",
                           "reviewer": "rita", "note": "tutoring customer", "score_at_decision": 0.9})
    key = orjson.dumps({"kind": "key", "ts": T0, "action": "create", "key_id": "k1", "tenant": "acme", "account": "h"})
    lines = [key, *(harvest(i) for i in range(40)), review, *(harvest(i) for i in range(40, 60))]
    log = tmp_path / "audit.jsonl"
    log.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    without = replay_lines(tmp_path, [line for line in lines if line is not review])
    assert without["acme/h"]["verdict"] != "ok", "flagged when no reviewer cleared it"
    summary = replay(log, None, out, progress=False)
    assert summary.requests == 60 and summary.skipped_lines == 0 and summary.skipped == []
    [row] = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert row["principal"] == "acme/h" and row["verdict"] == "ok"


def replay_lines(tmp_path: Path, lines: list[bytes]) -> dict[str, dict]:
    log, out = tmp_path / "lines.jsonl", tmp_path / "lines-out.jsonl"
    log.write_bytes(b"\n".join(lines) + b"\n")
    replay(log, None, out, progress=False)
    return {(r := orjson.loads(line))["principal"]: r for line in out.read_bytes().splitlines()}
