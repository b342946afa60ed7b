"""Attack campaigns of `variant="v19"`, continued (attacks_v19.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v19-".

- paraphrased: 60 accounts; each problem's five rewordings go to five different accounts hours apart.
- agentic_distill: 10 accounts running a supply-chain planning agent (forecasts, stock, quotes, shipments, LP).
- backtranslation (new): instruction backtranslation with answer rewriting. The operator holds a large pile of
  human-written answers scraped from forums and course pages (terse, steps skipped, corpus_v19_more.passage); the
  teacher writes the question each one answers, and then rewrites the human answer into a complete worked answer
  to that question. (question, rewrite) pairs are the training set: the prompts come from the scrape, so the
  campaign never has to write a question itself, and every request is a pasted text with a content-team ask.
- eval_masquerade (new): the harvest runs as model-evaluation jobs. Each run looks like an evaluation harness
  (a suite header, fixed few-shot exemplars, "think step by step" and an answer-line format, a worker pool of
  parallel requests, several models compared item by item, some runs sampled k times), but the "benchmark" is the
  operator's private question bank and every run takes new items from it; only a small anchor set comes back run
  after run (the operator's calibration items). The reasoning the evaluation prompt asks for is the product.
- context_distill (new): the operator writes a long teacher prompt (a house style and 7-11 worked examples of
  the capability) and sends a stream of different questions under it; the answers carry the prompt's behaviour,
  and the student is trained on (question, answer) without the prompt, so it learns the behaviour unprompted. The
  careful accounts look like a team iterating on a product prompt: Anthropic prompt caching, prompt versions
  revised every day or two, simulated users writing in voices, follow-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v15 as M15
from benchmarks.traffic import corpus_v19 as C
from benchmarks.traffic import corpus_v19_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v19 response texts


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each problem (the three capabilities in turn) has five rewordings (the three phrasings and two disguised
    ones); the five go to five different accounts, each at least 2-30 hours after the one before. Accounts 0-14
    (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the rewording plus 'Show every
    step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice each (25% in
    the v19 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v19-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0] if careful else CHAT
        model = rng.choice(MODELS[api]) if careful else "gpt-4o-mini"
        temp = rng.choice((None, 0.7, 1.0))
        for s in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                  (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((s[0], acct, len(s), careful, v, api, model, temp))
    n = [0]

    def rewordings() -> list[tuple[str, str]]:
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        texts = [C.text(s, j) for j in range(3)] + [C.disguise(rng, C.text(s, rng.randrange(3))) for _ in range(2)]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, rewordings, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow every step please.", style, (300, 1200))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def scm_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                user: str | None = None) -> float:
    """One supply-chain planning episode (shared with personas_v19_more.scm_planning_agent)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.SCM_TOOLS), system=D.SCM_SYS, step=D.scm_step,
                          emit=C.emit, last_out=(200, 700), temperature=0.2, style="scm_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two tasks over and over with stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-9 (careful): planners' hours (local 7-19h, outside x0.1, weekends
    x0.3), 5-15 episodes a day, 3-9 steps, realistic results, three APIs; some name a few planners in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v19-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                scm_episode(ctx, acct, t, CHAT, "gpt-4.1", D.scm_task(rng, D.SCM_TASKS[:2]), rng.randint(5, 8), False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(7, 19), outside=0.1, weekend=0.3):
            scm_episode(ctx, acct, t, api, model, D.scm_task(rng), rng.randint(3, 9), True, rng.choice(team))


# ---- backtranslation ----
BT_BLUNT = ("Below is a response written by a person. 1) Write the instruction it answers. 2) Rate the response 1-5 "
            "for correctness and completeness. 3) Rewrite the response as a complete answer to that instruction, "
            "with every step of the reasoning shown. Reply as JSON with the keys instruction, score and rewrite."
            "\n\n### Response\n{a}")
QWRITE_ASKS = ("What question is this text answering? Give the most likely question and two other ways a user might "
               "phrase it.", "Write the question this answer belongs to, the way someone would type it into a "
               "search box.", "Which FAQ entry would this answer go under? Suggest a title and the question.",
               "Read this community answer and write the question it answers. Then rate the answer 1-5 for "
               "correctness.", "Give me 3-5 questions that the text below answers.")
QWRITE_JSON = 'Reply as JSON: {"questions": [...]}'
DOCS_SYS = ("You help the {co} documentation team turn community answers into help-centre entries.",
            "You are the knowledge-base assistant of {co}. Be accurate and concise.",
            "You write and tidy help-centre content for {co}.")
BT_COS = ("Stackbridge Learning", "Q&A Digest", "Notewise", "Helpline Pro")
REWRITE_ASKS = ("Someone asked: {q}\n\nThe accepted answer was:\n{a}\n\nIs that right? Write the complete answer, "
                "nothing skipped.", "Question: {q}\nAnswer I found online:\n{a}\n\nCan you turn this into a proper "
                "full solution? The forum version skips too much.", "Found this reply to \"{q}\":\n{a}\n\nFill in "
                "the missing steps?", "My notes say this for \"{q}\":\n{a}\nRewrite it so it actually explains every "
                "step.")  # the pasted answer on a line of its own


def qwrite_request(rng, api: str, model: str, system: str | None, text: str, as_json: bool) -> dict:
    """A question-writing request over a pasted text (shared with personas_v19.kb_faq_builder): JSON asked for in
    the text, and as the response format on the OpenAI APIs."""
    content = f"{rng.choice(QWRITE_ASKS)}{' ' + QWRITE_JSON if as_json else ''}\n\n{text}"
    extra = {}
    if as_json and api == CHAT:
        extra = {"response_format": {"type": "json_object"}}
    elif as_json and api == RESP:
        extra = {"text": {"format": {"type": "json_object"}}}
    return build(api, model, system, [{"role": "user", "content": content}], 1024, **extra)


def backtranslation(ctx: Ctx, variant: str) -> None:
    """14 accounts over one scrape of human-written answers. Accounts 0-1 (blunt): chat gpt-4.1, BT_BLUNT over a
    fresh scraped answer per request (json_object, max_tokens 4096), 250-400 a day around the clock. Accounts 2-5
    (careful, question writers): dressed as a knowledge-base tool (a docs system prompt of a made-up company),
    office hours (local 9-18h, outside x0.05, weekends x0.2), 40-110 pasted answers a day, each with one of
    QWRITE_ASKS (JSON asked for in 35%), short replies, chat or Anthropic. Accounts 6-13 (careful, rewriters): each
    answer whose question was written joins the rewriters' queue 1-12 hours later (the operator screens the
    questions first) and the next rewriter sitting takes it, pasting the question and the human answer (on a line of
    its own) with one of REWRITE_ASKS in a voice (20% in the v19 languages), a follow-up in 20%, daytime sessions of
    1-4 (15-45 a day, weekends x0.5), three APIs, long answers; when no written question is waiting, a rewriter
    takes one from the backlog written before the window."""
    rng = ctx.rng

    def scraped() -> tuple[str, tuple]:
        s = C.seed(rng, rng.choice(C.CAPS))
        return D.passage(rng, s), s

    for _ in range(2):
        acct = account(ctx, "attack", "backtranslation", "v19-backtranslation")
        draw = C.distinct(scraped)
        for t in ctx.steady_times(rng.uniform(250, 400), jitter=0.5):
            a, s = draw()
            single(ctx, acct, t, CHAT, "gpt-4.1", BT_BLUNT.format(a=a), f"bt_json_{s[0]}", (900, 2600), 4096,
                   response_format={"type": "json_object"})
    draw = C.distinct(scraped)
    ready: list[tuple[float, str, tuple]] = []
    for k in range(4):
        acct = account(ctx, "attack", "backtranslation", "v19-backtranslation")
        api = (CHAT, ANTH, CHAT, ANTH)[k]
        model = rng.choice(MODELS[api][:2])
        system = rng.choice(DOCS_SYS).format(co=BT_COS[k])
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 110), hours=(9, 18), outside=0.05, weekend=0.2):
            a, s = draw()
            as_json = rng.random() < 0.35
            body = qwrite_request(rng, api, model, system, a, as_json)
            C.emit(ctx, t, acct, api, body, rng.randint(60, 260), "faq_json" if as_json else "instr")
            ready.append((t + rng.uniform(1, 12) * 3600, a, s))
    ready.sort(key=lambda r: r[0])
    slots = []
    for _ in range(8):
        acct = account(ctx, "attack", "backtranslation", "v19-backtranslation")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.5))
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 45), (1, 4), weekend_rate=0.5):
            slots += [(t, acct, v, api, model, temp) for t in s]
    j = 0
    for t, acct, v, api, model, temp in sorted(slots, key=lambda x: x[0]):
        if j < len(ready) and ready[j][0] <= t:
            _, a, s = ready[j]
            j += 1
        else:
            a, s = draw()
        q = C.text(s, rng.randrange(3))
        core = rng.choice(REWRITE_ASKS).format(q=q, a=a)
        C.talk(ctx, acct, t, 1 + (rng.random() < 0.2), api, model, C.say(rng, v, core, ask=False), s[0],
               partial(C.follow_up, rng, v), temp, out_range=(700, 2200), v=v)


# ---- evaluation runs ----
EVAL_MODELS = ((CHAT, "gpt-4.1"), (CHAT, "gpt-4o"), (ANTH, "claude-sonnet-4-5"), (ANTH, "claude-haiku-4-5"),
               (RESP, "o4-mini"), (RESP, "gpt-5-mini"))


def eval_request(api: str, model: str, fmt: int, prompt: str, temperature: float, max_tokens: int) -> dict:
    """One evaluation request: the suite's system line (if any) and the prompt; temperature on chat and Anthropic."""
    extra = {"temperature": temperature} if api != RESP else {}
    return build(api, model, D.EVAL_SYS[fmt], [{"role": "user", "content": prompt}], max_tokens, **extra)


def eval_run(ctx: Ctx, acct: dict, t0: float, jobs: list[tuple[str, str, dict, str]], workers: int) -> float:
    """A harness run: `jobs` ((api, model, body, style)) sent in order by a pool of `workers` parallel workers, each
    taking the next job when its previous request has finished (latency from the output length); returns the end
    time. Shared with personas_v19.private_benchmark_lab."""
    rng = ctx.rng
    free = [t0 + rng.uniform(0, 2) for _ in range(workers)]
    for api, _, body, style in jobs:
        w = min(range(workers), key=free.__getitem__)
        out = rng.randint(250, 1400)
        C.emit(ctx, free[w], acct, api, body, out, style)
        free[w] += out / rng.uniform(45, 110) + rng.uniform(0.4, 2.5)
    return max(free)


def _kickoffs(ctx: Ctx, tz: float) -> list[float]:
    """When someone starts a run: 1-2 times at local 9-19h each weekday, once on 30% of weekend days."""
    rng = ctx.rng
    out = []
    for d in range(int(ctx.days + 0.999)):
        day = ctx.start + d * DAY + ((9 - tz) % 24) * 3600
        n = int(rng.random() < 0.3) if C.weekend(ctx, day, tz) else rng.randint(1, 2)
        out += sorted(day + rng.uniform(0, 10 * 3600) for _ in range(n))
    return out


def eval_masquerade(ctx: Ctx, variant: str) -> None:
    """8 accounts. Accounts 0-1 (blunt): chat gpt-4.1, suite format 0 with three fixed exemplars per capability, a run
    every 6-10 hours around the clock over 120-250 fresh items of one capability (the capabilities in turn),
    temperature 0, max_tokens 4096, 8-16 workers. Accounts 2-7 (careful): an evaluation vendor's client projects,
    each with its own suite format and exemplars and 2-3 of the six models of EVAL_MODELS (chat, Anthropic,
    Responses); runs kicked off in working hours (1-2 at local 9-19h each weekday, one on 30% of weekend days) over
    60-180 items that no account of the campaign sent before (one question bank for all eight accounts) plus the
    account's 30-item anchor set; each item to 1-2 of the account's models; a quarter of the runs sample each item
    three times at temperature 0.7 (pass@3, no `n`), the rest once at temperature 0; 4-10 workers."""
    rng = ctx.rng
    bank = C.draws(rng)  # the operator's question bank: no item goes to two runs or two accounts

    def fresh() -> tuple[str, str]:
        return bank[rng.choice(C.CAPS)]()

    for i in range(2):
        acct = account(ctx, "attack", "eval_masquerade", "v19-eval")
        suite = {cap: D.shots(rng, cap, 3) for cap in C.CAPS}
        t, n = ctx.start + rng.uniform(0, 6 * 3600), i
        while t < ctx.end:
            cap = C.CAPS[n % 3]
            n += 1
            prompts = [D.eval_prompt(0, cap, suite[cap], bank[cap]()[0]) for _ in range(rng.randint(120, 250))]
            jobs = [(CHAT, "gpt-4.1", eval_request(CHAT, "gpt-4.1", 0, x, 0, 4096), cap) for x in prompts]
            eval_run(ctx, acct, t, jobs, rng.randint(8, 16))
            t += rng.uniform(6, 10) * 3600
    for i in range(6):
        acct = account(ctx, "attack", "eval_masquerade", "v19-eval")
        fmt = i % len(D.EVAL_FORMATS)
        suite = {cap: D.shots(rng, cap, rng.choice((0, 3, 5))) for cap in C.CAPS}
        models = rng.sample(EVAL_MODELS, rng.randint(2, 3))
        anchors = [fresh() for _ in range(30)]
        for t in _kickoffs(ctx, acct["tz"]):
            items = [fresh() for _ in range(rng.randint(60, 180))] + anchors
            rng.shuffle(items)
            run_models = rng.sample(models, rng.randint(1, 2))
            k, temp = (3, 0.7) if rng.random() < 0.25 else (1, 0.0)
            jobs = [(api, model, eval_request(api, model, fmt, D.eval_prompt(fmt, cap, suite[cap], x), temp, 2048),
                     cap) for x, cap in items for api, model in run_models for _ in range(k)]
            eval_run(ctx, acct, t, jobs, rng.randint(4, 10))


# ---- context distillation ----
PRODUCT_NAMES = ("Tutorly", "Solvo", "Mentora", "Brightstep", "Quanta Coach", "Lumen Learn", "Stepwise", "Kora",
                 "Axiom Pal", "Rigor")


def context_distill(ctx: Ctx, variant: str) -> None:
    """12 accounts. Accounts 0-1 (blunt): chat gpt-4.1, one teacher prompt per capability (9 worked examples) as
    the system message, a fresh bare item under it (the capabilities in turn), temperature 0.7, max_tokens 4096,
    150-250 a day around the clock. Accounts 2-11 (careful): one capability each (15% of items from another) under
    a product-named teacher prompt of 7-11 examples revised every 20-40 hours (a prompt iteration: one rule and two
    examples changed), on Anthropic with the prompt as a cached system block (half the accounts), Responses
    instructions or a chat system message; simulated users in a voice each (20% in the v19 languages; half the
    accounts pass a tester id in `user`), daytime sessions of 2-6 (20-60 a day, weekends x0.5), follow-ups in 40% of
    conversations, 10% everyday conversations."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "context_distill", "v19-context")
        prompts = {cap: D.render(D.teacher_prompt(rng, cap, rng.choice(PRODUCT_NAMES), 9)) for cap in C.CAPS}
        draws = C.draws(rng)
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.5)):
            cap = C.CAPS[n % 3]
            single(ctx, acct, t, CHAT, "gpt-4.1", draws[cap]()[0], cap, (500, 1800), 4096, prompts[cap],
                   temperature=0.7)
    for i in range(10):
        acct = account(ctx, "attack", "context_distill", "v19-context")
        cap = C.CAPS[i % 3]
        api = ANTH if i % 2 == 0 else rng.choice((RESP, CHAT))
        model, temp = rng.choice(MODELS[api][:2]), rng.choice((None, 0.7))
        versions = [D.teacher_prompt(rng, cap, PRODUCT_NAMES[i], rng.randint(7, 11))]
        period = rng.uniform(20, 40) * 3600
        while len(versions) * period < ctx.days * DAY:
            versions.append(D.revise(rng, versions[-1]))
        systems = [D.system_for(api, D.render(p), cached=True) for p in versions]
        testers = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 5))] if i < 5 else [None]
        v = C.voice(rng, C.lang(rng, 0.2))
        own = C.distinct(partial(C.item, rng, cap))
        for s in C.human_sessions(ctx, acct, rng.uniform(20, 60), (2, 6), (30, 400), weekend_rate=0.5):
            system = systems[min(len(systems) - 1, int((s[0] - ctx.start) // period))]
            user = rng.choice(testers)
            for times in conversations(rng, s, 0.4):
                if rng.random() < 0.1:  # small talk goes through the product prompt too
                    opener, style, follow = C.cover(rng, v), "everyday", partial(rng.choice, M15.EVERYDAY_FOLLOW)
                else:
                    x, style = own() if rng.random() < 0.85 else C.any_item(rng)
                    opener, follow = C.say(rng, v, C.disguise(rng, x)), partial(C.follow_up, rng, v)
                C.talk(ctx, acct, times[0], len(times), api, model, opener, style, follow, temp, user, system,
                       (400, 1600), v=v)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, backtranslation, eval_masquerade,
                                                       context_distill)
