"""Blind traffic variant v23: harvesting that takes apart the account's own conversation. A conversation is spread
over a ring of keys, each turn on the next key with the whole history (relay_conversations), with a twin in a
consumer app that sends every request on the next key of its pool (key_pool_app); one worked conversation is forked
again and again with one value changed in the last turn (what_if_forks), with a twin in consultants doing
sensitivity studies by editing their last message (design_what_if_desk); the careful cot_harvester accounts ask for
the number first and the working second like the acoustics consultant, the careful hydra accounts are evening
groups sharing a sheet under the quota like the revision groups, the moderate sampling accounts sweep temperatures
like the prompt developer, and the careful mixed_into_chat accounts never open with the item; no request feature,
model or end-user id shape is attack-only, client metadata does not cluster attack accounts, the v23 languages
occur in attack and benign traffic, follow-ups wait for reading in both, and response_text is logged for a share of
attack and benign records alike. (v3 ... v22: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    by_scenario,
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    system_prompt,
)


@pytest.fixture(scope="module")
def v23_log() -> tuple[list[dict], dict]:
    return full_window_log("v23")


def _contents(r: dict) -> tuple[str, ...]:
    """The contents of the request's user and assistant messages, in order."""
    msgs = r["request"].get("messages") or r["request"].get("input")
    if isinstance(msgs, str):
        return (msgs,)
    return tuple(m["content"] for m in msgs if m.get("role") in ("user", "assistant") and isinstance(m.get("content"),
                                                                                                   str))


def _user_texts(r: dict) -> list[str]:
    c = _contents(r)
    return list(c[::2])


def test_v23_logs_response_text_for_a_share_of_attack_and_benign_records(v23_log) -> None:
    records, labels = v23_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v23_items_name_their_capability() -> None:
    """Every phrasing of every template carries the marks of its own capability only (corpus_v23.cap_of), and a
    what-if variation changes exactly one value."""
    import random

    from benchmarks.traffic import corpus_v23 as C

    rng = random.Random(0)
    for cap in C.CAPS:
        for t in range(4):
            for _ in range(8):
                s = C.seed(rng, cap, t)
                assert all(C.cap_of(C.text(s, p)) == cap for p in range(3)), (cap, t)
                s2, q = C.what_if(rng, s)
                changed = [k for k in s[2] if s[2][k] != s2[2][k]]
                assert len(changed) == 1 and str(s2[2][changed[0]]) in q
    assert all(C.cap_of(x) is None for x in C.EVERYDAY)


def test_v23_hydra_stays_under_quota_and_opens_in_waves_like_the_revision_groups_stay_under_theirs(v23_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v23_log, "revision_groups")


def _relay_stats(records: list[dict], labels: dict, scenario: str) -> tuple[int, int, dict[tuple, set[str]]]:
    """For the scenario's requests of three or more user turns: how many there are, how many went out on another
    key than the request of one turn fewer of the same conversation, and the keys of each conversation."""
    sent: dict[tuple[str, ...], str] = {}
    rows = by_scenario(records, labels, scenario)
    for r in rows:
        sent[_contents(r)] = r["principal"]
    later = moved = 0
    keys: dict[tuple, set[str]] = defaultdict(set)
    for r in rows:
        c = _contents(r)
        if len(c) >= 5:
            prev = sent.get(c[:-2])
            if prev is None:
                continue
            later += 1
            moved += prev != r["principal"]
            keys[c[:2]].update((prev, r["principal"]))
    return later, moved, keys


def test_v23_relay_conversations_go_out_on_the_next_key_like_the_key_pool_app(v23_log) -> None:
    """In the relay rings and in the key-pool app every later turn goes out on another key than the turn before,
    with the whole history; the blunt ring sends RELAY_SCRIPT's three turns; half of the careful rings carry a
    system prompt and end users like the app; no relay key sends a three-turn conversation whose turns are all its
    own."""
    from benchmarks.traffic.attacks_v23_more import RELAY_SCRIPT

    records, labels = v23_log
    for scenario in ("relay_conversations", "key_pool_app"):
        later, moved, keys = _relay_stats(records, labels, scenario)
        assert later >= 200 and moved == later, (scenario, later, moved)
        assert all(len(k) >= 2 for k in keys.values())
    relay = by_scenario(records, labels, "relay_conversations")
    blunt = {r["principal"] for r in relay if first_user_text(r).startswith("Solve: ")}
    assert len(blunt) == 3
    assert all(_user_texts(r)[1:] == list(RELAY_SCRIPT[1:len(_user_texts(r))]) for r in relay
               if r["principal"] in blunt)
    dressed = {r["principal"] for r in relay if system_prompt(r) and end_user(r)}
    bare = {r["principal"] for r in relay if not system_prompt(r) and r["principal"] not in blunt}
    assert len(dressed) >= 20 and len(bare) >= 20
    app = by_scenario(records, labels, "key_pool_app")
    assert sum(bool(end_user(r)) for r in app) >= 0.5 * len(app)


def _forks(records: list[dict], labels: dict, scenario: str) -> dict[tuple[str, str, str], list[tuple[float, str]]]:
    """(principal, first turn, reply) -> [(time, last turn)] of the scenario's two-turn requests."""
    out: dict[tuple[str, str, str], list[tuple[float, str]]] = defaultdict(list)
    for r in by_scenario(records, labels, scenario):
        c = _contents(r)
        if len(c) == 3:
            out[(r["principal"], c[0], c[1])].append((r["ts"], c[2]))
    return out


def test_v23_what_if_forks_branch_one_context_with_one_value_changed_like_the_design_desk(v23_log) -> None:
    """Blunt fork accounts: FORK_T, ten forks per base seconds apart. Careful accounts: 4-9 forks per base, each
    with its own what-if turn, 40-300 s apart. The design desk: 2-7 forks per base, 60-600 s apart."""
    from benchmarks.traffic.attacks_v23_more import FORK_T

    records, labels = v23_log
    head = FORK_T.split("{q}")[0]
    for scenario, sizes, gaps, lo in (("what_if_forks", range(4, 11), (3, 300), 200),
                                      ("design_what_if_desk", range(2, 8), (60, 600), 40)):
        # two or more requests off one context (a single two-turn request is an ordinary follow-up)
        groups = {k: f for k, f in _forks(records, labels, scenario).items() if len(f) >= 2}
        assert len(groups) >= lo, (scenario, len(groups))
        ok = 0
        for forks in groups.values():
            times = sorted(t for t, _ in forks)
            steps = [b - a for a, b in zip(times, times[1:], strict=False)]
            ok += len(forks) in sizes and all(gaps[0] - 1 <= g <= gaps[1] + 1 for g in steps) and \
                len({q for _, q in forks}) >= 0.7 * len(forks)
        assert ok >= 0.9 * len(groups), (scenario, ok, len(groups))
    blunt = [f for (p, _, _), f in _forks(records, labels, "what_if_forks").items() if f[0][1].startswith(head)]
    assert len(blunt) >= 100 and all(len(f) <= 10 for f in blunt)
    assert sum(len(f) == 10 for f in blunt) >= 0.95 * len(blunt)


def test_v23_careful_cot_harvesters_ask_for_the_number_then_the_working_like_the_consultant(v23_log) -> None:
    from benchmarks.traffic.attacks_v23 import COT_SYS
    from benchmarks.traffic.corpus_v23 import HOW_ASKS, JUST_ANSWER

    records, labels = v23_log
    for scenario, lo in (("cot_harvester", 200), ("acoustics_consultant", 5)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["api"] != "openai.chat.completions"]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
            assert all(COT_SYS not in str(r["request"]) for r in rows)
        seconds = [r for r in rows if len(_user_texts(r)) == 2 and any(a in _user_texts(r)[0] for a in JUST_ANSWER)]
        assert len(seconds) >= lo and all(_user_texts(r)[1] in HOW_ASKS for r in seconds), (scenario, len(seconds))
        assert all(len(_contents(r)[1]) < 1000 for r in seconds)  # the first reply: the result only


def test_v23_moderate_sampling_sweeps_temperatures_like_the_prompt_developer(v23_log) -> None:
    """Each moderate sampling item comes 3-5 times in the same words at rising temperatures (attacks_v23.TEMPS); the
    developer's test prompts are swept the same way."""
    from benchmarks.traffic.attacks_v23 import TEMPS

    records, labels = v23_log
    for scenario, lo in (("sampling", 50), ("temperature_sweep_dev", 20)):
        asked: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            temp = r["request"].get("temperature")
            if temp in TEMPS and not r["request"].get("n") and not system_prompt(r):
                asked[(r["principal"], first_user_text(r))].append((r["ts"], temp))
        swept = [sorted(v) for v in asked.values() if len(v) >= 3]
        assert len(swept) >= lo, (scenario, len(swept))
        if scenario == "sampling":
            assert all(len(v) <= 5 and [t for _, t in v] == sorted({t for _, t in v}) for v in swept)


def test_v23_careful_mixed_into_chat_never_opens_with_the_item(v23_log) -> None:
    from benchmarks.traffic.attacks_v23 import NIGHTLY_T
    from benchmarks.traffic.corpus_v23 import cap_of

    records, labels = v23_log
    night = NIGHTLY_T.split("{x}")[0]
    nightly = {r["principal"] for r in by_scenario(records, labels, "mixed_into_chat")
               if first_user_text(r).startswith(night)}
    assert len(nightly) == 4
    later = 0
    for r in by_scenario(records, labels, "mixed_into_chat"):
        if r["principal"] in nightly:
            continue
        texts = _user_texts(r)
        assert cap_of(texts[0]) is None
        later += len(texts) in (2, 3) and cap_of(texts[-1]) is not None
    assert later >= 50


def test_v23_agents_call_the_dosing_tools_in_attack_and_benign_traffic(v23_log) -> None:
    from benchmarks.traffic.corpus_v23 import RX_SYS

    records, labels = v23_log
    for scenario in ("agentic_distill", "hospital_pharmacy_agent"):
        rows = by_scenario(records, labels, scenario)
        assert sum(bool(r["request"].get("tools")) and RX_SYS in str(r["request"]) for r in rows) >= 100


def test_v23_no_request_feature_is_attack_only(v23_log) -> None:
    assert_no_request_feature_is_attack_only(*v23_log)


def test_v23_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v23_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v23_log)


def test_v23_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v23_log) -> None:
    records, labels = v23_log
    v23 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "revision_groups", "acoustics_consultant",
           "polyglot_clinic_helpdesk"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v23], labels))


def test_v23_client_metadata_does_not_cluster_attack_accounts(v23_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v23_log, ("hydra", "paraphrased", "relay_conversations",
                                                                       "what_if_forks"))


def test_v23_languages_occur_in_attack_and_benign_traffic(v23_log) -> None:
    from benchmarks.traffic.corpus_v23 import WRAP

    seen = languages_seen(*v23_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen


def test_v23_what_if_turns_name_a_changed_value(v23_log) -> None:
    """Most careful fork turns carry one of corpus_v23.WHAT_IF's question shapes (the voice may reword a little)."""
    from benchmarks.traffic.corpus_v23 import WHAT_IF

    shapes = [re.compile(".*".join(re.escape(p) for p in re.split(r"\{name\}|\{val\}", w)), re.I | re.S)
              for w in WHAT_IF]
    records, labels = v23_log
    turns = [q for f in _forks(records, labels, "what_if_forks").values() for _, q in f]
    assert turns and sum(any(s.search(q) for s in shapes) for q in turns) >= 0.6 * len(turns)
