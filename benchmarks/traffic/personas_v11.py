"""Benign personas added by the `v11` variant, on top of personas.BENIGN. Written blind: the author did not read
gateway/extraction/, tests/extraction/ (beyond the blind-variant test), docs/extraction.md or the evaluation
harness beyond its dataset table, and never ran the detector; nothing here was tuned against a detector result.

Hard negatives that real deployments have, each the benign twin of one v11 attack, sharing its text pools,
languages, APIs, parameters and (where the attack's tenant logs outputs) output logging; client metadata from
ctx.account except where the persona is about it (a campus NAT, a vendor's office):
- homework_app (twin of cot_harvester): a real chemistry/pharmacology homework app on the Responses API, students
  in `user` (Zipf), follow-ups chained by previous_response_id, 10% photos of worksheets; outputs logged.
- chem_students (twin of hydra): individual students, 2-10 requests a day in sessions, a third of them switching
  API or model between sessions (school account, phone app, a friend's key); 30% non-English.
- course_cohort (twin of hydra): 40 students of one course working the same 12-question problem set (one shared
  template over many small accounts), 60% behind the campus NAT (one /16), a rush before each deadline evening.
- ci_test_bot (twin of taxonomy): a monorepo's test-writing and review bot: bursts per pushed PR in office hours,
  over the repository's own 25-60 functions in 1-3 languages (the same files come back), mutation-testing asks.
- prompt_ab_lab (twin of sampling): a product team's prompt regression: its 80-prompt test set under the old and
  the new system prompt seconds apart, then an LLM judge with both answers, a few runs per working day.
- annotation_vendor (twin of sampling and hydra): 20 annotator accounts under one tenant and one office /24 (a
  data-labelling vendor evaluating a customer's assistant): typed conversations, regenerations at temperature 1.
- support_sim_evals (twin of mixed_into_chat): a support-bot vendor: real customer conversations, and after each
  deploy a suite of 20-60 simulated-customer dialogues (both sides written by models) on the same key.
- doc_qa_users (twin of paraphrased): staff of five firms asking questions about long documents (each firm's six
  documents are shared by its staff), with clause citations asked for now and then.
- erp_agent (twin of agentic_distill): a back-office agent in production, fixed ten-tool set, staff in `user`.
- doc_ingestion (twin of structured_distill): document pipelines with a fixed schema per document type; a customs
  broker's schema has a justification per field (an audit requirement); outputs logged.
- localisation_agency (twin of translation_mining): 10 translator accounts under one tenant and one office /24:
  client string files (JSON) into 3-8 locales, some non-English sources, post-editing questions.
- i18n_ci_bot (twin of translation_mining): each merged change's new UI strings into all eleven locales.
"""

from __future__ import annotations

import base64
import itertools

import orjson

from benchmarks.traffic import corpus_v11 as W
from benchmarks.traffic import corpus_v11_docs as D
from benchmarks.traffic.attacks_v11 import (
    CONCISE,
    JUDGE,
    OWL_SYS,
    REVIEW_SYS,
    TEST_SYS,
    pref_prompt,
    support_turns,
)
from benchmarks.traffic.attacks_v11_more import erp_episode, extraction_request, translation_request
from benchmarks.traffic.context import DAY, Ctx
from benchmarks.traffic.corpus_v11_answers import (
    ANTH,
    CHAT,
    LOG_SHARE,
    MODELS,
    RESP,
    account,
    answer,
    build,
    emit,
    resp_id,
)


def homework_app(ctx: Ctx, count: int) -> None:
    """300-700 questions/day at local 15-23h (outside x0.2, weekends x0.7); 35% follow up 1-3 times."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "homework_app", logged=True)
        prefix = rng.choice(W.USER_PREFIXES)
        users = [f"{prefix}{rng.getrandbits(40):010x}" for _ in range(20000)]
        cum = list(itertools.accumulate(1 / (k + 1) for k in range(len(users))))
        system = OWL_SYS.replace("StudyOwl", rng.choice(("Molly the Mole", "ChemBuddy", "PharmPal")))
        for t in ctx.window_times(acct["tz"], rng.uniform(300, 700), hours=(15, 23), outside=0.2, weekend=0.7):
            user, lg = rng.choices(users, cum_weights=cum)[0], W.lang(rng, 0.15)
            q = W.wrap(rng, W.typed(rng, rng.choice(W.STUDENT_OPEN) + W.chem_problem(rng)), lg)
            content: object = q
            if rng.random() < 0.1:
                img = base64.b64encode(rng.randbytes(rng.randint(200, 400))).decode()
                content = [{"type": "input_text", "text": "can u do this one"},
                           {"type": "input_image", "image_url": f"data:image/jpeg;base64,{img}"}]
            prev = None
            for k in range(rng.randint(1, 3) + 1 if rng.random() < 0.35 else 1):
                text = content if k == 0 else W.typed(rng, rng.choice(W.STUDENT_FOLLOW) if lg == "en"
                                                      else rng.choice(W.FOLLOW_I18N[lg]))
                out = rng.randint(500, 2200) if k == 0 else rng.randint(200, 900)
                body = build(RESP, "o4-mini", system, [{"role": "user", "content": text}], 6000, prev,
                             reasoning={"effort": rng.choice(("medium", "medium", "high"))}, store=True)
                emit(ctx, t, acct, RESP, body, out, "chem", user=user)
                prev = resp_id(rng)
                t += rng.uniform(40, 600)


def chem_students(ctx: Ctx, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "chem_students")
        lg, switcher = W.lang(rng, 0.3), rng.random() < 0.33
        api = rng.choices((CHAT, ANTH, RESP), (45, 30, 25))[0]
        model = rng.choice(MODELS[api])
        sessions = ctx.diurnal_times(acct, rng.uniform(2, 10), session_len=(1, 5), gap_s=(60, 1200))
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            if switcher:
                api = rng.choices((CHAT, ANTH, RESP), (45, 30, 25))[0]
                model = rng.choice(MODELS[api])
            msgs: list[dict] = []
            for t in session:
                if msgs and rng.random() < 0.5:
                    q = rng.choice(W.STUDENT_FOLLOW) if lg == "en" else rng.choice(W.FOLLOW_I18N[lg])
                else:
                    msgs = []
                    q = rng.choice(W.STUDENT_OPEN) + W.chem_problem(rng)
                    q = W.wrap(rng, q, lg) + ("" if lg == "en" or rng.random() < 0.5 else
                                              "\n" + rng.choice(W.HELP_I18N[lg]))
                msgs = msgs + [{"role": "user", "content": W.typed(rng, q)}]
                out = rng.randint(300, 1500)
                reply = answer(rng, "chem", out, model)
                emit(ctx, t, acct, api, build(api, model, None, msgs, 4000), out, text=reply)
                msgs = msgs + [{"role": "assistant", "content": reply}]


def course_cohort(ctx: Ctx, count: int) -> None:
    """One course per 40 students: 12 shared questions; deadlines at local 23h on days 1 and 3, rush x3 in the
    eight hours before; 60% of students behind the campus NAT."""
    rng = ctx.rng
    nat = f"{rng.randint(130, 160)}.{rng.randint(0, 255)}"
    tz = rng.uniform(-8, 9)
    pset = [W.chem_problem(rng, rng.randrange(len(W.CHEM))) for _ in range(12)]
    course = rng.choice(("CHEM 101", "Pharmacology I", "General Chemistry B"))
    for _ in range(count):
        acct = account(ctx, "benign", "course_cohort")
        acct["tz"] = tz + rng.uniform(-0.5, 0.5)
        campus = rng.random() < 0.6
        if campus:
            acct["ip"] = f"{nat}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        api = rng.choice((CHAT, ANTH))
        model = rng.choice(MODELS[api])
        times = [t for s in ctx.diurnal_times(acct, rng.uniform(2, 10), session_len=(1, 4), gap_s=(120, 1500))
                 for t in s]
        for d in (1, 3):
            end = ctx.start + d * DAY + (23 - tz) % 24 * 3600
            times += [end - rng.uniform(0, 8 * 3600) for _ in range(rng.randint(0, 10))]
        for t in sorted(times) or [ctx.start + rng.uniform(0, ctx.days * DAY)]:
            n = rng.randrange(12)
            q = W.typed(rng, f"{course} problem set, Q{n + 1}: {pset[n]} "
                             f"{rng.choice(('', 'how do i start', 'i got a different answer', 'explain pls'))}")
            ip = None if not campus or rng.random() < 0.8 else ctx.ip()  # off campus now and then
            emit(ctx, t, acct, api, build(api, model, None, [{"role": "user", "content": q.strip()}], 3000),
                 rng.randint(300, 1400), "chem", ip=ip)


def ci_test_bot(ctx: Ctx, count: int) -> None:
    """10-30 PR pushes per working day (local 9-19h, weekends x0.1), each 3-25 requests seconds apart over the
    repository's own functions; 60% tests, 25% review, 15% mutants."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "ci_test_bot")
        langs = rng.sample(D.PROG_LANGS, rng.randint(1, 3))
        repo = [(lg, D.function(rng, lg)) for lg in rng.choices(langs, k=rng.randint(25, 60))]
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 30), hours=(9, 19), outside=0.05, weekend=0.1):
            for _ in range(rng.randint(3, 25)):
                lg, fn = rng.choice(repo)
                r = rng.random()
                out = rng.randint(200, 1400)
                if r < 0.6:
                    msgs = [{"role": "user", "content": f"Function ({lg}) changed in this PR:\n```\n{fn}\n```"}]
                    emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", TEST_SYS.format(fw=D.TEST_FW[lg]), msgs, 4000,
                                                   temperature=0.2), out, "code")
                elif r < 0.85:
                    msgs = [{"role": "user", "content": D.diff(rng, lg)}]
                    emit(ctx, t, acct, ANTH, build(ANTH, "claude-sonnet-4-5", REVIEW_SYS, msgs, 3000), out, "review")
                else:
                    ask = f"Surviving mutant in {lg} ('<' -> '<='). Write a {D.TEST_FW[lg]} test that kills it."
                    msgs = [{"role": "user", "content": f"{ask}\n{fn}"}]
                    emit(ctx, t, acct, RESP, build(RESP, "gpt-4.1", None, msgs, 3000), out, "code")
                t += out / rng.uniform(60, 120) + rng.uniform(1, 15)


def prompt_ab_lab(ctx: Ctx, count: int) -> None:
    """1-3 regression runs per working day at office hours over a fixed 80-prompt test set."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "prompt_ab_lab")
        tests = [pref_prompt(ctx) for _ in range(80)]
        old = rng.choice((CONCISE, "You are the assistant of Parcelo. Be helpful and brief."))
        new = old + rng.choice((" Use bullet points when listing steps.", " If unsure, say so.",
                                " Prefer the customer's language."))
        for start in ctx.window_times(acct["tz"], rng.uniform(1, 3), hours=(10, 18), outside=0.0, weekend=0.0):
            t = start
            for prompt, style in tests:
                texts = []
                for system in (old, new):
                    out = rng.randint(150, 900)
                    text = answer(rng, style, out, "gpt-4.1")
                    emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", system, [{"role": "user", "content": prompt}],
                                                   2000, temperature=0), out, text=text)
                    texts.append(text)
                    t += rng.uniform(1, 6)
                body = build(CHAT, "gpt-4.1", None, [{"role": "user", "content": JUDGE.format(
                    p=prompt, a=texts[0][:1500], b=texts[1][:1500])}], 800, temperature=0,
                    response_format={"type": "json_object"})
                emit(ctx, t, acct, CHAT, body, rng.randint(120, 400), "json")
                t += rng.uniform(1, 6)


def annotation_vendor(ctx: Ctx, count: int) -> None:
    """One vendor tenant, one office /24, one time zone; 20-60 requests/day per annotator in office hours."""
    rng = ctx.rng
    tenant, office, tz = f"org_{rng.getrandbits(32):08x}", f"{rng.randint(41, 200)}.{rng.randint(0, 255)}." \
                                                          f"{rng.randint(0, 255)}", rng.uniform(-3, 5)
    logged = rng.random() < LOG_SHARE
    system = W.support_system(*W.COMPANIES[rng.randrange(len(W.COMPANIES))][:2])
    for _ in range(count):
        acct = account(ctx, "benign", "annotation_vendor", logged=logged)
        acct.update(tenant=tenant, ip=f"{office}.{rng.randint(2, 250)}", tz=tz + rng.uniform(-0.3, 0.3))
        times = ctx.window_times(acct["tz"], rng.uniform(20, 60), hours=(8, 17), outside=0.02, weekend=0.05)
        k = 0
        while k < len(times):
            prompt, _ = pref_prompt(ctx)
            msgs = [{"role": "user", "content": W.typed(rng, prompt)}]
            for _ in range(rng.randint(1, 4)):
                if k >= len(times):
                    break
                out = rng.randint(100, 700)
                reply = answer(rng, "prose", out)
                emit(ctx, times[k], acct, CHAT, build(CHAT, "gpt-4.1", system, msgs, 1500, temperature=0.7), out,
                     text=reply)
                if rng.random() < 0.4:
                    out2 = rng.randint(100, 700)
                    emit(ctx, times[k] + rng.uniform(20, 90), acct, CHAT, build(CHAT, "gpt-4.1", system, msgs, 1500,
                                                                               temperature=1.0), out2, "prose")
                msgs = msgs + [{"role": "assistant", "content": reply},
                               {"role": "user", "content": W.typed(rng, rng.choice(W.CUSTOMER_LINES).format(
                                   i="that", o="A123456"))}]
                k += 1


def support_sim_evals(ctx: Ctx, count: int) -> None:
    """Real conversations like the attack's product accounts; 0.5-1.5 deploys per working day, each followed by
    a suite of 20-60 simulated dialogues over 30-60 minutes."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "support_sim_evals")
        company, sector, issues = W.COMPANIES[(i + 1) % len(W.COMPANIES)]
        model = rng.choice(("gpt-4.1", "gpt-4.1-mini"))
        for t in ctx.window_times(acct["tz"], rng.uniform(30, 80), hours=(7, 23), outside=0.15):
            support_turns(ctx, acct, t, company, sector, rng.choice(issues), f"c_{rng.getrandbits(40):010x}", model,
                           rng.randint(1, 5), False, "")
        suite = [(rng.choice(issues), rng.choice(W.CUSTOMER_MOODS)) for _ in range(rng.randint(20, 60))]
        for deploy in ctx.window_times(acct["tz"], rng.uniform(0.5, 1.5), hours=(10, 17), outside=0.0, weekend=0.0):
            span = rng.uniform(1800, 3600)
            for issue, mood in suite:
                support_turns(ctx, acct, deploy + rng.uniform(0, span), company, sector, issue,
                               f"c_{rng.getrandbits(40):010x}", model, rng.randint(3, 7), True, mood)


def doc_qa_users(ctx: Ctx, count: int) -> None:
    """Staff of five firms (each with six documents), 3-12 questions/day in sessions of 2-5."""
    rng = ctx.rng
    firms = [[(k, W.document(rng, k, rng.randint(8, 16))) for k in rng.choices(W.DOC_KINDS, k=6)] for _ in range(5)]
    for n in range(count):
        acct = account(ctx, "benign", "doc_qa_users")
        docs = firms[n % 5]
        lg = W.lang(rng, 0.2)
        api = rng.choices((CHAT, ANTH, RESP), (50, 25, 25))[0]
        model = rng.choice(MODELS[api])
        sessions = ctx.diurnal_times(acct, rng.uniform(3, 12), session_len=(2, 5), gap_s=(60, 900))
        for session in sessions or [[ctx.start + rng.uniform(0, ctx.days * DAY - 3600)]]:
            kind, doc = rng.choice(docs)
            msgs: list[dict] = []
            prev = None
            for j, t in enumerate(session):
                q = W.typed(rng, W.doc_question(rng, kind))
                q += " which clause says that?" if rng.random() < 0.2 else ""
                q = q if lg == "en" else W.wrap(rng, q, lg)
                if j == 0 and api == ANTH:
                    content: object = [{"type": "document", "source": {"type": "text", "media_type": "text/plain",
                                                                       "data": doc}}, {"type": "text", "text": q}]
                else:
                    content = f"{doc}\n\n{q}" if j == 0 else q
                msgs = msgs + [{"role": "user", "content": content}]
                out = rng.randint(150, 900)
                reply = answer(rng, "prose", out, model)
                emit(ctx, t, acct, api, build(api, model, None, msgs, 3000, prev), out, text=reply)
                prev = resp_id(rng) if api == RESP else None
                msgs = msgs + [{"role": "assistant", "content": reply}]


def erp_agent(ctx: Ctx, count: int) -> None:
    """50-200 tasks/day at local 8-18h (outside x0.1, weekends x0.2), staff from a 30-120 pool, 2-6 steps."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "erp_agent")
        api = (RESP, CHAT)[i % 2]
        tools = D.erp_tools(rng, fixed=True, chat=api == CHAT)
        staff = [f"staff-{rng.getrandbits(20):05x}" for _ in range(rng.randint(30, 120))]
        for t in ctx.window_times(acct["tz"], rng.uniform(50, 200), hours=(8, 18), outside=0.1, weekend=0.2):
            erp_episode(ctx, acct, t, api, tools, D.erp_task(rng), rng.randint(2, 6), user=rng.choice(staff),
                        required_first=rng.random() < 0.5)


def doc_ingestion(ctx: Ctx, count: int) -> None:
    """250-600 documents/day (local 6-22h, outside x0.3); account 0 is the customs broker (justifications)."""
    rng = ctx.rng
    for i in range(count):
        acct = account(ctx, "benign", "doc_ingestion", logged=True)
        api = (RESP, CHAT)[i % 2]
        kinds = rng.sample(D.DOC_TYPES, 2) if i else ["customs declaration", "commercial invoice"]
        schemas = {k: D.schema(rng, k, with_reasons=i == 0, fixed=True) for k in kinds}
        ask = "Extract the fields of this {k} into the schema." if i else D.EXTRACT_NOTE
        for t in ctx.window_times(acct["tz"], rng.uniform(250, 600), hours=(6, 22), outside=0.3, weekend=0.5):
            kind = rng.choice(kinds)
            emit(ctx, t, acct, api, extraction_request(ctx, api, kind, schemas[kind], ask), rng.randint(150, 800),
                 "json", extra=tuple(schemas[kind]["schema"]["properties"]))


def localisation_agency(ctx: Ctx, count: int) -> None:
    """One tenant and office; each translator 10-40 requests/day in office hours, 85% string files."""
    rng = ctx.rng
    tenant, office, tz = f"org_{rng.getrandbits(32):08x}", f"{rng.randint(41, 200)}.{rng.randint(0, 255)}." \
                                                          f"{rng.randint(0, 255)}", rng.uniform(-2, 6)
    logged = rng.random() < LOG_SHARE
    for _ in range(count):
        acct = account(ctx, "benign", "localisation_agency", logged=logged)
        acct.update(tenant=tenant, ip=f"{office}.{rng.randint(2, 250)}", tz=tz + rng.uniform(-0.3, 0.3))
        locales = rng.sample(D.TR_LANGS[1:], rng.randint(3, 8))
        for t in ctx.window_times(acct["tz"], rng.uniform(10, 40), hours=(9, 18), outside=0.03, weekend=0.05):
            src = "en" if rng.random() < 0.8 else rng.choice(("kk", "mk", "uz"))
            tgt = rng.choice([x for x in locales if x != src] or ["en"])
            if rng.random() < 0.15:
                q = (f"Client wants {D.TR_NAMES[tgt]} for '{rng.choice(D.SENTENCES['en'])}'. Formal or informal "
                     f"register for a banking app? Give both and say which you'd pick.")
                emit(ctx, t, acct, CHAT, build(CHAT, "gpt-4.1", None, [{"role": "user", "content": q}], 1000),
                     rng.randint(80, 300), "prose")
                continue
            keys = rng.sample(D.UI_KEYS, rng.randint(3, len(D.UI_KEYS)))
            strings = D.sentence_batch(rng, src, len(keys))
            body, out, reply = translation_request(ctx, src, tgt, strings, D.TR_FILE_ASK)
            body["messages"][0]["content"] = D.TR_FILE_ASK.format(s=D.TR_NAMES[src], t=D.TR_NAMES[tgt]) + "\n\n" + \
                orjson.dumps(dict(zip(keys, strings, strict=True))).decode()
            emit(ctx, t, acct, CHAT, body, out, text=reply)


def i18n_ci_bot(ctx: Ctx, count: int) -> None:
    """5-20 merges per working day with new strings, each into the eleven locales one request apiece."""
    rng = ctx.rng
    for _ in range(count):
        acct = account(ctx, "benign", "i18n_ci_bot")
        for t in ctx.window_times(acct["tz"], rng.uniform(5, 20), hours=(9, 19), outside=0.05, weekend=0.05):
            strings = D.sentence_batch(rng, "en", rng.randint(1, 6))
            for tgt in D.TR_LANGS[1:]:
                body, out, reply = translation_request(ctx, "en", tgt, strings, D.TR_FILE_ASK)
                emit(ctx, t, acct, CHAT, body, out, text=reply)
                t += rng.uniform(0.5, 3)


BENIGN_V11 = {
    "homework_app": (homework_app, 2), "chem_students": (chem_students, 25), "course_cohort": (course_cohort, 40),
    "ci_test_bot": (ci_test_bot, 3), "prompt_ab_lab": (prompt_ab_lab, 2), "annotation_vendor": (annotation_vendor, 20),
    "support_sim_evals": (support_sim_evals, 3), "doc_qa_users": (doc_qa_users, 25), "erp_agent": (erp_agent, 3),
    "doc_ingestion": (doc_ingestion, 3), "localisation_agency": (localisation_agency, 10),
    "i18n_ci_bot": (i18n_ci_bot, 2),
}
