"""Blind traffic variant v27: the teacher through its newer surfaces, where the operator harvests through API
features other than plain chat. Reasoning comes back through the Responses API at high effort with detailed
summaries (store false, the encrypted reasoning handed back), chains of "expand step k" on previous_response_id, and
Anthropic thinking at maxed budgets under cached system blocks (reasoning_summary_harvest), with twins in an olympiad
coaching programme's students, a research team's agent and an evaluation lab running every effort; code infill comes
back through legacy completions with a suffix over a scraped code corpus split across accounts (fim_harvest), with
twins in an IDE product's autocomplete and a CI review bot; captions come back for one scraped image set in many
styles spread over accounts, by URL or as base64 (caption_harvest), with twins in an accessibility vendor's alt-text
service and an e-commerce catalogue; the careful cot_harvester accounts ask for the full proof like the students, the
careful hydra accounts are evening shifts on thinking and reasoning surfaces under the quota like the students, the
moderate sampling accounts sweep efforts like the lab, and the careful mixed_into_chat accounts slip a scraped photo
with "alt text for this?" into the second or third turn; no request feature, surface, model or end-user id shape is
attack-only, client metadata does not cluster attack accounts, the v27 languages occur in attack and benign traffic,
follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records alike. The
v27 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v27 in extraction_eval's DATASETS uses seed
360364), and generating it twice, or under another hash seed, gives the same bytes. (v3 ... v26:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.personas_v27 import BENIGN_V27
from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_every_scenario_emits_and_the_bytes_are_frozen,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_items_name_their_capability,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    assert_same_bytes_under_another_hash_seed,
    by_scenario,
    day_of,
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    small_log,
    system_prompt,
    user_texts,
)

ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "reasoning_summary_harvest", "fim_harvest", "caption_harvest"}
NEW_PERSONAS = {"ide_autocomplete", "alt_text_service", "research_agent", "support_bot", "code_review_bot",
                "catalogue_captioner", "olympiad_coaching", "reasoning_effort_lab", "multilingual_desk"}
SEED = 360364  # blind-v27's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v27 log at seed 360364, one day, scale 0.05 (the v27_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v27_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v27 set
# - seed 360364, four days, scale 1, 319,886 requests - hashed to
# 4b6e563b9e9e07d85ac6310c12f6174a20ad9a8d3a4c57944064849b8c3d2ed6 when it was written.)
FROZEN_SHA256 = "71c3bf158d70f820ca578ef290bbd42d0cf7a7492414c011d51b3160abd29580"
COMP = "openai.completions"
RESP = "openai.responses"
ANTH = "anthropic.messages"
CHAT = "openai.chat.completions"


@pytest.fixture(scope="module")
def v27_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v27", SEED)


@pytest.fixture(scope="module")
def v27_log() -> tuple[list[dict], dict]:
    return full_window_log("v27")


def test_v27_every_scenario_emits_traffic_and_the_set_is_frozen(v27_small) -> None:
    assert_every_scenario_emits_and_the_bytes_are_frozen(*v27_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V27, FROZEN_SHA256,
                                                        "v27")


def test_v27_the_bytes_do_not_depend_on_the_hash_seed(v27_small, tmp_path) -> None:
    assert_same_bytes_under_another_hash_seed(v27_small[0], "v27", SEED, tmp_path)


def test_v27_campaign_ids_labels_and_client_software_do_not_leak(v27_small) -> None:
    path, labels = v27_small
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith("v27-") for c in campaigns)
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert '"v27-' not in text and '"attack"' not in text
        r = orjson.loads(line)
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= agents["benign"]


def test_v27_logs_response_text_for_a_share_of_attack_and_benign_records(v27_log) -> None:
    records, labels = v27_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 400 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 480


def test_v27_items_name_their_capability_and_material_agrees_with_its_gold() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a file's holes put back
    together give the file; a planted bug changes its function; alt text stays under 125 characters."""
    import random

    from benchmarks.traffic import corpus_v27 as C
    from benchmarks.traffic import corpus_v27_docs as D

    assert_items_name_their_capability(C, 4)
    rng = random.Random(5)
    for _ in range(300):
        text, gold = D.code_file(rng)
        holes = D.holes(text)
        assert len(holes) >= 8 and all(pre + mid + suf == text for pre, suf, mid in holes)
        assert gold["path"].endswith(D.EXT[gold["lang"]]) and len(gold["names"]) == len(gold["archetypes"])
        scene = D.scene(rng)
        assert len(D.caption(scene, "alt")) <= 125 and scene["subject"] in D.caption(scene, "detailed")
        bug = C.buggy(rng)
        assert bug["code"] and bug["lang"] in D.PROG
    for _ in range(200):
        s = C.seed(rng, "debug")
        x = C.text(s, rng.randrange(3))
        assert s[2]["code"] in x and C.cap_of(x) == "debug"


# ---- surfaces ----
def image_parts(r: dict) -> list[dict]:
    """The image content parts of a request, in any dialect."""
    req = r["request"]
    msgs = req.get("messages") or (req.get("input") if isinstance(req.get("input"), list) else [])
    return [p for m in msgs if isinstance(m.get("content"), list) for p in m["content"]
            if isinstance(p, dict) and p.get("type") in ("image_url", "input_image", "image")]


def image_key(p: dict) -> tuple[str, bool]:
    """(what identifies the image: its URL or its base64 data, whether it came inline)."""
    if p["type"] == "image":
        src = p["source"]
        return (src["url"], False) if src["type"] == "url" else (src["data"], True)
    ref = p["image_url"]["url"] if p["type"] == "image_url" else p["image_url"]
    return (ref.split("base64,", 1)[1], True) if ref.startswith("data:") else (ref, False)


def surfaces(r: dict) -> set[str]:
    """The v27 surfaces a request uses."""
    req, out = r["request"], set()
    reasoning = req.get("reasoning") or {}
    if reasoning.get("effort"):
        out.add(f"effort:{reasoning['effort']}")
    if reasoning.get("summary"):
        out.add(f"summary:{reasoning['summary']}")
    if req.get("store") is False:
        out.add("store:false")
    if "reasoning.encrypted_content" in (req.get("include") or []):
        out.add("include:encrypted_reasoning")
    if req.get("previous_response_id"):
        out.add("previous_response_id")
    if isinstance(req.get("input"), list):
        out.add("input:items")
    if req.get("instructions"):
        out.add("instructions")
    if req.get("thinking"):
        out.add("thinking")
        out.update({"thinking>=16000"} if req["thinking"]["budget_tokens"] >= 16000 else set())
    if isinstance(req.get("system"), list) and any(b.get("cache_control") for b in req["system"]):
        out.add("cache_control")
    if "suffix" in req:
        out.add("suffix")
    for p in image_parts(r):
        out.add(f"image:{r['api']}:{'base64' if image_key(p)[1] else 'url'}")
        detail = p.get("detail") or (p.get("image_url") if isinstance(p.get("image_url"), dict) else {}).get("detail")
        out.update({"image:detail"} if detail else set())
    return out


def test_v27_no_surface_of_the_harvest_is_attack_only(v27_log) -> None:
    """Attack traffic uses every v27 surface (reasoning efforts and summaries, store false with the encrypted reasoning,
    previous_response_id, thinking up to a large budget, cached system blocks, suffixes, images by URL and inline in
    every dialect), and benign traffic uses each one the attack traffic uses, at least ten times."""
    records, labels = v27_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(surfaces(r))
    assert {"effort:low", "effort:medium", "effort:high", "summary:detailed", "summary:auto", "store:false",
            "include:encrypted_reasoning", "previous_response_id", "input:items", "thinking", "thinking>=16000",
            "cache_control", "suffix", f"image:{CHAT}:url", f"image:{CHAT}:base64", f"image:{ANTH}:url",
            f"image:{ANTH}:base64", f"image:{RESP}:url"} <= set(feats["attack"]), feats["attack"]
    assert all(feats["benign"][f] >= 10 for f in feats["attack"]), (feats["attack"], feats["benign"])


# ---- reasoning ----
def effort(r: dict) -> str | None:
    return (r["request"].get("reasoning") or {}).get("effort")


def budget(r: dict) -> int:
    return (r["request"].get("thinking") or {}).get("budget_tokens", 0)


def test_v27_reasoning_harvest_maxes_efforts_and_budgets_like_the_coaching_app_and_the_lab(v27_log) -> None:
    """Most reasoning_summary_harvest requests run at effort medium or high or with a thinking budget; the blunt ones
    at effort high with a detailed summary and store false, or at a 32,000-token budget under a cached system block,
    with outputs far above what the text shows; the moderate ones chain on previous_response_id. The students, the
    research agent and the lab use the same surfaces."""
    records, labels = v27_log
    rows = by_scenario(records, labels, "reasoning_summary_harvest")
    deep = [r for r in rows if effort(r) in ("medium", "high") or budget(r) >= 2048]
    assert len(deep) >= 0.8 * len(rows) and len({r["principal"] for r in rows}) == 40
    blunt = [r for r in rows if effort(r) == "high" and r["request"].get("store") is False and
             r["request"]["reasoning"].get("summary") == "detailed"]
    assert len(blunt) >= 2000 and all(r["request"]["max_output_tokens"] >= 16000 for r in blunt)
    maxed = [r for r in rows if budget(r) == 32000 and "cache_control" in str(r["request"].get("system"))]
    assert len(maxed) >= 500
    assert sorted(r["usage"]["output_tokens"] for r in maxed)[len(maxed) // 2] > 6000
    chained = [r for r in rows if r["request"].get("previous_response_id")]
    assert len(chained) >= 500 and len({r["principal"] for r in chained}) >= 8
    for twin, lo in (("olympiad_coaching", 50), ("research_agent", 200), ("reasoning_effort_lab", 100)):
        twin_rows = [r for r in by_scenario(records, labels, twin) if effort(r) == "high" or budget(r) >= 4096]
        assert len(twin_rows) >= lo, (twin, len(twin_rows))


def test_v27_careful_reasoners_stay_small_and_spread_over_surfaces(v27_log) -> None:
    records, labels = v27_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    rows = by_scenario(records, labels, "reasoning_summary_harvest")
    per_day = Counter((r["principal"], day_of(r, t0)) for r in rows)
    small = {p for p in {r["principal"] for r in rows} if max(n for (q, _), n in per_day.items() if q == p) < 60}
    assert len(small) >= 25
    apis = Counter(r["api"] for r in rows if r["principal"] in small)
    assert {ANTH, RESP, CHAT} <= set(apis), apis


def test_v27_effort_sweeps_come_minutes_apart_like_the_lab(v27_log) -> None:
    """The moderate sampling accounts send one item at effort low, medium and high within minutes; the lab sends each
    benchmark item at the three efforts (and the three thinking budgets) seconds apart."""
    records, labels = v27_log
    for scenario, lo in (("sampling", 50), ("reasoning_effort_lab", 25)):
        runs: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            if effort(r) and isinstance(r["request"]["input"], str):
                runs[(r["principal"], r["request"]["input"])].append((r["ts"], effort(r)))
        swept = [v for v in runs.values() if {e for _, e in v} == {"low", "medium", "high"} and
                 max(t for t, _ in v) - min(t for t, _ in v) <= 900]
        assert len(swept) >= lo, (scenario, len(swept))
    lab = Counter(budget(r) for r in by_scenario(records, labels, "reasoning_effort_lab") if budget(r))
    assert set(lab) == {1024, 4096, 16000}


# ---- infill ----
def test_v27_fim_harvest_walks_scraped_files_hole_by_hole_like_the_ide_product(v27_log) -> None:
    """fim_harvest sends completions with a suffix; the careful accounts name developers in `user` and split a file
    over accounts (the same file, by its first and last lines, seen by two or more of them); the IDE product's key
    sends suffix completions for many developers, some with logprobs like the blunt script."""
    records, labels = v27_log
    rows = [r for r in by_scenario(records, labels, "fim_harvest") if r["api"] == COMP]
    assert len(rows) >= 10000 and all("suffix" in r["request"] for r in rows)
    careful = [r for r in rows if end_user(r)]
    files: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in careful:
        pre, suf = r["request"]["prompt"], r["request"]["suffix"]
        if len(pre) > 150 and len(suf) > 150:
            files[(pre[:150], suf[-150:])].add(r["principal"])
    assert sum(len(v) >= 2 for v in files.values()) >= 100
    assert any(r["request"].get("logprobs") for r in rows)
    ide = [r for r in by_scenario(records, labels, "ide_autocomplete") if "suffix" in r["request"]]
    assert len(ide) >= 5000 and len({end_user(r) for r in ide}) >= 100
    assert sum(bool(r["request"].get("logprobs")) for r in ide) >= 1000
    chat_fim = [r for r in by_scenario(records, labels, "fim_harvest") if r["api"] != COMP]
    assert len(chat_fim) >= 200 and all("<FILL>" in first_user_text(r) or "<CURSOR>" in first_user_text(r)
                                        for r in chat_fim)


# ---- captions ----
def test_v27_one_image_set_is_captioned_in_many_styles_over_accounts_like_the_alt_text_service(v27_log) -> None:
    """caption_harvest sends image parts in all three dialects, by URL and inline; the blunt accounts take every
    caption style of an image in turn, the careful ones one style each, each image going to three or more of them;
    the alt-text service and the catalogue send image requests at volume, the catalogue with n=3."""
    from benchmarks.traffic.corpus_v27_docs import CAPTION_STYLES

    records, labels = v27_log
    rows = [r for r in by_scenario(records, labels, "caption_harvest") if image_parts(r)]
    assert len(rows) >= 5000 and {r["api"] for r in rows} == {CHAT, RESP, ANTH}
    asks: dict[str, set[str]] = defaultdict(set)
    takers: dict[str, set[str]] = defaultdict(set)
    styles_of: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        key = image_key(image_parts(r)[0])[0]
        text = " ".join(user_texts(r)) or str(r["request"])
        style = next((s for s, a in CAPTION_STYLES.items() if a.lower() in str(r["request"]).lower()), None)
        if r["request"].get("temperature") == 0 and r["api"] == CHAT:
            asks[key].add(style or text)
        else:
            takers[key].add(r["principal"])
            if style:
                styles_of[r["principal"]].add(style)
    assert sum(len(v) == len(CAPTION_STYLES) for v in asks.values()) >= 300
    assert sum(len(v) >= 3 for v in takers.values()) >= 200
    one_style = [p for p, v in styles_of.items() if len(v) == 1]
    assert len(one_style) >= 25
    for twin, lo in (("alt_text_service", 1000), ("catalogue_captioner", 500)):
        assert sum(bool(image_parts(r)) for r in by_scenario(records, labels, twin)) >= lo, twin
    assert sum(r["request"].get("n") == 3 for r in by_scenario(records, labels, "catalogue_captioner")) >= 300


# ---- the recurring families ----
def test_v27_hydra_stays_under_quota_and_opens_in_waves_like_the_students_stay_under_theirs(v27_log) -> None:
    """And the careful hydra accounts ask on thinking and reasoning surfaces."""
    records, labels = v27_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "olympiad_coaching")
    deep = {r["principal"] for r in by_scenario(records, labels, "hydra") if budget(r) or
            (effort(r) and r["request"].get("max_output_tokens") != 16000)}
    assert len(deep) >= 60


def test_v27_careful_cot_harvesters_ask_for_the_full_working_like_the_olympiad_students(v27_log) -> None:
    from benchmarks.traffic.attacks_v27 import COT_SYS
    from benchmarks.traffic.corpus_v27_more import CARD_ASKS

    records, labels = v27_log
    marks = [a.lower()[:24] for a in CARD_ASKS]
    for scenario, lo in (("cot_harvester", 200), ("olympiad_coaching", 30)):
        rows = [r for r in by_scenario(records, labels, scenario) if scenario != "cot_harvester" or
                COT_SYS not in system_prompt(r) and COT_SYS not in str(r["request"].get("system"))]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
        assert sum(any(m in first_user_text(r).lower() for m in marks) for r in rows) >= lo, scenario
    blunt = [r for r in by_scenario(records, labels, "cot_harvester") if effort(r) == "high" or budget(r) >= 16000]
    assert len(blunt) >= 1000


def test_v27_careful_mixed_into_chat_never_opens_with_a_caption_ask(v27_log) -> None:
    from benchmarks.traffic.attacks_v27 import ALT_ASKS

    records, labels = v27_log
    rows = by_scenario(records, labels, "mixed_into_chat")
    nightly = {r["principal"] for r in rows if r["api"] == COMP or r["request"].get("temperature") == 0.2}
    assert len(nightly) == 4
    marks = [a.lower()[:28] for a in ALT_ASKS]

    def texts(r: dict) -> list[str]:
        msgs = [m for m in r["request"].get("messages") or r["request"].get("input") or [] if isinstance(m, dict)
                and m.get("role") == "user"]
        return [str(m["content"]).lower() for m in msgs]

    later = 0
    for r in rows:
        if r["principal"] in nightly or r["api"] == COMP:
            continue
        ts = texts(r)
        assert not ts or not any(m in ts[0] for m in marks)
        later += any(m in t for t in ts[1:3] for m in marks) and bool(image_parts(r))
    assert later >= 50


def test_v27_agents_call_the_research_tools_in_attack_and_benign_traffic(v27_log) -> None:
    from benchmarks.traffic.corpus_v27_more import RESEARCH_SYS

    records, labels = v27_log
    for scenario, lo in (("agentic_distill", 500), ("research_agent", 300)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["request"].get("tools") and
                RESEARCH_SYS in str(r["request"])]
        assert len(rows) >= lo, scenario
        assert sum(bool(r["request"].get("previous_response_id")) for r in rows) >= 100, scenario


def test_v27_olympiad_students_stay_under_the_programme_quota(v27_log) -> None:
    records, labels = v27_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    rows = by_scenario(records, labels, "olympiad_coaching")
    per_day = Counter((r["principal"], day_of(r, t0)) for r in rows)
    assert per_day and max(per_day.values()) <= 25


def test_v27_no_request_feature_is_attack_only(v27_log) -> None:
    assert_no_request_feature_is_attack_only(*v27_log)


def test_v27_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v27_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v27_log)


def test_v27_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v27_log) -> None:
    records, labels = v27_log
    v27 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy",
           "reasoning_summary_harvest", "olympiad_coaching", "multilingual_desk", "support_bot", "research_agent"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v27], labels))


def test_v27_client_metadata_does_not_cluster_attack_accounts(v27_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v27_log, ("hydra", "paraphrased",
                                                                       "reasoning_summary_harvest", "fim_harvest",
                                                                       "caption_harvest"))


def test_v27_languages_occur_in_attack_and_benign_traffic(v27_log) -> None:
    from benchmarks.traffic.corpus_v27 import WRAP

    seen = languages_seen(*v27_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
