"""Attack campaigns of `variant="v16"`, continued (attacks_v16.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v16-".

- paraphrased: 90 accounts asking algorithm and shell items whose rewordings are spread over accounts (moderate:
  word-swap copies, one model, no cover; careful: three phrasings and two disguises, v16 voices and languages,
  everyday sessions, follow-ups that quote the answer), all at a human pace with a weekly shape.
- agentic_distill: 12 accounts running an operations agent (shell, logs, metrics, tickets): blunt ones replay
  three tasks with stub tool results around the clock; careful ones keep on-call hours and realistic results.
- warmup_harvest (new): 20 aged accounts that spend their first day or so as ordinary chat customers and
  only then start harvesting, at the daily volume their own history already shows (moderate ones ramp up).
- doc_qa_harvest (new): 12 accounts harvesting long-context document QA with reasoning: each agreement of the
  operator's corpus is pasted by two or three different accounts hours apart, each asking a different handful of
  questions in one conversation, so the campaign covers every question while no account repeats a document.
- repair_loop (new): 12 accounts harvesting code-repair trajectories: a failing CI run and the code, then turns
  that paste the next (invented) failure, as an IDE plugin's fix loop does; the blunt ones ask for a JSON fix.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v13 as V13
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v16 as C
from benchmarks.traffic import corpus_v16_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14 import conversations
from benchmarks.traffic.attacks_v14_more import ask_rewordings, assist_episode
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build


def sitting(ctx: Ctx, acct: dict, session: list[float], v: dict, api: str, model: str, temp: float | None,
            items: Callable[[], tuple[str, str]], follow_p: float = 0.4, cover_p: float = 0.0,
            ask: Callable[[], str] | None = None, user: str | None = None, system: str | None = None) -> None:
    """One sitting of a careful v16 account (shared with the benign personas): the times split into conversations
    (a later time continues the current one with probability follow_p); each is everyday talk (cover_p) or an item
    from items(), disguised and written in voice v, with ask() under it when given; later turns quote the answer
    before them (the voice's habit) or are the voice's follow-ups."""
    rng = ctx.rng
    for times in conversations(rng, session, follow_p):
        if rng.random() < cover_p:
            C.everyday_talk(ctx, acct, times, v, api, model, temp, user)
            continue
        core, style = items()
        core = C.disguise(rng, core) + ("\n\n" + ask() if ask else "")
        C.talk(ctx, acct, times, api, model, C.say(rng, v, core, ask=ask is None), style,
               partial(C.follow_up, rng, v), temp, user, system, out_range=(300, 1400), quoting=v)


def any_item(rng) -> tuple[str, str]:
    return C.item(rng, rng.choice(C.CAPS))


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each of 300 problems (half algorithm analysis, half shell) gets 5 rewordings released at random times over
    the window; a session takes one released rewording at random. Accounts 0-19 (moderate): word-swap copies of the
    base wording, single-request sessions 4-10 a day (weekends x0.6), gpt-4o-mini on chat, 'Explain fully.'
    Accounts 20-89 (careful): the three phrasings and two disguised versions, 2-9 a day in sessions of 1-4
    (weekends x0.5), 30% everyday sessions, follow-ups, three APIs, 25% in the v16 languages."""
    rng = ctx.rng
    pools: list[list[tuple[float, str, str]]] = [[], []]
    for k in range(300):
        style = C.CAPS[k % 2]
        seed = C.algo_seed(rng) if style == "algo" else C.shell_seed(rng)
        render = C.algo_text if style == "algo" else C.shell_text
        texts = [render(seed, j) for j in range(3)] + [C.disguise(rng, render(seed, rng.randrange(3))) for _ in
                                                       range(2)]
        pools[0] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), V13.near_copy(rng, render(seed, 0)), style)
                     for _ in range(5)]
        pools[1] += [(ctx.start + rng.uniform(-DAY, ctx.days * DAY), text, style) for text in texts]
    ask_rewordings(ctx, pools, 90, 20, "v16-paraphrased", C, partial(any_item, rng), "\nExplain fully.")


def ops_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                user: str | None = None) -> float:
    """One operations-agent episode (shared with personas_v16_more.sre_platform): the v14 assistant episode with
    the ops tools, system prompt and tool results."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.OPS_TOOLS), system=D.OPS_SYS, step=D.ops_step,
                          emit=C.emit, last_out=(120, 500), temperature=0.2, style="ops")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first three tasks over and over, stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-11 (careful): on-call hours (local 8-20h, outside x0.25 - pages
    come at night too - weekends x0.5), 4-14 episodes a day, 3-9 steps, realistic results, three APIs; half name
    one of a few engineers in `user`."""
    rng = ctx.rng
    for i in range(12):
        acct = account(ctx, "attack", "agentic_distill", "v16-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                ops_episode(ctx, acct, t, CHAT, "gpt-4.1", D.ops_task(rng, D.OPS_TASKS[:3]), rng.randint(5, 8),
                            False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(3, 8))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(4, 14), hours=(8, 20), outside=0.25, weekend=0.5):
            ops_episode(ctx, acct, t, api, model, D.ops_task(rng), rng.randint(3, 9), True, rng.choice(team))


HARVEST_BLUNT = "Explain thoroughly, covering every consideration, then give the result:\n\n{x}"


def warmup_harvest(ctx: Ctx, variant: str) -> None:
    """20 aged accounts: until a switch 1.0-1.8 days into the window each is an ordinary chat customer (85%
    everyday conversations, the rest light questions) at 8-25 requests a day in daytime sessions; after it the same
    sessions carry the harvest. Accounts 0-3 (moderate): after the switch their volume triples and the harvest is
    single-turn (HARVEST_BLUNT) on the same model. Accounts 4-19 (careful): the same daily volume before and after
    (their own history stays flat), disguised items with implicit asks, 25% everyday conversations, follow-ups that
    quote the answer; one API and model throughout, 30% in the v16 languages."""
    rng = ctx.rng
    for i in range(20):
        acct = account(ctx, "attack", "warmup_harvest", "v16-warmup")
        v = C.voice(rng, C.lang(rng, 0.3))
        api = rng.choices((CHAT, ANTH, RESP), (60, 30, 10))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7))
        switch = ctx.start + rng.uniform(1.0, 1.8) * DAY
        rate = rng.uniform(8, 25)
        for s in C.human_sessions(ctx, acct, rate, (1, 5), weekend_rate=0.7, cap=40):
            if s[0] < switch:
                sitting(ctx, acct, s, v, api, model, temp, partial(any_item, rng), 0.5, 0.85)
            elif i >= 4:
                sitting(ctx, acct, s, v, api, model, temp, partial(any_item, rng), 0.45, 0.25,
                        ask=partial(rng.choice, C.IMPLICIT_ASKS) if rng.random() < 0.6 else None)
        if i >= 4:
            continue
        for s in C.human_sessions(ctx, acct, 3 * rate, (3, 8), (20, 90), weekend_rate=0.9):
            for ts in s:
                if ts >= switch:
                    core, style = any_item(rng)
                    msgs = [{"role": "user", "content": HARVEST_BLUNT.format(x=core)}]
                    C.emit(ctx, ts, acct, api, build(api, model, None, msgs, 4096), rng.randint(500, 1800), style)


DOCQA_BLUNT = ("Answer all of the following questions about the agreement below. For each, reason through the "
               "relevant clauses explicitly, cite them, then state the answer.\n{qs}\n\n{doc}")


def doc_qa_harvest(ctx: Ctx, variant: str) -> None:
    """Account 0 (blunt): chat gpt-4.1, DOCQA_BLUNT with all twelve questions over a fresh agreement, 120-200 a day
    around the clock, max_tokens 8000. Accounts 1-11 (careful): look like a contracts team at office hours (local
    8-18h, outside x0.05, weekends x0.2), 8-22 conversations a working day; a shared queue of agreements: each goes
    to three accounts at least two hours apart, the k-th taker asking the k-th third of the question list (in a
    shuffled order, 2-4 of them) over one conversation (the agreement pasted in the first turn, one of four ask
    shapes; a third of later turns quote the answer); chat, Anthropic or Responses."""
    rng = ctx.rng
    acct = account(ctx, "attack", "doc_qa_harvest", "v16-docqa")
    for t in ctx.steady_times(rng.uniform(120, 200), jitter=0.5):
        qs = "\n".join(f"{k + 1}. {D.doc_question(rng, k)}" for k in range(len(D.DOC_QUESTIONS)))
        msgs = [{"role": "user", "content": DOCQA_BLUNT.format(qs=qs, doc=D.agreement(rng))}]
        C.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 8000), rng.randint(1500, 3500), "docqa")
    slots = []
    for _ in range(11):
        acct = account(ctx, "attack", "doc_qa_harvest", "v16-docqa")
        api = rng.choices((CHAT, ANTH, RESP), (45, 40, 15))[0]
        v = C.voice(rng)
        v["quotes"] = 0.35
        slots += [(t, acct, api, rng.choice(MODELS[api][:2]), v)
                  for t in ctx.window_times(acct["tz"], rng.uniform(8, 22), hours=(8, 18), outside=0.05, weekend=0.2)]

    def new_doc() -> tuple[str, list[int]]:
        order = list(range(len(D.DOC_QUESTIONS)))
        rng.shuffle(order)
        return D.agreement(rng), order

    for (t, acct, api, model, v), (doc, order), j in deal_items(rng, slots, new_doc, 3, (2 * 3600, 10 * 3600)):
        mine = iter(order[j * 4:j * 4 + rng.randint(2, 4)])
        opener = rng.choice(D.DOC_ASKS).format(q=D.doc_question(rng, next(mine)), doc=doc)
        rest = [D.doc_question(rng, k) for k in mine]
        times = [t]
        for _ in rest:
            times.append(times[-1] + rng.uniform(60, 500))
        C.talk(ctx, acct, times, api, model, opener, "docqa", iter(rest).__next__, out_range=(250, 1100), quoting=v)


REPAIR_BLUNT_SYS = ("You fix failing code. Return JSON with 'root_cause' (a paragraph of reasoning), 'patch' (the "
                    "corrected function) and 'test' (a regression test).")
IDE_SYS = "You are a coding assistant inside the user's editor. Be concise; show code in fenced blocks."


def repair_loop(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1, REPAIR_BLUNT_SYS with a json_object response format, one failing run
    and its code per request, 200-300 a day around the clock, temperature 0.2. Accounts 2-11 (careful): repair
    conversations at local 9-19h (outside x0.1, weekends x0.3), 5-14 a working day: a failing CI run and the code,
    then 1-3 turns each pasting the next failure of the same function (the harness invents it; it never ran the
    patch), 30% of later turns quoting the answer instead; half under an editor plugin's system prompt; chat,
    Anthropic or Responses."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "repair_loop", "v16-repair")
        for t in ctx.steady_times(rng.uniform(200, 300), jitter=0.5):
            body = build(CHAT, "gpt-4.1", REPAIR_BLUNT_SYS, [{"role": "user", "content": D.repair_opener(rng)}], 4096,
                         temperature=0.2, response_format={"type": "json_object"})
            C.emit(ctx, t, acct, CHAT, body, rng.randint(400, 1400), "json")
    for _ in range(10):
        acct = account(ctx, "attack", "repair_loop", "v16-repair")
        api = rng.choices((CHAT, ANTH, RESP), (50, 35, 15))[0]
        model, system = rng.choice(MODELS[api][:2]), IDE_SYS if rng.random() < 0.5 else None
        v = C.voice(rng)
        v["quotes"] = 0.3
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 14), hours=(9, 19), outside=0.1, weekend=0.3):
            repair_conversation(ctx, acct, t, api, model, system, v, rng.randint(1, 3))


def repair_conversation(ctx: Ctx, acct: dict, t: float, api: str, model: str, system: str | None, v: dict,
                        more: int, user: str | None = None, **extra: Any) -> None:
    """A failing run and its code, then `more` turns each pasting the next failure of the same function (shared
    with personas_v16.ci_autofix_bot, whose failures come from re-running the patch); `extra` goes into chat
    requests."""
    rng = ctx.rng
    cell = (rng.randrange(12), rng.randrange(6), rng.randrange(8), rng.randrange(3))
    plang, f = X.PLANGS[cell[1]], X.ARCHETYPES[cell[2]]
    times = [t]
    for _ in range(more):
        times.append(times[-1] + rng.uniform(90, 900))
    C.talk(ctx, acct, times, api, model, D.repair_opener(rng, cell), "repair", partial(D.repair_next, rng, plang, f),
           0.2 if api == CHAT else None, user, system, out_range=(250, 1200), quoting=v, **extra)


MORE_ATTACKS = (paraphrased, agentic_distill, warmup_harvest, doc_qa_harvest, repair_loop)
