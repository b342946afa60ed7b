"""Benign hard-negative personas of the `v43` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v43 campaign sends -
strings to build a regex from, match tables, broken regexes to fix, practice problems to invent - over the same
sources (corpus_v43_src), through the same runners (corpus_v43_jobs), with the client metadata ctx.account gives
every account.

- form_builder (twin of class_sweep's blunt and moderate accounts): a form builder whose validation wizard asks a
  regex for a field under each character class its user toggles (two to five, seconds apart), as JSON.
- rule_sync (twin of the mixed_into_chat nightly jobs, of reject_sweep's blunt and moderate accounts and of
  agentic_distill): a data-validation service whose nightly job re-derives each column's rule against the kinds of
  bad value that day's imports held (three to six kinds, the good values kept), as JSON, back to back; whose staff
  and validation agent work by day, and whose users bring their own patterns to its chat.
- schema_tool (twin of count_sweep's blunt and moderate accounts): a database schema tool writing a column's
  validation pattern at each width its user tries (four to eight, from one up), seconds apart, as JSON.
- regex_lab (twin of the careful cot_harvester and of the sampling accounts): a university group's small manual
  studies of how language models write regexes - asking how a pattern was built, sweeping temperatures over practice
  problems, drawing five sets of them at once with logprobs.
The other four are in personas_v43_more.py.
"""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v43 as C
from benchmarks.traffic import corpus_v43_jobs as J
from benchmarks.traffic import corpus_v43_src as S
from benchmarks.traffic import personas_v35_more as M35
from benchmarks.traffic.attacks_v43_more import user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, _registry, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34 import desk_agent
from benchmarks.traffic.personas_v35 import study_group
from benchmarks.traffic.personas_v43_more import PERSONAS_B

_TOOL_SURFACES = ((RESP, "gpt-4.1"), (CHAT, "gpt-4.1-mini"))


def _tool(ctx: Ctx, count: int, scenario: str, system: str, cos: tuple[str, ...], users: tuple[str, int, int, int],
          per_day: tuple[float, float], sweep: Callable[[], tuple], gap: tuple[float, float]) -> None:
    """`count` products, a key for each of 2-3 customers (`system` naming one of `cos`), their people in `user`
    (`users`: pattern, pool, least, most; the first customer's key logs its replies): per_day times a day at local
    7-23h (outside x0.2, weekends x0.45), each a sweep() run back to back `gap` seconds apart as JSON."""
    rng = ctx.rng
    for i in range(count):
        for j in range(rng.randint(2, 3)):
            acct, api, model, s, prompt = keyed(ctx, scenario, i, _TOOL_SURFACES, system, cos)
            if not j:  # each product's first customer logs its replies, as its audit asks
                acct["logged"] = _registry(ctx)[acct["principal"]] = True
            people = user_ids(rng, *users)
            for t in ctx.window_times(acct["tz"], rng.uniform(*per_day), hours=(7, 23), outside=0.2, weekend=0.45):
                J.run_all(ctx, acct, t, api, model, "build", *sweep(), gap=gap, template=rng.randrange(4),
                          as_json=True, temperature=0.0, system=prompt, s=s, user=rng.choice(people))


FORM_SYS = ("You are {co}'s validation wizard. Write an anchored Python regex that accepts the field's good values "
            "and refuses the bad ones. JSON only.")
FORM_COS = ("Formwell Builder", "Fieldcraft", "Typeform Studio Pro")


def form_builder(ctx: Ctx, count: int) -> None:
    """Benign: `count` builders, a key for each of 2-3 customer firms, their staff in `user` (member-{n}, 5-20):
    50-110 fields a day, each asked under the 2-5 character classes its user toggles, 2-20 s apart, as JSON (Responses
    gpt-4.1 with text.format or chat gpt-4.1-mini with response_format, by builder)."""
    rng = ctx.rng
    _tool(ctx, count, "form_builder", FORM_SYS, FORM_COS, ("member-{n}", 9000, 5, 20), (50, 110),
          lambda: J.classes_of(rng, rng.randint(2, 5)), (2, 20))


SCHEMA_SYS = ("You are {co}'s column assistant. Write an anchored Python regex for the column's values at the width "
              "shown. JSON only.")
SCHEMA_COS = ("Tablewright", "Columnar Cloud", "Keystone Schema")


def schema_tool(ctx: Ctx, count: int) -> None:
    """Benign: `count` tools, a key for each of 2-3 data teams, the engineers in `user` (end-user-{n}, 1,000-10,000):
    40-90 columns a day, each written at 4-8 widths from one up, 3-30 s apart, as JSON (Responses gpt-4.1 or chat
    gpt-4.1-mini, by tool)."""
    rng = ctx.rng
    _tool(ctx, count, "schema_tool", SCHEMA_SYS, SCHEMA_COS, ("end-user-{n}", 40000, 1000, 10000), (40, 90),
          lambda: J.counts_of(rng, rng.randint(4, 8)), (3, 30))


SYNC_SYS = ("You re-derive {co}'s column validation rules: write an anchored Python regex that accepts the column's "
            "good values and refuses the bad ones given. JSON only.")
SYNC_COS = ("Cleanrow", "Intake Systems", "Ledgerline Data")
CHAT_SYS = ("You are {co}'s validation assistant. Users bring strings that should or should not pass, a pattern to "
            "test or one to fix; answer with the pattern, say what each part does and explain it simply. Users may "
            "write in their own language.")


def rule_sync(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each (the first logging its replies, as its audit asks). Every night at local
    2h the day's 80-160 columns each have their rule re-derived against 3-6 kinds of bad value (of the eight, in
    order, the good values kept) as JSON back to back (chat gpt-4.1-mini, temperature 0); by day (local 8-18h) staff
    (member-{n}, 2-6) ask 20-50 patterns, fixes and match tables of their own on Anthropic claude-sonnet-4-5 with the
    prompt cached, and the validation agent (personas_v34.desk_agent over corpus_v43_jobs.rule_episode) saves 10-30
    rules for them. The service's help chat has a key of its own (personas_v35_more.helpdesk): users (end-user-{n},
    2,000-20,000, a fifth writing in a v43 language) bring a pattern of their own in 40-100 conversations a day at
    local 8-23h."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "rule_sync", logged=True if i == 0 else None)  # the first logs its replies
        co = SYNC_COS[i % len(SYNC_COS)]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((2 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(80, 160)):
                t = J.run_all(ctx, acct, t, CHAT, "gpt-4.1-mini", "build", *J.picked(rng, J.kinds_of(rng), 3, 6),
                              gap=(0.5, 2), as_json=True, temperature=0.0, system=SYNC_SYS.format(co=co))
        staff, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", C.seed(rng, rng.choice(("build", "fix", "test"))),
                       phrasing=rng.randrange(3), system=SYNC_SYS.format(co=co), s=s, user=rng.choice(staff))
        desk_agent(ctx, acct, J.rule_episode, co, staff)
        M35.helpdesk(ctx, 1, "rule_sync", CHAT_SYS, (co,), "build", ("end-user-{n}", 40000, 2000, 20000), (8, 23), C)


LAB_SYS = "You are helping a research group study how language models write and explain regular expressions."


def regex_lab(ctx: Ctx, count: int) -> None:
    """Benign: `count` groups, a key for each of 2-3 studies, researchers in `user` (member-{n}, 3-8; 15% writing in a
    v43 language): 30-70 requests a day at local 9-19h (outside x0.1, weekends x0.2): 45% a build or fix item with one
    of C.WHY_ASKS (Anthropic claude-sonnet-4-5 with a thinking budget of 4,096 or Responses o4-mini at medium effort,
    by group); 30% a records item at the three sweep temperatures 5-60 s apart (chat gpt-4.1); 25% five sets of
    practice problems at once with logprobs (chat gpt-4.1, temperature 1.0)."""
    study_group(ctx, count, "regex_lab", LAB_SYS, C, J.item_run, ("build", "fix"), "records", S.problem_list)


BENIGN_V43 = {"form_builder": (form_builder, 2),
              "rule_sync": (rule_sync, 2),
              "schema_tool": (schema_tool, 2),
              "regex_lab": (regex_lab, 2),
              **PERSONAS_B}
