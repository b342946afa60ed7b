"""Blind traffic variant v34: long-form writing and summarisation, where the operator grows its student's
summarisation, drafting and rewriting data out of the teacher. The same pasted article summarised at every length and
style - a sentence, an abstract, bullets, for a child - dealt over accounts (summary_ladder), as a newsroom's summary
desk writes each story's one-liner, abstract and bullets, a newsletter service its nightly digests and a podcast app
its show notes; an outline pasted and expanded section by section into long prose across many topics
(outline_expand), as a publishing house's editors draft chapters and a content agency its clients' blog posts; one
passage rewritten into many registers, a grid of passage x register (style_transfer), as an accessibility team writes
easy-read versions, a legal-ops team moves notices between legal and plain English and a school's writing class
(one key a student, shared readings) does its exercises. The careful cot_harvester accounts ask why a piece was
written that way like the editors and the legal team, the careful hydra accounts are evening shifts under the quota
like the class, the sampling accounts draw five sets of headlines at once and sweep temperatures like the agency,
the careful mixed_into_chat accounts bring an item up in the second or third turn, and the agent is an editorial
agent like the summary desk's own. Nothing in the corpus is harmful. No request field, surface, model or end-user id
shape is attack-only, client metadata does not cluster attack accounts, the v34 languages occur in attack and benign
traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack and benign records
alike. The v34 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v34 in extraction_eval's
DATASETS uses seed 816170), and generating it under another hash seed gives the same bytes. (v3 ... v33:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v34 import BENIGN_V34
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 816170  # blind-v34's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v34 log at seed 816170, one day, scale 0.05 (the v34_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v34_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v34 set
# - seed 816170, four days, scale 1, 231,105 requests, 1,204 accounts, 407 of them attack accounts - hashed to
# 0135ac7bc96e44a3b98097807be6a1d1c0054af77b86070dbf452dc18ed1353c when it was written.)
FROZEN_SHA256 = "3e2b0134a067fe88effe0e72cad872b5352d51318cece8c35f241c74dfc1ac8a"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "summary_ladder", "outline_expand", "style_transfer"}
NEW_PERSONAS = {"summary_desk", "newsletter", "publisher", "content_agency", "writing_class", "easy_read", "legal_ops",
                "podcast_notes"}
OUTLINE_LINE = re.compile(r"^\d\. (.+) \| (.+)$", re.M)  # a pasted outline's section: its heading, then its points
PASSAGE_RX = [re.compile(re.escape(p).replace(r"\{name\}", r"\w+").replace(r"\{day\}", r"\w+")) for p in S.PASSAGES]


@pytest.fixture(scope="module")
def v34_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v34")


@pytest.fixture(scope="module")
def v34_pasted(v34_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v34_src.blocks), by the record's index."""
    return B2.pasted(v34_log[0], S.blocks)


@pytest.fixture(scope="module")
def v34_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v34", SEED)


def test_v34_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v34_small) -> None:
    B.assert_frozen_and_no_label_leaks(v34_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V34, FROZEN_SHA256, "v34")


def test_v34_the_bytes_do_not_depend_on_the_hash_seed(v34_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v34_small[0], "v34", SEED, tmp_path)


def test_v34_logs_response_text_for_a_share_of_attack_and_benign_records(v34_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object."""
    parsed = B.assert_logged_replies(*v34_log, (395, 420))
    assert parsed["attack"] >= LOW["json_a"] and parsed["benign"] >= LOW["json_b"], parsed


def test_v34_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; an article's four summaries differ in length (a sentence shortest, the bullets
    longest) and the abstract and bullets hold only its sentences; an expanded section follows its outline's points in
    order and no other section's; a rewrite keeps the passage's facts between its register's opening and closing; the
    pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v34")
    rng = random.Random(34)
    for _ in range(500):
        art = S.article(rng)
        sums = {st: S.summarise(art, st) for st in S.STYLE_NAMES}
        assert len({len(x) for x in sums.values()}) == 4, sums
        assert min(sums.values(), key=len) == sums["one-line"] and max(sums.values(), key=len) == sums["bullets"]
        assert all(line[2:] in art["lines"] for line in sums["bullets"].split("\n"))
        out, j = S.outline(rng), rng.randrange(4)
        prose = S.expand(rng, out, j)
        head, points = out["sections"][j]
        assert prose.startswith(f"## {head}\n\n") and follows(prose, points)
        assert not any(p in prose for k, (_, ps) in enumerate(out["sections"]) if k != j for p in ps if p not in points)
        p, reg = S.passage(rng), rng.choice(S.REGISTER_NAMES)
        new = S.restyle(p, reg)
        assert new.startswith(S.REGISTERS[reg][0]) and new.endswith(S.REGISTERS[reg][1])
        assert all(line in new for line in p["lines"])
        x = f"hi\n\n{S.outline_layout(out, j)}\n\n{rng.choice(S.ARTICLE_HEADS)}: {art['text']}"
        assert S.blocks(x) == {"outline": out["title"], "section": head, "article": art["text"]}


def follows(prose: str, points: tuple[str, ...]) -> bool:
    """The prose takes up each point (its first letter capitalised) in the given order."""
    at = [prose.find(p[0].upper() + p[1:]) for p in points]
    return -1 not in at and at == sorted(at)


def test_v34_no_request_field_or_surface_is_attack_only(v34_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v34_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


# ---- summary_ladder ----
def test_v34_one_articles_summaries_differ_in_length_and_climb_the_ladder(v34_log, v34_pasted) -> None:
    """Every logged summary of a pasted article (JSON, whichever tenants log) is as long as its style makes it - for
    one article the one-line shortest and the bullets longest, the bullets and the abstract made of the article's own
    sentences; the blunt summary_ladder scripts and the summary desk send three or more rungs of one article within a
    minute, and the careful accounts' articles reach several accounts each."""
    records, labels = v34_log
    lengths: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    runs: dict[tuple[str, str], list[float]] = defaultdict(list)
    takers: dict[str, set[str]] = defaultdict(set)
    logged: Counter = Counter()
    for i, hit in v34_pasted.items():
        r = records[i]
        if "article" not in hit or not C.cap_of(B.user_texts(r)[0]) == "summary":
            continue
        runs[(r["principal"], hit["article"])].append(r["ts"])
        takers[hit["article"]].add(r["principal"])
        if (obj := B2.logged_json(r)) and "style" in obj:
            lengths[hit["article"]][obj["style"]].add(len(obj["summary"]))
            if obj["style"] in ("abstract", "bullets"):
                assert all(x in hit["article"] for x in re.split(r"(?<=\.) |\n", obj["summary"].replace("- ", "")))
            logged[labels[r["principal"]]["label"]] += 1
    assert logged["attack"] >= LOW["sum_a"] and logged["benign"] >= LOW["sum_b"], logged
    for styles in lengths.values():
        if len(styles) >= 3:
            seen = {st: max(n) for st, n in styles.items()}
            assert len(set(seen.values())) == len(seen), seen
            assert all(seen.get("one-line", 0) <= n <= seen.get("bullets", 10**6) for n in seen.values()), seen
    climbs: Counter = Counter()
    for (p, _), ts in runs.items():
        ts.sort()
        climbs[labels[p]["scenario"]] += any(ts[j + 2] - ts[j] < 60 for j in range(len(ts) - 2))
    assert climbs["summary_ladder"] >= LOW["climb_a"] and climbs["summary_desk"] >= LOW["climb_b"], climbs
    spread = sum(sum(labels[p]["scenario"] == "summary_ladder" for p in ps) >= 3 for ps in takers.values())
    assert spread >= LOW["spread"], spread


# ---- outline_expand ----
def test_v34_expanded_sections_follow_their_outline(v34_log, v34_pasted) -> None:
    """Every logged reply to a pasted outline and a section is that section: its heading, then its points in the
    outline's order; the blunt outline_expand scripts and the agency expand all four sections of an outline within
    minutes, and outlines of every topic are expanded in attack and benign traffic."""
    records, labels = v34_log
    done: Counter = Counter()
    whole: Counter = Counter()
    topics: dict[str, set[str]] = defaultdict(set)
    per: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, hit in v34_pasted.items():
        r = records[i]
        if "outline" not in hit:
            continue
        secs = dict(OUTLINE_LINE.findall(B.user_texts(r)[0]))
        lab = labels[r["principal"]]
        topics[lab["label"]].add(hit["outline"])
        per[(r["principal"], hit["outline"])].add(hit["section"])
        if "response_text" in r:
            assert r["response_text"].startswith(f"## {hit['section']}\n\n"), r["response_text"][:80]
            assert follows(r["response_text"], tuple(secs[hit["section"]].split("; ")))
            done[lab["label"]] += 1
    assert done["attack"] >= LOW["exp_a"] and done["benign"] >= LOW["exp_b"], done
    assert len(topics["attack"]) == len(topics["benign"]) == len(S.TOPICS), topics
    for (p, _), got in per.items():
        whole[labels[p]["scenario"]] += len(got) == 4
    assert whole["outline_expand"] >= LOW["whole_a"] and whole["content_agency"] >= LOW["whole_b"], whole


# ---- style_transfer ----
def cell(text: str) -> tuple[int, str] | None:
    """The (passage, register) a restyle request asks for: the passage template its pasted text fills and the one
    register named in its ask."""
    hit = S.blocks(text).get("passage")
    regs = [g for g in S.REGISTER_NAMES if re.search(rf"\b{re.escape(g)}\b", text.split("\n\n")[0])]
    ks = [k for k, rx in enumerate(PASSAGE_RX) if hit and rx.fullmatch(hit)]
    return (ks[0], regs[0]) if len(regs) == 1 and len(ks) == 1 else None


def test_v34_style_transfer_covers_the_passage_by_register_grid(v34_log, v34_pasted) -> None:
    """The style_transfer accounts ask for every cell of the passage x register grid, the benign twins (easy-read,
    legal ops, the writing class) for cells too; every logged rewrite opens and closes as its register does and keeps
    the passage's sentences."""
    records, labels = v34_log
    cells: dict[str, set] = defaultdict(set)
    kept: Counter = Counter()
    for i, hit in v34_pasted.items():
        r = records[i]
        if "passage" not in hit or not (got := cell(B.user_texts(r)[0])):
            continue
        cells[labels[r["principal"]]["scenario"]].add(got)
        if "response_text" in r:
            obj = B2.logged_json(r)
            new = obj["text"] if obj else r["response_text"].split("\n\n\n")[0]
            first, last = S.REGISTERS[got[1]]
            assert new.startswith(first) and last in new, (got, new[:80])
            assert all(x in new for x in re.split(r"(?<=\.) ", hit["passage"])), (hit, new)
            kept[labels[r["principal"]]["label"]] += 1
    assert len(cells["style_transfer"]) == len(S.PASSAGES) * len(S.REGISTER_NAMES), len(cells["style_transfer"])
    assert all(len(cells[s]) >= LOW["twin_cells"] for s in ("easy_read", "legal_ops", "writing_class")), {
        s: len(c) for s, c in cells.items()}
    assert kept["attack"] >= LOW["kept_a"] and kept["benign"] >= LOW["kept_b"], kept


# ---- the recurring families ----
def test_v34_careful_cot_harvesters_ask_why_like_the_editors_and_the_legal_team(v34_log) -> None:
    from benchmarks.traffic.attacks_v34 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v34_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "publisher": LOW["why_p"],
                                                                          "legal_ops": LOW["why_l"]})


def test_v34_hydra_stays_under_quota_and_opens_in_waves_like_the_writing_class(v34_log) -> None:
    records, labels = v34_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "writing_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v34_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v34_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v34_log, C.asks_harvest)


def test_v34_agents_call_the_submit_tool_in_attack_and_benign_traffic(v34_log) -> None:
    B.assert_agents_call_the_tools(*v34_log, "submit_summary", {"agentic_distill": LOW["agent_a"],
                                                                "summary_desk": LOW["agent_b"]},
                                 ("agentic_distill", "summary_desk"), {CHAT, ANTH, RESP})


def test_v34_temperature_sweeps_and_several_samples_at_once_like_the_agency(v34_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v34_log, {"sampling": LOW["sweep_a"], "content_agency": LOW["sweep_b"]},
                                            min_n=5)


def test_v34_attack_and_benign_traffic_look_alike(v34_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v34 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v34_log, C.WRAP, ("hydra", "paraphrased", "summary_ladder",
                                                                     "outline_expand", "style_transfer"))


def test_v34_end_users_of_the_careful_accounts_look_like_the_twins_users(v34_log) -> None:
    B.assert_end_user_shares(*v34_log, {
        ("style_transfer", "stu_"): 0.03, ("summary_ladder", "member-"): 0.03, ("outline_expand", "end-user-"): 0.03,
        ("writing_class", "stu_"): 0.99, ("summary_desk", "member-"): 0.99, ("publisher", "member-"): 0.99,
        ("easy_read", "member-"): 0.99, ("legal_ops", "member-"): 0.99, ("podcast_notes", "end-user-"): 0.3})


def test_v34_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v34_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v34_log, *ATTACK_TYPES, *NEW_PERSONAS), v34_log[1]))


LOW = {"json_a": 1100, "json_b": 1850, "sum_a": 1500, "sum_b": 1850, "climb_a": 450, "climb_b": 350, "spread": 230,
       "exp_a": 3700, "exp_b": 180, "whole_a": 100, "whole_b": 10, "twin_cells": 15, "kept_a": 2400, "kept_b": 540,
       "why_a": 290, "why_p": 260, "why_l": 60, "agent_a": 1500, "agent_b": 340, "sweep_a": 100, "sweep_b": 60}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
