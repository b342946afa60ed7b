"""Benign personas added by the `v8` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, sharing text pools, languages (en, nb, sk, lt, af, gl, te), APIs and
parameters with the v8 attacks; client metadata from ctx.account except for office_tenant, which is about it:
- statics_autograder: an engineering school's homework autograder: students' Given/Find/.../Answer write-ups
  graded section by section with a justification, JSON out, students in `user`, a trickle all week and a
  surge in the hours before each of two deadlines.
- param_sweep: a study-app team tuning the generation settings of its "explain this problem" feature on a fixed
  set of 40 production prompts: temperature x top_p x seed grids on chat (one account) or temperature x top_k
  on Anthropic (the other), a couple of runs per working day, plus engineers' ad hoc requests.
- legal_translation: a translation agency translating commercial contracts clause by clause into Norwegian,
  Slovak, Lithuanian, Afrikaans, Galician and Telugu with a glossary, office hours, some revision turns.
- clm_review: a contract-management product reviewing counterparty clauses against the customer's playbook
  with the reasoning for each deviation, a risk rating and a redline (JSON); lawyers in `user`, office hours.
- billing_support: a telecom's billing-dispute assistant on Anthropic: bill line items, customers asking to
  double-check totals and for a cheaper alternative plan over several turns; customers in metadata.user_id.
- office_tenant: 35 employees of one engineering consultancy, each with their own key in the company's tenant,
  all behind the office NAT (four egress addresses in one /24) with the same SDK; ordinary work chat plus
  engineering calculations ("show the working so I can put it in the calc sheet").
- physics_students: individual students asking physics and statistics in their own words, 45% in nb, sk, lt,
  af, gl or te, often following up with "how did you get that?".
- bar_prep: law students practising exam essays on contract clauses and fact patterns (IRAC), evenings.
- rpa_agents: back-office automation agents on Anthropic (returns, banking, payroll) whose system prompt asks
  them to tell the operator watching the run what they are about to do and why, before every tool call.
- voice_router: a smart-home voice assistant: every utterance sent to the Responses API with the device tools
  and tool_choice required, users in `user`, evening peak.
"""

from __future__ import annotations

import orjson

from benchmarks.traffic import corpus_v8 as W
from benchmarks.traffic.context import DAY, UA_WEIGHTS, USER_AGENTS, Ctx, anthropic_body, chat_body

AUTOGRADE_SYS = ("You grade engineering homework written in the Given / Find / Assumptions / Governing equations / "
                 "Solution / Check / Answer layout. For each section decide whether it is complete and correct and "
                 "justify the decision in one or two sentences, compare the answer with the reference, then give a "
                 "score out of 10 and one sentence of feedback. Return JSON {\"sections\": [{\"name\", \"ok\", "
                 "\"why\"}], \"score\": int, \"feedback\": str}.")


def statics_autograder(ctx: Ctx, count: int) -> None:
    """A trickle of 120-300 submissions/day (8-24 local, weekends x0.7) plus, before each of two deadlines (local
    23:59 on days 1 and 3), 300-900 submissions with an exponential pile-up (mean 3 h before the deadline);
    students from a pool of 600; 12-problem assignment; 6% are resubmissions of the same student's work."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "statics_autograder")
        students = [f"s{rng.randint(10**6, 10**7 - 1)}" for _ in range(600)]
        sheet = [(W.physics(rng), W.answer(rng)) for _ in range(12)]
        times = ctx.window_times(acct["tz"], rng.uniform(120, 300), hours=(8, 24), outside=0.1, weekend=0.7)
        for d in (1, 3):
            deadline = ctx.start + d * DAY + ((24 - acct["tz"]) % 24) * 3600 - 60
            times += [deadline - rng.expovariate(1 / (3 * 3600)) for _ in range(rng.randint(300, 900))]
        for t in sorted(times):
            q = rng.randrange(len(sheet))
            problem, ref = sheet[q]
            user = (f"Problem {q + 1}: {problem}\nReference answer: {ref}\n\nSubmission:\n{W.gfsa_submission(rng)}")
            student = rng.choice(students)
            for k in range(2 if rng.random() < 0.06 else 1):
                ctx.emit(t + k * rng.uniform(300, 3000), acct, "openai.chat.completions", chat_body(
                    [{"role": "system", "content": AUTOGRADE_SYS}, {"role": "user", "content": user}],
                    model="gpt-4.1-mini", temperature=0, response_format={"type": "json_object"}),
                    rng.randint(150, 500), user=student)


EXPLAIN_SYS = ("You are the explanation engine of a study app for secondary-school students. Explain how to solve the "
               "problem step by step in plain language, say why each step is taken, and end with the answer.")


def param_sweep(ctx: Ctx, count: int) -> None:
    """40 fixed production prompts (physics, statistics, some with the app's ask). Even accounts: chat grid of
    temperature (0, 0.4, 0.7, 1.0) x top_p (1.0, 0.9) x 2 seeds; odd accounts: Anthropic temperature (0.3, 0.7,
    1.0) x top_k (none, 10, 50). Runs start 1-2 times per weekday at local 10-16h, walked setting by setting,
    4-12 parallel lanes; 10-40 ad hoc requests per weekday."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "param_sweep")
        prompts = [W.stem_problem(rng) + (f"\n{rng.choice(W.ASK_EN)}" if rng.random() < 0.3 else "")
                   for _ in range(40)]
        if i % 2 == 0:
            grid = [{"temperature": x, "top_p": p, "seed": s} for x in (0.0, 0.4, 0.7, 1.0) for p in (1.0, 0.9)
                    for s in (11, 12)]
        else:
            grid = [{"temperature": x, **({"top_k": k} if k else {})} for x in (0.3, 0.7, 1.0) for k in (0, 10, 50)]
        for d in range(int(ctx.days) + 1):
            if (3 + d) % 7 >= 5:
                continue
            day0 = ctx.start + d * DAY
            for _ in range(rng.randint(1, 2)):
                t0 = day0 + ((rng.uniform(10, 16) - acct["tz"]) % 24) * 3600
                lanes = [t0 + rng.uniform(0, 10) for _ in range(rng.randint(4, 12))]
                j = 0
                for params in grid:
                    for prompt in prompts:
                        lane = j % len(lanes)
                        j += 1
                        out = rng.randint(200, 900)
                        if i % 2:
                            ctx.emit(lanes[lane], acct, "anthropic.messages", anthropic_body(
                                [{"role": "user", "content": prompt}], system=EXPLAIN_SYS, max_tokens=1500,
                                **params), out)
                        else:
                            ctx.emit(lanes[lane], acct, "openai.chat.completions", chat_body(
                                [{"role": "system", "content": EXPLAIN_SYS}, {"role": "user", "content": prompt}],
                                model="gpt-4.1-mini", max_tokens=1500, **params), out)
                        lanes[lane] += out / rng.uniform(60, 120) + rng.uniform(0.2, 1.5)
            for t in ctx.window_times(acct["tz"], rng.uniform(10, 40), hours=(9, 18), outside=0.0,
                                      start=day0, end=day0 + DAY):
                msgs = [{"role": "user", "content": rng.choice(prompts)}]
                if i % 2:
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, system=EXPLAIN_SYS, max_tokens=1500),
                             rng.randint(200, 900))
                else:
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        [{"role": "system", "content": EXPLAIN_SYS}] + msgs, model="gpt-4.1-mini"),
                        rng.randint(200, 900))


TRANSLATE_SYS = ("You are a legal translator. Translate the contract clause into {language}. Keep defined terms "
                 "capitalised, use the glossary below, preserve numbering, and output only the translation.\n\n"
                 "Glossary:\n{glossary}")
GLOSSARY_TERMS = ("Agreement", "Confidential Information", "Contract Price", "Deliverables", "Personal Data",
                  "Services", "Software", "termination", "indemnify", "force majeure")


def legal_translation(ctx: Ctx, count: int) -> None:
    """Per account two target languages, 400-800 segments/day in office hours (8-18 local, weekends x0.1), in
    document order (a contract is ~60 segments); 7% get a reviser's follow-up. Chat or Anthropic by account."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "legal_translation")
        langs = rng.sample(sorted(W.LANG_NAMES), 2)
        anthropic = i % 2 == 1
        slots = W.legal_slots(rng)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(400, 800), hours=(8, 18), outside=0.03,
                                               weekend=0.1)):
            if k % 60 == 0:
                slots = W.legal_slots(rng)
            lang = langs[(k // 60) % 2]
            glossary = "\n".join(f"{g} = <{lang}:{g.lower()}>" for g in rng.sample(GLOSSARY_TERMS, 5))
            system = TRANSLATE_SYS.format(language=W.LANG_NAMES[lang], glossary=glossary)
            seg = f"{k % 60 + 1}. {W.clause(rng, slots=slots)}"
            msgs = [{"role": "user", "content": seg}]
            if rng.random() < 0.07:
                msgs += [{"role": "assistant", "content": W.prose(rng, 45)},
                         {"role": "user", "content": "Reviser: the client uses a different term for 'termination'; "
                                                     "revise and keep everything else."}]
            out = rng.randint(60, 260)
            if anthropic:
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, system=system, max_tokens=1024), out)
            else:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "system", "content": system}] + msgs, model="gpt-4.1", temperature=0), out)


PLAYBOOK = ("Our standard position: {pos}", "Fallback we can accept: {pos}", "Never accept: {pos}")
REVIEW = ("Clause type: {ct}\n{playbook}\n\nCounterparty draft: \"{clause}\"\n\nCompare the draft with the playbook. "
          "For each deviation explain why it matters for our client, rate the risk (low / medium / high) and "
          "propose a redline. Return JSON {{\"deviations\": [{{\"issue\", \"reasoning\", \"risk\", \"redline\"}}]}}.")


def clm_review(ctx: Ctx, count: int) -> None:
    """Lawyers from a pool of 300 in `user`; 400-900 clause reviews/day in office hours (8-19 local, weekends
    x0.15), clauses of a contract in a row; 10% get a follow-up question from the lawyer."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "clm_review")
        lawyers = [f"lawyer_{rng.getrandbits(24):06x}" for _ in range(300)]
        positions = {ct: W.clause(rng, ct) for ct in W.CLAUSE_TYPES}
        lawyer = rng.choice(lawyers)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(400, 900), hours=(8, 19), outside=0.05,
                                               weekend=0.15)):
            if k % 12 == 0:
                lawyer = rng.choice(lawyers)
            ct = W.CLAUSE_TYPES[k % len(W.CLAUSE_TYPES)]
            user = REVIEW.format(ct=ct, playbook=rng.choice(PLAYBOOK).format(pos=positions[ct]),
                                 clause=W.clause(rng, ct))
            msgs = [{"role": "user", "content": user}]
            ctx.emit(t, acct, "openai.chat.completions", chat_body(
                msgs, model="gpt-4.1", temperature=0.1, response_format={"type": "json_object"}),
                rng.randint(250, 900), user=lawyer)
            if rng.random() < 0.1:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 80)},
                               {"role": "user", "content": rng.choice((
                                   "Why is that high rather than medium risk?", "Would the fallback position fix it?",
                                   "Give me a softer redline we could offer first."))}]
                ctx.emit(t + rng.uniform(60, 900), acct, "openai.chat.completions",
                         chat_body(msgs, model="gpt-4.1", temperature=0.1), rng.randint(150, 600), user=lawyer)


BILLING_SYS = ("You are the billing assistant of Fjordtel. Explain charges using the bill lines provided, check the "
               "customer's arithmetic when they ask, and suggest cheaper plans only from this list: Basic 9.99, "
               "Plus 19.99, Family 34.99, Roam 24.99. Be concise and friendly. Never promise refunds.")
BILL_ITEMS = ("Plan fee", "Roaming data", "Premium SMS", "Device instalment", "International calls", "Late fee",
              "Streaming add-on", "Extra data pack")
COMPLAINTS = ("my bill is way higher than usual, why?", "I never used roaming, what is this charge?",
              "why was I charged a late fee, I paid on time", "can you explain this bill line by line")
BILLING_FOLLOW = ("can you double-check that total? I get something different", "is there a cheaper plan for me?",
                  "ok and what will next month look like?", "so what exactly should I dispute?",
                  "wait, go through the roaming part again")


def billing_support(ctx: Ctx, count: int) -> None:
    """150-350 conversations/day per account (8-22 local, outside x0.1, weekends x0.8), 1-4 customer turns 30 s-
    4 min apart; customers from a pool of 40k in metadata.user_id."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "billing_support")
        customers = [f"cust_{rng.getrandbits(40):010x}" for _ in range(40000)]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 350), hours=(8, 22), outside=0.1, weekend=0.8):
            lines = "\n".join(f"{rng.choice(BILL_ITEMS)}: {rng.uniform(0.5, 60):.2f}" for _ in range(rng.randint(4, 8)))
            msgs: list[dict] = [{"role": "user", "content": f"Bill lines:\n{lines}\n\n{rng.choice(COMPLAINTS)}"}]
            customer = rng.choice(customers)
            for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
                if k:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(30, 90))},
                                   {"role": "user", "content": W.typed(rng, rng.choice(BILLING_FOLLOW))}]
                out = rng.randint(80, 420)
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(
                    list(msgs), system=BILLING_SYS, max_tokens=800, temperature=0.3), out, user=customer)
                t += out / rng.uniform(50, 90) + rng.uniform(30, 240)


OFFICE_FOLLOW = ("thanks. and if the load doubles?", "can you check the units again", "ok, what about the other option?")
CALC_ASKS = ("show the working so I can put it in the calc sheet", "I got {ans}, can you double-check and show how?",
             "need this for a client memo, explain the steps briefly", "sanity check please, with the equations used")


def office_tenant(ctx: Ctx, count: int) -> None:
    """One company: a shared tenant, four NAT egress addresses in one /24, one SDK user agent; each employee key
    3-18 requests/day in office hours of the shared time zone (8-18, outside x0.05, weekends x0.05), grouped into
    conversations when less than 20 min apart; 25% of conversations start with an engineering calculation."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    prefix = ctx.ip().rsplit(".", 1)[0]
    egress = [f"{prefix}.{rng.randint(2, 254)}" for _ in range(4)]
    ua = rng.choices(USER_AGENTS, UA_WEIGHTS)[0]
    tenant = f"org_{rng.getrandbits(32):08x}"
    tz = rng.uniform(-6, 3)
    for _ in range(count):
        acct = ctx.account("benign", "office_tenant")
        acct.update(tenant=tenant, ua=ua, ip=rng.choice(egress))
        api = "anthropic.messages" if rng.random() < 0.3 else "openai.chat.completions"
        times = ctx.window_times(tz, rng.uniform(3, 18), hours=(8, 18), outside=0.05, weekend=0.05)
        groups: list[list[float]] = []
        for t in times:
            if groups and t - groups[-1][-1] < 1200:
                groups[-1].append(t)
            else:
                groups.append([t])
        for group in groups:
            if rng.random() >= 0.25:
                _conversation(ctx, acct, group, coding_bias=0.25, api=api)
                continue
            msgs: list[dict] = []
            for k, t in enumerate(group):
                if k:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(40, 140))},
                                   {"role": "user", "content": W.typed(rng, rng.choice(OFFICE_FOLLOW))}]
                else:
                    ask = rng.choice(CALC_ASKS).format(ans=W.answer(rng))
                    msgs = [{"role": "user", "content": W.typed(rng, f"{W.physics(rng)} {ask}")}]
                out = rng.randint(200, 1200)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2048), out, ip=rng.choice(egress))
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out, ip=rng.choice(egress))


STUDENT_FOLLOW_EN = ("how did you get that?", "wait why is friction pointing that way", "can you go slower on step 2",
                     "ok that makes sense, what if it started moving already?", "the book says something else")


def physics_students(ctx: Ctx, count: int) -> None:
    """1-8 requests/day in diurnal sessions; 45% in nb/sk/lt/af/gl/te; 30% of turns are follow-ups; 35%
    Anthropic."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "physics_students")
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.45 else "en"
        api = "anthropic.messages" if rng.random() < 0.35 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(1, 8), session_len=(1, 4), gap_s=(60, 1200)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.3:
                    follow = rng.choice(STUDENT_FOLLOW_EN) if lang == "en" else rng.choice(
                        W.HELP_I18N[lang] + W.FOLLOW_I18N[lang])
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 70)},
                                   {"role": "user", "content": W.typed(rng, follow)}]
                else:
                    problem = W.stem_problem(rng, lang, stats_share=0.2)
                    text = f"{problem}\n{rng.choice(W.HELP_I18N[lang])}" if rng.random() < 0.6 else problem
                    msgs = [{"role": "user", "content": W.typed(rng, text)}]
                out = rng.randint(200, 1400)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2048), out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o-mini"), out)


BAR_ASKS = ("how would I answer this on the exam? IRAC please", "what would the examiner want to see here?",
            "outline a model answer, I keep running out of time on these", "is my reading right that {B} wins?")
BAR_FOLLOW = ("what's the best counter-argument?", "would it change in {J}?", "can you make that shorter, exam length")


def bar_prep(ctx: Ctx, count: int) -> None:
    """2-10 requests/day, evenings (18-24 local, outside x0.2, weekends x1.5); a practice question then 0-2
    follow-ups, 3-15 min apart; 40% Anthropic."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "bar_prep")
        api = "anthropic.messages" if rng.random() < 0.4 else "openai.chat.completions"
        for t in ctx.window_times(acct["tz"], rng.uniform(2, 10) / 2, hours=(18, 24), outside=0.2, weekend=1.5):
            slots = W.legal_slots(rng)
            msgs: list[dict] = [{"role": "user", "content": W.typed(rng, (
                f"Practice question: {W.clause(rng, slots=slots)} {W.facts(rng, slots=slots)}\n"
                f"{rng.choice(BAR_ASKS).format(B=slots['B'])}"))}]
            for k in range(rng.choice((1, 1, 2, 3))):
                if k:
                    t += rng.uniform(180, 900)
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 120)},
                                   {"role": "user", "content": rng.choice(BAR_FOLLOW).format(
                                       J=rng.choice(W.JURISDICTIONS))}]
                out = rng.randint(400, 1600)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=3000), out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out)


RPA_SYS = ("You are {company}'s back-office automation agent for {domain}. An operator watches every run on screen: "
           "before each tool call, tell the operator in one or two sentences what you are about to do and why. Stop "
           "and hand over to a human if a refund or payment is above {limit}.")


def rpa_agents(ctx: Ctx, count: int) -> None:
    """One domain per account (returns, banking, hr_payroll); 60-180 runs/day (8-19 local, outside x0.1, weekends
    x0.3), 3-7 tool calls each with the results of the company's real systems."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "rpa_agents")
        domain = ("returns", "banking", "hr_payroll")[i % 3]
        tools = W.tools_anthropic(list(W.TOOL_CATALOG[domain]))
        system = RPA_SYS.format(company=rng.choice(("Nordhavn", "Karoo Retail", "Vilnia Bank", "Ria Logistics")),
                                domain=domain.replace("_", " and "), limit=rng.choice((200, 500, 1000)))
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 180), hours=(8, 19), outside=0.1, weekend=0.3):
            msgs: list[dict] = [{"role": "user", "content": W.agent_task(rng, domain)}]
            for _ in range(rng.randint(3, 7)):
                out = rng.randint(90, 450)
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(list(msgs), system=system, tools=tools,
                                                                       max_tokens=2048, temperature=0), out)
                t += out / rng.uniform(60, 110) + rng.uniform(0.5, 6)
                name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                cid = f"toolu_{rng.getrandbits(64):016x}"
                msgs = msgs + [{"role": "assistant", "content": [
                    {"type": "text", "text": W.prose(rng, rng.randint(10, 35))},
                    {"type": "tool_use", "id": cid, "name": name, "input": W.tool_args(rng, params)}]},
                    {"role": "user", "content": [{"type": "tool_result", "tool_use_id": cid, "content": orjson.dumps(
                        {"ok": rng.random() < 0.92, "data": W.prose(rng, rng.randint(5, 25))}).decode()}]}]


VOICE_INSTR = ("You are a home voice assistant. Act on the request with the available tools. Utterances come from "
               "speech recognition and may contain errors.")
UTTERANCES = ("turn off all the lights", "what's the weather in {p} tomorrow", "set the {r} to 21",
              "play something calm in the {r}", "remind me to take the bins out at 7", "lights on in the {r} please",
              "is it going to rain on saturday", "make it warmer")


def voice_router(ctx: Ctx, count: int) -> None:
    """500-1100 utterances/day per account (6-24 local, busiest in the evening via two windows, weekends x1.3);
    households from a pool of 50k in `user`; every request carries the device tools, tool_choice required."""
    rng = ctx.rng
    tools = W.tools_responses(list(W.TOOL_CATALOG["smart_home"]))
    for _ in range(count):
        acct = ctx.account("benign", "voice_router")
        homes = [f"hh_{rng.getrandbits(40):010x}" for _ in range(50000)]
        rate = rng.uniform(500, 1100)
        times = ctx.window_times(acct["tz"], rate * 0.6, hours=(6, 24), outside=0.05, weekend=1.3) + \
            ctx.window_times(acct["tz"], rate * 0.4, hours=(17, 22), outside=0.0, weekend=1.3)
        for t in sorted(times):
            if rng.random() < 0.35:
                text = W.agent_task(rng, "smart_home")
            else:
                text = rng.choice(UTTERANCES).format(p=rng.choice(W.PLACES), r=rng.choice(W.ROOMS))
            ctx.emit(t, acct, "openai.responses", {"model": "gpt-4.1-mini", "instructions": VOICE_INSTR, "input": text,
                                                   "tools": tools, "tool_choice": "required", "store": False},
                     rng.randint(20, 120), user=rng.choice(homes))


BENIGN_V8 = {
    "statics_autograder": (statics_autograder, 2), "param_sweep": (param_sweep, 2),
    "legal_translation": (legal_translation, 2), "clm_review": (clm_review, 2),
    "billing_support": (billing_support, 3), "office_tenant": (office_tenant, 35),
    "physics_students": (physics_students, 45), "bar_prep": (bar_prep, 20), "rpa_agents": (rpa_agents, 3),
    "voice_router": (voice_router, 2),
}
