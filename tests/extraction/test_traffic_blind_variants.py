"""The traffic generator's blind variants v3 ... v24: every attack type and new hard-negative persona emits traffic,
hydra accounts stay small and numerous, campaign ids and labels do not leak into the traffic, attack traffic
uses no client software that benign traffic does not, records follow the traffic log format, and the same seed
gives the same bytes in every process (pinned sha256: the blind sets are frozen); v11 and v12 also log response_text for a share of attack and benign records alike, and in
v12 neither the API nor the shape of the end-user ids tells attack traffic from benign traffic; v13 logs response_text
the same way, mixes careless and careful campaigns (a blunt solo harvester that turns milder, a hydra with a
batch-opened scripted cohort whose shared client metadata has a benign twin) and uses no request feature (images,
label probabilities, n, tools, JSON schemas) that benign traffic does not also use. The checks of v14 and v15 are in
test_traffic_blind_variants_v14_v15.py, those of v16 in test_traffic_blind_variants_v16.py, those of v17 in
test_traffic_blind_variants_v17.py, those of v18 in test_traffic_blind_variants_v18.py, those of v19 in
test_traffic_blind_variants_v19.py, those of v20 in test_traffic_blind_variants_v20.py, those of v21 in
test_traffic_blind_variants_v21.py, those of v22 in test_traffic_blind_variants_v22.py, those of v23 in
test_traffic_blind_variants_v23.py, those of v24 in test_traffic_blind_variants_v24.py; a new variant adds its module of checks the same way."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.personas_v3 import BENIGN_V3
from benchmarks.traffic.personas_v4 import BENIGN_V4
from benchmarks.traffic.personas_v5 import BENIGN_V5
from benchmarks.traffic.personas_v6 import BENIGN_V6
from benchmarks.traffic.personas_v7 import BENIGN_V7
from benchmarks.traffic.personas_v8 import BENIGN_V8
from benchmarks.traffic.personas_v9 import BENIGN_V9
from benchmarks.traffic.personas_v10 import BENIGN_V10
from benchmarks.traffic.personas_v11 import BENIGN_V11
from benchmarks.traffic.personas_v12 import BENIGN_V12
from benchmarks.traffic.personas_v13 import BENIGN_V13
from benchmarks.traffic.personas_v14 import BENIGN_V14
from benchmarks.traffic.personas_v15 import BENIGN_V15
from benchmarks.traffic.personas_v16 import BENIGN_V16
from benchmarks.traffic.personas_v17 import BENIGN_V17
from benchmarks.traffic.personas_v18 import BENIGN_V18
from benchmarks.traffic.personas_v19 import BENIGN_V19
from benchmarks.traffic.personas_v20 import BENIGN_V20
from benchmarks.traffic.personas_v21 import BENIGN_V21
from benchmarks.traffic.personas_v22 import BENIGN_V22
from benchmarks.traffic.personas_v23 import BENIGN_V23
from benchmarks.traffic.personas_v24 import BENIGN_V24
from tests.extraction.blind_traffic import (
    DAYS,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    end_user,
    full_window_log,
    read_records,
    sampling_and_tools,
    scaled_log,
    small_log,
)

ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill"}
NEW_ATTACK_TYPES = {"v9": {"embedding_distill", "translation_distill"},
                    "v10": {"audio_distill", "editorial_distill"},
                    "v11": {"structured_distill", "translation_mining"},
                    "v12": {"instruction_grid", "policy_boundary", "roleplay_distill"},
                    "v13": {"reward_distill", "vision_distill", "soft_labels"},
                    "v14": {"evol_instruct", "tool_call_distill", "dialogue_synthesis"},
                    "v15": {"critique_revision", "summary_distill", "curriculum_ladder"},
                    "v16": {"warmup_harvest", "doc_qa_harvest", "repair_loop"},
                    "v17": {"account_churn", "fake_reseller", "minimal_pairs"},
                    "v18": {"packed_batch", "verifier_escalation", "decomposed_chain"},
                    "v19": {"backtranslation", "eval_masquerade", "context_distill"},
                    "v20": {"schema_cot", "grammar_prompts", "ci_review_harvest"},
                    "v21": {"socratic_ladder", "frontier_crawl", "capability_rotation"},
                    "v22": {"planted_errors", "bought_aged_keys", "schedule_replay"},
                    "v23": {"relay_conversations", "what_if_forks"},
                    "v24": {"pairwise_judgements", "rubric_scoring", "critique_loops"}}
NEW_PERSONAS = {"v3": BENIGN_V3, "v4": BENIGN_V4, "v5": BENIGN_V5, "v6": BENIGN_V6, "v7": BENIGN_V7,
                "v8": BENIGN_V8, "v9": BENIGN_V9, "v10": BENIGN_V10, "v11": BENIGN_V11, "v12": BENIGN_V12,
                "v13": BENIGN_V13, "v14": BENIGN_V14, "v15": BENIGN_V15, "v16": BENIGN_V16, "v17": BENIGN_V17,
                "v18": BENIGN_V18, "v19": BENIGN_V19, "v20": BENIGN_V20, "v21": BENIGN_V21,
                "v22": BENIGN_V22, "v23": BENIGN_V23, "v24": BENIGN_V24}


@pytest.fixture(scope="module", params=sorted(NEW_PERSONAS))
def variant_log(request, tmp_path_factory) -> tuple[str, Path, dict]:
    return request.param, *small_log(tmp_path_factory, request.param, 5)


@pytest.fixture(scope="module")
def variant_records(variant_log) -> list[dict]:
    """The variant's log, parsed once for the tests that read its records."""
    return read_records(variant_log[1])


def test_every_attack_type_and_new_persona_emits_traffic(variant_log, variant_records) -> None:
    variant, path, labels = variant_log
    seen = Counter(labels[r["principal"]]["scenario"] for r in variant_records)
    attack_types = ATTACK_TYPES | NEW_ATTACK_TYPES.get(variant, set())
    assert attack_types <= set(seen), attack_types - set(seen)
    assert set(NEW_PERSONAS[variant]) <= set(seen), set(NEW_PERSONAS[variant]) - set(seen)


def test_hydra_accounts_stay_small_and_numerous(variant_log, variant_records) -> None:
    _, path, labels = variant_log
    per_acct = Counter(r["principal"] for r in variant_records if labels[r["principal"]]["scenario"] == "hydra")
    assert len(per_acct) >= 40
    assert max(per_acct.values()) / DAYS < 30


def test_campaign_ids_and_labels_do_not_leak_into_traffic(variant_log) -> None:
    variant, path, labels = variant_log
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith(f"{variant}-") for c in campaigns)
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert f'"{variant}-' not in text and '"attack"' not in text


def test_attack_traffic_uses_only_client_software_that_benign_traffic_also_uses(variant_log, variant_records) -> None:
    _, path, labels = variant_log
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in variant_records:
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= agents["benign"], agents["attack"] - agents["benign"]


# sha256 of each variant's log at seed 5, one day, scale 0.05 (the variant_log fixture). The blind sets are
# frozen evaluation data: a generator change that alters them (a refactor of shared helpers, a new
# variant's edits to an old module) must show up here, and so must output that depends on the process
# (string hash seed, set order, the clock). Checked the same under PYTHONHASHSEED=1 and 2.
FROZEN_SHA256 = {
    "v3": "b6c713a8e1f3b16361bdae8a71da8c6cf53092ff96b6a89c5fe80c49e7a00cc5",
    "v4": "8f35f9238683d49de0f676045b049abe1eebb101332dc30f0f81d6f62fcdecbd",
    "v5": "3d86404e592723449d7d1301bb29a05e4f5b9e0e1e053146d1089d82dafe5941",
    "v6": "6b41596411bc51fff8d3f9f2f47d120305a8011c9621b1364d017cc20c0d3b28",
    "v7": "43477b8d818636f949adf73e347692b6e30c9ce9f3cf7e588732452d800e3010",
    "v8": "96eeff795fd8e089e8b8df5ceb28ed62415e257ca99e648d2eb5b6d80fe7d1f0",
    "v9": "bade66bf79dc09e6819b4f99fab197ba4548ea7289db0929843768138d4e2790",
    "v10": "1914de2798c865c29023475ddd3f6c950f4cf16141042ffe661a33859d95af97",
    "v11": "cee5000f166706e282196b4aab38b0c1926e1f0b58331dd1b80ee8decdfbf160",
    "v12": "e070c0c1445de490a59ac7b33f963b8cc64486ebc08d8f719849de334938acbc",
    "v13": "629e21e5871d799fd434ab27c4b5efc2db88d9c0ac44784c3b95e228280b6a92",
    "v14": "f5ea4ba66aefb4ab37e92dfc516a823b3b33b48600619299e311cd61136588ac",
    "v15": "3de142f32d345a49e3caabe50fb1453358fb293895f567521725c1f0a42ea81b",
    "v16": "8d08b545e4edb01e2ab384adaafac1f4b159897623724e385f4de93983510170",
    "v17": "8f0e54a5d3e32f1ae0d148d5e801719a01d74e1b57836ee712926d8df2f357a4",
    "v18": "25395fc5a68727485e250233e5b27d362025f657b2e4d5f9dee555a5e38fd84f",
    "v19": "4e48d8b8715e8eb391a2dafced9d3bdf290f34b9432dbe1fb820334fad6b9a52",
    "v20": "1ef805ac6eedc09af7abd00cb4b5d623d37620f123ba35c4d4d787fffa28d31a",
    "v21": "ba3189ff0018d6dd1433c8d0ce2aa0df5ee8075b8093a34859deb3da3162301a",
    "v22": "1ead2bbeb437f9772a114294a01a688cdc07635860c5413e6e9f2e27ea744795",
    "v23": "e2657fd36af38bf7a0ad9ff49ba6872b8c47e8422fc84b278c0ada7f6a0b524a",
    "v24": "8e2e0cc04f4fca2547c56f58cc25bbb137d4f440246accf93239ca2ecbd922f2",
}


def test_the_same_seed_gives_the_same_bytes_in_every_process(variant_log) -> None:
    variant, path, _ = variant_log
    assert hashlib.sha256(path.read_bytes()).hexdigest() == FROZEN_SHA256[variant], (
        f"traffic variant {variant} no longer generates the frozen bytes: a blind dataset changed")


APIS = {"openai.chat.completions", "openai.completions", "openai.responses", "openai.embeddings", "anthropic.messages"}


def test_records_follow_the_traffic_log_format(variant_log, variant_records) -> None:
    _, path, _ = variant_log
    last = 0.0
    for r in variant_records:
        assert isinstance(r["ts"], float | int) and r["ts"] >= last
        last = r["ts"]
        assert isinstance(r["principal"], str) and r["principal"]
        assert r["api"] in APIS and isinstance(r["request"], dict) and r["request"].get("model")
        assert isinstance(r.get("tenant", ""), str) and isinstance(r.get("key_id", ""), str)
        usage = r.get("usage", {"input_tokens": 0, "output_tokens": 0})
        assert all(isinstance(usage[k], int) and usage[k] >= 0 for k in ("input_tokens", "output_tokens"))
        assert set(r.get("client", {})) <= {"ip", "user_agent"}
        assert isinstance(r.get("response_text", ""), str)


def test_identifiers_have_one_shape_for_attack_and_benign(variant_log, variant_records) -> None:
    _, path, labels = variant_log
    shapes: dict[str, set[tuple[str, ...]]] = {"attack": set(), "benign": set()}
    for r in variant_records:
        shapes[labels[r["principal"]]["label"]].add(tuple(re.sub(r"[0-9a-f]", "x", r[k]) for k in
                                                         ("principal", "tenant", "key_id")))
    assert shapes["attack"] <= shapes["benign"], shapes["attack"] - shapes["benign"]


@pytest.fixture(scope="module")
def v11_log(tmp_path_factory) -> tuple[list[dict], dict]:
    path, labels = scaled_log(tmp_path_factory, "v11")
    return read_records(path), labels


def test_v11_logs_response_text_for_a_share_of_attack_and_benign_records(v11_log) -> None:
    records, labels = v11_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    # the campaigns whose tenants always log outputs, and their benign twins
    scenarios_logged = {labels[r["principal"]]["scenario"] for r in records if "response_text" in r}
    assert {"cot_harvester", "structured_distill", "homework_app", "doc_ingestion"} <= scenarios_logged


def test_v11_response_text_length_follows_output_tokens(v11_log) -> None:
    assert_response_text_length_follows_output_tokens(v11_log[0])


@pytest.fixture(scope="module")
def v12_log(tmp_path_factory) -> tuple[list[dict], dict]:
    path, labels = scaled_log(tmp_path_factory, "v12")
    return read_records(path), labels


def test_v12_logs_response_text_for_a_share_of_attack_and_benign_records(v12_log) -> None:
    records, labels = v12_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)


def test_v12_response_text_length_follows_output_tokens(v12_log) -> None:
    assert_response_text_length_follows_output_tokens(v12_log[0], skip_apis=("openai.completions",))


def test_v12_every_api_of_attack_traffic_also_carries_benign_traffic(v12_log) -> None:
    records, labels = v12_log
    apis: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        apis[labels[r["principal"]]["label"]][r["api"]] += 1
    assert set(apis["attack"]) == APIS
    assert all(apis["benign"][api] >= 10 for api in APIS), apis["benign"]


def test_v12_end_user_ids_have_shapes_that_benign_traffic_also_uses(v12_log) -> None:
    records, labels = v12_log
    shapes: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in records:
        user = end_user(r)
        if user:
            shapes[labels[r["principal"]]["label"]].add(re.sub(r"[0-9a-f]+$", "x", user))
    assert shapes["attack"] and shapes["attack"] <= shapes["benign"], shapes["attack"] - shapes["benign"]


@pytest.fixture(scope="module")
def v13_log() -> tuple[list[dict], dict]:
    return full_window_log("v13")


def test_v13_logs_response_text_for_a_share_of_attack_and_benign_records(v13_log) -> None:
    records, labels = v13_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records, skip_apis=("openai.completions",))


def test_v13_attack_population_is_v12_sized_and_hydra_stays_under_quota(v13_log) -> None:
    records, labels = v13_log
    attack = [lab for lab in labels.values() if lab["label"] == "attack"]
    assert 350 <= len(attack) <= 450
    per_day = Counter((r["principal"], int((r["ts"] - records[0]["ts"]) // 86400)) for r in records
                      if labels[r["principal"]]["scenario"] == "hydra")
    assert len({p for p, _ in per_day}) >= 150 and max(per_day.values()) < 30


def _features(r: dict) -> set[str]:
    req, text = r["request"], orjson.dumps(r["request"]).decode()
    out = sampling_and_tools(req)
    if '"image_url"' in text or '"input_image"' in text or '"type":"image"' in text:
        out.add("image")
    if "json_schema" in text:
        out.add("json_schema")
    return out


def test_v13_attack_request_features_also_occur_in_benign_traffic(v13_log) -> None:
    records, labels = v13_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    apis: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        label = labels[r["principal"]]["label"]
        feats[label].update(_features(r))
        apis[label][r["api"]] += 1
    assert set(feats["attack"]) == {"image", "logprobs", "n", "tools", "json_schema"}
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]
    assert all(apis["benign"][api] >= 10 for api in apis["attack"]), apis["benign"]


def test_v13_solo_harvester_is_blunt_first_and_milder_later(v13_log) -> None:
    records, labels = v13_log
    solo = [r for r in records if labels[r["principal"]]["scenario"] == "cot_harvester"]
    assert len({r["principal"] for r in solo}) == 1
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    early = [r for r in solo if r["ts"] < t0 + 2 * 86400]
    late = [r for r in solo if r["ts"] >= t0 + 2 * 86400]
    assert early and late and len(early) > len(late)
    assert all("<thinking>" in orjson.dumps(r["request"]).decode() for r in early)
    assert not any("<thinking>" in orjson.dumps(r["request"]).decode() for r in late)
    assert {r["api"] for r in early} == {"openai.chat.completions"} and len({r["api"] for r in late}) == 2


def _cohorts(records: list[dict], labels: dict, scenario: str) -> tuple[Counter, dict[str, set[str]]]:
    ua_accounts: dict[str, set[str]] = {}
    nets: dict[str, set[str]] = {}
    for r in records:
        if labels[r["principal"]]["scenario"] == scenario:
            ua_accounts.setdefault(r["client"]["user_agent"], set()).add(r["principal"])
            nets.setdefault(r["principal"], set()).add(r["client"]["ip"].rsplit(".", 1)[0])
    return Counter({ua: len(a) for ua, a in ua_accounts.items()}), nets


def test_v13_hydra_mixes_a_scripted_cohort_with_careful_accounts_and_the_script_has_a_benign_twin(v13_log) -> None:
    records, labels = v13_log
    uas, _ = _cohorts(records, labels, "hydra")
    assert uas.most_common(1)[0][1] >= 60 and len(uas) >= 4
    twin_uas, twin_nets = _cohorts(records, labels, "hackathon_cohort")
    assert len(twin_uas) == 1 and sum(twin_uas.values()) >= 2
    venue = Counter(n for nets in twin_nets.values() for n in nets)
    assert venue.most_common(1)[0][1] == len(twin_nets)


