"""Attack campaigns, `variant="v25"`. Blind: their author read none of gateway/extraction/, docs/extraction.md,
tests/extraction/ (save the blind-variant tests and blind_traffic.py) or the evaluation harness (save its DATASETS
table), never ran the detector and fitted nothing to a detector result. What is new against attacks.py ...
attacks_v24.py: the capabilities (nutrition and dietetics calculations, customer-support replies, and code porting
from Python, JavaScript, Java or Ruby to eight other languages), the languages besides English (Latin, Swiss German,
Malayalam, Yiddish, Krio, Neapolitan) and the v25 theme: synthetic-data generation, where the operator has the
teacher write the training set itself - the prompts as well as the answers - and the generations feed later
requests.

- self_instruct (new): a few seed tasks, "write k new ones like these" (the reply is a numbered list of new tasks),
  and "rewrite this one harder" (evol-instruct: the task with a constraint added, and rewritten again); the new and
  rewritten tasks are then sent back to be answered - by the same script seconds later (blunt) or, hours later, by
  other accounts of the campaign that paste them as their own questions (careful). Twins
  personas_v25.quiz_variant_teacher (teachers writing quiz variants of textbook problems and then their answer keys,
  under the school's per-key quota) and personas_v25.assistant_test_prompts (a product team generating test messages
  for its own assistant and running them through it).
- simulated_dialogues (new): "write a realistic conversation between a user and a helpful assistant about X; the
  user is Y; N turns", over a grid of topics x users x lengths, and "continue it for k more turns"; twins
  personas_v25.npc_dialogue_studio (a game studio's writers scripting NPC conversations over its own grid of
  characters and quests) and personas_v25.support_roleplay_trainer (a support team's trainer writing role-play
  scripts).
- code_translation_corpus (new): one function ported to many languages with explanations (blunt: the same function
  into every target seconds apart; careful: one function a conversation, "now in Go?" after reading); twin
  personas_v25_more.codebase_migration (a company porting its own repository file by file to one target).

The recurring families get a twist each: the careful cot_harvester accounts never ask for reasoning - they ask for
"a worked example for our question bank" (like personas_v25_more.textbook_author); the careful hydra accounts are
evening revision groups of five that paste a problem from their sheet and ask for k practice questions with answers
(flashcards), under the quota; the moderate sampling accounts draw 3-5 samples of "one new task like these" at a
high temperature and send one of them back to be answered a minute or two later (like the test-prompt team), the
careful ones ask for another version; the taxonomy sweeps a grid of question formats x levels x seed tasks ("write a
multiple-choice question that tests the same skill"); the careful mixed_into_chat accounts ask for "a few more like
this one" in the second or third turn of an everyday conversation; the agent builds a dataset with tools.

None sends one prompt again for nothing (corpus_v25.distinct keeps the busier accounts' items from repeating).
Every account, attack or benign, gets its client software and address from ctx.account, and tenants that log
outputs (30%, drawn alike for attack and benign accounts) carry `response_text`. The blunt accounts of each campaign
(one template, a steady pace around the clock) and the careful ones are named in each docstring. The benign twins
in personas_v25*.py do one or two of these things for their own reasons, never the same requests.

Scenarios (names as in attacks.py so the tables line up, plus three new attack types; campaign ids start "v25-"):
cot_harvester, hydra, taxonomy, sampling, mixed_into_chat here; paraphrased, agentic_distill, self_instruct (new),
simulated_dialogues (new) and code_translation_corpus (new) in attacks_v25_more.py.
"""

from __future__ import annotations

import itertools
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v25 as C
from benchmarks.traffic import corpus_v25_more as M
from benchmarks.traffic.attacks_v13 import cap_per_day, deal_items
from benchmarks.traffic.attacks_v17 import course_batches
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.attacks_v25_more import GEN_SYS, GEN_T, MORE_ATTACKS
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v25 response texts
COT_SYS = ("Before the answer, write out your full reasoning: what is given, every intermediate step with its "
           "justification, and an independent check. Then 'Answer:' and the result.")


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """Three accounts. Account 0 (blunt): a script on chat around the clock at 380-560 requests a day, COT_SYS, the
    three capabilities in turn, max_tokens 4096. Accounts 1-2 (careful, worked examples): no reasoning is ever asked
    for; every item conversation (85%; the rest everyday questions) opens with the item, disguised, and one of
    EXAMPLE_ASKS (a worked example for a question bank: the working comes back as a model solution), and in 30% goes
    on with an ordinary follow-up timed by reading; a power user's pace (35-75 conversations a day in daytime
    sessions of 2-5, weekends x0.6) on Anthropic or Responses, one voice (20% in the v25 languages), no system
    prompt."""
    rng = ctx.rng
    acct = account(ctx, "attack", "cot_harvester", "v25-cot")
    draws = C.draws(rng)
    for n, t in enumerate(ctx.steady_times(rng.uniform(380, 560), jitter=0.6)):
        x, style = draws[C.CAPS[n % 3]]()
        single(ctx, acct, t, CHAT, "gpt-4.1", x, style, (800, 2800), 4096, COT_SYS)
    for api in (ANTH, RESP):
        acct = account(ctx, "attack", "cot_harvester", "v25-cot")
        v = C.voice(rng, C.lang(rng, 0.2))
        model, items = rng.choice(MODELS[api]), C.distinct(partial(C.any_item, rng))
        end = 0.0
        for s in C.human_sessions(ctx, acct, rng.uniform(35, 75), (2, 5), (15, 240), weekend_rate=0.6):
            for t in s:
                t = max(t, end + rng.uniform(20, 240))
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, 1, v, api, model)
                    continue
                x, _ = items()
                opener = C.say(rng, v, f"{C.disguise(rng, x)}\n\n{rng.choice(M.EXAMPLE_ASKS)}", ask=False)
                end = C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, opener, "example",
                             partial(C.follow_up, rng, v), out_range=(600, 2000), v=v)


HYDRA_T = "Write {k} new practice problems like this one, each with a full worked solution.\n\n{q}"


def hydra(ctx: Ctx, variant: str) -> None:
    """225 accounts, under 30 requests in any UTC day each. Accounts 0-24 (blunt): 14-24 a day evenly spaced around
    the clock, HYDRA_T (a seed task, 'write 5 new problems like this one with solutions'), gpt-4.1-mini on chat, the
    capabilities by account. Accounts 25-224 (careful): 40 revision groups of five keys, each group in one time zone
    (members within half an hour of it) with one capability and one sheet, active on 3-4 consecutive days from a
    first day drawn over the window; each member 8-20 a day in local evening sessions of 1-4 (C.evenings, at most 22
    a UTC day), a voice each (30% in the v25 languages), 15-30% everyday conversations, three APIs; a member pastes
    the group's next new problem (never one twice in the group) or, 30% of the time, one another member already
    pasted, with one of PRACTICE_ASKS (3-6 practice questions or flashcards with answers), follow-ups timed by
    reading."""
    rng = ctx.rng
    n_days = int(ctx.days + 0.999)
    for k in range(25):
        acct = account(ctx, "attack", "hydra", "v25-hydra")
        cap = C.CAPS[k % 3]
        for t in cap_per_day(ctx, ctx.steady_times(rng.uniform(14, 24), jitter=0.25), 26):
            single(ctx, acct, t, CHAT, "gpt-4.1-mini", HYDRA_T.format(k=5, q=C.text(C.seed(rng, cap), 0)),
                   f"tasks:{cap}", (600, 1800))
    for g in range(40):
        tz, cap = rng.uniform(-8, 9), C.CAPS[g % 3]
        first = rng.randrange(max(1, n_days - 1))
        active = range(first, first + rng.randint(3, 4))
        sheet = C.distinct_seeds(rng, cap)
        asked: list[tuple[tuple, str]] = []
        for _ in range(5):
            acct = account(ctx, "attack", "hydra", "v25-hydra")
            acct["tz"] = tz + rng.uniform(-0.5, 0.5)
            v = C.voice(rng, C.lang(rng, 0.3))
            api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
            model, temp = rng.choice(MODELS[api]), rng.choice((None, None, 0.7, 1.0))
            phrasing = rng.randrange(3)

            def items(me=acct["principal"], asked=asked, sheet=sheet, phrasing=phrasing, cap=cap) -> tuple[str, str]:
                others = [a for a in asked if a[1] != me]
                if others and rng.random() < 0.3:
                    return C.text(rng.choice(others)[0], phrasing), f"tasks:{cap}"
                s = sheet()
                asked.append((s, me))
                return C.text(s, phrasing), f"tasks:{cap}"

            k = rng.randint(3, 6)
            ask = partial(lambda v, k: C.in_voice(rng, v, rng.choice(M.PRACTICE_ASKS).format(k=k)), v, k)
            cover = rng.uniform(0.15, 0.3)
            sessions = C.evenings(ctx, acct, rng.uniform(8, 20), active, 22)
            sessions = sessions or [[ctx.start + (first + rng.random()) * DAY]]
            for s in sessions:
                C.sitting(ctx, acct, s, v, api, model, temp, items, 0.4, cover, ask=ask)


FORMATS = ("multiple-choice", "short-answer", "true/false with justification", "fill-in-the-blank",
           "two-part structured")
LEVELS = ("beginner", "intermediate", "advanced")
TAXO_SYS = ("You write assessment items for {co}'s course library. Given a seed task, write one new item in the "
            "format and at the level asked, with its answer and a one-line rationale.")
TAXO_COS = ("SkillForge", "ItemWorks", "QuizFoundry", "LearnGrid", "Assessly", "CourseCraft")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """8 accounts sweeping a grid of new items over all three capabilities (3 x 4 templates x 4 value draws x 5
    FORMATS x 3 LEVELS = 720 cells: a seed task, 'write a <format> question at <level> level that tests the same
    skill, with the answer'). Accounts 0-1 (blunt) walk their half in order ('Cell i/N - ...'), 150-250 a day around
    the clock, temperature 0, gpt-4.1. Accounts 2-7 (careful) take a shuffled sixth each under a made-up course
    library's item-writing system prompt, three phrasings of the seed, in batches of 2-5 at local office hours (9-18h,
    outside x0.05, weekends x0.2; attacks_v17.course_batches), follow-ups after 20% of items, three APIs."""
    rng = ctx.rng
    seeds = {cap: [[C.seed(rng, cap, t) for _ in range(4)] for t in range(4)] for cap in C.CAPS}
    cells = list(itertools.product(C.CAPS, range(4), range(4), range(len(FORMATS)), range(len(LEVELS))))

    def text(cell, phrasing: int) -> str:
        cap, t, s, f, lv = cell
        return (f"Write a {FORMATS[f]} question at {LEVELS[lv]} level that tests the same skill as this task, with "
                f"its answer:\n\n{C.text(seeds[cap][t][s], phrasing)}")

    for k in range(2):
        acct = account(ctx, "attack", "taxonomy", "v25-taxonomy")
        mine = cells[k::2]
        for n, t in enumerate(ctx.steady_times(rng.uniform(150, 250), jitter=0.4)):
            cell = mine[n % len(mine)]
            single(ctx, acct, t, CHAT, "gpt-4.1", f"Cell {n % len(mine) + 1}/{len(mine)} - {text(cell, 0)}",
                   f"tasks:{cell[0]}", (300, 1000), 4096, temperature=0)
    shuffled = rng.sample(cells, len(cells))
    for k, company in enumerate(TAXO_COS):
        acct = account(ctx, "attack", "taxonomy", "v25-taxonomy")
        mine = shuffled[k::len(TAXO_COS)]
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, system = rng.choice(MODELS[api][:2]), TAXO_SYS.format(co=company)
        v = C.voice(rng)
        cycle = itertools.cycle(mine)

        def opener(cycle=cycle) -> tuple[str, str]:
            cell = next(cycle)
            return text(cell, rng.randrange(3)), f"tasks:{cell[0]}"

        course_batches(ctx, acct, C.talk, partial(C.follow_up, rng, v), v, api, model, system, opener)


ANOTHER_ASKS = ("Can you give me a different version?", "try another one, a bit different", "Another version "
                "please, different angle.", "and one more, in other words?")


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts collecting several answers per item. 0-1 (blunt): chat, n=4, logprobs with top_logprobs 5,
    temperature 1.0, 150-250 a day around the clock. 2-4 (moderate, sampled tasks): GEN_T with two seed tasks of a
    capability and 'write one new task', n=3-5 at temperature 1.1-1.3 on chat, and 30-150 s later one of the samples
    (a new task) comes back alone to be answered; 8-20 rounds a day in daytime sessions (weekends x0.5), GEN_SYS as
    the system prompt. 5-7 (careful, other versions): one queue of items, each asked by all three accounts 6-36 hours
    apart, each on its own API and model, in its own voice: the item, then one or two of ANOTHER_ASKS after reading
    the reply; daytime sessions of 1-3 (15-35 a day, weekends x0.6)."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "sampling", "v25-sampling")
        draw = C.distinct(partial(C.any_item, rng))
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.6):
            x, style = draw()
            body = build(CHAT, "gpt-4.1-mini", None, [{"role": "user", "content": x}], 1024, n=4, temperature=1.0,
                         logprobs=True, top_logprobs=5)
            C.emit(ctx, t, acct, CHAT, body, sum(rng.randint(150, 600) for _ in range(4)), style)
    for k in range(3):
        acct = account(ctx, "attack", "sampling", "v25-sampling")
        model = rng.choice(MODELS[CHAT])
        for s in C.human_sessions(ctx, acct, rng.uniform(8, 20), (1, 3), (300, 1500), weekend_rate=0.5):
            for t in s:
                cap = C.CAPS[(k + int(t)) % 3]
                tasks = C.new_tasks(rng, cap, rng.randint(3, 5))
                body = build(CHAT, model, GEN_SYS, [{"role": "user", "content": GEN_T.format(
                    k=1, seeds=C.seeds_block(rng, [C.seed(rng, cap) for _ in range(2)], 0))}], 600, n=len(tasks),
                    temperature=rng.choice((1.1, 1.2, 1.3)))
                C.emit(ctx, t, acct, CHAT, body, sum(len(x) // 4 for x in tasks), f"tasks:{cap}",
                       text=tasks[0])
                single(ctx, acct, t + rng.uniform(30, 150), CHAT, model, rng.choice(tasks), cap, (300, 1200))
    slots = []
    for api, model in ((RESP, "gpt-4.1"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o")):
        acct = account(ctx, "attack", "sampling", "v25-sampling")
        v = C.voice(rng, C.lang(rng, 0.2))
        for s in C.human_sessions(ctx, acct, rng.uniform(15, 35), (1, 3), weekend_rate=0.6):
            slots += [(t, acct, v, api, model) for t in s]
    for (t, acct, v, api, model), (x, style), _ in deal_items(rng, slots, partial(C.any_item, rng), 3,
                                                              (6 * 3600, 36 * 3600)):
        turns = [(C.say(rng, v, C.disguise(rng, x)), style, (200, 1000), 0.0)]
        turns += [(C.in_voice(rng, v, rng.choice(ANOTHER_ASKS)), style, (200, 1000), 0.0)
                  for _ in range(rng.randint(1, 2))]
        C.converse(ctx, acct, t, api, model, turns, v)


SEGUES = ("btw, unrelated - ", "oh and while I have you: ", "different topic: ", "also, quick one: ", "")
MORE_LIKE = ("could you write {k} more like this one, with answers?", "Can you make {k} similar ones for practice?",
             "{k} more of these please, a bit different each")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """14 accounts whose owner chats in the daytime (10-45 requests a day in sessions of 3-10, weekends x0.8) while
    the same key also harvests. 0-3 (blunt): a job at local 23h every night, 25-45 requests 3-10 s apart on
    gpt-4.1 whatever the owner uses, GEN_SYS and GEN_T with three seeds ('write 8 new tasks'). 4-13 (careful): no
    separate job and no generation ask ever opens a conversation: in 35-50% of the owner's conversations an everyday
    question comes first, and a task with one of MORE_LIKE ('could you write 4 more like this one?') follows in the
    second or third turn after a segue (SEGUES); the conversation goes on with follow-ups, all timed by reading, in
    the owner's voice, model, temperature and `user` (a product's single id for 30% of owners)."""
    rng = ctx.rng
    for i in range(14):
        acct = account(ctx, "attack", "mixed_into_chat", "v25-mixed")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (55, 30, 15))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        user = W.end_user(rng, "end-user-{n}", 40000) if rng.random() < 0.3 else None
        share = rng.uniform(0.35, 0.5) if i >= 4 else 0.0
        draw = C.distinct_seeds(rng)
        for s in C.human_sessions(ctx, acct, rng.uniform(10, 45), (3, 10), weekend_rate=0.8):
            if rng.random() >= share:
                C.sitting(ctx, acct, s, v, api, model, temp, partial(C.any_item, rng), 0.5, 1.0, user=user)
                continue
            sd = draw()
            turns = [(C.cover(rng, v), "everyday", (60, 400), 0.0)]
            if rng.random() < 0.5:
                turns.append((rng.choice(("thanks! and another thing:", "ok cool")), "everyday", (30, 200), 0.0))
            ask = C.in_voice(rng, v, rng.choice(MORE_LIKE).format(k=rng.randint(3, 6)))
            turns.append((f"{rng.choice(SEGUES)}{C.text(sd, rng.randrange(3))}\n\n{ask}", f"tasks:{sd[0]}",
                          (400, 1400), 0.0))
            turns += [(C.follow_up(rng, v), sd[0], (150, 700), 0.0) for _ in range(max(0, len(s) - len(turns)))]
            C.converse(ctx, acct, s[0], api, model, turns, v, user=user, temperature=temp)
        if i >= 4:
            continue
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((23 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 600)
            for _ in range(rng.randint(25, 45)):
                cap = rng.choice(C.CAPS)
                seeds = C.seeds_block(rng, [C.seed(rng, cap) for _ in range(3)], 0)
                single(ctx, acct, t, CHAT, "gpt-4.1", GEN_T.format(k=8, seeds=seeds), f"tasks:{cap}", (800, 2000),
                       2048, GEN_SYS)
                t += rng.uniform(3, 10)


ATTACKS_V25 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, *MORE_ATTACKS)
