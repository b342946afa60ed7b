"""Attack campaigns, `variant="v11"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Subjects, languages and request
shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v10.py): chemistry and
pharmacology homework, unit-test writing and code review, long-document question answering, customer-support
dialogues, preference pairs, back-office tool calling, structured extraction from trade and lab documents and
translation between many language pairs; the languages besides English are Yoruba, Kazakh, Amharic, Uzbek,
Sinhala and Macedonian (translation mining adds Gujarati, Malayalam, Zulu, Khmer and Mongolian). Client metadata
(IP, user agent) always comes from ctx.account. Records carry `response_text` when the account's tenant logs
outputs (corpus_v11_answers: 30% of tenants, attack and benign alike; every tenant of cot_harvester and
structured_distill, whose twins log too).

Scenarios (names as in attacks.py so the tables line up, plus two new attack types; campaign ids start "v11-"):
- cot_harvester: one account that is a real homework-help app ("StudyOwl", chemistry and pharmacology, Responses
  API, follow-ups chained by previous_response_id) with real students (Zipf-distributed, ~30% of the traffic),
  into which the operator's script injects a question bank under fresh end-user ids, paced to the app's own
  daily curve, with automatic follow-ups from the same pool real students use; ~1,450 requests/day.
- hydra: 150 long-lived accounts (the campaign runs for weeks; the window sees four days of it), slow and low:
  2-12 requests a day in 1-4 human sessions in each account's own time zone, weekends x0.6, at most 20 a day;
  every prompt written by another LLM (corpus_v11.prompt_writer: no wording repeats end to end) around an item
  of one of three capabilities; each session on an API and model of its own (rotation); 35% non-English.
- taxonomy: 12 accounts dressed as a monorepo's CI bot, sweeping unit-test writing and code review (8 languages x
  10 function archetypes x 6 edge-case classes x 3 tasks: write tests, review a diff, write the test that kills
  a given mutant) in pipeline-like bursts through office hours.
- sampling: 10 accounts harvesting preference pairs: each prompt twice seconds apart under two settings (a
  concise and a thorough system prompt, temperature 0.2 and 1.0, a large and a small model, or chat and
  Anthropic), and for half of the pairs a judge request with both answers asking which is better and why;
  50-130 pairs a day per account around the clock.
- mixed_into_chat: 10 customer-support bot accounts with real customer conversations; an insider's self-play job
  writes both sides of synthetic dialogues on the same key (a customer-simulator request, then the product's
  agent request, 6-14 requests), 30-50% of the requests, spread evenly over the day.
- paraphrased: 130 accounts doing long-document QA over a shared corpus of 60 long documents (policies, manuals,
  protocols, bylaws): each session uploads a document and asks 2-6 questions (prompt-writer wording, "cite the
  clauses"), with the document resent (chat), a document block (Anthropic) or chained (Responses); 3-14
  questions a day per account in human sessions; 35% non-English.
- agentic_distill, structured_distill (new), translation_mining (new): see attacks_v11_more.py.
"""

from __future__ import annotations

import itertools

from benchmarks.traffic import corpus_v11 as W
from benchmarks.traffic import corpus_v11_docs as D
from benchmarks.traffic.attacks_v11_more import agentic_distill, structured_distill, translation_mining
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import (
    ANTH,
    CHAT,
    MODELS,
    RESP,
    account,
    answer,
    build,
    emit,
    resp_id,
)

OWL_SYS = ("You are StudyOwl, a homework helper for chemistry and pharmacology students. Show the method so the "
           "student can do the next one alone: set up, each calculation with units, a check of the result, and "
           "the final answer on its own line. Be encouraging.")


def _owl_request(ctx: Ctx, acct: dict, t: float, user: str, lang: str, first: str, follows: int,
                 effort: str) -> None:
    rng = ctx.rng
    prev = None
    for k in range(follows + 1):
        text = first if k == 0 else W.typed(rng, rng.choice(W.STUDENT_FOLLOW) if lang == "en"
                                            else rng.choice(W.FOLLOW_I18N[lang]))
        out = rng.randint(500, 2200) if k == 0 else rng.randint(200, 900)
        body = build(RESP, "o4-mini", OWL_SYS, [{"role": "user", "content": text}], 6000, prev,
                     reasoning={"effort": effort}, store=True)
        emit(ctx, t, acct, RESP, body, out, "chem", user=user)
        prev = resp_id(rng)
        t += rng.uniform(40, 500)


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Real students: 350-450/day at local 15-23h (outside x0.2, weekends x0.7) from a 15k Zipf pool, 35% follow
    up; the script: ~750 items/day on the same curve, fresh user ids, 40% follow up, every template in turn."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v11-solo", logged=True)
    prefix = rng.choice(W.USER_PREFIXES)
    students = [f"{prefix}{rng.getrandbits(40):010x}" for _ in range(15000)]
    cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(students))))
    for t in ctx.window_times(acct["tz"], rng.uniform(350, 450), hours=(15, 23), outside=0.2, weekend=0.7):
        lg = W.lang(rng, 0.15)
        q = W.wrap(rng, W.typed(rng, rng.choice(W.STUDENT_OPEN) + W.chem_problem(rng)), lg)
        _owl_request(ctx, acct, t, rng.choices(students, cum_weights=cum)[0], lg, q,
                     rng.choice((1, 1, 2, 3)) if rng.random() < 0.35 else 0, rng.choice(("medium", "medium", "high")))
    for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(650, 850), hours=(15, 23), outside=0.2,
                                           weekend=0.7)):
        lg = W.lang(rng, 0.2)
        q = W.wrap(rng, W.typed(rng, rng.choice(W.STUDENT_OPEN) + W.chem_problem(rng, n % len(W.CHEM))), lg)
        _owl_request(ctx, acct, t, f"{prefix}{rng.getrandbits(40):010x}", lg, q,
                     rng.choice((1, 2)) if rng.random() < 0.4 else 0, rng.choice(("medium", "high", "high")))


def hydra_item(ctx: Ctx, cap: int) -> tuple[str, str]:
    """(core text, answer style) for capability 0 chemistry, 1 code review, 2 document question."""
    rng = ctx.rng
    if cap == 0:
        return W.chem_problem(rng), "chem"
    if cap == 1:
        return (rng.choice(("Is this change safe to merge?", "What would you flag in this review?",
                            "What tests does this function need?")) + "\n" +
                (D.diff(rng) if rng.random() < 0.5 else D.function(rng)), "review")
    kind = rng.choice(W.DOC_KINDS)
    excerpt = "\n".join(W.document(rng, kind, 2).splitlines()[2:9])
    return f"From the {kind}:\n{excerpt}\n\n{W.doc_question(rng, kind)}", "prose"


def hydra(ctx: Ctx, variant: str) -> None:
    """150 accounts, each with a capability mix of its own, sessions from ctx.diurnal_times; see the docstring."""
    rng = ctx.rng
    for _ in range(150):
        acct = account(ctx, "attack", "hydra", "v11-hydra")
        lg = W.lang(rng, 0.35)
        mix = [rng.random() for _ in range(3)]
        per_day: dict[int, int] = {}
        sessions = ctx.diurnal_times(acct, rng.uniform(2, 12), session_len=(1, 5), gap_s=(90, 1500))
        sessions = [s for s in sessions if (3 + int((s[0] - ctx.start) / DAY + acct["tz"] / 24)) % 7 < 5
                    or rng.random() < 0.6]
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            api = rng.choices((CHAT, ANTH, RESP), (45, 30, 25))[0]
            model = rng.choice(MODELS[api])
            for t in session:
                day = int((t - ctx.start) // DAY)
                if per_day.get(day, 0) >= 20:
                    break
                per_day[day] = per_day.get(day, 0) + 1
                core, style = hydra_item(ctx, rng.choices((0, 1, 2), mix)[0])
                text = W.prompt_writer(rng, core)
                if lg != "en":
                    text = W.wrap(rng, text, lg) + "\n" + rng.choice(W.HELP_I18N[lg] + W.ASK_I18N[lg])
                msgs = [{"role": "user", "content": text}]
                emit(ctx, t, acct, api, build(api, model, None, msgs, rng.choice((2000, 4000, 8000))),
                     rng.randint(400, 1800), style)


TEST_SYS = ("You are the test bot of the platform monorepo. For each function you receive, write the unit tests a "
            "senior engineer would want, using {fw}. Before each test, one comment line saying what it protects.")
REVIEW_SYS = ("You are the code-review bot of the platform monorepo. Comment on correctness first, then tests, then "
              "style. For every comment, give the reason and the fix.")
MUTANT = ("This {l} function has a mutant where '{a}' became '{b}'. Write the smallest {fw} test that fails on the "
          "mutant and passes on the original, and explain why it kills it.\n\n{f}")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """12 accounts; account k owns languages k % 8 and (k + 3) % 8, its cells shuffled; pipeline runs of 8-40
    requests 2-20 s apart at a rate of 5-12 runs per working day (local 8-19h, weekends x0.15)."""
    rng = ctx.rng
    for k in range(12):
        acct = account(ctx, "attack", "taxonomy", "v11-taxonomy")
        langs = (D.PROG_LANGS[k % 8], D.PROG_LANGS[(k + 3) % 8])
        cells = [(lg, a, e, task) for lg in langs for a in D.ARCHETYPES for e in D.EDGE_CASES for task in range(3)]
        rng.shuffle(cells)
        n = 0
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 12), hours=(8, 19), outside=0.05, weekend=0.15):
            for _ in range(rng.randint(8, 40)):
                lg, arch, edge, task = cells[n % len(cells)]
                n += 1
                fw = D.TEST_FW[lg]
                out = rng.randint(300, 1600)
                if task == 0:
                    code = D.function(rng, lg, arch)
                    msgs = [{"role": "user", "content": f"Function ({lg}), cover {edge}:\n```\n{code}\n```"}]
                    emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", TEST_SYS.format(fw=fw), msgs, 4000,
                                                   temperature=0.2), out, "code")
                elif task == 1:
                    text = f"PR touches {arch} ({lg}); watch for {edge}.\n{D.diff(rng, lg)}"
                    msgs = [{"role": "user", "content": text}]
                    emit(ctx, t, acct, ANTH, build(ANTH, "claude-sonnet-4-5", REVIEW_SYS, msgs, 3000), out, "review")
                else:
                    a, b = rng.sample(("<", "<=", "+ 1", "- 1", "&&", "||", "==", "!="), 2)
                    msgs = [{"role": "user", "content": MUTANT.format(l=lg, a=a, b=b, fw=fw,
                                                                      f=D.function(rng, lg, arch))}]
                    emit(ctx, t, acct, RESP, build(RESP, "gpt-4.1", None, msgs, 3000), out, "code")
                t += out / rng.uniform(60, 120) + rng.uniform(2, 20)


CONCISE = "Answer briefly and directly. No preamble."
THOROUGH = "Give a complete, careful answer. Explain your reasoning and mention alternatives where relevant."
JUDGE = ("Two assistant responses to the same user message follow. Which one would a careful user prefer? Return "
         "JSON with winner (A or B), a short reason per criterion (correctness, helpfulness, clarity), and the "
         "decisive factor.\n\nUser message:\n{p}\n\nResponse A:\n{a}\n\nResponse B:\n{b}")


def pref_prompt(ctx: Ctx) -> tuple[str, str]:
    rng = ctx.rng
    r = rng.randrange(4)
    if r == 0:
        return W.chem_problem(rng), "chem"
    if r == 1:
        return f"Write tests for this:\n{D.function(rng)}", "code"
    if r == 2:
        company, _, issues = rng.choice(W.COMPANIES)
        return f"[{company} customer] {W.customer_line(rng, rng.choice(issues))}", "support"
    kind = rng.choice(W.DOC_KINDS)
    return W.doc_question(rng, kind), "prose"


def sampling(ctx: Ctx, variant: str) -> None:
    """10 accounts, 50-130 pair jobs/day around the clock on a pool of 300 prompts; a pair's second request 1-20 s
    after the first; the judge 5-60 s after the second; judges on gpt-4.1 (JSON)."""
    rng = ctx.rng
    pool = [pref_prompt(ctx) for _ in range(300)]
    for i in range(10):
        acct = account(ctx, "attack", "sampling", "v11-sampling")
        mode = i % 4
        for t in ctx.steady_times(rng.uniform(50, 130), jitter=0.9):
            prompt, style = rng.choice(pool)
            msgs = [{"role": "user", "content": prompt}]
            if mode == 0:
                pair = [(CHAT, "gpt-4.1", CONCISE, {}), (CHAT, "gpt-4.1", THOROUGH, {})]
            elif mode == 1:
                pair = [(CHAT, "gpt-4.1", None, {"temperature": 0.2}), (CHAT, "gpt-4.1", None, {"temperature": 1.0})]
            elif mode == 2:
                pair = [(CHAT, "gpt-4.1", None, {}), (CHAT, "gpt-4.1-mini", None, {})]
            else:
                pair = [(CHAT, "gpt-4.1", None, {}), (ANTH, "claude-sonnet-4-5", None, {})]
            rng.shuffle(pair)
            texts = []
            for api, model, system, extra in pair:
                out = rng.randint(150, 500) if system == CONCISE else rng.randint(300, 1400)
                text = answer(rng, style, out, model)
                emit(ctx, t, acct, api, build(api, model, system, msgs, 3000, **extra), out, text=text)
                texts.append(text)
                t += rng.uniform(1, 20)
            if rng.random() < 0.5:
                t += rng.uniform(5, 60)
                judge = JUDGE.format(p=prompt, a=texts[0][:1500], b=texts[1][:1500])
                body = build(CHAT, "gpt-4.1", None, [{"role": "user", "content": judge}], 800, temperature=0,
                             response_format={"type": "json_object"})
                emit(ctx, t, acct, CHAT, body, rng.randint(120, 400), "json",
                     extra=("winner", "correctness_reason", "helpfulness_reason", "clarity_reason", "decisive_text"))


SIM_SYS = ("You are role-playing a customer of {c}. You are {m}. Your problem: {i}. Write only the customer's next "
           "message, one to three sentences, in character. If the problem is solved, write DONE.")


def support_turns(ctx: Ctx, acct: dict, t: float, company: str, sector: str, issue: str, user: str,
                   model: str, turns: int, simulate: bool, mood: str) -> float:
    """A support conversation; with `simulate`, each customer turn comes from a simulator request on the key."""
    rng = ctx.rng
    system = W.support_system(company, sector)
    msgs = [{"role": "user", "content": W.customer_line(rng, issue)}]
    for _ in range(turns):
        out = rng.randint(60, 260)
        reply = answer(rng, "support", out)
        emit(ctx, t, acct, CHAT, build(CHAT, model, system, msgs, 600, temperature=0.3), out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        t += rng.uniform(2, 8) if simulate else rng.uniform(15, 120)
        if simulate:
            flipped = [{"role": "assistant" if m["role"] == "user" else "user", "content": m["content"]} for m in msgs]
            line = W.customer_line(rng, issue)
            emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1-mini", SIM_SYS.format(c=company, m=mood, i=issue), flipped,
                                           200, temperature=1.0), max(5, len(line) // 4), text=line, user=user)
            t += rng.uniform(1, 5)
        else:
            line = W.typed(rng, W.customer_line(rng, issue))
        msgs = msgs + [{"role": "user", "content": line}]
    return t


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """10 accounts, 30-80 conversation starts/day at local 7-23h (outside x0.15); real conversations 1-5 turns;
    self-play dialogues at a steady 8-25/day, 3-7 exchanges (6-14 requests), moods and issues from corpus_v11."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "mixed_into_chat", "v11-mixed")
        company, sector, issues = W.COMPANIES[i % len(W.COMPANIES)]
        model = rng.choice(("gpt-4.1", "gpt-4.1-mini"))
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 80), hours=(7, 23), outside=0.15):
            support_turns(ctx, acct, t, company, sector, rng.choice(issues), f"c_{rng.getrandbits(40):010x}", model,
                           rng.randint(1, 5), False, "")
        for t in ctx.steady_times(rng.uniform(8, 25), jitter=0.95):
            support_turns(ctx, acct, t, company, sector, rng.choice(issues), f"c_{rng.getrandbits(40):010x}",
                           "gpt-4.1", rng.randint(3, 7), True, rng.choice(W.CUSTOMER_MOODS))


CITE = ("Quote the clause numbers you rely on and reason from them.", "Answer from the document only, citing the "
        "sections, and say how you got there.", "Explain which provisions apply and how they interact.", "")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """130 accounts, 3-14 questions/day in diurnal sessions of 2-6 (3-20 min apart), documents from a shared
    60-document corpus; API per account 50% chat, 25% Anthropic (document block), 25% Responses (chained)."""
    rng = ctx.rng
    corpus = [(k, W.document(rng, k, rng.randint(8, 16))) for k in rng.choices(W.DOC_KINDS, k=60)]
    for _ in range(130):
        acct = account(ctx, "attack", "paraphrased", "v11-paraphrased")
        lg = W.lang(rng, 0.35)
        api = rng.choices((CHAT, ANTH, RESP), (50, 25, 25))[0]
        model = rng.choice(MODELS[api])
        cite = rng.choice(CITE)
        sessions = ctx.diurnal_times(acct, rng.uniform(3, 14), session_len=(2, 6), gap_s=(180, 1200))
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 7200)]]:
            kind, doc = rng.choice(corpus)
            msgs: list[dict] = []
            prev = None
            for j, t in enumerate(session):
                q = W.prompt_writer(rng, W.doc_question(rng, kind)) + (f" {cite}" if cite else "")
                q = q if lg == "en" else W.wrap(rng, q, lg)
                if j == 0 and api == ANTH:
                    content: object = [{"type": "document", "cache_control": {"type": "ephemeral"},
                                        "source": {"type": "text", "media_type": "text/plain", "data": doc}},
                                       {"type": "text", "text": q}]
                elif j == 0:
                    content = f"{doc}\n\n---\n{q}"
                else:
                    content = q
                msgs = msgs + [{"role": "user", "content": content}]
                out = rng.randint(250, 1100)
                reply = answer(rng, "prose", out, model)
                emit(ctx, t, acct, api, build(api, model, None, msgs, 4000, prev), out, text=reply)
                if api == RESP:
                    prev = resp_id(rng)
                msgs = msgs + [{"role": "assistant", "content": reply}]


ATTACKS_V11 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill,
               structured_distill, translation_mining)
