"""Benign personas added by the `fresh` variant, on top of personas.BENIGN: hard negatives written blind
(without access to the detector), each resembling an attack on one or more signals: students asking for
worked explanations in their own words, an evaluation team re-running a fixed prompt set and grading with a
rubric, a translation agency and a data-labelling shop with fixed templates, and multilingual chat users."""

from __future__ import annotations

from benchmarks.traffic import corpus as C
from benchmarks.traffic import corpus_fresh as F
from benchmarks.traffic.context import DAY, Ctx, anthropic_body, chat_body

STUDY_SYSTEM = ("You are StudyBuddy, a friendly study assistant for secondary-school students. Explain how to "
                "reach the answer so the student learns the method, show the working, and end with a similar "
                "practice question. Never just give the answer.")


def study_tool(ctx: Ctx, count: int) -> None:
    """A study app: one key, thousands of students (user field), questions in their own words and languages,
    follow-ups about the working; the app's system prompt asks for the working to be shown."""
    rng = ctx.rng
    followups = ("wait why did you subtract there", "ok i get it now", "can you do another one like this",
                 "is that the same as what we did in class with the formula?", "warum?", "et après ?",
                 "なるほど、次は？", "не понял второй шаг")
    for _ in range(count):
        acct = ctx.account("benign", "study_tool")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(500, 1200), session_len=(1, 6), gap_s=(20, 240)):
            student = f"stu_{rng.randint(1, 8000)}"
            lang = rng.choices(F.LANGS, (60, 8, 8, 8, 6, 5, 5))[0]
            messages = [{"role": "system", "content": STUDY_SYSTEM}]
            for t in session:
                if len(messages) == 1:
                    ask = rng.choice(F.STUDENT_ASKS_I18N[lang])
                    if lang == "en" and rng.random() < 0.3:
                        problem = rng.choice(C.SCIENCE)
                    else:
                        problem = F.math_problem(rng, lang)
                    text = f"{problem} {ask}" if rng.random() < 0.6 else f"{ask}\n{problem}"
                    text = C.casual(rng, text) if lang == "en" else text
                else:
                    messages = messages + [{"role": "assistant", "content": "Sure! " + C.document(rng, 2)}]
                    text = rng.choice(followups)
                messages = messages + [{"role": "user", "content": text}]
                ctx.emit(t, acct, "openai.chat.completions", chat_body(list(messages), temperature=0.4,
                         max_tokens=1200), rng.randint(200, 900), user=student)


def students(ctx: Ctx, count: int) -> None:
    """Individual students on their own keys: homework pasted in, often one question and gone, asking to see
    the working in their own words, evenings and weekends-heavy."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "student")
        lang = rng.choices(F.LANGS, (70, 5, 5, 5, 5, 5, 5))[0]
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(3, 15), session_len=(1, 3), gap_s=(60, 900)):
            messages: list[dict] = []
            for t in session:
                if messages and rng.random() < 0.5:
                    text = rng.choice(("thanks", "and the next one?", "can you check mine, i got 12",
                                       "show me the working for that pls"))
                    messages = messages + [{"role": "assistant", "content": C.document(rng, 2)},
                                           {"role": "user", "content": text}]
                else:
                    text = f"{F.math_problem(rng, lang)} {rng.choice(F.STUDENT_ASKS_I18N[lang])}"
                    messages = [{"role": "user", "content": C.casual(rng, text) if lang == "en" else text}]
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body(list(messages), temperature=rng.choice((0.7, 1.0))), rng.randint(150, 800))


JUDGE_SYSTEM = ("You are an impartial evaluator. Grade the candidate answer against the rubric and justify "
                "each point you award or deduct. Reply in JSON: {\"scores\": {criterion: int}, "
                "\"justification\": str}.")


def qa_eval_team(ctx: Ctx, count: int) -> None:
    """An internal QA/eval team: twice a day it re-runs the same fixed regression set (temperature 0, fixed
    seed; part of the set asks for the reasoning because reasoning quality is what they test), then grades
    each answer with an LLM judge and a rubric."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "qa_eval_team")
        prompts = []
        for i in range(rng.randint(120, 200)):
            q = rng.choice((C.math_problem(rng), C.code_task(rng), rng.choice(C.SCIENCE), rng.choice(C.CHAT)))
            if i % 3 == 0:
                q += " Explain your reasoning before giving the answer."
            prompts.append(q)
        for d in range(int(ctx.days) + 1):
            for hour in (rng.uniform(1, 3), rng.uniform(13, 15)):
                t = ctx.start + d * DAY + hour * 3600
                for q in prompts:
                    ctx.emit(t, acct, "openai.chat.completions",
                             chat_body([{"role": "user", "content": q}], temperature=0, seed=1234, max_tokens=1500),
                             rng.randint(100, 900))
                    t += rng.uniform(1.5, 4.0)
                    grade = (f"Question: {q}\n\nRubric:\n- factually correct (0-3)\n- reasoning sound (0-3)\n"
                             f"- clear and concise (0-2)\n\nCandidate answer:\n{C.document(rng, 3)}")
                    ctx.emit(t, acct, "anthropic.messages",
                             anthropic_body([{"role": "user", "content": grade}], system=JUDGE_SYSTEM,
                                            max_tokens=600, temperature=0), rng.randint(80, 300))
                    t += rng.uniform(1.5, 4.0)


LANG_NAMES = ("English", "German", "French", "Portuguese", "Japanese", "Russian", "Korean", "Spanish", "Italian")


def translators(ctx: Ctx, count: int) -> None:
    """A translation agency: one fixed template, steady workday volume, many language pairs, long outputs."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "translator")
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(400, 1200), session_len=(10, 40), gap_s=(5, 60)):
            for t in session:
                src, tgt = rng.sample(LANG_NAMES, 2)
                prompt = (f"Translate the following text from {src} into {tgt}. Keep the formatting, names and numbers "
                          f"unchanged and do not add any commentary.\n\n{C.document(rng, rng.randint(3, 12))}")
                ctx.emit(t, acct, "openai.chat.completions",
                         chat_body([{"role": "user", "content": prompt}], temperature=0.2, max_tokens=3000),
                         rng.randint(200, 1500))


LABEL_SCHEMA = {"type": "json_object"}


def data_labelling(ctx: Ctx, count: int) -> None:
    """A data-labelling shop: one template around support tickets, JSON output with a short rationale field,
    steady machine timing, high volume, one-line answers."""
    rng = ctx.rng
    labels = "billing, bug, feature_request, account_access, shipping, other"
    for _ in range(count):
        acct = ctx.account("benign", "data_labelling")
        for t in ctx.steady_times(per_day=rng.uniform(800, 2000), jitter=0.4):
            ticket = C.casual(rng, rng.choice(C.CHAT) + " " + C.document(rng, 2))
            prompt = (f"Label the support ticket with exactly one of: {labels}. Return JSON with keys \"label\" and "
                      f"\"rationale\" (one sentence explaining the choice).\n\nTicket:\n{ticket}")
            ctx.emit(t, acct, "openai.chat.completions",
                     chat_body([{"role": "user", "content": prompt}], temperature=0, max_tokens=120,
                               response_format=LABEL_SCHEMA), rng.randint(20, 60))


def multilingual_chat(ctx: Ctx, count: int) -> None:
    """Chat users writing in German, French, Portuguese, Japanese, Russian or Korean: everyday questions and,
    now and then, their children's maths homework with a request to explain it."""
    rng = ctx.rng
    for _ in range(count):
        acct = ctx.account("benign", "multilingual_chat")
        lang = rng.choice(F.LANGS[1:])
        api = "anthropic.messages" if rng.random() < 0.3 else "openai.chat.completions"
        for session in ctx.diurnal_times(acct, per_day=rng.uniform(1, 15)):
            messages: list[dict] = []
            homework = False
            for t in session:
                if messages and rng.random() < 0.6:
                    more = rng.choice(F.STUDENT_ASKS_I18N[lang] if homework else F.FOLLOWUPS_I18N[lang])
                    messages = messages + [{"role": "assistant", "content": C.document(rng, 2)},
                                           {"role": "user", "content": more}]
                elif rng.random() < 0.15:
                    homework = True
                    text = f"{F.math_problem(rng, lang)} {rng.choice(F.STUDENT_ASKS_I18N[lang])}"
                    messages = [{"role": "user", "content": text}]
                else:
                    homework = False
                    messages = [{"role": "user", "content": rng.choice(F.CHAT_I18N[lang])}]
                if api == "anthropic.messages":
                    body = anthropic_body(list(messages), max_tokens=1024)
                else:
                    body = chat_body(list(messages), temperature=0.8)
                ctx.emit(t, acct, api, body, rng.randint(80, 600))


BENIGN_FRESH = {
    "study_tool": (study_tool, 2), "student": (students, 40), "qa_eval_team": (qa_eval_team, 2),
    "translator": (translators, 3), "data_labelling": (data_labelling, 2), "multilingual_chat": (multilingual_chat, 80),
}
