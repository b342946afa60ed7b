"""The traffic generator's `fresh` variant: every attack type and hard-negative persona emits traffic,
the hydra stays under 30 requests/day per account, labels do not leak, output is deterministic."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.generate import generate
from benchmarks.traffic.personas_fresh import BENIGN_FRESH

DAYS = 1.0
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill"}


@pytest.fixture(scope="module")
def fresh_log(tmp_path_factory) -> tuple[Path, dict]:
    path = tmp_path_factory.mktemp("traffic") / "fresh.jsonl"
    generate(seed=11, out=path, days=DAYS, scale=0.05, variant="fresh")
    return path, orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def _records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_every_scenario_emits_traffic(fresh_log) -> None:
    path, labels = fresh_log
    seen = Counter(labels[r["principal"]]["scenario"] for r in _records(path))
    assert ATTACK_TYPES <= set(seen)
    assert set(BENIGN_FRESH) <= set(seen)
    assert {lab["scenario"] for lab in labels.values() if lab["label"] == "attack"} == ATTACK_TYPES


def test_hydra_accounts_stay_small_and_numerous(fresh_log) -> None:
    path, labels = fresh_log
    per_acct = Counter(r["principal"] for r in _records(path) if labels[r["principal"]]["scenario"] == "hydra")
    assert len(per_acct) >= 40
    assert max(per_acct.values()) / DAYS < 30 * 1.5  # < 30/day on average; Poisson-ish jitter on one day


def test_labels_do_not_leak_into_traffic(fresh_log) -> None:
    path, labels = fresh_log
    uas: dict[str, set[str]] = defaultdict(set)
    for r in _records(path):
        text = orjson.dumps(r).decode()
        assert "attack" not in text and "fresh-" not in text
        uas[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert uas["attack"] <= uas["benign"]


def test_fresh_is_deterministic_and_keeps_the_benign_population(tmp_path: Path, fresh_log) -> None:
    path, labels = fresh_log
    again = tmp_path / "again.jsonl"
    generate(seed=11, out=again, days=DAYS, scale=0.05, variant="fresh")
    assert again.read_bytes() == path.read_bytes()
    base = tmp_path / "base.jsonl"
    generate(seed=11, out=base, days=DAYS, scale=0.05, variant="base")
    base_labels = orjson.loads(Path(str(base) + ".labels.json").read_bytes())
    base_benign = {p for p, lab in base_labels.items() if lab["label"] == "benign"}
    assert base_benign <= {p for p, lab in labels.items() if lab["label"] == "benign"}


def test_unknown_variant_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown variant"):
        generate(seed=1, out=tmp_path / "x.jsonl", days=0.1, variant="nope")
