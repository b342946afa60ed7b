"""Attack campaigns of `variant="v20"`, continued (attacks_v20.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v20-".

- paraphrased: 60 accounts; each problem's five rewordings (three phrasings, two written by the prompt writer) go to
  five different accounts hours apart.
- agentic_distill: 10 accounts running a Lean 4 proof agent (goal state, Mathlib search, tactics, file checks).
- schema_cot (new): the ask for the working moves out of the prompt into the output format. The user message is the
  bare item (or an exercise label and the item); the request carries a JSON schema (a json_schema response format,
  a forced function tool, or a forced Anthropic tool) whose steps field is described as "every intermediate step,
  none skipped". The reply is a solution record, i.e. a chain of thought in JSON, and the prompt never asks for one.
- grammar_prompts (new): no two prompts share a template. The operator's small local model writes every prompt from
  the item (corpus_v20_more.written: a frame of who is asking and why, the facts laid out one of five ways, an ask
  assembled from parts, a closing), and writes the follow-ups too, as what-ifs that change one value of the item (a
  minimal pair asked inside a conversation). The blunt accounts leave the writer's preamble and quotes in.
- ci_review_harvest (new): smart-contract audits harvested through what looks like a CI review bot: a GitHub App's
  system prompt, one request per changed file a few seconds apart when a pull request arrives, the org's office
  hours, a second push for some pull requests. But no repository behind it exists: every pull request adds a
  vulnerable function (a new cell of bug class x contract x values) to a contract file that never comes back after
  its pull request, and the review asked for is an exploit walk-through, step by step.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14_tools as TL
from benchmarks.traffic import corpus_v20 as C
from benchmarks.traffic import corpus_v20_more as D
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v14_more import assist_episode
from benchmarks.traffic.attacks_v17_more import single as single_v17
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build

single = partial(single_v17, emit_fn=C.emit)  # one single-turn request, with the v20 response texts


def paraphrased(ctx: Ctx, variant: str) -> None:
    """Each problem (the three capabilities in turn) has five rewordings (the three phrasings and two written by the
    prompt writer); the five go to five different accounts, each at least 2-30 hours after the one before. Accounts
    0-14 (moderate): single-request sessions 4-10 a day (weekends x0.6) on gpt-4o-mini, the rewording plus 'Show
    every step please.' Accounts 15-59 (careful): 2-9 a day in sessions of 1-4 (weekends x0.5), a voice each (25% in
    the v20 languages), 30% everyday sessions, follow-ups timed by reading, three APIs."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v20-paraphrased")
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
        texts = [C.text(s, j) for j in range(3)] + [D.written(rng, C.text(s, rng.randrange(3))) for _ in range(2)]
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


def lean_episode(ctx: Ctx, acct: dict, t: float, api: str, model: str, task: str, steps: int, realistic: bool,
                 user: str | None = None) -> float:
    """One proof-agent episode (shared with personas_v20_more.lean_formalisation_team)."""
    return assist_episode(ctx, acct, t, api, model, task, steps, realistic, user,
                          tools=partial(TL.api_tools, tools=D.LEAN_TOOLS), system=D.LEAN_SYS, step=D.lean_step,
                          emit=C.emit, last_out=(300, 1200), temperature=0.2, style="lean_agent")


def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, the first two tasks over and over with stub tool results, 15-25 episodes a
    day around the clock, 5-8 steps. Accounts 3-9 (careful): a formaliser's hours (local 9-24h, outside x0.15,
    weekends x0.6), 5-15 episodes a day, 3-12 steps, realistic results, three APIs; some name a few contributors in
    `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v20-agentic")
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                lean_episode(ctx, acct, t, CHAT, "gpt-4.1", D.lean_task(rng, D.LEAN_TASKS[:2]), rng.randint(5, 8),
                             False)
            continue
        api = (CHAT, ANTH, RESP)[i % 3]
        model = rng.choice(MODELS[api][:2])
        team = [W.end_user(rng, "u_{h}", 5000) for _ in range(rng.randint(2, 6))] if i % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(9, 24), outside=0.15, weekend=0.6):
            lean_episode(ctx, acct, t, api, model, D.lean_task(rng), rng.randint(3, 12), True, rng.choice(team))


# ---- schema_cot ----
ENGINE_SYS = ("You are the solution engine of {p}. Fill in the solution record for the exercise.",
              "{p} reference solutions. Be exact; the record is checked automatically.",
              "You generate worked solutions for {p}'s practice library.")
PRODUCTS = ("Actuarly", "Orbitwise", "AuditDojo", "Premium Prep", "Launchpad Learn", "Chainproof", "ExamForge",
            "Stepwise Pro", "Kepler Coach", "Reserva")


def schema_request(api: str, model: str, system: str | None, content: str, sch: dict, as_tool: bool,
                   max_tokens: int, **extra) -> dict:
    """A single-turn request whose reply must fill `sch` (shared with personas_v20.step_checker_app)."""
    return build(api, model, system, [{"role": "user", "content": content}], max_tokens,
                 **D.schema_params(api, sch, as_tool), **extra)


def exercise_label(rng) -> str:
    return f"Exercise {rng.randint(1, 14)}.{rng.randint(1, 30)}"


def schema_cot(ctx: Ctx, variant: str) -> None:
    """12 accounts. Accounts 0-1 (blunt): chat gpt-4.1, one schema ('worked_solution', a 'steps' array) as a
    json_schema response format, the bare item (the capabilities in turn, never repeated), temperature 0.3, max_tokens
    4096, 250-400 a day around the clock. Accounts 2-11 (careful): dressed as homework products, each with its own
    schema (its own name and steps field, forced as a tool on Anthropic and on half the chat accounts, json_schema
    otherwise), a product system prompt, the item under an exercise label half the time, simulated student ids in
    `user` on 60% of the accounts; 80% of requests structured, 20% ordinary chat conversations in a voice (no
    schema); 40-120 a day at local 8-22h (outside x0.15, weekends x0.6). The careful accounts share one item bank, so
    no item goes to two of them or comes back."""
    rng = ctx.rng
    for i in range(2):
        acct = account(ctx, "attack", "schema_cot", "v20-schema")
        sch = D.schema(rng, "worked_solution", "steps")
        draws = C.draws(rng)
        for n, t in enumerate(ctx.steady_times(rng.uniform(250, 400), jitter=0.5)):
            cap = C.CAPS[(n + i) % 3]
            x, _ = draws[cap]()
            body = schema_request(CHAT, "gpt-4.1", None, x, sch, False, 4096, temperature=0.3)
            C.emit(ctx, t, acct, CHAT, body, rng.randint(600, 2400), f"schema_{cap}")
    bank = C.distinct(partial(C.any_item, rng), tries=80)
    for i in range(10):
        acct = account(ctx, "attack", "schema_cot", "v20-schema")
        api = rng.choices((CHAT, ANTH, RESP), (40, 30, 30))[0]
        model = rng.choice(MODELS[api][:2])
        sch, as_tool = D.schema(rng, f"{rng.choice(D.SCHEMA_NAMES)}_v{rng.randint(1, 4)}"), rng.random() < 0.5
        system = rng.choice(ENGINE_SYS).format(p=PRODUCTS[i])
        students = [W.end_user(rng, rng.choice(W.USER_POOLS), 90000) for _ in range(rng.randint(20, 200))] \
            if rng.random() < 0.6 else [None]
        v = C.voice(rng, C.lang(rng, 0.2))
        for t in ctx.window_times(acct["tz"], rng.uniform(40, 120), hours=(8, 22), outside=0.15, weekend=0.6):
            user = rng.choice(students)
            x, cap = bank()
            if rng.random() < 0.2:
                C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, C.say(rng, v, C.disguise(rng, x)), cap,
                       partial(C.follow_up, rng, v), None, user, system, (300, 1200), v=v)
                continue
            content = f"{exercise_label(rng)}\n{x}" if rng.random() < 0.5 else x
            body = schema_request(api, model, system, content, sch, as_tool, 2048)
            C.emit(ctx, t, acct, api, body, rng.randint(500, 1800), f"schema_{cap}", user=user)


# ---- grammar_prompts ----
def grammar_prompts(ctx: Ctx, variant: str) -> None:
    """30 accounts; every prompt is written from an item by the operator's small local model (D.written), so no two
    share a wording. Accounts 0-3 (blunt): chat gpt-4o-mini, single-turn, the writer's preamble and quotes left in,
    120-200 a day around the clock. Accounts 4-29 (careful): the preamble stripped; daytime sessions of 1-4 (10-40
    a day, weekends x0.6), a voice each (20% in the v20 languages, which wrap the written prompt), 15%
    everyday conversations, three APIs; half the conversations go on with generated what-ifs that change one value
    of the item (D.written_follow), the others with the voice's own follow-ups. One item bank for the campaign."""
    rng = ctx.rng
    def draw() -> tuple[str, tuple]:
        s = C.seed(rng, rng.choice(C.CAPS))
        return C.text(s, 0), s

    bank = C.distinct(draw, tries=80)

    def item_text() -> tuple[tuple, str]:
        _, s = bank()
        return s, C.text(s, rng.randrange(3))

    for _ in range(4):
        acct = account(ctx, "attack", "grammar_prompts", "v20-grammar")
        for t in ctx.steady_times(rng.uniform(120, 200), jitter=0.6):
            s, x = item_text()
            single(ctx, acct, t, CHAT, "gpt-4o-mini", D.written(rng, x, preamble=True), s[0], (300, 1400))
    for _ in range(26):
        acct = account(ctx, "attack", "grammar_prompts", "v20-grammar")
        v = C.voice(rng, C.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        for sess in C.human_sessions(ctx, acct, rng.uniform(10, 40), (1, 4), weekend_rate=0.6):
            end = 0.0
            for t in sess:
                t = max(t, end + rng.uniform(20, 200))
                turns = 1 + (rng.random() < 0.4) + (rng.random() < 0.2)
                if rng.random() < 0.15:
                    end = C.everyday_talk(ctx, acct, t, turns, v, api, model, temp)
                    continue
                s, x = item_text()
                opener = D.written(rng, x)
                if v["lg20"] != "en":
                    opener = C.say(rng, v, opener, ask=False)
                follow = partial(D.written_follow, rng, s, C.perturb) if rng.random() < 0.5 else \
                    partial(C.follow_up, rng, v)
                end = C.talk(ctx, acct, t, turns, api, model, opener, s[0], follow, temp, out_range=(400, 1600), v=v)


# ---- ci_review_harvest ----
ORGS = ("helix-labs", "northwind-defi", "quarry-protocol", "lumen-fi", "saltmarsh-dao", "tidepool-xyz", "ember-finance",
        "kestrel-chain", "orchard-swap", "basalt-labs")
REPOS = ("core", "contracts", "protocol", "vaults", "periphery", "governance")


def review_request(api: str, model: str, bot: str, org: str, message: str, max_tokens: int, **extra) -> dict:
    """One review-bot request (shared with personas_v20.audit_firm_ci_bot)."""
    return build(api, model, D.REVIEW_SYS.format(bot=bot, org=org), [{"role": "user", "content": message}],
                 max_tokens, **extra)


def ci_review_harvest(ctx: Ctx, variant: str) -> None:
    """10 accounts. Accounts 0-1 (blunt): chat gpt-4.1, one file per pull request, pull request numbers counting up
    by one, temperature 0, max_tokens 4096, 150-250 a day around the clock. Accounts 2-9 (careful): a review bot for
    a made-up org with 2-4 repositories: pull requests at the org's office hours (local 9-19h, outside x0.1,
    weekends x0.15, 15-40 a day), each touching 1-3 files reviewed 0.5-6 s apart (one request each), 25% pushed a
    second time 10-120 minutes later (the same files, one more line in the diff), pull request numbers with gaps;
    chat or Anthropic. Every file is a new contract (a new cell of the bug-class x contract grid) that no later pull
    request touches."""
    rng = ctx.rng
    names: set[str] = set()
    def cell() -> tuple[str, tuple]:
        s, suffix = C.seed(rng, "sol"), rng.choice(D.SUFFIXES)
        return f"{suffix}|{C.text(s, 0)}", (s, suffix)

    cells = C.distinct(cell, tries=80)

    def new_file(repo: str) -> tuple[str, tuple]:
        _, (s, suffix) = cells()
        name = s[2]["ct"] + suffix
        while f"{repo}/{name}" in names:
            name = f"{name}{rng.randint(2, 9)}"
        names.add(f"{repo}/{name}")
        return name, s

    for i in range(2):
        acct = account(ctx, "attack", "ci_review_harvest", "v20-ci")
        org, bot, pr = ORGS[i], D.BOTS[i], rng.randint(40, 900)
        repo = f"{org}/{rng.choice(REPOS)}"
        for t in ctx.steady_times(rng.uniform(150, 250), jitter=0.5):
            pr += 1
            name, s = new_file(repo)
            msg = D.pr_message(repo, pr, D.pr_title(rng, name), name, D.contract_diff(rng, name, s, rng.randint(0, 3)))
            C.emit(ctx, t, acct, CHAT, review_request(CHAT, "gpt-4.1", bot, org, msg, 4096, temperature=0),
                   rng.randint(500, 1800), "pr_review")
    for i in range(2, 10):
        acct = account(ctx, "attack", "ci_review_harvest", "v20-ci")
        org, bot = ORGS[i], rng.choice(D.BOTS)
        repos = [f"{org}/{r}" for r in rng.sample(REPOS, rng.randint(2, 4))]
        api = (CHAT, ANTH)[i % 2]
        model = MODELS[api][0]
        pr = rng.randint(100, 3000)
        for t in ctx.window_times(acct["tz"], rng.uniform(15, 40), hours=(9, 19), outside=0.1, weekend=0.15):
            pr += rng.randint(1, 4)
            repo = rng.choice(repos)
            files = [new_file(repo) for _ in range(rng.choice((1, 1, 2, 3)))]
            title = D.pr_title(rng, files[0][0])
            pads = [rng.randint(0, 3) for _ in files]
            pushes = [t] + ([t + rng.uniform(600, 7200)] if rng.random() < 0.25 else [])
            for p, tp in enumerate(pushes):
                for (name, s), pad in zip(files, pads, strict=True):
                    tp += rng.uniform(0.5, 6)
                    msg = D.pr_message(repo, pr, title, name, D.contract_diff(rng, name, s, pad + p))
                    C.emit(ctx, tp, acct, api, review_request(api, model, bot, org, msg, 2048),
                           rng.randint(300, 1400), "pr_review")


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, schema_cot, grammar_prompts,
                                                       ci_review_harvest)
