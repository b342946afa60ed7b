"""Benign hard-negative personas of the `v34` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction*.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts send, for their own reasons, what a v34 campaign sends -
articles to summarise at several lengths, outlines to expand section by section, passages to rewrite into
registers, articles for headlines - over the same sources (corpus_v34_src), through the same runners
(corpus_v34_jobs), with the client metadata ctx.account gives every account.

- summary_desk (twin of summary_ladder's blunt and moderate accounts and of agentic_distill): a newsroom's summary
  desk writing each story's one-liner, abstract and bullets for web, app and newsletter back to back, and its
  editorial agent summarising articles with tools.
- newsletter (twin of the mixed_into_chat nightly jobs and of summary_ladder's moderate accounts): a newsletter
  service whose nightly digests summarise each subscriber topic's articles in a line and in bullets as JSON.
- publisher (twin of outline_expand's moderate and careful accounts and of the careful cot_harvester): a publishing
  house's editors expanding authors' outlines chapter section by chapter section, and asking why a draft reads as it
  does.
- content_agency (twin of outline_expand's blunt accounts and of the sampling accounts): a content-marketing agency
  expanding its clients' blog outlines at volume, trying headlines at three temperatures minutes apart and five at
  once with logprobs.
The other four are in personas_v34_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v34 as C
from benchmarks.traffic import corpus_v34_jobs as J
from benchmarks.traffic import corpus_v34_src as S
from benchmarks.traffic.attacks_v31 import SWEEP
from benchmarks.traffic.attacks_v34_more import crowd, user_ids
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v31_more import keyed
from benchmarks.traffic.personas_v34_more import PERSONAS_B

DESK_SYS = ("You are {co}'s summary desk assistant. Summaries use only the story's facts, house style, names and "
            "numbers exact. JSON only.")
DESK_COS = ("Harbour Gazette", "The Vale Courier", "Northbridge Post")


def summary_desk(ctx: Ctx, count: int) -> None:
    """Benign: `count` newsrooms, a key for each of 2-3 sections, sub
    stories a day at local 6-23h (outside x0.2, weekends x0.6), each summarised one-line, abstract and bullets back to
    back 1-3 s apart as JSON (chat gpt-4.1-mini with response_format or Responses gpt-4.1 with text.format, by
    newsroom), a child version for the schools page on a tenth; by day the editorial agent summarises 10-30 articles
    with tools on the three APIs in turn."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 3)):
            acct, api, model, s, system = keyed(ctx, "summary_desk", i, ((CHAT, "gpt-4.1-mini"), (RESP, "gpt-4.1")),
                                                DESK_SYS, DESK_COS)
            subs = user_ids(rng, "member-{n}", 9000, 5, 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(80, 160), hours=(6, 23), outside=0.2, weekend=0.6):
                styles = ("one-line", "abstract", "bullets") + (("child",) if rng.random() < 0.1 else ())
                J.ladder(ctx, acct, t, api, model, S.article(rng), styles, template=rng.randrange(4), as_json=True,
                         temperature=0.0, system=system, s=s, user=rng.choice(subs))
            desk_agent(ctx, acct, J.edit_episode, DESK_COS[i % len(DESK_COS)], subs)


def desk_agent(ctx: Ctx, acct: dict, episode, co: str, users: list[str]) -> None:
    """A desk's agent by day: 10-30 episodes (`episode`: v34's editorial agent, or a later variant's) at local 8-20h
    (outside x0.05, weekends x0.3) on Responses o4-mini, Anthropic claude-sonnet-4-5 and chat gpt-4.1 in turn,
    realistic tool results, a member of `users` in `user` (shared with personas_v35's fact desk)."""
    rng = ctx.rng
    for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(8, 20), outside=0.05, weekend=0.3)):
        api, model = ((RESP, "o4-mini"), (ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"))[k % 3]
        s = M27.surface(api, model, effort="medium", summary="auto", budget=4096, chain=True)
        episode(ctx, acct, t, api, model, co, True, s=s, user=rng.choice(users))


LETTER_SYS = "You write {co}'s daily digests. Use only the article's facts. JSON only: the style and the summary."
LETTER_COS = ("Morning Brief", "The Local Digest", "Fivefold News")


def newsletter(ctx: Ctx, count: int) -> None:
    """Benign: `count` services, one key each. Every night at local 4h the day's 200-400 articles are summarised in a
    line and in bullets as JSON back to back (chat gpt-4.1-mini, temperature 0); by day (local 8-18h) editors
    (member-{n}, 2-6) fix 20-50 summaries on Anthropic claude-sonnet-4-5 with the prompt cached."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "newsletter")
        system = LETTER_SYS.format(co=LETTER_COS[i % len(LETTER_COS)])
        for d in range(int(ctx.days + 0.999)):
            t = ctx.start + d * DAY + ((4 - acct["tz"]) % 24) * 3600 + rng.uniform(0, 1800)
            for _ in range(rng.randint(200, 400)):
                t = J.ladder(ctx, acct, t, CHAT, "gpt-4.1-mini", S.article(rng), ("one-line", "bullets"),
                             gap=(0.5, 2), as_json=True, temperature=0.0, system=system)
        editors, s = user_ids(rng, "member-{n}", 9000, 2, 6), M27.surface(ANTH, "claude-sonnet-4-5", cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(20, 50), hours=(8, 18), outside=0.05, weekend=0.3):
            sd = C.seed(rng, "summary", rng.randrange(4))
            J.item_run(ctx, acct, t, ANTH, "claude-sonnet-4-5", sd, phrasing=rng.randrange(3), system=system, s=s,
                       user=rng.choice(editors))


PUB_SYS = ("You help {co}'s editors turn authors' outlines into draft chapters. Follow the outline's points in order "
           "and keep the author's intent.")
PUB_COS = ("Kingfisher Books", "Larch & Lantern Press", "Meridian Publishing")


def publisher(ctx: Ctx, count: int) -> None:
    """Benign: `count` houses, a key for each of 2-4 imprints, editors in `user` (member-{n}, 3-12; 15% writing in a
    v34 language): 40-90 requests a day at local 9-18h (outside x0.05, weekends x0.2) on Anthropic claude-sonnet-4-5
    with a thinking budget of 4,096 or Responses o4-mini at medium effort (by house): 60% the next section of the
    editor's current outline (in order, a new outline after the fourth), a follow-up in 30%; 30% an expand or restyle
    item with one of C.WHY_ASKS; 10% headlines for a chapter."""
    rng = ctx.rng
    for i in range(count):
        for _ in range(rng.randint(2, 4)):
            acct, api, model, _, system = keyed(ctx, "publisher", i, ((ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini")),
                                                PUB_SYS, PUB_COS)
            s = M27.surface(api, model, effort="medium", summary="auto", budget=4096, cache=True)
            staff, at = crowd(rng, "member-{n}", 9000, 3, 12, 0.15), {}
            for t in ctx.window_times(acct["tz"], rng.uniform(40, 90), hours=(9, 18), outside=0.05, weekend=0.2):
                (user, v), r = rng.choice(staff), rng.random()
                if r < 0.6:
                    out, j = at.get(user) or (S.outline(rng), 0)
                    sd = C.seed(rng, "expand", rng.randrange(4), out, j)
                    at[user] = (out, j + 1) if j < 3 else None
                    C.talk(ctx, acct, t, 1 + (rng.random() < 0.3), api, model, C.say(rng, v, C.text(
                        sd, rng.randrange(3)), ask=False), C.reply_to(rng, sd), v, s, system=system, user=user)
                elif r < 0.9:
                    sd = C.seed(rng, rng.choice(("expand", "restyle")))
                    C.why_talk(ctx, acct, t, rng.randint(1, 2), api, model, C.text(sd, rng.randrange(3)),
                               C.reply_to(rng, sd), v, s, system=system, user=user)
                else:
                    J.item_run(ctx, acct, t, api, model, C.seed(rng, "headline"), system=system, s=s, user=user)


AGENCY_SYS = "You write blog posts for {co}'s clients. Follow the outline given and the client's tone."
AGENCY_COS = ("Brightside Content", "Wordhouse Agency", "Northstar Copy")


def content_agency(ctx: Ctx, count: int) -> None:
    """Benign: `count` agencies, one key each, writers in `user` (member-{n}, 6-25): 120-250 tasks a day at local 8-20h
    (outside x0.1, weekends x0.3) on chat gpt-4.1 under AGENCY_SYS: 60% a client's outline expanded section by
    section back to back 2-6 s apart; 25% headlines for a post at the three sweep temperatures 5-60 s apart; 15% five
    sets of headlines at once with logprobs (temperature 1.0)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "content_agency")
        system, writers = AGENCY_SYS.format(co=AGENCY_COS[i % len(AGENCY_COS)]), user_ids(rng, "member-{n}", 9000, 6,
                                                                                          25)
        for t in ctx.window_times(acct["tz"], rng.uniform(120, 250), hours=(8, 20), outside=0.1, weekend=0.3):
            user, r = rng.choice(writers), rng.random()
            if r < 0.6:
                J.sections(ctx, acct, t, CHAT, "gpt-4.1", S.outline(rng), gap=(2, 6), template=rng.randrange(4),
                           system=system, user=user)
                continue
            sd = C.seed(rng, "headline", rng.randrange(4), None, 3)
            if r < 0.85:
                for temp in SWEEP[CHAT]:
                    t = J.item_run(ctx, acct, t + rng.uniform(5, 60), CHAT, "gpt-4.1", sd, temperature=temp,
                                   system=system, user=user)
            else:
                J.judge(ctx, acct, t, CHAT, "gpt-4.1", C.text(sd), "\n\n---\n\n".join(
                    C.reply_to(rng, C.seed(rng, "headline", sd[1], sd[2]["inst"], 3)) for _ in range(5)),
                        system=system, user=user, n=5, temperature=1.0, logprobs=5, max_tokens=800)


BENIGN_V34 = {"summary_desk": (summary_desk, 2),
              "newsletter": (newsletter, 2),
              "publisher": (publisher, 2),
              "content_agency": (content_agency, 2),
              **PERSONAS_B}
