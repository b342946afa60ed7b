"""Benign personas added by the `v5` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/, docs/extraction.md or the evaluation harness beyond its dataset table,
and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, sharing text pools, languages (en, cs, fi, hu, ro, he, th), APIs
and parameters with the v5 attacks; client metadata always from ctx.account:
- mooc_grader: a MOOC platform grading free-text maths/coding answers against a rubric with a justification per
  rubric point; submissions pile up before each course's deadline; one course in Czech or Hungarian.
- cp_judge: a competitive-programming judge explaining failed submissions with a hint (contest bursts twice a
  day, practice trickle, contestant handles in `user`).
- actuarial_team: an actuarial team re-running the same fixed claim-triage prompts every weekday morning with
  logprobs/top_logprobs and n=5 self-consistency, plus ad hoc reserving derivations.
- chem_notebook: a lab's electronic-notebook assistant: stoichiometry, yields, dilutions, buffers, "show the
  working for the ELN"; lab members in `user`; lab hours.
- philosophy_tutor: a philosophy course app (students in `user`, evening peak) plus individual students asking
  for standard-form argument reconstructions with validity/soundness verdicts, some in Romanian or Hungarian.
- ci_bot: a CI bot explaining failing tests (traceback + diff), reasoning before naming a root cause; 40% of
  jobs run a short tool loop (chat.completions with tools); pushes in office hours.
- localisation_vendor: a localisation vendor translating UI strings into cs/fi/hu/ro/he/th with a glossary,
  JSON out, steady workday volume.
- quant_desk: quants asking for full derivations (some on reasoning models) and checks of their own.
- boardgame_rules: a board game's rules chatbot: rules excerpt in the system prompt, rulings explained with rule
  numbers, players in `user`, evenings and weekends.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v5 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

GRADER_SYSTEM = ("You grade answers for the course '{course}'. For each rubric point state met / partly met / not "
                 "met, quote the part of the student's working that decides it and explain why; then give the total "
                 "out of {pts}. Be fair to unconventional but correct methods. {lang_note}")
COURSES = (("Discrete Mathematics for Computing", "en", "Write feedback in English."),
           ("Programming Fundamentals in Python", "en", "Write feedback in English."),
           ("Matematika pro informatiky", "cs", "Zpětnou vazbu piš česky."),
           ("Valószínűségszámítás alapjai", "hu", "A visszajelzést magyarul írd."))


def mooc_grader(ctx: Ctx, count: int) -> None:
    """Per account two courses; 120-300 submissions/day each, multiplied by up to 8x in the 18 h before the
    course's deadline, a fifth of the base rate after it. 50% JSON output; chat or Anthropic per course."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "mooc_grader")
        for course, lang, note in (COURSES[(2 * i) % 4], COURSES[(2 * i + 1) % 4]):
            base = rng.uniform(120, 300) / DAY
            deadline = ctx.start + rng.uniform(1.2, 3.5) * DAY
            anthropic = rng.random() < 0.5
            system = GRADER_SYSTEM.format(course=course, pts=rng.choice((5, 10)), lang_note=note)
            t = ctx.start
            while True:
                t += rng.expovariate(base * 9)
                if t >= ctx.end:
                    break
                gap = deadline - t
                w = (1 + 7 * max(0.0, 1 - gap / 64800)) / 9 if gap > 0 else 0.2 / 9
                if rng.random() >= w:
                    continue
                problem = W.maths(rng, lang) if lang != "en" or "Discrete" in course else W.coding(rng, "Python")
                rubric = "\n".join(f"- ({rng.randint(1, 3)} pts) {W.prose(rng, 8)}" for _ in range(rng.randint(3, 5)))
                user = (f"Question:\n{problem}\n\nRubric:\n{rubric}\n\nStudent answer:\n"
                        f"{W.prose(rng, rng.randint(30, 200))}")
                out = rng.randint(250, 900)
                if anthropic:
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body([{"role": "user", "content": user}],
                             system=system, max_tokens=1500, temperature=0), out)
                else:
                    extra = {"response_format": {"type": "json_object"}} if rng.random() < 0.5 else {}
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(
                        [{"role": "system", "content": system}, {"role": "user", "content": user}], model="gpt-4.1",
                        temperature=0, max_tokens=1500, **extra), out)


JUDGE_SYSTEM = ("You are the feedback assistant of an online judge. Given a problem, a verdict and a submission, "
                "explain the most likely reason for the verdict and give one hint. Never write the full solution.")
VERDICTS = ("Wrong Answer on test {k}", "Time Limit Exceeded on test {k}", "Runtime Error on test {k}",
            "Memory Limit Exceeded on test {k}")


def cp_judge(ctx: Ctx, count: int) -> None:
    """Two 2-hour contests a day (at fixed local hours) with 150-350 failed submissions each, and a practice
    trickle of 60-140/day in between. Contestant handles in `user`."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "cp_judge")
        handles = [f"{rng.choice(('tourist', 'kappa', 'neo', 'lambda', 'zeta'))}_{rng.randint(10, 9999)}"
                   for _ in range(3000)]
        slots = (rng.uniform(8, 11), rng.uniform(15, 19))
        times = ctx.steady_times(per_day=rng.uniform(60, 140), jitter=0.95)
        for d in range(int(ctx.days) + 1):
            for hour in slots:
                c0 = ctx.start + d * DAY + ((hour - acct["tz"]) % 24) * 3600
                times += [c0 + rng.betavariate(2, 1.5) * 7200 for _ in range(rng.randint(150, 350))]
        for t in times:
            runtime = rng.choice(W.RUNTIMES)
            user = (f"Problem: {W.coding(rng)}\nVerdict: {rng.choice(VERDICTS).format(k=rng.randint(2, 60))}\n"
                    f"Submission:\n```\n{W.snippet(rng, runtime, rng.randint(10, 40))}\n```")
            ctx.emit(t, acct, "openai.chat.completions", chat_body(
                [{"role": "system", "content": JUDGE_SYSTEM}, {"role": "user", "content": user}], model="gpt-4.1-mini",
                temperature=0.2, max_tokens=700), rng.randint(150, 600), user=rng.choice(handles))


CLAIM_KINDS = ("water damage", "theft", "windscreen", "storm", "slip and fall", "fire", "pet injury", "travel delay")
TRIAGE = ("Classify this insurance claim as ROUTINE, REVIEW or REFER. Answer with one word.\n\nClaim: {claim}")
FRAUD = ("Estimate the probability (0-1) that this claim would be referred to the special investigations unit. "
         "Answer with the number only.\n\nClaim: {claim}")
RESERVE = ("Derive the chain-ladder reserve for this {n}x{n} cumulative paid triangle step by step: development "
           "factors, projected ultimates, reserve per origin year, and state the assumptions.\n\n{tri}")


def actuarial_team(ctx: Ctx, count: int) -> None:
    """A fixed set of 220-300 claim narratives, identical every weekday morning (local 7-9h): triage with
    top_logprobs (max_tokens 1) and, for a third, n=5 probability estimates at temperature 0.7; plus 5-15 ad hoc
    reserving derivations a day from analysts."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "actuarial_team")
        claims = [f"{rng.choice(CLAIM_KINDS)}; {W.prose(rng, rng.randint(20, 60))} Amount {rng.randint(200, 90000)}."
                  for _ in range(rng.randint(220, 300))]
        for d in range(int(ctx.days) + 1):
            day0 = ctx.start + d * DAY
            if (3 + d) % 7 >= 5:
                continue
            t = day0 + ((7 + rng.uniform(0, 0.5) - acct["tz"]) % 24) * 3600
            for j, claim in enumerate(claims):
                t += rng.uniform(0.5, 3)
                ctx.emit(t, acct, "openai.chat.completions", chat_body(
                    [{"role": "user", "content": TRIAGE.format(claim=claim)}], model="gpt-4.1-mini", temperature=0,
                    max_tokens=1, logprobs=True, top_logprobs=5), 1)
                if j % 3 == 0:
                    ctx.emit(t + 0.2, acct, "openai.chat.completions", chat_body(
                        [{"role": "user", "content": FRAUD.format(claim=claim)}], model="gpt-4.1-mini",
                        temperature=0.7, n=5, max_tokens=4, logprobs=True, top_logprobs=3), 20)
            for t in ctx.window_times(acct["tz"], rng.uniform(5, 15), hours=(9, 17), outside=0.0,
                                    start=day0, end=day0 + DAY):
                n = rng.randint(4, 7)
                tri = "\n".join(" ".join(str(rng.randint(100, 9000)) for _ in range(n - r)) for r in range(n))
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(
                    [{"role": "user", "content": RESERVE.format(n=n, tri=tri)}], max_tokens=3000), rng.randint(600, 1800))


CHEM = ("How many grams of {s} are needed to make {v} mL of a {c} M solution?",
        "{m} g of {s} reacts with excess reagent; the product was {y} g. What is the percent yield?",
        "I need {v} mL of {c} M buffer at pH {ph} from acetic acid and sodium acetate (pKa 4.76). How much of each?",
        "Dilute a {c} M stock to {d} mM in a final volume of {v} mL: how much stock and how much water?",
        "Balance: {eq}, then find the limiting reagent if I start with {m} g of each.")
SALTS = ("NaCl", "KH2PO4", "Tris base", "MgSO4·7H2O", "glucose", "CuSO4·5H2O", "EDTA disodium")
EQS = ("Fe + O2 -> Fe2O3", "C3H8 + O2 -> CO2 + H2O", "Al + HCl -> AlCl3 + H2", "KMnO4 + HCl -> KCl + MnCl2 + Cl2 + H2O")


def chem_notebook(ctx: Ctx, count: int) -> None:
    """Lab hours (8-19 local, weekends x0.3), 60-200 requests/day, 5-15 lab members in `user`; 60% Anthropic.
    20% of requests follow up on the previous one."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "chem_notebook")
        members = [f"lab-{rng.getrandbits(20):05x}" for _ in range(rng.randint(5, 15))]
        prev: list[dict] = []
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 200), hours=(8, 19), outside=0.05, weekend=0.3):
            if prev and rng.random() < 0.2:
                msgs = prev + [{"role": "assistant", "content": W.prose(rng, 60)},
                               {"role": "user", "content": rng.choice(("and if I only have the anhydrous form?",
                                                                       "redo it for 250 mL", "check my units pls"))}]
            else:
                q = rng.choice(CHEM).format(s=rng.choice(SALTS), v=rng.choice((50, 100, 250, 500, 1000)),
                                            c=rng.choice((0.05, 0.1, 0.5, 1, 2)), m=rng.randint(1, 40),
                                            y=rng.randint(1, 30), ph=rng.choice((4.5, 5.0, 5.5)),
                                            d=rng.choice((1, 5, 10, 50)), eq=rng.choice(EQS))
                msgs = [{"role": "user", "content": f"{q} Show the working so I can paste it into the ELN."}]
            prev = msgs
            out = rng.randint(200, 900)
            if rng.random() < 0.6:
                ctx.emit(t, acct, "anthropic.messages", anthropic_body(list(msgs), max_tokens=1500,
                         system="Lab notebook assistant. SI units, significant figures as given."), out,
                         user=rng.choice(members))
            else:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1", temperature=0.2),
                         out, user=rng.choice(members))


ARGUMENTS = ("If God is omnipotent and wholly good, there would be no evil. There is evil. So no such God exists.",
             "We ought to maximise wellbeing. Eating meat causes more suffering than it prevents. So we ought not eat "
             "meat.", "Every event has a cause. Free actions are uncaused. So there are no free actions.",
             "If knowledge requires certainty, we know almost nothing. We know many things. So knowledge does not "
             "require certainty.", "The mind is divisible if it is physical. The mind is not divisible. Therefore "
             "the mind is not physical.", "Taxation takes earnings without consent. Taking without consent is "
             "theft. So taxation is theft.", "Whatever can be conceived without contradiction is possible. A "
             "zombie twin can be so conceived. So physicalism is false.")
RECON = ("Reconstruct this argument in standard form (numbered premises, conclusion), add any suppressed premise, "
         "then say whether it is valid and whether you think it is sound, and why.")
PHIL_FOLLOW = ("which premise would a compatibilist reject?", "is premise 2 begging the question?",
               "can you give a counterexample to premise 1?", "how would Hume respond?")


def philosophy_tutor(ctx: Ctx, count: int) -> None:
    """Two course apps (students in `user`, 150-400 requests/day, evening peak, multi-turn) and count-2
    individual students (2-10 requests/day, some writing in Romanian or Hungarian)."""
    rng = ctx.rng
    for i in range(count):
        app = i < 2
        acct = ctx.account("benign", "philosophy_tutor")
        lang = "en" if app or rng.random() < 0.7 else rng.choice(("ro", "hu"))
        per_day = rng.uniform(150, 400) if app else rng.uniform(2, 10)
        api = "anthropic.messages" if rng.random() < 0.4 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=per_day, session_len=(1, 4), gap_s=(60, 600)):
            student = f"stu_{rng.getrandbits(24):06x}" if app else None
            text = f"{rng.choice(ARGUMENTS)}\n\n{RECON}"
            if lang != "en":
                text = f"{text}\n{rng.choice(W.HELP_I18N[lang])}"
            msgs = [{"role": "user", "content": text}]
            for t in session:
                out = rng.randint(300, 1100)
                if api == "anthropic.messages":
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2000), out, user=student)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), temperature=0.5), out, user=student)
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 80)},
                               {"role": "user", "content": rng.choice(PHIL_FOLLOW)}]


CI_INSTR = ("You explain CI failures to the developer who pushed. Reason through the traceback and the diff before "
            "naming a root cause; then suggest the smallest fix. If the failure looks flaky, say so and why.")


def ci_bot(ctx: Ctx, count: int) -> None:
    """80-200 failing jobs/day in office hours (weekends x0.15). 60% one Responses request with log + diff; 40% a
    2-5 step tool loop on chat.completions (get_log / read_file / run_test), steps paced by tool latency."""
    rng = ctx.rng
    tools = [{"type": "function", "function": {"name": n, "description": d, "parameters": {
        "type": "object", "properties": {"arg": {"type": "string"}}}}} for n, d in W.TOOLSETS["ci"]]
    for _ in range(count):
        acct = ctx.account("benign", "ci_bot")
        for t in ctx.window_times(acct["tz"], rng.uniform(80, 200), hours=(9, 19), outside=0.1, weekend=0.15):
            rt = rng.choice(W.RUNTIMES)
            log = W.test_log(rng, rt)
            if rng.random() < 0.6:
                body = {"model": "gpt-4.1", "instructions": CI_INSTR, "max_output_tokens": 1500,
                        "input": f"{log}\n\nDiff:\n{W.snippet(rng, rt, rng.randint(8, 30))}"}
                ctx.emit(t + rng.uniform(20, 90), acct, "openai.responses", body, rng.randint(200, 800))
                continue
            msgs: list[dict] = [{"role": "system", "content": CI_INSTR},
                                {"role": "user", "content": f"Job failed:\n{log}"}]
            t += rng.uniform(20, 90)
            for _ in range(rng.randint(2, 5)):
                out = rng.randint(80, 400)
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body(list(msgs), model="gpt-4.1-mini", tools=tools, temperature=0), out)
                name, cid = rng.choice(W.TOOLSETS["ci"])[0], f"call_{rng.getrandbits(64):016x}"
                msgs += [{"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function",
                          "function": {"name": name, "arguments": f'{{"arg": "{rng.choice(W.TOPICS)}"}}'}}]},
                         {"role": "tool", "tool_call_id": cid, "content": W.prose(rng, rng.randint(20, 120))}]
                t += out / 80 + rng.uniform(2, 45)


LOC_SYSTEM = ("Translate UI strings from English into {lang}. Keep placeholders such as {{count}} and %s unchanged, "
              "follow the glossary, keep each string no longer than 1.3x the source, and return a JSON object "
              "mapping each key to its translation.")
LOC_LANGS = {"cs": "Czech", "fi": "Finnish", "hu": "Hungarian", "ro": "Romanian", "he": "Hebrew", "th": "Thai"}


def localisation_vendor(ctx: Ctx, count: int) -> None:
    """Workday hours (8-18 local, weekends off), 500-1000 requests/day, batches of 10-40 strings, one target
    language per request; temperature 0."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "localisation_vendor")
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 1000), hours=(8, 18), outside=0.02, weekend=0.0):
            lang = LOC_LANGS[rng.choice(tuple(LOC_LANGS))]
            strings = {f"{rng.choice(W.TOPICS).replace(' ', '_')}.{rng.randint(1, 500)}": W.prose(rng, rng.randint(2, 12))
                       for _ in range(rng.randint(10, 40))}
            glossary = ", ".join(f"{w} = <keep>" for w in rng.sample(W.TOPICS, 3))
            user = f"Glossary: {glossary}\n\nStrings:\n" + "\n".join(f"{k}: {v}" for k, v in strings.items())
            ctx.emit(t, acct, "openai.chat.completions", chat_body(
                [{"role": "system", "content": LOC_SYSTEM.format(lang=lang)}, {"role": "user", "content": user}],
                model="gpt-4.1", temperature=0, response_format={"type": "json_object"}, max_tokens=4000),
                rng.randint(200, 1500))


QUANT_ASKS = ("Derive {d} carefully, stating every assumption, then give the closed form.",
              "I get a different sign from the textbook for {d}. Derive it and show where the sign comes from.",
              "Check my derivation of {d}:\n{mine}\nIs each step justified?",
              "Sketch {d}, then tell me how it changes if rates are stochastic.")


def quant_desk(ctx: Ctx, count: int) -> None:
    """Individual quants, office hours (weekends off), 15-60 requests/day in sessions; 30% on o3 via Responses
    with high effort, the rest chat; short follow-ups in the same thread."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "quant_desk")
        reasoning = rng.random() < 0.3
        msgs: list[dict] = []
        for t in ctx.window_times(acct["tz"], rng.uniform(15, 60), hours=(8, 19), outside=0.05, weekend=0.0):
            if msgs and rng.random() < 0.35:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 100)},
                               {"role": "user", "content": rng.choice(("and the gamma?", "now with dividends",
                                                                       "why can we drop that term?"))}]
            else:
                msgs = [{"role": "user", "content": rng.choice(QUANT_ASKS).format(
                    d=W.derivation(rng), mine=W.prose(rng, rng.randint(40, 120)))}]
            out = rng.randint(600, 2500)
            if reasoning:
                ctx.emit(t, acct, "openai.responses", {"model": "o3", "input": list(msgs), "max_output_tokens": 12000,
                                                       "reasoning": {"effort": "high"}}, out)
            else:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1"), out)


RULES = "\n".join(f"{i}. {r}" for i, r in enumerate((
    "A player may trade with any neighbour once per turn.", "Ships move up to three sea spaces.",
    "A harbour doubles income from adjacent fishing tiles.", "Storm cards are resolved before any movement.",
    "Combat: attacker rolls two dice, defender one; ties go to the defender.",
    "A settlement cannot be built adjacent to another settlement.", "Tokens removed by a storm return to supply.",
    "Victory at 12 points, checked only at the end of your own turn."), start=1))
RULE_QS = ("Can I trade with my neighbour after a storm card took my ship?", "does the harbour bonus stack?",
           "if I reach 12 points on someone else's turn do I win?", "can a ship attack a settlement?",
           "we disagree about ties in combat with a harbour, who's right?", "explain the storm timing pls")


def boardgame_rules(ctx: Ctx, count: int) -> None:
    """Players in `user`, evenings (local 18-24h) and all weekend, 150-400 requests/day; rulings with rule
    numbers; 30% of questions get a follow-up within minutes."""
    rng = ctx.rng
    system = f"You answer rules questions for the board game 'Harbours of Vell'. Cite rule numbers.\n\n{RULES}"
    for _ in range(count):
        acct = ctx.account("benign", "boardgame_rules")
        for t in ctx.window_times(acct["tz"], rng.uniform(150, 400), hours=(18, 24), outside=0.15, weekend=2.5):
            player = f"p{rng.getrandbits(28):07x}"
            msgs = [{"role": "user", "content": rng.choice(RULE_QS) + " Explain how the rules settle it."}]
            ctx.emit(t, acct, "anthropic.messages", anthropic_body(msgs, system=system, max_tokens=800),
                     rng.randint(120, 500), user=player)
            if rng.random() < 0.3:
                msgs += [{"role": "assistant", "content": W.prose(rng, 50)},
                         {"role": "user", "content": rng.choice(("but what if it's the last round?", "source?"))}]
                ctx.emit(t + rng.uniform(40, 400), acct, "anthropic.messages",
                         anthropic_body(msgs, system=system, max_tokens=800), rng.randint(80, 300), user=player)


BENIGN_V5 = {
    "mooc_grader": (mooc_grader, 2), "cp_judge": (cp_judge, 2), "actuarial_team": (actuarial_team, 2),
    "chem_notebook": (chem_notebook, 3), "philosophy_tutor": (philosophy_tutor, 24), "ci_bot": (ci_bot, 3),
    "localisation_vendor": (localisation_vendor, 2), "quant_desk": (quant_desk, 8),
    "boardgame_rules": (boardgame_rules, 2),
}
