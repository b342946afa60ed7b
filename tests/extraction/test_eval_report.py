"""The evaluation's report names where its false positives come from: each dataset's benign accounts flagged at the
end, counted by their strongest reason and by scenario, and the same census over every dataset of a run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import orjson
import pytest

from benchmarks.extraction_eval import DATASETS, census_lines, evaluate, main
from benchmarks.extraction_rescorer import MIN_REQUESTS, ever_flagged, load_set
from benchmarks.traffic.generate import generate
from gateway.extraction.policy import ExtractionPolicy
from gateway.extraction.scoring import account_score, evidence


@pytest.fixture(scope="module")
def v33_sample(tmp_path_factory) -> tuple[Path, dict[str, Any], dict[str, Any], Path]:
    """A day of v33 at 0.3x benign scale evaluated once, its end states and its states half-way written: the traffic,
    labels, result, states."""
    d = tmp_path_factory.mktemp("v33")
    traffic = d / "t.jsonl"
    generate(7, traffic, days=1.0, scale=0.3, variant="v33")
    labels = orjson.loads((d / "t.jsonl.labels.json").read_bytes())
    return traffic, labels, evaluate("v33 sample", traffic, labels, ExtractionPolicy(), states=d / "v33.states.jsonl",
                                      snapshots=(0.5,)), \
        d / "v33.states.jsonl"


def test_the_census_counts_every_benign_account_flagged_at_the_end_once(v33_sample) -> None:
    traffic, labels, res, _ = v33_sample
    flagged_benign = sum(r["flagged"] for r in res["rows"] if r["label"] == "benign")
    assert flagged_benign > 0  # the sample has false positives to count: the check below is not vacuous
    assert sum(res["fp_reasons"].values()) == sum(res["fp_scenarios"].values()) == flagged_benign
    for row in res["rows"]:
        assert res["fp_scenarios"].get(row["scenario"], 0) == (row["flagged"] if row["label"] == "benign" else 0)
    verdicts = [orjson.loads(line) for line in traffic.with_suffix(".v33-sample.verdicts.jsonl").read_bytes().splitlines()]
    strongest = Counter(v["reasons"][0].split(":")[0] for v in verdicts
                        if v["verdict"] != "ok" and labels[v["principal"]]["label"] == "benign")
    assert res["fp_reasons"] == strongest


def test_the_census_reads_most_first_and_says_so_when_there_is_nothing() -> None:
    lines = census_lines(Counter({"shared_problems": 3, "elicited_subset": 5}), Counter({"course": 6, "lab": 2}))
    assert lines == ["benign flagged at end (8) by strongest reason: elicited_subset 5, shared_problems 3",
                     "  by scenario: course 6, lab 2"]
    assert census_lines(Counter(), Counter()) == ["benign flagged at end: none"]


def test_a_run_over_several_datasets_ends_with_their_census(tmp_path, capsys) -> None:
    # A run reuses the traffic files already in its workdir: small ones under the names --quick looks for.
    for name in ("blind-v3", "blind-v4"):
        _, seed, variant = DATASETS[name]
        generate(seed, tmp_path / f"traffic-s{seed}-{variant}-d2-x0.3.jsonl", days=0.5, scale=0.1, variant=variant)
    assert main(["--quick", "--skip-costs", "--datasets", "blind-v3,blind-v4", "--workdir", str(tmp_path),
                 "--states", str(tmp_path / "states")]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in (tmp_path / "states").iterdir()) == ["blind-v3.states.jsonl", "blind-v4.states.jsonl"]
    assert out.count("by strongest reason") == 3, out  # one per dataset and the run's
    tail = out[out.index("## false positives over the 2 datasets"):]
    assert "by scenario: v3/" in tail or "by scenario: v4/" in tail, tail


def test_a_run_reports_its_progress_on_stderr_dataset_by_dataset(tmp_path, capsys) -> None:
    # A full run takes about an hour and prints each table only when its dataset is done: stderr says what it is
    # doing meanwhile (replaying, done), whatever stdout is redirected to.
    for name in ("blind-v3", "blind-v4"):
        _, seed, variant = DATASETS[name]
        generate(seed, tmp_path / f"traffic-s{seed}-{variant}-d2-x0.3.jsonl", days=0.5, scale=0.1, variant=variant)
    assert main(["--quick", "--skip-costs", "--datasets", "blind-v3,blind-v4", "--workdir", str(tmp_path)]) == 0
    err = capsys.readouterr().err.splitlines()
    for prefix in ("[1/2] blind-v3: ", "[2/2] blind-v4: "):
        steps = [line[len(prefix):].split()[0] for line in err if line.startswith(prefix)]
        assert steps == ["replaying", "replaying", "done,"], err  # the run, the run with the eval lab allowlisted


def test_the_end_states_written_for_screening_reproduce_every_principals_own_score(v33_sample) -> None:
    traffic, labels, res, states = v33_sample
    rows = [r for line in states.read_bytes().splitlines() if (r := orjson.loads(line))["at"] == 1.0]
    served = {orjson.loads(line)["principal"]
              for line in traffic.with_suffix(".v33-sample.verdicts.jsonl").read_bytes().splitlines()}
    assert len(rows) == len(served) and {r["principal"] for r in rows} == served  # every account served, once
    assert all(r["label"] == labels[r["principal"]]["label"] for r in rows)
    flagged = {r["principal"] for r in rows if r["status"] != "ok"}
    assert len(flagged) == sum(row["flagged"] for row in res["rows"]) > 0
    # What a screen does: the evidence recomputed from the written signals gives the detector's own score back.
    for r in rows:
        again = account_score(evidence(r["signals"], r["requests"]), r["signals"])
        assert abs(again - r["own_score"]) < 1e-3, r["principal"]


def test_the_states_half_way_are_the_accounts_seen_by_then_and_train_the_rescorer_from_five_requests(
        v33_sample) -> None:
    traffic, _, _, states = v33_sample
    rows = [orjson.loads(line) for line in states.read_bytes().splitlines()]
    assert {r["at"] for r in rows} == {0.5, 1.0}
    end = {r["principal"]: r for r in rows if r["at"] == 1.0}
    half = {r["principal"]: r for r in rows if r["at"] == 0.5}
    records = [orjson.loads(line) for line in traffic.read_bytes().splitlines()]
    middle = (records[0]["ts"] + records[-1]["ts"]) / 2
    before = Counter(r["principal"] for r in records if r["ts"] < middle)
    assert {p: r["requests"] for p, r in half.items()} == before  # what the detector held half-way, no more
    assert all(r["requests"] <= end[p]["requests"] for p, r in half.items())
    # The trainer keeps every end state and the half-way states of accounts the re-scorer judges live (>= 5 requests).
    s, _ = load_set(states)
    assert len(s.y) == len(end) + sum(1 for r in half.values() if r["requests"] >= MIN_REQUESTS) > len(end)
    assert s.end.sum() == len(end) and s.rows(s.end).accounts == list(end)
    # "Ever" flagged: at the end or at any snapshot, one answer per end state.
    flagged = np.array([a == s.accounts[0] for a in s.accounts])
    assert ever_flagged(s, flagged).tolist() == [a == s.accounts[0] for a in end]


@pytest.fixture(scope="module")
def base_sample(tmp_path_factory) -> dict[str, Any]:
    """A day of the base scenarios at 0.1x benign scale, evaluated once."""
    d = tmp_path_factory.mktemp("base")
    traffic = d / "t.jsonl"
    generate(7, traffic, days=1.0, scale=0.1, variant="base")
    labels = orjson.loads((d / "t.jsonl.labels.json").read_bytes())
    return evaluate("base sample", traffic, labels, ExtractionPolicy())


def test_campaign_time_to_detect_counts_the_request_that_raised_the_first_flag(base_sample) -> None:
    # The request whose observation raised the flag was served (the verdict is read before the request is
    # observed), so for a campaign of one account the campaign-level figure is that account's own count.
    single = [r for r in base_sample["rows"] if r["label"] == "attack" and r["accounts"] == 1 and r["ever"] == 1]
    assert single  # the base scenarios have a one-account campaign (the chain-of-thought harvester)
    for r in single:
        assert r["ttd_first"] == r["served_unflagged"] > 0, r
    # A campaign is flagged no later than its first member: the campaign-level figure never exceeds the per-account.
    for r in base_sample["rows"]:
        if r["label"] == "attack" and r["ttd_first"] is not None:
            assert r["ttd_first"] <= r["served_unflagged"], r


def test_an_interrupted_generation_leaves_no_log_for_the_next_run_to_reuse(tmp_path, monkeypatch) -> None:
    # A run reuses any log that exists under its name; a write that fails part of the way (Ctrl-C, a full disk) must
    # leave the previous complete log and labels, or none, never a truncated log.
    import benchmarks.traffic.generate as gen

    records, labels = gen.generate_records(5, days=0.2, scale=0.05, variant="base")
    out = tmp_path / "traffic-s5-base-d2-x0.3.jsonl"
    monkeypatch.setattr(gen, "generate_records", lambda *a, **k: (records[:50] + [{"ts": {1}}], labels))
    with pytest.raises(TypeError):
        gen.generate(5, out)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    generate(5, out, days=0.2, scale=0.05, variant="base")
    complete = out.read_bytes()
    monkeypatch.setattr(gen, "generate_records", lambda *a, **k: (records[:50] + [{"ts": {1}}], {}))
    with pytest.raises(TypeError):
        gen.generate(5, out)
    assert out.read_bytes() == complete and orjson.loads(Path(str(out) + ".labels.json").read_bytes()) == labels
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name, out.name + ".labels.json"]


@pytest.fixture(scope="module")
def v24_sample(tmp_path_factory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    """A day of v24 at 0.3x benign scale (class sets marked against a rubric: blocks that come and go)."""
    d = tmp_path_factory.mktemp("v24")
    traffic = d / "t.jsonl"
    generate(DATASETS["blind-v24"][1], traffic, days=1.0, scale=0.3, variant="v24")
    labels = orjson.loads((d / "t.jsonl.labels.json").read_bytes())
    return traffic, labels, evaluate("v24 sample", traffic, labels, ExtractionPolicy())


def test_an_account_refused_requests_under_a_block_that_lifted_counts_as_blocked(v24_sample) -> None:
    traffic, labels, res = v24_sample
    verdicts = [orjson.loads(line) for line in traffic.with_suffix(".v24-sample.verdicts.jsonl").read_bytes().splitlines()]
    lifted = [v for v in verdicts if v["requests_blocked"] and v["verdict"] != "block"]
    assert lifted  # the sample has blocks that lifted before the end: the check below is not vacuous
    for row in res["rows"]:
        members = [v for v in verdicts if labels[v["principal"]]["scenario"] == row["scenario"]]
        assert row["blocked"] == sum(v["verdict"] == "block" for v in members)
        assert row["blocked_ever"] == sum(v["verdict"] == "block" or v["requests_blocked"] > 0 for v in members)
    benign = [v for v in verdicts if labels[v["principal"]]["label"] == "benign"]
    assert res["benign_blocked_ever"] == sum(v["verdict"] == "block" or v["requests_blocked"] > 0 for v in benign)
    assert res["benign_blocked_ever"] >= res["benign_blocked"]
