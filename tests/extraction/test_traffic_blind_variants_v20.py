"""Blind traffic variant v20: an operator who moves the harvest to where a detector's signals do not show. The ask
for the working moves into a structured-output schema (schema_cot), with a twin in a homework app that checks
students' steps against a structured reference solution; a small local model writes every prompt so no two share a
template (grammar_prompts), with a twin in a QA team that simulates its users with a small model and replays the
suite; the timing and coordination of a CI review bot carry a smart-contract audit harvest over pull requests that no
repository ever had (ci_review_harvest), with a twin in an audit firm's bot over its clients' repositories; the
careful cot_harvester accounts ask for the working only after the result, the careful hydra accounts age with
everyday chat first and stay under quota like an insurer's pricing desk that shares one template across its keys;
no request feature, model or end-user id shape is attack-only, client metadata does not cluster attack accounts,
the v20 languages occur in attack and benign traffic, follow-ups wait for reading in both, and response_text is
logged for a share of attack and benign records alike. (v3 ... v19: test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

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
    day_of,
    end_user,
    first_user_text,
    follow_up_gaps,
    full_window_log,
    languages_seen,
    user_texts,
)


@pytest.fixture(scope="module")
def v20_log() -> tuple[list[dict], dict]:
    return full_window_log("v20")


def test_v20_logs_response_text_for_a_share_of_attack_and_benign_records(v20_log) -> None:
    records, labels = v20_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert 300 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 450


def test_v20_hydra_stays_under_quota_and_opens_in_waves_like_the_pricing_desk_stays_under_its_quota(v20_log) -> None:
    assert_hydra_stays_under_quota_and_opens_in_waves(*v20_log, "pricing_analyst_pool")


def test_v20_pricing_desk_shares_one_template_and_meets_before_stand_up(v20_log) -> None:
    """Every analyst of the desk uses the shared notebook template, and on weekday mornings most of them send
    requests within the same hour."""
    from benchmarks.traffic.personas_v20 import DESK_TEMPLATE

    records, labels = v20_log
    head = DESK_TEMPLATE.split("{team}")[0]
    desk = by_scenario(records, labels, "pricing_analyst_pool")
    users = {r["principal"] for r in desk}
    assert len(users) >= 5
    assert {r["principal"] for r in desk if head in first_user_text(r)} == users
    together = max(len({q["principal"] for q in desk if 0 <= q["ts"] - r["ts"] < 3600}) for r in desk)
    assert together >= 0.8 * len(users)


def test_v20_no_request_feature_is_attack_only(v20_log) -> None:
    assert_no_request_feature_is_attack_only(*v20_log)


def test_v20_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v20_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v20_log)


def _opens(r: dict) -> bool:
    """Whether the request is a conversation's first turn (one user message, nothing chained before it)."""
    req = r["request"]
    msgs = req.get("messages") or req.get("input")
    if req.get("previous_response_id"):
        return False
    return isinstance(msgs, str) or sum(m.get("role") == "user" for m in msgs) == 1


_LABEL = re.compile(r"^Exercise \d+\.\d+\n")


def test_v20_schema_cot_asks_for_the_working_in_the_schema_not_the_prompt_like_the_step_checker(v20_log) -> None:
    """Every schema request of the campaign and of the step-checking app carries a solution schema whose steps field
    asks for the working, while its user text never mentions steps. The campaign's blunt accounts use one chat
    json_schema ('worked_solution', 'steps') over bare items that never repeat; each careful account keeps one
    schema of its own, sends mostly schema requests, and no item goes to two careful accounts or comes back. The app
    pastes students' working under the course's exercises, which recur, for 100 or more students."""
    from benchmarks.traffic.corpus_v20_more import schema_of

    records, labels = v20_log
    names: dict[str, set[str]] = defaultdict(set)
    shares: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    items: Counter = Counter()
    blunt_items: dict[str, Counter] = defaultdict(Counter)
    app_items: Counter = Counter()
    app_users: set[str] = set()
    pasted = 0
    for r in by_scenario(records, labels, "schema_cot", "step_checker_app"):
        req, p = r["request"], r["principal"]
        scenario = labels[p]["scenario"]
        sch = schema_of(req)
        shares[p][0] += 1
        if sch is None:
            assert scenario == "schema_cot" and not req.get("tools")
            continue
        shares[p][1] += 1
        steps = [k for k, v in sch["properties"].items() if v.get("type") == "array"]
        assert len(steps) == 1 and "step" in sch["properties"][steps[0]]["description"].lower()
        text = first_user_text(r)
        item = _LABEL.sub("", text).split("\n\nStudent's working:")[0]
        assert "step" not in item.lower(), item
        if scenario == "step_checker_app":
            app_items[item] += 1
            pasted += "Student's working:" in text
            app_users.add(end_user(r))
            continue
        rf = req.get("response_format")
        if rf and rf["json_schema"]["name"] == "worked_solution":
            assert text == item and r["api"] == "openai.chat.completions"
            blunt_items[p][item] += 1
        else:
            names[p].add(_schema_name(req))
            items[item] += 1
    assert len(blunt_items) == 2 and all(c.most_common(1)[0][1] == 1 for c in blunt_items.values())
    assert sum(blunt_items[p].total() for p in blunt_items) >= 1000
    assert len(names) == 10 and all(len(n) == 1 for n in names.values()), names
    assert all(s / n >= 0.6 for p, (n, s) in shares.items() if p in names)
    assert items and items.most_common(1)[0][1] == 1
    assert app_items and app_items.most_common(1)[0][1] >= 3 and len(app_users) >= 100
    assert pasted >= 0.5 * app_items.total()


def _schema_name(req: dict) -> str:
    """The name a request gives its solution schema."""
    if rf := req.get("response_format"):
        return rf["json_schema"]["name"]
    if fmt := (req.get("text") or {}).get("format"):
        return fmt["name"]
    tool = req["tools"][0]
    return tool.get("name") or tool["function"]["name"]


def _skeleton(text: str) -> str:
    return re.sub(r"\d+(\.\d+)?", "#", text)


def test_v20_grammar_prompts_never_share_a_wording_and_the_simulated_users_come_back(v20_log) -> None:
    """The campaign's blunt accounts leave the prompt writer's preamble in every prompt; its careful accounts never
    do, no two of their item openers share a wording once the numbers are masked, and some conversations go on with
    a what-if that changes one value. The QA team's simulator leaves the preamble in now and then too, and replays
    its suite: most of its messages come back run after run, sent by parallel workers."""
    from benchmarks.traffic.corpus_v20_more import PREAMBLES

    records, labels = v20_log
    blunt, careful = Counter(), Counter()
    what_ifs = 0
    sim: Counter = Counter()
    sim_preamble = 0
    for r in by_scenario(records, labels, "grammar_prompts", "persona_sim_qa"):
        texts = user_texts(r)
        if labels[r["principal"]]["scenario"] == "persona_sim_qa":
            sim[texts[0]] += 1
            sim_preamble += texts[0].startswith(PREAMBLES)
            continue
        if r["request"]["model"] == "gpt-4o-mini" and r["api"] == "openai.chat.completions" and \
                texts[0].startswith(PREAMBLES):
            blunt[r["principal"]] += 1
            continue
        assert not any(t.startswith(PREAMBLES) for t in texts)
        if _opens(r) and len(texts[0]) > 100:  # the item openers (everyday questions are short)
            careful[_skeleton(texts[0])] += 1
        what_ifs += len(texts) > 1 and bool(re.search(r"instead of|in place of| becomes ", texts[-1]))
    assert len(blunt) == 4 and min(blunt.values()) >= 300
    assert careful.total() >= 1000 and len(careful) >= 0.97 * careful.total(), (len(careful), careful.total())
    assert what_ifs >= 100
    assert sim_preamble >= 1 and sum(n for n in sim.values() if n >= 3) >= 0.6 * sim.total()


_FILE = re.compile(r"^Repository: (\S+)\nPull request #(\d+).*?\nFile: (\S+)\n", re.S)


def test_v20_ci_review_harvest_never_sees_a_file_twice_after_its_pull_request_unlike_the_audit_firm_bot(v20_log):
    """Both the campaign and the audit firm's bot send one review request per changed file, under a review bot's
    system prompt, with a pull request's files a few seconds apart. The campaign's files each belong to one account
    and one pull request and come back at most once (a second push); the firm's files come back again and again
    (pushes, later pull requests, nightly scans)."""
    records, labels = v20_log
    seen: dict[str, dict[tuple[str, str], list[float]]] = {"ci_review_harvest": defaultdict(list),
                                                           "audit_firm_ci_bot": defaultdict(list)}
    owner: dict[tuple[str, str], set[str]] = defaultdict(set)
    prs: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    gaps: list[float] = []
    last: dict[str, tuple[float, str]] = {}
    for r in by_scenario(records, labels, "ci_review_harvest", "audit_firm_ci_bot"):
        scenario, p = labels[r["principal"]]["scenario"], r["principal"]
        system = r["request"].get("system") or r["request"]["messages"][0]["content"]
        assert "automated security reviewer" in system
        m = _FILE.match(first_user_text(r))
        assert m, first_user_text(r)[:200]
        repo, pr, path = m.groups()
        seen[scenario][(repo, path)].append(r["ts"])
        if scenario == "ci_review_harvest":
            owner[(repo, path)].add(p)
            prs[(p, repo, path)].add((repo, pr))
        if p in last and last[p][1] == f"{repo}#{pr}":
            gaps.append(r["ts"] - last[p][0])
        last[p] = (r["ts"], f"{repo}#{pr}")
    campaign, firm = seen["ci_review_harvest"], seen["audit_firm_ci_bot"]
    assert len(campaign) >= 1000 and max(len(ts) for ts in campaign.values()) <= 2
    assert sum(len(ts) == 2 for ts in campaign.values()) >= 50
    assert all(len(o) == 1 for o in owner.values()) and all(len(v) == 1 for v in prs.values())
    assert firm and sum(len(ts) for ts in firm.values() if len(ts) >= 3) >= 0.6 * sum(len(ts) for ts in firm.values())
    assert gaps and sorted(gaps)[len(gaps) // 2] < 10


def test_v20_careful_cot_harvesters_ask_for_the_result_first_and_the_working_after_reading_it(v20_log) -> None:
    """The careful accounts' item conversations open with a result-only ask and no request for the working; their
    second turn, timed by reading, asks how the result was got (or quotes a line of the answer and asks about it)."""
    from benchmarks.traffic.attacks_v20 import COT_SYS, EXPLAIN_AFTER, RESULT_ONLY

    records, labels = v20_log
    careful = [r for r in by_scenario(records, labels, "cot_harvester") if r["api"] != "openai.chat.completions"]
    assert len({r["principal"] for r in careful}) == 2
    opened, explained = 0, 0
    for r in careful:
        texts = user_texts(r)
        assert COT_SYS not in str(r["request"])
        if len(texts) == 1 and any(a in texts[0] for a in RESULT_ONLY):
            opened += 1
        if len(texts) == 2 and any(a in texts[0] for a in RESULT_ONLY):
            explained += texts[1] in EXPLAIN_AFTER or '"' in texts[1]  # or a quoted line asked about
    assert opened >= 200 and explained >= 0.6 * opened, (opened, explained)


def _everyday_words() -> list[set[str]]:
    from benchmarks.traffic import corpus_v20 as C

    texts = list(C.EVERYDAY) + [t for ts in C.COVER_I18N.values() for t in ts]
    return [set(re.findall(r"\w+", t.lower())) for t in texts]


def test_v20_careful_hydra_accounts_age_with_everyday_chat_before_they_harvest(v20_log) -> None:
    """On a careful hydra account's first day every conversation is everyday chat; on its later days most are
    items."""
    records, labels = v20_log
    everyday = _everyday_words()
    t0 = records[0]["ts"] - records[0]["ts"] % 86400

    def is_everyday(text: str) -> bool:
        words = set(re.findall(r"\w+", text.lower()))
        return any(len(words & e) >= 0.6 * len(e) for e in everyday)  # a typo can merge two words

    opens: dict[str, list[tuple[int, bool]]] = defaultdict(list)
    for r in by_scenario(records, labels, "hydra"):
        if _opens(r) and not first_user_text(r).startswith("Problem: "):
            opens[r["principal"]].append((day_of(r, t0), is_everyday(first_user_text(r))))
    assert len(opens) >= 150
    first_day = [e for conv in opens.values() for d, e in conv if d == min(x for x, _ in conv)]
    later = [e for conv in opens.values() for d, e in conv if d > min(x for x, _ in conv)]
    assert first_day and all(first_day)
    assert later and sum(later) < 0.5 * len(later)


def test_v20_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v20_log) -> None:
    records, labels = v20_log
    v20 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "grammar_prompts", "sampling", "schema_cot",
           "pricing_analyst_pool", "island_mutual_helpdesk", "flight_dynamics_power_user"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v20], labels))


def test_v20_client_metadata_does_not_cluster_attack_accounts(v20_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v20_log, ("hydra", "paraphrased", "grammar_prompts"))


def test_v20_languages_occur_in_attack_and_benign_traffic(v20_log) -> None:
    from benchmarks.traffic.corpus_v20 import WRAP

    seen = languages_seen(*v20_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
