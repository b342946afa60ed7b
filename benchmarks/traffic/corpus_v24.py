"""Text pools and voices for the `v24` variant (attacks_v24*.py, personas_v24*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v24 attacks and the v24 benign personas, so that topic,
language or wording alone separates neither. The v24 theme is judgement rather than answers, so next to the tasks
(biostatistics and epidemiology, writing - essays, cover letters, story openings, op-eds - and SQL, each template in
three phrasings with the same values) there are candidate answers to them (`candidate`: lines drawn from the
template's own pool, with a slip or a gap now and then, what a student, a colleague or another model writes), their
revisions (`revise`), and in corpus_v24_more the rubrics, asks and judgement texts. The usual asks in Low German,
Sicilian, Cornish, Chamorro, Tetum and Kalaallisut. A voice is corpus_v21's with a v24 language on top;
conversations use corpus_v17.talk and .sitting with the v24 texts (KIT), and `converse` runs a conversation whose
user turns are all given (a draft, its revisions, a pair and a follow-up). `cap_of` tells an item's capability from
its text. The session helpers are corpus_v22's.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from functools import partial
from types import SimpleNamespace
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v16 as C16
from benchmarks.traffic import corpus_v17 as C17
from benchmarks.traffic import corpus_v19 as C19
from benchmarks.traffic import corpus_v21 as C21
from benchmarks.traffic import corpus_v22 as C22
from benchmarks.traffic import corpus_v23 as C23
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, RESP, build
from benchmarks.traffic.corpus_v24_more import PAIR_LABELS, answer

human_sessions = X.human_sessions
reply_gap = C17.reply_gap
distinct = C22.distinct
evenings = C22.evenings

# ---- languages ----
LANGS = ("en", "nds", "scn", "kw", "ch", "tet", "kl")
WRAP = {
    "nds": ("Moin! Hier is mien Fraag:\n{x}", "{x}\n\n(ik heff dor al een Stünn an seten)", "Dat Problem is dit:\n{x}"),
    "scn": ("Salutamu! Chista è la me dumanna:\n{x}", "{x}\n\n(ci passai n'ura supra)", "Lu prubblema è chistu:\n{x}"),
    "kw": ("Dydh da! Ottomma ow govyn:\n{x}", "{x}\n\n(my re dremenas our war hemma)", "An kudyn yw hemma:\n{x}"),
    "ch": ("Håfa adai! Este i kuestion-hu:\n{x}", "{x}\n\n(un ora yu' esta gi este)", "Este i problema:\n{x}"),
    "tet": ("Bondia! Ida-ne'e mak ha'u-nia pergunta:\n{x}", "{x}\n\n(ha'u uza ona oras ida ba ida-ne'e)",
            "Problema mak ne'e:\n{x}"),
    "kl": ("Aluu! Apeqqutiga una:\n{x}", "{x}\n\n(nalunaaquttap akunnera ataaseq atorpara)",
           "Ajornartorsiut una:\n{x}"),
}
ASK_I18N = {
    "nds": ("Kannst du mi verklaren, woans een op de Antwoord kummt?", "Wies mi elk Schritt."),
    "scn": ("Mi poi spiegari comu s'arriva a la risposta?", "Mustrami ogni passu."),
    "kw": ("A yllydh jy displegya fatell dheuer dhe'n gorthyp?", "Diskwa dhymm pub kammas."),
    "ch": ("Siña un esplika taimanu na un sodda' i ineppe?", "Fanå'gue yu' todu i pasu."),
    "tet": ("Bele esplika mai ha'u oinsá atu hetan resposta?", "Hatudu mai ha'u pasu hotu."),
    "kl": ("Qanoq akissut pineqarnersoq nassuiarsinnaaviuk?", "Alloriarneq tamaat takutikkit."),
}
FOLLOW_I18N = {
    "nds": ("Worüm?", "Kannst du den lesten Schritt noch mal nakieken?"),
    "scn": ("Pirchì?", "Poi cuntrullari arrè l'ùrtimu passu?"),
    "kw": ("Prag?", "A yllydh jy checkya an kammas diwettha arta?"),
    "ch": ("Sa' hafa?", "Siña un ribisa ta'lo i uttimo pasu?"),
    "tet": ("Tanba sa?", "Bele haree fali pasu ikus?"),
    "kl": ("Sooq?", "Alloriarneq kingulleq misissoqqissinnaaviuk?"),
}
COVER_I18N = {
    "nds": ("Wat schall ik vanavend koken?", "Woans schriev ik een E-Mail an mien Chef?"),
    "scn": ("Chi cucinu stasira?", "Comu scrivu na e-mail a lu me capu?"),
    "kw": ("Pandr'a wrav vy kegina haneth?", "Fatell skrifav e-bost dhe'm pennplas?"),
    "ch": ("Hafa para bai hu kusina pa'go na puenge?", "Taimanu bai hu tugi' email para i amo-hu?"),
    "tet": ("Ohin kalan ha'u te'in saida?", "Oinsá mak ha'u hakerek email ba ha'u-nia xefe?"),
    "kl": ("Unnuk sunik nerisassiorniarpunga?", "Qanoq pisortannut e-mailiorsinnaavunga?"),
}
MIXED_TAIL = {"nds": "ik bruuk dat morgen, pls", "scn": "mi servi dumani, pls", "kw": "yma edhom dhymm anodho "
              "a-vorow, pls", "ch": "hu nesesita agupa', pls", "tet": "ha'u presiza aban, pls",
              "kl": "aqagu pisariaqarpara, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v21's voice (reading and typing speed, quoting habit) in a v24 language."""
    v = C21.voice(rng, "en")
    v.update(lg24=lg, mixed24=lg != "en" and rng.random() < 0.3)
    return v


def native(v: dict[str, Any]) -> bool:
    return v["lg24"] != "en" and not v["mixed24"]


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg24"]
    if not native(v):
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed24"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    return rng.choice(FOLLOW_I18N[v["lg24"]]) if native(v) else W.follow_up(rng, v)


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    if native(v):
        return f'"{C16.quote(rng, reply)}" - {rng.choice(FOLLOW_I18N[v["lg24"]])}'
    return C19.quote_follow(rng, v, reply)


def in_voice(rng: random.Random, v: dict[str, Any], text: str) -> str:
    """A short line of the writer's own (an ask, a follow-up) the way this voice types it."""
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


EVERYDAY = C23.EVERYDAY + ("what's a fun team-building activity that isn't awkward?", "How often should I water a "
                           "cactus?", "can you suggest a name for our allotment group?", "What's a good stretch for "
                           "a stiff neck?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if native(v) and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg24"]])
    return in_voice(rng, v, rng.choice(EVERYDAY))


# ---- biostatistics and epidemiology ----
BIOSTAT = (
    ("In a case-control study, {a} of {nc} cases and {b} of {nk} controls had been exposed. Find the odds ratio and "
     "its 95% confidence interval, and say whether the exposure is associated with the disease.",
     "{a} out of {nc} cases were exposed versus {b} out of {nk} controls. What's the odds ratio, with a 95% "
     "confidence interval, and is there an association?",
     "case-control: exposed cases {a}/{nc}, exposed controls {b}/{nk} -> odds ratio, 95% CI?"),
    ("How many participants does a survey need to estimate a prevalence of about {p}% to within {m} percentage points "
     "with 95% confidence, allowing for a {nr}% non-response rate?",
     "What sample size do I need to estimate a prevalence near {p}% within +/-{m} points (95% confidence), if {nr}% "
     "won't respond?",
     "sample size for prevalence ~{p}%, margin {m} pts, 95% conf, {nr}% non-response?"),
    ("In a trial, {r1}% of the placebo group and {r2}% of the treated group had the outcome. Find the absolute risk "
     "reduction, the relative risk reduction and the number needed to treat.",
     "Placebo event rate {r1}%, treatment event rate {r2}% - what are the ARR, RRR and number needed to treat?",
     "placebo {r1}% vs treatment {r2}% -> ARR, RRR, NNT?"),
    ("A sample of {n} patients has a mean systolic blood pressure of {mu} mmHg with a standard deviation of {sd} "
     "mmHg. Find the 95% confidence interval for the mean and say whether it excludes {h0} mmHg.",
     "Mean systolic pressure {mu} mmHg, SD {sd}, n = {n}: what's the 95% confidence interval, and does it rule out "
     "{h0} mmHg?",
     "n={n}, mean SBP {mu} mmHg, SD {sd} -> 95% CI; excludes {h0}?"),
)
BIOSTAT_SLOTS = {"a": (12, 18, 25, 33, 40), "nc": (50, 80, 120, 200), "b": (8, 15, 30, 45), "nk": (100, 150, 240, 400),
                 "p": (5, 12, 20, 35, 50), "m": (2, 3, 5), "nr": (10, 15, 20, 30), "r1": (18, 22, 25, 30, 35),
                 "r2": (4, 6, 9, 12, 15), "n": (25, 40, 64, 100, 150), "mu": (128, 134, 141, 146, 152),
                 "sd": (9, 12, 15, 18, 22), "h0": (120, 130, 140)}

# ---- writing: essays, cover letters, story openings, op-eds ----
WRITING = (
    ("Write a persuasive essay of about {w} words arguing that {topic}.",
     "Can you write me a {w}-word persuasive essay on why {topic}?",
     "persuasive essay, ~{w} words: {topic}"),
    ("Write a cover letter of under {w} words for a {role} position at {org}, for an applicant with {exp}.",
     "I need a cover letter (max {w} words) for a {role} job at {org}; I have {exp}.",
     "cover letter, {role} @ {org}, <{w} words, background: {exp}"),
    ("Write the opening paragraph of a short story set in {place}, in which {event}, in about {w} words.",
     "Could you draft the first paragraph of a short story? Setting: {place}. What happens: {event}. Around {w} words.",
     "short story opening, {place}, {event}, ~{w} words"),
    ("Write an op-ed of about {w} words for a local newspaper on whether {debate}, taking a clear side.",
     "Write a {w}-word op-ed for our local paper on whether {debate}. Pick a side.",
     "op-ed ~{w} words, local paper: whether {debate}, take a side"),
)
WRITING_SLOTS = {"w": (150, 250, 300, 400, 600),
                 "topic": ("schools should start later in the morning", "public libraries matter more than ever",
                           "homework should be optional", "cities should make buses free", "everyone should learn "
                           "to cook", "voting should be allowed at sixteen"),
                 "role": ("junior analyst", "nursing assistant", "graphic designer", "warehouse supervisor",
                          "teaching assistant"),
                 "org": ("a regional hospital", "an architecture studio", "the city council", "a family-run bakery",
                         "a logistics start-up"),
                 "exp": ("two years in retail", "a degree in biology", "five years of volunteering at a food bank",
                         "a career break to care for a parent", "a summer of customer service"),
                 "place": ("a lighthouse in winter", "a night market", "a snowed-in railway station",
                           "a village on the day of the harvest fair", "an empty swimming pool"),
                 "event": ("a letter arrives twenty years late", "the power goes out for good", "a stranger knows "
                           "everyone's name", "the river starts running backwards", "the last bus never comes"),
                 "debate": ("the town should ban cars from the high street", "school uniforms should be scrapped",
                            "the old cinema should become flats", "the park should stay open at night",
                            "the council should pay for a new skate park")}

# ---- SQL ----
SQL = (
    ("Write a SQL query that returns the top {k} customers by total order value in {year}, from the tables "
     "customers(id, name) and orders(id, customer_id, amount, created_at).",
     "How do I get the {k} customers who spent the most in {year}? Tables: customers(id, name), orders(id, "
     "customer_id, amount, created_at). SQL please.",
     "SQL: top {k} customers by sum(amount) in {year}; customers(id,name), orders(id,customer_id,amount,created_at)"),
    ("Write a SQL query that lists the users who signed up in {mon} but have not logged in during the last {d} days, "
     "from users(id, email, signup_date) and logins(user_id, logged_in_at).",
     "Which SQL query finds users who joined in {mon} and haven't logged in for {d} days? Tables users(id, email, "
     "signup_date) and logins(user_id, logged_in_at).",
     "query: users signed up in {mon}, no login in last {d} days; users(id,email,signup_date), logins(user_id,"
     "logged_in_at)"),
    ("Write a SQL query for the {w}-day rolling average of daily {metric} from the table daily_stats(day, {metric}).",
     "How would I compute a {w}-day moving average of {metric} in SQL? The table is daily_stats(day, {metric}).",
     "SQL rolling avg {w}d of {metric}, table daily_stats(day,{metric})"),
    ("Write a SQL query that removes duplicate rows from the table {tbl}, keeping only the most recent row for each "
     "email (columns id, email, updated_at).",
     "My {tbl} table has duplicate emails. What query deletes all but the newest row per email? Columns: id, email, "
     "updated_at.",
     "SQL dedupe {tbl} by email, keep latest updated_at (cols id,email,updated_at)"),
)
SQL_SLOTS = {"k": (3, 5, 10, 20), "year": (2023, 2024, 2025), "mon": ("January", "March", "June", "September"),
             "d": (7, 14, 30, 90), "w": (3, 7, 14, 28), "metric": ("signups", "revenue", "active_users", "orders"),
             "tbl": ("contacts", "subscribers", "leads", "customers_raw")}

CAPS = ("biostat", "writing", "sql")
_BANK = {"biostat": (BIOSTAT, BIOSTAT_SLOTS), "writing": (WRITING, WRITING_SLOTS), "sql": (SQL, SQL_SLOTS)}
_MARKS = {"biostat": re.compile(r"odds ratio|prevalence|placebo|mmHg", re.I),
          "writing": re.compile(r"\bessay\b|cover letter|short story|\bop-ed\b", re.I),
          "sql": re.compile(r"\bSQL\b|\bquery\b|\btables?\b", re.I)}

seed = partial(C17.seed, bank=_BANK)
text = partial(C17.text, bank=_BANK)
perturb = partial(C17.perturb, bank=_BANK)
item = partial(C17.item, bank=_BANK)


def any_item(rng: random.Random) -> tuple[str, str]:
    return item(rng)


def cap_of(t: str) -> str | None:
    """The capability whose marks the text carries (None: none or more than one)."""
    hits = [cap for cap, rx in _MARKS.items() if rx.search(t)]
    return hits[0] if len(hits) == 1 else None


IMPLICIT_ASKS = ("The committee reads every word of this.", "I have to defend it in front of the class.",
                 "It goes to the client on Friday.", "Please don't skip anything, it's marked strictly.",
                 "Say what you assume as you go.", "Our reviewer checks every line.")
_LEADS = ("From this week's assignment:", "My manager asked me this:", "Old exam question:", "For the seminar:",
          "From the team's backlog:", "Client request:", "From the writing workshop:", "My study group is stuck on:")


def disguise(rng: random.Random, t: str) -> str:
    if "\n" not in t and rng.random() < 0.35:
        t = W.reorder(rng, t)
    return f"{rng.choice(_LEADS)}\n{t}" if rng.random() < 0.4 else t


# ---- candidate answers: what a student, a colleague or another model wrote ----
_CAND = {
    "biostat": (
        ("Exposed: {a} cases and {b} controls.", "Odds of exposure in cases = {a} / ({nc} - {a}) = 0.{x1}{x2}.",
         "Odds of exposure in controls = {b} / ({nk} - {b}) = 0.{x2}{x1}.", "OR = 0.{x1}{x2} / 0.{x2}{x1} = {x1}.{x2}.",
         "SE(ln OR) = sqrt(1/a + 1/b + 1/c + 1/d) = 0.{x2}{x1}.", "95% CI = {x1}.{x2} x exp(+/- 1.96 SE) = "
         "{x2}.{x1} to {x1}.{x1}.", "The interval does not include 1, so there is an association."),
        ("p = {p}%, margin m = {m} points.", "n = 1.96^2 x p(1 - p) / m^2 = {x1}{x2}{x1}.", "Allowing for {nr}% "
         "non-response: n / (1 - {nr}/100) = {x1}{x2}{x2}.", "Round up to {x1}{x2}{x2} participants.",
         "A smaller margin would need roughly four times as many."),
        ("Control event rate {r1}%, treated {r2}%.", "ARR = {r1} - {r2} percentage points.", "RRR = ARR / {r1} = "
         "{x1}{x2}%.", "NNT = 100 / ARR = {x1}{x2}, rounded up.", "About {x1}{x2} patients must be treated to "
         "prevent one event."),
        ("SE = {sd} / sqrt({n}) = {x1}.{x2}.", "With n = {n}, 1.96 is close enough to the t value.", "95% CI = {mu} "
         "+/- 1.96 x SE = {mu} +/- {x1}.{x2} mmHg.", "Compare with {h0} mmHg: it lies outside the interval.",
         "So the mean differs from {h0} mmHg at the 5% level."),
    ),
    "writing": (
        ("There is a strong case that {topic}.", "Look at how things work now: most people simply accept them.",
         "The first reason is practical: it saves families time and money.", "A second reason is fairness, because "
         "the current system favours those who already have most.", "Critics say the change would be expensive, "
         "but doing nothing costs more.", "Evidence from {x1}{x2} countries points the same way.", "In short, "
         "{topic}, and the sooner we act the better."),
        ("Dear hiring manager,", "I am writing to apply for the {role} position at {org}.", "I bring {exp}, which "
         "taught me to stay calm when {x1}{x2} things happen at once.", "In my last role I cut the time it took to "
         "close a request by {x1}{x2}%.", "I admire how {org} listens to the people it serves.",
         "I would welcome the chance to talk about how I could help.", "Yours sincerely,"),
        ("It happened in {place}.", "That evening {event}, and nobody could say why.", "Mara pulled her coat "
         "tighter and counted {x1}{x2} lights.", "Somewhere below, a door banged {x1} times.", "She had promised "
         "herself she would not look back.", "The wind carried a smell of salt and diesel."),
        ("On whether {debate}, my answer is yes.", "Every week I hear the same complaint from neighbours.",
         "The council's own survey of {x1}{x2}0 residents tells a clear story.", "Opponents worry about shops and "
         "jobs, and those worries deserve an answer.", "{x1}{x2} towns have tried it and none have gone back.",
         "It is time to decide, and to decide well."),
    ),
    "sql": (
        ("SELECT c.name, SUM(o.amount) AS total", "FROM customers c", "JOIN orders o ON o.customer_id = c.id",
         "WHERE EXTRACT(YEAR FROM o.created_at) = {year}", "GROUP BY c.id, c.name", "ORDER BY total DESC",
         "LIMIT {k};"),
        ("SELECT u.id, u.email", "FROM users u", "WHERE to_char(u.signup_date, 'FMMonth') = '{mon}'",
         "AND NOT EXISTS (", "  SELECT 1 FROM logins l", "  WHERE l.user_id = u.id", "  AND l.logged_in_at > now() - "
         "interval '{d} days'", ");"),
        ("SELECT day,", "  AVG({metric}) OVER (", "    ORDER BY day ROWS BETWEEN {w} PRECEDING AND CURRENT ROW",
         "  ) AS rolling_avg", "FROM daily_stats", "ORDER BY day;"),
        ("DELETE FROM {tbl}", "WHERE id IN (", "  SELECT id FROM (", "    SELECT id, ROW_NUMBER() OVER (PARTITION BY "
         "email ORDER BY updated_at DESC) AS rn", "    FROM {tbl}", "  ) ranked WHERE rn > 1", ");"),
    ),
}
_WRITING_SLIPS = tuple((None, x) for x in (
    "Also, my cousin once went to a concert, which was great.", "In conclusion, there are many sides to every "
    "question.", "This is a very important topic that is very important.", "anyway thats basically my point"))
# (the line a slip takes the place of, None: anywhere after the first; the slip)
_SLIPS = {"biostat": (((3, "OR = {a} / {b} = {x1}.{x2}."), (5, "95% CI = OR +/- 1.96 = {x1}.{x2} to {x2}.{x1}.")),
                      ((1, "n = 1.96 x p(1 - p) / m = {x1}{x2}."), (2, "Allowing for non-response: n x 0.{nr} = "
                                                                     "{x1}{x2}.")),
                      ((3, "NNT = 1 / RRR = {x1}."), (2, "RRR = {r2} / {r1} = 0.{x1}{x2}.")),
                      ((0, "SE = {sd} / {n} = 0.{x2}{x1}."), (2, "95% CI = mean +/- SD = {mu} +/- {sd}."))),
          "writing": (_WRITING_SLIPS,) * 4,
          "sql": (((4, "GROUP BY c.name"), (5, "ORDER BY total"), (3, "WHERE o.created_at > '{year}'")),
                  ((6, "  AND l.logged_in_at < now() - interval '{d} days'"), (5, "  WHERE l.user_id = u.user_id")),
                  ((2, "    ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"),
                   (1, "  SUM({metric}) OVER (")),
                  ((3, "    SELECT id, ROW_NUMBER() OVER (ORDER BY updated_at DESC) AS rn"),
                   (5, "  ) ranked WHERE rn = 1")))}
_BETTER = {"biostat": ("Interpretation: in the population this means a clear difference, not just in the sample.",
                       "Check: the interval is narrower than the one from the pilot, as expected with more people.",
                       "Assumption: the sample is random and the outcome roughly normal."),
           "writing": ("For example, a pilot scheme in a nearby town cut waiting times by a fifth.", "Some will "
                       "disagree, and their concern is fair, but it does not outweigh the benefit.", "This is why "
                       "the change matters now, not in ten years."),
           "sql": ("-- RANK() keeps customers tied at the cut-off", "-- NOT EXISTS is safe when logins has NULLs",
                   "-- an index on (user_id, logged_in_at) keeps this fast")}
SEP = {"biostat": "\n", "writing": " ", "sql": "\n"}


def _line(rng: random.Random, s: tuple[str, int, dict], line: str) -> str:
    return line.format(**s[2], x1=rng.randint(1, 9), x2=rng.randint(0, 9))


_SQL_WORDS = re.compile(r"\b(SELECT|FROM|JOIN|ON|WHERE|AND|NOT|EXISTS|IN|GROUP BY|ORDER BY|LIMIT|DESC|AS|OVER|ROWS "
                        r"BETWEEN|PRECEDING|CURRENT ROW|UNBOUNDED|PARTITION BY|ROW_NUMBER|DELETE|SUM|AVG|EXTRACT|YEAR|"
                        r"DISTINCT|interval)\b")
_SQL_NOTES = ("-- Postgres", "-- tested on the sample rows", "-- my attempt", "-- works on MySQL 8 too", "-- first try",
              "-- from our staging db")
_SQL_ALIASES = (("AS total", ("AS total", "AS total_spent", "AS spend")),
                ("AS rolling_avg", ("AS rolling_avg", "AS moving_avg", "AS avg_window")),
                (") ranked", (") ranked", ") t", ") dups")))


def _sql_style(rng: random.Random, lines: list[str]) -> list[str]:
    """A writer's way with a query: keyword case, indentation, aliases and a note on top."""
    lower, indent = rng.random() < 0.35, rng.choice(("  ", "    ", "\t"))
    aliases = [(a, rng.choice(b)) for a, b in _SQL_ALIASES]
    out = []
    for x in lines:
        for a, b in aliases:
            x = x.replace(a, b)
        x = _SQL_WORDS.sub(lambda m: m.group(0).lower(), x) if lower else x
        body = x.lstrip(" ")
        out.append(indent * ((len(x) - len(body)) // 2) + body)
    return ([rng.choice(_SQL_NOTES)] if rng.random() < 0.4 else []) + out


def candidate(rng: random.Random, s: tuple[str, int, dict], flaw: int | None = None) -> list[str]:
    """The lines of a candidate answer to item s: flaw 0 none, 1 a slip in place of one line, 2 a line left out, 3
    both (drawn 40/30/20/10 when not given); a query in its writer's style (_sql_style)."""
    cap, t, _ = s
    flaw = rng.choices((0, 1, 2, 3), (40, 30, 20, 10))[0] if flaw is None else flaw
    lines = [_line(rng, s, x) for x in _CAND[cap][t]]
    if flaw & 1:
        at, slip = rng.choice(_SLIPS[cap][t])
        lines[rng.randrange(1, len(lines)) if at is None else at] = _line(rng, s, slip)
    if flaw & 2 and len(lines) > 3:
        del lines[rng.randrange(1, len(lines) - 1)]
    return _sql_style(rng, lines) if cap == "sql" else lines


def revise(rng: random.Random, s: tuple[str, int, dict], lines: list[str]) -> list[str]:
    """A revision of a draft: one or two lines rewritten (the template's own line or a better one) and, half the
    time, a line added."""
    cap, t, _ = s
    out = list(lines)
    for _ in range(rng.randint(1, 2)):
        k = rng.randrange(len(out))
        pool = [x for x in (_line(rng, s, y) for y in _CAND[cap][t] + _BETTER[cap]) if x not in out + lines]
        out[k] = rng.choice(pool) if pool else out[k] + " (revised)"
    if rng.random() < 0.5:
        out.insert(rng.randint(1, len(out)), _line(rng, s, rng.choice(_BETTER[cap])))
    return out


def joined(s: tuple[str, int, dict], lines: list[str]) -> str:
    return SEP[s[0]].join(lines)


def pair_block(rng: random.Random, q: str, a: str, b: str, labels: tuple[str, str] | None = None,
               header: bool | None = None) -> str:
    """A question and two answers to it, labelled the way people paste them."""
    la, lb = labels or rng.choice(PAIR_LABELS)
    head = rng.random() < 0.5 if header is None else header
    return f"{'Question: ' if head else ''}{q}\n\n{la}:\n{a}\n\n{lb}:\n{b}"


def graded_block(q: str, rubric: str, answers: list[str], who: str = "Student") -> str:
    """A task, a rubric and one or more answers to grade."""
    if len(answers) == 1:
        return f"Task: {q}\n\n{rubric}\n\n{who}'s answer:\n{answers[0]}"
    body = "\n\n".join(f"{who} {j + 1}:\n{a}" for j, a in enumerate(answers))
    return f"Task: {q}\n\n{rubric}\n\n{body}"


# ---- conversations: corpus_v17's, with the v24 texts ----
emit = partial(X.emit, answer_fn=answer)
KIT = SimpleNamespace(say=say, follow_up=follow_up, quote_follow=quote_follow, cover=cover, disguise=disguise,
                      answer=answer, emit=emit)
talk = partial(C17.talk, kit=KIT)
everyday_talk = partial(C17.everyday_talk, kit=KIT)
sitting = partial(C17.sitting, kit=KIT)


def converse(ctx: Ctx, acct: dict, t: float, api: str, model: str, turns: list[tuple[str, str, tuple[int, int], float]],
             v: dict | None, *, system: str | None = None, user: str | None = None, temperature: float | None = None,
             max_tokens: int | None = None, gap: tuple[float, float] | None = None, **extra: Any) -> float:
    """One conversation whose user turns are all given: turns[j] = (text, reply style, reply output-token range,
    extra seconds before it is sent: rewriting a draft, say). Each turn resends the history; a later turn waits for
    reading and typing (reply_gap, voice v) plus its extra seconds, or `gap` seconds when given (a script).
    max_tokens None: the client's own setting, one per account as in corpus_v17.talk (None there: the API's
    default). Returns the time of the last turn."""
    rng = ctx.rng
    if max_tokens is None:
        if "max_tokens" not in acct:
            acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
        max_tokens = acct["max_tokens"]
    params = dict(extra)
    if temperature is not None and api != RESP:
        params["temperature"] = temperature
    msgs: list[dict] = []
    for j, (nxt, style, out_range, _) in enumerate(turns):
        msgs = msgs + [{"role": "user", "content": nxt}]
        out = rng.randint(*out_range)
        reply = answer(rng, style, out, model)
        body = build(api, model, system, msgs, max_tokens or 1024, **params)
        if max_tokens is None and api != ANTH:
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        emit(ctx, t, acct, api, body, out, text=reply, user=user)
        msgs = msgs + [{"role": "assistant", "content": reply}]
        if j + 1 < len(turns):
            t += rng.uniform(*gap) if gap else reply_gap(rng, out, len(turns[j + 1][0]), v) + turns[j + 1][3]
    return t


def users(rng: random.Random, n: int, pattern: str | None = None, share: float = 0.1) -> tuple[list, list[float]]:
    """n end users of an app (ids in one of the usual `user` shapes, a v24 voice each) and their activity weights."""
    pattern = pattern or rng.choice(W.USER_POOLS)
    out = [(W.end_user(rng, pattern, 500000), voice(rng, lang(rng, share))) for _ in range(n)]
    return out, [rng.paretovariate(1.1) for _ in out]


def draws(rng: random.Random) -> dict[str, Callable[[], tuple[str, str]]]:
    """One distinct item stream per capability."""
    return {cap: distinct(partial(item, rng, cap)) for cap in CAPS}


def distinct_seeds(rng: random.Random, cap: str | None = None) -> Callable[[], tuple[str, int, dict]]:
    """Items (seeds) of `cap` (any when None) whose first phrasing this caller has not had yet."""
    draw = distinct(lambda: (text(s := seed(rng, cap or rng.choice(CAPS))), s))
    return lambda: draw()[1]
