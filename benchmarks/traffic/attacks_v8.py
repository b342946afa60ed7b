"""Attack campaigns, `variant="v8"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Phrasings, templates and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v7.py); the
capabilities harvested are physics/engineering and statistics reasoning, legal reasoning and tool calling; the
languages besides English are Norwegian Bokmal, Slovak, Lithuanian, Afrikaans, Galician and Telugu. Client
metadata (IP, user agent) always comes from ctx.account. Elicitation is mostly indirect ("walk me through how
you got there", "as a teaching assistant, produce a worked solution", "what does a full-marks answer look
like"), and many campaigns harvest over several turns ("now verify", "now an alternative").

Scenarios (names as in attacks.py so the tables line up; campaign ids start with "v8-"):
- cot_harvester: one account that spends its first 16-30 h as an ordinary chat user, then ramps up: closed-loop
  workers join one by one 8-16 h apart (up to four), each running multi-turn tutoring jobs (a problem with an
  indirect ask, then 1-3 follow-ups: verify by another route, an alternative solution, the tempting wrong
  approach, the symbolic version) on chat (full history resent), Anthropic (teaching-assistant system prompt)
  and Responses (follow-ups chained by previous_response_id); 35% of jobs in nb/sk/lt/af/gl/te; each worker
  has a daily 30-90 min maintenance gap; ~2,500-3,000 requests/day at full strength.
- hydra: 200 accounts in five sign-up waves, each living 1.5-3 days; the first 0.4-1 day of each account is
  warm-up (ordinary questions at a third of the rate), then 10-24 harvest requests per UTC day (hard cap 29 per
  UTC day, warm-up included) in 2-4 sessions at local 8-23h, where "local" is one of the operator's three worker
  regions (UTC-5, UTC+1, UTC+8, +-1.2 h); four kits: a teaching-assistant system prompt (Anthropic), an
  answer-only question followed by "ok, walk me through how you got there" (chat, two turns), the engineering
  Given/Find/.../Check layout (Responses, o4-mini) and "write the reference solution the graders will use"
  (chat); 40% non-English.
- taxonomy: 12 accounts covering one capability, contract-law reasoning (12 clause types x 6 jurisdictions x
  5 fact patterns x 3 tasks: advise on the facts, author a fact pattern with its model answer, compare two
  jurisdictions), shard by shard in the operator's office hours (8-19 local, weekends x0.3); Anthropic, chat
  and Responses by shard, a senior-lawyer system prompt.
- sampling: 8 accounts on a shared pool of 36 prompts (physics, statistics, contract disputes), jobs every 3-8 h:
  temperature ladders on chat (0 to 1.2 with a fixed seed), seed sweeps at temperature 1 (consecutive seeds),
  and Anthropic top_k/top_p sweeps at temperature 1; no n, no logprobs; every job walks the grid setting by
  setting, so consecutive requests carry different prompts.
- mixed_into_chat: 16 accounts with ordinary chat whose share of harvesting grows over the window from 5% to
  45% of sessions: a harvest session opens with 1-2 ordinary turns and continues in the same conversation with
  "btw, different topic" problems and verify/alternative follow-ups, 1-6 min apart.
- paraphrased: 150 accounts on one shared pool of 240 physics problems; each account re-skins them (its own cover
  object, formal or chatty wording, the same numbers) and asks indirectly, or asks for the answer only and then
  "how did you get that?" in a second request; 2-9 requests/day on ~50% of days (at least one), diurnal
  sessions, 3-40 min gaps; 40% non-English; chat, Anthropic and Responses.
- agentic_distill: 22 accounts: function-calling dataset generation on Responses (single-turn requests with a
  random 10-18-tool menu drawn from a seven-domain catalogue, tool_choice required, parallel calls), DAgger-style
  expert relabelling on chat (every prefix of a logged weaker-agent trajectory is sent and the model is asked
  for the best next call with a justification), and Anthropic loops whose tool results each carry a "what did
  this tell you and what will you do next" text block.
"""

from __future__ import annotations

import math

import orjson

from benchmarks.traffic import corpus_v8 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

NON_EN = W.LANGS[1:]


def _ask(ctx: Ctx, lang: str) -> str:
    return ctx.rng.choice(W.ASK_EN if lang == "en" else W.ASK_I18N[lang])


def _lang(ctx: Ctx, share: float) -> str:
    rng = ctx.rng
    return rng.choice(NON_EN) if rng.random() < share else "en"


def _lognormal_gap(ctx: Ctx, median: float, sigma: float = 0.7, cap: float = 1500) -> float:
    return min(cap, median * math.exp(ctx.rng.gauss(0, sigma)))


def _resp_id(ctx: Ctx) -> str:
    return f"resp_{ctx.rng.getrandbits(96):024x}"


def _ordinary(ctx: Ctx, api: str) -> tuple[dict, int]:
    """One ordinary request (warm-up traffic) on the given API."""
    from benchmarks.traffic.personas import _general_prompt

    rng = ctx.rng
    prompt, out = _general_prompt(ctx, 0.15)
    prompt = W.typed(rng, prompt)
    if api == "anthropic.messages":
        return anthropic_body([{"role": "user", "content": prompt}], max_tokens=1024), out
    if api == "openai.responses":
        return {"model": "gpt-4.1-mini", "input": prompt}, out
    return chat_body([{"role": "user", "content": prompt}], model="gpt-4o-mini"), out


TA_SYSTEM = ("You are a teaching assistant for first-year physics and statistics. For each problem, produce a "
             "worked solution: every step on its own line together with the principle or rule that justifies it, "
             "then the final answer with units. Answer follow-up questions in the same careful way.")
TUTOR_INSTR = ("Answer as a careful tutor would on a worksheet: make every step of the reasoning explicit and justify "
               "it, and finish with the answer and its units.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (see the module docstring). Warm-up: ordinary chat sessions (20-35 requests/day) until
    warm_end. Worker j starts at warm_end + j * U(8, 16) h; a worker runs jobs back to back: each turn waits for
    the answer to stream (45-85 tokens/s) plus 3-25 s, each job ends with a 60-400 s pause; per worker a daily
    30-90 min gap at a fixed local hour. Jobs: 40% chat, 35% Anthropic, 25% Responses; 2-4 turns."""
    from benchmarks.traffic.personas import _conversation

    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v8-solo")
    warm_end = ctx.start + rng.uniform(16, 30) * 3600
    for session in ctx.diurnal_times(acct, per_day=rng.uniform(20, 35), session_len=(2, 5), gap_s=(40, 600)):
        if session[0] < warm_end:
            _conversation(ctx, acct, session, coding_bias=0.2)
    t_start = warm_end
    for j in range(4):
        t_start += rng.uniform(8, 16) * 3600 if j else rng.uniform(0, 1800)
        maint_hour = rng.uniform(0, 24)
        t = t_start
        while t < ctx.end:
            hour = ((t - ctx.start) / 3600) % 24
            if (hour - maint_hour) % 24 < 1.5:
                t += rng.uniform(1800, 5400)
                continue
            lang = _lang(ctx, 0.35)
            problem = W.stem_problem(rng, lang)
            first = f"{problem}\n\n{_ask(ctx, lang)}" if rng.random() < 0.75 else f"{_ask(ctx, lang)}\n\n{problem}"
            turns = [first] + [W.follow_up(rng, lang) for _ in range(rng.choice((1, 2, 2, 3)))]
            r = rng.random()
            api = "openai.chat.completions" if r < 0.4 else "anthropic.messages" if r < 0.75 else "openai.responses"
            msgs: list[dict] = []
            prev: str | None = None
            for k, text in enumerate(turns):
                out = rng.randint(700, 3200)
                if k:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(120, 320))}]
                msgs = msgs + [{"role": "user", "content": text}]
                if api == "anthropic.messages":
                    body = anthropic_body(list(msgs), system=TA_SYSTEM, max_tokens=6000, temperature=0.5)
                elif api == "openai.responses":
                    body = {"model": "o3", "instructions": TUTOR_INSTR, "input": text,
                            "reasoning": {"effort": "medium"}, "max_output_tokens": 16000, "store": True}
                    if prev is not None:
                        body["previous_response_id"] = prev
                    prev = _resp_id(ctx)
                else:
                    body = chat_body(list(msgs), model="gpt-4.1", temperature=0.5, max_tokens=5000)
                ctx.emit(t, acct, api, body, out)
                t += out / rng.uniform(45, 85) + rng.uniform(3, 25)
            t += rng.uniform(60, 400)


ANSWER_ONLY = ("just the final answer please", "what do you get? number only", "quick answer, no working needed",
               "answer only")
HOW_GOT = ("ok, walk me through how you got there", "and how did you get that? step by step is fine",
           "hm ok. can you show me the route you took to that number", "right, now explain how you got it, every step")
GFSA_INSTR = ("Answer in the layout used in engineering courses, one heading per line: Given, Find, Assumptions, "
              "Governing equations, Solution, Check, Answer. In Solution, justify every line.")
GRADER_REF = ("I'm about to grade {n} student submissions for the problem below. First write the reference solution "
              "the graders will use: each step, the principle it applies, and how many of the {m} marks it earns, so "
              "partial credit can be given consistently.\n\nProblem: {p}")
HYDRA_SYS = ("You are a university teaching assistant. Give worked solutions in which each step is justified, as you "
             "would on a model answer sheet handed out after the exam.")


def _hydra_request(ctx: Ctx, kit: int, lang: str) -> tuple[str, dict, int]:
    rng = ctx.rng
    problem = W.stem_problem(rng, lang, stats_share=0.2)
    out = rng.randint(600, 2800)
    if kit == 0:
        text = problem if rng.random() < 0.5 else f"{problem}\n{_ask(ctx, lang)}"
        body = anthropic_body([{"role": "user", "content": text}], system=HYDRA_SYS, max_tokens=4000)
        return "anthropic.messages", body, out
    if kit == 1:
        how = rng.choice(HOW_GOT) if lang == "en" else W.ASK_I18N[lang][0]
        msgs = [{"role": "user", "content": f"{problem}\n{rng.choice(ANSWER_ONLY)}"},
                {"role": "assistant", "content": W.answer(rng)}, {"role": "user", "content": how}]
        return "openai.chat.completions", chat_body(msgs, model="gpt-4o", temperature=0.7), out
    if kit == 2:
        return "openai.responses", {"model": "o4-mini", "instructions": GFSA_INSTR, "input": problem,
                                    "reasoning": {"effort": "medium"}, "max_output_tokens": 6000}, out
    text = GRADER_REF.format(n=rng.randint(20, 160), m=rng.choice((6, 8, 10, 12)), p=problem)
    return "openai.chat.completions", chat_body([{"role": "user", "content": text}], model="gpt-4.1",
                                                temperature=0.3), out


def hydra(ctx: Ctx, variant: str) -> None:
    """200 accounts (see the module docstring). Per UTC day a harvest target U(rate +- 3), split into 2-4 sessions
    starting at local 8-23h in the account's region, log-normal gaps around 200 s (cap 25 min); warm-up times are
    thinned to a third and carry ordinary questions; times outside the account's life are dropped; a final pass
    keeps at most 29 requests per UTC day."""
    rng = ctx.rng
    regions = (-5.0, 1.0, 8.0)
    waves = (-0.8, -0.2, 0.4, 1.3, 2.2)
    apis = ("anthropic.messages", "openai.chat.completions", "openai.responses", "openai.chat.completions")
    for i in range(200):
        acct = ctx.account("attack", "hydra", "v8-hydra")
        kit, lang = rng.randrange(4), _lang(ctx, 0.4)
        tz = regions[rng.randrange(3)] + rng.gauss(0, 1.2)
        rate = rng.uniform(10, 24)
        born = ctx.start + (waves[i % 5] + rng.uniform(0, 0.5)) * DAY
        warm = born + rng.uniform(0.4, 1.0) * DAY
        death = born + rng.uniform(1.5, 3.0) * DAY
        planned: list[float] = []
        for d in range(-1, int(math.ceil(ctx.days)) + 1):
            day0 = ctx.start + d * DAY
            n = max(0, round(rng.uniform(rate - 3, rate + 3)))
            k = rng.randint(2, 4)
            for j in range(k):
                t = day0 + ((rng.uniform(8, 23) - tz) % 24) * 3600
                for _ in range(n // k + (1 if j < n % k else 0)):
                    if born <= t < death and t < day0 + DAY and (t >= warm or rng.random() < 0.33):
                        planned.append(t)
                    t += _lognormal_gap(ctx, 200)
        per_day: dict[int, int] = {}
        for t in sorted(planned):
            day = int((t - ctx.start) // DAY)
            if per_day.get(day, 0) >= 29:
                continue
            per_day[day] = per_day.get(day, 0) + 1
            if t < warm:
                body, out = _ordinary(ctx, apis[kit])
                ctx.emit(t, acct, apis[kit], body, out)
            else:
                api, body, out = _hydra_request(ctx, kit, lang)
                ctx.emit(t, acct, api, body, out)


LEGAL_SYS = ("You are a senior commercial lawyer writing training material for junior associates. Your analysis is "
             "careful and complete: every conclusion is reasoned from the rule to the facts, and you say where the "
             "law is unsettled.")
ADVISE = ("Jurisdiction: {J}. Clause type: {ct}.\n\nClause: \"{clause}\"\n\nFacts: {facts}\n\nAdvise {B}. Identify "
          "each legal issue, state the governing rule in {J}, apply it to these facts step by step, give the "
          "strongest counter-argument and how a court would likely resolve it, then conclude.")
AUTHOR = ("Jurisdiction: {J}. Clause type: {ct}.\n\nDraft a realistic fact pattern that tests a clause like this one: "
          "\"{clause}\"\nin the way this scenario does: {facts}\nThen write the model answer a top candidate would "
          "give: the issues, the rules with authority, the application to each fact, and a reasoned conclusion.")
COMPARE = ("Clause type: {ct}.\n\nClause: \"{clause}\"\n\nFacts: {facts}\n\nCompare how the courts of {J} and of {J2} "
           "would treat this clause on these facts. Reason through each jurisdiction separately, explain why they "
           "differ, and say which party should prefer which forum and why.")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """1080 cells over 12 shards; each walks its shard in order at 50-85 requests/day (window 8-19 local,
    outside x0.05, weekends x0.3); the task cycles advise / author / compare with the cell. Shard i uses
    Anthropic, chat or Responses by i % 3 (OpenAI shards on gpt-4.1 or o3)."""
    rng = ctx.rng
    cells = [(ct, j, f, task) for ct in W.CLAUSE_TYPES for j in W.JURISDICTIONS for f in range(len(W.FACTS))
             for task in range(3)]
    tz = rng.uniform(-6, 3)
    for shard in range(12):
        acct = ctx.account("attack", "taxonomy", "v8-taxonomy")
        api = ("anthropic.messages", "openai.chat.completions", "openai.responses")[shard % 3]
        model = rng.choice(("gpt-4.1", "o3"))
        mine = cells[shard::12]
        for i, t in enumerate(ctx.window_times(tz, rng.uniform(50, 85), hours=(8, 19), outside=0.05, weekend=0.3)):
            ct, jur, f, task = mine[i % len(mine)]
            slots = W.legal_slots(rng, jur)
            other = rng.choice([j for j in W.JURISDICTIONS if j != jur])
            user = (ADVISE, AUTHOR, COMPARE)[task].format(
                J=jur, J2=other, ct=ct, B=slots["B"], clause=W.clause(rng, ct, slots), facts=W.facts(rng, f, slots))
            body = instructed_body(api, LEGAL_SYS, user, max_tokens=5000, temperature=0.4, model=model)
            if api == "openai.responses" and model == "o3":
                body["reasoning"] = {"effort": "high"}
            ctx.emit(t, acct, api, body, rng.randint(900, 3600))


DISPUTE = "{clause}\n\n{facts}\n\nWho is likely to win this dispute, and why?"


def sampling(ctx: Ctx, variant: str) -> None:
    """Shared pool of 36 prompts (24 physics, 8 statistics, 4 contract disputes; 70% carry an ask); jobs at
    exponential intervals with mean U(3, 8) h per account, each on 8-16 prompts, walked setting by setting
    (0.5-3 s apart). temp: chat temperatures 0.0-1.2 in 4-6 rungs, one seed per job; seed: chat at temperature
    1.0 with 4-8 consecutive seeds; topk: Anthropic at temperature 1 with 4 top_k/top_p settings."""
    rng = ctx.rng
    raw = [W.physics(rng) for _ in range(24)] + [W.stats(rng) for _ in range(8)] + \
        [DISPUTE.format(clause=W.clause(rng), facts=W.facts(rng)) for _ in range(4)]
    pool = [f"{p}\n\n{rng.choice(W.ASK_EN)}" if rng.random() < 0.7 else p for p in raw]
    ladders = ((0.0, 0.3, 0.6, 0.9, 1.2), (0.0, 0.4, 0.8, 1.2), (0.1, 0.3, 0.5, 0.7, 0.9, 1.1))
    for mode in ("temp", "temp", "temp", "seed", "seed", "seed", "topk", "topk"):
        acct = ctx.account("attack", "sampling", "v8-sampling")
        mean_gap = rng.uniform(3, 8) * 3600
        model = rng.choice(("gpt-4.1", "gpt-4o"))
        t0 = ctx.start
        while True:
            t0 += rng.expovariate(1 / mean_gap)
            if t0 >= ctx.end:
                break
            t = t0
            batch = rng.sample(pool, rng.randint(8, 16))
            if mode == "temp":
                seed = rng.randint(1, 10**6)
                settings = [{"temperature": x, "seed": seed} for x in rng.choice(ladders)]
            elif mode == "seed":
                base = rng.randint(1, 10**6)
                settings = [{"temperature": 1.0, "seed": base + s} for s in range(rng.randint(4, 8))]
            else:
                settings = [{"top_k": 5}, {"top_k": 40}, {"top_p": 0.9}, {"top_p": 0.99}]
            for params in settings:
                for prompt in batch:
                    out = rng.randint(500, 2600)
                    if mode == "topk":
                        body = anthropic_body([{"role": "user", "content": prompt}], max_tokens=4000,
                                              temperature=1.0, **params)
                        ctx.emit(t, acct, "anthropic.messages", body, out)
                    else:
                        ctx.emit(t, acct, "openai.chat.completions", chat_body(
                            [{"role": "user", "content": prompt}], model=model, max_tokens=4000, **params), out)
                    t += rng.uniform(0.5, 3)


BTW = ("btw, different topic: ", "unrelated, but ", "also, while I have you: ", "one more thing, ", "")
DISPUTE_ASKS = ("who's right here? walk me through it", "how would a judge reason about this?",
                "explain how you'd get to an answer on this, step by step")


def _harvest_turn(ctx: Ctx, lang2: str) -> str:
    rng = ctx.rng
    r = rng.random()
    if r < 0.25:
        return f"{W.clause(rng)}\n{W.facts(rng)}\n{rng.choice(DISPUTE_ASKS)}"
    lang = lang2 if r < 0.45 else "en"
    return W.typed(rng, f"{W.stem_problem(rng, lang)} {_ask(ctx, lang)}")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """16 accounts (45% Anthropic), diurnal sessions at 15-45 requests/day; a session harvests with probability
    0.05 + 0.40 * (elapsed share of the window): 1-2 ordinary turns, then 2-5 harvest turns in the same
    conversation (a new problem or a follow-up on the last one), 1-6 min apart."""
    from benchmarks.traffic.personas import _conversation, _general_prompt

    rng = ctx.rng
    for _ in range(16):
        acct = ctx.account("attack", "mixed_into_chat", "v8-mixed")
        api = "anthropic.messages" if rng.random() < 0.45 else "openai.chat.completions"
        lang2 = rng.choice(NON_EN)
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(15, 45), session_len=(2, 6), gap_s=(30, 500)):
            share = 0.05 + 0.40 * (session[0] - ctx.start) / (ctx.days * DAY)
            if rng.random() >= share:
                _conversation(ctx, acct, session, coding_bias=0.3, api=api)
                continue
            t = session[0]
            msgs: list[dict] = []
            kinds = ["ordinary"] * rng.randint(1, 2) + ["harvest"] * rng.randint(2, 5)
            for j, kind in enumerate(kinds):
                if kind == "ordinary":
                    prompt, out = _general_prompt(ctx, 0.3)
                    text = W.typed(rng, prompt)
                elif kinds[j - 1] == "ordinary":
                    text, out = rng.choice(BTW) + _harvest_turn(ctx, lang2), rng.randint(600, 2600)
                elif rng.random() < 0.5:
                    text, out = W.typed(rng, W.follow_up(rng, "en")), rng.randint(400, 2000)
                else:
                    text, out = _harvest_turn(ctx, lang2), rng.randint(600, 2600)
                if msgs:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(40, 160))}]
                msgs = msgs + [{"role": "user", "content": text}]
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2048), out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out)
                t += rng.uniform(60, 360)


WHO = ("my physics teacher", "the tutor", "our lab instructor", "the textbook", "my study partner")
INDIRECT = ("how would a TA write this up?", "what does a full-marks answer look like for this one?",
            "how do you even set this up?", "explain how you'd get there so i can redo it myself",
            "what's the reasoning behind each step here", "can you show me the route, not just the destination",
            "{who} skipped how to do this, can you fill in the steps?", "{who} says the answer is {ans}, how?")
WHAT_DO_YOU_GET = ("what do you get for this?", "what's the answer?", "can you solve this real quick",
                   "answer to this one?")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """150 accounts on one shared pool of 240 (stem, numbers) items; account k uses wording k % 2 and its own cover
    object; non-English accounts use their language's four stems. 35% of problems are asked as answer-only and
    followed 2-8 min later by a "how did you get that" request carrying the exchange. APIs 40% chat, 35%
    Anthropic, 25% Responses."""
    rng = ctx.rng
    pool = [W.phys_item(rng) for _ in range(240)]
    for k in range(150):
        acct = ctx.account("attack", "paraphrased", "v8-paraphrased")
        lang = _lang(ctx, 0.4)
        style, cover = k % 2, rng.randrange(7)
        api = rng.choices(("openai.chat.completions", "anthropic.messages", "openai.responses"), (40, 35, 25))[0]
        active = [rng.random() < 0.5 for _ in range(int(math.ceil(ctx.days)) + 1)]
        if not any(active[:-1]):
            active[rng.randrange(len(active) - 1)] = True
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(2, 9), session_len=(1, 3), gap_s=(180, 2400)):
            day = int((session[0] - ctx.start) // DAY)
            if not 0 <= day < len(active) or not active[day]:
                continue
            for t in session:
                problem = W.render(rng.choice(pool), lang, style, cover)
                turns: list[str]
                if rng.random() < 0.35:
                    first = W.typed(rng, f"{problem} {rng.choice(WHAT_DO_YOU_GET)}" if lang == "en" else problem)
                    turns = [first, W.typed(rng, rng.choice(HOW_GOT) if lang == "en" else W.ASK_I18N[lang][0])]
                elif lang == "en":
                    ask = rng.choice(INDIRECT).format(who=rng.choice(WHO), ans=W.answer(rng))
                    turns = [W.typed(rng, f"{problem}\n{ask}" if rng.random() < 0.6 else f"{ask}\n{problem}")]
                else:
                    turns = [f"{problem}\n{rng.choice(W.ASK_I18N[lang] + W.HELP_I18N[lang])}"]
                msgs: list[dict] = []
                for j, text in enumerate(turns):
                    if msgs:
                        msgs = msgs + [{"role": "assistant", "content": W.answer(rng)}]
                    msgs = msgs + [{"role": "user", "content": text}]
                    out = rng.randint(60, 200) if len(turns) == 2 and j == 0 else rng.randint(500, 2400)
                    tt = t + j * rng.uniform(120, 480)
                    if api == "anthropic.messages":
                        ctx.emit(tt, acct, api, anthropic_body(list(msgs), max_tokens=rng.choice((2048, 4096))), out)
                    elif api == "openai.responses":
                        ctx.emit(tt, acct, api, {"model": "gpt-4.1", "input": list(msgs)}, out)
                    else:
                        ctx.emit(tt, acct, api, chat_body(list(msgs), model="gpt-4o-mini"), out)


FC_INSTR = ("Decide which of the available functions to call for the user's request and call them with complete, "
            "valid arguments. If several calls are independent, make them in parallel.")
FC_INSTR_WHY = FC_INSTR + " Before the calls, write one sentence per call saying why it is needed."
EXPERT_SYS = ("You are the expert operator reviewing an agent's run. Given the task and the trajectory so far, take "
              "the single best next action. Before calling it, explain in a paragraph why it is the best action now "
              "and what, if anything, was wrong with the agent's previous step.")
NARRATE = ("Before your next step: what did this result tell you, what are you still unsure about, and what will you "
           "do next and why?")
NARRATE_SYS = "You are an autonomous operations agent. Use the tools to finish the task without asking the user."


def _observation(ctx: Ctx) -> str:
    rng = ctx.rng
    return orjson.dumps({"status": rng.choice(("ok", "ok", "ok", "not_found", "error")),
                         "result": W.prose(rng, rng.randint(8, 40))}).decode()


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """22 accounts: 6 function-calling jobs (3-6 a day at exponential intervals, 30-80 single-turn requests each,
    1-6 s apart; half of the accounts ask for one sentence per call), 8 DAgger relabellers (8-16 episodes/day in a
    7-23h operator window, outside x0.2; a 4-9 step logged trajectory, one request per prefix, 1-6 s apart), 8
    narrated Anthropic loops (6-12 episodes/day around the clock, 3-8 calls)."""
    rng = ctx.rng
    domains = tuple(W.TOOL_CATALOG)
    op_tz = rng.uniform(-4, 9)
    for i in range(22):
        acct = ctx.account("attack", "agentic_distill", "v8-agentic")
        if i < 6:
            instr = FC_INSTR_WHY if i % 2 else FC_INSTR
            t0 = ctx.start
            while True:
                t0 += rng.expovariate(rng.uniform(3, 6) / DAY)
                if t0 >= ctx.end:
                    break
                t = t0
                for _ in range(rng.randint(30, 80)):
                    domain = rng.choice(domains)
                    menu = list(W.TOOL_CATALOG[domain]) + rng.sample(W.ALL_TOOLS, rng.randint(6, 14))
                    menu = list({name: (name, d, ps) for name, d, ps in menu}.values())
                    rng.shuffle(menu)
                    ctx.emit(t, acct, "openai.responses", {
                        "model": "gpt-4.1", "instructions": instr, "input": W.agent_task(rng, domain),
                        "tools": W.tools_responses(menu), "tool_choice": "required", "parallel_tool_calls": True,
                        "store": False, "max_output_tokens": 1500}, rng.randint(40, 320))
                    t += rng.uniform(1, 6)
        elif i < 14:
            for t in ctx.window_times(op_tz, rng.uniform(8, 16), hours=(7, 23), outside=0.2):
                domain = rng.choice(domains)
                tools = W.tools_openai(list(W.TOOL_CATALOG[domain]), strict=True)
                steps: list[dict] = []
                for _ in range(rng.randint(4, 9)):
                    name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                    cid = f"call_{rng.getrandbits(64):016x}"
                    steps += [{"role": "assistant", "content": None, "tool_calls": [
                        {"id": cid, "type": "function",
                         "function": {"name": name, "arguments": orjson.dumps(W.tool_args(rng, params)).decode()}}]},
                        {"role": "tool", "tool_call_id": cid, "content": _observation(ctx)}]
                head = [{"role": "system", "content": EXPERT_SYS}, {"role": "user", "content": W.agent_task(rng, domain)}]
                for k in range(0, len(steps), 2):
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        head + steps[:k], model="gpt-4.1", tools=tools, tool_choice="required",
                        parallel_tool_calls=False, temperature=0.2), rng.randint(150, 600))
                    t += rng.uniform(1, 6)
        else:
            for t in ctx.window_times(0.0, rng.uniform(6, 12), hours=(0, 24), outside=1.0):
                domain = rng.choice(domains)
                tools = W.tools_anthropic(list(W.TOOL_CATALOG[domain]))
                msgs: list[dict] = [{"role": "user", "content": W.agent_task(rng, domain)}]
                for _ in range(rng.randint(3, 8)):
                    out = rng.randint(200, 900)
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body(
                        list(msgs), system=NARRATE_SYS, tools=tools, max_tokens=4096), out)
                    t += out / rng.uniform(50, 100) + rng.uniform(0.5, 4)
                    name, _, params = rng.choice(W.TOOL_CATALOG[domain])
                    cid = f"toolu_{rng.getrandbits(64):016x}"
                    msgs = msgs + [{"role": "assistant", "content": [
                        {"type": "text", "text": W.prose(rng, rng.randint(30, 90))},
                        {"type": "tool_use", "id": cid, "name": name, "input": W.tool_args(rng, params)}]},
                        {"role": "user", "content": [
                            {"type": "tool_result", "tool_use_id": cid, "content": _observation(ctx)},
                            {"type": "text", "text": NARRATE}]}]


ATTACKS_V8 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill)
