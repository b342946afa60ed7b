"""Benign personas added by the `v4` variant, on top of personas.BENIGN. Written blind: the author did not
read gateway/extraction/, tests/extraction/ or docs/extraction.md and never ran the detector.

Hard negatives that real deployments have, sharing text pools, languages, APIs and parameters with the v4
attacks (client metadata from ctx.account, except where a docstring says otherwise):
- textbook_publisher: a contractor writing the instructor's solutions manual of two textbooks (one Swedish)
  exercise by exercise, office hours, with a QA pass; allowlist-worthy but unknown to the operator.
- olympiad_club: a maths-olympiad club's key shared by a coach and students: proofs, hints, proof checking,
  full write-ups, some extended thinking; evenings and weekends; one club Ukrainian.
- legal_research: a legal research tool: long IRAC memos over retrieved excerpts, Responses API, lawyers in
  `user`, follow-ups in the same matter.
- code_review_bot: a review bot posting a long review (with the reasoning behind each finding) for every PR
  and re-review after pushes, webhook-driven in office hours.
- npc_dialogue: a game studio generating NPC barks with n=4-8 at temperature 1.1-1.3 on a fixed set of
  character sheets x scenes, plus best-line picking.
- accessibility_app: an app describing photos and charts step by step for blind users (image parts).
- prompt_regression: a customer replaying a fixed suite of their product's prompts nightly (n=3 for
  flakiness), including recorded tool-calling conversations, plus a midday PR-gate subset on weekdays.
- researchers: individual researchers asking for derivations and checks of their own derivations.
- language_learning: a language-learning app asking for grammar explanations in seven languages; its requests
  come from a small pool of edge-function IPs (drawn with Ctx.ip), not one fixed IP.
- bi_copilot: a text-to-SQL analytics product: schema in the system prompt, "reason about tables and grain,
  then SQL", many end users.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v4 as W
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

MANUAL_SYSTEM = ("You are preparing the Instructor's Solutions Manual for '{book}'. House style: restate what is "
                 "asked; solve with full working, each step with a one-line justification; box the final answer; "
                 "finish with one common student error for this exercise. {lang}")
BOOKS = (("Precalculus and Discrete Mathematics, 3rd edition", "en", "Write in English."),
         ("Diskret matematik för ingenjörer, 2:a upplagan", "sv", "Skriv på svenska."))


def textbook_publisher(ctx: Ctx, count: int) -> None:
    """Office hours (weekends almost idle), 500-900 requests/day, exercises in book order; 15% QA passes."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "textbook_publisher")
        book, lang, note = BOOKS[i % 2]
        system = MANUAL_SYSTEM.format(book=book, lang=note)
        anthropic = i % 2 == 1
        ch, sec, ex = rng.randint(1, 4), 1, 1
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 900), hours=(8, 18), outside=0.03, weekend=0.05):
            ex += 1
            if ex > rng.randint(30, 60):
                sec, ex = sec + 1, 1
                if sec > 6:
                    ch, sec = ch + 1, 1
            problem = W.maths(rng, lang) if lang != "en" or rng.random() < 0.8 else W.coding(rng, "Python")
            user = f"Chapter {ch}, Section {ch}.{sec}, Exercise {ex}:\n{problem}"
            if rng.random() < 0.15:
                user = (f"QA pass. Check the manual's solution to this exercise; list every error or unjustified "
                        f"step, or reply OK.\n\n{user}\n\nManual solution:\n{W.prose(rng, rng.randint(80, 200))}")
            out = rng.randint(500, 2500)
            if anthropic:
                ctx.emit(t, acct, "anthropic.messages",
                         anthropic_body([{"role": "user", "content": user}], system=system, max_tokens=4000,
                                        temperature=0.2), out)
            else:
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body([{"role": "system", "content": system}, {"role": "user", "content": user}],
                                   model="gpt-4.1", temperature=0.2, max_tokens=4000), out)


CLUB_ASKS = {
    "en": ("only a hint please, don't spoil it", "here's my proof, where's the gap?\n", "full solution the way you'd "
           "write it up at the olympiad", "is there a nicer approach than bashing it?", "why does induction fail here?"),
    "uk": ("лише підказку, будь ласка", "ось мій доказ, де помилка?\n", "повний розв'язок, як на олімпіаді",
           "чи є елегантніший спосіб?"),
}


def olympiad_club(ctx: Ctx, count: int) -> None:
    """One key per club, a coach and ~30 students (`user`), 60-160 requests/day in the evenings and all weekend,
    multi-turn; 30% of conversations on Anthropic with extended thinking."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "olympiad_club")
        lang = ("en", "uk")[i % 2]
        convs: dict[str, list[dict]] = {}
        for t in ctx.window_times(acct["tz"], rng.uniform(60, 160), hours=(16, 23), outside=0.15, weekend=1.0):
            who = f"{'coach' if rng.random() < 0.1 else 'student'}-{rng.randint(1, 30)}"
            msgs = convs.get(who, [])
            if msgs and rng.random() < 0.55:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 90)},
                               {"role": "user", "content": rng.choice(CLUB_ASKS[lang])}]
            else:
                ask = rng.choice(CLUB_ASKS[lang])
                if ask.endswith("\n"):
                    ask += W.prose(rng, rng.randint(40, 120))
                msgs = [{"role": "user", "content": f"{W.maths(rng, lang)}\n\n{ask}"}]
            convs[who] = msgs
            if rng.random() < 0.3:
                body = anthropic_body(list(msgs), max_tokens=16000, thinking={"type": "enabled", "budget_tokens": 8000})
                ctx.emit(t, acct, "anthropic.messages", body, rng.randint(1500, 7000), user=who)
            else:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), model="gpt-4.1", temperature=0.5),
                         rng.randint(300, 2000), user=who)


LEGAL_INSTR = ("You are a legal research assistant for qualified lawyers. Answer in IRAC structure (Issue, Rule, "
               "Application, Conclusion). Cite only the numbered excerpts, by number. Explain how each rule applies "
               "to the facts before concluding, and flag any point where the excerpts are insufficient.")


def legal_research(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "legal_research")
        matters: dict[str, list[dict]] = {}
        for t in ctx.window_times(acct["tz"], rng.uniform(250, 500), hours=(8, 19), outside=0.05, weekend=0.1):
            lawyer = f"lawyer-{rng.randint(1, 400)}"
            items = matters.get(lawyer, [])
            if items and rng.random() < 0.35:
                items = items + [{"role": "assistant", "content": W.prose(rng, 150)},
                                 {"role": "user", "content": f"Now assume instead that {W.prose(rng, 15)} How does "
                                  f"the analysis change?"}]
            else:
                q = rng.choice(W.LEGAL_Q).format(j=rng.choice(W.JURISDICTIONS), n=rng.randint(1, 24))
                excerpts = "\n\n".join(f"[{k + 1}] {W.prose(rng, rng.randint(60, 180))}"
                                       for k in range(rng.randint(4, 8)))
                text = f"Question: {q}\n\nFacts: {W.prose(rng, 40)}\n\nExcerpts:\n{excerpts}"
                items = [{"role": "user", "content": text}]
            matters[lawyer] = items
            body = {"model": "gpt-4.1", "instructions": LEGAL_INSTR, "input": list(items), "max_output_tokens": 6000,
                    "temperature": 0.1}
            ctx.emit(t, acct, "openai.responses", body, rng.randint(1200, 4500), user=lawyer)


REVIEW_SYSTEM = ("You are ReviewBot. Review the pull request diff. For every finding give the file and line, the "
                 "severity, what is wrong, the reasoning that leads you to that conclusion, and a concrete fix. End "
                 "with an overall verdict: approve, comment or request changes.")


def code_review_bot(ctx: Ctx, count: int) -> None:
    """PRs arrive in office hours (120-350/day per org); each gets a review, 30% get 1-3 re-reviews 20-120 min
    later after new pushes. One org in three is on Anthropic."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "code_review_bot")
        anthropic = i % 3 == 2
        for t0 in ctx.window_times(acct["tz"], rng.uniform(120, 350), hours=(9, 19), outside=0.08, weekend=0.05):
            pr = rng.randint(1000, 99999)
            title = f"{rng.choice(('Fix', 'Add', 'Refactor', 'Bump', 'Remove'))} {rng.choice(W.TOPICS)} handling"
            times = [t0] + ([t0 + k * rng.uniform(1200, 7200) for k in range(1, rng.randint(2, 4))]
                            if rng.random() < 0.3 else [])
            for t in times:
                user = f"PR #{pr}: {title}\n\n{W.diff(rng, rng.randint(1, 6))}"
                out = rng.randint(600, 3200)
                if anthropic:
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body([{"role": "user", "content": user}],
                             system=REVIEW_SYSTEM, max_tokens=4000, temperature=0), out)
                else:
                    ctx.emit(t, acct, "openai.chat.completions",
                             chat_body([{"role": "system", "content": REVIEW_SYSTEM},
                                        {"role": "user", "content": user}],
                                       model="gpt-4.1", temperature=0, max_tokens=4000), out)


def npc_dialogue(ctx: Ctx, count: int) -> None:
    """Designers trigger generation runs in sessions of 10-40 requests 3-20 s apart; 80% ask for n=4-8 barks
    for a (character, scene) pair out of 48, so prompts repeat; 20% pick the best of some candidate lines."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "npc_dialogue")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(300, 700), session_len=(10, 40), gap_s=(3, 20)):
            for t in session:
                name, role, mood = rng.choice(W.NPCS)
                scene = rng.choice(W.SCENES)
                system = f"You write in-game dialogue. Character: {name}, {role}; temperament: {mood}. Max 25 words."
                if rng.random() < 0.8:
                    body = chat_body([{"role": "system", "content": system},
                                      {"role": "user", "content": f"Scene: {scene}. One line of dialogue."}],
                                     n=rng.randint(4, 8), temperature=rng.choice((1.1, 1.2, 1.3)), max_tokens=60)
                    ctx.emit(t, acct, "openai.chat.completions", body, rng.randint(150, 450))
                else:
                    lines = "\n".join(f"{k + 1}. {W.prose(rng, 12)}" for k in range(rng.randint(4, 8)))
                    body = chat_body([{"role": "system", "content": system}, {"role": "user", "content":
                                      f"Scene: {scene}. Which line fits the character best? Number only.\n{lines}"}],
                                     temperature=0, max_tokens=2)
                    ctx.emit(t, acct, "openai.chat.completions", body, 1)


ALT_ASK = ("Describe this image for a blind user. Go in order: the overall layout, then each element, then what it "
           "means. If it is a chart, read out the axes and the key values and explain the trend step by step.")


def accessibility_app(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "accessibility_app")
        anthropic = i % 2 == 1
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(400, 900), session_len=(1, 4), gap_s=(15, 200)):
            who = f"u{rng.getrandbits(30):08x}"
            url = f"https://media.example-app.net/{rng.getrandbits(64):016x}.jpg"
            hint = rng.choice(W.CHARTS).format(w=rng.choice(W.TOPICS))
            first = f"{ALT_ASK} (The user says it is {hint}.)"
            if anthropic:
                image = {"type": "image", "source": {"type": "url", "url": url}}
                msgs: list[dict] = [{"role": "user", "content": [image, {"type": "text", "text": first}]}]
            else:
                msgs = [{"role": "user", "content": [{"type": "text", "text": first},
                                                     {"type": "image_url", "image_url": {"url": url}}]}]
            for t in session:
                out = rng.randint(150, 900)
                if anthropic:
                    ctx.emit(t, acct, "anthropic.messages", anthropic_body(list(msgs), max_tokens=1200), out, user=who)
                else:
                    ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), temperature=0.2,
                                                                           max_tokens=1200), out, user=who)
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 60)},
                               {"role": "user", "content": rng.choice(("what's the biggest value?", "read the small "
                                                                       "print", "what colour is the top line?",
                                                                       "explain the trend again, slower"))}]


CLAIM_SYSTEM = ("You are ClaimPilot, the claims assistant of a home-insurance company. Given a claim, explain your "
                "reasoning against the policy terms, then return JSON {\"decision\": \"pay\"|\"refer\"|\"deny\", "
                "\"reasons\": [..]}. Use the tools to look up policies and prior claims.")
CLAIM_TOOLS = [{"type": "function", "function": {"name": n, "description": d, "parameters": {"type": "object"}}}
               for n, d in (("get_policy", "Fetch the policy by number."), ("prior_claims", "List prior claims."))]


def prompt_regression(ctx: Ctx, count: int) -> None:
    """A fixed suite of 150-250 cases (25% recorded tool-calling conversations), built once and replayed every
    night at local 02-04h with n=3; on weekdays a 40-case PR-gate subset at local 13h."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "prompt_regression")
        suite = []
        for k in range(rng.randint(150, 250)):
            msgs: list[dict] = [{"role": "system", "content": CLAIM_SYSTEM},
                                {"role": "user", "content": f"Claim {k}: {W.prose(rng, rng.randint(30, 90))}"}]
            if rng.random() < 0.25:
                for j in range(rng.randint(1, 3)):
                    cid = f"call_rec{k:03d}{j}"
                    msgs += [{"role": "assistant", "content": None, "tool_calls": [{"id": cid, "type": "function",
                              "function": {"name": CLAIM_TOOLS[j % 2]["function"]["name"], "arguments": "{}"}}]},
                             {"role": "tool", "tool_call_id": cid, "content": W.prose(rng, 40)}]
            suite.append(msgs)
        for d in range(int(ctx.days) + 1):
            runs = [(2 + rng.uniform(0, 2), suite)]
            if (3 + d) % 7 < 5:
                runs.append((13 + rng.uniform(0, 1), rng.sample(suite, 40)))
            for hour, cases in runs:
                t = ctx.start + d * DAY + ((hour - acct["tz"]) % 24) * 3600
                for msgs in cases:
                    ctx.emit(t, acct, "openai.chat.completions",
                             chat_body(msgs, model="gpt-4.1-mini", n=3, temperature=0.7, seed=7, tools=CLAIM_TOOLS,
                                       max_tokens=800), rng.randint(300, 1800))
                    t += rng.uniform(2, 9)


RESEARCH_ASKS = ("Can you derive {d}? I keep losing a factor of 2 somewhere.",
                 "Sanity-check my derivation of {d}:\n{mine}\nWhere does it go wrong, if anywhere?",
                 "What's the cleanest derivation of {d}? Assume only what's standard in a graduate course.",
                 "For a paper appendix I need {d} written out carefully, with every assumption stated.",
                 "Quick one: is there a slicker route to {d} than the textbook one?")


def researchers(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "researcher")
        api = rng.choice(("openai.chat.completions", "anthropic.messages", "openai.responses"))
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(2, 12), session_len=(1, 4), gap_s=(120, 1500)):
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.6:
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 120)},
                                   {"role": "user", "content": rng.choice(("why is the cross term zero?", "ok, and "
                                    "without assuming stationarity?", "thanks, that's the factor I lost",
                                    "can you redo it in matrix form"))}]
                else:
                    text = rng.choice(RESEARCH_ASKS).format(d=rng.choice(W.DERIVATIONS), mine=W.prose(rng, 80))
                    msgs = [{"role": "user", "content": W.casual(rng, text)}]
                out = rng.randint(800, 3500)
                if api == "anthropic.messages":
                    extra = {"thinking": {"type": "enabled", "budget_tokens": 5000}} if rng.random() < 0.3 else {}
                    ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=12000, **extra), out)
                elif api == "openai.responses":
                    body = {"model": rng.choice(("gpt-4.1", "o3")), "input": list(msgs)}
                    if body["model"] == "o3":
                        body["reasoning"] = {"effort": "medium"}
                    ctx.emit(t, acct, api, body, out)
                else:
                    ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4.1"), out)


L1S = ("English", "Spanish", "Turkish", "Polish", "Arabic", "Hindi", "Portuguese")
L2_NAMES = {"nl": "Dutch", "sv": "Swedish", "uk": "Ukrainian", "ar": "Arabic", "hi": "Hindi", "el": "Greek",
            "en": "English"}


def language_learning(ctx: Ctx, count: int) -> None:
    """One key per app, learners in `user`, requests from 5 edge IPs; grammar questions, short follow-ups."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "language_learning")
        edges = [ctx.ip() for _ in range(5)]
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(500, 1000), session_len=(1, 4), gap_s=(20, 300)):
            learner = f"l{rng.getrandbits(28):07x}"
            l2 = rng.choice(tuple(L2_NAMES))
            l1 = rng.choice([x for x in L1S if x != L2_NAMES[l2]])
            system = (f"You are a grammar coach in a language-learning app. The learner speaks {l1} and is learning "
                      f"{L2_NAMES[l2]}. Explain the grammar point step by step in {l1}, with two example sentences "
                      f"and a three-item mini exercise.")
            msgs = [{"role": "system", "content": system}, {"role": "user", "content": rng.choice(W.GRAMMAR[l2])}]
            ip = rng.choice(edges)
            for t in session:
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(msgs), temperature=0.4, max_tokens=900),
                         rng.randint(200, 800), user=learner, ip=ip)
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 70)},
                               {"role": "user", "content": rng.choice(("another example?", "why though?",
                                                                       "check my answers: 1b 2a 3c", "ok got it"))}]


BI_QUESTIONS = ("Which {x} grew fastest last quarter?", "Show the top 5 {x} by volume per month this year.",
                "How many {x} went quiet after their first 30 days?", "What's the median gap between events for {x}?",
                "Compare this year's {x} to last year's, week by week.")
BI_ENTITIES = {"e-commerce": "customers", "hospital": "wards", "airline": "routes", "saas billing": "plans",
               "ride-hailing": "drivers", "payroll": "departments", "library": "branches",
               "iot telemetry": "sites", "football": "teams", "banking": "customer segments"}


def bi_copilot(ctx: Ctx, count: int) -> None:
    """Office hours, 300-700 requests/day, end users of many companies (`user`), schema in the system prompt."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "bi_copilot")
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(8, 18), outside=0.1, weekend=0.2):
            domain = rng.choice(tuple(W.SQL_DOMAINS))
            dialect = rng.choice(W.SQL_DIALECTS)
            system = (f"You translate business questions into {dialect} SQL for this schema:\n{W.sql_schema(domain)}\n"
                      f"Think about which tables, joins and grain the question needs, explain that briefly, then "
                      f"give the query in a ```sql block.")
            q = rng.choice(BI_QUESTIONS).format(x=BI_ENTITIES[domain])
            ctx.emit(t, acct, "openai.chat.completions",
                     chat_body([{"role": "system", "content": system}, {"role": "user", "content": q}],
                               model="gpt-4.1-mini", temperature=0, max_tokens=1500),
                     rng.randint(150, 900), user=f"{rng.choice(W.TOPICS)}-{rng.randint(1, 900)}")


BENIGN_V4 = {
    "textbook_publisher": (textbook_publisher, 2), "olympiad_club": (olympiad_club, 2),
    "legal_research": (legal_research, 2), "code_review_bot": (code_review_bot, 3),
    "npc_dialogue": (npc_dialogue, 2), "accessibility_app": (accessibility_app, 2),
    "prompt_regression": (prompt_regression, 2), "researcher": (researchers, 25),
    "language_learning": (language_learning, 2), "bi_copilot": (bi_copilot, 2),
}
