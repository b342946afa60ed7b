"""The traffic generator's blind variants v3 ... v15: every attack type and new hard-negative persona emits traffic,
hydra accounts stay small and numerous, campaign ids and labels do not leak into the traffic, attack traffic
uses no client software that benign traffic does not, records follow the traffic log format, and the same seed
gives the same bytes; v11 and v12 also log response_text for a share of attack and benign records alike, and in
v12 neither the API nor the shape of the end-user ids tells attack traffic from benign traffic; v13 logs response_text
the same way, mixes careless and careful campaigns (a blunt solo harvester that turns milder, a hydra with a
batch-opened scripted cohort whose shared client metadata has a benign twin) and uses no request feature (images,
label probabilities, n, tools, JSON schemas) that benign traffic does not also use; v14 mixes a few blunt campaigns
with many careful ones whose accounts keep to ordinary customers' daily volumes and to a daily and weekly rhythm, use
no request feature that benign traffic does not, and still harvest in aggregate (a prompt skeleton shared across
hydra accounts, a second stage asking what the first stage got back); v15 does the same for a campaign harvesting a
student model's post-training data (several summaries of one transcript from different accounts, draft ->
critique -> revision conversations)."""

from __future__ import annotations

import re
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
from benchmarks.traffic.personas_v11 import BENIGN_V11
from benchmarks.traffic.personas_v12 import BENIGN_V12
from benchmarks.traffic.personas_v13 import BENIGN_V13
from benchmarks.traffic.personas_v14 import BENIGN_V14
from benchmarks.traffic.personas_v15 import BENIGN_V15

DAYS = 1.0
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill"}
NEW_ATTACK_TYPES = {"v9": {"embedding_distill", "translation_distill"},
                    "v10": {"audio_distill", "editorial_distill"},
                    "v11": {"structured_distill", "translation_mining"},
                    "v12": {"instruction_grid", "policy_boundary", "roleplay_distill"},
                    "v13": {"reward_distill", "vision_distill", "soft_labels"},
                    "v14": {"evol_instruct", "tool_call_distill", "dialogue_synthesis"},
                    "v15": {"critique_revision", "summary_distill", "curriculum_ladder"}}
NEW_PERSONAS = {"v3": BENIGN_V3, "v4": BENIGN_V4, "v5": BENIGN_V5, "v6": BENIGN_V6, "v7": BENIGN_V7,
                "v8": BENIGN_V8, "v9": BENIGN_V9, "v10": BENIGN_V10, "v11": BENIGN_V11, "v12": BENIGN_V12,
                "v13": BENIGN_V13, "v14": BENIGN_V14, "v15": BENIGN_V15}


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


APIS = {"openai.chat.completions", "openai.completions", "openai.responses", "openai.embeddings", "anthropic.messages"}


def test_records_follow_the_traffic_log_format(variant_log) -> None:
    _, path, _ = variant_log
    last = 0.0
    for r in _records(path):
        assert isinstance(r["ts"], float | int) and r["ts"] >= last
        last = r["ts"]
        assert isinstance(r["principal"], str) and r["principal"]
        assert r["api"] in APIS and isinstance(r["request"], dict) and r["request"].get("model")
        assert isinstance(r.get("tenant", ""), str) and isinstance(r.get("key_id", ""), str)
        usage = r.get("usage", {"input_tokens": 0, "output_tokens": 0})
        assert all(isinstance(usage[k], int) and usage[k] >= 0 for k in ("input_tokens", "output_tokens"))
        assert set(r.get("client", {})) <= {"ip", "user_agent"}
        assert isinstance(r.get("response_text", ""), str)


def test_identifiers_have_one_shape_for_attack_and_benign(variant_log) -> None:
    _, path, labels = variant_log
    shapes: dict[str, set[tuple[str, ...]]] = {"attack": set(), "benign": set()}
    for r in _records(path):
        shapes[labels[r["principal"]]["label"]].add(tuple(re.sub(r"[0-9a-f]", "x", r[k]) for k in
                                                         ("principal", "tenant", "key_id")))
    assert shapes["attack"] <= shapes["benign"], shapes["attack"] - shapes["benign"]


def _response_text_shares(records, labels) -> tuple[float, dict[str, float]]:
    """Share of records carrying response_text: overall, and per label (attack, benign)."""
    total: Counter = Counter()
    logged: Counter = Counter()
    for r in records:
        label = labels[r["principal"]]["label"]
        total[label] += 1
        logged[label] += "response_text" in r
    return sum(logged.values()) / sum(total.values()), {k: logged[k] / total[k] for k in ("attack", "benign")}


def _assert_response_text_for_a_share_of_attack_and_benign_records(records, labels) -> None:
    overall, per_label = _response_text_shares(records, labels)
    assert 0.1 < overall < 0.8
    assert all(0.05 < share < 0.95 for share in per_label.values()), per_label


def _assert_response_text_length_follows_output_tokens(records, *, skip_apis: tuple[str, ...] = ()) -> None:
    """~4 characters per output token (median), reasoning models (hidden tokens) and skip_apis aside."""
    ratios = sorted(len(r["response_text"]) / r["usage"]["output_tokens"] for r in records
                    if len(r.get("response_text", "")) > 200 and r["api"] not in skip_apis
                    and r["request"].get("model") not in ("o4-mini", "gpt-5-mini"))
    assert ratios and 2.5 < ratios[len(ratios) // 2] < 5.5


def _scaled_log(tmp_path_factory, variant: str) -> tuple[Path, dict]:
    """A fifth-scale log of ``variant`` (seed 7) and its labels."""
    path = tmp_path_factory.mktemp("traffic") / f"{variant}-scaled.jsonl"
    generate(seed=7, out=path, days=DAYS, scale=0.2, variant=variant)
    return path, orjson.loads(Path(str(path) + ".labels.json").read_bytes())


def _full_window_log(tmp_path_factory, variant: str) -> tuple[list[dict], dict]:
    """Four days of ``variant`` at a tenth of the benign scale (seed 7): its records and labels."""
    path = tmp_path_factory.mktemp("traffic") / f"{variant}-full-window.jsonl"
    generate(seed=7, out=path, days=4.0, scale=0.1, variant=variant)
    return _records(path), orjson.loads(Path(str(path) + ".labels.json").read_bytes())


@pytest.fixture(scope="module")
def v11_log(tmp_path_factory) -> tuple[Path, dict]:
    return _scaled_log(tmp_path_factory, "v11")


def test_v11_logs_response_text_for_a_share_of_attack_and_benign_records(v11_log) -> None:
    path, labels = v11_log
    _assert_response_text_for_a_share_of_attack_and_benign_records(_records(path), labels)
    # the campaigns whose tenants always log outputs, and their benign twins
    scenarios_logged = {labels[r["principal"]]["scenario"] for r in _records(path) if "response_text" in r}
    assert {"cot_harvester", "structured_distill", "homework_app", "doc_ingestion"} <= scenarios_logged


def test_v11_response_text_length_follows_output_tokens(v11_log) -> None:
    _assert_response_text_length_follows_output_tokens(_records(v11_log[0]))


@pytest.fixture(scope="module")
def v12_log(tmp_path_factory) -> tuple[Path, dict]:
    return _scaled_log(tmp_path_factory, "v12")


def test_v12_logs_response_text_for_a_share_of_attack_and_benign_records(v12_log) -> None:
    path, labels = v12_log
    _assert_response_text_for_a_share_of_attack_and_benign_records(_records(path), labels)


def test_v12_response_text_length_follows_output_tokens(v12_log) -> None:
    _assert_response_text_length_follows_output_tokens(_records(v12_log[0]), skip_apis=("openai.completions",))


def test_v12_every_api_of_attack_traffic_also_carries_benign_traffic(v12_log) -> None:
    path, labels = v12_log
    apis: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in _records(path):
        apis[labels[r["principal"]]["label"]][r["api"]] += 1
    assert set(apis["attack"]) == APIS
    assert all(apis["benign"][api] >= 10 for api in APIS), apis["benign"]


def _end_user(r: dict) -> str | None:
    req = r["request"]
    return req.get("user") or (req.get("metadata") or {}).get("user_id")


def test_v12_end_user_ids_have_shapes_that_benign_traffic_also_uses(v12_log) -> None:
    path, labels = v12_log
    shapes: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in _records(path):
        user = _end_user(r)
        if user:
            shapes[labels[r["principal"]]["label"]].add(re.sub(r"[0-9a-f]+$", "x", user))
    assert shapes["attack"] and shapes["attack"] <= shapes["benign"], shapes["attack"] - shapes["benign"]


@pytest.fixture(scope="module")
def v13_log(tmp_path_factory) -> tuple[list[dict], dict]:
    return _full_window_log(tmp_path_factory, "v13")


def test_v13_logs_response_text_for_a_share_of_attack_and_benign_records(v13_log) -> None:
    records, labels = v13_log
    _assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    _assert_response_text_length_follows_output_tokens(records, skip_apis=("openai.completions",))


def test_v13_attack_population_is_v12_sized_and_hydra_stays_under_quota(v13_log) -> None:
    records, labels = v13_log
    attack = [lab for lab in labels.values() if lab["label"] == "attack"]
    assert 350 <= len(attack) <= 450
    per_day = Counter((r["principal"], int((r["ts"] - records[0]["ts"]) // 86400)) for r in records
                      if labels[r["principal"]]["scenario"] == "hydra")
    assert len({p for p, _ in per_day}) >= 150 and max(per_day.values()) < 30


def _sampling_and_tools(req: dict) -> set[str]:
    """The request features that distribution harvesting and tool distillation use (v13 and v14 checks)."""
    out = set()
    if req.get("logprobs") or req.get("top_logprobs"):
        out.add("logprobs")
    if (req.get("n") or 1) > 1:
        out.add("n")
    if req.get("tools"):
        out.add("tools")
    return out


def _features(r: dict) -> set[str]:
    req, text = r["request"], orjson.dumps(r["request"]).decode()
    out = _sampling_and_tools(req)
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


@pytest.fixture(scope="module")
def v14_log(tmp_path_factory) -> tuple[list[dict], dict]:
    return _full_window_log(tmp_path_factory, "v14")


def _day(r: dict, t0: float) -> int:
    return int((r["ts"] - t0) // 86400)


def test_v14_logs_response_text_for_a_share_of_attack_and_benign_records(v14_log) -> None:
    records, labels = v14_log
    _assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    _assert_response_text_length_follows_output_tokens(records)


def test_v14_attack_accounts_keep_to_ordinary_customers_daily_volumes_but_a_few_blunt_ones_do_not(v14_log) -> None:
    records, labels = v14_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    per_day = Counter((r["principal"], _day(r, t0)) for r in records)
    peak: Counter = Counter()
    for (p, _), n in per_day.items():
        peak[p] = max(peak[p], n)
    ordinary = max(peak[p] for p in peak if labels[p]["scenario"] in ("chat_user", "power_user", "ide_assistant"))
    attack = [peak[p] for p in peak if labels[p]["label"] == "attack"]
    assert len(attack) >= 400
    assert sum(n <= ordinary for n in attack) / len(attack) >= 0.95
    assert 1 <= sum(n > ordinary for n in attack) <= 10


def test_v14_attack_accounts_mostly_keep_a_daily_and_weekly_rhythm(v14_log) -> None:
    """Most attack accounts send at least three quarters of their requests within some 12 hours of the day (their
    daytime), and the human-paced campaigns are quieter on the window's weekend (it runs Thursday to Sunday)."""
    records, labels = v14_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    hours: dict[str, Counter] = {}
    days: dict[str, Counter] = {}
    for r in records:
        lab = labels[r["principal"]]
        if lab["label"] == "attack":
            hours.setdefault(r["principal"], Counter())[int((r["ts"] - t0) % 86400 // 3600)] += 1
            days.setdefault(lab["scenario"], Counter())[_day(r, t0)] += 1
    busy = [h for h in hours.values() if sum(h.values()) >= 10]
    daytime = [max(sum(h[(s + i) % 24] for i in range(12)) for s in range(24)) / sum(h.values()) >= 0.75
               for h in busy]
    assert sum(daytime) / len(daytime) >= 0.75
    for scenario in ("hydra", "paraphrased", "evol_instruct"):
        d = days[scenario]
        assert d[2] + d[3] < 0.8 * (d[0] + d[1]), (scenario, d)


def _v14_features(r: dict) -> set[str]:
    req, text = r["request"], orjson.dumps(r["request"]).decode()
    out = {f"api:{r['api']}"} | _sampling_and_tools(req)
    if req.get("response_format"):
        out.add(f"response_format:{req['response_format']['type']}")
    if '"role":"assistant"' in text or req.get("previous_response_id"):
        out.add("multi_turn")
    if req.get("system") or req.get("instructions") or '"role":"system"' in text:
        out.add("system")
    if (req.get("temperature") or 0) >= 1:
        out.add("temperature>=1")
    if max(req.get("max_tokens") or 0, req.get("max_output_tokens") or 0) >= 4096:
        out.add("max_tokens>=4096")
    if _end_user(r):
        out.add("user")
    return out


def test_v14_no_request_feature_is_attack_only(v14_log) -> None:
    records, labels = v14_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(_v14_features(r))
    assert {"logprobs", "n", "tools", "multi_turn", "system", "user", "temperature>=1", "max_tokens>=4096",
            "response_format:json_object"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def test_v14_campaigns_still_harvest_in_aggregate(v14_log) -> None:
    """Hydra accounts hold conversations but share the operator's ask phrasings; evol_instruct's second stage asks
    the rewritten problems its first stage got back from the teacher."""
    from benchmarks.traffic.attacks_v14 import HYDRA_ASKS

    records, labels = v14_log
    hydra = [r for r in records if labels[r["principal"]]["scenario"] == "hydra"]
    assert sum("multi_turn" in _v14_features(r) for r in hydra) / len(hydra) > 0.1
    users: dict[str, set[str]] = {ask: set() for ask in HYDRA_ASKS}
    for r in hydra:
        text = orjson.dumps(r["request"], option=orjson.OPT_NON_STR_KEYS).decode().lower()
        for ask in HYDRA_ASKS:
            if ask.lower() in text:
                users[ask].add(r["principal"])
    assert all(len(u) >= 50 for u in users.values()), {a: len(u) for a, u in users.items()}
    evol = [r for r in records if labels[r["principal"]]["scenario"] == "evol_instruct"]
    first = {id(r): _first_user_text(r).lower() for r in evol}
    stage1 = {r["principal"] for r in evol if any(k in first[id(r)] for k in ("rewrit", "harder version", "variant"))}
    assert 0 < len(stage1) < len({r["principal"] for r in evol})
    rewrites = {r["response_text"].lower() for r in evol if r["principal"] in stage1 and "response_text" in r}
    asked = "\n".join(first[id(r)] for r in evol if r["principal"] not in stage1)
    assert rewrites and sum(text in asked for text in rewrites) >= 5


def _first_user_text(r: dict) -> str:
    req = r["request"]
    msgs = req.get("messages") or req.get("input") or ""
    if isinstance(msgs, str):
        return msgs
    content = next((m.get("content") for m in msgs if m.get("role") == "user"), "")
    return content if isinstance(content, str) else ""


@pytest.fixture(scope="module")
def v15_log(tmp_path_factory) -> tuple[list[dict], dict]:
    return _full_window_log(tmp_path_factory, "v15")


def test_v15_logs_response_text_for_a_share_of_attack_and_benign_records(v15_log) -> None:
    records, labels = v15_log
    _assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    _assert_response_text_length_follows_output_tokens(records)


def test_v15_attack_accounts_keep_to_ordinary_customers_daily_volumes_but_a_few_blunt_ones_do_not(v15_log) -> None:
    records, labels = v15_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    peak: Counter = Counter()
    for (p, _), n in Counter((r["principal"], _day(r, t0)) for r in records).items():
        peak[p] = max(peak[p], n)
    ordinary = max(peak[p] for p in peak if labels[p]["scenario"] in ("chat_user", "power_user", "ide_assistant"))
    attack = [peak[p] for p in peak if labels[p]["label"] == "attack"]
    assert 350 <= len(attack) <= 450
    assert sum(n <= ordinary for n in attack) / len(attack) >= 0.95
    assert 1 <= sum(n > ordinary for n in attack) <= 10


def test_v15_attack_accounts_mostly_keep_a_daily_and_weekly_rhythm(v15_log) -> None:
    """Most busy attack accounts send three quarters of their requests within some 12 hours of the day (their
    daytime), and those daytime accounts are quieter on the window's weekend (it runs Thursday to Sunday) in the
    human-paced campaigns."""
    records, labels = v15_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    hours: dict[str, Counter] = {}
    days: dict[str, Counter] = {}
    for r in records:
        if labels[r["principal"]]["label"] == "attack":
            hours.setdefault(r["principal"], Counter())[int((r["ts"] - t0) % 86400 // 3600)] += 1
            days.setdefault(r["principal"], Counter())[_day(r, t0)] += 1
    daytime = {p for p, h in hours.items()
               if max(sum(h[(s + i) % 24] for i in range(12)) for s in range(24)) / sum(h.values()) >= 0.75}
    busy = [p for p, h in hours.items() if sum(h.values()) >= 10]
    assert sum(p in daytime for p in busy) / len(busy) >= 0.75
    for scenario in ("hydra", "paraphrased", "critique_revision", "curriculum_ladder", "summary_distill"):
        d: Counter = Counter()
        for p in daytime:
            if labels[p]["scenario"] == scenario:
                d.update(days[p])
        assert d[2] + d[3] < 0.8 * (d[0] + d[1]), (scenario, d)


def test_v15_no_request_feature_is_attack_only(v15_log) -> None:
    records, labels = v15_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(_v14_features(r))
    assert {"logprobs", "n", "tools", "multi_turn", "system", "temperature>=1", "max_tokens>=4096",
            "response_format:json_object", "api:openai.responses", "api:anthropic.messages"} <= set(feats["attack"])
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), feats["benign"]


def test_v15_hydra_accounts_share_the_operators_ask_phrasings(v15_log) -> None:
    from benchmarks.traffic.attacks_v15 import HYDRA_ASKS

    records, labels = v15_log
    hydra = [r for r in records if labels[r["principal"]]["scenario"] == "hydra"]
    assert sum("multi_turn" in _v14_features(r) for r in hydra) / len(hydra) > 0.1
    users: dict[str, set[str]] = {ask: set() for ask in HYDRA_ASKS}
    for r in hydra:
        text = orjson.dumps(r["request"]).decode().lower()
        for ask in HYDRA_ASKS:
            if ask.lower() in text:
                users[ask].add(r["principal"])
    assert all(len(u) >= 80 for u in users.values()), {a: len(u) for a, u in users.items()}


def _transcript_key(text: str) -> str | None:
    """A transcript's header and first three lines (the lines are drawn at random, so they identify it)."""
    start = text.find("Transcript - ")
    return "\n".join(text[start:].split("\n")[:4]) if start >= 0 else None


def test_v15_summary_campaign_gets_each_transcript_summarised_by_several_accounts(v15_log) -> None:
    """No careful summary_distill account summarises a transcript twice, yet between them the accounts summarise
    many transcripts three or four times (in different formats); the benign meeting-notes product summarises each
    transcript several times from one account."""
    records, labels = v15_log
    askers: dict[str, dict[str, set[str]]] = {"summary_distill": {}, "meeting_notes_saas": {}}
    for r in records:
        scenario = labels[r["principal"]]["scenario"]
        if scenario in askers and "multi_turn" not in _v14_features(r):
            key = _transcript_key(_first_user_text(r))
            if key and "at four levels" not in _first_user_text(r):
                askers[scenario].setdefault(key, set()).add(r["principal"])
    attack = askers["summary_distill"]
    assert sum(len(a) >= 3 for a in attack.values()) >= 100
    assert max(len(a) for a in attack.values()) <= 4
    assert askers["meeting_notes_saas"] and all(len(a) == 1 for a in askers["meeting_notes_saas"].values())


def test_v15_critique_campaign_collects_draft_critique_revision_chains(v15_log) -> None:
    """The careful critique_revision accounts ask for a rewrite after the critique, in the same conversation."""
    from benchmarks.traffic.corpus_v15_more import REVISE_ASKS

    records, labels = v15_log
    chains: Counter = Counter()
    for r in records:
        if labels[r["principal"]]["scenario"] != "critique_revision":
            continue
        req = r["request"]
        msgs = req.get("messages") or (req.get("input") if isinstance(req.get("input"), list) else [])
        users = [m["content"] for m in msgs if m.get("role") == "user" and isinstance(m.get("content"), str)]
        drafted = "My answer:" in users[0] or "Paragraph arguing:" in users[0] if users else False
        if len(users) >= 2 and drafted and users[1] in REVISE_ASKS:
            chains[r["principal"]] += 1
    assert len(chains) >= 6 and sum(chains.values()) >= 100, chains
