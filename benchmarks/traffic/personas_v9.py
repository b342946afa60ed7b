"""Benign personas added by the `v9` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, sharing text pools, languages (en, sl, et, eu, ka, kn, is), APIs and
parameters with the v9 attacks; client metadata from ctx.account except for leaderboard_harness, which is about it:
- bookkeeping_copilot: an accounting product's RAG assistant: every question embedded, then answered over retrieved
  standard paragraphs (the same knowledge base as the harvester) under a system prompt that asks for citations
  and one computation per line; customers in `user`, follow-ups, a "deep answer" mode on a reasoning model.
- audit_workpapers: an audit firm's working-paper drafting tool: every sampled ledger item or booking question
  written up as objective / source figures / procedure / computation / conclusion, engagement by engagement in
  office hours, auditors in `user`.
- accountancy_students: individuals preparing for professional accounting exams, 35% in sl/et/eu/ka/kn/is, asking
  for model answers, checking their own figures, following up; evenings and weekends.
- genetics_course: a university genetics course's problem-set helper (students in `user`), every step explained,
  evening peak and a surge before the problem-set deadline.
- trust_safety_bpo: a moderation vendor pre-adjudicating its queue with the platform's policy text (the same policy
  grid as the taxonomy campaign), reasoning then outcome as JSON, reviewers in `user`, 24/7 shifts, appeals.
- policy_calibration: an integrity team's calibration study: a fixed labelled set asked for verbalised label
  probabilities under four prompt variants in a morning batch, plus ad hoc checks.
- search_reindex: a news-and-shop search team: nightly re-embedding of changed documents at two dimension
  settings (an index-size A/B test), daytime query embeddings for many users and yes/no reranking with logprobs.
- subtitle_studio: a subtitling house translating episodes line by line into the six languages with notes on every
  line it adapted rather than translated (lip-sync, idiom), office hours.
- leaderboard_harness: an evaluation vendor running one public accounting-and-genetics benchmark for three client
  keys at the same scheduled hour, every item three times at temperature 1; its runner gives all three keys the
  same egress IP and user agent.
- web_qa_agents: a QA-automation company whose browser agents test customers' sites step by step with a JSON
  action schema over accessibility trees, in CI bursts.
- finance_analysts: finance staff using a Python-tool data assistant on the Responses API over their ledgers,
  a few short sessions each working day.
"""

from __future__ import annotations

from benchmarks.traffic import corpus_v9 as W
from benchmarks.traffic import corpus_v9_agents as G
from benchmarks.traffic.context import (
    DAY,
    UA_WEIGHTS,
    USER_AGENTS,
    Ctx,
    anthropic_body,
    chat_body,
    instructed_body,
)

CHAT, ANTH, RESP, EMB = "openai.chat.completions", "anthropic.messages", "openai.responses", "openai.embeddings"
COPILOT_SYS = ("You are the help assistant inside Numbra Books. Use only the retrieved paragraphs, cite them in "
               "brackets, and when a figure is involved show each computation on its own line so the user can "
               "check it against their books. If the question needs professional advice, say so.")


def bookkeeping_copilot(ctx: Ctx, count: int) -> None:
    """400-900 conversations/day (7-22 local, outside x0.1, weekends x0.5); 10% non-English; 35% get 1-3
    follow-ups; 10% deep answers; customers from a 30k pool; one embeddings call before each turn."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "bookkeeping_copilot")
        users = [f"nb_{rng.getrandbits(40):010x}" for _ in range(30000)]
        for t in ctx.window_times(acct["tz"], rng.uniform(400, 900), hours=(7, 22), outside=0.1, weekend=0.5):
            lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.1 else "en"
            first = W.typed(rng, rng.choice(W.EVERYDAY_Q) if rng.random() < 0.55 else W.problem(rng, lang, 0.0))
            turns = [first] + [W.typed(rng, rng.choice(W.FOLLOW[lang]))
                               for _ in range(rng.choice((1, 2, 3)) if rng.random() < 0.35 else 0)]
            user, deep, msgs = rng.choice(users), rng.random() < 0.1, []
            for text in turns:
                ctx.emit(t, acct, EMB, {"model": "text-embedding-3-small", "input": text}, 0, user=user)
                t += rng.uniform(0.15, 0.7)
                prompt = f"Retrieved paragraphs:\n{W.kb_context(rng, rng.randint(2, 5))}\n\nQuestion: {text}"
                out = rng.randint(150, 1400)
                if deep:
                    ctx.emit(t, acct, RESP, {"model": "o4-mini", "instructions": COPILOT_SYS, "input": prompt,
                                             "reasoning": {"effort": "medium"}}, out, user=user)
                else:
                    if msgs:
                        msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(60, 250))}]
                    msgs = msgs + [{"role": "user", "content": prompt}]
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": COPILOT_SYS}] + msgs,
                                                      model="gpt-4.1", temperature=0.2), out, user=user)
                t += out / rng.uniform(55, 95) + rng.uniform(20, 400)


WP_INSTR = ("Draft the working paper for this sample item. Sections: objective; source figures; procedure "
            "performed; computation, one line per step with its source; exceptions noted; conclusion.")


def audit_workpapers(ctx: Ctx, count: int) -> None:
    """300-700 items/day (8-19 local, outside x0.05, weekends x0.2); an engagement is ~80 items in a row with one
    auditor at a time in `user`; half ledger samples, half booking questions."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "audit_workpapers")
        auditors = [f"aud_{rng.getrandbits(24):06x}" for _ in range(120)]
        auditor = rng.choice(auditors)
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(8, 19), outside=0.05,
                                               weekend=0.2)):
            if k % 80 == 0 or rng.random() < 0.02:
                auditor = rng.choice(auditors)
            item = (f"Sample item {k % 80 + 1}:\n{W.ledger(rng, rng.randint(1, 4))}" if rng.random() < 0.5
                    else W.problem(rng, "en", 0.0))
            ctx.emit(t, acct, RESP, {"model": "gpt-4.1", "instructions": WP_INSTR, "input": item,
                                     "max_output_tokens": 3000}, rng.randint(300, 1300), user=auditor)


STUDENT_ASKS = ("what would the model answer look like for this?", "how do I lay this out in the exam?",
                "is this right? I got {ans}", "the solution says {ans}, where does that come from?",
                "draft the model answer for the marking guide, I want to see where the marks are")


def accountancy_students(ctx: Ctx, count: int) -> None:
    """1-9 requests/day (17-24 local, outside x0.25, weekends x1.6); 35% non-English; accounting only; follow-ups in
    30% of turns; chat or Anthropic by account."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "accountancy_students")
        lang = rng.choice(W.LANGS[1:]) if rng.random() < 0.35 else "en"
        api = ANTH if rng.random() < 0.35 else CHAT
        msgs: list[dict] = []
        last = ctx.start
        for t in ctx.window_times(acct["tz"], rng.uniform(1, 9), hours=(17, 24), outside=0.25, weekend=1.6):
            if msgs and t - last < 1800 and rng.random() < 0.3:
                msgs = msgs + [{"role": "assistant", "content": W.prose(rng, rng.randint(80, 220))},
                               {"role": "user", "content": W.typed(rng, rng.choice(W.FOLLOW[lang]))}]
            else:
                ask = (rng.choice(STUDENT_ASKS) if lang == "en" else rng.choice(W.HELP_I18N[lang] + W.ASK_I18N[lang]))
                msgs = [{"role": "user", "content": W.typed(rng, f"{W.problem(rng, lang, 0.0)}\n"
                                                                 f"{ask.format(ans=W.answer(rng))}")}]
            last, out = t, rng.randint(300, 1600)
            if api == ANTH:
                ctx.emit(t, acct, api, anthropic_body(list(msgs), max_tokens=2500), out)
            else:
                ctx.emit(t, acct, api, chat_body(list(msgs), model="gpt-4o-mini"), out)


GENETICS_SYS = ("You help students on BIO-240 Genetics with their problem sets. Explain each step and the rule "
                "behind it, then check the student's own working if they give it. Do not just give the answer "
                "without the steps.")


def genetics_course(ctx: Ctx, count: int) -> None:
    """150-350 questions/day (9-24 local, outside x0.1) plus 200-500 in the 10 h before the deadline (local 23:59
    of day 2); 1,200 students in `user`; 25% followed by a question from the same student."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "genetics_course")
        students = [f"stu{rng.randint(10**5, 10**6 - 1)}" for _ in range(1200)]
        deadline = ctx.start + 2 * DAY + ((24 - acct["tz"]) % 24) * 3600 - 60
        times = ctx.window_times(acct["tz"], rng.uniform(150, 350), hours=(9, 24), outside=0.1)
        times += [deadline - rng.uniform(0, 10 * 3600) for _ in range(rng.randint(200, 500))]
        for t in sorted(times):
            student = rng.choice(students)
            msgs = [{"role": "system", "content": GENETICS_SYS},
                    {"role": "user", "content": W.typed(rng, W.render(W.item(rng, 1.0), "en", rng.choice((0, 0, 3, 5)),
                                                                       rng))}]
            for k in range(2 if rng.random() < 0.25 else 1):
                if k:
                    t += rng.uniform(60, 600)
                    msgs = msgs + [{"role": "assistant", "content": W.prose(rng, 150)},
                                   {"role": "user", "content": rng.choice(("why 2pq there?", "where does 3/16 come "
                                                                           "from", "so is my 1:2:1 wrong?"))}]
                ctx.emit(t, acct, CHAT, chat_body(list(msgs), model="gpt-4o", temperature=0.3),
                         rng.randint(250, 1100), user=student)


BPO_SYS = ("You pre-screen items in a content-moderation queue for human reviewers. Using the policy provided, "
           "reason about the item in two or three sentences, then give the outcome. Return JSON: {\"reasoning\", "
           "\"outcome\": \"allow|label|remove|escalate\", \"section\"}.")


def trust_safety_bpo(ctx: Ctx, count: int) -> None:
    """500-1100 items/day around the clock (three shifts, weekends x0.9), reviewers from a pool of 400 in `user`;
    4% are appeals with a longer written decision."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "trust_safety_bpo")
        reviewers = [f"rv{rng.randint(1000, 9999)}" for _ in range(400)]
        for t in ctx.window_times(acct["tz"], rng.uniform(500, 1100), hours=(0, 24), outside=1.0, weekend=0.9):
            area = rng.choice(W.AREAS)
            item = (f"Policy: {W.POLICY[area]}\nSurface: {rng.choice(W.SURFACES)}\nItem: \"{W.content(rng, area)}\"")
            if rng.random() < 0.04:
                item += "\nThe user appealed: \"" + rng.choice(("it was a joke", "I was quoting the news", "this is "
                                                                "my own shop")) + "\". Write the appeal decision."
            msgs = [{"role": "system", "content": BPO_SYS}, {"role": "user", "content": item}]
            ctx.emit(t, acct, CHAT, chat_body(msgs, model="gpt-4.1-mini", temperature=0,
                                              response_format={"type": "json_object"}),
                     rng.randint(60, 220), user=rng.choice(reviewers))


CALIB_VARIANTS = ("Give a probability for each outcome (allow, label, remove, escalate) as JSON; they must sum to 1.",
                  "How likely is each outcome: allow, label, remove, escalate? JSON with probabilities summing to 1.",
                  "Output JSON mapping allow/label/remove/escalate to probabilities (sum 1). No explanation.",
                  "Estimate P(outcome) for allow, label, remove and escalate; reply with JSON only.")


def _prob_ask(ctx: Ctx, acct: dict, api: str, t: float, text: str) -> None:
    rng = ctx.rng
    if api == ANTH:
        ctx.emit(t, acct, api, anthropic_body([{"role": "user", "content": text}], max_tokens=60, temperature=0.0),
                 rng.randint(25, 45))
    else:
        ctx.emit(t, acct, api, chat_body([{"role": "user", "content": text}], model="gpt-4.1-mini", temperature=0,
                                         max_tokens=60), rng.randint(25, 45))


def policy_calibration(ctx: Ctx, count: int) -> None:
    """A fixed set of 300 labelled items x 4 prompt variants each weekday morning (local 6-9h, 4 lanes), temperature
    0 and max_tokens 60; 20-60 ad hoc checks per weekday; Anthropic for odd accounts."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "policy_calibration")
        items = [(a, rng.choice(W.SURFACES), W.content(rng, a)) for a in rng.choices(W.AREAS, k=300)]
        api = ANTH if i % 2 else CHAT
        for d in range(int(ctx.days) + 1):
            if (3 + d) % 7 >= 5:
                continue
            day0 = ctx.start + d * DAY
            lanes = [day0 + ((rng.uniform(6, 9) - acct["tz"]) % 24) * 3600 for _ in range(4)]
            for v, variant in enumerate(CALIB_VARIANTS):
                for area, surf, text in items:
                    _prob_ask(ctx, acct, api, lanes[v], f"Policy {W.POLICY[area][:3]}. {surf}: \"{text}\"\n{variant}")
                    lanes[v] += rng.uniform(0.8, 3)
            for t in ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(9, 18), outside=0, start=day0,
                                      end=day0 + DAY):
                area = rng.choice(W.AREAS)
                text = f"{rng.choice(W.SURFACES)}: \"{W.content(rng, area)}\"\n{rng.choice(CALIB_VARIANTS)}"
                _prob_ask(ctx, acct, api, t, f"Policy {W.POLICY[area][:3]}. {text}")


def search_reindex(ctx: Ctx, count: int) -> None:
    """Nightly (local 1-2h start) 120-250 batches of 16-48 changed documents, each at 1024 and 256 dimensions;
    daytime 300-700 single query embeddings (sessions in `user`), 40% of them followed by 1-3 yes/no rerank
    calls with top_logprobs 2."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "search_reindex")
        for d in range(-1, int(ctx.days) + 1):
            t = ctx.start + d * DAY + ((rng.uniform(1, 2) - acct["tz"]) % 24) * 3600
            for _ in range(rng.randint(120, 250)):
                docs = [W.snippet(rng) for _ in range(rng.randint(16, 48))]
                for dims in (1024, 256):
                    ctx.emit(t, acct, EMB, {"model": "text-embedding-3-large", "input": docs, "dimensions": dims}, 0)
                    t += rng.uniform(0.5, 3)
                t += rng.uniform(5, 30)
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(7, 23), outside=0.1):
            q = rng.choice(("{o} {pl}", "{o}", "latest on {o}", "{pl} {o} opening")).format(
                o=rng.choice(W.OBJECTS), pl=rng.choice(W.PLACES))
            ctx.emit(t, acct, EMB, {"model": "text-embedding-3-large", "input": q, "dimensions": 256}, 0,
                     user=f"sess_{rng.getrandbits(32):08x}")
            if rng.random() < 0.4:
                for _ in range(rng.randint(1, 3)):
                    t += rng.uniform(0.05, 0.4)
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "user", "content": (
                        f"Search query: {q}\nDocument: {W.snippet(rng)}\nIs the document relevant to the query? "
                        "Answer yes or no.")}], model="gpt-4.1-mini", temperature=0, max_tokens=1, logprobs=True,
                        top_logprobs=2), 1)


SUB_SYS = ("You translate subtitles into {L}. Keep each line under 42 characters where possible. After the "
           "translation, add a note for any line you adapted rather than translated (idiom, lip-sync, cultural "
           "reference) saying what you changed and why.")


def subtitle_studio(ctx: Ctx, count: int) -> None:
    """300-600 subtitle blocks/day (9-18 local, outside x0.05, weekends x0.1), episode by episode (~120 blocks),
    each episode into one of the six languages; chat for even accounts, Anthropic for odd."""
    rng = ctx.rng
    for i in range(count):
        acct = ctx.account("benign", "subtitle_studio")
        lang = rng.choice(W.LANGS[1:])
        for k, t in enumerate(ctx.window_times(acct["tz"], rng.uniform(300, 600), hours=(9, 18), outside=0.05,
                                               weekend=0.1)):
            if k % 120 == 0:
                lang = rng.choice(W.LANGS[1:])
            block = f"{k % 120 + 1}\n" + "\n".join(W.source(rng) for _ in range(rng.randint(1, 3)))
            system, out = SUB_SYS.format(L=W.LANG_NAMES[lang]), rng.randint(60, 400)
            if i % 2:
                ctx.emit(t, acct, ANTH, anthropic_body([{"role": "user", "content": block}], system=system,
                                                       max_tokens=1000), out)
            else:
                ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": system},
                                                   {"role": "user", "content": block}], model="gpt-4.1",
                                                  temperature=0.2), out)


HARNESS_PROMPT = "Question {i}. {p}\n\nWork through it and give the final answer on the last line as 'Answer: ...'."


def leaderboard_harness(ctx: Ctx, count: int) -> None:
    """One vendor runner: one egress IP and user agent for all client keys; each night at 02:00 UTC every key runs
    the same 150 items (a fixed public benchmark, 20% non-English) three times at temperature 1, 6 lanes."""
    rng = ctx.rng
    items = [HARNESS_PROMPT.format(i=k + 1, p=W.problem(rng, rng.choice(W.LANGS) if rng.random() < 0.2 else "en"))
             for k in range(150)]
    ip, ua = ctx.ip(), rng.choices(USER_AGENTS, UA_WEIGHTS)[0]
    accts = []
    for i in range(count):
        acct = ctx.account("benign", "leaderboard_harness")
        acct.update(ip=ip, ua=ua)
        accts.append((acct, (ANTH, CHAT, RESP)[i % 3]))
    for d in range(int(ctx.days) + 1):
        start = ctx.start + d * DAY + 2 * 3600
        for acct, api in accts:
            lanes = [start + rng.uniform(0, 20) for _ in range(6)]
            for rep in range(3):
                for k, prompt in enumerate(items):
                    lane = (k + rep) % 6
                    out = rng.randint(300, 1500)
                    if api == RESP:
                        body = {"model": "gpt-4.1", "input": prompt, "temperature": 1.0, "max_output_tokens": 4000}
                    else:
                        body = instructed_body(api, "You are a careful problem solver.", prompt, 4000, 1.0)
                        body["temperature"] = 1.0
                    ctx.emit(lanes[lane], acct, api, body, out)
                    lanes[lane] += out / rng.uniform(60, 120) + rng.uniform(0.1, 1)


QA_SYS = ("You are a test runner driving a browser. Given the test case, the current page (accessibility tree) and "
          "the steps done, return the next step as JSON only.")
QA_SCHEMA = {"type": "json_schema", "json_schema": {"name": "qa_step", "strict": True, "schema": {
    "type": "object", "additionalProperties": False, "required": ["observation", "next_step", "assertion"],
    "properties": {"observation": {"type": "string"}, "next_step": {"type": "string"},
                   "assertion": {"type": "string"}}}}}


def web_qa_agents(ctx: Ctx, count: int) -> None:
    """CI bursts 4-10 times a weekday (8-20 local, weekends x0.2): 10-40 test cases each, 4-12 steps, 1-5 s apart."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "web_qa_agents")
        for t0 in ctx.window_times(acct["tz"], rng.uniform(4, 10), hours=(8, 20), outside=0.05, weekend=0.2):
            for _ in range(rng.randint(10, 40)):
                site = rng.choice(tuple(G.SITES))
                case, t = f"Test: {G.web_task(rng, site)} Expect a confirmation page.", t0 + rng.uniform(0, 120)
                done: list[str] = []
                for _ in range(rng.randint(4, 12)):
                    user = f"{case}\n\nPage:\n{G.page(rng, site)}\n\nSteps done: {'; '.join(done) or 'none'}"
                    ctx.emit(t, acct, CHAT, chat_body([{"role": "system", "content": QA_SYS},
                                                       {"role": "user", "content": user}], model="gpt-4.1-mini",
                                                      temperature=0, response_format=QA_SCHEMA), rng.randint(40, 140))
                    done.append(f"click {rng.randint(10, 400)}")
                    t += rng.uniform(1, 5)


ANALYST_INSTR = ("You are the data assistant in Finlytic. Use run_python on the user's uploaded files to answer; "
                 "show the key figures behind each finding.")
ANALYST_TOOL = [{"type": "function", "name": "run_python", "description": "Execute Python against the user's files.",
                 "parameters": {"type": "object", "properties": {"code": {"type": "string"}}, "required": ["code"]}}]
ANALYST_Q = ("why is gross margin down in {m}?", "reconcile bank.csv with the ledger for {m}",
             "which suppliers did we pay twice?", "summarise travel spend by team for {m}")


def finance_analysts(ctx: Ctx, count: int) -> None:
    """2-6 sessions per weekday (9-18 local, weekends x0.05), 2-6 Python calls each, chained by
    previous_response_id."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "finance_analysts")
        for t in ctx.window_times(acct["tz"], rng.uniform(2, 6), hours=(9, 18), outside=0.02, weekend=0.05):
            inp: object = rng.choice(ANALYST_Q).format(m=rng.choice(("October", "November", "December")))
            prev = None
            for _ in range(rng.randint(2, 6)):
                body = {"model": "gpt-4.1", "instructions": ANALYST_INSTR, "input": inp, "tools": ANALYST_TOOL}
                if prev:
                    body["previous_response_id"] = prev
                out = rng.randint(100, 600)
                ctx.emit(t, acct, RESP, body, out)
                prev = f"resp_{rng.getrandbits(96):024x}"
                inp = [{"type": "function_call_output", "call_id": f"call_{rng.getrandbits(64):016x}",
                        "output": W.ledger(rng, rng.randint(3, 12))}]
                t += out / rng.uniform(60, 110) + rng.uniform(5, 90)


BENIGN_V9 = {
    "bookkeeping_copilot": (bookkeeping_copilot, 2), "audit_workpapers": (audit_workpapers, 2),
    "accountancy_students": (accountancy_students, 60), "genetics_course": (genetics_course, 2),
    "trust_safety_bpo": (trust_safety_bpo, 2), "policy_calibration": (policy_calibration, 2),
    "search_reindex": (search_reindex, 2), "subtitle_studio": (subtitle_studio, 2),
    "leaderboard_harness": (leaderboard_harness, 3), "web_qa_agents": (web_qa_agents, 2),
    "finance_analysts": (finance_analysts, 20),
}
