"""The traffic generator's blind variants v3 ... v10: every attack type and new hard-negative persona emits traffic,
hydra accounts stay small and numerous, campaign ids and labels do not leak into the traffic, attack traffic
uses no client software that benign traffic does not, and the same seed gives the same bytes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.generate import generate
from benchmarks.traffic.personas_v3 import BENIGN_V3
from benchmarks.traffic.personas_v4 import BENIGN_V4
from benchmarks.traffic.personas_v5 import BENIGN_V5
from benchmarks.traffic.personas_v6 import BENIGN_V6
from benchmarks.traffic.personas_v7 import BENIGN_V7
from benchmarks.traffic.personas_v8 import BENIGN_V8
from benchmarks.traffic.personas_v9 import BENIGN_V9
from benchmarks.traffic.personas_v10 import BENIGN_V10

DAYS = 1.0
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill"}
NEW_ATTACK_TYPES = {"v9": {"embedding_distill", "translation_distill"},
                    "v10": {"audio_distill", "editorial_distill"}}
NEW_PERSONAS = {"v3": BENIGN_V3, "v4": BENIGN_V4, "v5": BENIGN_V5, "v6": BENIGN_V6, "v7": BENIGN_V7,
                "v8": BENIGN_V8, "v9": BENIGN_V9, "v10": BENIGN_V10}


@pytest.fixture(scope="module", params=sorted(NEW_PERSONAS))
def variant_log(request, tmp_path_factory) -> tuple[str, Path, dict]:
    path = tmp_path_factory.mktemp("traffic") / f"{request.param}.jsonl"
    generate(seed=5, out=path, days=DAYS, scale=0.05, variant=request.param)
    return request.param, path, orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def _records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_every_attack_type_and_new_persona_emits_traffic(variant_log) -> None:
    variant, path, labels = variant_log
    seen = Counter(labels[r["principal"]]["scenario"] for r in _records(path))
    attack_types = ATTACK_TYPES | NEW_ATTACK_TYPES.get(variant, set())
    assert attack_types <= set(seen), attack_types - set(seen)
    assert set(NEW_PERSONAS[variant]) <= set(seen), set(NEW_PERSONAS[variant]) - set(seen)


def test_hydra_accounts_stay_small_and_numerous(variant_log) -> None:
    _, path, labels = variant_log
    per_acct = Counter(r["principal"] for r in _records(path) if labels[r["principal"]]["scenario"] == "hydra")
    assert len(per_acct) >= 40
    assert max(per_acct.values()) / DAYS < 30


def test_campaign_ids_and_labels_do_not_leak_into_traffic(variant_log) -> None:
    variant, path, labels = variant_log
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith(f"{variant}-") for c in campaigns)
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert f'"{variant}-' not in text and '"attack"' not in text


def test_attack_traffic_uses_only_client_software_that_benign_traffic_also_uses(variant_log) -> None:
    _, path, labels = variant_log
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in _records(path):
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= agents["benign"], agents["attack"] - agents["benign"]


def test_the_same_seed_gives_the_same_bytes(variant_log, tmp_path: Path) -> None:
    variant, path, _ = variant_log
    again = tmp_path / "again.jsonl"
    generate(seed=5, out=again, days=DAYS, scale=0.05, variant=variant)
    assert again.read_bytes() == path.read_bytes()
