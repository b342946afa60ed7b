"""Attack campaigns of `variant="v29"`, continued (attacks_v29.py has the others and the shared notes); written
blind in the same way: nothing here was tuned against a detector result. Campaign ids start "v29-".

- paraphrased: 60 accounts; each item's five versions (three English phrasings and the item wrapped in two v29
  languages) go to five different accounts hours apart.
- agentic_distill: 10 accounts with the teacher as a docs-migration agent (fetch an old page, score its readability,
  rewrite it, save a draft): trajectories of rewriting with tools.
- web_rephrase (new): the operator's web crawl rephrased for a student's pretraining mix, in the four styles of the
  public rephrasing recipes (corpus_v29_src.REPHRASE: encyclopedic prose, Question:/Answer: dialogue, a fact list,
  plain language), each page as the crawler kept it (menus, cookie banners, footers). The blunt scripts send every
  page in all four styles seconds apart around the clock; the moderate ones two styles per page under a cached
  system prompt; the careful accounts look like a content team's members rewriting pages for a site, one page and
  one style at a time in their own words, and each page's four styles go to four different accounts hours apart.
- apply_edit (new): the training set of a small "fast apply" model: scraped source files with a synthetic lazy edit
  (the changed lines between '... existing code ...' comments), merged by the teacher into the whole updated file.
  The blunt scripts send three edits of each file back to back at temperature 0 with the file as a predicted output;
  the careful accounts look like a code editor's users: a chat turn asking for the change, then the apply request
  seconds later, developers in `user`, office hours, each file's three edits on three different accounts.
- transcript_cleanup (new): the training set of a transcript post-editor: raw speech-recognition output (no
  punctuation, fillers, mishearings) cleaned segment by segment, each segment after the one before came back. The
  blunt scripts run recordings back to back around the clock; the careful accounts look like a meeting recorder's
  back end (users in `user`, recordings in the users' daytime), and each recording goes to two accounts, hours apart,
  once in each of two clean-up wordings.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27_more as M27
from benchmarks.traffic import corpus_v29 as C
from benchmarks.traffic import corpus_v29_jobs as J
from benchmarks.traffic import corpus_v29_src as S
from benchmarks.traffic.attacks_v13 import deal_items
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account

REASONERS = ("o4-mini", "gpt-5-mini")
AGENT_COS = ("Harbourside Council", "Northfield Housing", "Wren Museum Trust", "Fibrelink")


# ---- paraphrased ----
def paraphrased(ctx: Ctx, variant: str) -> None:
    """Accounts 0-14 (moderate): 4-10 single-request sessions a day (weekends x0.6), Responses o4-mini at reasoning
    effort high, the version plus 'Explain each change.'. Accounts 15-59 (careful): 2-9 a day in sessions of 1-4
    (weekends x0.5), a voice each (25% in the v29 languages), Anthropic with a thinking budget of 2,048-8,000,
    Responses at medium effort or chat, 30% everyday sessions, follow-ups timed by reading. Each item's five
    versions go to five different accounts 2-30 hours apart."""
    rng = ctx.rng
    slots = []
    for k in range(60):
        acct = account(ctx, "attack", "paraphrased", "v29-paraphrased")
        careful = k >= 15
        v = C.voice(rng, C.lang(rng, 0.25) if careful else "en")
        api = rng.choices((CHAT, ANTH, RESP), (40, 35, 25))[0] if careful else RESP
        model = rng.choice(MODELS[api]) if careful else "o4-mini"
        s = M27.surface(api, model, effort="medium" if careful else "high", summary="auto",
                        budget=rng.choice((2048, 4096, 8000)))
        for sess in C.human_sessions(ctx, acct, rng.uniform(2, 9) if careful else rng.uniform(4, 10),
                                     (1, 4) if careful else (1, 1), weekend_rate=0.5 if careful else 0.6):
            slots.append((sess[0], acct, len(sess), careful, v, api, model, s))
    n = [0]

    def versions() -> list[tuple[str, str]]:
        sd = C.seed(rng, C.CAPS[n[0] % 4])
        n[0] += 1
        lgs = rng.sample(C.LANGS[1:], 2)
        texts = [C.text(sd, j) for j in range(3)] + [rng.choice(C.WRAP[lg]).format(x=C.text(sd, 0)) for lg in lgs]
        return [(x, sd[0]) for x in rng.sample(texts, 5)]

    for (t, acct, turns, careful, v, api, model, s), texts, j in deal_items(rng, slots, versions, 5,
                                                                            (2 * 3600, 30 * 3600)):
        x, style = texts[j]
        if not careful:
            C.converse(ctx, acct, t, api, model, [(x + "\n\nExplain each change.", "explain", C.out_for(x, 1.2, 2.0),
                                                   0.0)], None, s, max_tokens=25000)
        elif rng.random() < 0.3:
            C.everyday_talk(ctx, acct, t, turns, v, api, model, s)
        else:
            C.talk(ctx, acct, t, turns, api, model, C.say(rng, v, x), style, partial(C.follow_up, rng, v), s,
                   out_range=C.out_for(x), v=v)


# ---- agentic_distill: the teacher as a docs-migration agent ----
def agentic_distill(ctx: Ctx, variant: str) -> None:
    """Accounts 0-2 (blunt): chat gpt-4.1, stub tool results, 15-25 pages a day around the clock, 5-7 steps.
    Accounts 3-9 (careful): working hours (local 8-19h, outside x0.1, weekends x0.3), 8-20 pages a day, 4-9 steps,
    realistic results: Responses o4-mini or gpt-5-mini at medium or high effort with an auto summary, chained on
    previous_response_id, or Anthropic with a thinking budget of 4,096-10,000; some name team members in `user`."""
    rng = ctx.rng
    for i in range(10):
        acct = account(ctx, "attack", "agentic_distill", "v29-agentic")
        co = rng.choice(AGENT_COS)
        if i < 3:
            for t in ctx.steady_times(rng.uniform(15, 25), jitter=0.5):
                J.agent_episode(ctx, acct, t, CHAT, "gpt-4.1", co, rng.randint(5, 7), False)
            continue
        api = (RESP, ANTH)[i % 2]
        model = rng.choice(REASONERS) if api == RESP else rng.choice(M27.THINKING_MODELS)
        s = M27.surface(api, model, effort=rng.choice(("medium", "high")), summary="auto",
                        budget=rng.choice((4096, 6000, 10000)))
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(2, 6))] if i % 3 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 20), hours=(8, 19), outside=0.1, weekend=0.3):
            J.agent_episode(ctx, acct, t, api, model, co, rng.randint(4, 9), True, s=s, user=rng.choice(team))


# ---- web_rephrase ----
CMS_ASKS = {"wiki": ("Can you rewrite this page so it reads like an encyclopedia entry? Drop the menus and footer.",
                     "rewrite this in a neutral, encyclopedic tone for our reference section pls"),
            "qa": ("Could you turn this page into a Question: / Answer: format for our help centre?",
                   "turn this into questions and answers (Question: ... Answer: ...) pls"),
            "facts": ("Can you pull the key facts out of this page as a short bullet list?",
                      "just the facts from this page as bullets pls, skip the menu stuff"),
            "plain": ("Could you rewrite this page in plain language for our easy-read section?",
                      "plain language version of this page pls, same facts")}


def web_rephrase(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under REPHRASE_SYS, temperature 0.7, each crawled page in all four
    REPHRASE styles 2-8 s apart, 900-1,300 requests a day around the clock. Accounts 2-5 (moderate): Anthropic
    claude-haiku-4-5 with REPHRASE_SYS cached or Responses gpt-4.1, two styles per page a minute apart, 150-300 a day
    at local 6-24h (outside x0.3). Accounts 6-35 (careful): content-team members, 8-20 requests a day at office hours
    (9-18h, outside x0.1, weekends x0.2), one page and one style per request in the member's words (CMS_ASKS, in
    voice, 15% in a v29 language), a follow-up in 20%, editors in `user` (member-{n}) on half the accounts, 20%
    everyday conversations; each page's four styles go to four different accounts 2-30 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "web_rephrase", "v29-rephrase")
        per_day = rng.uniform(900, 1300) / 4
        for t in ctx.steady_times(per_day, jitter=0.6):
            pg = S.page(rng)[0]
            for style in S.REPHRASE_STYLES:
                t = J.rephrase(ctx, acct, t, CHAT, "gpt-4.1-mini", pg, style, system=S.REPHRASE_SYS,
                               temperature=0.7) + rng.uniform(2, 8)
    for k in range(4):
        acct = account(ctx, "attack", "web_rephrase", "v29-rephrase")
        api, model = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-4.1"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 2, hours=(6, 24), outside=0.3):
            pg = S.page(rng)[0]
            for style in rng.sample(S.REPHRASE_STYLES, 2):
                t = J.rephrase(ctx, acct, t, api, model, pg, style, system=S.REPHRASE_SYS, s=s) + rng.uniform(30, 90)
    slots = []
    for k in range(30):
        acct = account(ctx, "attack", "web_rephrase", "v29-rephrase")
        v = C.voice(rng, C.lang(rng, 0.15))
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model = rng.choice(MODELS[api])
        s = M27.surface(api, model, effort="low", cache=api == ANTH)
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 12))] if k % 2 else [None]
        for t in ctx.window_times(acct["tz"], rng.uniform(8, 20), hours=(9, 18), outside=0.1, weekend=0.2):
            slots.append((t, acct, (v, api, model, s, team)))

    def styled() -> list[tuple[str, str]]:
        pg = S.page(rng)[0]
        return [(pg, st) for st in rng.sample(S.REPHRASE_STYLES, 4)]

    for (t, acct, (v, api, model, s, team)), pages, j in deal_items(rng, slots, styled, 4, (2 * 3600, 30 * 3600)):
        user = rng.choice(team)
        if rng.random() < 0.2:
            C.everyday_talk(ctx, acct, t, 1 + (rng.random() < 0.3), v, api, model, s, user=user)
            continue
        pg, style = pages[j]
        ask = C.say(rng, v, C.in_voice(rng, v, rng.choice(CMS_ASKS[style])), ask=False)
        lo, hi, kind = J._SHAPE[style]
        turns = [(f"{ask}\n\n{pg}", kind, C.out_for(pg, lo, hi), 0.0)]
        if rng.random() < 0.2:
            turns.append((C.follow_up(rng, v), kind, (80, 400), 0.0))
        C.converse(ctx, acct, t, api, model, turns, v, s, user=user)


# ---- apply_edit ----
def apply_edit(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under APPLY_SYS, temperature 0, the original file as a predicted
    output, three edits of each scraped file back to back 1-3 s apart, 800-1,200 a day around the clock. Accounts
    2-5 (moderate): Anthropic claude-haiku-4-5 with APPLY_SYS cached or Responses gpt-4.1, the second APPLY_USER
    wording, 150-300 a day at local 7-23h (outside x0.2). Accounts 6-29 (careful): a code editor's users (u_{h}, 20-150
    a key): 10-30 changes a day at office hours (9-19h, outside x0.1, weekends x0.2), each a chat turn asking for the
    change in words (the editor's chat model answers with the edit sketch), then 2-10 s later the apply request
    (chat gpt-4.1-mini with a predicted output on half the keys, Anthropic claude-haiku-4-5 on the others); each
    scraped file's three edits go to three different accounts 1-20 hours apart."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "apply_edit", "v29-apply")
        for t in ctx.steady_times(rng.uniform(800, 1200) / 3, jitter=0.6):
            doc = S.D.code_file(rng)
            for _ in range(3):
                file, edit, g = S.lazy_edit(rng, doc)
                t = J.apply_edit(ctx, acct, t, CHAT, "gpt-4.1-mini", file, edit, g, prediction=True) + \
                    rng.uniform(1, 3)
    for k in range(4):
        acct = account(ctx, "attack", "apply_edit", "v29-apply")
        api, model = ((ANTH, "claude-haiku-4-5"), (RESP, "gpt-4.1"))[k % 2]
        s = M27.surface(api, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300), hours=(7, 23), outside=0.2):
            file, edit, g = S.lazy_edit(rng)
            J.apply_edit(ctx, acct, t, api, model, file, edit, g, template=1, s=s)
    slots = []
    for k in range(24):
        acct = account(ctx, "attack", "apply_edit", "v29-apply")
        devs = [W.end_user(rng, "u_{h}", 90000) for _ in range(rng.randint(20, 150))]
        chat_model = rng.choice(("gpt-4.1", "claude-sonnet-4-5"))
        applier = (CHAT, "gpt-4.1-mini") if k % 2 else (ANTH, "claude-haiku-4-5")
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 19), outside=0.1, weekend=0.2):
            slots.append((t, acct, (devs, chat_model, applier, bool(k % 2))))

    def edits() -> list[tuple]:
        doc = S.D.code_file(rng)
        return [S.lazy_edit(rng, doc) for _ in range(3)]

    for (t, acct, (devs, chat_model, (api, model), pred)), three, j in deal_items(rng, slots, edits, 3,
                                                                                 (3600, 20 * 3600)):
        file, edit, g = three[j]
        t = editor_change(ctx, acct, t, chat_model, file, edit, g, rng.choice(devs))
        J.apply_edit(ctx, acct, t + rng.uniform(2, 10), api, model, file, edit, g, prediction=pred,
                     user=rng.choice(devs))


EDITOR_SYS = ("You are a coding assistant inside a code editor. Answer with the edit only, as a sketch of the changed "
              "lines.")
EDITOR_ASKS = ("{change}", "can you {change}?", "please {change} - keep everything else as is")


def editor_change(ctx: Ctx, acct: dict, t: float, model: str, file: str, edit: str, g: dict, user: str | None) -> float:
    """A code editor's chat turn: the open file and the developer's ask; the reply is the edit sketch. Returns when
    it came back (shared with personas_v29.ide_apply)."""
    rng = ctx.rng
    api = ANTH if model.startswith("claude") else CHAT
    change = rng.choice(C._CHANGES).format(f=g["f"])
    x = f"{g['path']}:\n{file}\n\n{rng.choice(EDITOR_ASKS).format(change=change)}"
    return J.send(ctx, acct, t, api, model, EDITOR_SYS, x, C.tokens(rng, edit), edit, user=user,
                  **J.params(api, temperature=0.2))


# ---- transcript_cleanup ----
def transcript_cleanup(ctx: Ctx, variant: str) -> None:
    """Accounts 0-1 (blunt): chat gpt-4.1-mini under CLEAN_SYS, temperature 0, recordings of 10-40 segments back to
    back (the next segment 0.5-2 s after each came back, the previous clean segment resent), 600-900 segments a day
    around the clock. Accounts 2-5 (moderate): Anthropic claude-sonnet-4-5 or claude-haiku-4-5 with CLEAN_SYS cached,
    150-300 segments a day at local 6-24h (outside x0.3), segments 1-5 s apart. Accounts 6-25 (careful): a meeting
    recorder's back end (users in `user`, sess_{h}), 3-10 recordings a day in the users' daytime (8-20h, outside
    x0.15, weekends x0.3), 4-12 segments each, 2-15 s apart, chat, Anthropic or Responses; each recording goes to two
    different accounts 1-12 hours apart, one with CLEAN_SYS and one with the first CLEAN item wording."""
    rng = ctx.rng
    for _ in range(2):
        acct = account(ctx, "attack", "transcript_cleanup", "v29-transcript")
        for t in ctx.steady_times(rng.uniform(600, 900) / 25, jitter=0.6):
            J.clean_up(ctx, acct, t, CHAT, "gpt-4.1-mini", S.recording(rng, rng.randint(10, 40)), template=1,
                       gap=(0.5, 2))
    for k in range(4):
        acct = account(ctx, "attack", "transcript_cleanup", "v29-transcript")
        model = ("claude-sonnet-4-5", "claude-haiku-4-5")[k % 2]
        s = M27.surface(ANTH, model, cache=True)
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 300) / 10, hours=(6, 24), outside=0.3):
            J.clean_up(ctx, acct, t, ANTH, model, S.recording(rng, rng.randint(6, 14)), template=0, s=s, gap=(1, 5))
    slots = []
    for _ in range(20):
        acct = account(ctx, "attack", "transcript_cleanup", "v29-transcript")
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model = rng.choice(MODELS[api] if api != RESP else ("gpt-4.1", "gpt-5-mini"))
        s = M27.surface(api, model, effort="low", cache=api == ANTH)
        users = [W.end_user(rng, "sess_{h}", 200000) for _ in range(rng.randint(30, 300))]
        for t in ctx.window_times(acct["tz"], rng.uniform(3, 10), hours=(8, 20), outside=0.15, weekend=0.3):
            slots.append((t, acct, (api, model, s, users)))

    def rec() -> list:
        return S.recording(rng, rng.randint(4, 12))

    for (t, acct, (api, model, s, users)), segs, j in deal_items(rng, slots, rec, 2, (3600, 12 * 3600)):
        user = rng.choice(users)
        if j == 0:
            J.clean_up(ctx, acct, t, api, model, segs, s=s, user=user, gap=(2, 15), temperature=None)
            continue
        for raw, g in segs:
            x = C.CLEAN[0][0].format(t=raw)
            t = J.send(ctx, acct, t, api, model, None, x, C.tokens(rng, g["clean"]), g["clean"], s=s,
                       user=user) + rng.uniform(2, 15)


MORE_ATTACKS: tuple[Callable[[Ctx, str], None], ...] = (paraphrased, agentic_distill, web_rephrase, apply_edit,
                                                       transcript_cleanup)
