"""Benign personas added by the `v10` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, each the benign twin of one v10 attack, sharing its text pools,
languages (en, lv, cy, sq, az, hy, ne), APIs and parameters; client metadata from ctx.account:
- game_review_site: a chess site's game-review feature (twin of cot_harvester): a PGN with rating and time
  control under a coaching answer format that explains every critical moment; players in `user`, heavy-tailed;
  follow-ups; three models A/B tested; evening and weekend peak.
- soc_mssp: a managed-security provider pre-triaging every alert of its customers with one template (verdict,
  reasoning, next steps as JSON), analysts in `user`, around the clock, bursts when a customer is attacked.
- journal_screening: a publisher's methods screen: every new submission's abstract checked by a referee-style
  prompt per field, plus a tool-using methods assistant on hard cases; office hours.
- security_bootcamp: learners of a defensive-security course (individual accounts) pasting alerts and asking
  why, half of the non-English ones code-switching; evenings, a burst before the weekly lab deadline.
- decoding_lab: a university NLP lab studying prompt sensitivity and decoding: the same item under surface
  perturbations, logit_bias ablations with logprobs, reasoning-effort sweeps; scheduled batch jobs.
- chess_club_bots: club chat bots with hundreds of members, mostly short answers, but some members ask for long
  coaching explanations in the evening (twin of mixed_into_chat, without an insider).
- ir_agents: an incident-response firm's investigation agent over its MCP server on the Responses API, episodes
  chained by previous_response_id, in bursts during engagements.
- call_centre_qa: a contact centre scoring recorded calls with `input_audio` (transcript, customer sentiment and
  the cues behind it), office hours, supervisors in `user`.
- manuscript_platform: a self-publishing platform's line-edit feature: a note with the reason for every change,
  writers in `user`, evenings and weekends.
- methods_students: graduate students asking for critiques of their own study designs and abstracts, with
  follow-ups; 30% in the six languages.
"""

from __future__ import annotations

import itertools
import math

from benchmarks.traffic import corpus_v10 as W
from benchmarks.traffic import corpus_v10_agents as G
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body, instructed_body

CHAT, ANTH, RESP = "openai.chat.completions", "anthropic.messages", "openai.responses"
NON_EN = W.LANGS[1:]
COACH_SYS = ("You are the review coach of {site}. For each turning point of the game, say what the player likely "
             "had in mind, which move was better and why, at the player's level. Finish with what to practise.")


def _lang(ctx: Ctx, share: float) -> str:
    return ctx.rng.choice(NON_EN) if ctx.rng.random() < share else "en"


def game_review_site(ctx: Ctx, count: int) -> None:
    """600-1,400 reviews/day (local 15-24h, outside x0.2, weekends x1.6); 30% follow-ups; 8% non-English."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "game_review_site")
        site = rng.choice(("Pawnstorm", "Gambit Arena", "Endgame Club"))
        users = [f"u{rng.getrandbits(40):010x}" for _ in range(40000)]
        cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(users))))
        apis = rng.sample(((CHAT, "gpt-4.1"), (ANTH, "claude-sonnet-4-5"), (RESP, "o4-mini")), 2)
        for t in ctx.window_times(acct["tz"], rng.uniform(600, 1400), hours=(15, 24), outside=0.2, weekend=1.6):
            user, lang = rng.choices(users, cum_weights=cum)[0], _lang(ctx, 0.08)
            api, model = rng.choice(apis)
            text = W.wrap(rng, f"Rating {rng.choice(W.RATINGS)}, {rng.choice(W.TIME_CONTROLS)}\n{W.game(rng)}", lang)
            msgs: list[dict] = [{"role": "user", "content": text}]
            for k in range(rng.choice((1, 2)) + 1 if rng.random() < 0.3 else 1):
                if k:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 250)},
                                   {"role": "user", "content": W.typed(rng, rng.choice(W.FOLLOW[lang]))}]
                out = rng.randint(600, 2400)
                system = COACH_SYS.format(site=site)
                if api == ANTH:
                    body = anthropic_body(list(msgs), system=system, max_tokens=3500)
                elif api == RESP:
                    body = {"model": model, "instructions": system, "input": list(msgs), "max_output_tokens": 5000}
                else:
                    body = chat_body([{"role": "system", "content": system}] + msgs, model=model, stream=True)
                ctx.emit(t, acct, api, body, out, user=user)
                t += out / rng.uniform(50, 90) + rng.uniform(30, 300)


TRIAGE_SYS = ("Triage the alert for {c}. Return JSON with verdict (tp/fp/benign_tp), reasoning (what in the logs "
              "supports the verdict and what would change it), severity, next_steps.")


def soc_mssp(ctx: Ctx, count: int) -> None:
    """600-1,500 alerts/day around the clock; each customer has its own prompt; 1-3 attacked customers per
    account get a 2-5 h burst at 5x; analysts from a 60 pool; 15% of alerts get an analyst follow-up."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "soc_mssp")
        customers = [f"customer {rng.choice('ABCDEFGHJK')}{rng.randint(10, 99)}" for _ in range(30)]
        analysts = [f"soc-{rng.getrandbits(24):06x}" for _ in range(60)]
        times = ctx.steady_times(rng.uniform(600, 1500), jitter=0.9)
        for _ in range(rng.randint(1, 3)):
            b = ctx.start + rng.uniform(0, ctx.days * DAY)
            times += ctx.steady_times(rng.uniform(2000, 6000), start=b, end=b + rng.uniform(2, 5) * 3600)
        for t in sorted(times):
            msgs = [{"role": "system", "content": TRIAGE_SYS.format(c=rng.choice(customers))},
                    {"role": "user", "content": W.alert(rng, rng.randint(2, 6))}]
            ctx.emit(t, acct, CHAT, chat_body(msgs, model="gpt-4.1-mini", temperature=0,
                                              response_format={"type": "json_object"}), rng.randint(150, 450))
            if rng.random() < 0.15:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 80)},
                               {"role": "user", "content": rng.choice(G.IR_NEXT)}]
                ctx.emit(t + rng.uniform(120, 1200), acct, CHAT, chat_body(msgs, model="gpt-4.1"),
                         rng.randint(200, 800), user=rng.choice(analysts))


SCREEN_SYS = ("You screen submissions to {j} before they go to referees. Assess the methods: design, sample, "
              "outcomes, analysis; list each concern with why it matters; recommend send out / desk reject.")


def journal_screening(ctx: Ctx, count: int) -> None:
    """80-200 submissions/day in office hours (8-18, weekends x0.1), 3 fields per journal; 10% go to the tool
    assistant (3-6 calls)."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "journal_screening")
        fields = rng.sample(W.FIELDS, 3)
        editors = [f"ed-{rng.getrandbits(20):05x}" for _ in range(12)]
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 200), hours=(8, 18), outside=0.03, weekend=0.1):
            f = rng.choice(fields)
            if rng.random() < 0.9:
                ctx.emit(t, acct, RESP, instructed_body(RESP, SCREEN_SYS.format(j=f"the Journal of {f.title()}"),
                                                        W.abstract(rng, f), 3000, 0.2), rng.randint(400, 1200),
                         user=rng.choice(editors))
                continue
            msgs = [{"role": "system", "content": G.REVIEW_SYS},
                    {"role": "user", "content": f"Check the methods of this submission:\n{W.abstract(rng, f)}"}]
            for _ in range(rng.randint(3, 6)):
                out = rng.randint(60, 400)
                ctx.emit(t, acct, CHAT, chat_body(list(msgs), model="gpt-4.1", tools=G.REVIEW_TOOLS,
                                                  parallel_tool_calls=True, temperature=0.2), out)
                cid = f"call_{rng.getrandbits(64):016x}"
                msgs = msgs + [{"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function",
                               "function": {"name": "fetch_section", "arguments": '{"section": "methods"}'}}]},
                               {"role": "tool", "tool_call_id": cid, "content": W.prose(rng, 90)}]
                t += out / rng.uniform(60, 110) + rng.uniform(1, 8)


STUDENT_ASK = ("why is this bad?", "is this actually malicious or is our tool being dramatic?",
               "lab question - what's the attacker doing here, step by step?", "explain this to me like I'm new",
               "how would I write a detection for this?")


def security_bootcamp(ctx: Ctx, count: int) -> None:
    """Individual learners, 2-10 requests/day in diurnal sessions (more on the lab-deadline day, day 2); 35%
    non-English, half of them code-switching; 40% follow up."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "security_bootcamp")
        lang = _lang(ctx, 0.35)
        api = rng.choice((CHAT, ANTH))
        for session in ctx.diurnal_times(acct, rng.uniform(2, 10), session_len=(1, 5), gap_s=(60, 900)):
            if int((session[0] - ctx.start) // DAY) != 2 and rng.random() < 0.3:
                continue
            for t in session:
                text = W.alert(rng, rng.randint(1, 4))
                text = (W.wrap if rng.random() < 0.5 else W.code_switch)(rng, text, lang)
                q = rng.choice(STUDENT_ASK) if lang == "en" else rng.choice(W.HELP_I18N[lang] + W.ASK_I18N[lang])
                msgs: list[dict] = [{"role": "user", "content": W.typed(rng, f"{text}\n{q}")}]
                if rng.random() < 0.4:
                    msgs += [{"role": "assistant", "content": W.prose(rng, 150)},
                             {"role": "user", "content": rng.choice(W.FOLLOW[lang])}]
                out = rng.randint(300, 1500)
                if api == ANTH:
                    ctx.emit(t, acct, api, anthropic_body(msgs, max_tokens=2000), out)
                else:
                    ctx.emit(t, acct, api, chat_body(msgs, model="gpt-4o-mini"), out)


def decoding_lab(ctx: Ctx, count: int) -> None:
    """Batch jobs at 2-4 fixed local hours per working day over a fixed set of 60 items (each job sweeps one
    study: perturbations, logit_bias ablations or reasoning effort); ad hoc single requests in between."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "decoding_lab")
        items = [W.item(rng)[1] for _ in range(60)]
        hours = sorted(rng.sample(range(9, 19), rng.randint(2, 4)))
        for d in range(int(math.ceil(ctx.days))):
            for h in hours:
                t = ctx.start + d * DAY + (h - acct["tz"]) % 24 * 3600 + rng.uniform(0, 600)
                study = rng.randrange(3)
                for it in rng.sample(items, rng.randint(15, 40)):
                    if study == 0:
                        for p in W.PERTURB:
                            ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": p(it)}], model="gpt-4.1",
                                                              temperature=1.0), rng.randint(150, 700))
                            t += rng.uniform(1, 6)
                    elif study == 1:
                        bias: dict[str, int] = {}
                        for _ in range(4):
                            ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": it}], model="gpt-4.1-mini",
                                                              temperature=0, max_tokens=1, logprobs=True,
                                                              top_logprobs=5, logit_bias=dict(bias)), 1)
                            bias[str(rng.randint(200, 100000))] = -100
                            t += rng.uniform(0.3, 1.5)
                    else:
                        for effort in ("low", "medium", "high"):
                            ctx.emit(t, acct, RESP, {"model": "o4-mini", "input": it, "reasoning": {"effort": effort}},
                                     rng.randint(200, 2500))
                            t += rng.uniform(5, 40)
        for t in ctx.window_times(acct["tz"], 15, hours=(9, 19), outside=0.1, weekend=0.2):
            ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": rng.choice(items)}], model="gpt-4.1"),
                     rng.randint(100, 900))


CLUB_SYS = "You are the assistant of our chess club's chat. Be friendly and brief unless someone wants detail."
CLUB_Q = ("who's the current world champion", "what's the fried liver", "when is the next club blitz night",
          "can a pawn capture backwards", "rate my opening: 1. e4 e5 2. Qh5", "what does 'zwischenzug' mean")
COACH_ASK = ("can you go through this properly, I want to really understand it", "explain every idea in this "
             "position please, I have time tonight", "coach me through this one")


def chess_club_bots(ctx: Ctx, count: int) -> None:
    """100-300 requests/day (local 9-24h, outside x0.1, weekends x1.4); members from a 300-1,500 pool; in local
    18-24h, 15% of requests are long coaching questions from members, some in the six languages."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "chess_club_bots")
        members = [f"m_{rng.getrandbits(40):010x}" for _ in range(rng.randint(300, 1500))]
        for t in ctx.window_times(acct["tz"], rng.uniform(100, 300), hours=(9, 24), outside=0.1, weekend=1.4):
            evening = ((t - ctx.start) / 3600 + acct["tz"]) % 24 >= 18
            if evening and rng.random() < 0.15:
                lang = _lang(ctx, 0.2)
                text = W.wrap(rng, W.chess_item(rng), lang) + "\n" + (
                    rng.choice(COACH_ASK) if lang == "en" else rng.choice(W.HELP_I18N[lang]))
                out = rng.randint(500, 1600)
            else:
                text, out = W.typed(rng, rng.choice(CLUB_Q)), rng.randint(20, 150)
            ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": CLUB_SYS},
                                               {"role": "user", "content": text}], temperature=0.7), out,
                     user=rng.choice(members))


def ir_agents(ctx: Ctx, count: int) -> None:
    """Quiet (2-6 investigations/day) except during 1-2 engagements of 6-18 h (15-40/day); 2-6 chained calls."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "ir_agents")
        times = ctx.steady_times(rng.uniform(2, 6), jitter=0.9)
        for _ in range(rng.randint(1, 2)):
            b = ctx.start + rng.uniform(0, ctx.days * DAY)
            times += ctx.steady_times(rng.uniform(15, 40) * 4, start=b, end=b + rng.uniform(6, 18) * 3600)
        for t in sorted(times):
            inp, prev = rng.choice(G.IR_TASKS).format(a=W.alert(rng, rng.randint(2, 5))), None
            for _ in range(rng.randint(2, 6)):
                body = {"model": "gpt-4.1", "instructions": G.IR_INSTR, "input": inp, "tools": G.MCP_TOOLS}
                if prev:
                    body["previous_response_id"] = prev
                ctx.emit(t, acct, RESP, body, rng.randint(200, 1200))
                prev, inp = f"resp_{rng.getrandbits(96):024x}", rng.choice(G.IR_NEXT)
                t += rng.uniform(60, 900)


QA_ASK = ("Transcribe the call, then score it on the QA form: greeting, verification, resolution, empathy. For each "
          "score, quote the moment that justifies it.", "Summarise the call and rate customer sentiment at the start "
          "and the end, with the cues you used.")


def call_centre_qa(ctx: Ctx, count: int) -> None:
    """200-500 calls/day in office hours (8-18, weekends x0.2), supervisors from a 15 pool; 20% of calls are in
    the six languages and the form asks for an English report."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "call_centre_qa")
        sups = [f"sup-{rng.getrandbits(16):04x}" for _ in range(15)]
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 500), hours=(8, 18), outside=0.05, weekend=0.2):
            ask = rng.choice(QA_ASK) + (f" The call is in {W.LANG_NAMES[rng.choice(NON_EN)]}; report in English."
                                        if rng.random() < 0.2 else "")
            content = [{"type": "text", "text": ask},
                       {"type": "input_audio", "input_audio": {"data": W.audio_clip(rng), "format": "wav"}}]
            ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": content}], model="gpt-4o-audio-preview",
                                              modalities=["text"], temperature=0), rng.randint(300, 900),
                     user=rng.choice(sups))


EDIT_SYS = ("You are the line editor of Quillpress. Edit the passage, then list every change with a short "
            "reason, so the author can accept or reject it and learn the pattern.")


def manuscript_platform(ctx: Ctx, count: int) -> None:
    """150-400 passages/day (local 18-24h peak, outside x0.3, weekends x1.5), writers from a 5k pool who send
    a few passages of the same book in a row."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "manuscript_platform")
        writers = [f"w_{rng.getrandbits(36):09x}" for _ in range(5000)]
        for t in ctx.window_times(acct["tz"], rng.uniform(50, 130), hours=(18, 24), outside=0.3, weekend=1.5):
            writer, genre = rng.choice(writers), rng.choice(W.GENRES)
            for _ in range(rng.randint(1, 5)):
                text = f"Genre: {genre}\n\n{W.passage(rng, rng.randint(3, 9))}"
                out = rng.randint(500, 1800)
                ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": text}], system=EDIT_SYS,
                                                       max_tokens=3000), out, user=writer)
                t += out / rng.uniform(50, 90) + rng.uniform(60, 600)


THESIS_ASK = ("be harsh - what would reviewer 2 say about this?", "what's wrong with my design?",
              "my supervisor says there's a problem with the methods, I can't see it", "is this publishable?")


def methods_students(ctx: Ctx, count: int) -> None:
    """Individual students, 1-6 requests/day in diurnal sessions, each on their own field; 50% follow-ups."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "methods_students")
        field, lang = rng.choice(W.FIELDS), _lang(ctx, 0.3)
        for session in ctx.diurnal_times(acct, rng.uniform(1, 6), session_len=(1, 3), gap_s=(120, 1200)):
            for t in session:
                text = W.wrap(rng, W.abstract(rng, field), lang)
                q = rng.choice(THESIS_ASK) if lang == "en" else rng.choice(W.HELP_I18N[lang])
                msgs: list[dict] = [{"role": "user", "content": f"{text}\n\n{W.typed(rng, q)}"}]
                if rng.random() < 0.5:
                    msgs += [{"role": "assistant", "content": W.prose(rng, 200)},
                             {"role": "user", "content": rng.choice(W.FOLLOW[lang])}]
                ctx.emit(t, acct, CHAT, chat_body(msgs, model="gpt-4o"), rng.randint(400, 1600))


BENIGN_V10 = {
    "game_review_site": (game_review_site, 2), "soc_mssp": (soc_mssp, 2), "journal_screening": (journal_screening, 2),
    "security_bootcamp": (security_bootcamp, 50), "decoding_lab": (decoding_lab, 2),
    "chess_club_bots": (chess_club_bots, 3), "ir_agents": (ir_agents, 2), "call_centre_qa": (call_centre_qa, 2),
    "manuscript_platform": (manuscript_platform, 2), "methods_students": (methods_students, 30),
}
