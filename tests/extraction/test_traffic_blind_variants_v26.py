"""Blind traffic variant v26: the teacher as annotator, where the operator harvests the teacher's judgements about a
scraped corpus - labels, entity and relation tags, JSON records, embeddings - rather than long answers. Labels come
back one token at a time with logprobs (label_harvest: blunt scripts that label every document under every scheme,
and many small careful accounts that label at a person's pace and split each document's schemes over accounts hours
apart), with twins in a content-moderation classifier, a labelling vendor's QA team and a study's lab key; the same
documents come back as strict JSON records (schema_extraction), with a twin in a finance team's invoice ETL, and as
embeddings with query embeddings and relevance asks (embedding_harvest), with twins in a search team's indexer and a
RAG app with a fixed template; the careful cot_harvester accounts ask for gold annotations like the guideline
authors, the careful hydra accounts are evening annotation shifts under the quota like the study's student
annotators, the moderate sampling accounts rotate the label list like the prompt-sensitivity study, and the careful
mixed_into_chat accounts ask "which of these fits? just the word" in the second or third turn; no request feature,
model or end-user id shape is attack-only, client metadata does not cluster attack accounts, the v26 languages occur
in attack and benign traffic, follow-ups wait for reading in both, and response_text is logged for a share of attack
and benign records alike. The v26 set's bytes are pinned here for its dataset seed (FROZEN_SHA256: blind-v26 in
extraction_eval's DATASETS uses seed 640271), and generating it twice gives the same bytes. (v3 ... v25:
test_traffic_blind_variants*.py.)"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import orjson
import pytest

from benchmarks.traffic.personas_v26 import BENIGN_V26
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
    by_scenario,
    day_of,
    first_user_text,
    full_window_log,
    languages_seen,
    small_log,
    system_prompt,
    user_texts,
)

ATTACK_TYPES = {"cot_harvester", "hydra", "taxonomy", "sampling", "mixed_into_chat", "paraphrased", "agentic_distill",
                "label_harvest", "schema_extraction", "embedding_harvest"}
NEW_PERSONAS = {"moderation_classifier", "label_vendor_qa", "invoice_etl", "search_embedding_indexer",
                "rag_template_app", "annotator_agreement_study", "prompt_sensitivity_study", "guideline_author",
                "polyglot_trust_desk"}
SEED = 640271  # blind-v26's seed in benchmarks/extraction_eval.py's DATASETS
# sha256 of the v26 log at seed 640271, one day, scale 0.05 (the v26_small fixture). Frozen evaluation data; checked
# the same under PYTHONHASHSEED=1 and 2. (The whole blind-v26 set - seed 640271, four days, scale 1, 290,598
# requests - hashed to 020aed71c2cd3c4dbad7b2ca92fbbcdc9290d4d2372e99451f1774fe84915993 when it was written.)
FROZEN_SHA256 = "35f7897e9197bf2fc6d6812248de2d0780e1102c6967b4c522fdfc288a5a0186"
EMB = "openai.embeddings"


@pytest.fixture(scope="module")
def v26_small(tmp_path_factory) -> tuple[Path, dict]:
    return small_log(tmp_path_factory, "v26", SEED)


@pytest.fixture(scope="module")
def v26_log() -> tuple[list[dict], dict]:
    return full_window_log("v26")


def test_v26_every_scenario_emits_traffic_and_the_set_is_frozen(v26_small) -> None:
    assert_every_scenario_emits_and_the_bytes_are_frozen(*v26_small, ATTACK_TYPES, NEW_PERSONAS, BENIGN_V26, FROZEN_SHA256,
                                                        "v26")


def test_v26_campaign_ids_labels_and_client_software_do_not_leak(v26_small) -> None:
    path, labels = v26_small
    campaigns = {lab["campaign"] for lab in labels.values() if lab["campaign"]}
    assert campaigns and all(c.startswith("v26-") for c in campaigns)
    agents: dict[str, set[str]] = {"attack": set(), "benign": set()}
    for line in path.read_bytes().splitlines():
        text = line.decode()
        assert '"v26-' not in text and '"attack"' not in text
        r = orjson.loads(line)
        agents[labels[r["principal"]]["label"]].add(r["client"]["user_agent"])
    assert agents["attack"] and agents["attack"] <= agents["benign"]


def test_v26_logs_response_text_for_a_share_of_attack_and_benign_records(v26_log) -> None:
    records, labels = v26_log
    assert_response_text_for_a_share_of_attack_and_benign_records(records, labels)
    assert_response_text_length_follows_output_tokens(records)
    assert not any("response_text" in r for r in records if r["api"] == EMB)
    assert 400 <= sum(lab["label"] == "attack" for lab in labels.values()) <= 480


def test_v26_items_name_their_capability_and_documents_agree_with_their_gold() -> None:
    """Every phrasing of every template carries the marks of its own capability only; a document's gold labels are
    in its schemes' label sets, its entity spans are in its text, and its JSON record has the schema's fields."""
    import random

    from benchmarks.traffic import corpus_v26 as C
    from benchmarks.traffic import corpus_v26_docs as D
    from benchmarks.traffic import corpus_v26_more as M

    assert_items_name_their_capability(C, 4)
    rng = random.Random(3)
    for _ in range(400):
        cap = rng.choice(C.CAPS)
        doc, gold = D.document(rng, cap)
        for scheme, options in M.SCHEMES[cap].items():
            label = M.gold_label(cap, gold, scheme)
            assert (label in options) if options else re.fullmatch(r"[A-Z]\d\d(\.\d+)?|[A-H]\d\d[A-Z]", label), label
        spans = [line.split(": ", 1) for line in M.entities(cap, gold).splitlines()]
        if cap != "clause":  # a clause's parties and amounts are; its durations are worded as the clause words them
            assert all(s in doc for k, s in spans if k != "ASPECT"), (doc, spans)
        names = M.field_names(rng, cap)
        assert set(orjson.loads(M.record(cap, gold, names))) == set(M.schema(cap, names)["properties"])
    text, gold = D.invoice(rng)
    assert set(orjson.loads(M.record("invoice", gold))) == set(M.schema("invoice")["properties"])
    assert f"{gold['total']:.2f}" in text


def test_v26_hydra_stays_under_quota_and_opens_in_waves_like_the_student_annotators_stay_under_theirs(v26_log) -> None:
    """And the careful hydra accounts paste a document and ask which label, in one line why."""
    from benchmarks.traffic.corpus_v26_more import SHIFT_ASKS

    records, labels = v26_log
    assert_hydra_stays_under_quota_and_opens_in_waves(records, labels, "annotator_agreement_study")
    marks = [a.lower()[:20] for a in SHIFT_ASKS]
    asked = [r for r in by_scenario(records, labels, "hydra") if r["api"] != "openai.chat.completions" and
             any(m in first_user_text(r).lower() for m in marks)]
    assert len({r["principal"] for r in asked}) >= 40


# ---- labels ----
_DOC = (re.compile(r"Answer with the (?:label|code) only\.\n\n(.+)$", re.S),
        re.compile(r"^(.+)\n\nWhich [a-z ]+ label fits best: .+\? One word, no explanation\.$", re.S),
        re.compile(r"^(.+)\n\n[a-z ]+ for the text above\? Code only\.$", re.S),
        re.compile(r"^Task: [a-z ]+\n(?:Options: .+\n)?Text: (.+)\n(?:Label|Code):$", re.S))


def label_doc(text: str) -> str | None:
    """The document of a label request (corpus_v26_more.LABEL_T, OPEN_T), or None."""
    return next((m.group(1) for rx in _DOC if (m := rx.search(text))), None)


def max_out(r: dict) -> int:
    """The output-token limit a request sets (a large number when it sets none)."""
    req = r["request"]
    return req.get("max_tokens") or req.get("max_output_tokens") or 10**6


def test_v26_label_harvest_takes_labels_not_answers_like_the_moderation_classifier_and_the_vendor(v26_log) -> None:
    """Most label_harvest requests allow 16 output tokens or fewer at temperature 0, a good share with logprobs; the
    careful accounts stay small (under 60 requests in any UTC day) and split each document's schemes over three
    accounts at least an hour apart. The moderation product, the vendor's QA team and the study's lab key send
    one-token label requests with logprobs too."""
    records, labels = v26_log
    rows = by_scenario(records, labels, "label_harvest")
    tiny = [r for r in rows if max_out(r) <= 16]
    assert len(tiny) >= 0.55 * len(rows) and len({r["principal"] for r in rows}) == 64
    assert all(r["request"].get("temperature") == 0 for r in tiny if r["api"] != "openai.responses")
    assert sum(bool(r["request"].get("top_logprobs")) for r in tiny) >= 0.4 * len(tiny)
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    per_day = Counter((r["principal"], day_of(r, t0)) for r in rows)
    small = {p for p in {r["principal"] for r in rows} if max(n for (q, _), n in per_day.items() if q == p) < 60}
    assert len(small) >= 45
    seen: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for r in rows:
        if r["principal"] in small and (doc := label_doc(first_user_text(r))):
            seen[doc].append((r["ts"], r["principal"]))
    split = [v for v in seen.values() if len({p for _, p in v}) == len(v) >= 2]
    assert len(split) >= 500 and all(max(t for t, _ in v) - min(t for t, _ in v) >= 3600 for v in split)
    for twin, lo in (("moderation_classifier", 500), ("label_vendor_qa", 50), ("prompt_sensitivity_study", 100)):
        one = [r for r in by_scenario(records, labels, twin) if max_out(r) == 1 and r["request"].get("top_logprobs")]
        assert len(one) >= lo, (twin, len(one))


def test_v26_entity_and_relation_tags_come_back_as_short_lines(v26_log) -> None:
    records, labels = v26_log
    rows = [r for r in by_scenario(records, labels, "label_harvest") if first_user_text(r).startswith(("NER [", "RE [",
                                                                                                        "Extract all",
                                                                                                        "Tag the ent",
                                                                                                        "List every"))
            or "Relations of type" in first_user_text(r)]
    assert len(rows) >= 1000 and all(max_out(r) <= 256 for r in rows)
    logged = [r["response_text"] for r in rows if "response_text" in r]
    assert logged and all(re.fullmatch(r"([A-Z]+: .+|.+ \| [a-z_]+ \| .+)(\n([A-Z]+: .+|.+ \| [a-z_]+ \| .+))*", x)
                          for x in logged)


def test_v26_label_orders_rotate_minutes_apart_like_the_prompt_sensitivity_study(v26_log) -> None:
    """The moderate sampling accounts send one document with its label list in 3-4 orders within a few minutes; the
    study's lab key sends each item in two orders under three prompt shapes."""
    records, labels = v26_log
    for scenario, k, lo in (("sampling", 3, 100), ("prompt_sensitivity_study", 2, 20)):
        orders: dict[tuple[str, str], list[tuple[float, str]]] = defaultdict(list)
        for r in by_scenario(records, labels, scenario):
            text = first_user_text(r)
            doc = label_doc(text)
            m = re.search(r"(?:Labels: |best: |Options: )(.+?)(?:\. Answer|\? One|\n)", text)
            if doc and m and not r["request"].get("n"):
                orders[(r["principal"], doc)].append((r["ts"], m.group(1).replace(" | ", ", ").replace("/", ", ")))
        runs = []  # a key's requests split where two are more than two minutes apart
        for v in orders.values():
            v.sort()
            runs += [v[i:j] for i, j in zip([0] + [j for j in range(1, len(v)) if v[j][0] - v[j - 1][0] > 120],
                                            [j for j in range(1, len(v)) if v[j][0] - v[j - 1][0] > 120] + [len(v)],
                                            strict=True)]
        rotated = [v for v in runs if len({o for _, o in v}) >= k]
        assert len(rotated) >= lo and len(rotated) >= 0.8 * len(runs), (scenario, len(rotated), len(runs))
        assert all(v[-1][0] - v[0][0] <= 300 for v in rotated)


# ---- records and embeddings ----
def structured(r: dict) -> str | None:
    """The schema name of a structured-output request (json_schema, text.format or a forced tool), or None."""
    req = r["request"]
    if (req.get("response_format") or {}).get("type") == "json_schema":
        return req["response_format"]["json_schema"]["name"]
    if ((req.get("text") or {}).get("format") or {}).get("type") == "json_schema":
        return req["text"]["format"]["name"]
    if (req.get("tool_choice") or {}).get("type") == "tool":
        return req["tool_choice"]["name"]
    return None


def test_v26_schema_extraction_returns_records_of_its_schema_like_the_invoice_etl(v26_log) -> None:
    """Structured requests in three API dialects; every logged reply is a JSON object with exactly the schema's
    fields; a careful account keeps one schema name; the ETL team's are the same shape."""
    records, labels = v26_log
    for scenario, lo in (("schema_extraction", 2000), ("invoice_etl", 300)):
        rows = [r for r in by_scenario(records, labels, scenario) if structured(r)]
        assert len(rows) >= lo, (scenario, len(rows))
        for r in rows:
            if "response_text" not in r:
                continue
            req = r["request"]
            sch = (req.get("response_format") or {}).get("json_schema", {}).get("schema") or \
                (req.get("text") or {}).get("format", {}).get("schema") or req["tools"][0]["input_schema"]
            assert set(orjson.loads(r["response_text"])) == set(sch["properties"])
    dialects = Counter(r["api"] for r in by_scenario(records, labels, "schema_extraction") if structured(r))
    assert len(dialects) == 3, dialects
    names = defaultdict(set)
    for r in by_scenario(records, labels, "schema_extraction"):
        if structured(r) and system_prompt(r).startswith("You are the extraction step"):
            names[r["principal"]].add(structured(r))
    assert len(names) == 18 and all(len(v) == 1 for v in names.values())


def embedded(r: dict) -> list[str]:
    x = r["request"]["input"]
    return x if isinstance(x, list) else [x]


def test_v26_the_same_documents_are_labelled_extracted_and_embedded_by_different_accounts(v26_log) -> None:
    records, labels = v26_log
    labelled: dict[str, set[str]] = defaultdict(set)
    for r in by_scenario(records, labels, "label_harvest"):
        if doc := label_doc(first_user_text(r)):
            labelled[doc].add(r["principal"])
    extracted = {user_texts(r)[0].split("\n\n")[-1] for r in by_scenario(records, labels, "schema_extraction")
                 if structured(r)}
    embedded_docs = {x for r in by_scenario(records, labels, "embedding_harvest") if r["api"] == EMB
                     for x in embedded(r)}
    assert len(extracted & set(labelled)) >= 500 and len(embedded_docs & set(labelled)) >= 1000
    assert len(extracted & embedded_docs & set(labelled)) >= 300


def test_v26_embeddings_are_sent_by_attack_and_benign_accounts_alike(v26_log) -> None:
    """Embedding models, batch sizes, single queries and `dimensions` of the harvest all occur in benign traffic."""
    records, labels = v26_log
    shapes: dict[str, Counter] = {"attack": Counter(), "benign": Counter()}
    for r in records:
        if r["api"] == EMB:
            n = len(embedded(r))
            size = "one" if n == 1 else "few" if n <= 8 else "batch"
            shapes[labels[r["principal"]]["label"]].update({r["request"]["model"], size,
                                                            f"dims:{bool(r['request'].get('dimensions'))}"})
    assert {"one", "few", "batch", "dims:True", "dims:False"} <= set(shapes["attack"])
    assert all(shapes["benign"][k] >= 10 for k in shapes["attack"] if k not in ("few",)), shapes
    batches = [len(embedded(r)) for r in by_scenario(records, labels, "embedding_harvest", "search_embedding_indexer")
               if r["api"] == EMB and len(embedded(r)) > 8]
    assert batches and min(batches) >= 32 and max(batches) <= 96


# ---- the recurring families ----
def test_v26_careful_cot_harvesters_ask_for_gold_annotations_like_the_guideline_authors(v26_log) -> None:
    from benchmarks.traffic.attacks_v26 import COT_SYS
    from benchmarks.traffic.corpus_v26_more import GOLD_ASKS

    records, labels = v26_log
    for scenario, lo in (("cot_harvester", 200), ("guideline_author", 20)):
        rows = [r for r in by_scenario(records, labels, scenario) if r["api"] != "openai.chat.completions" or
                scenario != "cot_harvester"]
        if scenario == "cot_harvester":
            assert len({r["principal"] for r in rows}) == 2
            assert all(COT_SYS not in str(r["request"]) for r in rows)
        assert sum(any(a in first_user_text(r) for a in GOLD_ASKS) for r in rows) >= lo, scenario


def test_v26_careful_mixed_into_chat_never_opens_with_a_label_ask(v26_log) -> None:
    from benchmarks.traffic.corpus_v26_more import QUICK_LABEL

    records, labels = v26_log
    rows = by_scenario(records, labels, "mixed_into_chat")
    nightly = {r["principal"] for r in rows if max_out(r) == 1 and r["request"].get("top_logprobs")}
    assert len(nightly) == 4
    marks = [max(m.split("{labels}"), key=len).strip(" -?:(").lower() for m in QUICK_LABEL]
    later = 0
    for r in rows:
        if r["principal"] in nightly:
            continue
        texts = [t.lower() for t in user_texts(r)]
        assert not any(m in texts[0] for m in marks)
        later += any(m in t for t in texts[1:3] for m in marks)
    assert later >= 50


def test_v26_agents_call_the_annotation_tools_in_attack_and_benign_traffic(v26_log) -> None:
    from benchmarks.traffic.corpus_v26_more import ANNOT_SYS

    records, labels = v26_log
    for scenario, lo in (("agentic_distill", 500), ("label_vendor_qa", 50)):
        rows = by_scenario(records, labels, scenario)
        assert sum(bool(r["request"].get("tools")) and ANNOT_SYS in str(r["request"]) for r in rows) >= lo, scenario


def test_v26_student_annotators_stay_under_the_study_quota(v26_log) -> None:
    records, labels = v26_log
    t0 = records[0]["ts"] - records[0]["ts"] % 86400
    rows = by_scenario(records, labels, "annotator_agreement_study")
    per_day = Counter((r["principal"], day_of(r, t0)) for r in rows)
    assert per_day and max(per_day.values()) <= 25
    items = Counter(first_user_text(r).split("\n\n", 1)[1] for r in rows)
    assert sum(n >= 2 for n in items.values()) >= 10  # the study's items go to several annotators


def test_v26_no_request_feature_is_attack_only(v26_log) -> None:
    assert_no_request_feature_is_attack_only(*v26_log)


def test_v26_models_and_end_user_id_shapes_of_attack_traffic_also_occur_in_benign_traffic(v26_log) -> None:
    assert_models_and_end_user_shapes_of_attack_traffic_occur_in_benign_traffic(*v26_log)


def test_v26_follow_ups_wait_longer_after_longer_answers_in_attack_and_benign_traffic(v26_log) -> None:
    from tests.extraction.blind_traffic import follow_up_gaps

    records, labels = v26_log
    v26 = {"hydra", "cot_harvester", "mixed_into_chat", "paraphrased", "sampling", "taxonomy", "guideline_author",
           "polyglot_trust_desk", "annotator_agreement_study", "label_vendor_qa"}
    assert_follow_ups_wait_longer_after_longer_answers(
        follow_up_gaps([r for r in records if labels[r["principal"]]["scenario"] in v26], labels))


def test_v26_client_metadata_does_not_cluster_attack_accounts(v26_log) -> None:
    assert_client_metadata_does_not_cluster_attack_accounts(*v26_log, ("hydra", "paraphrased", "label_harvest",
                                                                       "schema_extraction", "embedding_harvest"))


def test_v26_languages_occur_in_attack_and_benign_traffic(v26_log) -> None:
    from benchmarks.traffic.corpus_v26 import WRAP

    seen = languages_seen(*v26_log, WRAP)
    assert seen["attack"] == set(WRAP) and seen["benign"] == set(WRAP), seen
