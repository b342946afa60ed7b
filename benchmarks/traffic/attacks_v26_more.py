"""Attack campaigns of `variant="v26"`, continued (attacks_v26.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v26-".

- paraphrased: 60 accounts; each annotation question's five versions (three English phrasings and the question
  wrapped in two v26 languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts running an annotation agent (fetch a document, read the guideline, look up labelled
  examples, record a label, flag a disagreement): trajectories of labelling with tools.
- label_harvest (new): the teacher's labels, not its prose. Documents of the operator's scrape (corpus_v26.scrape)
  go out with a label set and "answer with the label only": max_tokens 1 (a few for a code), temperature 0, and on
  chat logprobs with top_logprobs, so each request brings back a soft label over the whole set; entity and relation
  tags come back as a few short lines. The blunt accounts label every document under every scheme of its
  capability seconds apart, around the clock; the careful ones are many small accounts, one capability each, that
  label in sessions at a person's pace, chat in between, and take each document under one scheme only - its other
  schemes go to other accounts hours later.
- schema_extraction (new): the teacher as an information-extraction model. The same scraped documents go out with a
  strict JSON schema (a json_schema response format on chat, text.format on the Responses API, a forced tool on
  Anthropic) and come back as records: clause terms, ICD-10 codes and medications, aspect polarities, CPC groups and
  components. The blunt accounts send one canonical schema per capability around the clock; the careful ones look
  like a product's document pipeline (a schema of their own naming, office hours, a retry turn when a field came back
  empty).
- embedding_harvest (new): the teacher's embeddings of the same documents, for a student embedding model. The blunt
  accounts send the scrape in batches of 32-64 documents around the clock; the careful ones look like a search or RAG
  app: a few documents at a time as if users uploaded them, query embeddings, and a relevance ask ("which of these
  passages answer the query? numbers only") over what the query retrieved.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v26 as C
from benchmarks.traffic import corpus_v26_more as M
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v26 response texts
EMB = "openai.embeddings"
EMB_MODELS = ("text-embedding-3-small", "text-embedding-3-large")


def label_request(ctx: Ctx, acct: dict, t: float, api: str, model: str, cap: str, scheme: str, doc: str,
                  gold: dict, shape: int, top: int | None, *, labels: tuple[str, ...] | None = None,
                  system: str | None = None, user: str | None = None, wrong: float = 0.08, **extra) -> str:
    """One label request (shared with the benign labellers): the label prompt, max_tokens 1 (a few for a code; 16 on
    the Responses API, its floor), temperature 0, logprobs with top_logprobs `top` on chat when given. The reply is
    the gold label, or now and then a neighbour (the teacher errs too). Returns the reply."""
    rng = ctx.rng
    prompt = M.label_prompt(cap, scheme, doc, shape, labels)
    n = M.label_tokens(cap, scheme)
    params = dict(extra)
    if api == CHAT:
        params.setdefault("temperature", 0)
        if top:
            params.update(logprobs=True, top_logprobs=top)
    elif api == ANTH:
        params.setdefault("temperature", 0)
        n += 4
    else:
        n = 16
    body = build(api, model, system, [{"role": "user", "content": prompt}], n, **params)
    reply = M.gold_label(cap, gold, scheme)
    options = M.SCHEMES[cap][scheme]
    if options and rng.random() < wrong:
        reply = rng.choice(options)
    C.emit(ctx, t, acct, api, body, 1 if options else rng.randint(2, 5), text=reply, user=user)
    return reply


def tags_request(ctx: Ctx, acct: dict, t: float, api: str, model: str, cap: str, doc: str, gold: dict, kind: str,
                 shape: int, top: int | None = None, **extra) -> None:
    """One entity ('ner') or relation ('rel') request: a few short lines back, temperature 0."""
    prompt = (M.ner_prompt if kind == "ner" else M.rel_prompt)(cap, doc, shape)
    reply = (M.entities if kind == "ner" else M.relations)(cap, gold)
    params = dict(extra)
    if api != RESP:
        params["temperature"] = 0
    if api == CHAT and top:
        params.update(logprobs=True, top_logprobs=top)
    body = build(api, model, None, [{"role": "user", "content": prompt}], ctx.rng.choice((128, 160, 200, 256)),
                 **params)
    C.emit(ctx, t, acct, api, body, C.out_tokens(ctx.rng, reply), text=reply)


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each annotation question (the four capabilities in turn) has five versions (the three phrasings, and the
    first phrasing wrapped in two v26 languages); the five go to five different accounts, each at least 2-30 hours
    after the one before. Accounts 0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on
    gpt-4o-mini, the version plus 'Label it and say why, please.' Accounts 15-59 (careful): 2-9 a day in sessions of
    1-4 (weekends x0.5), a voice each (25% in the v26 languages), 30% everyday sessions, follow-ups timed by reading,
    three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v26-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((s[0], acct, len(s), careful, v, api, model, temp))
    n = [0]

    def versions() -> list[tuple[str, str]]:
        s = C.seed(rng, C.CAPS[n[0] % 4])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(s, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(s, 0)) for lg in lgs]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, versions, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nLabel it and say why, please.", style, (200, 900))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def annot_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                  user: str | None = None) -> float:
    """One annotation-agent episode (shared with personas_v26.label_vendor_qa)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=M.ANNOT_TOOLS), system=M.ANNOT_SYS, step=M.annot_step,
                          emit=C.emit, last_out=(150, 700), temperature=0.2, style="annot_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two annotation tasks over and over with stub tool results, 15-25
    episodes a day around the clock, 5-8 steps. Accounts 3-9 (careful): a labelling team's working hours (local
    8-19h, outside x0.1, weekends x0.3), 5-15 episodes a day, 3-9 steps, realistic results, three APIs; some name a
    few team members in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v26-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                annot_episode(ctx, acct, t, CHAT, "gpt-4.1", M.annot_task(rng, M.ANNOT_TASKS[:2]), rng.randint(5, 8),
                              False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 19), outside=0.1, weekend=0.3):
            annot_episode(ctx, acct, t, api, model, M.annot_task(rng), rng.randint(3, 9), True, rng.choice(team))


# ---- labels, entities and relations ----
def label_harvest(ctx: Ctx, variant: str) -> None:
    """Accounts 0-3 (blunt): chat gpt-4.1-mini, 300-600 requests a day around the clock; each new document of the
    scrape (the capabilities in turn) under every scheme of its capability one after another (LABEL_T's first shape,
    max_tokens 1 or 6, logprobs with top_logprobs 20, temperature 0). Accounts 4-11 (moderate): entity and relation
    tags (NER_T, REL_T) of scraped documents, 40-120 documents a day at local 7-20h (outside x0.3), the relation
    request 2-10 s after the entity one; chat (top_logprobs 3 on half of them) or Responses. Accounts 12-63 (careful):
    13 per capability, 12-40 requests a day in sessions of 3-12 labels 8-90 s apart (weekends x0.5), 15% of sessions
    everyday chat; each document's schemes are dealt to three different accounts of its capability 1-20 hours apart;
    each account keeps one prompt shape, its own order of the labels, one API (chat 60% with top_logprobs 3 or 5 on
    two thirds, Anthropic 25%, Responses 15%) and model."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for k in range(4):
        acct = account(ctx, "attack", "label_harvest", "v26-labels")
        queue: list[tuple[tuple[str, int], str]] = []
        n = k
        for t in ctx.steady_times(rng.uniform(300, 600), jitter=0.7):
            if not queue:
                ref, n = S.new(C.CAPS[n % 4]), n + 1
                queue = [(ref, scheme) for scheme in M.SCHEMES[ref[0]]]
            ref, scheme = queue.pop(0)
            doc, gold = S.get(ref)
            label_request(ctx, acct, t, CHAT, "gpt-4.1-mini", ref[0], scheme, doc, gold, 0, 20)
    for k in range(8):
        acct = account(ctx, "attack", "label_harvest", "v26-labels")
        api = (CHAT, RESP)[k % 2]
        model = ("gpt-4.1-mini", "gpt-4.1")[k // 2 % 2]
        shape = rng.randrange(3)
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(7, 20), outside=0.3):
            ref = S.old() if rng.random() < 0.6 else S.new()
            doc, gold = S.get(ref)
            top = 3 if api == CHAT and rng.random() < 0.5 else None
            tags_request(ctx, acct, t, api, model, ref[0], doc, gold, "ner", shape, top)
            tags_request(ctx, acct, t + rng.uniform(2, 10), api, model, ref[0], doc, gold, "rel", shape, top)
    for cap in C.CAPS:
        slots = []
        for _ in range(13):
            acct = account(ctx, "attack", "label_harvest", "v26-labels")
            v = C.voice(rng, C.lang(rng, 0.1))
            api = rng.choices((CHAT, ANTH, RESP), (60, 25, 15))[0]
            model = rng.choice(MODELS[api][:2])
            top = rng.choice((None, 3, 5)) if api == CHAT else None
            options = M.SCHEMES[cap]
            order = {s: tuple(rng.sample(ls, len(ls))) if ls else None for s, ls in options.items()}
            prefs = (rng.randrange(3), order, top)
            for s in C.human_sessions(ctx, acct, rng.uniform(12, 40), (3, 12), (8, 90), weekend_rate=0.5):
                if rng.random() < 0.15:
                    C.everyday_talk(ctx, acct, s[0], min(3, len(s)), v, api, model)
                    continue
                slots += [(t, acct, api, model, prefs) for t in s]

        def new_doc(cap=cap) -> tuple[tuple[str, int], list[str]]:
            ref = S.new(cap)
            return ref, rng.sample(list(M.SCHEMES[cap]), 3)

        for (t, acct, api, model, (shape, order, top)), (ref, schemes), j in deal_items(rng, slots, new_doc, 3,
                                                                                           (3600, 20 * 3600)):
            doc, gold = S.get(ref)
            label_request(ctx, acct, t, api, model, cap, schemes[j], doc, gold, shape, top, labels=order[schemes[j]])


# ---- structured extraction ----
EXTRACT_SYS = "Extract the fields of the document into the schema. Use null when a field is absent."
PIPELINE_SYS = ("You are the extraction step of {co}'s document pipeline. Fill every field from the document text "
                "only; never guess.")
PIPELINE_COS = ("Clausewise", "Medcode Flow", "ReviewLens", "Priorly", "DocuSift", "Termsheet.io", "ChartBridge",
                "Voxpop Analytics", "PatentPilot")
EXTRACT_ASKS = ("Extract the fields.", "Document:", "Fill the record for this document.", "")


def extract_request(ctx: Ctx, acct: dict, t: float, api: str, model: str, cap: str, doc: str, gold: dict,
                    name: str, names: dict[str, str] | None, system: str, ask: str = "", retry: float = 0.0,
                    user: str | None = None) -> float:
    """One extraction: the document (under `ask`), the schema as the API asks for one, temperature 0 (not on the
    Responses API), max_tokens 1024; with probability `retry` a second turn a few seconds later says a field came
    back empty and resends the history. Returns the time of the last request (shared with the benign ETL)."""
    rng = ctx.rng
    reply = M.record(cap, gold, names)
    params = M.response_format(api, name, M.schema(cap, names))
    turns = [((f"{ask}\n\n{doc}" if ask else doc), f"record:{cap}", (0, 0), 0.0, reply)]
    if rng.random() < retry:
        field = rng.choice(list((names or {k: k for k in M.FIELDS[cap]}).values()))
        turns.append((rng.choice(M.RETRY_ASKS).format(field=field), f"record:{cap}", (0, 0), 0.0, reply))
    return C.converse(ctx, acct, t, api, model, turns, None, system=system, user=user,
                      temperature=None if api == RESP else 0, max_tokens=1024, gap=(3, 40), **params)


def schema_extraction(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1, EXTRACT_SYS, one canonical schema per capability (strict json_schema
    response format), the capabilities in turn over the scrape in scraping order (new documents when it runs out),
    200-350 a day around the clock. Accounts 2-19 (careful): one capability each, a schema name and field names of
    their own (corpus_v26_more.field_names), PIPELINE_SYS with a made-up product, chat, Responses (text.format) or
    Anthropic (a forced tool) by account, 40-150 documents a day at local office hours (8-19h, outside x0.15,
    weekends x0.3), 10% with a retry turn; a careful account takes documents already scraped 70% of the time."""
    rng = ctx.rng
    S = C.scrape(ctx)
    ptr = {cap: 0 for cap in C.CAPS}
    for k in range(2):
        acct = account(ctx, "attack", "schema_extraction", "v26-extract")
        for n, t in enumerate(ctx.steady_times(rng.uniform(200, 350), jitter=0.6)):
            cap = C.CAPS[(n + k) % 4]
            ref = (cap, ptr[cap]) if ptr[cap] < len(S.docs[cap]) else S.new(cap)
            ptr[cap] += 1
            doc, gold = S.get(ref)
            extract_request(ctx, acct, t, CHAT, "gpt-4.1", cap, doc, gold, M.SCHEMA_NAMES[cap][0], None, EXTRACT_SYS)
    for k in range(18):
        acct = account(ctx, "attack", "schema_extraction", "v26-extract")
        cap, api = C.CAPS[k % 4], (CHAT, RESP, ANTH)[k % 3]
        model = rng.choice(MODELS[api][:2])
        names, name = M.field_names(rng, cap), rng.choice(M.SCHEMA_NAMES[cap])
        system = PIPELINE_SYS.format(co=rng.choice(PIPELINE_COS))
        ask = rng.choice(EXTRACT_ASKS)
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 150), hours=(8, 19), outside=0.15, weekend=0.3):
            ref = S.old(cap) if rng.random() < 0.7 else S.new(cap)
            doc, gold = S.get(ref)
            extract_request(ctx, acct, t, api, model, cap, doc, gold, name, names, system, ask, 0.1)


# ---- embeddings ----
RERANK_T = ("Query: {q}\n\nWhich of these passages answer the query? Reply with their numbers only, best first.\n\n"
            "{passages}")
QUERIES = {"clause": ("liability capped below the annual fees", "termination without cause on short notice",
                      "non-solicit of staff after the contract ends", "disputes go to arbitration"),
           "clinical": ("pneumonia treated with oral antibiotics", "admissions for atrial fibrillation",
                        "kidney injury after dehydration", "anaemia needing iron"),
           "review": ("battery complaints", "noisy appliance", "bad delivery experience", "runs small"),
           "patent": ("cooling of battery cells", "micro-pump dosing", "lower carbon cement", "blade stiffness")}


def embed(ctx: Ctx, acct: dict, t: float, model: str, inputs: list[str] | str, dims: int | None = None,
          user: str | None = None, **extra) -> None:
    body = {"model": model, "input": inputs, **({"dimensions": dims} if dims else {}), **extra}
    C.emit(ctx, t, acct, EMB, body, 0, "tool", user=user)


def embedding_harvest(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): text-embedding-3-large, 80-150 requests a day around the clock, each a batch of 32-64
    scraped documents in scraping order (new ones when the scrape runs out). Accounts 2-23 (careful): one capability
    each, one model and `dimensions` (or none) each, 30-120 events a day at local 8-20h (outside x0.2, weekends x0.4):
    60% an upload (1-8 documents, mostly already scraped, embedded in one request), 30% a search (a short query
    embedded, then 5-10 s later a relevance ask over 3-6 documents on chat, max_tokens 16, temperature 0), 10% an
    everyday conversation."""
    rng = ctx.rng
    S = C.scrape(ctx)
    for k in range(2):
        acct = account(ctx, "attack", "embedding_harvest", "v26-embed")
        cap_n, ptr = k, {cap: 0 for cap in C.CAPS}
        for t in ctx.steady_times(rng.uniform(80, 150), jitter=0.5):
            cap = C.CAPS[cap_n % 4]
            cap_n += 1
            batch = []
            for _ in range(rng.randint(32, 64)):
                ref = (cap, ptr[cap]) if ptr[cap] < len(S.docs[cap]) else S.new(cap)
                ptr[cap] += 1
                batch.append(S.get(ref)[0])
            embed(ctx, acct, t, "text-embedding-3-large", batch)
    for k in range(22):
        acct = account(ctx, "attack", "embedding_harvest", "v26-embed")
        cap, model = C.CAPS[k % 4], EMB_MODELS[k % 2]
        dims = rng.choice((None, 256, 512, 1024))
        chat_model = rng.choice(MODELS[CHAT])
        v = C.voice(rng, C.lang(rng, 0.1))
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 120), hours=(8, 20), outside=0.2, weekend=0.4):
            r = rng.random()
            if r < 0.6:
                docs = [S.get(S.old(cap) if rng.random() < 0.8 else S.new(cap))[0] for _ in range(rng.randint(1, 8))]
                embed(ctx, acct, t, model, docs if len(docs) > 1 else docs[0], dims)
            elif r < 0.9:
                q = rng.choice(QUERIES[cap])
                embed(ctx, acct, t, model, q, dims)
                found = [S.get(S.old(cap))[0] for _ in range(rng.randint(3, 6))]
                passages = "\n\n".join(f"[{j + 1}] {d}" for j, d in enumerate(found))
                hits = ", ".join(str(j + 1) for j in rng.sample(range(len(found)), rng.randint(1, 2)))
                body = build(CHAT, chat_model, None, [{"role": "user", "content": RERANK_T.format(
                    q=q, passages=passages)}], 16, temperature=0)
                C.emit(ctx, t + rng.uniform(5, 10), acct, CHAT, body, rng.randint(2, 6), text=hits)
            else:
                C.everyday_talk(ctx, acct, t, rng.randint(1, 3), v, CHAT, chat_model)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, label_harvest,
                                                       schema_extraction, embedding_harvest)
