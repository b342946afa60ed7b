"""Benign hard-negative personas of the `v27` variant: written blind, by an author who did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and their helpers), docs/extraction.md or
the evaluation harness beyond its dataset table; nothing here was tuned against a detector result. The shared
benign population (personas.BENIGN) is kept; these accounts do legitimately what a v27 campaign does in one or two
respects, over the same pools (corpus_v27*), through the same surfaces, with the client metadata ctx.account gives
every account:

- ide_autocomplete (twin of fim_harvest): an IDE product's inline completion: legacy completions with a suffix at
  very high volume, thousands of developers behind one key (in `user`), each walking a file of their own hole by
  hole as they type; one key asks for logprobs to decide whether to show a suggestion.
- alt_text_service (twin of caption_harvest): an accessibility vendor writing alt text (and now and then a long
  description) for the images a publisher puts online, one image after another at a steady high volume, some in the
  publisher's own language.
- research_agent (twin of agentic_distill and of the reasoning chains): a research team's agent on the Responses API
  at high effort with long tool chains on previous_response_id (one key store=false for zero retention), or on
  Anthropic with thinking, and follow-up discussions of the findings.
- support_bot (twin of the cached, thinking-on blunt accounts): a shop's support assistant on Anthropic with the
  long returns policy as a cached system block and a small thinking budget, customers in `user`.
- code_review_bot (twin of fim_harvest's chat accounts): a CI review bot: every pull request's changed files under a
  cached style guide, back to back, in office hours.
The other four are in personas_v27_more.py.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v27 as C
from benchmarks.traffic import corpus_v27_docs as D
from benchmarks.traffic import corpus_v27_more as M
from benchmarks.traffic.attacks_v27_more import REASONERS, caption_request, fim_request, research_episode
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, RESP, account
from benchmarks.traffic.personas_v27_more import PERSONAS_B


def ide_autocomplete(ctx: Ctx, count: int) -> None:
    """Benign: `count` IDE products, one key each, 300-700 typing bursts a day per key over their users' day (local
    7-21h, outside x0.35, weekends x0.35): a developer (300-2,000 per key, in `user`) types through a file of their
    own and each pause sends a fill-in-the-middle completion for the next line (3-12 of them 0.8-6 s apart),
    max_tokens 64 or 128, temperature 0 or 0.2; 80% on the key's model, 20% on the other one (an A/B test); key 0,
    3, ... asks for logprobs 5, key 2, 5, ... for logprobs 1."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "ide_autocomplete")
        pattern = ("u_{h}", "sess_{h}", "end-user-{n}")[i % 3]
        devs = [W.end_user(rng, pattern, 2000000) for _ in range(rng.randint(300, 2000))]
        main, other = M.FIM_MODELS[i % 2], M.FIM_MODELS[1 - i % 2]
        logprobs, temp = (5, None, 1)[i % 3], (0.0, 0.2)[i % 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(7, 21), outside=0.35, weekend=0.35):
            user, hs = rng.choice(devs), D.holes(D.code_file(rng)[0])
            start = rng.randrange(len(hs))
            model = main if rng.random() < 0.8 else other
            for hole in hs[start:start + rng.randint(3, 12)]:
                fim_request(ctx, acct, t, model, hole, rng.choice((64, 128)), temp, logprobs=logprobs, user=user)
                t += rng.uniform(0.8, 6)


ALT_SYS = ("You write alt text for {co}'s images, following WCAG: say what matters for the article, lead with the "
           "subject, no 'image of', under 125 characters; for a complex image write a long description instead.")
PUBLISHERS = (("The Harbour Gazette", "media.harbourgazette.com", None), ("Dainik Prabhat", "img.dainikprabhat.in",
              "mai"), ("Northern Ledger", "static.northernledger.co.uk", None), ("Xihlovo Weekly",
              "cdn.xihlovo.co.za", "ts"), ("Manninagh", "media.manninagh.im", "gv"), ("Asom Barta",
              "img.asombarta.in", "as"))


def alt_text_service(ctx: Ctx, count: int) -> None:
    """Benign: `count` publishers served by an accessibility vendor, one key each: 600-1,500 images a day with the
    newsroom's day (local 6-23h, outside x0.4, weekends x0.8), one new image after another from the publisher's CDN
    (15% inline as base64, from the CMS before they reach it; image detail low for alt text and high for a long
    description on every other key): alt text (80%) or a long description (20%), ALT_SYS as a cached system block on
    Anthropic, temperature 0.2; the publishers in the v27 languages ask in their own language for 60% of the images;
    chat gpt-4.1-mini, Anthropic claude-haiku-4-5 or Responses gpt-4.1 by key."""
    rng = ctx.rng
    for i in range(count):
        co, host, lg = PUBLISHERS[i % len(PUBLISHERS)]
        acct = account(ctx, "benign", "alt_text_service")
        api, model = ((CHAT, "gpt-4.1-mini"), (ANTH, "claude-haiku-4-5"), (RESP, "gpt-4.1"))[i % 3]
        s = M.surface(api, model, cache=True)
        system = ALT_SYS.format(co=co)
        for t in ctx.window_times(acct["tz"], rng.uniform(600, 1500), hours=(6, 23), outside=0.4, weekend=0.8):
            url, scene = D.photo(rng, host=host)
            style = "alt" if rng.random() < 0.8 else "detailed"
            detail = ("low" if style == "alt" else "high") if i % 2 == 0 else None
            part = M.image_part(api, stub=D.b64_stub(rng)) if rng.random() < 0.15 else \
                M.image_part(api, url, detail=detail)
            ask = D.CAPTION_STYLES[style]
            if lg and rng.random() < 0.6:
                ask = rng.choice(C.WRAP[lg]).format(x=ask)
            caption_request(ctx, acct, t, api, model, part, scene, style, ask=ask, system=system, s=s,
                            temperature=0.2, max_tokens=300 if style == "alt" else 800)


DISCUSS = ("Which of those sources would you trust most, and why?", "Redo the estimate with the more conservative "
           "assumption.", "What would change your conclusion?", "Turn the findings into five bullet points for the "
           "team.", "Is there a counter-argument we missed?")


def research_agent(ctx: Ctx, count: int) -> None:
    """Benign: `count` research teams, one key each, researchers in `user` (member-{n}): 10-30 agent episodes a day
    at office hours (8-20h, outside x0.15, weekends x0.2), 8-20 steps with realistic tool results, on the Responses
    API (o4-mini or gpt-5-mini at effort high, summary auto or detailed, chained on previous_response_id; a quarter
    of the episodes, the sensitive projects', store=false with the encrypted reasoning handed back and the items
    resent) or on Anthropic with a thinking budget of 8,000 or 16,000 (key 2, 5, ...); after 30% of episodes the
    researcher discusses the findings for 2-5 turns, each after reading, at the same effort."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "research_agent")
        api = (RESP, RESP, ANTH)[i % 3]
        model = REASONERS[i % 2] if api == RESP else M.THINKING_MODELS[i % 2]
        s = M.surface(api, model, effort="high", summary=("auto", "detailed")[i % 2], budget=(8000, 16000)[i % 2])
        zdr = M.surface(api, model, effort="high", summary=("auto", "detailed")[i % 2], store=False)
        team = [W.end_user(rng, "member-{n}", 9000) for _ in range(rng.randint(3, 20))]
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(8, 20), outside=0.15, weekend=0.2):
            user, v = rng.choice(team), C.voice(rng)
            t = research_episode(ctx, acct, t, api, model, M.research_task(rng), rng.randint(8, 20), True,
                                 zdr if api == RESP and rng.random() < 0.25 else s, user)
            if rng.random() < 0.3:
                turns = [(C.in_voice(rng, v, rng.choice(DISCUSS)), "research", (300, 1200), 0.0)
                         for _ in range(rng.randint(2, 5))]
                C.converse(ctx, acct, t + rng.uniform(60, 600), api, model, turns, v, s, user=user, max_tokens=16000)


SUPPORT_SYS = ("You are {co}'s customer support assistant. Follow the policy below exactly; think it through before "
               "you answer, then reply to the customer.\n\n{policy}")
SUPPORT_COS = ("Kettle & Co", "Larchwood Home", "Brightcart", "Tidy Nest")
CUSTOMER = ("ok thanks", "I already sent a photo", "how long will the refund take?", "can I get an exchange "
            "instead?", "that's not good enough, I want a refund", "the order number is in my first message",
            "will I get the shipping back too?")


def support_bot(ctx: Ctx, count: int) -> None:
    """Benign: `count` shops, one key each: their customers' conversations (250-700 a day, local 7-23h, outside
    x0.3, weekends x0.9), 1-4 turns each, the customer's next message after reading the reply; Anthropic
    (claude-sonnet-4-5 or claude-haiku-4-5 by shop) with SUPPORT_SYS and the whole returns policy as a cached system
    block and a thinking budget of 1,024-3,000; the customer (a v27 language for 8%) in `user`."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "support_bot")
        model = M.THINKING_MODELS[i % 2]
        s = M.surface(ANTH, model, budget=rng.choice((1024, 2048, 3000)), cache=True)
        system = SUPPORT_SYS.format(co=SUPPORT_COS[i % len(SUPPORT_COS)], policy=D.POLICY.format(ver=f"{i + 3}.1"))
        pattern = ("end-user-{n}", "sess_{h}")[i % 2]
        for t in ctx.window_times(acct["tz"], rng.uniform(250, 700), hours=(7, 23), outside=0.3, weekend=0.9):
            text, _ = D.ticket(rng)
            v = C.voice(rng, C.lang(rng, 0.08))
            opener = C.say(rng, v, text, ask=False) if C.native(v) else C.in_voice(rng, v, text)
            turns = [(opener, "support27", (60, 260), 0.0)]
            turns += [(C.in_voice(rng, v, rng.choice(CUSTOMER)), "support27", (40, 200), 0.0)
                      for _ in range(rng.choice((0, 0, 1, 1, 2, 3)))]
            C.converse(ctx, acct, t, ANTH, model, turns, v, s, system=system,
                       user=W.end_user(rng, pattern, 400000))


REVIEW_COS = ("Ledgerline", "Tidepool", "Kestrel Data", "Mossgrove")
_ADDED = {"Python": "log.debug(\"{f} called\")", "TypeScript": "console.debug(\"{f} called\");",
          "Go": "log.Printf(\"{f} called\")", "Rust": "log::debug!(\"{f} called\");"}


def diff(rng, text: str, gold: dict) -> str:
    """A unified diff adding one line after a line of the file, with three lines of context either side."""
    lines = text.split("\n")
    i = rng.randrange(4, len(lines) - 1)
    indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
    added = indent + _ADDED[gold["lang"]].replace("{f}", gold["names"][0])
    lo, hi = max(0, i - 3), min(len(lines), i + 4)
    body = [" " + x for x in lines[lo:i + 1]] + ["+" + added] + [" " + x for x in lines[i + 1:hi]]
    return "\n".join([f"--- a/{gold['path']}", f"+++ b/{gold['path']}", f"@@ -{lo + 1},{hi - lo} +{lo + 1},"
                      f"{hi - lo + 1} @@"] + body)


def code_review_bot(ctx: Ctx, count: int) -> None:
    """Benign: `count` repositories' CI bots, one key each: 100-400 pull requests a day at office hours (8-20h,
    outside x0.15, weekends x0.15), each with 1-4 changed files reviewed one after another 2-15 s apart under
    REVIEW_SYS (the style guide cached on Anthropic): Anthropic claude-sonnet-4-5, chat gpt-4.1 (temperature 0) or
    Responses o4-mini at medium effort, by key."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "code_review_bot")
        api, model = ((ANTH, "claude-sonnet-4-5"), (CHAT, "gpt-4.1"), (RESP, "o4-mini"))[i % 3]
        s = M.surface(api, model, effort="medium", cache=True)
        system = M.REVIEW_SYS.format(co=REVIEW_COS[i % len(REVIEW_COS)], guide=M.GUIDE)
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 400), hours=(8, 20), outside=0.15, weekend=0.15):
            for _ in range(rng.randint(1, 4)):
                text, gold = D.code_file(rng)
                x = f"Review this change to {gold['path']}:\n\n```diff\n{diff(rng, text, gold)}\n```"
                t = C.converse(ctx, acct, t, api, model, [(x, "review27", (60, 400), 0.0)], None, s, system=system,
                               temperature=0, max_tokens=1500) + rng.uniform(2, 15)


BENIGN_V27 = {"ide_autocomplete": (ide_autocomplete, 3),
              "alt_text_service": (alt_text_service, 3),
              "research_agent": (research_agent, 4),
              "support_bot": (support_bot, 3),
              "code_review_bot": (code_review_bot, 3),
              **PERSONAS_B}
