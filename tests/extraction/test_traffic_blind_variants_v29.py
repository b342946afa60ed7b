"""Blind traffic variant v29: the teacher as a rewriter, where the operator already holds the inputs (a web crawl,
scraped repositories, hours of recordings) and rents the teacher to turn each into the output its student should
learn to produce, the same content in another form, with no question and no reasoning ask. Scraped pages are
rephrased in the four styles of the public rephrasing recipes, the blunt scripts sending every page in all four
seconds apart and the careful accounts spreading a page's styles over four keys (web_rephrase), with twins in a
publisher's CMS that sends every article in three or four formats seconds apart and a docs team migrating its
intranet page by page; scraped files get a synthetic lazy edit merged into the whole updated file, with the file as a
predicted output (apply_edit), with twins in a code editor's apply button and a platform team's overnight codemod;
speech-recognition output is cleaned segment by segment, each segment after the one before came back
(transcript_cleanup), with twins in a podcast tool and a meeting recorder; the careful cot_harvester accounts ask for
the reason behind each change like an editing course's students, the careful hydra accounts are evening shifts under
the quota like the students, the sampling accounts draw five rewrites at once and sweep temperatures like a
copywriting tool, the careful mixed_into_chat accounts ask for a rewrite in the second or third turn, and the agent is
a docs-migration agent like the docs team's own; no request field, surface, model or end-user id shape is
attack-only, client metadata does not cluster attack accounts, the v29 languages occur in attack and benign traffic,
follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records alike.
The v29 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v29 in extraction_eval's DATASETS
uses seed 694545), and generating it under another hash seed gives the same bytes. (v3 ... v28:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic.personas_v29 import BENIGN_V29
from tests.extraction.blind_traffic import (
    assert_agents_call_the_tools,
    assert_campaign_ids_and_labels_do_not_leak,
    assert_careful_chat_asks_later,
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
    assert_temperature_sweeps_and_batches,
    by_scenario,
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
                "web_rephrase", "apply_edit", "transcript_cleanup"}
NEW_PERSONAS = {"newsroom_explainers", "kb_migration", "ide_apply", "codemod_bot", "podcast_studio",
                "meeting_notes_app", "editing_course", "copy_variants", "localisation_desk"}
SEED = 694545  # blind-v29's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v29 log at seed 694545, one day, scale 0.05 (the v29_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v29_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v29 set
# - seed 694545, four days, scale 1, 265,740 requests - hashed to
# 715895bf38aae6f6669cf480073e52f926fc7e6a76567fcf70356caa1fc3f601 when it was written.)
FROZEN_SHA256 = "39326d7446fe30862e333e17b4a0682e0718c14b91e0d79f9f297c4e6617f44e"
RESP = "openai.responses"
ANTH = "anthropic.messages"
CHAT = "openai.chat.completions"


@pytest.fixture(scope="module")
def v29_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v29", SEED)


@pytest.fixture(scope="module")
def v29_log() -> tuple[list[dict], dict]:
    return full_window_log("v29")


def test_v29_every_scenario_emits_traffic_and_the_set_is_frozen(v29_small) -> None:
    assert_every_scenario_emits_and_the_bytes_are_frozen(*v29_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V29, FROZEN_SHA256,
                                                        "v29")


def test_v29_the_bytes_do_not_depend_on_the_hash_seed(v29_small, tmp_path) -> None:
    assert_same_bytes_under_another_hash_seed(v29_small[0], "v29", SEED, tmp_path)


def test_v29_campaign_ids_and_labels_do_not_leak(v29_small) -> None:
    assert_campaign_ids_and_labels_do_not_leak(*v29_small, "v29")


def test_v29_client_software_of_attack_accounts_comes_from_the_table_benign_accounts_draw_from(v29_log) -> None:
    """Every account's client software is drawn from the one table (context.USER_AGENTS) with the same weights; the
    benign accounts of the full window use most of the table, and the attack accounts nothing outside it."""
    from benchmarks.traffic.context import USER_AGENTS

    records, labels = v29_log
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for r in records:
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= set(USER_AGENTS)
    assert len(agents["benign"] & set(USER_AGENTS)) >= 6, agents


def test_v29_logs_response_text_for_a_share_of_attack_and_benign_records(v29_log) -> None:
    records, labels = v29_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 400 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v29_items_name_their_capability_and_the_sources_agree_with_themselves() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a lazy edit sits between two
    '... existing code ...' comments and its merged file is the original with exactly the new line added; a raw
    transcript has one line per clean line when the engine tags speakers; a scraped page carries its body."""
    import random

    from benchmarks.traffic import corpus_v29 as C
    from benchmarks.traffic import corpus_v29_src as S

    assert_items_name_their_capability(C, 4)
    assert set(C.WRAP) == set(C.LANG_NAMES) == set(C.LANGS[1:]) and len(C.WRAP) == 6
    rng = random.Random(11)
    for _ in range(300):
        file, edit, g = S.lazy_edit(rng)
        assert edit.count("... existing code ...") == 2 and g["line"] in edit
        before, after = file.split("\n"), g["merged"].split("\n")
        assert len(after) == len(before) + 1 and [ln for ln in after if ln.strip() != g["line"]] == before
        raw, tg = S.transcript(rng, turns=rng.randint(3, 9), tags=rng.randrange(1, 3))
        assert len(raw.split("\n")) == len(tg["clean"].split("\n"))
        text, pg = S.page(rng)
        assert pg["body"] in text and pg["topic"] in S.TOPICS and pg["body"].count("\n\n") <= 2


# ---- request fields and surfaces ----
JOB_MARKS = {"rephrase": "high-quality English language as in sentences on Wikipedia", "apply": "... existing code ...",
             "clean": "Segment "}


def fields(r: dict) -> set[str]:
    """The request's top-level fields, with the kinds of its output formats, predicted outputs, system blocks and
    reasoning."""
    req = r["request"]
    out = {f"{r['api']}:{k}" for k in req}
    if req.get("response_format"):
        out.add(f"response_format:{req['response_format']['type']}")
    if isinstance(req.get("system"), list) and any(b.get("cache_control") for b in req["system"]):
        out.add("cache_control")
    if req.get("thinking"):
        out.add("thinking")
    if (req.get("reasoning") or {}).get("effort"):
        out.add(f"effort:{req['reasoning']['effort']}")
    if (req.get("prediction") or {}).get("type"):
        out.add("prediction")
    return out


def test_v29_no_request_field_or_surface_is_attack_only(v29_log) -> None:
    """Attack traffic uses the fields of the rewriting jobs (predicted outputs, n with logprobs, cached system blocks,
    reasoning, previous_response_id, tools on all three APIs), and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    records, labels = v29_log
    feats: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        feats[labels[r["principal"]]["label"]].update(fields(r))
    assert {"prediction", f"{CHAT}:n", f"{CHAT}:logprobs", f"{RESP}:previous_response_id", "cache_control",
            "thinking", "effort:high", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:temperature"} \
        <= set(feats["attack"]), feats["attack"]
    missing = {f: feats["benign"][f] for f in feats["attack"] if feats["benign"][f] < 10}
    assert not missing, missing


# ---- web_rephrase ----
def rephrased_page(r: dict) -> str | None:
    """The scraped page or article a rephrasing request carries (the text after its instruction), if any."""
    from benchmarks.traffic import corpus_v29_src as S
    from benchmarks.traffic.personas_v29 import NEWS_ASKS

    x = first_user_text(r)
    head, _, rest = x.partition("\n\n")
    if head in S.REPHRASE.values() or head in NEWS_ASKS.values():
        return rest
    m = re.search(r"(?:^|\n)((?:Home \||Skip to content\n|HOME  ).*)", x, re.S)
    return m.group(1) if m else None


def test_v29_pages_go_out_in_several_formats_on_one_key_or_over_four_keys(v29_log) -> None:
    """The blunt web_rephrase scripts and the newsroom send each text in three or four formats within a minute on one
    key (within two minutes); many pages of the careful web_rephrase accounts go to four different accounts (each once,
    the others lost to everyday sessions or the window's end), hours apart,
    while the newsroom and the docs team never send a text from two keys."""
    records, labels = v29_log
    for scenario, lo, need in (("web_rephrase", 4000, 4), ("newsroom_explainers", 300, 3)):
        seen: dict[tuple[str, str], list[float]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            if (pg := rephrased_page(r)) is not None:
                seen[(r["principal"], pg)].append(r["ts"])
        bursts = [ts for ts in seen.values() if len(ts) >= need and max(ts) - min(ts) < 120]
        assert len(bursts) * need >= lo, (scenario, len(bursts))
    keys: dict[str, dict[str, list[tuple[str, float]]]] = {s: defaultdict(list) for s in
                                                            ("web_rephrase", "newsroom_explainers", "kb_migration")}
    for scenario, pages in keys.items():
        for r in by_scenario(records, labels, scenario):
            if len(user_texts(r)) == 1 and (pg := rephrased_page(r)) is not None:
                pages[pg].append((r["principal"], r["ts"]))
    spread = [v for v in keys["web_rephrase"].values() if len({p for p, _ in v}) >= 2]
    assert sum(len({p for p, _ in v}) == 4 == len(v) for v in spread) >= 50, len(spread)
    assert all(max(t for _, t in v) - min(t for _, t in v) >= 2 * 3600 * 3 for v in spread if len(v) == 4)
    assert not any(len({p for p, _ in v}) >= 2 for s in ("newsroom_explainers", "kb_migration")
                   for v in keys[s].values())
    assert len(keys["kb_migration"]) >= 30 and len(keys["newsroom_explainers"]) >= 100


# ---- apply_edit ----
def apply_rows(records: list[dict], labels: dict, scenario: str) -> list[dict]:
    """The scenario's requests that carry an edit to merge (the editor's chat turns carry the file only)."""
    return [r for r in by_scenario(records, labels, scenario) if JOB_MARKS["apply"] in first_user_text(r)]


def test_v29_edits_come_back_as_whole_files_with_predicted_outputs_in_attack_and_benign_traffic(v29_log) -> None:
    """apply_edit, the editor and the codemod send a file and an edit and get the whole file back, one debug line
    longer (where logged), often with the file as a predicted output; the blunt scripts send each file three times in
    a row, the careful accounts' files go to three accounts, the editor's and the codemod's stay on one key; the
    editor's apply follows its chat turn on the same file within seconds."""
    records, labels = v29_log
    files: dict[str, dict[str, set[str]]] = {}
    logged = []
    for scenario, lo in (("apply_edit", 8000), ("ide_apply", 500), ("codemod_bot", 200)):
        rows = apply_rows(records, labels, scenario)
        assert len(rows) >= lo, (scenario, len(rows))
        assert sum(bool(r["request"].get("prediction")) for r in rows) >= 0.3 * len(rows), scenario
        logged += [r["response_text"] for r in rows if "response_text" in r]
        pred = [r for r in rows if r["request"].get("prediction")]
        assert all(r["request"]["prediction"]["content"] in first_user_text(r) for r in pred), scenario
        files[scenario] = defaultdict(set)
        for r in rows:
            m = re.search(r"<code>\n(.*?)\n</code>|```\n(.*?)\n```", first_user_text(r), re.S)
            if m:
                files[scenario][m.group(1) or m.group(2)].add(r["principal"])
    assert logged and all(" called" in t for t in logged)
    assert sum(len(v) == 3 for v in files["apply_edit"].values()) >= 100
    assert not any(len(v) >= 2 for s in ("ide_apply", "codemod_bot") for v in files[s].values())
    blunt = Counter()
    for r in apply_rows(records, labels, "apply_edit"):
        if r["request"].get("prediction"):
            blunt[(r["principal"], r["request"]["prediction"]["content"])] += 1
    assert sum(n >= 3 for n in blunt.values()) >= 1000
    chat_then_apply = 0
    last_chat: dict[str, tuple[float, str]] = {}
    for r in by_scenario(records, labels, "ide_apply"):
        x = first_user_text(r)
        if JOB_MARKS["apply"] in x and r["principal"] in last_chat:
            t, file = last_chat[r["principal"]]
            chat_then_apply += r["ts"] - t < 30 and file.split("\n", 1)[1][:200] in x
        elif "coding assistant inside a code editor" in system_prompt(r):
            last_chat[r["principal"]] = (r["ts"], x)
    assert chat_then_apply >= 500


# ---- transcript_cleanup ----
SEGMENT = re.compile(r"Segment (\d+) of (\d+):\n")


def test_v29_transcripts_are_cleaned_segment_by_segment_in_attack_and_benign_traffic(v29_log) -> None:
    """transcript_cleanup, the podcast tool and the meeting recorder send a recording's segments in order, the next
    within seconds of the one before; the careful transcript_cleanup accounts' recordings go to two accounts, the
    twins' recordings stay on one key; the reply, where logged, is the clean text with speaker labels."""
    from benchmarks.traffic.corpus_v29_src import CLEAN_SYS

    records, labels = v29_log
    logged = []
    for scenario, lo in (("transcript_cleanup", 4000), ("podcast_studio", 1000), ("meeting_notes_app", 300)):
        rows = [r for r in by_scenario(records, labels, scenario) if CLEAN_SYS in str(system_prompt(r))]
        assert len(rows) >= lo, (scenario, len(rows))
        last: dict[tuple[str, str | None], tuple[float, int]] = {}
        gaps, in_order = [], 0
        for r in rows:
            m = SEGMENT.search(first_user_text(r))
            if not m:
                continue
            i, key = int(m.group(1)), (r["principal"], end_user(r))
            if i > 1 and key in last:
                t, j = last[key]
                in_order += j == i - 1
                gaps.append(r["ts"] - t)
            last[key] = (r["ts"], i)
        assert len(gaps) >= 0.5 * len(rows) and in_order >= 0.9 * len(gaps), scenario
        assert sorted(gaps)[len(gaps) // 2] < 30, scenario
        logged += [r["response_text"] for r in rows if "response_text" in r]
    assert logged and all(t.startswith("Speaker ") for t in logged)
    spread: dict[str, dict[str, set[str]]] = {s: defaultdict(set) for s in ("transcript_cleanup", "podcast_studio",
                                                                           "meeting_notes_app")}
    for scenario, recs in spread.items():
        for r in by_scenario(records, labels, scenario):
            x = first_user_text(r)
            raw = SEGMENT.split(x)[-1] if SEGMENT.search(x) else x.split("\n\n", 1)[-1] if "transcript" in x else None
            if raw:
                recs[raw].add(r["principal"])
    assert sum(len(v) == 2 for v in spread["transcript_cleanup"].values()) >= 300
    assert not any(len(v) >= 2 for s in ("podcast_studio", "meeting_notes_app") for v in spread[s].values())


# ---- the recurring families ----
def test_v29_hydra_stays_under_quota_and_opens_in_waves_like_the_students_stay_under_theirs(v29_log) -> None:
    records, labels = v29_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "editing_course", min_twin_accounts=4)
    deep = {r["principal"] for r in by_scenario(records, labels, "hydra") if r["request"].get("thinking") or
            ((r["request"].get("reasoning") or {}).get("effort") and r["request"].get("max_output_tokens") != 16000)}
    assert len(deep) >= 60


def test_v29_careful_cot_harvesters_ask_for_the_reasons_like_the_course_students(v29_log) -> None:
    from benchmarks.traffic.attacks_v29 import COT_SYS
    from benchmarks.traffic.corpus_v29 import WHY_ASKS

    records, labels = v29_log
    marks = [a.lower()[:24] for a in WHY_ASKS]
    for scenario, lo in (("cot_harvester", 200), ("editing_course", 30)):
        rows = [r for r in by_scenario(records, labels, scenario) if COT_SYS not in str(system_prompt(r))]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
        assert sum(any(m in first_user_text(r).lower() for m in marks) for r in rows) >= lo, scenario
    blunt = [r for r in by_scenario(records, labels, "cot_harvester") if
             (r["request"].get("reasoning") or {}).get("effort") == "high" or
             (r["request"].get("thinking") or {}).get("budget_tokens", 0) >= 16000]
    assert len(blunt) >= 1000


def test_v29_careful_mixed_into_chat_never_opens_with_a_rewrite_and_asks_one_later(v29_log) -> None:
    from benchmarks.traffic.corpus_v29 import cap_of

    records, labels = v29_log
    rows = [r for r in by_scenario(records, labels, "mixed_into_chat") if r["api"] != RESP]
    nightly = {r["principal"] for r in rows if "You merge code edits" in str(system_prompt(r)) or
               "You clean up speech-recognition" in str(system_prompt(r))}
    assert len(nightly) == 4
    assert_careful_chat_asks_later(rows, nightly, cap_of)


def test_v29_agents_call_the_migration_tools_in_attack_and_benign_traffic(v29_log) -> None:
    assert_agents_call_the_tools(*v29_log, "save_draft", {"agentic_distill": 500, "kb_migration": 50},
                                 ("agentic_distill", "kb_migration"), {CHAT, ANTH, RESP})


def test_v29_temperature_sweeps_and_several_rewrites_at_once_like_the_copy_tool(v29_log) -> None:
    """The moderate sampling accounts send one item at three temperatures within minutes, the copy tool one text at
    three; the blunt sampling accounts take five rewrites at once with logprobs, the copy tool four."""
    assert_temperature_sweeps_and_batches(*v29_log, {"sampling": 50, "copy_variants": 5}, min_n=4)


def test_v29_no_request_feature_is_attack_only(v29_log) -> None:
    assert_no_request_feature_is_attack_only(*v29_log)


def test_v29_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v29_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v29_log)


def test_v29_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v29_log) -> None:
    records, labels = v29_log
    v29 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy", "web_rephrase",
           "editing_course", "kb_migration", "newsroom_explainers", "localisation_desk"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v29], labels))


def test_v29_client_metadata_does_not_cluster_attack_accounts(v29_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v29_log, ("hydra", "paraphrased", "web_rephrase",
                                                                       "apply_edit", "transcript_cleanup"))


def test_v29_languages_occur_in_attack_and_benign_traffic(v29_log) -> None:
    from benchmarks.traffic.corpus_v29 import WRAP

    seen = languages_seen(*v29_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen


def test_v29_end_users_of_the_careful_accounts_look_like_the_products(v29_log) -> None:
    """The careful apply_edit and transcript_cleanup accounts name their users the way the editor (u_{h}) and the
    meeting recorder (sess_{h}) do, on most of their requests."""
    records, labels = v29_log
    for attack, twin, prefix in (("apply_edit", "ide_apply", "u_"), ("transcript_cleanup", "meeting_notes_app",
                                                                     "sess_")):
        for scenario in (attack, twin):
            users = [end_user(r) or "" for r in by_scenario(records, labels, scenario)]
            named = sum(u.startswith(prefix) for u in users)
            assert named >= (0.1 if scenario == attack else 0.9) * len(users), (scenario, named, len(users))
