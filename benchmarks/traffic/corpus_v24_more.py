"""Text pools for the `v24` variant, continued (see corpus_v24.py; written blind the same way): the rubrics graders
paste, the asks that come with a pair of answers, a rubric, a draft or its revision, the judgement texts a model
sends back (a verdict on a pair, rubric scores as prose or JSON, a critique, a marking scheme), a grading agent
(submissions, tests, rubric look-ups, similarity checks, recorded grades) for the agentic campaign and a bootcamp's
autograder, and the response texts of the v24 styles, sized from usage.output_tokens like v11-v23. Nothing here
imports corpus_v24 (it imports this module)."""

from __future__ import annotations

import random
from typing import Any

import orjson

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v23 as C23
from benchmarks.traffic.corpus_v11_answers import REASONING_MODELS

# ---- rubrics: (criterion, points, what full marks look like) ----
RUBRICS = {
    "biostat": (("Method", 4, "the right measure or test for the design, with its assumptions"),
                ("Calculation", 4, "every intermediate value correct, units and rounding kept"),
                ("Interval", 3, "a correct 95% interval or margin, stated with its level"),
                ("Interpretation", 4, "what the result means for the population, in plain words")),
    "writing": (("Thesis", 4, "a clear, arguable claim early on"),
                ("Evidence", 4, "specific support for each point, not assertion"),
                ("Organisation", 4, "paragraphs in a logical order with transitions"),
                ("Audience and tone", 4, "register that fits the reader and the form"),
                ("Mechanics", 4, "grammar, spelling and punctuation")),
    "sql": (("Correctness", 5, "returns exactly the rows asked for"),
            ("Edge cases", 3, "ties, NULLs, empty groups and date boundaries handled"),
            ("Efficiency", 3, "no needless subqueries or full scans"),
            ("Readability", 2, "aliases, layout and comments a colleague can follow")),
}
_RUBRIC_FORMS = ("- {c} (0-{p}): {d}", "{c} | {p} pts | {d}", "* {c}, up to {p} points: {d}", "{c} ({p}) - {d}")
_RUBRIC_HEADS = ("Rubric:", "Marking rubric", "Criteria:", "RUBRIC", "Our rubric is:")


def rubric_text(rng: random.Random, cap: str, form: int | None = None, head: int | None = None) -> str:
    """The cap's rubric in one of the ways graders paste it (`form`, `head`: a grader's fixed habit)."""
    f = _RUBRIC_FORMS[form if form is not None else rng.randrange(len(_RUBRIC_FORMS))]
    h = _RUBRIC_HEADS[head if head is not None else rng.randrange(len(_RUBRIC_HEADS))]
    return "\n".join([h] + [f.format(c=c, p=p, d=d) for c, p, d in RUBRICS[cap]])


def rubric_max(cap: str) -> int:
    return sum(p for _, p, _ in RUBRICS[cap])


def score_schema(cap: str) -> dict[str, Any]:
    """The JSON schema of a rubric grade (response_format json_schema): a score per criterion, a total and a
    justification per criterion."""
    keys = [c.lower().replace(" ", "_") for c, _, _ in RUBRICS[cap]]
    props: dict[str, Any] = {k: {"type": "integer"} for k in keys}
    props.update(total={"type": "integer"}, justification={"type": "object", "properties": {
        k: {"type": "string"} for k in keys}, "required": keys})
    return {"type": "json_schema", "json_schema": {"name": "rubric_grade", "strict": True, "schema": {
        "type": "object", "additionalProperties": False, "required": [*keys, "total", "justification"],
        "properties": props}}}


# ---- the asks ----
PAIR_LABELS = (("Response A", "Response B"), ("Answer 1", "Answer 2"), ("Version A", "Version B"),
               ("Option 1", "Option 2"), ("Mine", "My friend's"), ("First one", "Second one"))
PAIR_ASKS = ("Which of these two is better, and why?", "I got two different answers to this - which one should I "
             "trust?", "which one would you go with? be honest", "Can you compare these two? What does each get "
             "right or wrong?", "Two versions below. Which is stronger, and what makes it stronger?",
             "My study partner and I disagree about which answer is better. Who's right?")
PAIR_FOLLOW = ("why is that one better though?", "Would a teacher see it the same way?", "ok, and what would make "
               "the weaker one as good?", "Is the difference big or is it a close call?", "so which parts of the "
               "other one are actually wrong?")
GRADE_ASKS = ("Could you mark this against the rubric? A score per criterion and a sentence on each.",
              "How would you grade this with the rubric below? Please justify each score.",
              "Marking help please - scores per criterion, short reasons.", "What would this get on our rubric? "
              "Be strict but fair.", "grade these against the rubric, one line of feedback per criterion")
GRADE_FOLLOW = ("Why only that much for the second criterion?", "would you change anything if it were a first "
                "draft?", "Can you word the feedback so the student can act on it?", "Is that total in line with "
                "what you'd expect for this level?")
SELF_MARK_ASKS = ("What mark would this get out of {m}, and where would I lose marks?", "be honest, how many out of "
                  "{m} would a marker give this?", "Can you grade my answer out of {m}? I want to know what's "
                  "missing.", "Out of {m}, what would you give it?")
CRITIQUE_ASKS = ("Can you critique this draft? Be specific about what to fix.", "What are the weakest parts of "
                 "this?", "how can I make this better?", "Give me honest feedback on this, please.",
                 "Tear this apart - what would a tough reviewer say?", "What's not working here?")
REVISION_ASKS = ("Ok, I revised it - is it better now?", "Here's my second version. What still needs work?",
                 "Updated it based on your notes:", "Tried again, how's this?", "new version - did I fix the "
                 "problems you mentioned?", "I rewrote it. Better or worse?")
SCORE_ASKS = ("What would you give it out of 10 now?", "Score it out of 10?", "how would you rate this version, 1-10?")
SCHEME_ASKS = ("Could you write the model answer as a marking scheme - what earns each mark?", "Please turn this into "
               "a mark scheme: the expected answer, with marks per step.", "I need a marking scheme for this one: "
               "points for each part of a full answer.", "Write the mark scheme an examiner would use for this.")
ANOTHER_ASKS = ("Can you give me a different version?", "try another one, a bit different", "Give me an "
                "alternative take on that.", "Another version please, different angle.", "and a second version "
                "I can compare it with?")
PICK_ASKS = ("Of those two, which would you pick, and why?", "Which version is better for my audience?",
             "ok which of the two is stronger?")


# ---- response texts ----
_BIOSTAT = ("Odds ratio = (a x d) / (b x c) = {k}.{j}{k}.", "SE(ln OR) = sqrt(1/a + 1/b + 1/c + 1/d) = 0.{k}{j}.",
            "95% CI = exp(ln OR +/- 1.96 SE) = {k}.{j} to {k}.{j}{k}.", "The interval excludes 1, so the exposure "
            "is associated with the disease.", "n = 1.96^2 p (1 - p) / m^2 = {k}{j}{k}.", "Allowing for "
            "non-response: n / (1 - r) = {k}{j}{j}.", "ARR = {k}.{j} percentage points.", "RRR = ARR / control "
            "rate = {k}{j}%.", "NNT = 1 / ARR = {k}{j}, rounded up.", "SE = SD / sqrt(n) = {k}.{j}{k} mmHg.",
            "95% CI = mean +/- 1.96 SE = 1{k}{j}.{k} to 1{k}{j}.{j} mmHg.", "Check: the interval is narrower "
            "when n grows, as it should be.")
_WRITING = ("The opening states the claim in the first sentence: {t}.", "Each body paragraph makes one point and "
            "backs it with an example.", "A counter-argument is raised and answered in the third paragraph.",
            "The conclusion returns to the claim without repeating it word for word.", "I kept the tone formal but "
            "warm, which suits the reader.", "Here is a version in about {k}{j}0 words.", "The letter opens with "
            "the role and why it appeals, then two concrete examples.", "The paragraph starts in the middle of "
            "the action and holds back the explanation.")
_SQL = ("```sql\nSELECT c.name, SUM(o.amount) AS total\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\n"
        "GROUP BY c.name\nORDER BY total DESC\nLIMIT {k};\n```", "The join keeps only customers with orders.",
        "Use a window function: AVG(x) OVER (ORDER BY day ROWS BETWEEN {k} PRECEDING AND CURRENT ROW).",
        "ROW_NUMBER() OVER (PARTITION BY email ORDER BY updated_at DESC) picks the newest row.", "NOT EXISTS is "
        "safer than NOT IN when the subquery can return NULL.", "An index on (customer_id, created_at) avoids the "
        "full scan.", "Ties at the cut-off: use RANK() if tied rows should all be returned.")
_VERDICT = ("{W} uses the right method for the task; {O} applies one that does not fit.", "Both reach a similar "
            "result, but {W} shows working a reader can check.", "{W} answers the question that was asked; {O} drifts "
            "into a related one.", "{O} slips in one step, and the error carries through to the end.", "On tone, {W} "
            "reads as more natural for the intended reader.", "{W} handles the edge case the question hints at; {O} "
            "ignores it.", "{O} is longer but not more informative.", "It is a close call on structure; accuracy "
            "decides it.", "{O} leaves out a step that a reader would need.", "{W} would need only a small fix to be "
            "fully correct.")
_CRITIQUE = {
    "writing": ("The thesis arrives only at the end; state it in the opening sentence.", "The second and third "
                "sentences make the same point; cut one.", "The evidence is anecdotal; add one concrete figure or "
                "example.", "The conclusion introduces a new point instead of closing the argument.", "One "
                "sentence is off-topic and breaks the flow; cut it.", "The tone shifts between formal and chatty; "
                "pick one for this reader.", "It is well under the word count; develop the middle paragraph.",
                "Transitions are missing between the points, so it reads as a list."),
    "sql": ("The aggregate needs a GROUP BY on every selected column that is not aggregated.", "Ties at the cut-off "
            "are dropped silently; use RANK() if they should all be returned.", "NOT IN misbehaves when the "
            "subquery returns NULL; NOT EXISTS is safer.", "The window frame is off by one: {k} PRECEDING covers "
            "{k} + 1 rows.", "A table referenced in WHERE is never joined.", "Filtering on EXTRACT(YEAR ...) "
            "prevents the index on created_at being used; compare against a date range.", "Say which SQL dialect "
            "this targets; the date functions differ."),
    "biostat": ("The standard error is computed from the SD without dividing by sqrt(n).", "NNT is 1 / ARR, not 1 / "
                "RRR.", "The interval is stated but never interpreted for the population.", "The sample size "
                "must be rounded up, and then inflated for non-response.", "State the assumptions: random "
                "sampling and independent observations.", "The odds ratio needs the unexposed counts as well; they "
                "are never written down.", "Report the result to a sensible number of decimal places."),
}
_BETTER_NOW = ("This version fixes the opening; the ending is still weak.", "Much better than the last draft: the "
               "structure now carries the argument.", "The main problem from before is fixed.", "Some of the earlier "
               "points still apply.")
_REASONS = {
    "writing": ("the claim is clear but arrives late", "examples are specific and well chosen", "the order of points "
                "is logical", "a few sentences repeat each other", "the register suits the reader", "there are "
                "several spelling slips", "the support is asserted rather than shown"),
    "sql": ("returns the right rows on the sample data", "ties at the cut-off are not handled", "a subquery could be "
            "a join", "aliases make it easy to follow", "NULLs in the joined table would break it", "the date filter "
            "prevents index use"),
    "biostat": ("the right measure for the design", "one intermediate value is wrong", "the interval is computed "
                "but not interpreted", "units and rounding are kept", "the assumptions are never stated", "the "
                "conclusion follows from the numbers"),
}
_SCHEME = ("({k} mark) States the correct formula before substituting.", "({k} mark) Correct substitution of the "
           "given values.", "({k} marks) Correct final value with units.", "(1 mark) Interpretation in context.",
           "Accept equivalent methods; penalise a missing unit once only.", "({k} marks) Thesis: a clear claim in "
           "the first paragraph.", "({k} marks) Query returns the right rows; deduct 1 for unhandled ties.",
           "Common error: using the wrong denominator - award method marks only.")
_GRADE = ("Submission {k}{j}{k}: {k} of {j}{k} tests pass.", "Rubric total {k}{j}/40; feedback written for each "
          "criterion.", "Similarity check clean; grade recorded.", "Late by {k} hours: the course policy deducts "
          "{k}0%.", "Flagged for instructor review: the tests and the rubric disagree.")
POOLS = {"biostat": (_BIOSTAT, "\n", True), "writing": (_WRITING, " ", False), "sql": (_SQL, "\n", False),
         "scheme": (_SCHEME, "\n", False), "grade_agent": (_GRADE, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9), t=rng.choice(("the claim", "this argument",
                                                                             "the opening", "the second point")))


def _budget(rng: random.Random, out_tokens: int, model: str) -> float:
    return out_tokens * rng.uniform(3.4, 4.4) * (rng.uniform(0.3, 0.7) if model in REASONING_MODELS else 1.0)


def _cycle(rng: random.Random, pool: tuple[str, ...]):
    """The pool's lines in a random order, reshuffled each time round (no line twice in a row)."""
    while True:
        yield from rng.sample(pool, len(pool))


def verdict(rng: random.Random, chars: float) -> str:
    """A judgement of a pair: reasons that name one winner throughout, then 'Verdict: A' or 'Verdict: B'."""
    win = rng.choice(("A", "B"))
    names = {"W": f"Response {win}", "O": f"Response {'B' if win == 'A' else 'A'}"}
    out, lines = [], _cycle(rng, _VERDICT)
    while sum(len(x) + 1 for x in out) < chars - 14:
        out.append(next(lines).format(**names))
    return " ".join(out) + f" Verdict: {win}"


def critique(rng: random.Random, cap: str, chars: float) -> str:
    """A critique of a draft: numbered weaknesses of its capability (now and then a line on the last revision), then
    a score out of 10."""
    out: list[str] = [rng.choice(_BETTER_NOW)] if rng.random() < 0.3 else []
    lines = _cycle(rng, _CRITIQUE[cap])
    while sum(len(x) + 1 for x in out) < chars - 14:
        out.append(f"{sum(x[0].isdigit() for x in out) + 1}. {_fill(rng, next(lines))}")
    return "\n".join(out) + f"\nScore: {rng.randint(3, 9)}/10"


def scores(rng: random.Random, cap: str, chars: float) -> str:
    """A rubric grade in prose: each criterion of the capability's rubric with its score and reasons, the total."""
    crits = RUBRICS[cap]
    each = max(30, chars / len(crits) - 30)
    got = [rng.randint(0, p) for _, p, _ in crits]
    out = []
    for (c, p, _), g in zip(crits, got, strict=True):
        reasons = _cycle(rng, _REASONS[cap])
        line = f"{c}: {g}/{p} - {next(reasons)}"
        while len(line) < each:
            line += f"; {next(reasons)}"
        out.append(line + ".")
    return "\n".join(out) + f"\nTotal: {sum(got)}/{rubric_max(cap)}"


def scores_json(rng: random.Random, cap: str, chars: float) -> str:
    """A rubric grade as the JSON of score_schema(cap), its justifications sized to `chars` in all."""
    keys = [(c.lower().replace(" ", "_"), p) for c, p, _ in RUBRICS[cap]]
    got = {k: rng.randint(0, p) for k, p in keys}
    each = max(20, int(chars / len(keys)) - 40)
    why = {}
    for k, _ in keys:
        reasons = _cycle(rng, _REASONS[cap])
        text = next(reasons).capitalize()
        while len(text) < each:
            text += f"; {next(reasons)}"
        why[k] = text + "."
    return orjson.dumps({**got, "total": sum(got.values()), "justification": why}).decode()


JUDGED = {"critique": critique, "scores": scores, "json": scores_json}


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`: the judgements ("verdict", and "critique", "scores" or
    "json" (a rubric grade in JSON) with ":<capability>") and corpus_v14.answer over the v24 pools; styles of
    earlier variants fall through to corpus_v23.answer."""
    kind, _, cap = style.partition(":")
    if kind == "verdict":
        return verdict(rng, _budget(rng, out_tokens, model))
    if kind in JUDGED:
        return JUDGED[kind](rng, cap or rng.choice(tuple(RUBRICS)), _budget(rng, out_tokens, model))
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=C23.answer,
                    bracketed="-")


# ---- a grading agent (agentic_distill; the bootcamp's autograder) ----
GRADE_SYS = ("You are a grading assistant for programming and statistics courses. Fetch the submission, run the "
             "tests, look up the rubric and check similarity before you grade; record the grade with feedback for "
             "each rubric criterion.")
_GP = {"sid": ("string", "submission id"), "aid": ("string", "assignment id"), "suite": ("string", "test suite"),
       "course": ("string", "course code"), "score": ("number", "total score"), "feedback": ("string", "feedback")}
GRADE_TOOLS = [{"name": n, "description": d, "params": {p: _GP[p] for p in ps}, "required": list(ps[:1])}
               for n, d, ps in (
    ("fetch_submission", "The files and metadata of a student's submission", ("sid",)),
    ("run_tests", "Run an assignment's test suite against a submission", ("sid", "suite")),
    ("rubric_lookup", "The rubric of an assignment", ("aid", "course")),
    ("similarity_check", "Similarity of a submission to the other submissions of its assignment", ("sid", "aid")),
    ("record_grade", "Store the grade and feedback of a submission", ("sid", "score", "feedback")))]
GRADE_TASKS = ("Grade submission {s} for assignment {a} and record the grade with feedback.",
               "Submission {s} ({a}) was resubmitted after the deadline; regrade it and apply the late policy.",
               "The tests for {a} changed; regrade submission {s} and say what moved.",
               "A student disputes the grade of {s} on {a}; re-check it against the rubric.",
               "Check {s} on {a} for similarity before grading it.")


def grade_task(rng: random.Random, tasks: tuple[str, ...] = GRADE_TASKS) -> str:
    return rng.choice(tasks).format(s=f"SUB-{rng.randint(10000, 99999)}",
                                    a=rng.choice(("SQL-3", "BIOSTAT-2", "SQL-7", "STAT101-HW4", "DB-LAB-5")))


def grade_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a grading episode; stub results when not `realistic`."""
    name = "fetch_submission" if k == 0 else rng.choice([t["name"] for t in GRADE_TOOLS])
    if not realistic:
        return name, {"sid": "x"}, "ok"
    sid = f"SUB-{rng.randint(10000, 99999)}"
    if name == "fetch_submission":
        return name, {"sid": sid}, (f"{rng.randint(1, 6)} files, {rng.randint(40, 900)} lines, submitted "
                                    f"{rng.choice(('on time', 'late by 3 h', 'late by 1 day'))}")
    if name == "run_tests":
        n = rng.randint(8, 40)
        return name, {"sid": sid, "suite": "default"}, f"{rng.randint(0, n)}/{n} passed; {rng.randint(0, 3)} timeouts"
    if name == "rubric_lookup":
        return name, {"aid": rng.choice(("SQL-3", "BIOSTAT-2")), "course": "DS-201"}, \
            "; ".join(f"{c} ({p})" for c, p, _ in RUBRICS[rng.choice(("sql", "biostat"))])
    if name == "similarity_check":
        return name, {"sid": sid, "aid": "SQL-3"}, f"max similarity {rng.uniform(0.05, 0.9):.2f}"
    return name, {"sid": sid, "score": rng.randint(10, 40), "feedback": "see rubric"}, "recorded"
