"""Blind traffic variant v37: data-to-text, where the operator grows a student verbaliser's data out of the teacher.
Each venue's description from its meaning representation with all its attributes and in many subsets of them
(slot_subsets), as a restaurant-listings site re-describes every changed listing with its old and its new attributes
every night and a hospitality group's marketing staff ask for their venues' descriptions; an entity's text as its
triples grow one at a time, each set sent alone (triple_ladder), as an encyclopedia's panel writer regenerates a blurb
each time an editor adds a fact, a linked-data course works through its triple sets (one key a student) and a
travel platform's content team re-checks the texts; every window of a monthly series summarised - the change, the
peak and the low (window_sweep), as a dashboard product narrates a chart each time its user moves the date range and
a data-visualisation course (one key a student, shared series) captions its exercises. The careful cot_harvester
accounts ask how a text was written from the data like the research group and the content team, the careful hydra
accounts are evening shifts under the quota like the linked-data class, the sampling accounts draw five sets of
example records at once and sweep temperatures like the research group, the careful mixed_into_chat accounts bring an
item up in the second or third turn, and the agent is a listings agent like the listing site's own. Nothing in the
corpus is harmful. No request field, surface, model or end-user id shape is attack-only, client metadata does not
cluster attack accounts, the v37 languages occur in attack and benign traffic, follow-ups wait for reading in both,
and response_text is logged for a share of attack and benign records alike. The v37 set's bytes are pinned here for
its dataset seed (FROZEN_SHA256: blind-v37 in extraction_eval's DATASETS uses seed 444185), and generating it under
another hash seed gives the same bytes. (v3 ... v36: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import random
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from benchmarks.traffic import corpus_v37 as C
from benchmarks.traffic import corpus_v37_src as S
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP
from benchmarks.traffic.personas_v37 import BENIGN_V37
from tests.extraction import blind_traffic as B
from tests.extraction import blind_traffic_more as B2

SEED = 444185  # blind-v37's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v37 log at seed 444185, one day, scale 0.05 (the v37_small fixture). Frozen evaluation data; checked
# the same under another PYTHONHASHSEED (test_v37_the_bytes_do_not_depend_on_the_hash_seed). (The whole blind-v37 set
# - seed 444185, four days, scale 1, 239,592 requests, 1,220 accounts, 407 of them attack accounts -
# hashed to 4c95f7d045f524c91948b3cc43d4d51a7fda2448b2ea41e27b319b148a682aeb when it was written.)
FROZEN_SHA256 = "ab4897ac59aacc18ce4ae91225e50f9269f29ef518883ab776dbae6ddd81e3c1"
ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "slot_subsets", "triple_ladder", "window_sweep"}
NEW_PERSONAS = {"knowledge_panel", "listing_site", "dashboard_narratives", "nlg_lab", "semantic_web_class",
                "dataviz_class", "content_qa", "hospitality_desk"}


@pytest.fixture(scope="module")
def v37_log() -> tuple[list[dict], dict]:
    return B.full_window_log("v37")


@pytest.fixture(scope="module")
def v37_pasted(v37_log) -> dict[int, dict]:
    """What each single-turn record's user text pastes (corpus_v37_src.blocks), by the record's index."""
    return B2.pasted(v37_log[0], S.blocks)


@pytest.fixture(scope="module")
def v37_small(tmp_path_factory) -> tuple[Path, dict]:
    return B.small_log(tmp_path_factory, "v37", SEED)


def test_v37_every_scenario_emits_traffic_the_set_is_frozen_and_no_label_leaks(v37_small) -> None:
    B.assert_frozen_and_no_label_leaks(v37_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V37, FROZEN_SHA256, "v37")


def test_v37_the_bytes_do_not_depend_on_the_hash_seed(v37_small, tmp_path) -> None:
    B.assert_same_bytes_under_another_hash_seed(v37_small[0], "v37", SEED, tmp_path)


def test_v37_logs_response_text_for_a_share_of_attack_and_benign_records(v37_log) -> None:
    """As in every variant since v11; a logged reply to a request for JSON under a schema parses as a JSON object, and
    attack and benign records both log JSON replies (under a schema, or in an Anthropic reply's text)."""
    records, labels = v37_log
    B.assert_logged_replies(records, labels, (395, 420))
    objs = Counter(labels[r["principal"]]["label"] for r in records if "response_text" in r and B2.logged_json(r))
    enough(json_a=objs["attack"], json_b=objs["benign"])


def test_v37_items_and_sources_hold_together() -> None:
    """Every phrasing of every template carries the marks of its own capability only; the six languages are new
    against every earlier variant's; a description says each attribute its pasted meaning representation gives and
    nothing the representation leaves out; a verbalisation says each pasted triple in a sentence of its own, in order;
    a trend summary is what the pasted months give; the pasted layouts are found again in any text."""
    B.assert_items_name_their_capability(C, 4)
    B.assert_languages_are_new(C, "corpus_v37")
    rng = random.Random(37)
    for _ in range(300):
        for cap, check in (("describe", says), ("verbalise", states), ("trend", summarises)):
            sd = C.seed(rng, cap)
            got = S.blocks(C.text(sd, rng.randrange(3)))
            assert check(got, sd[2]["obj"]) and check(got, sd[2]["reply"]), (got, sd[2]["reply"])
        x = f"hi\n\n{C.seed(rng, 'describe', 0)[2]['body']}\n\n{C.seed(rng, 'trend')[2]['body']}"
        assert set(S.blocks(x)) == {"mr", "series", "rows"}
        assert set(S.blocks(f"{C.seed(rng, 'verbalise')[2]['body']}\nthanks")) == {"triples"}


# ---- slot_subsets ----
def test_v37_descriptions_say_every_given_attribute_and_nothing_else(v37_log, v37_pasted) -> None:
    """Every logged description (JSON or prose) says each attribute of the pasted meaning representation and none it
    leaves out; the blunt slot_subsets scripts and the listing site send a venue and the same venue with other
    attributes in one minute, and the careful accounts' venues reach several accounts."""
    records, labels = v37_log
    sets: dict[tuple[str, int], list[frozenset]] = defaultdict(list)
    holders: dict[frozenset, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v37_pasted.items():
        r = records[i]
        if "mr" not in hit:
            continue
        items = frozenset(re.findall(r"[\w ]+\[[^\]]+\]", hit["mr"]))
        sets[(r["principal"], int(r["ts"] // 60))].append(items)
        if labels[r["principal"]]["scenario"] == "slot_subsets":
            holders[items].add(r["principal"])
        if "response_text" in r:
            assert says(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    enough(desc_a=right["attack"], desc_b=right["benign"])
    swept: Counter = Counter()
    for (p, _), ss in sets.items():
        swept[labels[p]["scenario"]] += sum(any(a < b for b in ss) for a in ss)
    enough(subset_a=swept["slot_subsets"], subset_b=swept["listing_site"])
    full = defaultdict(list)  # the venues pasted with every attribute, by name
    for items, ps in holders.items():
        if len(items) == len(S.SLOTS):
            full[next(x for x in items if x.startswith("name["))].append((items, ps))
    spread = sum(any(items < f and fps - ps for f, fps in full[next(x for x in items if x.startswith("name["))])
                 for items, ps in holders.items() if 5 <= len(items) < len(S.SLOTS))
    enough(desc_spread=spread)


# ---- triple_ladder ----
def test_v37_texts_state_each_pasted_triple_and_the_ladders_grow(v37_log, v37_pasted) -> None:
    """Every logged text (JSON or prose) states each pasted triple in a sentence of its own; the blunt triple_ladder
    scripts and the panel writer send an entity's triples one more at a time, each set within two minutes of the one
    before, and the careful accounts' entities reach several accounts."""
    records, labels = v37_log
    last: dict[str, tuple[float, tuple]] = {}
    grown: Counter = Counter()
    holders: dict[tuple, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in sorted(v37_pasted.items(), key=lambda x: records[x[0]]["ts"]):
        r = records[i]
        if "triples" not in hit:
            continue
        rows, p, scenario = tuple(hit["triples"].splitlines()), r["principal"], labels[r["principal"]]["scenario"]
        t0, before = last.get(p, (0.0, ()))
        grown[scenario] += r["ts"] - t0 < 120 and len(rows) == len(before) + 1 and rows[:-1] == before
        last[p] = (r["ts"], rows)
        if scenario == "triple_ladder":
            holders[rows].add(p)
        if "response_text" in r:
            assert states(hit, logged(r)), (hit, r["response_text"])
            right[labels[p]["label"]] += 1
    enough(text_a=right["attack"], text_b=right["benign"], grow_a=grown["triple_ladder"],
           grow_b=grown["knowledge_panel"])
    enough(text_spread=sum(any(holders.get(rows[:j], set()) - ps for j in range(3, len(rows)))
                           for rows, ps in holders.items()))


# ---- window_sweep ----
def test_v37_trend_summaries_are_what_the_pasted_months_give(v37_log, v37_pasted) -> None:
    """Every logged summary (JSON or prose) gives the pasted window's first and last months and values, its direction,
    its peak and its low; the window_sweep accounts take every series to every window, the class and the dashboard
    product many (series, window) cells too; the careful accounts' series reach several accounts."""
    records, labels = v37_log
    cells: dict[str, set] = defaultdict(set)
    takers: dict[tuple, set[str]] = defaultdict(set)
    right: Counter = Counter()
    for i, hit in v37_pasted.items():
        r = records[i]
        if "series" not in hit or "rows" not in hit:
            continue
        scenario, rows = labels[r["principal"]]["scenario"], hit["rows"].splitlines()
        cells[scenario].add((hit["series"], rows[0][:3], rows[-1][:3]))
        if scenario == "window_sweep":
            for j in range(len(rows) - 2):
                takers[(hit["series"], *rows[j:j + 3])].add(r["principal"])
        if "response_text" in r:
            assert summarises(hit, logged(r)), (hit, r["response_text"])
            right[labels[r["principal"]]["label"]] += 1
    assert len(cells["window_sweep"]) == len(S.SERIES) * len(S.WINDOWS), len(cells["window_sweep"])
    enough(cells_class=len(cells["dataviz_class"]), cells_dash=len(cells["dashboard_narratives"]))
    enough(trend_a=right["attack"], trend_b=right["benign"])
    enough(trend_spread=sum(len(ps) >= 2 for ps in takers.values()))


# ---- the recurring families ----
def test_v37_careful_cot_harvesters_ask_why_like_the_research_group_and_the_content_team(v37_log) -> None:
    from benchmarks.traffic.attacks_v37 import COT_SYS

    B.assert_careful_cot_harvesters_ask_why(*v37_log, COT_SYS, C.WHY_ASKS, {"cot_harvester": LOW["why_a"],
                                                                          "nlg_lab": LOW["why_r"],
                                                                          "content_qa": LOW["why_q"]})


def test_v37_hydra_stays_under_quota_and_opens_in_waves_like_the_linked_data_class(v37_log) -> None:
    records, labels = v37_log
    B.assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "semantic_web_class", min_twin_accounts=10)
    assert len(B.thinking_hydra_accounts(records, labels)) >= 60


def test_v37_careful_mixed_into_chat_never_opens_with_an_item_and_asks_for_one_later(v37_log) -> None:
    B.assert_four_nightly_jobs_and_careful_chat_asks_later(*v37_log, C.asks_harvest)


def test_v37_agents_call_the_publish_tool_in_attack_and_benign_traffic(v37_log) -> None:
    B.assert_agents_call_the_tools(*v37_log, "publish_description", {"agentic_distill": LOW["agent_a"],
                                                                     "listing_site": LOW["agent_b"]},
                                   ("agentic_distill", "listing_site"), {CHAT, ANTH, RESP})


def test_v37_temperature_sweeps_and_several_samples_at_once_like_the_research_group(v37_log) -> None:
    B.assert_temperature_sweeps_and_batches(*v37_log, {"sampling": LOW["tsweep_a"], "nlg_lab": LOW["tsweep_b"]},
                                            min_n=5)


def test_v37_attack_and_benign_traffic_look_alike(v37_log) -> None:
    """Client software, request features, models and end-user id shapes, client addresses and the v37 languages."""
    B.assert_attack_and_benign_traffic_look_alike(*v37_log, C.WRAP, ("hydra", "paraphrased", "slot_subsets",
                                                                     "triple_ladder", "window_sweep"))


def test_v37_no_request_field_or_surface_is_attack_only(v37_log) -> None:
    """Attack traffic uses the fields of data generation and benign traffic uses every field and surface attack
    traffic uses, at least ten times."""
    B.assert_fields_of_attack_traffic_occur_in_benign_traffic(*v37_log, {
        f"json_schema:{CHAT}", f"json_schema:{RESP}", f"{CHAT}:n", f"{CHAT}:logprobs", "cache_control", "thinking",
        "effort:high", f"{RESP}:previous_response_id", f"{CHAT}:tools", f"{ANTH}:tools", f"{RESP}:tools", f"{CHAT}:user",
        f"{ANTH}:metadata"})


def test_v37_end_users_of_the_careful_accounts_look_like_the_twins_users(v37_log) -> None:
    B.assert_end_user_shares(*v37_log, {
        ("triple_ladder", "stu_"): 0.03, ("slot_subsets", "member-"): 0.03, ("window_sweep", "end-user-"): 0.03,
        ("semantic_web_class", "stu_"): 0.99, ("dataviz_class", "stu_"): 0.99, ("hospitality_desk", "member-"): 0.99,
        ("knowledge_panel", "member-"): 0.99, ("content_qa", "member-"): 0.99, ("nlg_lab", "member-"): 0.99,
        ("dashboard_narratives", "end-user-"): 0.99})


def test_v37_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v37_log) -> None:
    B.assert_follow_ups_wait_longer_after_longer_answers(B.follow_up_gaps(
        B.by_scenario(*v37_log, *ATTACK_TYPES, *NEW_PERSONAS), v37_log[1]))


# ---- what a pasted meaning representation, triple set or series gives, read back from its text ----
def logged(r: dict) -> dict | str:
    """A logged reply: its JSON object, or its first paragraph (the text; a careful account's or a blunt
    cot_harvester's reasoning follows it)."""
    return B2.logged_json(r) or r["response_text"].split("\n\n")[0]


def says(hit: dict, reply: dict | str) -> bool:
    """Whether a description (the text, or a JSON reply's) says every attribute of the pasted meaning representation -
    the name first, the kind of place, the food, the area, what it is near, the price range, the rating, whether it
    is family-friendly - and nothing of those it leaves out (and a JSON reply lists exactly the attributes given)."""
    given = dict(re.findall(r"([\w ]+?)\[([^\]]+)\](?:, |$)", hit["mr"]))
    if isinstance(reply, dict) and reply["attributes"] != list(given):
        return False
    text = reply["description"] if isinstance(reply, dict) else reply
    kinds = re.findall(r"\b(pub|coffee shop|restaurant)\b", text)
    family = "not family-friendly" if given.get("familyFriendly") == "no" else "family-friendly"
    rating = given.get("customer rating")
    checks = {"eatType": (kinds == [given.get("eatType")], not kinds),
              "food": (f"serving {given.get('food')}" in text, "serving" not in text),
              "priceRange": (f"price range is {given.get('priceRange')}." in text, "price" not in text),
              "customer rating": (f"{rating} customer rating" in text or f"customer rating of {rating}." in text,
                                  "rating" not in text),
              "area": (f" in the {given.get('area')}" in text, not re.search("city centre|riverside", text)),
              "familyFriendly": (family in text and (family != "family-friendly" or "not family" not in text),
                                 "family" not in text),
              "near": (f" near {given.get('near')}" in text, " near " not in text)}
    return text.startswith(given["name"]) and all(ok[k not in given] for k, ok in checks.items())


def states(hit: dict, reply: dict | str) -> bool:
    """Whether a text (or a JSON reply's) says each pasted triple in a sentence of its own, in order - the first
    naming the subject, each holding its triple's object - and a JSON reply counts the facts."""
    triples = [line[2:].split(" | ") for line in hit["triples"].splitlines()]
    if isinstance(reply, dict) and reply["facts"] != len(triples):
        return False
    sentences = re.split(r"(?<=\.) ", reply["text"] if isinstance(reply, dict) else reply)
    return len(sentences) == len(triples) and triples[0][0].lower() in sentences[0].lower() and \
        all(o in s for (_, _, o), s in zip(triples, sentences, strict=True))


SUMMARY = re.compile(r"^From (\w{3}) to (\w{3}), .+ (rose|fell) from ([\d.]+) to ([\d.]+)\. It peaked at ([\d.]+) in "
                     r"(\w{3}) and was lowest at ([\d.]+) in (\w{3})\.$")


def summarises(hit: dict, reply: dict | str) -> bool:
    """Whether a summary (or a JSON reply's) gives the pasted window's first and last months and values, rose or fell
    as they do, and its largest and smallest values with their months (and a JSON reply's direction, peak and low
    agree)."""
    rows = [(m, float(v)) for m, v in (line.split(": ") for line in hit["rows"].splitlines())]
    (m0, v0), (m1, v1) = rows[0], rows[-1]
    hi, lo = max(rows, key=lambda x: x[1]), min(rows, key=lambda x: x[1])
    verb = "rose" if v1 > v0 else "fell"
    if isinstance(reply, dict) and (reply["direction"], reply["peak"], reply["low"]) != (verb, hi[0], lo[0]):
        return False
    m = SUMMARY.match(reply["summary"] if isinstance(reply, dict) else reply)
    return m is not None and tuple(float(x) if x[0].isdigit() else x for x in m.groups()) == \
        (m0, m1, verb, v0, v1, hi[1], hi[0], lo[1], lo[0])


def enough(**counts: int) -> None:
    """Each count is at least LOW's."""
    short = {k: (n, LOW[k]) for k, n in counts.items() if n < LOW[k]}
    assert not short, short


LOW = {"json_a": 565, "json_b": 1975, "desc_a": 1495, "desc_b": 1665, "subset_a": 2120, "subset_b": 770,
       "desc_spread": 455, "text_a": 5105, "text_b": 85, "grow_a": 3220, "grow_b": 1515, "text_spread": 295,
       "cells_class": 30, "cells_dash": 180, "trend_a": 3885, "trend_b": 510, "trend_spread": 400, "why_a": 365,
       "why_r": 205, "why_q": 85, "agent_a": 1540, "agent_b": 260, "tsweep_a": 120, "tsweep_b": 75}
"""The least counts the tests above expect in the tenth-scale four-day log (about 85% of what it held when written)."""
