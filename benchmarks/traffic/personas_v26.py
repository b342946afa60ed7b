"""Benign hard-negative personas of the `v26` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v26 campaign does in one or two
respects, over the same text pools (corpus_v26*), with the client metadata ctx.account gives every account:

- moderation_classifier (twin of label_harvest's blunt accounts): a community platform's moderation classifier: each
  user post (many of them product reviews) goes to the model with the policy and the label list, max_tokens 1,
  temperature 0, top_logprobs for the thresholds, around the clock with its users' day; borderline posts get a
  one-sentence rule lookup.
- label_vendor_qa (twin of label_harvest's careful accounts and of agentic_distill): a data-labelling vendor's QA
  team checking its own annotators' work on its clients' documents (clauses, discharge notes, reviews, patent
  abstracts): blind relabels with logprobs, yes/no checks of a human label, adjudications of two annotators, and the
  same annotation agent with tools, in office hours.
- invoice_etl (twin of schema_extraction): a finance team extracting supplier invoices into one strict schema: a
  nightly batch back to back and daytime re-runs with a retry turn; one team still on the JSON-mode pipeline.
- search_embedding_indexer (twin of embedding_harvest): a patent- or contract-search team that embeds its newly
  ingested documents every night in batches and its users' queries by day, now and then asking why a hit matches.
The other five are in personas_v26_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v26 as C
from benchmarks.traffic import corpus_v26_docs as D
from benchmarks.traffic import corpus_v26_more as M
from benchmarks.traffic.attacks_v26_more import annot_episode, embed, extract_request, label_request
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v26_more import PERSONAS_B

MOD_SYS = ("You are {co}'s content-moderation classifier. Apply the community policy to the user's post and reply "
           "with exactly one label: {labels}.")
MOD_COS = ("Threadly", "Kinfolk Market", "PebbleBoard", "Campfire Reviews", "Nookly")
RULE_ASK = "Which rule of the community policy does this post break, if any? One sentence."


def moderation_classifier(ctx: Ctx, count: int) -> None:
    """Benign: `count` platforms, one key each, MOD_SYS with the moderation labels; every post (corpus_v26_docs.post:
    45% product reviews) at its users' pace (local 7-24h, outside x0.3, weekends x1.2), 800-2,500 a day: chat
    gpt-4.1-mini, max_tokens 1, temperature 0, logprobs with top_logprobs 5 or 10; half of the platforms pass the
    poster's id in `user`; a post labelled other than ok or spam goes 1-5 s later to gpt-4.1 with RULE_ASK."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "moderation_classifier")
        system = MOD_SYS.format(co=MOD_COS[i % len(MOD_COS)], labels=", ".join(D.MODERATION_LABELS))
        top, pass_user = rng.choice((5, 10)), i % 2 == 0
        for t in ctx.window_times(acct["tz"], rng.uniform(800, 2500), hours=(7, 24), outside=0.3, weekend=1.2):
            text, gold = D.post(rng)
            user = W.end_user(rng, "sess_{h}", 300000) if pass_user else None
            label = gold["label"] if rng.random() < 0.95 else rng.choice(D.MODERATION_LABELS)
            body = build(CHAT, "gpt-4.1-mini", system, [{"role": "user", "content": text}], 1, temperature=0,
                         logprobs=True, top_logprobs=top)
            C.emit(ctx, t, acct, CHAT, body, 1, text=label, user=user)
            if label not in ("ok", "spam"):
                body = build(CHAT, "gpt-4.1", system, [{"role": "user", "content": f"{text}\n\n{RULE_ASK}"}], 80,
                             temperature=0)
                C.emit(ctx, t + rng.uniform(1, 5), acct, CHAT, body, rng.randint(15, 50), "prose", user=user)


VERIFY_T = ("An annotator labelled this {noun} '{label}' under the {scheme} scheme. Is that label correct under our "
            "guideline? Answer yes or no.\n\n{doc}")
ADJUDICATE_T = ("Two annotators disagree on this {noun} ({scheme}): A chose '{a}', B chose '{b}'. Which is right under "
                "the guideline, and why? Two sentences at most.\n\n{doc}")


def label_vendor_qa(ctx: Ctx, count: int) -> None:
    """Benign: `count` QA teams of a labelling vendor, one key each, two client projects (two capabilities) each; QA
    staff (in `user`, u_{h}) at office hours (8-18h, outside x0.1, weekends x0.2), 60-200 requests a day: 45% a blind
    relabel of a client document (the team's prompt shape, the client's label order, top_logprobs 5 on chat for a
    third of the teams), 25% a yes/no check of a human label (max_tokens 1, top_logprobs 2 on chat), 20% an
    adjudication of two annotators' labels (a two-sentence answer), 10% an episode of the annotation agent (the tools
    of agentic_distill, realistic results); chat, Anthropic or Responses by team."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "label_vendor_qa")
        api = (CHAT, CHAT, ANTH, RESP)[i % 4]
        model = MODELS[api][i // 4 % len(MODELS[api])]
        projects = rng.sample(C.CAPS, 2)
        staff = [W.end_user(rng, "u_{h}", 9000) for _ in range(rng.randint(4, 15))]
        shape, top = rng.randrange(3), 5 if i % 3 == 0 else None
        orders = {cap: {s: tuple(rng.sample(ls, len(ls))) if ls else None for s, ls in M.SCHEMES[cap].items()}
                  for cap in projects}
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(8, 18), outside=0.1, weekend=0.2):
            user, cap = rng.choice(staff), rng.choice(projects)
            doc, gold = D.document(rng, cap)
            scheme = rng.choice(tuple(M.SCHEMES[cap]))
            r = rng.random()
            if r < 0.45:
                label_request(ctx, acct, t, api, model, cap, scheme, doc, gold, shape, top if api == CHAT else None,
                              labels=orders[cap][scheme], user=user)
                continue
            if r < 0.9:
                options = M.SCHEMES[cap][scheme] or (M.gold_label(cap, gold, scheme), "unknown")
                truth = M.gold_label(cap, gold, scheme)
                other = rng.choice([x for x in options if x != truth] or [truth])
                if r < 0.7:
                    human = truth if rng.random() < 0.8 else other
                    x = VERIFY_T.format(noun=M.NOUN[cap], label=human, scheme=scheme.replace("_", " "), doc=doc)
                    extra = {"temperature": 0, "logprobs": True, "top_logprobs": 2} if api == CHAT else {}
                    body = build(api, model, None, [{"role": "user", "content": x}], 1 if api != RESP else 16,
                                 **extra)
                    C.emit(ctx, t, acct, api, body, 1, text="yes" if human == truth else "no", user=user)
                else:
                    x = ADJUDICATE_T.format(noun=M.NOUN[cap], scheme=scheme.replace("_", " "), a=truth, b=other,
                                            doc=doc)
                    C.converse(ctx, acct, t, api, model, [(x, cap, (40, 120), 0.0)], None, user=user, max_tokens=200)
                continue
            annot_episode(ctx, acct, t, api, model, M.annot_task(rng), rng.randint(3, 8), True, user)


ETL_SYS = ("You extract supplier invoices for {co}'s accounts-payable system. Fill the schema exactly; amounts as "
           "numbers, dates as YYYY-MM-DD.")
ETL_COS = ("Marlow Foods", "Ostrava Components", "Bright Harbour Hotels", "Quill & Ledger", "Tern Freight")
LEGACY_T = ("Return a JSON object with the keys supplier, invoice_number, date, currency, net, vat_rate, total and "
            "lines (description, quantity, unit_price) for this invoice.")


def invoice_etl(ctx: Ctx, count: int) -> None:
    """Benign: `count` finance teams, one key each, ETL_SYS: every night at local 1h a batch of 150-500 invoices back to
    back (2-6 s apart), and by day (9-17h, outside x0.05, weekends x0.1) 20-60 re-runs of invoices that failed
    validation, 15% of them with a retry turn. Team 0, 3, ...: chat gpt-4.1-mini with a strict json_schema response
    format; team 1, 4, ...: the older pipeline, LEGACY_T and a json_object response format; team 2, 5, ...: the
    Responses API (text.format). Temperature 0 where the API takes one."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "invoice_etl")
        mode = i % 3
        api, model = ((CHAT, "gpt-4.1-mini"), (CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1"))[mode]
        system = ETL_SYS.format(co=ETL_COS[i % len(ETL_COS)])

        def one(t: float, retry: float, acct=acct, api=api, model=model, mode=mode, system=system) -> float:
            doc, gold = D.invoice(rng)
            if mode == 1:
                reply = M.record("invoice", gold)
                return C.converse(ctx, acct, t, api, model, [(f"{LEGACY_T}\n\n{doc}", "record", (0, 0), 0.0, reply)],
                                  None, system=system, temperature=0, max_tokens=1024,
                                  response_format={"type": "json_object"})
            return extract_request(ctx, acct, t, api, model, "invoice", doc, gold, rng.choice(M.SCHEMA_NAMES[
                "invoice"]), None, system, retry=retry)

        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((1 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 900)
            for _ in range(rng.randint(150, 500)):
                t = one(t, 0.0) + rng.uniform(2, 6)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 17), outside=0.05, weekend=0.1):
            one(t, 0.15)


WHY_MATCH = "Why does this {noun} match the search '{q}'? Two sentences.\n\n{doc}"
SEARCHES = {"patent": ("battery cooling plate", "micro-pump insulin", "low clinker cement", "blade spar cap bonding",
                       "variable-rate seeding", "liquid-cooled charging contacts", "ventilated insulation gap"),
            "clause": ("uncapped indemnity", "30 days notice termination", "auto-renewal 12 months", "arbitration "
                       "seated in Singapore", "non-solicit of employees")}


def search_embedding_indexer(ctx: Ctx, count: int) -> None:
    """Benign: `count` search teams (patent search, contract search in turn), one key each: every night at local 0h the
    day's newly ingested documents are embedded in 40-120 batches of 32-96 (text-embedding-3-large, 1,024 dimensions,
    1-4 s apart); by day (8-19h, outside x0.15, weekends x0.3) 200-800 user queries are embedded one by one (`user`,
    member-{n}), and after 10% of them the user asks why a hit matches (chat gpt-4.1-mini, two sentences)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "search_embedding_indexer")
        kind = ("patent", "clause")[i % 2]
        people = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(20, 120))]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((0 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1200)
            for _ in range(rng.randint(40, 120)):
                embed(ctx, acct, t, "text-embedding-3-large", [D.document(rng, kind)[0]
                                                               for _ in range(rng.randint(32, 96))], 1024)
                t += rng.uniform(1, 4)
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 800), hours=(8, 19), outside=0.15, weekend=0.3):
            user, q = rng.choice(people), rng.choice(SEARCHES[kind])
            embed(ctx, acct, t, "text-embedding-3-large", q, 1024, user=user)
            if rng.random() < 0.1:
                x = WHY_MATCH.format(noun=M.NOUN[kind], q=q, doc=D.document(rng, kind)[0])
                C.converse(ctx, acct, t + rng.uniform(20, 120), CHAT, "gpt-4.1-mini", [(x, kind, (40, 110), 0.0)],
                           None, user=user, temperature=0.2, max_tokens=200)


BENIGN_V26 = {"moderation_classifier": (moderation_classifier, 3),
              "label_vendor_qa": (label_vendor_qa, 6),
              "invoice_etl": (invoice_etl, 3),
              "search_embedding_indexer": (search_embedding_indexer, 3),
              **PERSONAS_B}
