"""Attack campaigns of `variant="v43"`, continued (attacks_v43.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v43-".

- paraphrased: 60 accounts; each item's five versions go to five different accounts hours apart
  (attacks_v31_more.paraphrased over the v43 items).
- agentic_distill: 10 accounts with the teacher as a validation agent (read a form field's samples, test a pattern,
  save the rule).
- class_sweep (new): one shape with one run's character class swept over eight of the ten classes, each sent alone -
  the same strings' layout under every class side by side, the pairs a student pattern-writer learns its classes
  from. The blunt scripts send a shape's eight classes back to back as JSON; the moderate ones a shape's classes in
  turn, one a request; the careful accounts each take one of three classes of a shape.
- reject_sweep (new): one shape's accepted strings kept while the rejected ones change kind - a wrong character, a
  run too long, too short, a separator changed, the case, a prefix, a suffix, two runs swapped - each kind sent
  alone, so that each part of the pattern is pinned by its own counter-examples. The blunt scripts send a shape's
  eight kinds back to back as JSON; the moderate ones six kinds in order, one a request, with reasoning; the careful
  accounts each take one of four kinds.
- count_sweep (new): one shape with one run's length stepped from one to eight, each sent alone - the quantifier
  learnt from its examples. The blunt scripts run a shape's eight lengths seconds apart; the moderate ones a length a
  request as JSON; the careful accounts each take one of three lengths.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import attacks_v31_more as M31
from benchmarks.traffic import corpus_v43 as C
from benchmarks.traffic import corpus_v43_jobs as J
from benchmarks.traffic.attacks_v33_more import moderate  # a campaign's four moderate accounts
from benchmarks.traffic.attacks_v34_more import JSON_SURFACES, blunt
from benchmarks.traffic.attacks_v34_more import dealt as _dealt
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP

persona, crowd = (partial(f, corpus=C) for f in (M31.persona, M31.crowd))  # voices in the v43 languages
user_ids = M31.user_ids
dealt = partial(_dealt, corpus=C)  # a campaign's 20 careful accounts speaking the v43 items
REGEX_SYS = ("You write Python regular expressions from examples: anchored, matching every accepted string and no "
             "rejected one. Reply with JSON only: the pattern and a short explanation.")

paraphrased = partial(M31.paraphrased, C=C)
agentic_distill = partial(M31.agentic_distill, episode=J.rule_episode, cos=J.AGENT_COS)


def _sweeping(ctx: Ctx, scenario: str, campaign: str, sweep: Callable[..., tuple], *, fast: tuple, slow: tuple,
              careful: tuple) -> None:
    """A new attack type's three tiers over sweep(rng, n): `fast` (model, sweeps a day, gap, n, keywords) for the two
    blunt scripts, a sweep's cells back to back on chat; `slow` (surfaces, requests a day, surface settings, template,
    n, keywords) for the four moderate accounts, the open sweep's next cell at each request time; `careful` (hours,
    weekend share, user pattern, takers, n) for the 20 careful accounts, `takers` cells of a sweep dealt over as many
    accounts, one template for all."""
    rng = ctx.rng
    model, per_day, gap, n, kw = fast
    blunt(ctx, scenario, campaign, per_day, lambda acct, t: J.run_all(
        ctx, acct, t, CHAT, model, "build", *sweep(rng, n), gap=gap, template=rng.randrange(4), **kw))
    surfaces, per_day, settings, template, n, kw = slow
    for acct, api, model, s, times in moderate(ctx, scenario, campaign, surfaces, per_day, (8, 20), 0.2, **settings):
        queue: list = []
        for t in times:
            if not queue:
                inst, cells = sweep(rng, n)
                queue = [C.seed(rng, "build", template, inst, cell) for cell in reversed(cells)]
            J.item_run(ctx, acct, t, api, model, queue.pop(), s=s, **kw)
    hours, weekend, users, takers, n = careful

    def shares() -> list:
        inst, cells = J.picked(rng, sweep(rng, n), takers, takers)
        template = rng.randrange(4)
        return [C.seed(rng, "build", template, inst, cell) for cell in cells]

    dealt(ctx, scenario, campaign, hours, weekend, users, shares, takers)


_JSON = {"as_json": True, "temperature": 0.0, "system": REGEX_SYS}


def class_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1 under REGEX_SYS (JSON, temperature 0), a new shape under eight classes back
    to back 2-6 s apart, 50-80 times a day. Accounts 2-5 (moderate): Responses gpt-4.1 with text.format or Anthropic
    claude-sonnet-4-5 with REGEX_SYS cached, 100-200 a day at local 8-20h: the open shape's next class as JSON.
    Accounts 6-25 (careful): three classes of a shape dealt over three accounts (member-{n} on half the keys)."""
    _sweeping(ctx, "class_sweep", "v43-classes", J.classes_of, fast=("gpt-4.1", (50, 80), (2, 6), 8, _JSON),
              slow=(JSON_SURFACES, (100, 200), {"cache": True}, 0, 8, _JSON),
              careful=((9, 21), 0.5, "member-{n}", 3, 8))


def reject_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under REGEX_SYS (JSON, temperature 0), a new shape's accepted strings
    with each of the eight kinds of rejected string back to back 2-6 s apart, 50-80 sweeps a day. Accounts 2-5
    (moderate): Responses o4-mini at medium effort or Anthropic claude-sonnet-4-5 with a thinking budget of 4,096, a
    shape's first six kinds in order, one a request, 60-120 a day at local 8-20h. Accounts 6-25 (careful): four kinds
    of a shape dealt over four accounts (stu_{h} on half the keys)."""
    _sweeping(ctx, "reject_sweep", "v43-rejects", J.kinds_of, fast=("gpt-4.1-mini", (50, 80), (2, 6), 8, _JSON),
              slow=(((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5")), (60, 120),
                    {"effort": "medium", "summary": "auto", "budget": 4096}, 2, 6, {"temperature": None}),
              careful=((14, 23), 0.6, "stu_{h}", 4, 6))


def count_sweep(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini at temperature 0.7, a new shape's run at lengths one to eight back to
    back 1-3 s apart, 60-100 shapes a day. Accounts 2-5 (moderate): JSON on Responses gpt-4.1 or Anthropic
    claude-sonnet-4-5 with REGEX_SYS cached, 100-200 a day at local 8-20h: the open shape's next length. Accounts
    6-25 (careful): three lengths of a shape dealt over three accounts (end-user-{n} on half the keys)."""
    _sweeping(ctx, "count_sweep", "v43-counts", J.counts_of, fast=("gpt-4.1-mini", (60, 100), (1, 3), 8, {}),
              slow=(JSON_SURFACES, (100, 200), {"cache": True}, 1, 8, _JSON),
              careful=((10, 22), 0.6, "end-user-{n}", 3, 8))


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, class_sweep, reject_sweep,
                                                       count_sweep)
