"""Attack campaigns of `variant="v25"`, continued (attacks_v25.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v25-".

- paraphrased: 60 accounts; each task's five versions (three English phrasings and the task wrapped in two v25
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts running a dataset-building agent (seed look-ups, variants, duplicate checks, answer
  checks, appended records): trajectories of data generation with tools.
- self_instruct (new): the teacher writes the prompts. Seed tasks go in, "k new ones like these" come out (a
  numbered list), and each new task is then sent back to be answered; a rewrite loop ("make it harder: add a
  constraint") deepens tasks two or three times, answering each version. The blunt accounts do it in one script
  seconds apart; the careful ones split it: a few accounts generate in a teacher's or product person's words, and
  other accounts of the campaign paste the generated tasks hours later as their own questions.
- simulated_dialogues (new): whole conversations written by the teacher, over a grid of topics x users x lengths,
  sometimes continued for a few more turns. The blunt accounts walk the grid around the clock (one of them asks for
  JSON); the careful ones present as writers of training material at office hours, each in its own words.
- code_translation_corpus (new): one function ported to many languages, each with an explanation. The blunt
  accounts send a function to all eight targets seconds apart; the careful ones port one function a conversation,
  asking for the next language after reading the reply.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v25 as C
from benchmarks.traffic import corpus_v25_more as M
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v25 response texts
GEN_SYS = ("You are a task writer for an instruction-tuning dataset. Write new tasks that are diverse, "
           "self-contained and answerable, in the style of the examples. Output only the numbered tasks.")
GEN_T = "Here are example tasks:\n\n{seeds}\n\nWrite {k} new tasks in the same style, different from these. Number them."
EVOL_T = "Rewrite the task below {op}. Output only the rewritten task.\n\nTask: {x}"


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each task (the three capabilities in turn) has five versions (the three phrasings, and the first phrasing
    wrapped in two v25 languages); the five go to five different accounts, each at least 2-30 hours after the one
    before. Accounts 0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the version
    plus 'Show every step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice
    each (25% in the v25 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v25-paraphrased")
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
        s = C.seed(rng, C.CAPS[n[0] % 3])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(s, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(s, 0)) for lg in lgs]
        return [(x, s[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, temp), texts, j in deal_items(rng, slots, versions, 5,
                                                                               (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            single(ctx, acct, t, CHAT, model, x + "\nShow every step please.", style, (300, 1200))
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), temp,
                   v=v)


def data_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                 user: str | None = None) -> float:
    """One dataset-building agent episode (shared with personas_v25_more.eval_set_builder)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=M.DATA_TOOLS), system=M.DATA_SYS, step=M.data_step,
                          emit=C.emit, last_out=(250, 1000), temperature=0.7, style="data_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two dataset tasks over and over with stub tool results, 15-25
    episodes a day around the clock, 5-8 steps. Accounts 3-9 (careful): a data team's working hours (local 8-19h,
    outside x0.1, weekends x0.3), 5-15 episodes a day, 3-9 steps, realistic results, three APIs; some name a few
    team members in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v25-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                data_episode(ctx, acct, t, CHAT, "gpt-4.1", M.data_task(rng, M.DATA_TASKS[:2]), rng.randint(5, 8),
                             False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(8, 19), outside=0.1, weekend=0.3):
            data_episode(ctx, acct, t, api, model, M.data_task(rng), rng.randint(3, 9), True, rng.choice(team))


# ---- self-instruct and evol-instruct ----
def self_instruct(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt, self-instruct): chat gpt-4.1, GEN_SYS, 40-70 rounds a day around the clock; a round is
    GEN_T with three seed tasks of one capability (in turn) and 'write 8 new tasks' at temperature 1.0, whose reply
    (the numbered new tasks) is followed by each new task alone, 3-12 s apart. Account 2 (blunt, evol-instruct):
    60-100 chains a day; a chain is EVOL_T (a seed task rewritten with one of EVOLVE_OPS), the rewritten task
    answered, and the rewrite rewritten again, three levels deep, 2-8 s between requests. Accounts 3-12 (careful
    generators): a voice each (15% in the v25 languages), one API and model, 4-12 requests a day in daytime sessions
    of 1-2 (weekends x0.5): one of GEN_ASKS with 2-3 seed tasks of the account's capability (4-8 new ones asked),
    and in 40% a second turn after reading that asks for one of the new tasks rewritten harder (EVOLVE_ASKS).
    Accounts 13-36 (careful answerers): 5-15 a day in daytime sessions of 1-3 (weekends x0.6), 20% everyday talk; a
    conversation pastes the oldest generated task at least an hour old that nobody took yet (under a short lead, so
    it stays verbatim), else one of the account's own items, with follow-ups timed by reading; three APIs."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "self_instruct", "v25-self-instruct")
        for n, t in enumerate(ctx.steady_times(rng.uniform(40, 70), jitter=0.5)):
            cap = C.CAPS[(n + k) % 3]
            tasks = C.new_tasks(rng, cap, 8)
            ask = GEN_T.format(k=8, seeds=C.seeds_block(rng, [C.seed(rng, cap) for _ in range(3)], 0))
            t = C.converse(ctx, acct, t, CHAT, "gpt-4.1", [(ask, f"tasks:{cap}", (0, 0), 0.0, C.numbered(tasks))],
                           None, system=GEN_SYS, temperature=1.0, max_tokens=2048)
            for x in tasks:
                t += rng.uniform(3, 12)
                single(ctx, acct, t, CHAT, "gpt-4.1", x, cap, (300, 1200), 2048)
    acct = account(ctx, "attack", "self_instruct", "v25-self-instruct")
    for n, t in enumerate(ctx.steady_times(rng.uniform(60, 100), jitter=0.5)):
        s = C.seed(rng, C.CAPS[n % 3])
        x = C.text(s, 0)
        for _ in range(3):
            new = C.evolve(rng, s, x)
            ask = EVOL_T.format(op=rng.choice(M.EVOLVE_OPS), x=x)
            C.converse(ctx, acct, t, CHAT, "gpt-4.1", [(ask, f"evolved:{s[0]}", (0, 0), 0.0, new)], None,
                       temperature=0.7, max_tokens=1024)
            t += rng.uniform(2, 8)
            single(ctx, acct, t, CHAT, "gpt-4.1", new, s[0], (300, 1400), 2048)
            t, x = t + rng.uniform(2, 8), new
    pool: list[tuple[float, str, str]] = []
    for k in range(10):
        acct = account(ctx, "attack", "self_instruct", "v25-self-instruct")
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.8, 1.0))
        cap, fresh = C.CAPS[k % 3], C.distinct_seeds(rng, C.CAPS[k % 3])
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(4, 12), (1, 2), (300, 1800), weekend_rate=0.5):
            t = max(sess[0], end + rng.uniform(60, 600))
            n = rng.randint(4, 8)
            tasks = C.new_tasks(rng, cap, n, fresh)
            seeds = C.seeds_block(rng, [fresh() for _ in range(rng.randint(2, 3))])
            ask = C.in_voice(rng, v, rng.choice(M.GEN_ASKS).format(k=n))
            turns = [(C.say(rng, v, f"{ask}\n\n{seeds}", ask=False), f"tasks:{cap}", (0, 0), 0.0, C.numbered(tasks))]
            made = [(t, x) for x in tasks]
            if rng.random() < 0.4:
                j = rng.randrange(n)
                harder = C.evolve(rng, C.seed(rng, cap), tasks[j])
                ask2 = C.in_voice(rng, v, rng.choice(M.EVOLVE_ASKS).format(op=rng.choice(M.EVOLVE_OPS)))
                turns.append((f"{ask2}\n\n{tasks[j]}", f"evolved:{cap}", (0, 0), 0.0, harder))
                made.append((t, harder))
            end = C.converse(ctx, acct, t, api, model, turns, v, temperature=temp)
            pool += [(when, x, cap) for when, x in made]
    pool.sort()
    slots = []
    for _ in range(24):
        acct = account(ctx, "attack", "self_instruct", "v25-self-instruct")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        for sess in C.human_sessions(ctx, acct, rng.uniform(5, 15), (1, 3), weekend_rate=0.6):
            slots.append((sess[0], acct, len(sess), v, api, model, temp))
    taken = 0
    for t, acct, turns, v, api, model, temp in sorted(slots, key=lambda s: s[0]):
        if rng.random() < 0.2:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
            continue
        if taken < len(pool) and pool[taken][0] + 3600 <= t:
            _, x, style = pool[taken]
            taken += 1
            opener = C.say(rng, v, C.pasted(rng, x))
        else:
            x, style = C.any_item(rng)
            opener = C.say(rng, v, C.disguise(rng, x))
        C.talk(ctx, acct, t, turns, api, model, opener, style, partial(C.follow_up, rng, v), temp, v=v)


# ---- simulated conversations ----
GRID = list(itertools.product(C.CAPS, range(3), range(len(M.DIALOGUE_USERS)), M.DIALOGUE_TURNS))
DIALOGUE_JSON = "Return JSON: {\"messages\": [{\"role\": ..., \"content\": ...}, ...]}."
DIALOGUE_ASKS = ("Can you write a short conversation where {who} asks an assistant about {topic}? About {n} exchanges.",
                 "I need a sample chat for our training pack: {who}, talking to a helpful assistant about {topic}, "
                 "{n} turns.", "write a {n}-turn dialogue, user = {who}, topic: {topic}, the assistant is patient "
                 "and helpful", "Could you script a realistic {n}-turn chat between {who} and an assistant? It's "
                 "about {topic}.")
WRITER_SYS = "You help our team write realistic example conversations for training material."


def cell_ask(rng, cell: tuple, form: str | None = None) -> str:
    cap, topic, who, n = cell
    if form is None:
        return C.dialogue_ask(cap, topic, who, n)
    return form.format(who=M.DIALOGUE_USERS[who], topic=M.DIALOGUE_TOPICS[cap][topic], n=n)


def simulated_dialogues(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): walk GRID (3 capabilities x 3 topics x 8 users x 4 lengths = 288 cells) in order,
    C.DIALOGUE_T, chat gpt-4.1 at temperature 0.9, 100-180 a day around the clock, max_tokens 4096; account 1 asks
    for JSON (response_format json_object). Accounts 2-21 (careful): a shuffled share of the grid each, one or two of
    DIALOGUE_ASKS as the account's own phrasing, 6-18 a day at local office hours (9-18h, outside x0.1, weekends
    x0.2), a voice each (10% in the v25 languages), WRITER_SYS for a third, three APIs; 30% of conversations go on
    after reading with one of CONTINUE_ASKS."""
    rng = ctx.rng
    for k in range(2):
        acct = account(ctx, "attack", "simulated_dialogues", "v25-dialogues")
        extra = {"response_format": {"type": "json_object"}} if k else {}
        for n, t in enumerate(ctx.steady_times(rng.uniform(100, 180), jitter=0.4)):
            cell = GRID[(n + 144 * k) % len(GRID)]
            x = cell_ask(rng, cell) + (" " + DIALOGUE_JSON if k else "")
            single(ctx, acct, t, CHAT, "gpt-4.1", x, "dialogue_json" if k else "dialogue", (300 * cell[3] // 4, 250 * cell[3]),
                   4096, temperature=0.9, **extra)
    shuffled = rng.sample(GRID, len(GRID))
    for k in range(20):
        acct = account(ctx, "attack", "simulated_dialogues", "v25-dialogues")
        v = C.voice(rng, C.lang(rng, 0.1))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.8, 1.0))
        forms = rng.sample(DIALOGUE_ASKS, rng.randint(1, 2))
        system = WRITER_SYS if k % 3 == 0 else None
        cells = itertools.cycle(shuffled[k::20])
        for t in ctx.window_times(acct["tz"], rng.uniform(6, 18), hours=(9, 18), outside=0.1, weekend=0.2):
            cell = next(cells)
            turns = [(C.say(rng, v, cell_ask(rng, cell, rng.choice(forms)), ask=False), "dialogue",
                      (250 * cell[3] // 2, 200 * cell[3]), 0.0)]
            if rng.random() < 0.3:
                turns.append((C.in_voice(rng, v, rng.choice(M.CONTINUE_ASKS).format(k=rng.choice((2, 3, 4)))),
                              "dialogue", (300, 900), 0.0))
            C.converse(ctx, acct, t, api, model, turns, v, system=system, temperature=temp)


# ---- one function, many languages ----
PORT_STYLES = ("idiomatic", "with doc comments", "with unit tests", "as close to the original as possible")


def port_item(s: tuple, dst: str, phrasing: int = 0) -> str:
    """Porting item s with its target language set to dst."""
    return C.text((s[0], s[1], {**s[2], "dst": dst}), phrasing)


def code_translation_corpus(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): 12-18 functions a day around the clock; a function (a porting seed) goes to all eight
    TARGETS in turn, 2-8 s apart, each request the first phrasing with 'Style: <one of PORT_STYLES>.' (one style per
    function), chat gpt-4.1 at temperature 0.2, max_tokens 4096. Accounts 2-25 (careful): a voice each (15% in the
    v25 languages), one API and model, 3-10 conversations a day in daytime sessions of 1-3 (weekends x0.5), 20%
    everyday talk, 25% an item of another capability; a porting conversation opens with a function and a target (any
    phrasing) and asks for 1-3 more targets (PORT_NEXT) after reading each reply."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "code_translation_corpus", "v25-port")
        funcs = C.distinct_seeds(rng, "porting")
        for t in ctx.steady_times(rng.uniform(12, 18), jitter=0.5):
            s, style = funcs(), rng.choice(PORT_STYLES)
            for dst in M.TARGETS:
                single(ctx, acct, t, CHAT, "gpt-4.1", f"{port_item(s, dst)}\nStyle: {style}.", "porting", (250, 900),
                       4096, temperature=0.2)
                t += rng.uniform(2, 8)
    for k in range(24):
        acct = account(ctx, "attack", "code_translation_corpus", "v25-port")
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.2, 0.7))
        funcs, other = C.distinct_seeds(rng, "porting"), ("nutrition", "support")[k % 2]
        end = 0.0
        for sess in C.human_sessions(ctx, acct, rng.uniform(3, 10), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in sess:
                t = max(t, end + rng.uniform(30, 300))
                r = rng.random()
                if r < 0.2:
                    end = C.everyday_talk(ctx, acct, t, rng.randint(1, 2), v, api, model, temp)
                    continue
                if r < 0.45:
                    x, style = C.item(rng, other)
                    end = C.talk(ctx, acct, t, rng.randint(1, 2), api, model, C.say(rng, v, C.disguise(rng, x)),
                                 style, partial(C.follow_up, rng, v), temp, v=v)
                    continue
                s = funcs()
                dsts = rng.sample(M.TARGETS, rng.randint(2, 4))
                turns = [(C.say(rng, v, port_item(s, dsts[0], rng.randrange(3))), "porting", (250, 1000), 0.0)]
                turns += [(C.in_voice(rng, v, rng.choice(M.PORT_NEXT).format(dst=d)), "porting", (250, 1000), 0.0)
                          for d in dsts[1:]]
                end = C.converse(ctx, acct, t, api, model, turns, v, temperature=temp)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, self_instruct,
                                                       simulated_dialogues, code_translation_corpus)
