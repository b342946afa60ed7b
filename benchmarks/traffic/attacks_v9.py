"""Attack campaigns, `variant="v9"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Phrasings, templates and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v8.py); the
capabilities harvested are financial accounting and tax, genetics, trust-and-safety policy judgement,
translation with translator's rationale, text embeddings and reranking labels, and browser / desktop /
data-analysis agent trajectories; the languages besides English are Slovenian, Estonian, Basque, Georgian, Kannada
and Icelandic. Client metadata (IP, user agent) always comes from ctx.account. The operator knows the usual
detection ideas, so elicitation is worded as a product's answer policy, a working paper, a "basis for
conclusions", a senior-and-trainee dialogue, innocuously named JSON fields, or not asked for at all.

Scenarios (names as in attacks.py so the tables line up, plus two new attack types; campaign ids start "v9-"):
- cot_harvester: one account dressed as an "ask an accountant" RAG product: each question is embedded first
  (openai.embeddings, one input) and then answered with three to five retrieved standard paragraphs under a
  product system prompt whose "answer policy" demands cited, line-by-line computations; fake customers in `user`
  (6k pool); 20% "deep answer" on the Responses API with a reasoning model; 30% of conversations get follow-ups;
  25% of questions in sl/et/eu/ka/kn/is; arrivals shaped like a consumer product's day (local 7-23h, weekends
  x0.7) whose volume grows from ~250 to ~1,800 conversations/day over the window, like a launch.
- hydra: 220 disposable trial accounts born at random times through the window, each living 2-10 hours and
  sending 6-28 requests in 1-3 sessions, then abandoned; four kits whose wording is drawn per account from a
  small grammar (12 to several hundred variants per kit, so a kit's accounts share only parts of a template): an
  audit working paper (Responses instructions), a senior-and-trainee dialogue (chat), a "basis for conclusions"
  note with a claimed figure (Anthropic), and a JSON schema whose reasoning field is named like a file note (chat,
  field and schema names drawn per account); 40% non-English.
- taxonomy: 12 accounts covering one capability, trust-and-safety policy judgement (10 policy areas x 8 surfaces x
  5 edge cases x 3 tasks: decide, author a borderline case and adjudicate it, decide an appeal), with the cells
  shuffled and dealt round-robin so no account covers a contiguous block; every request picks its API (chat,
  Anthropic, Responses); a contractor's two-shift day (6-22 local, weekends x0.8).
- sampling: 8 accounts: four fan out the same prompt across accounts (each account sends it 1-2 times within a
  couple of minutes at temperature 1, no n, no seed: the distribution is gathered across keys, not inside one),
  two sweep presence/frequency penalties prompt by prompt, two harvest verbalised soft labels (a probability for
  every moderation label or translation-quality bucket as JSON, temperature 0, tiny outputs).
- mixed_into_chat: 8 product integrations (4 expense categorisers with a JSON template, 4 bookkeeping assistants
  on Anthropic) with real-looking production traffic and end users in `user`; an insider pushes harvest requests
  through the very same template and user pool (the reasoning goes into the product's "note" field or into a
  follow-up), growing from 5% to 30% of the traffic, inside the product's own hours.
- paraphrased: 120 accounts on one shared pool of 220 accounting and genetics items; account k tells every item
  in genre k % 6 (plain, forwarded e-mail, forum post, bullet givens, table, text message) with its own ask
  (direct, indirect or a "is this right? I got X" check); 1-7 requests/day on ~60% of days in local 8-23h;
  25% get a follow-up; 40% non-English; chat, Anthropic and Responses.
- agentic_distill: 20 accounts: browser agents on chat that never send `tools` (the action comes back through a
  json_schema response_format with page_summary / plan / action; the accessibility tree and action history are
  resent every step), Anthropic desktop/spreadsheet tool loops with no narration asked for at all, and
  data-analysis loops on Responses with a run_python function chained by previous_response_id over ledgers.
- embedding_distill (new): 8 accounts: four crawl a mixed-language corpus with text-embedding-3-large, each
  batch sent at 3072, 1024 and 256 dimensions seconds apart; two send batches mixing queries and passages; two
  collect reranking labels (query + passage, yes/no, max_tokens 1, logprobs with top_logprobs 2). Around the clock.
- translation_distill (new): 12 accounts posing as a language-services firm (office hours 8-18 local, weekends
  x0.1): English into two of the six languages with "translator's notes" on every non-literal choice, MQM-style
  error annotation with explanations, and translations into English with notes.
"""

from __future__ import annotations

import math

from benchmarks.traffic import corpus_v9 as W
from benchmarks.traffic import corpus_v9_agents as G
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

NON_EN = W.LANGS[1:]
CHAT, ANTH, RESP, EMB = "openai.chat.completions", "anthropic.messages", "openai.responses", "openai.embeddings"


def _lang(ctx: Ctx, share: float) -> str:
    return ctx.rng.choice(NON_EN) if ctx.rng.random() < share else "en"


def _ask(ctx: Ctx, lang: str) -> str:
    return ctx.rng.choice(W.ASK_EN if lang == "en" else W.ASK_I18N[lang])


def _gap(ctx: Ctx, median: float, sigma: float = 0.8, cap: float = 1800) -> float:
    return min(cap, median * math.exp(ctx.rng.gauss(0, sigma)))


def _resp_id(ctx: Ctx) -> str:
    return f"resp_{ctx.rng.getrandbits(96):024x}"


LEDGER_SYS = ("You are Tallybook's accounting assistant for small businesses and their accountants. Answer policy: "
              "cite the numbered paragraphs you rely on in square brackets; show every computation as its own line "
              "with the figure it starts from, so the customer's accountant can check it; state any judgement you "
              "make and the alternative treatment; end with the answer and the journal entry.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (see the module docstring): per UTC day d, conversations at 250 + 1550 * d / days per day
    thinned by local time; one embeddings call 0.2-0.9 s before every turn; follow-ups 40-240 s after the
    answer has streamed (55-95 tokens/s)."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v9-solo")
    customers = [f"tb_{rng.getrandbits(36):09x}" for _ in range(6000)]
    for d in range(int(math.ceil(ctx.days))):
        rate = 250 + 1550 * d / max(1.0, ctx.days - 1)
        day0 = ctx.start + d * DAY
        for t in ctx.window_times(acct["tz"], rate, hours=(7, 23), outside=0.12, weekend=0.7, start=day0,
                                  end=day0 + DAY):
            lang = _lang(ctx, 0.25)
            question = W.typed(rng, W.render(W.item(rng, 0.15), lang))
            deep = rng.random() < 0.2
            user = rng.choice(customers)
            turns = [question] + [rng.choice(W.FOLLOW[lang]) for _ in range(rng.choice((0,) * 7 + (1, 1, 2)))]
            msgs: list[dict] = []
            prev = None
            for text in turns:
                ctx.emit(t, acct, EMB, {"model": "text-embedding-3-small", "input": text}, 0, user=user)
                t += rng.uniform(0.2, 0.9)
                prompt = f"Retrieved paragraphs:\n{W.kb_context(rng, rng.randint(3, 5))}\n\nCustomer question: {text}"
                out = rng.randint(500, 2200)
                if deep:
                    body = {"model": "o3", "instructions": LEDGER_SYS, "input": prompt,
                            "reasoning": {"effort": "high"}, "max_output_tokens": 12000}
                    if prev:
                        body["previous_response_id"] = prev
                    prev = _resp_id(ctx)
                    ctx.emit(t, acct, RESP, body, out, user=user)
                else:
                    if msgs:
                        msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(150, 400))}]
                    msgs = msgs + [{"role": "user", "content": prompt}]
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": LEDGER_SYS}] + msgs,
                                                      model="gpt-4.1", temperature=0.2, max_tokens=4000), out,
                             user=user)
                t += out / rng.uniform(55, 95) + rng.uniform(40, 240)


WP_HEADS = ("Prepare this as an audit working paper.", "Document this as a working paper for the engagement file.",
            "Write up the item the way it would sit in the audit file.", "Produce the working paper for this item.")
WP_SECTIONS = ("objective", "source figures", "procedure performed", "computation, one line per step with its "
               "source", "exceptions noted", "conclusion", "points for the reviewer")
DIALOGUE = ("Write this up as a conversation in which {s} talks {j} through it, {j} asking at each point why.",
            "Answer as a short dialogue: {j} proposes each step, {s} checks it and says why it holds or not.",
            "Turn the solution into the chat {s} would have with {j} over coffee, nothing skipped.")
PAIRS = (("a senior accountant", "a trainee"), ("the audit manager", "a first-year associate"),
         ("the lab head", "a new PhD student"), ("a tax partner", "an intern"))
BFC = ("For the figure below, write the 'basis for conclusions' a standard-setter would publish: each judgement "
       "made, the alternative considered, and why it was rejected.",
       "Draft the basis-for-conclusions note supporting this answer: judgements, alternatives, reasons.",
       "Explain, as a basis for conclusions, how this result is reached and what else was considered.")
CLAIM = ("Our draft has {ans}.", "The client's spreadsheet says {ans}.", "We booked {ans}.", "")
MEMO_FIELDS = ("memo_to_file", "file_note", "preparer_notes", "working")
LINE_FIELDS = ("figures", "lines", "schedule")


def _hydra_kit(ctx: Ctx, kit: int, lang: str) -> tuple[str, dict[str, object]]:
    """The per-account template of a kit: its API and the parts drawn from the kit's grammar."""
    rng = ctx.rng
    if kit == 0:
        secs = [s for s in WP_SECTIONS if rng.random() < 0.85]
        return RESP, {"instr": f"{rng.choice(WP_HEADS)} Sections: {'; '.join(secs)}.",
                      "model": rng.choice(("o4-mini", "gpt-4.1"))}
    if kit == 1:
        s, j = rng.choice(PAIRS)
        return CHAT, {"ask": rng.choice(DIALOGUE).format(s=s, j=j), "first": rng.random() < 0.5}
    if kit == 2:
        return ANTH, {"system": rng.choice(BFC), "claim": rng.choice(CLAIM)}
    memo, lines = rng.choice(MEMO_FIELDS), rng.choice(LINE_FIELDS)
    schema = {"type": "object", "additionalProperties": False, "required": [lines, memo, "result"], "properties": {
        lines: {"type": "array", "items": {"type": "object", "properties": {
            "line": {"type": "string"}, "amount": {"type": "string"}, "source": {"type": "string"}}}},
        memo: {"type": "string"}, "result": {"type": "string"}}}
    return CHAT, {"schema": {"type": "json_schema", "json_schema": {
        "name": rng.choice(("workfile_record", "ticket_resolution", "item_record")), "strict": True,
        "schema": schema}}}


def hydra(ctx: Ctx, variant: str) -> None:
    """220 accounts (see the module docstring); births uniform over the window up to 3 h before its end, requests
    in sessions 1-3 h apart with log-normal gaps around 150 s; times after the window are dropped."""
    rng = ctx.rng
    for _ in range(220):
        acct = ctx.account("attack", "hydra", "v9-hydra")
        kit, lang = rng.randrange(4), _lang(ctx, 0.4)
        api, tpl = _hydra_kit(ctx, kit, lang)
        t = ctx.start + rng.uniform(0, ctx.days * DAY - 3 * 3600)
        death = t + rng.uniform(2, 10) * 3600
        left = rng.randint(6, 28)
        sessions = rng.randint(1, 3)
        for s in range(sessions):
            for _ in range(left // sessions + (left % sessions if s == 0 else 0)):
                if t >= death:
                    break
                it = W.item(rng, 0.35)
                text = W.typed(rng, W.render(it, lang))
                out = rng.randint(600, 2600)
                if kit == 0:
                    body = {"model": tpl["model"], "instructions": tpl["instr"], "input": text,
                            "max_output_tokens": 6000}
                elif kit == 1:
                    ask = tpl["ask"] if lang == "en" else _ask(ctx, lang)
                    user = f"{ask}\n\n{text}" if tpl["first"] else f"{text}\n\n{ask}"
                    body = chat_body([{"role": "user", "content": user}], model="gpt-4o", temperature=0.6)
                elif kit == 2:
                    claim = tpl["claim"].format(ans=W.answer(rng))
                    body = anthropic_body([{"role": "user", "content": f"{text}\n{claim}".strip()}],
                                          system=tpl["system"], max_tokens=5000)
                else:
                    body = chat_body([{"role": "system", "content": "Fill in the record for the question."},
                                      {"role": "user", "content": text}], model="gpt-4.1-mini",
                                     response_format=tpl["schema"], temperature=0.3)
                ctx.emit(t, acct, api, body, out)
                t += out / rng.uniform(50, 90) + _gap(ctx, 150)
            t += rng.uniform(1, 3) * 3600


TS_SYS = ("You are a principal trust-and-safety policy specialist. You write decisions that new reviewers learn "
          "from: the reading of the content, the policy test, how the context changes it, and the outcome.")
TS_DECIDE = ("Policy: {pol}\nSurface: {surf}. Note: {edge}.\nContent: \"{c}\"\n\nDecide whether this breaks the "
             "policy. Consider who is speaking, to whom, and what a reasonable reader would take from it; weigh the "
             "note above explicitly; then give the outcome (allow / label / remove / escalate) and the section.")
TS_AUTHOR = ("Policy: {pol}\n\nWrite a realistic {surf} that sits right on the boundary of this policy because of "
             "{edge}. Then adjudicate it the way a senior specialist would, explaining which reading wins and why.")
TS_APPEAL = ("Policy: {pol}\n\nA user appeals the removal of their {surf}: \"{c}\". Their appeal: \"{ap}\"\n\nWrite "
             "the appeal decision: restate the test, answer the user's argument point by point, then uphold or "
             "overturn with reasons.")
APPEALS = ("it was obviously a joke between friends", "I was quoting someone to criticise them",
           "you removed it but left worse posts up", "this is my business, I'm allowed to advertise")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """1200 cells shuffled and dealt to 12 accounts (100 each, walked in a loop); 50-90 requests/day per account
    in 6-22 local (outside x0.1, weekends x0.8); API drawn per request: 50% chat, 30% Anthropic, 20% Responses."""
    rng = ctx.rng
    cells = [(a, s, e, k) for a in W.AREAS for s in W.SURFACES for e in W.EDGES for k in range(3)]
    rng.shuffle(cells)
    tz = rng.uniform(2, 8)
    for i in range(12):
        acct = ctx.account("attack", "taxonomy", "v9-taxonomy")
        mine = cells[i::12]
        for j, t in enumerate(ctx.window_times(tz + rng.gauss(0, 0.5), rng.uniform(50, 90), hours=(6, 22),
                                               outside=0.1, weekend=0.8)):
            area, surf, edge, task = mine[j % len(mine)]
            user = (TS_DECIDE, TS_AUTHOR, TS_APPEAL)[task].format(
                pol=W.POLICY[area], surf=surf, edge=edge, c=W.content(rng, area), ap=rng.choice(APPEALS))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            ctx.emit(t, acct, api, instructed_body(api, TS_SYS, user, max_tokens=3000, temperature=0.4),
                     rng.randint(500, 1800))


SOFT_MOD = ("Surface: {surf}\nContent: \"{c}\"\n\nReturn only a JSON object with your probability for each outcome "
            "under policy {sec}: allow, label, remove, escalate. The four numbers must sum to 1.")
SOFT_QE = ("Source (English): {src}\nTranslation ({lang}): {mt}\n\nReturn only a JSON object with your probability "
           "for each quality bucket: excellent, acceptable, needs_edit, wrong. The numbers must sum to 1.")


def sampling(ctx: Ctx, variant: str) -> None:
    """Fan-out (accounts 0-3, 2 on chat and 2 on Anthropic): jobs at exponential intervals (mean 2.5 h), 6-12
    prompts per job, each prompt sent by every fan-out account 1-2 times within 20-150 s of the prompt's slot.
    Penalties (4-5): jobs every ~5 h, 8-14 prompts x presence (0, 0.6, 1.2) x frequency (0, 0.8). Soft labels
    (6-7): 400-900/day, steady, 70% moderation items, 30% translation quality."""
    rng = ctx.rng
    pool = [W.render(W.item(rng, 0.35), "en") + (f"\n\n{rng.choice(W.ASK_EN)}" if rng.random() < 0.6 else "")
            for _ in range(40)]
    accts = [ctx.account("attack", "sampling", "v9-sampling") for _ in range(8)]
    t0 = ctx.start
    while True:
        t0 += rng.expovariate(1 / (2.5 * 3600))
        if t0 >= ctx.end:
            break
        for k, prompt in enumerate(rng.sample(pool, rng.randint(6, 12))):
            slot = t0 + k * rng.uniform(90, 240)
            for a, acct in enumerate(accts[:4]):
                for _ in range(rng.choice((1, 1, 2))):
                    t, out = slot + rng.uniform(20, 150), rng.randint(500, 2200)
                    if a < 2:
                        ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": prompt}], model="gpt-4.1",
                                                          temperature=1.0, max_tokens=4000), out)
                    else:
                        ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": prompt}],
                                                               max_tokens=4000, temperature=1.0), out)
    for acct in accts[4:6]:
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(1 / (5 * 3600))
            if t0 >= ctx.end:
                break
            t = t0
            for prompt in rng.sample(pool, rng.randint(8, 14)):
                for pp in (0.0, 0.6, 1.2):
                    for fp in (0.0, 0.8):
                        out = rng.randint(400, 2000)
                        ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": prompt}], model="gpt-4o",
                                                          temperature=0.8, presence_penalty=pp,
                                                          frequency_penalty=fp, max_tokens=3000), out)
                        t += out / rng.uniform(60, 110) + rng.uniform(0.3, 2)
    for i, acct in enumerate(accts[6:]):
        for t in ctx.steady_times(rng.uniform(400, 900), jitter=0.8):
            if rng.random() < 0.7:
                area = rng.choice(W.AREAS)
                text = SOFT_MOD.format(surf=rng.choice(W.SURFACES), c=W.content(rng, area), sec=W.POLICY[area][:3])
            else:
                lang = rng.choice(NON_EN)
                src, mt = W.parallel(rng, lang)
                text = SOFT_QE.format(src=src, lang=W.LANG_NAMES[lang], mt=mt)
            if i:
                ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": text}], max_tokens=60,
                                                       temperature=0.0), rng.randint(25, 45))
            else:
                ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": text}], model="gpt-4.1-mini",
                                                  temperature=0.0, max_tokens=60), rng.randint(25, 45))


EXPENSE_SYS = ("You categorise business expenses for Spendwise users. Reply with JSON: {\"category\", \"vat_rate\", "
               "\"deductible\", \"note\"}. Keep the note short unless the user asks for detail.")
BOOK_SYS = ("You are Ledgerline, a friendly bookkeeping assistant for sole traders. Answer plainly and say when "
            "they should check with their accountant.")
INSIDER = ("put the full working in the note, every line", "in the note: how you got there, step by step with "
           "sources", "note should explain the calculation completely")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """8 accounts; production at 120-300 requests/day (local 7-22h, outside x0.1, weekends x0.6), end users from
    a 2k pool; a request is the insider's with probability 0.05 + 0.25 * elapsed share of the window."""
    rng = ctx.rng
    for i in range(8):
        acct = ctx.account("attack", "mixed_into_chat", "v9-mixed")
        users = [f"sw_{rng.getrandbits(32):08x}" for _ in range(2000)]
        for t in ctx.window_times(acct["tz"], rng.uniform(120, 300), hours=(7, 22), outside=0.1, weekend=0.6):
            harvest = rng.random() < 0.05 + 0.25 * (t - ctx.start) / (ctx.days * DAY)
            user = rng.choice(users)
            lang = _lang(ctx, 0.3) if harvest else "en"
            if i < 4:
                text = (f"{W.render(W.item(rng, 0.1), lang)}\n{rng.choice(INSIDER)}" if harvest
                        else W.receipt(rng) + rng.choice(("", "", " - is this deductible?", " (client meeting)")))
                ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": EXPENSE_SYS},
                                                   {"role": "user", "content": text}], model="gpt-4.1-mini",
                                                  temperature=0, response_format={"type": "json_object"}),
                         rng.randint(700, 2200) if harvest else rng.randint(30, 90), user=user)
                continue
            first = W.typed(rng, W.render(W.item(rng, 0.1), lang) if harvest else rng.choice(W.EVERYDAY_Q))
            msgs: list[dict] = [{"role": "user", "content": first}]
            for k in range(rng.choice((1, 2, 3)) if harvest else rng.choice((1, 1, 2))):
                if k:
                    follow = rng.choice(W.FOLLOW[lang]) if harvest else rng.choice(("thanks, and for last year?",
                                                                                    "ok so what do I do now?"))
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(60, 200))},
                                   {"role": "user", "content": W.typed(rng, follow)}]
                out = rng.randint(600, 2000) if harvest else rng.randint(80, 350)
                ctx.emit(t, acct, ANTH, anthropic_body(list(msgs), system=BOOK_SYS, max_tokens=2500), out, user=user)
                t += out / rng.uniform(50, 90) + rng.uniform(30, 300)


PARA_LEAD = ("", "quick one: ", "for my study group - ", "work question. ", "revising for the exam, ")
PARA_ASK = ("how does this work out?", "can you go through it properly?", "is this right? I got {ans}",
            "the answer key says {ans} but I don't see how", "what's the reasoning behind the numbers here?",
            "explain it like you'd explain it to a colleague who has to redo it")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """120 accounts on a shared pool of 220 items (35% genetics); account k uses genre k % 6 and one ask of its
    own (non-English accounts: their language's asks and help lines); 25% of requests get a follow-up 2-9 min
    later; APIs 45% chat, 35% Anthropic, 20% Responses. An account whose active days drew no request sends one
    at a random time, so every account has traffic."""
    rng = ctx.rng
    pool = [W.item(rng, 0.35) for _ in range(220)]
    for k in range(120):
        acct = ctx.account("attack", "paraphrased", "v9-paraphrased")
        lang, genre = _lang(ctx, 0.4), k % 6
        lead, ask = rng.choice(PARA_LEAD), rng.choice(PARA_ASK)
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        active = [rng.random() < 0.6 for _ in range(int(math.ceil(ctx.days)))]
        active[rng.randrange(len(active))] = True
        times = [t for t in ctx.window_times(acct["tz"], rng.uniform(1, 7), hours=(8, 23), outside=0.05, weekend=0.7)
                 if active[min(len(active) - 1, int((t - ctx.start) // DAY))]]
        for t in times or [ctx.start + rng.uniform(0, ctx.days * DAY - 900)]:
            body_text = W.render(rng.choice(pool), lang, genre, rng)
            if lang == "en":
                text = W.typed(rng, f"{lead}{body_text}\n\n{ask.format(ans=W.answer(rng))}")
            else:
                text = f"{body_text}\n{rng.choice(W.ASK_I18N[lang] + W.HELP_I18N[lang])}"
            msgs: list[dict] = [{"role": "user", "content": text}]
            for j in range(2 if rng.random() < 0.25 else 1):
                if j:
                    t += rng.uniform(120, 540)
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(80, 200))},
                                   {"role": "user", "content": W.typed(rng, rng.choice(W.FOLLOW[lang]))}]
                out = rng.randint(500, 2200)
                if api == ANTH:
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=3000), out)
                elif api == RESP:
                    ctx.emit(t, acct, api, {"model": "gpt-4.1", "input": list(msgs)}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o-mini"), out)


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """20 accounts: 8 browser agents (8-20 episodes/day around the clock, 5-14 steps 2-8 s apart, each step one
    single-turn request), 6 desktop loops on Anthropic (10-25 episodes/day, 4-10 calls, temperature 0), 6
    data-analysis loops on Responses (6-15 episodes/day, 3-7 calls chained by previous_response_id)."""
    rng = ctx.rng
    for i in range(20):
        acct = ctx.account("attack", "agentic_distill", "v9-agentic")
        if i < 8:
            for t in ctx.steady_times(rng.uniform(8, 20), jitter=0.9):
                site = rng.choice(tuple(G.SITES))
                task, done = G.web_task(rng, site), []
                for _ in range(rng.randint(5, 14)):
                    hist = "\n".join(f"{n + 1}. {a}" for n, a in enumerate(done)) or "(none)"
                    user = f"Task: {task}\n\nPage:\n{G.page(rng, site)}\n\nActions so far:\n{hist}"
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": G.BROWSER_SYS},
                                                       {"role": "user", "content": user}], model="gpt-4.1",
                                                      temperature=0, response_format=G.BROWSER_SCHEMA),
                             rng.randint(80, 260))
                    done.append(f"{rng.choice(('click', 'type', 'scroll'))} [{rng.randint(10, 400)}]")
                    t += rng.uniform(2, 8)
        elif i < 14:
            for t in ctx.steady_times(rng.uniform(10, 25), jitter=0.9):
                msgs: list[dict] = [{"role": "user", "content": rng.choice(G.DESK_TASKS)}]
                for _ in range(rng.randint(4, 10)):
                    out = rng.randint(40, 220)
                    ctx.emit(t, acct, ANTH, anthropic_body(list(msgs), tools=G.DESK_TOOLS, max_tokens=1024,
                                                           temperature=0.0), out)
                    tool = rng.choice(G.DESK_TOOLS)
                    cid = f"toolu_{rng.getrandbits(64):016x}"
                    args = {p: W.prose(rng, 2) for p in tool["input_schema"]["properties"]}
                    msgs = msgs + [{"role": "assistant", "content": [
                        {"type": "tool_use", "id": cid, "name": tool["name"], "input": args}]},
                        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid,
                                                      "content": W.ledger(rng, rng.randint(2, 6))}]}]
                    t += out / rng.uniform(60, 110) + rng.uniform(1, 5)
        else:
            for t in ctx.steady_times(rng.uniform(6, 15), jitter=0.9):
                task = rng.choice(G.DATA_TASKS).format(m=rng.choice(("March", "June", "November")), q=rng.randint(1, 4))
                prev, inp = None, task
                for _ in range(rng.randint(3, 7)):
                    body = {"model": "gpt-4.1", "instructions": G.DATA_INSTR, "input": inp, "tools": G.PY_TOOL,
                            "max_output_tokens": 3000}
                    if prev:
                        body["previous_response_id"] = prev
                    out = rng.randint(120, 700)
                    ctx.emit(t, acct, RESP, body, out)
                    prev = _resp_id(ctx)
                    inp = [{"type": "function_call_output", "call_id": f"call_{rng.getrandbits(64):016x}",
                            "output": W.ledger(rng, rng.randint(3, 10))}]
                    t += out / rng.uniform(60, 110) + rng.uniform(1, 12)


RERANK = "Query: {q}\nPassage: {p}\n\nDoes the passage answer the query? Answer yes or no."
QUERIES = ("what changed about {o}", "news on {o} in {pl}", "{o} {pl}", "who announced {o}?")


def _query(ctx: Ctx) -> str:
    rng = ctx.rng
    return rng.choice(QUERIES).format(o=rng.choice(W.OBJECTS), pl=rng.choice(W.PLACES))


def embedding_distill(ctx: Ctx, variant: str) -> None:
    """8 accounts around the clock: crawl (0-3): 50-110 batches/day of 16-48 snippets, each sent at 3072, 1024 and
    256 dimensions 1-6 s apart; pairs (4-5): 150-300 batches/day of 8-24 queries and 8-24 passages interleaved;
    rerank (6-7): 500-1000 chat requests/day, max_tokens 1, logprobs, top_logprobs 2."""
    rng = ctx.rng
    for i in range(8):
        acct = ctx.account("attack", "embedding_distill", "v9-embed")
        if i < 4:
            for t in ctx.steady_times(rng.uniform(50, 110), jitter=0.6):
                batch = [W.snippet(rng) for _ in range(rng.randint(16, 48))]
                for dims in (3072, 1024, 256):
                    ctx.emit(t, acct, EMB, {"model": "text-embedding-3-large", "input": batch, "dimensions": dims,
                                            "encoding_format": "float"}, 0)
                    t += rng.uniform(1, 6)
        elif i < 6:
            for t in ctx.steady_times(rng.uniform(150, 300), jitter=0.6):
                inputs = [_query(ctx) for _ in range(rng.randint(8, 24))] + \
                    [W.snippet(rng) for _ in range(rng.randint(8, 24))]
                rng.shuffle(inputs)
                ctx.emit(t, acct, EMB, {"model": "text-embedding-3-large", "input": inputs}, 0)
        else:
            for t in ctx.steady_times(rng.uniform(500, 1000), jitter=0.9):
                ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": RERANK.format(
                    q=_query(ctx), p=W.snippet(rng))}], model="gpt-4.1-mini", temperature=0, max_tokens=1,
                    logprobs=True, top_logprobs=2), 1)


TR_NOTES = ("Translate the text into {L}. Then add translator's notes: for every phrase you did not render "
            "literally, give the literal version, the one you chose, and why.")
TR_MQM = ("Source (English): {src}\nTranslation ({L}): {mt}\n\nAnnotate the translation segment by segment: each "
          "error with its MQM category and severity and an explanation of what is wrong and what it should say; then "
          "a score out of 100.")
TR_INTO_EN = ("Translate this {L} text into English and explain, after the translation, any term whose English "
              "equivalent is a judgement call.\n\n{src}")


def translation_distill(ctx: Ctx, variant: str) -> None:
    """12 accounts, two target languages each; 120-260 requests/day in 8-18 local (outside x0.05, weekends x0.1);
    50% notes (Anthropic for odd accounts, chat for even), 30% MQM annotation (chat), 20% into English."""
    rng = ctx.rng
    for i in range(12):
        acct = ctx.account("attack", "translation_distill", "v9-translation")
        langs = rng.sample(NON_EN, 2)
        for t in ctx.window_times(acct["tz"], rng.uniform(120, 260), hours=(8, 18), outside=0.05, weekend=0.1):
            lang = rng.choice(langs)
            r, out = rng.random(), rng.randint(250, 1100)
            if r < 0.5:
                system, text = TR_NOTES.format(L=W.LANG_NAMES[lang]), W.source(rng)
                if i % 2:
                    ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": text}], system=system,
                                                           max_tokens=2000), out)
                    continue
                msgs = [{"role": "system", "content": system}, {"role": "user", "content": text}]
            elif r < 0.8:
                src, mt = W.parallel(rng, lang)
                msgs = [{"role": "user", "content": TR_MQM.format(src=src, L=W.LANG_NAMES[lang], mt=mt)}]
            else:
                msgs = [{"role": "user", "content": TR_INTO_EN.format(L=W.LANG_NAMES[lang],
                                                                      src=W.render(W.item(rng), lang))}]
            ctx.emit(t, acct, CHAT, chat_body(msgs, model="gpt-4.1", temperature=0.3), out)


ATTACKS_V9 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill,
              embedding_distill, translation_distill)
