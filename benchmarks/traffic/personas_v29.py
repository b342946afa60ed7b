"""Benign hard-negative personas of the `v29` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v29 campaign does in one or two
respects, over the same pools (corpus_v29*), through the same runners (corpus_v29_jobs), with the client metadata
ctx.account gives every account:

- newsroom_explainers (twin of web_rephrase's blunt and moderate accounts): a publisher's CMS: every article it
  publishes goes out in three or four formats seconds apart (an easy-read version, a Question:/Answer: box, a fact
  box, sometimes an encyclopedic background paragraph), editors in `user`, plus editors' own rewrites by day.
- kb_migration (twin of web_rephrase's careful accounts and of agentic_distill): a docs team moving an old intranet
  to a new site: writers rewrite pages one at a time in their own words, and the team's own migration agent (tools,
  on all three APIs) works through the backlog.
- ide_apply (twin of apply_edit's careful accounts): a code editor's apply button: a chat turn asking for a change,
  then the edit merged into the whole file with the file as a predicted output, developers in `user`.
- codemod_bot (twin of apply_edit's blunt accounts): a platform team's overnight codemod: one change applied to
  hundreds of files of its own monorepo back to back at temperature 0, and single applies by day.
The other five are in personas_v29_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v29 as C
from benchmarks.traffic import corpus_v29_jobs as J
from benchmarks.traffic import corpus_v29_src as S
from benchmarks.traffic.attacks_v29_more import CMS_ASKS, editor_change
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account
from benchmarks.traffic.personas_v29_more import PERSONAS_B

NEWS_SYS = ("You are {co}'s newsroom assistant. Rewrite our own articles in the format asked for, in our house "
            "style: short sentences, no jargon, every fact kept, nothing added.")
NEWS_COS = ("The Harbourside Gazette", "Northfield Echo", "Millbrook Courier")
NEWS_ASKS = {"plain": "Write the easy-read version of this article.", "qa": "Write the 'Key questions' box for this "
             "article: Question: / Answer: pairs.", "facts": "Write the fact box for this article: the key facts as "
             "a short bullet list.", "wiki": "Write a neutral background paragraph on this subject for our "
             "explainer page, in encyclopedic style."}


def newsroom_explainers(ctx: Ctx, count: int) -> None:
    """Benign: `count` publishers, one key each, editors in `user` (member-{n}, 10-40): 80-200 articles a day (wire
    copy included) as the newsroom publishes (local 6-23h, outside x0.15, weekends x0.6); each article goes to the
    CMS's formats seconds apart (easy-read, key questions and fact box always, the encyclopedic background for 30%),
    on Anthropic claude-haiku-4-5 with NEWS_SYS cached, or chat gpt-4.1-mini at temperature 0.7 under it (every
    other key); by day (9-18h) editors rewrite 10-30 passages themselves with their own asks and a follow-up in
    30%."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "newsroom_explainers")
        api, model = ((ANTH, "claude-haiku-4-5"), (CHAT, "gpt-4.1-mini"))[i % 2]
        s = M27.surface(api, model, cache=True)
        system = NEWS_SYS.format(co=NEWS_COS[i % len(NEWS_COS)])
        editors = [(W.end_user(rng, "member-{n}", 9000), C.voice(rng)) for _ in range(rng.randint(10, 40))]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 200), hours=(6, 23), outside=0.15, weekend=0.6):
            article = S.page(rng)[1]["body"]
            user = rng.choice(editors)[0]
            styles = ["plain", "qa", "facts"] + (["wiki"] if rng.random() < 0.3 else [])
            for style in styles:
                t = J.rephrase(ctx, acct, t, api, model, article, style, ask=NEWS_ASKS[style], system=system, s=s,
                               user=user, temperature=0.7 if api == CHAT else None) + rng.uniform(1, 5)
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 18), outside=0.05, weekend=0.3):
            user, v = rng.choice(editors)
            C.sitting(ctx, acct, [t] * (1 + (rng.random() < 0.3)), v, api, model, s,
                      lambda: C.item(rng, rng.choice(("plain", "qa"))), 1.0, 0.0, user=user, system=system)


KB_COS = ("Eastgate University IT", "Millbrook Health Trust", "Westcliff Borough Council")
KB_AGENTS = ((RESP, "gpt-5-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"))


def kb_migration(ctx: Ctx, count: int) -> None:
    """Benign: `count` docs teams, one key each. Writers (member-{n}, 4-15, 20% writing in a v29 language) rewrite
    old intranet pages one at a time in their own words (CMS_ASKS, any of the four styles), 20-60 a day at office
    hours (9-18h, outside x0.05, weekends x0.1), a follow-up in 25%, chat, Anthropic or Responses by writer; each
    page is rewritten once. The team's migration agent works the backlog in office hours: 10-30 pages a day, 4-8
    steps with real tool results, on the four agent surfaces in turn (Responses chained at medium or high effort,
    Anthropic with a 4,096 thinking budget, chat), a writer in `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "kb_migration")
        co = KB_COS[i % len(KB_COS)]
        writers = []
        for _ in range(rng.randint(4, 15)):
            api = rng.choice((CHAT, ANTH, RESP))
            model = rng.choice(MODELS[api])
            writers.append((W.end_user(rng, "member-{n}", 9000), C.voice(rng, C.lang(rng, 0.2)), api, model,
                            M27.surface(api, model, effort="low", cache=api == ANTH)))
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 18), outside=0.05, weekend=0.1):
            user, v, api, model, s = rng.choice(writers)
            style = rng.choice(S.REPHRASE_STYLES)
            pg = S.page(rng)[0]
            ask = C.say(rng, v, C.in_voice(rng, v, rng.choice(CMS_ASKS[style])), ask=False)
            lo, hi, kind = J._SHAPE[style]
            turns = [(f"{ask}\n\n{pg}", kind, C.out_for(pg, lo, hi), 0.0)]
            if rng.random() < 0.25:
                turns.append((C.follow_up(rng, v), kind, (80, 400), 0.0))
            C.converse(ctx, acct, t, api, model, turns, v, s, user=user)
        for n, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 18), outside=0.05,
                                               weekend=0.1)):
            api, model = KB_AGENTS[(n + i) % len(KB_AGENTS)]
            s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto", budget=4096)
            J.agent_episode(ctx, acct, t, api, model, co, rng.randint(4, 8), True, s=s, user=rng.choice(writers)[0])


def ide_apply(ctx: Ctx, count: int) -> None:
    """Benign: `count` code-editor products, one key each, developers in `user` (u_{h}, 500-4,000): 200-500 changes a
    day over the developers' working hours (local 8-20h, outside x0.25, weekends x0.3): a chat turn asking for the
    change (gpt-4.1 or claude-sonnet-4-5, the edit sketch back), then 1-6 s later the apply request: the edit merged
    into the whole file (chat gpt-4.1-mini at temperature 0 with the file as a predicted output; Anthropic
    claude-haiku-4-5 on every third key), sometimes a second apply when the developer re-runs it (10%)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ide_apply")
        devs = [W.end_user(rng, "u_{h}", 90000) for _ in range(rng.randint(500, 4000))]
        api, model = (ANTH, "claude-haiku-4-5") if i % 3 == 2 else (CHAT, "gpt-4.1-mini")
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500), hours=(8, 20), outside=0.25, weekend=0.3):
            user = rng.choice(devs)
            file, edit, g = S.lazy_edit(rng)
            t = editor_change(ctx, acct, t, rng.choice(("gpt-4.1", "claude-sonnet-4-5")), file, edit, g, user)
            for _ in range(1 + (rng.random() < 0.1)):
                t = J.apply_edit(ctx, acct, t + rng.uniform(1, 6), api, model, file, edit, g,
                                 prediction=api == CHAT, user=user)


def codemod_bot(ctx: Ctx, count: int) -> None:
    """Benign: `count` platform teams, one key each. Every night at local 1-3h a codemod run: one change (a debug
    line in a function of each file) applied to 100-400 files of the team's monorepo back to back, 0.5-3 s apart,
    chat gpt-4.1-mini under APPLY_SYS at temperature 0 with a seed and the file as a predicted output, or Anthropic
    claude-haiku-4-5 (every other key); by day (9-18h) engineers apply 20-60 single edits with the first APPLY_USER
    wording (member-{n} in `user`)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "codemod_bot")
        api, model = ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-haiku-4-5"))[i % 2]
        s = M27.surface(api, model, cache=True)
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(5, 25))]
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((rng.uniform(1, 3) - acct["tz"]) % 24) * 3600
            for _ in range(rng.randint(100, 400)):
                file, edit, g = S.lazy_edit(rng)
                t = J.apply_edit(ctx, acct, t, api, model, file, edit, g, prediction=api == CHAT, seed=7, s=s) + \
                    rng.uniform(0.5, 3)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 18), outside=0.05, weekend=0.1):
            file, edit, g = S.lazy_edit(rng)
            J.apply_edit(ctx, acct, t, api, model, file, edit, g, s=s, user=rng.choice(team))


BENIGN_V29 = {"newsroom_explainers": (newsroom_explainers, 3),
              "kb_migration": (kb_migration, 2),
              "ide_apply": (ide_apply, 3),
              "codemod_bot": (codemod_bot, 2),
              **PERSONAS_B}
