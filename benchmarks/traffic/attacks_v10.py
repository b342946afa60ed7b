"""Attack campaigns, `variant="v10"`: written blind, by an author who did not read gateway/extraction/,
tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation harness beyond its
dataset table, never ran the detector and tuned nothing against a detector result. Phrasings, templates and
request shapes are new (not those of attacks.py, attacks_fresh.py, attacks_v3.py ... attacks_v9.py); the
capabilities harvested are chess analysis, defensive security-alert triage, research-methods critique (peer
review), fiction line editing with the editor's rationale and speech understanding from audio; the languages
besides English are Latvian, Welsh, Albanian, Azerbaijani, Armenian and Nepali, often code-switched with English.
Client metadata (IP, user agent) always comes from ctx.account. The operator knows the usual detection ideas, so
the reasoning is asked for by a product's answer format, split across accounts (draft, critique, rewrite), asked
in a second turn, or not asked for at all; sampling avoids `n`, identical prompts and seeds.

Scenarios (names as in attacks.py so the tables line up, plus two new attack types; campaign ids start "v10-"):
- cot_harvester: one account dressed as a chess site's "game review" feature: a PGN, the player's rating and
  time control, under a system prompt whose answer format walks every critical moment (what the player probably
  considered, the better move, why); three models A/B tested across chat, Anthropic and Responses; end users in
  `user` drawn Zipf-like from a 20k pool (a few heavy users, a long tail); 25% of reviews get 1-2 follow-ups;
  20% of reviews in lv/cy/sq/az/hy/ne; evening-and-weekend peak (local 16-24h, weekends x1.5), ~1,100 reviews/day.
- hydra: 230 accounts in a three-stage relay over one pool of items (chess, alerts, abstracts): "draft" accounts
  ask for a short answer only (chat), "critique" accounts send the item with a colleague's draft and ask what it
  misses (Anthropic), "final" accounts ask for the rewrite a learner could study (Responses); each item passes
  through the three stages in three different accounts minutes to hours apart, so no account both asks the
  question and asks for the reasoning; accounts live 1-2.5 days, at most 26 requests per UTC day; wording drawn
  per account from a small grammar; 40% non-English (wrapped or code-switched).
- taxonomy: 14 accounts covering research-methods critique (10 fields x 8 designs x 6 flaws x 3 tasks: referee
  report, author a flawed abstract and critique it, judge an authors' rebuttal); each account keeps to two fields
  like a domain reviewer, works in sprints (two days on, one off, local 9-20h) and pads 20% of its traffic with
  ordinary questions.
- sampling: 8 accounts: four fan out one prompt 4-8 times within minutes with surface perturbations (prefixes,
  casing, a typo, a trailing "please") at temperature ~1, so no two prompts are byte-identical; two probe
  counterfactual next tokens with growing `logit_bias` bans, logprobs and 1-3 token outputs; two sweep
  `reasoning.effort` (low, medium, high) on the same prompt on the Responses API.
- mixed_into_chat: 10 product integrations (5 chess-club chat bots with hundreds of members in `user`, 5 SOC
  copilots on Anthropic with analysts in `user`); an insider harvests through the same system prompt and user
  pool, only in their own evening shift (local 19-24h, where it is 60% of the traffic; elsewhere 2%), with 2-3
  turn conversations.
- paraphrased: 120 accounts on one pool of 200 items; each account has a framing of its own ("I'm a junior
  analyst", "my coach said", "reviewing for my supervisor"), an ask style (direct, indirect "what am I missing",
  or answer first then "why?" in a second request), one day of the window off, 1-8 requests a day at local
  7-24h; 40% non-English, half of them code-switched; chat, Anthropic and Responses.
- agentic_distill, audio_distill (new), editorial_distill (new): see attacks_v10_more.py.
"""

from __future__ import annotations

import itertools
import math

from benchmarks.traffic import corpus_v10 as W
from benchmarks.traffic.attacks_v10_more import agentic_distill, audio_distill, editorial_distill
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

NON_EN = W.LANGS[1:]
CHAT, ANTH, RESP = "openai.chat.completions", "anthropic.messages", "openai.responses"


def _lang(ctx: Ctx, share: float) -> str:
    return ctx.rng.choice(NON_EN) if ctx.rng.random() < share else "en"


def _resp_id(ctx: Ctx) -> str:
    return f"resp_{ctx.rng.getrandbits(96):024x}"


def _dress(ctx: Ctx, text: str, lang: str) -> str:
    """A non-English writer either wraps the pasted item in their language or code-switches inside it."""
    return W.wrap(ctx.rng, text, lang) if ctx.rng.random() < 0.5 else W.code_switch(ctx.rng, text, lang)


REVIEW_SYS = ("You are the game-review coach of Knightfall. Answer format: for each critical moment, give the move "
              "number, what the player was most likely considering, the stronger move, and why it is stronger "
              "in terms a player of this rating can use next time. Close with three lessons from the game.")
MODELS = ((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini"))


def cot_harvester(ctx: Ctx, variant: str) -> None:
    """One account (see the module docstring); follow-ups come 60-400 s after the previous answer streamed."""
    rng = ctx.rng
    acct = ctx.account("attack", "cot_harvester", "v10-solo")
    users = [f"kf_{rng.getrandbits(36):09x}" for _ in range(20000)]
    cum = list(itertools.accumulate(1 / (k + 1) ** 1.1 for k in range(len(users))))
    for t in ctx.window_times(acct["tz"], 1100, hours=(16, 24), outside=0.25, weekend=1.5):
        user = rng.choices(users, cum_weights=cum)[0]
        lang = _lang(ctx, 0.2)
        rating, tc = rng.choice(W.RATINGS), rng.choice(W.TIME_CONTROLS)
        first = _dress(ctx, f"My rating: {rating}, {tc}. I played {rng.choice(('White', 'Black'))}.\n"
                            f"{W.game(rng)}", lang)
        turns = [first] + [W.typed(rng, rng.choice(W.FOLLOW[lang])) for _ in range(
            rng.choice((1, 2)) if rng.random() < 0.25 else 0)]
        api, model = MODELS[rng.choices((0, 1, 2), (50, 30, 20))[0]]
        msgs: list[dict] = []
        prev = None
        for text in turns:
            out = rng.randint(700, 2600)
            if msgs:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(200, 450))}]
            msgs = msgs + [{"role": "user", "content": text}]
            if api == CHAT:
                body = chat_body([{"role": "system", "content": REVIEW_SYS}] + msgs, model=model, temperature=0.4,
                                 max_tokens=4000, stream=True)
            elif api == ANTH:
                body = anthropic_body(list(msgs), system=REVIEW_SYS, max_tokens=4000, stream=True)
            else:
                body = {"model": model, "instructions": REVIEW_SYS, "input": text, "max_output_tokens": 6000}
                if prev:
                    body["previous_response_id"] = prev
                prev = _resp_id(ctx)
            ctx.emit(t, acct, api, body, out, user=user)
            t += out / rng.uniform(50, 90) + rng.uniform(60, 400)


DRAFT_ASK = ("Short answer please.", "Just the answer, no explanation needed.", "One line is enough.",
             "Quick take?", "")
CRITIQUE_ASK = ("A colleague answered this as follows. What does their answer miss or get wrong, and what is "
                "the right reasoning?", "Here is a draft reply from our team. Point out each gap in its "
                "reasoning and fill it in.", "My study partner wrote the answer below. Where does it go wrong?")
FINAL_ASK = ("Rewrite the answer below so that someone learning the subject could follow every part of it.",
             "Turn this reply and the review of it into one clear explanation a newcomer can learn from.",
             "Produce the final version: complete, in order, nothing assumed.")


def hydra(ctx: Ctx, variant: str) -> None:
    """230 accounts (see the module docstring), stage = index % 3; 2,400 items, each dealt at a uniform time to a
    draft account alive then and under its daily cap, its critique 5-90 min and its rewrite 30-240 min later;
    an account the relay never reached sends one draft at a random time in its life."""
    rng = ctx.rng
    accts = []
    for i in range(230):
        acct = ctx.account("attack", "hydra", "v10-hydra")
        birth = ctx.start + rng.uniform(0, ctx.days * DAY - 4 * 3600)
        stage = i % 3
        ask = rng.choice((DRAFT_ASK, CRITIQUE_ASK, FINAL_ASK)[stage])
        accts.append({"acct": acct, "stage": stage, "birth": birth, "death": birth + rng.uniform(1, 2.5) * DAY,
                      "lang": _lang(ctx, 0.4), "ask": ask, "days": {}, "model": rng.choice(("o4-mini", "gpt-4.1"))})
    pool = [W.item(rng)[1] for _ in range(500)]

    def take(stage: int, t: float) -> dict | None:
        live = [a for a in accts if a["stage"] == stage and a["birth"] <= t < a["death"]
                and a["days"].get(int((t - ctx.start) // DAY), 0) < 26]
        if not live:
            return None
        a = rng.choice(live)
        day = int((t - ctx.start) // DAY)
        a["days"][day] = a["days"].get(day, 0) + 1
        return a

    def send(a: dict, t: float, text: str) -> None:
        body_text, lang = _dress(ctx, text, a["lang"]), a["lang"]
        if a["stage"] == 0:
            ask = a["ask"] if lang == "en" else rng.choice(W.HELP_I18N[lang])
            ctx.emit(t, a["acct"], CHAT, chat_body([{"role": "user", "content": f"{body_text}\n{ask}".strip()}],
                                                   model="gpt-4o-mini", temperature=0.5), rng.randint(20, 120))
        elif a["stage"] == 1:
            draft = W.prose(rng, rng.randint(15, 60))
            ask = a["ask"] if lang == "en" else rng.choice(W.ASK_I18N[lang])
            ctx.emit(t, a["acct"], ANTH, anthropic_body([{"role": "user", "content": f"{body_text}\n\nDraft: {draft}"
                                                          f"\n\n{ask}"}], max_tokens=3000), rng.randint(500, 1800))
        else:
            ans = f"Answer: {W.prose(rng, 30)}\nReview: {W.prose(rng, 120)}"
            ctx.emit(t, a["acct"], RESP, {"model": a["model"], "instructions": a["ask"],
                                          "input": f"{body_text}\n\n{ans}", "max_output_tokens": 5000},
                     rng.randint(700, 2400))

    for _ in range(2400):
        t0, text = ctx.start + rng.uniform(0, ctx.days * DAY), rng.choice(pool)
        for stage, t in enumerate((t0, t0 + rng.uniform(300, 5400), t0 + rng.uniform(1800, 14400))):
            a = take(stage, t)
            if a is None:
                break
            send(a, t, text)
    for a in accts:
        if not any(a["days"].values()):
            t = rng.uniform(a["birth"], min(a["death"], ctx.end) - 60)
            send({**a, "stage": 0, "ask": rng.choice(DRAFT_ASK)}, t, rng.choice(pool))


REFEREE_SYS = "You are an experienced referee for a {f} journal. Write the methods section of your report."
AUTHOR = ("Write the abstract of a {f} study using {d} in which {flaw}. Then write the paragraph a careful referee "
          "would send about it: the problem, why it threatens the conclusion, and what the authors must do.")
REBUTTAL = ("Referee concern: the study used {d} and {flaw}.\nAuthors' response: \"{r}\"\n\nDoes the response "
            "resolve the concern? Go through it point by point.")
REBUTTALS = ("We believe this does not affect our conclusions.", "We have added a sensitivity analysis.",
             "This is standard practice in our field.", "We now state this as a limitation.")
FILLER = ("how long should a cover letter to a journal be?", "what's a good reference manager?",
          "is it rude to email an editor after 3 months?", "synonym for 'robust' that isn't 'robust'",
          "how do I make a figure colour-blind friendly?")


def taxonomy(ctx: Ctx, variant: str) -> None:
    """14 accounts; account k works fields k % 10 and (k + 5) % 10, cells of those fields shuffled; 35-60
    requests per active day; task 0 chat, 1 Anthropic, 2 Responses."""
    rng = ctx.rng
    for k in range(14):
        acct = ctx.account("attack", "taxonomy", "v10-taxonomy")
        fields = (W.FIELDS[k % 10], W.FIELDS[(k + 5) % 10])
        cells = [(f, d, fl, task) for f in fields for d in W.DESIGNS for fl in W.FLAWS for task in range(3)]
        rng.shuffle(cells)
        phase = rng.randrange(3)
        times = [t for t in ctx.window_times(acct["tz"], rng.uniform(35, 60), hours=(9, 20), outside=0.05)
                 if (int((t - ctx.start) // DAY) + phase) % 3 != 2]
        for n, t in enumerate(times):
            if rng.random() < 0.2:
                ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": W.typed(rng, rng.choice(FILLER))}]),
                         rng.randint(60, 250))
                continue
            f, d, fl, task = cells[n % len(cells)]
            fl = fl.format(k=rng.randint(5, 60), n=rng.randint(80, 900))
            out = rng.randint(600, 2200)
            if task == 0:
                ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": REFEREE_SYS.format(f=f)},
                                                   {"role": "user", "content": W.abstract(rng, f, d, fl)}],
                                                  model="gpt-4.1", temperature=0.3), out)
            elif task == 1:
                ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": AUTHOR.format(f=f, d=d, flaw=fl)}],
                                                       max_tokens=3000), out)
            else:
                ctx.emit(t, acct, RESP, instructed_body(RESP, REFEREE_SYS.format(f=f), REBUTTAL.format(
                    d=d, flaw=fl, r=rng.choice(REBUTTALS)), 4000, 0.3), out)


def sampling(ctx: Ctx, variant: str) -> None:
    """8 accounts, jobs 30-120 min apart around the clock on a shared pool of 40 prompts (see the module docstring)."""
    rng = ctx.rng
    pool = [W.item(rng)[1] for _ in range(40)]
    for i in range(8):
        acct = ctx.account("attack", "sampling", "v10-sampling")
        t = ctx.start + rng.uniform(0, 6 * 3600)
        while t < ctx.end:
            prompt = rng.choice(pool)
            if i < 4:
                for p in rng.sample(W.PERTURB, rng.randint(4, 8)):
                    out = rng.randint(150, 900)
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": p(prompt)}], model="gpt-4.1",
                                                      temperature=round(rng.uniform(0.9, 1.15), 2)), out)
                    t += out / rng.uniform(60, 100) + rng.uniform(2, 40)
            elif i < 6:
                bias: dict[str, int] = {}
                for _ in range(rng.randint(3, 6)):
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": prompt}], model="gpt-4.1-mini",
                                                      temperature=0, max_tokens=rng.randint(1, 3), logprobs=True,
                                                      top_logprobs=5, logit_bias=dict(bias)), 2)
                    bias[str(rng.randint(200, 100000))] = -100
                    t += rng.uniform(0.5, 3)
            else:
                for effort in ("low", "medium", "high"):
                    out = {"low": 300, "medium": 900, "high": 2500}[effort] + rng.randint(0, 500)
                    ctx.emit(t, acct, RESP, {"model": "o4-mini", "input": prompt, "reasoning": {"effort": effort},
                                             "max_output_tokens": 16000}, out)
                    t += out / rng.uniform(40, 80) + rng.uniform(1, 10)
            t += rng.uniform(0.5, 2) * 3600


CLUB_SYS = ("You are Rookie, the chess bot of an online club. Keep answers friendly and under 80 words unless a "
            "member asks for more.")
SOC_SYS = ("You are the copilot in the SOC ticketing system. Be concise; analysts are busy. Cite log lines by "
           "timestamp when you use them.")
CLUB_Q = ("who won the candidates?", "is the london system good for beginners", "what's en passant again",
          "rate my opening: 1. e4 e5 2. Qh5", "best youtube channel for endgames?", "how do i stop blundering")
SOC_Q = ("summarise this ticket for the handover", "what does event 4688 mean", "draft a reply to the user",
         "is this IP on any of our watchlists?", "convert this time to CET")
INSIDER = ("take it slowly and go through all of it like a coaching session", "explain your whole thought process "
           "so I can learn it", "walk through every consideration before you conclude")


def mixed_into_chat(ctx: Ctx, variant: str) -> None:
    """10 accounts at 150-350 requests/day (local 8-24h, outside x0.15); the insider's shift is local 19-24h."""
    rng = ctx.rng
    for i in range(10):
        acct = ctx.account("attack", "mixed_into_chat", "v10-mixed")
        club = i < 5
        users = [f"{'dc' if club else 'an'}_{rng.getrandbits(40):010x}" for _ in range(800 if club else 40)]
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 350), hours=(8, 24), outside=0.15):
            shift = ((t - ctx.start) / 3600 + acct["tz"]) % 24 >= 19
            harvest = rng.random() < (0.6 if shift else 0.02)
            user = rng.choice(users)
            if not harvest:
                text = rng.choice(CLUB_Q if club else SOC_Q) + ("" if club else f"\n{W.alert(rng, 2)}")
                msgs = [{"role": "user", "content": W.typed(rng, text)}]
                out = rng.randint(30, 160)
                if club:
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": CLUB_SYS}] + msgs,
                                                      temperature=0.7), out, user=user)
                else:
                    ctx.emit(t, acct, ANTH, anthropic_body(msgs, system=SOC_SYS, max_tokens=800), out, user=user)
                continue
            lang = _lang(ctx, 0.3)
            text = W.chess_item(rng) if club else W.soc_item(rng)
            ask = rng.choice(INSIDER) if lang == "en" else rng.choice(W.ASK_I18N[lang])
            msgs = [{"role": "user", "content": f"{_dress(ctx, text, lang)}\n{ask}"}]
            for k in range(rng.choice((2, 2, 3))):
                if k:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(150, 300))},
                                   {"role": "user", "content": rng.choice(W.FOLLOW[lang])}]
                out = rng.randint(600, 2000)
                if club:
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": CLUB_SYS}] + msgs,
                                                      temperature=0.7), out, user=user)
                else:
                    ctx.emit(t, acct, ANTH, anthropic_body(list(msgs), system=SOC_SYS, max_tokens=800), out,
                             user=user)
                t += out / rng.uniform(50, 90) + rng.uniform(40, 200)


FRAMES = ("I'm a junior analyst and this came in on my shift.", "My coach said I should understand this one.",
          "Reviewing this for my supervisor.", "Not homework, just curious.", "Saw this at work today.", "")
ASK_STYLES = ("What am I missing here?", "How would you think about this?", "Talk me through it.",
              "Which way would you go, and what tips it?")


def paraphrased(ctx: Ctx, variant: str) -> None:
    """120 accounts on a pool of 200 items; style 0 direct (an elicitation ask), 1 indirect, 2 answer first and
    "why?" 1-6 min later in a second request; APIs 50% chat, 30% Anthropic, 20% Responses."""
    rng = ctx.rng
    pool = [W.item(rng)[1] for _ in range(200)]
    days = int(math.ceil(ctx.days))
    for _ in range(120):
        acct = ctx.account("attack", "paraphrased", "v10-paraphrased")
        lang, frame, style = _lang(ctx, 0.4), rng.choice(FRAMES), rng.randrange(3)
        ask = rng.choice(ASK_STYLES)
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        off = rng.randrange(days)
        times = [t for t in ctx.window_times(acct["tz"], rng.uniform(1, 8), hours=(7, 24), outside=0.05)
                 if int((t - ctx.start) // DAY) != off or days == 1]
        for t in times or [ctx.start + rng.uniform(0, ctx.days * DAY - 900)]:
            text = _dress(ctx, f"{frame}\n{rng.choice(pool)}".strip(), lang)
            if lang != "en":
                q = rng.choice(W.ASK_I18N[lang] if style == 0 else W.HELP_I18N[lang])
            else:
                q = ("Go through the reasoning in full." if style == 0 else ask if style == 1 else "Short answer?")
            msgs: list[dict] = [{"role": "user", "content": W.typed(rng, f"{text}\n{q}")}]
            for j in range(2 if style == 2 else 1):
                if j:
                    t += rng.uniform(60, 360)
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(10, 40))},
                                   {"role": "user", "content": rng.choice(("why?", "how come?", "why that?"))}]
                out = rng.randint(80, 300) if style == 2 and not j else rng.randint(500, 2000)
                if api == ANTH:
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=3000), out)
                elif api == RESP:
                    ctx.emit(t, acct, api, {"model": "gpt-4.1", "input": list(msgs)}, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o"), out)


ATTACKS_V10 = (cot_harvester, hydra, taxonomy, sampling, mixed_into_chat, paraphrased, agentic_distill,
               audio_distill, editorial_distill)
