"""Benign personas added by the `v12` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, each the benign twin of one v12 attack, sharing its text pools,
languages, voices, APIs and parameters and the same per-tenant output logging; client metadata from ctx.account
except where the persona is about it (a campus NAT, a vendor's office):
- notes_app (twin of cot_harvester): a study-help app whose answers are capped per request and continued when the
  student presses "continue" (the same three continuation shapes), students in `user`, evening peak; one or both
  apps embed each question first to look up course notes (openai.embeddings).
- econ_course (twin of hydra and paraphrased): 60 students of one economics course (half behind the campus NAT)
  working the same 15-problem set in their own words, with follow-ups and a deadline rush, plus two teaching
  assistants rewording problems into exam variants (the rewriter's request shape) in office hours.
- sre_oncall (twin of taxonomy): engineers of four companies pasting alerts and logs during incidents (pages at
  any hour, a conversation per incident, runbooks and postmortems the next day), and each company's wiki indexer
  embedding runbooks in batches at night.
- ide_completion (twin of sampling): a code-completion product: fill-in-the-middle on openai.completions with
  logprobs (confidence gating), n 2-3 when a developer opens the alternatives panel; developers in `user`.
- tot_lab (twin of sampling): a university lab's tree-of-thought experiments: step-by-step expansion with n and a
  stop sequence over a fixed puzzle and economics set, scheduled runs on working days.
- power_scripters (twin of mixed_into_chat): power users who also run personal automations at night on the same
  key (digests of their notes, rewriting drafts, practice exercises for a course they take).
The other v12 personas are in personas_v12_more.py.
"""

from __future__ import annotations

from functools import partial

import orjson

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v12_ops as O
from benchmarks.traffic import corpus_v12_talk as T
from benchmarks.traffic.attacks_v12 import CMPL, COMPANIES, EMB, SRE_SYS, STEP_ASK, chunked_job, fim_request
from benchmarks.traffic.attacks_v12_more import REWRITE_SYS, rewording_job
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, CHAT, MODELS, RESP, account, build
from benchmarks.traffic.personas_v12_more import PERSONAS_B

NOTES_SYS = ("You are {app}, a study helper. Explain clearly for a student, use short paragraphs, and end with a "
             "one-line summary.")


def notes_app(ctx: Ctx, count: int) -> None:
    """200-450 questions a day at local 15-24h (outside x0.15, weekends x0.8); the cap is 500 or 600 tokens; an
    answer that needs more is continued by 45% of students (each further piece by 70% of those still reading)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "notes_app")
        app = rng.choice(("Brainy Notes", "Kwik Study", "Owlnote", "Revisely"))
        api = (RESP, CHAT, ANTH)[i % 3]
        model = {ANTH: "claude-sonnet-4-5", CHAT: "gpt-4o", RESP: "gpt-4.1"}[api]
        cap = rng.choice((500, 600))
        pattern = rng.choice(("u_{h}", "member-{n}"))
        retrieval = i == 0 or rng.random() < 0.5
        for t in ctx.window_times(acct["tz"], rng.uniform(200, 450), hours=(15, 24), outside=0.15, weekend=0.8):
            v = W.voice(rng, W.lang(rng, 0.2))
            if rng.random() < 0.7:
                core, style = W.item(rng, rng.choice(W.CAPS[:3]))
                text = W.say(rng, v, core)
            else:
                text, style = W.say(rng, v, W.cover(rng, v), ask=False), "prose"
            if retrieval:  # the app looks up the course notes first
                T.emit(ctx, t, acct, EMB, {"model": "text-embedding-3-small", "input": text}, 0)
                t += rng.uniform(0.1, 0.6)
            total = rng.randint(200, 2400)
            if total > cap and rng.random() < 0.45:
                pieces = 2
                while pieces * cap < total and rng.random() < 0.7:
                    pieces += 1
                total = min(total, pieces * cap)
            else:
                total = min(total, cap)
            chunked_job(ctx, acct, t, api, model, text, style, W.end_user(rng, pattern, 40000), total, cap,
                        NOTES_SYS.format(app=app))


def econ_course(ctx: Ctx, count: int) -> None:
    """`count` students and two TAs. Problem-set deadlines at local 23h on days 1 and 3 with a rush x3 in the last
    eight hours; students 2-9 requests a day in sessions; TAs 20-60 rewording jobs per working day."""
    rng = ctx.rng
    nat = f"{rng.randint(130, 170)}.{rng.randint(0, 255)}"
    tz = rng.uniform(-6, 8)
    pset = [W.econ_seed(rng, k % len(W.ECON)) for k in rng.sample(range(40), 15)]
    for _ in range(count):
        acct = account(ctx, "benign", "econ_course")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        campus = rng.random() < 0.5
        if campus:
            acct["ip"] = f"{nat}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        v = W.voice(rng, W.lang(rng, 0.25))
        api = rng.choices((CHAT, ANTH, RESP), (55, 25, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        sessions = ctx.diurnal_times(acct, per_day=rng.uniform(2, 9))
        for d in (1, 3):
            end = ctx.start + d * DAY + (23 - acct["tz"]) % 24 * 3600
            start = end - rng.uniform(0, 8 * 3600)
            sessions.append([start + j * rng.uniform(60, 600) for j in range(rng.randint(0, 6))])
        for session in sessions:
            if not session:
                continue
            if rng.random() < 0.25:
                T.everyday_talk(ctx, acct, session, v, api, model, temp)
                continue
            n = rng.randrange(15)
            text = W.econ_text(pset[n], 0 if rng.random() < 0.6 else rng.randrange(3))
            opener = W.say(rng, v, f"Q{n + 1}: {text}" if rng.random() < 0.5 else text)
            ip = None if not campus or rng.random() < 0.8 else ctx.ip()  # off campus now and then
            T.talk(ctx, acct, session, api, model, opener, "econ", partial(W.follow_up, rng, v), temp, ip=ip)
    for _ in range(2):
        acct = account(ctx, "benign", "econ_course")
        acct["tz"] = tz
        for t in ctx.window_times(tz, rng.uniform(20, 60), hours=(9, 18), outside=0.05, weekend=0.2):
            ask, variants, _ = rewording_job(ctx, "en" if rng.random() < 0.8 else W.lang(rng, 1.0))
            text = orjson.dumps({"variants": variants}).decode()
            body = build(CHAT, "gpt-4.1-mini", REWRITE_SYS, [{"role": "user", "content": ask}], 1500, temperature=1.0,
                         response_format={"type": "json_object"})
            T.emit(ctx, t, acct, CHAT, body, max(20, len(text) // 3), text=text)


def sre_oncall(ctx: Ctx, count: int) -> None:
    """`count` engineers over four companies: 0.6-2 incidents a day each (any hour, x2 in local office hours),
    3-15 requests an incident 1-8 min apart, a runbook or postmortem request the next working day for 40%; one wiki
    indexer per company embedding 40-200 runbook chunks in batches of 16-64 at local 1-4h."""
    rng = ctx.rng
    cos = rng.sample(range(12), 4)
    for i in range(count):
        acct = account(ctx, "benign", "sre_oncall")
        system = SRE_SYS.format(co=COMPANIES[cos[i % 4]])
        api = rng.choices((CHAT, ANTH, RESP), (45, 35, 20))[0]
        model = rng.choice(MODELS[api])
        for t in ctx.window_times(acct["tz"], rng.uniform(0.6, 2), hours=(9, 19), outside=0.5, weekend=0.7):
            platform, symptom = rng.choice(O.PLATFORMS), rng.choice(O.SYMPTOMS)
            msgs: list[dict] = []
            for k in range(rng.randint(3, 15)):
                q = O.ops_question(rng, platform, symptom, None, "diagnose") if k == 0 else rng.choice((
                    f"ok that didn't fix it. now seeing:\n```\n{O.log_excerpt(rng, platform, 3)}\n```",
                    "rolled back, errors gone. why would that be?", "what else should I check?", "can you write the "
                    "kubectl/psql command for that?", "is it safe to restart it now?", "paged someone else in, "
                    "summarise where we are for them"))
                msgs = msgs + [{"role": "user", "content": q}]
                out = rng.randint(150, 900)
                reply = T.answer(rng, "ops", out, model)
                T.emit(ctx, t, acct, api, build(api, model, system, msgs, 3000), out, text=reply)
                msgs = msgs + [{"role": "assistant", "content": reply}]
                t += rng.uniform(60, 480)
            if rng.random() < 0.4:
                t += DAY * rng.uniform(0.4, 1.2)
                q = O.ops_question(rng, platform, symptom, None, rng.choice(("runbook", "postmortem")))
                T.emit(ctx, t, acct, api, build(api, model, system, [{"role": "user", "content": q}], 3000),
                       rng.randint(500, 1500), "ops")
    for _ in range(4):
        acct = account(ctx, "benign", "sre_oncall")
        for t in ctx.window_times(acct["tz"], 1.0, hours=(1, 4), outside=0.0):
            for _ in range(rng.randint(40, 200) // 32 + 1):
                batch = [O.ops_question(rng, task=rng.choice(O.OPS_TASKS)) for _ in range(rng.randint(16, 64))]
                T.emit(ctx, t, acct, EMB, {"model": "text-embedding-3-small", "input": batch}, 0)
                t += rng.uniform(0.5, 3)


def ide_completion(ctx: Ctx, count: int) -> None:
    """500-1,000 completions per working day (local 8-20h, outside x0.2, weekends x0.25); n 2-3 for 12% (the
    alternatives panel), else 1; temperature 0.2 (0.7 for alternatives); developers from a 300-2,000 pool."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "ide_completion")
        pool = rng.randint(300, 2000)
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 1000), hours=(8, 20), outside=0.2, weekend=0.25):
            alt = rng.random() < 0.12
            body, out, lang = fim_request(ctx, rng.randint(2, 3) if alt else 1, 0.7 if alt else 0.2,
                                          rng.choice((48, 64, 128)))
            T.emit(ctx, t, acct, CMPL, body, out, "fim", user=W.end_user(rng, "member-{n}", pool), extra=lang)


def tot_lab(ctx: Ctx, count: int) -> None:
    """1-2 runs per working day (local 10-18h, none at weekends) over a fixed 60-item set, 3-6 depths, n 3-4."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "tot_lab")
        items = [W.item(rng, rng.choice(("econ", "puzzle"))) for _ in range(60)]
        for start in ctx.window_times(acct["tz"], rng.uniform(1, 2), hours=(10, 18), outside=0.0, weekend=0.0):
            t = start
            for core, style in rng.sample(items, rng.randint(20, 60)):
                steps: list[str] = []
                for depth in range(rng.randint(3, 6)):
                    n = rng.choice((3, 4))
                    msgs = [{"role": "user", "content": f"{STEP_ASK.format(k=depth + 1)}\n\nProblem: {core}\n\nSteps "
                                                        f"so far:\n" + ("\n".join(steps) or "(none yet)")}]
                    per = [rng.randint(30, 160) for _ in range(n)]
                    step = f"Step {depth + 1}: " + T.answer(rng, style, per[0]).split("\n")[0].split(" ", 1)[-1]
                    T.emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, msgs, 160, n=n, temperature=0.9,
                                                     stop=[f"\nStep {depth + 2}"]), sum(per), text=step)
                    steps.append(step)
                    t += max(per) / rng.uniform(60, 120) + rng.uniform(0.2, 1.5)


DIGEST = ("Turn these notes from today into a to-do list for tomorrow, most urgent first:\n{d}",
          "Rewrite this draft so it's clearer and half as long:\n{d}", "Summarise these emails in 5 bullets and tell "
          "me which ones need a reply:\n{d}", "Make 3 practice questions from this chapter summary, with answers:\n{d}")


def power_scripters(ctx: Ctx, count: int) -> None:
    """Daytime chat at 30-100 requests a day (sessions of 3-12); scripts at local 0-5h: 5-25 jobs a night, 20-120 s
    apart, on the owner's model."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "power_scripters")
        v = W.voice(rng, W.lang(rng, 0.2))
        api = rng.choices((CHAT, ANTH, RESP), (50, 30, 20))[0]
        model, temp = rng.choice(MODELS[api]), rng.choice((None, 0.7, 1.0))
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(30, 100), session_len=(3, 12)):
            if rng.random() < 0.5:
                T.everyday_talk(ctx, acct, session, v, api, model, temp)
            else:
                core, style = W.item(rng, rng.choice(W.CAPS))
                T.talk(ctx, acct, session, api, model, W.say(rng, v, core, ask=False), style,
                       partial(W.follow_up, rng, v), temp)
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 25), hours=(0, 5), outside=0.0):
            prompt = rng.choice(DIGEST).format(d=C.document(rng, rng.randint(4, 14)))
            out = rng.randint(120, 600)
            extra = {} if temp is None or api == RESP else {"temperature": temp}
            T.emit(ctx, t, acct, api, build(api, model, None, [{"role": "user", "content": prompt}], 1500, **extra),
                   out, "bullets")


BENIGN_V12 = {"notes_app": (notes_app, 2), "econ_course": (econ_course, 60), "sre_oncall": (sre_oncall, 24),
              "ide_completion": (ide_completion, 2), "tot_lab": (tot_lab, 2), "power_scripters": (power_scripters, 10),
              **PERSONAS_B}
