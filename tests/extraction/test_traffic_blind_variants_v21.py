"""Blind traffic variant v21: an operator who harvests through shapes in which a detector's measures read as
ordinary. The worked solution is taken one step per turn in long tutoring conversations of few-word asks
(socratic_ladder), with a twin in a tutoring app whose system prompt makes the model go one step at a time; the
teacher writes the prompts, every new conversation asking about a concept an earlier answer named, breadth-first
over accounts (frontier_crawl), with twins in a learning app's related-topic buttons and a standards glossary; every
account changes capability from session to session or day to day (capability_rotation), with a twin in a cohort
whose timetable changes the subject every day for the whole class at once; the careful cot_harvester accounts ask
for the working as a commented program like a structural engineer who pastes calculations into scripts, and the
careful hydra accounts keep the cohort's timetable and stay under quota like the cohort's keys; no request
feature, model or end-user id shape is attack-only, client metadata does not cluster attack accounts, the v21
languages occur in attack and benign traffic, follow-ups wait for reading in both, and response_text is logged for a
share of attack and benign records alike. (v3 ... v20: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from tests.extraction.blind_traffic import (
    assert_client_metadata_does_not_cluster_attack_accounts,
    assert_follow_ups_wait_longer_after_longer_answers,
    assert_hydra_stays_under_quota_and_opens_in_waves,
    assert_items_name_their_capability,
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic,
    assert_no_request_feature_is_attack_only,
    assert_response_text_for_a_share_of_attack_and_benign_records,
    assert_response_text_length_follows_output_tokens,
    by_scenario,
    day_of,
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    system_prompt,
    user_texts,
)


@pytest.fixture(scope="module")
def v21_log() -> tuple[list[dict], dict]:
    return full_window_log("v21")


def _conversations(records: list[dict]) -> dict[tuple[str, str], list[str]]:
    """(principal, opener) -> the user messages of the conversation's longest request."""
    out: dict[tuple[str, str], list[str]] = {}
    for r in records:
        texts = user_texts(r)
        key = (r["principal"], texts[0])
        if len(texts) > len(out.get(key, ())):
            out[key] = texts
    return out


def _timetable_fit(ctx_start: float, stamped: list[tuple[float, str]]) -> float:
    """The best share, over whole-hour time zones, of (time, capability) pairs on the timetable's subject of the
    local day."""
    from benchmarks.traffic.corpus_v21 import TIMETABLE

    def fit(tz: int) -> float:
        return sum(TIMETABLE[(3 + int(((t - ctx_start) / 3600 + tz) // 24)) % 7] == c for t, c in stamped)

    return max(fit(tz) for tz in range(-11, 12)) / len(stamped)


def test_v21_logs_response_text_for_a_share_of_attack_and_benign_records(v21_log) -> None:
    records, labels = v21_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v21_items_name_their_capability() -> None:
    """Every phrasing of every template carries the marks of its own capability only (corpus_v21.cap_of)."""
    from benchmarks.traffic import corpus_v21

    assert_items_name_their_capability(corpus_v21, 8)


def test_v21_hydra_stays_under_quota_and_opens_in_waves_like_the_cohort_stays_under_its_quota(v21_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v21_log, "timetable_cohort")


def test_v21_careful_hydra_accounts_and_the_cohort_keep_the_timetable(v21_log) -> None:
    """Each careful hydra account's items follow the course timetable in some time zone, as the cohort's do; the
    cohort's students share the problem sheet (an item's numbers come back in other students' questions)."""
    from benchmarks.traffic.corpus_v21 import cap_of

    records, labels = v21_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    stamped: dict[str, list[tuple[float, str]]] = defaultdict(list)
    cohort: list[tuple[float, str]] = []
    for r in by_scenario(records, labels, "hydra", "timetable_cohort"):
        texts = user_texts(r)
        cap = cap_of(texts[0])
        if len(texts) > 1 or cap is None or texts[0].startswith("Problem: "):
            continue
        if labels[r["principal"]]["scenario"] == "hydra":
            stamped[r["principal"]].append((r["ts"], cap))
        else:
            cohort.append((r["ts"], cap))
    busy = [s for s in stamped.values() if len(s) >= 8]
    assert len(busy) >= 100
    fits = sorted(_timetable_fit(t0, s) for s in busy)
    assert fits[len(fits) // 5] >= 0.85, fits[:20]
    assert len(cohort) >= 50 and _timetable_fit(t0, cohort) >= 0.8

    shingles: dict[tuple[str, ...], set[str]] = defaultdict(set)
    opens = []
    for r in by_scenario(records, labels, "timetable_cohort"):
        words = re.findall(r"\S+", first_user_text(r).lower())
        mine = {tuple(words[i:i + 8]) for i in range(len(words) - 7)
                if sum(any(ch.isdigit() for ch in w) for w in words[i:i + 8]) >= 2}
        if len(user_texts(r)) > 1 or not mine:
            continue  # a later turn, or an everyday question
        opens.append((r["principal"], mine))
        for sh in mine:
            shingles[sh].add(r["principal"])
    shared = sum(any(len(shingles[sh]) > 1 for sh in mine) for _, mine in opens)
    assert shared >= 0.5 * len(opens), (shared, len(opens))


def test_v21_socratic_ladder_takes_one_step_a_turn_to_the_end_unlike_the_tutoring_app(v21_log) -> None:
    """The campaign's conversations run for as many turns as the solution has steps (5-10), every later user
    message is a few words ('Next step.' on the blunt accounts, under the one-step tutor prompt), no message asks
    for the reasoning in so many words, and no opener comes twice; the tutoring app's students (in `user`) mostly
    stop after a turn or two, a few go to the end, and the sheet's questions come back across students."""
    from benchmarks.traffic.attacks_v21_more import LADDER_SYS
    from benchmarks.traffic.corpus_v21_more import BLUNT_NEXT

    records, labels = v21_log
    campaign = by_scenario(records, labels, "socratic_ladder")
    blunt = {r["principal"] for r in campaign if LADDER_SYS in system_prompt(r)}
    assert len(blunt) == 2
    convs = _conversations([r for r in campaign if len(user_texts(r)) > 1 or first_user_text(r).count("\n") > 0])
    ladders = {k: v for k, v in convs.items() if len(v) >= 2}
    blunt_l = [v for (p, _), v in ladders.items() if p in blunt]
    careful_l = [v for (p, _), v in ladders.items() if p not in blunt]
    assert len(blunt_l) >= 200 and all(len(v) >= 6 for v in blunt_l if v[-1] == "Final answer?")
    assert all(t in (BLUNT_NEXT, "Final answer?") for v in blunt_l for t in v[1:])
    assert len(careful_l) >= 150
    lengths = sorted(len(v) for v in careful_l)
    assert lengths[len(lengths) // 2] >= 5, lengths
    later = [t for v in careful_l for t in v[1:]]
    assert sorted(map(len, later))[int(0.95 * len(later))] <= 60
    for v in ladders.values():
        assert not any(re.search(r"step by step|every step|reasoning|chain of thought", t, re.I) for t in v)
    from benchmarks.traffic.corpus_v21 import cap_of

    openers = Counter(user_texts(r)[0] for r in campaign if len(user_texts(r)) == 1 and cap_of(user_texts(r)[0]))
    assert openers.most_common(1)[0][1] == 1

    app = by_scenario(records, labels, "step_tutor_app")
    app_convs = _conversations(app)
    app_len = sorted(len(v) for v in app_convs.values())
    assert app_len[len(app_len) // 2] <= 3 and sum(n >= 6 for n in app_len) >= 0.05 * len(app_len)
    assert len({end_user(r) for r in app}) >= 100
    again = Counter(user_texts(r)[0] for r in app if len(user_texts(r)) == 1)
    assert sum(n for n in again.values() if n >= 2) >= 0.2 * again.total()


def test_v21_frontier_crawl_asks_each_named_concept_once_on_another_account(v21_log) -> None:
    """The crawl's openers each name a concept of the graph, no concept twice (typos aside); most of the careful
    accounts' non-root concepts were named by an explanation another account of the campaign asked for earlier; the
    blunt accounts' openers are exactly BLUNT_CRAWL; logged explanations name the concept's related topics. The
    learning app's chip clicks ask about a topic the answer before named, and its concepts come back again and again;
    the glossary asks its terms in alphabetical order, each once a pass."""
    from benchmarks.traffic import corpus_v21_more as D

    records, labels = v21_log
    parents = D.parents()
    asked: dict = {}
    dup, named, logged = 0, 0, 0
    order: list[tuple[float, str, tuple, bool]] = []
    for r in by_scenario(records, labels, "frontier_crawl"):
        texts = user_texts(r)
        if len(texts) > 1:
            continue
        c = D.concept_in(texts[0])
        if c is None:
            continue  # an everyday conversation
        blunt = texts[0].startswith("Explain ") and texts[0].endswith("with a fully worked example.")
        if blunt:
            assert texts[0] == D.BLUNT_CRAWL.format(c=D.concept(c))
        dup += c in asked
        asked.setdefault(c, (r["ts"], r["principal"]))
        order.append((r["ts"], r["principal"], c, blunt))
        if "response_text" in r:
            m = D.RELATED.search(r["response_text"])
            logged += 1
            named += bool(m) and m.group(1).split("; ") == [D.concept(k) for k in D.children(c)]
    assert logged >= 200 and named >= 0.9 * logged  # a typo can cut a concept short
    assert len(asked) >= 1500 and dup <= 0.03 * len(asked), (len(asked), dup)
    careful = [(t, p, c) for t, p, c, blunt in order if not blunt and c[2:] != (0, 0)]
    linked = sum(any(asked.get(q, (t, p))[0] < t and asked[q][1] != p for q in parents[c]) for t, p, c in careful)
    assert len(careful) >= 500 and linked >= 0.8 * len(careful), (linked, len(careful))

    clicks, chained = 0, 0
    app_concepts: Counter = Counter()
    for r in by_scenario(records, labels, "explore_chips_app"):
        msgs = r["request"].get("messages") or r["request"].get("input")
        if isinstance(msgs, str) or len(msgs) < 3 or not msgs[-1]["content"].startswith("Tell me more about "):
            app_concepts[D.concept_in(first_user_text(r))] += 1
            continue
        clicks += 1
        prev = D.concept_in(msgs[-1]["content"])
        named = D.RELATED.search(msgs[-2]["content"]).group(1).split("; ")
        chained += D.concept(prev) in named
    assert clicks >= 100 and chained == clicks
    assert app_concepts.most_common(1)[0][1] >= 10

    terms: dict[str, list[str]] = defaultdict(list)
    for r in by_scenario(records, labels, "standards_glossary_team"):
        m = re.match(r"Glossary entry: (.*)\n", first_user_text(r))
        if m:
            terms[r["principal"]].append(m.group(1))
    assert terms and all(ts == sorted(ts, key=str.lower) and len(set(ts)) == len(ts) for ts in terms.values())


def test_v21_capability_rotation_changes_capability_by_day_or_by_session(v21_log) -> None:
    """The blunt accounts ask one capability a UTC day and a different one the next day; most careful accounts ask
    about two or more capabilities on most days they are active, and all three over the window."""
    from benchmarks.traffic.corpus_v21 import cap_of

    records, labels = v21_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    blunt: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    careful: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in by_scenario(records, labels, "capability_rotation"):
        text = first_user_text(r)
        cap = cap_of(text)
        if cap is None or len(user_texts(r)) > 1:
            continue
        (blunt if text.startswith("Solve fully: ") else careful)[r["principal"]][day_of(r, t0)].add(cap)
    assert len(blunt) == 4
    for days in blunt.values():
        assert all(len(c) == 1 for c in days.values())
        caps = [next(iter(days[d])) for d in sorted(days)]
        assert len(caps) >= 3 and all(a != b for a, b in zip(caps, caps[1:], strict=False))
    assert len(careful) >= 20
    mixed = [len(c) >= 2 for days in careful.values() for c in days.values()]
    assert sum(mixed) >= 0.6 * len(mixed)
    assert sum(len(set().union(*days.values())) == 3 for days in careful.values()) >= 0.7 * len(careful)


def test_v21_careful_cot_harvesters_ask_for_a_commented_program_like_the_structural_engineer(v21_log) -> None:
    """The careful accounts never send the chain-of-thought system prompt; their item conversations ask for the
    solution as a commented script (POT_ASKS), as a share of the structural engineer's sittings do."""
    from benchmarks.traffic.attacks_v21 import COT_SYS
    from benchmarks.traffic.corpus_v21_more import POT_ASKS

    records, labels = v21_log
    careful = [r for r in by_scenario(records, labels, "cot_harvester") if r["api"] != "openai.chat.completions"]
    assert len({r["principal"] for r in careful}) == 2
    assert all(COT_SYS not in str(r["request"]) for r in careful)
    pot = sum(any(a in first_user_text(r) for a in POT_ASKS) for r in careful)
    assert pot >= 200 and pot >= 0.6 * len(careful)
    engineer = by_scenario(records, labels, "structural_power_user")
    assert sum(any(a in first_user_text(r) for a in POT_ASKS) for r in engineer) >= 5


def test_v21_no_request_feature_is_attack_only(v21_log) -> None:
    assert_no_request_feature_is_attack_only(*v21_log)


def test_v21_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v21_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v21_log)


def test_v21_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v21_log) -> None:
    records, labels = v21_log
    v21 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "capability_rotation", "frontier_crawl",
           "socratic_ladder", "timetable_cohort", "crossroads_helpdesk", "structural_power_user", "step_tutor_app",
           "explore_chips_app"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v21], labels))


def test_v21_client_metadata_does_not_cluster_attack_accounts(v21_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v21_log, ("hydra", "paraphrased", "frontier_crawl",
                                                                       "capability_rotation"))


def test_v21_languages_occur_in_attack_and_benign_traffic(v21_log) -> None:
    from benchmarks.traffic.corpus_v21 import WRAP

    seen = languages_seen(*v21_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
