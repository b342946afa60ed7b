"""Benign hard-negative personas of the `v30` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v30 campaign does in one or two
respects, over the same pools (corpus_v30*), through the same runners (corpus_v30_jobs), with the client metadata
ctx.account gives every account:

- eval_harness (twin of echo_scoring): an LM evaluation team's nightly harness: multiple-choice tasks scored as
  log-likelihoods of each choice (echo, logprobs, max_tokens 0, a question's choices as one list), a
  solution-verification task whose items are worked solutions right and wrong, generation tasks on chat; engineers
  re-run single tasks by day.
- ppl_filter (twin of echo_scoring's moderate accounts): a data team scoring crawled documents by perplexity (echo,
  logprobs, max_tokens 0 or 1, batches of documents as lists) in working-hours batches and an overnight sweep.
- draft_assist (twin of prefix_continuation's careful accounts): a writing app's "continue my draft" button: the
  user's draft as a prefilled assistant turn, pressed again on the longer draft now and then; users in `user`.
- code_complete (twin of prefix_continuation's blunt and moderate accounts): a code-completion plugin continuing a
  developer's half-written function (the file above the cursor, the function so far as the assistant's turn), again
  and again seconds apart as the developer types.
The other five are in personas_v30_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v29_src as S29
from benchmarks.traffic import corpus_v30 as C
from benchmarks.traffic import corpus_v30_jobs as J
from benchmarks.traffic import corpus_v30_src as S
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, account
from benchmarks.traffic.personas_v30_more import PERSONAS_B

_STEMS = ("The kettle was boiling, so she", "To keep the bread fresh for longer, you should", "After the meeting ran "
          "late, the team", "When the tide goes out, the harbour", "The recipe calls for two eggs, but he only had one, "
          "so he", "Before painting the fence, they", "The bus was cancelled, so the students", "As the sun set over "
          "the hills, the walkers")
_ENDS = ("poured the water over the tea leaves.", "decided to walk home instead.", "wrapped it in a clean cloth.",
         "left the boats resting on the mud.", "used a spoonful of yoghurt instead.", "sanded it down and washed it.",
         "ordered pizza for everyone.", "put the keys in the fridge.", "started singing the national anthem.",
         "turned on their head torches.", "painted the cat instead.", "forgot what day it was.")
_ARC = (("Which gas do plants take in for photosynthesis?", ("carbon dioxide", "oxygen", "nitrogen", "helium")),
        ("What is the boiling point of water at sea level in Celsius?", ("100", "90", "80", "120")),
        ("Which organ pumps blood around the body?", ("the heart", "the liver", "the lungs", "the kidneys")),
        ("What force pulls objects towards the Earth?", ("gravity", "friction", "magnetism", "tension")),
        ("Which of these is a renewable source of energy?", ("wind", "coal", "oil", "natural gas")))
TASKS = ("hellaswag", "arc_easy", "arithmetic_mc", "solution_verify")


def mc_item(rng, task: str) -> list[str]:
    """One item of a multiple-choice task as the harness sends it: the context with each choice (a list)."""
    if task == "hellaswag":
        stem = rng.choice(_STEMS)
        return [f"{stem} {e}" for e in rng.sample(_ENDS, 4)]
    if task == "arc_easy":
        q, choices = rng.choice(_ARC)
        return [J.qa_prompt(q, c) for c in rng.sample(choices, 4)]
    p = S.problem(rng, "math")
    if task == "arithmetic_mc":
        right = p["gold"][-1].rstrip(".").split(" = ")[-1]
        value, _, unit = right.partition(" ")
        wrong = [S.num(float(value) + d) for d in rng.sample((-10, -2, -1, 1, 2, 10, 0.5), 3)]
        return [J.qa_prompt(p["q"], f"{x} {unit}".strip()) for x in rng.sample([value] + wrong, 4)]
    return [J.qa_prompt(p["q"], S.attempt(rng, p, right=0.5)[0]) for _ in range(4)]


def eval_harness(ctx: Ctx, count: int) -> None:
    """Benign: `count` evaluation teams, one key each (logprobs 1, 5 or 10 by team). Each night at local 0-3h a
    harness run over the three completions models in turn: the four TASKS, 40-150 items each, one request an item
    (its four choices as a list, echo, max_tokens 0, temperature 0) 0.2-2 s apart, then 20-60 generation items on chat
    gpt-4.1-mini at temperature 0 (the few-shot 'Question: / Answer:' layout). By day (9-18h, outside x0.05,
    weekends x0.1) engineers (member-{n}) re-run a task of 20-80 items on one of the models."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "eval_harness")
        lp = (1, 5, 10)[i % 3]
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 10))]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(0, 3) - acct["tz"]) % 24) * 3600
            for model in rng.sample(J.ECHO_MODELS, 3):
                for task in rng.sample(TASKS, len(TASKS)):
                    for _ in range(rng.randint(40, 150)):
                        t = J.echo_score(ctx, acct, t, model, mc_item(rng, task), logprobs=lp) + rng.uniform(0.2, 2)
            for _ in range(rng.randint(20, 60)):
                p = S.problem(rng)
                shots = "\n\n".join(J.qa_prompt(S.problem(rng, "math")["q"], "...") for _ in range(2))
                t = J.judge(ctx, acct, t, CHAT, "gpt-4.1-mini", f"{shots}\n\nQuestion: {p['q']}\nAnswer:",
                            "\n".join(p["gold"]), temperature=0.0, max_tokens=512) + rng.uniform(0.5, 2)
        for t in ctx.window_times(acct["tz"], rng.uniform(1, 3), hours=(9, 18), outside=0.05, weekend=0.1):
            user, model = rng.choice(team), rng.choice(J.ECHO_MODELS)
            task = rng.choice(TASKS)
            for _ in range(rng.randint(20, 80)):
                t = J.echo_score(ctx, acct, t, model, mc_item(rng, task), logprobs=lp, user=user) + \
                    rng.uniform(0.3, 3)


def ppl_filter(ctx: Ctx, count: int) -> None:
    """Benign: `count` data teams, one key each, scoring crawled documents by perplexity under reference models
    (by day any of the three completions models, at night davinci-002): by day (local 9-19h, outside x0.2, weekends x0.2) 300-800 requests, each a list of
    4-16 pages or one long page, echo, logprobs 0 or 1, max_tokens 0 (1 on gpt-3.5-turbo-instruct), no temperature;
    each night one sweep of 200-600 requests 0.5-2 s apart on davinci-002."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "ppl_filter")
        models = ("davinci-002", "babbage-002", "gpt-3.5-turbo-instruct")
        lp = rng.choice((0, 1))

        def batch() -> list[str]:
            return [S29.page(rng)[0] for _ in range(rng.choice((1, 4, 8, 16)))]

        for t in ctx.window_times(acct["tz"], rng.uniform(300, 800), hours=(9, 19), outside=0.2, weekend=0.2):
            model = rng.choice(models)
            J.echo_score(ctx, acct, t, model, batch(), logprobs=lp, max_tokens=int(model == models[2]),
                         temperature=None)
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(22, 26) - acct["tz"]) % 24) * 3600
            for _ in range(rng.randint(200, 600)):
                t = J.echo_score(ctx, acct, t, models[0], batch(), logprobs=lp, max_tokens=0, temperature=None) + \
                    rng.uniform(0.5, 2)


DRAFT_ASKS = ("Continue my draft in the same voice. Write the next paragraph.", "Keep writing from where my draft "
              "stops; match my tone.", "Continue this piece naturally, one or two paragraphs.")
DRAFT_SYS = "You are the writing assistant in {co}. Continue the user's text seamlessly, in their voice."
DRAFT_COS = ("Quillpad", "Inkwell Notes", "Storyloom")
SURFACES = ((ANTH, "claude-sonnet-4-5"), (ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4o"))


def draft_assist(ctx: Ctx, count: int) -> None:
    """Benign: `count` writing apps, one key each, writers in `user` (end-user-{n}, 500-5,000): 150-450 presses of
    "continue" a day in the writers' daytime and evening (local 8-24h, outside x0.2, weekends x0.9): the draft as a
    prefilled assistant turn under a DRAFT_ASKS prompt with DRAFT_SYS at temperature 0.8, on the model the writer
    picked (Anthropic claude-sonnet-4-5 or claude-haiku-4-5; chat gpt-4o with a final assistant message); 35% of the
    writer presses again 20-120 s later on the draft plus the continuation they kept."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "draft_assist")
        system = DRAFT_SYS.format(co=DRAFT_COS[i % 3])
        writers = [W.end_user(rng, "end-user-{n}", 40000) for _ in range(rng.randint(500, 5000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 450), hours=(8, 24), outside=0.2, weekend=0.9):
            user = rng.choice(writers)
            api, model = SURFACES[int(user.rsplit("-", 1)[1]) % len(SURFACES)]
            ask = rng.choice(DRAFT_ASKS)
            text, rest = J.draft(rng)
            for _ in range(1 + (rng.random() < 0.35)):
                t = J.prefill(ctx, acct, t, api, model, ask, text, rest, system=system, user=user, temperature=0.8)
                text = f"{text} {rest[:rng.randint(40, max(41, len(rest)))]}"
                rest = C.answer(rng, "prose", rng.randint(60, 250))
                t += rng.uniform(20, 120)


COMPLETE_ASK = "Complete the function at the cursor. Reply with code only, continuing exactly where it stops.\n\n{f}"


def code_complete(ctx: Ctx, count: int) -> None:
    """Benign: `count` code-completion plugins, one key each, developers in `user` (u_{h}, 300-3,000): 300-900
    completions a day over the developers' working hours (local 8-20h, outside x0.2, weekends x0.25), each a burst
    of 1-6 requests 2-15 s apart on the same function as the developer types (each prefix a little longer): the
    file above the cursor in the user turn, the function so far as the assistant's turn, temperature 0,
    max_tokens 256, on the developer's model (Anthropic claude-haiku-4-5, or chat gpt-4.1-mini with a final
    assistant message: 30% of developers, 70% on every other key)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "code_complete")
        devs = [(W.end_user(rng, "u_{h}", 90000), ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[
            rng.random() < (0.3, 0.7)[i % 2]]) for _ in range(rng.randint(300, 3000))]
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 900) / 3, hours=(8, 20), outside=0.2, weekend=0.25):
            user, (api, model) = rng.choice(devs)
            above, part, rest = J.partial_code(rng)
            lines = rest.split("\n")
            for k in range(rng.randint(1, 6)):
                pre = part + ("\n" + "\n".join(lines[:k]) if k else "")
                t = J.prefill(ctx, acct, t, api, model, COMPLETE_ASK.format(f=above), pre, "\n".join(lines[k:]),
                              user=user, temperature=0.0, max_tokens=256) + rng.uniform(2, 15)


BENIGN_V30 = {"eval_harness": (eval_harness, 2),
              "ppl_filter": (ppl_filter, 2),
              "draft_assist": (draft_assist, 3),
              "code_complete": (code_complete, 3),
              **PERSONAS_B}
