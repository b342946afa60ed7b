"""Text pools for the `v26` variant, continued (see corpus_v26.py; written blind the same way): the label schemes of
the four capabilities and the prompts that ask the teacher for a label (three shapes, the label list in any order),
for entities (TYPE: span lines) and for relations (head | relation | tail lines); the JSON schemas of structured
extraction with the record the teacher fills from a document's gold annotation (field names renamed per client);
an annotation agent (fetch a document, read the guideline, look up labelled examples, record a label, flag a
disagreement) for the agentic campaign and a labelling vendor's QA agent; the asks of annotation work; and the
response texts of the v26 styles, sized from usage.output_tokens like v11-v25. Nothing here imports corpus_v26 (it
imports this module)."""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v25_more as C25
from benchmarks.traffic import corpus_v26_docs as D
from benchmarks.traffic.corpus_v11_answers import REASONING_MODELS

NOUN = {"clause": "contract clause", "clinical": "discharge note", "review": "product review",
        "patent": "patent abstract"}
# scheme -> its labels (None: an open code, answered in a few tokens)
SCHEMES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "clause": {"clause_type": D.CLAUSE_TYPES, "risk": ("low", "medium", "high"),
               "favours": ("party_a", "party_b", "mutual")},
    "clinical": {"chapter": tuple(D.CHAPTERS.values()), "principal_code": None,
                 "acuity": ("elective", "urgent", "emergency")},
    "review": {"polarity": ("positive", "negative", "mixed"), "stars": ("1", "2", "3", "4", "5"),
               "main_aspect": D.ASPECTS},
    "patent": {"section": D.SECTIONS, "subclass": None, "software": ("yes", "no")},
}


def gold_label(cap: str, gold: dict[str, Any], scheme: str) -> str:
    g = {"clause_type": gold.get("type"), "principal_code": (gold.get("codes") or [("", "")])[0][1],
         "polarity": gold.get("overall"), "stars": str(gold.get("stars")), "main_aspect": gold.get("main"),
         "subclass": gold.get("subclass")}
    return str(g[scheme] if scheme in g else gold[scheme])


LABEL_T = ("Classify this {noun} by {scheme}. Labels: {labels}. Answer with the label only.\n\n{doc}",
           "{doc}\n\nWhich {scheme} label fits best: {bar}? One word, no explanation.",
           "Task: {scheme}\nOptions: {slash}\nText: {doc}\nLabel:")
OPEN_T = ("What is the {scheme} of this {noun}? Answer with the code only.\n\n{doc}",
          "{doc}\n\n{scheme} for the text above? Code only.", "Task: {scheme}\nText: {doc}\nCode:")


def label_prompt(cap: str, scheme: str, doc: str, shape: int, labels: tuple[str, ...] | None = None) -> str:
    """The ask for one label (labels: the list in the order the asker sends it; the scheme's own by default)."""
    labels = labels or SCHEMES[cap][scheme]
    name = scheme.replace("_", " ")
    if labels is None:
        return OPEN_T[shape].format(scheme=name, noun=NOUN[cap], doc=doc)
    return LABEL_T[shape].format(noun=NOUN[cap], scheme=name, labels=", ".join(labels), bar=" | ".join(labels),
                                 slash="/".join(labels), doc=doc)


def label_tokens(cap: str, scheme: str) -> int:
    """max_tokens a label script sets: 1 for a closed label set, a few for a code."""
    return 1 if SCHEMES[cap][scheme] is not None else 6


ENTITY_TYPES = {"clause": ("PARTY", "DURATION", "AMOUNT", "JURISDICTION"), "clinical": ("PROBLEM", "MEDICATION", "TEST"),
                "review": ("PRODUCT", "ASPECT", "OPINION"), "patent": ("DEVICE", "COMPONENT", "EFFECT")}
NER_T = ("Extract all {types} mentions from the text. One per line as TYPE: span. Output nothing else.\n\n{doc}",
         "Tag the entities ({types}) in this:\n{doc}\n\nFormat: TYPE: span, one per line.",
         "NER [{types}]\n{doc}")
RELATIONS = {"clause": "owes", "clinical": "treats", "review": "describes", "patent": "part_of"}
REL_T = ("List every '{rel}' relation in the text as head | {rel} | tail, one per line, nothing else.\n\n{doc}",
         "{doc}\n\nRelations of type {rel} (head | {rel} | tail), one per line:",
         "RE [{rel}]\n{doc}")


def ner_prompt(cap: str, doc: str, shape: int) -> str:
    return NER_T[shape].format(types=", ".join(ENTITY_TYPES[cap]), doc=doc)


def rel_prompt(cap: str, doc: str, shape: int) -> str:
    return REL_T[shape].format(rel=RELATIONS[cap], doc=doc)


def entities(cap: str, gold: dict[str, Any]) -> str:
    if cap == "clause":
        rows = [("PARTY", p) for p in gold["parties"]] + [("DURATION", f"{gold['days']} days")] * bool(gold["days"]) \
            + [("AMOUNT", gold["amount"])] * bool(gold["amount"]) + [("JURISDICTION", gold["law"])] * bool(gold["law"])
    elif cap == "clinical":
        rows = [("PROBLEM", d) for d, _ in gold["codes"]] + [("MEDICATION", m) for m in gold["meds"]] + \
            [("TEST", t) for t in gold["tests"]]
    elif cap == "review":
        rows = [("PRODUCT", gold["product"])] + [("ASPECT", a) for a, _, _ in gold["aspects"]] + \
            [("OPINION", s.split(",")[0].rstrip(".")) for _, _, s in gold["aspects"][:2]]
    else:
        rows = [("DEVICE", gold["title"])] + [("COMPONENT", c) for c in gold["components"]] + [("EFFECT", gold["effect"])]
    return "\n".join(f"{k}: {v}" for k, v in rows)


def relations(cap: str, gold: dict[str, Any]) -> str:
    if cap == "clause":
        rows = [(gold["obligor"], "owes", f"{gold['type'].replace('_', ' ')} duty to {gold['beneficiary']}")]
    elif cap == "clinical":
        rows = [(m, "treats", d) for m, (d, _) in zip(gold["meds"], gold["codes"], strict=True)]
    elif cap == "review":
        rows = [(" ".join(s.rstrip(".").split(" ")[:5]), "describes", a) for a, _, s in gold["aspects"]]
    else:
        rows = [(c, "part_of", gold["title"]) for c in gold["components"]]
    return "\n".join(" | ".join(r) for r in rows)


# ---- structured extraction: a schema per capability, the record filled from the gold annotation ----
FIELDS: dict[str, dict[str, Any]] = {
    "clause": {"clause_type": list(D.CLAUSE_TYPES), "obligor": "string", "beneficiary": "string",
               "notice_days": "integer", "liability_cap": "string", "governing_law": "string", "mutual": "boolean"},
    "clinical": {"principal_diagnosis": "string", "principal_icd10": "string", "secondary_icd10": "array",
                 "medications": "array", "age": "integer", "sex": ["man", "woman"]},
    "review": {"product": "string", "overall": ["positive", "negative", "mixed"], "stars": "integer",
               "positive_aspects": "array", "negative_aspects": "array"},
    "patent": {"device": "string", "cpc": "string", "section": list(D.SECTIONS), "components": "array",
               "technical_effect": "string"},
    "invoice": {"supplier": "string", "invoice_number": "string", "date": "string", "currency": "string",
                "net": "number", "vat_rate": "number", "total": "number", "lines": "lines"},
}
SCHEMA_NAMES = {"clause": ("clause_record", "contract_terms", "clause_facts"), "clinical": ("coded_encounter",
                "discharge_codes", "encounter_record"), "review": ("review_aspects", "review_record", "opinion_tags"),
                "patent": ("patent_facets", "patent_record", "prior_art_tags"), "invoice": ("invoice", "ap_invoice")}
SYNONYMS = {"obligor": ("obliged_party", "owing_party"), "beneficiary": ("counterparty", "benefiting_party"),
            "notice_days": ("notice_period_days", "days_notice"), "medications": ("drugs", "meds"),
            "principal_icd10": ("primary_code", "main_icd10"), "overall": ("sentiment", "overall_polarity"),
            "positive_aspects": ("pros", "liked"), "negative_aspects": ("cons", "disliked"),
            "technical_effect": ("effect", "advantage"), "components": ("parts", "elements")}


def field_names(rng: random.Random, cap: str) -> dict[str, str]:
    """A client's own names for the fields (a per-account choice): canonical name -> the name it sends."""
    return {k: rng.choice(SYNONYMS[k]) if k in SYNONYMS and rng.random() < 0.5 else k for k in FIELDS[cap]}


def schema(cap: str, names: dict[str, str] | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for k, ty in FIELDS[cap].items():
        if isinstance(ty, list):
            spec: dict[str, Any] = {"type": "string", "enum": ty}
        elif ty == "array":
            spec = {"type": "array", "items": {"type": "string"}}
        elif ty == "lines":
            spec = {"type": "array", "items": {"type": "object", "properties": {"description": {"type": "string"},
                    "quantity": {"type": "number"}, "unit_price": {"type": "number"}},
                    "required": ["description", "quantity", "unit_price"], "additionalProperties": False}}
        else:
            spec = {"type": [ty, "null"]} if k in ("notice_days", "liability_cap", "governing_law") else {"type": ty}
        props[(names or {}).get(k, k)] = spec
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def record(cap: str, gold: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """The JSON the teacher returns for a document: the schema's fields filled from the gold annotation."""
    if cap == "clause":
        r: dict[str, Any] = {"clause_type": gold["type"], "obligor": gold["obligor"], "beneficiary": gold["beneficiary"],
                             "notice_days": gold["days"], "liability_cap": gold["amount"],
                             "governing_law": gold["law"], "mutual": gold["favours"] == "mutual"}
    elif cap == "clinical":
        r = {"principal_diagnosis": gold["codes"][0][0], "principal_icd10": gold["codes"][0][1],
             "secondary_icd10": [c for _, c in gold["codes"][1:]], "medications": gold["meds"], "age": gold["age"],
             "sex": gold["sex"]}
    elif cap == "review":
        r = {"product": gold["product"], "overall": gold["overall"], "stars": gold["stars"],
             "positive_aspects": [a for a, p, _ in gold["aspects"] if p == "positive"],
             "negative_aspects": [a for a, p, _ in gold["aspects"] if p == "negative"]}
    elif cap == "patent":
        r = {"device": gold["title"], "cpc": gold["cpc"], "section": gold["section"], "components": gold["components"],
             "technical_effect": gold["effect"]}
    else:
        r = dict(gold)
    return orjson.dumps({(names or {}).get(k, k): v for k, v in r.items()}).decode()


def response_format(api: str, name: str, sch: dict[str, Any]) -> dict[str, Any]:
    """The request parameters that ask for a record of schema `sch` in the API's own way (Anthropic: a forced tool)."""
    if api == "anthropic.messages":
        return {"tools": [{"name": name, "description": "Record the fields extracted from the document.",
                           "input_schema": sch}], "tool_choice": {"type": "tool", "name": name}}
    if api == "openai.responses":
        return {"text": {"format": {"type": "json_schema", "name": name, "strict": True, "schema": sch}}}
    return {"response_format": {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": sch}}}


# ---- an annotation agent (agentic_distill; the labelling vendor's QA agent) ----
ANNOT_SYS = ("You are an annotation assistant. For each document, fetch it, read the guideline of the scheme, compare "
             "labelled examples, record one label, and flag the document if the guideline does not settle it.")
_AP = {"doc_id": ("string", "document id"), "scheme": ("string", "label scheme"), "label": ("string", "chosen label"),
       "query": ("string", "text to match"), "note": ("string", "why it is unclear"), "k": ("integer", "how many")}
ANNOT_TOOLS = [{"name": n, "description": d, "params": {p: _AP[p] for p in ps}, "required": list(ps[:1])}
               for n, d, ps in (
    ("fetch_document", "Fetch a document of the batch by id", ("doc_id",)),
    ("get_guideline", "The annotation guideline of a label scheme", ("scheme",)),
    ("search_examples", "Labelled examples most similar to a text", ("query", "k")),
    ("record_label", "Record the label of a document under a scheme", ("doc_id", "scheme", "label")),
    ("flag_disagreement", "Send a document to adjudication", ("doc_id", "note")))]
ANNOT_TASKS = ("Label batch {b}: {n} {noun}s under the {s} scheme; record each label.",
               "Adjudicate the {n} {noun}s in batch {b} where two annotators disagreed on {s}.",
               "Relabel the {n} {noun}s of batch {b} whose {s} labels failed QA, and flag any the guideline misses.",
               "Spot-check {n} {noun}s from batch {b} against the {s} guideline and record corrections.")


def annot_task(rng: random.Random, tasks: tuple[str, ...] = ANNOT_TASKS) -> str:
    cap = rng.choice(tuple(NOUN))
    return rng.choice(tasks).format(b=f"B-{rng.randint(100, 9999)}", n=rng.choice((10, 20, 25, 50)), noun=NOUN[cap],
                                    s=rng.choice(tuple(SCHEMES[cap])).replace("_", " "))


def annot_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an annotation episode; stub results when not `realistic`."""
    name = "fetch_document" if k == 0 else rng.choice([t["name"] for t in ANNOT_TOOLS])
    if not realistic:
        return name, {"doc_id": "x"}, "ok"
    did, cap = f"D-{rng.randint(100000, 999999)}", rng.choice(tuple(NOUN))
    if name == "fetch_document":
        return name, {"doc_id": did}, D.document(rng, cap)[0]
    if name == "get_guideline":
        s = rng.choice(tuple(SCHEMES[cap]))
        return name, {"scheme": s}, f"{s}: pick the label the operative words support; if two fit, prefer the " \
            f"narrower one and flag it (v{rng.randint(2, 9)}.{rng.randint(0, 9)})."
    if name == "search_examples":
        return name, {"query": "(text)", "k": 3}, "; ".join(f"D-{rng.randint(100000, 999999)} -> "
                                                             f"{rng.choice(D.CLAUSE_TYPES + D.ASPECTS)}"
                                                             for _ in range(3))
    if name == "record_label":
        return name, {"doc_id": did, "scheme": "(scheme)", "label": "(label)"}, "recorded"
    return name, {"doc_id": did, "note": "(note)"}, f"queued for adjudication (#{rng.randint(100, 999)})"


# ---- the asks ----
GOLD_ASKS = ("Write this up as a worked example for our annotation guideline: the label, the exact words that decide "
             "it, and why the nearest other label does not apply.", "Could you turn this into a guideline example - "
             "gold label, the deciding span, and the near-miss label with the reason it loses?", "I need a gold "
             "annotation for this one that new annotators can learn from: label, evidence span, and the usual wrong "
             "label.")
SHIFT_ASKS = ("which label would you give this, and in one line why?", "What label fits here? one-line reason "
              "please", "how would you tag this one? label + short reason", "label and a one-sentence justification?")
QUICK_LABEL = ("quick one - which of these fits: {labels}? just the word", "what would you label this as ({labels})? "
               "one word is fine", "one-word answer: {labels}?")
SECOND_ASKS = ("Would a second annotator pick something else? Which, and why?", "hmm, what's the runner-up label?",
               "How confident are you, and what would make you change it?")
RETRY_ASKS = ("You left {field} empty; it is in the text. Extract again.", "{field} looks wrong - check the document "
              "and return the full record again.")

# ---- response texts ----
_CLAUSE = ("Label: {t}.", "Deciding words: \"shall not exceed\" caps the amount, so this is about liability, not "
           "payment.", "The obligation falls on the party named first; the other party benefits.", "Notice period: "
           "{k}0 days, written.", "Risk for the customer: {r}, because the cap is below the annual fees.",
           "Nearest other label: indemnification - but nothing here shifts third-party losses.", "Market-standard for "
           "a SaaS deal; the carve-out for fraud is usual.", "Mutual: both parties carry the same duty.")
_CLINICAL = ("Principal diagnosis: {dx} ({code}).", "Secondary: background condition, coded because it was treated "
             "during the stay.", "MEDICATION {med} treats PROBLEM {dx}.", "The finding supports the diagnosis; it is "
             "not coded separately.", "Chapter: the first letter of the code gives it.", "Query the physician if "
             "the note says 'likely' without confirming.", "Acuity: admitted via the emergency department.")
_REVIEW = ("ASPECT battery: negative (\"dead after barely {k} hours\").", "ASPECT value: positive.", "Overall: "
           "mixed - two aspects positive, one negative.", "Stars: about {s}, judging by the title.", "The complaint "
           "is about delivery, not the product itself.", "Severity for the quality team: {r}.", "No sarcasm: the "
           "praise is specific.")
_PATENT = ("CPC: {cpc}.", "Section {sec}: the claims are directed to the device, not the method of use.",
           "COMPONENT {comp} part_of the device.", "Technical problem: uneven behaviour under load; solution: the "
           "feature in the embodiment.", "Closest prior art would be in the same main group.", "Effect: {k}% "
           "improvement in the stated figure.", "Not software-implemented: the feature is mechanical.")
_GOLD = ("Gold label: {t}.", "Evidence span: the operative words of the second sentence.", "Near miss: the "
         "neighbouring label, rejected because its defining element is absent.", "Guideline rule: prefer the "
         "narrower label when both fit.", "Common annotator error: labelling by the heading instead of the text.",
         "Confidence: high ({k}/{k}+1 annotators agreed in pilot).")
_AGENT = ("Recorded {k}{j} labels; {k} flagged for adjudication.", "Guideline v{k}.{j} settles all but two "
          "documents.", "QA agreement with the human labels: 0.{k}{j}.", "Batch complete; corrections logged.")
POOLS = {"clause": (_CLAUSE, "\n", False), "clinical": (_CLINICAL, "\n", False), "review": (_REVIEW, "\n", False),
         "patent": (_PATENT, "\n", False), "gold": (_GOLD, "\n", False), "annot_agent": (_AGENT, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    dx, code, med = rng.choice(D.DIAGNOSES)[:3]
    dev, cpc, parts, _, _ = rng.choice(D.FIELDS)
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9), t=rng.choice(D.CLAUSE_TYPES + D.ASPECTS),
                    r=rng.choice(("low", "medium", "high")), dx=dx, code=code, med=med, s=rng.randint(1, 5), cpc=cpc,
                    sec=cpc[0], comp=rng.choice(parts))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v26 pools (corpus_v14.answer); styles of earlier
    variants fall through to corpus_v25_more.answer. (corpus_v26.answer adds labels, entities, relations and
    records.)"""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=C25.answer,
                    bracketed="-")


def budget(rng: random.Random, out_tokens: int, model: str) -> float:
    return out_tokens * rng.uniform(3.4, 4.4) * (rng.uniform(0.3, 0.7) if model in REASONING_MODELS else 1.0)
