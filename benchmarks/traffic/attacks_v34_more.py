"""Attack campaigns of `variant="v34"`, continued (attacks_v34.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v34-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v34 items).
- agentic_distill: 10 accounts with the teacher as an editorial agent (fetch the article, read the style guide,
  submit the summary).
- summary_ladder (new): the same pasted article summarised at every length and style (a sentence, an abstract,
  bullets, for a child). The blunt scripts climb an article's ladder seconds apart; the moderate ones one rung a
  request as JSON, an article's rungs hours apart; the careful accounts each take one rung of an article dealt over
  four accounts.
- outline_expand (new): an outline pasted and a section expanded into long prose, section after section, over
  fourteen topics. The blunt scripts expand an outline's four sections back to back; the moderate ones a section a
  request in order with reasoning; the careful accounts each take one section of an outline.
- style_transfer (new): a passage rewritten into many registers (formal, casual, legal, poetic, ...), a grid of
  passage x register. The blunt scripts walk the grid; the moderate ones ask for JSON; the careful accounts each
  take one register of a passage dealt over three accounts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from types import ModuleType

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_jobs as J
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v34 languages
user_ids = M31.user_ids
DIGEST_SYS = ("You write news summaries. Use only facts stated in the article, keep names and numbers exact, and "
              "reply with JSON only: the style asked for and the summary.")
DRAFT_SYS = "You are a long-form writer. Expand outline sections into polished prose that follows the points given."
REGISTER_SYS = "You rewrite text into the register asked for. Keep every fact; change only the wording and tone."

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.edit_episode, cos=J.AGENT_COS)
JSON_SURFACES = ((RESP, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"))  # the moderate accounts' (text.format; cached prompt)


def blunt(ctx: Ctx, scenario: str, campaign: str, per_day: tuple[int, int], run: Callable[[dict, float], float]) -> None:
    """A campaign's two blunt scripts around the clock: run(account, t) per_day times a day."""
    for _ in range(2):
        acct = account(ctx, "attack", scenario, campaign)
        for t in ctx.steady_times(ctx.rng.uniform(*per_day), jitter=0.6):
            run(acct, t)


def dealt(ctx: Ctx, scenario: str, campaign: str, hours: tuple[int, int], weekend: float, users: str,
          new_item: Callable[[], list], takers: int, share_users: int = 2, corpus: ModuleType = C) -> None:
    """A campaign's 20 careful accounts (8-25 a day at local `hours`, a voice each, 20% in the languages of `corpus`
    - v34's, or a later variant's - `users` in `user` on 1/share_users of the keys), each of new_item()'s `takers`
    seeds to a different account 1-24 hours apart, in a phrasing and the account's voice, a follow-up in 25%."""
    rng, K = ctx.rng, corpus
    slots = M31.careful(ctx, scenario, campaign, 20, (8, 25), hours, weekend, lambda k: (
        *M31.persona(rng, 0.2, effort="low", budget=(None, 2048, 4096), corpus=K),
        user_ids(rng, users, 300000 if users.startswith("stu") else 9000, 3, 30) if k % share_users == 0 else [None]))
    for (t, acct, (v, api, model, s, team)), seeds, j in deal_items(rng, slots, new_item, takers, (3600, 24 * 3600)):
        K.talk(ctx, acct, t, 1 + (rng.random() < 0.25), api, model, K.say(rng, v, K.text(seeds[j], rng.randrange(3)),
                                                                          ask=False), K.reply_to(rng, seeds[j]), v, s,
               user=rng.choice(team))


# ---- summary_ladder ----
def summary_ladder(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini, a new article's four rungs (one-line, abstract, bullets, child) back
    to back 1-3 s apart, 400-600 requests a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or
    Anthropic claude-sonnet-4-5 with DIGEST_SYS cached, 100-200 a day at local 8-20h: the next rung of the open
    article as JSON. Accounts 6-25 (careful): each article's four rungs dealt over four accounts (member-{n})."""
    rng = ctx.rng
    blunt(ctx, "summary_ladder", "v34-ladder", (100, 150), lambda acct, t: J.ladder(
        ctx, acct, t, CHAT, "gpt-4.1-mini", S.article(rng), S.STYLE_NAMES, template=rng.randrange(4)))
    for acct, api, model, s, times in moderate(ctx, "summary_ladder", "v34-ladder", JSON_SURFACES, (100, 200), (8, 20),
                                               0.2, cache=True):
        rungs: list = []
        for t in times:
            if not rungs:
                art, rungs = S.article(rng), list(rng.sample(S.STYLE_NAMES, 4))
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "summary", 0, art, rungs.pop()), as_json=True,
                       temperature=0.0, system=DIGEST_SYS, s=s)

    def rungs() -> list:
        art, t = S.article(rng), rng.randrange(4)
        return [C.seed(rng, "summary", t, art, st) for st in rng.sample(S.STYLE_NAMES, 4)]

    dealt(ctx, "summary_ladder", "v34-ladder", (9, 19), 0.4, "member-{n}", rungs, 4)


# ---- outline_expand ----
def outline_expand(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under DRAFT_SYS, a new outline's four sections expanded back to back 2-6 s
    apart, 240-400 requests a day. Accounts 2-5 (moderate): Responses o4-mini at medium effort or Anthropic
    claude-sonnet-4-5 with a thinking budget of 4,096, a section a request, an outline's sections in order, 60-120 a
    day at local 8-20h. Accounts 6-25 (careful): each outline's four sections dealt over four accounts
    (end-user-{n} on half the keys)."""
    rng = ctx.rng
    blunt(ctx, "outline_expand", "v34-expand", (60, 100), lambda acct, t: J.sections(
        ctx, acct, t, CHAT, "gpt-4.1", S.outline(rng), gap=(2, 6), template=rng.randrange(4), system=DRAFT_SYS))
    for acct, api, model, s, times in moderate(ctx, "outline_expand", "v34-expand", ((RESP, "o4-mini"),
                                               (ANTH, "claude-sonnet-4-5")), (60, 120), (8, 20), 0.2,
                                               effort="medium", summary="auto", budget=4096):
        out, j = S.outline(rng), 0
        for t in times:
            if j == 4:
                out, j = S.outline(rng), 0
            J.item_run(ctx, acct, t, api, model, C.seed(rng, "expand", 1, out, j), temperature=None, s=s)
            j += 1

    def secs() -> list:
        out, t = S.outline(rng), rng.randrange(4)
        return [C.seed(rng, "expand", t, out, j) for j in rng.sample(range(4), 4)]

    dealt(ctx, "outline_expand", "v34-expand", (10, 22), 0.6, "end-user-{n}", secs, 4)


# ---- style_transfer ----
def style_transfer(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under REGISTER_SYS at temperature 0.7 walking the passage x register
    grid in order (each cell a new fill of the passage), 400-600 a day. Accounts 2-5 (moderate): JSON on Responses
    gpt-4.1 or Anthropic claude-sonnet-4-5, a passage into 3-5 registers 20-90 s apart, 30-60 rounds a day at local
    8-20h. Accounts 6-25 (careful): each passage's three registers dealt over three accounts (stu_{h} on half)."""
    rng = ctx.rng
    cells = [(k, reg) for k in range(len(S.PASSAGES)) for reg in S.REGISTER_NAMES]
    for i in range(2):
        acct = account(ctx, "attack", "style_transfer", "v34-style")
        for n, t in enumerate(ctx.steady_times(rng.uniform(400, 600), jitter=0.6)):
            k, reg = cells[(n + 40 * i) % len(cells)]
            J.item_run(ctx, acct, t, CHAT, "gpt-4.1-mini", C.seed(rng, "restyle", n % 4, S.passage(rng, k), reg),
                       system=REGISTER_SYS)
    for acct, api, model, s, times in moderate(ctx, "style_transfer", "v34-style", JSON_SURFACES, (30, 60), (8, 20),
                                               0.2, cache=True):
        for t in times:
            p = S.passage(rng)
            for reg in rng.sample(S.REGISTER_NAMES, rng.randint(3, 5)):
                t = J.item_run(ctx, acct, t, api, model, C.seed(rng, "restyle", 1, p, reg), as_json=True,
                               system=REGISTER_SYS, s=s) + rng.uniform(20, 90)

    def regs() -> list:
        p, t = S.passage(rng), rng.randrange(4)
        return [C.seed(rng, "restyle", t, p, reg) for reg in rng.sample(S.REGISTER_NAMES, 3)]

    dealt(ctx, "style_transfer", "v34-style", (14, 23), 0.6, "stu_{h}", regs, 3)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, summary_ladder, outline_expand,
                                                       style_transfer)
