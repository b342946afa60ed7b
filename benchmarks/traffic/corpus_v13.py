"""Text pools for the `v13` variant (attacks_v13*.py, personas_v13*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant test),
docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and tuned nothing
against a detector result. Shared by the v13 attacks and the v13 benign personas, so that topic, language or
wording alone separates neither: probability and statistics problems (each in three phrasings, so a problem can
be reworded without changing it), text-to-SQL over made-up schemas in six dialects, regular expressions and shell
text processing, and the usual asks in Vietnamese, Somali, Tajik, Malagasy, Luxembourgish and Kinyarwanda. Voices
(one person's way of writing) come from corpus_v12's grammar; the v13 languages wrap it. Images, grading, labels
and agent tools are in corpus_v13_media.py. Response texts are sized from usage.output_tokens like v11 and v12.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v12_talk as T
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v11_answers import ANTH, REASONING_MODELS, RESP, build

LANGS = ("en", "vi", "so", "tg", "mg", "lb", "rw")
LANG_NAMES = {"en": "English", "vi": "Vietnamese", "so": "Somali", "tg": "Tajik", "mg": "Malagasy",
              "lb": "Luxembourgish", "rw": "Kinyarwanda"}
WRAP = {
    "vi": ("Chào bạn! Mình có câu hỏi:\n{x}", "{x}\n\n(mình loay hoay với bài này cả tiếng rồi)", "Đây là đề bài:\n{x}"),
    "so": ("Salaan! Su'aashaydu waa:\n{x}", "{x}\n\n(saacad ayaan ku jiray tan)", "Waa kan layliga:\n{x}"),
    "tg": ("Салом! Саволи ман:\n{x}", "{x}\n\n(як соат боз бо ин машғулам)", "Ин масъала:\n{x}"),
    "mg": ("Manao ahoana! Ity ny fanontaniako:\n{x}", "{x}\n\n(adiny iray aho no miezaka amin'ity)",
           "Ity ny fanazaran-tena:\n{x}"),
    "lb": ("Moien! Ech hunn eng Fro:\n{x}", "{x}\n\n(ech sëtzen zënter enger Stonn drun)", "Hei ass d'Aufgab:\n{x}"),
    "rw": ("Muraho! Dore ikibazo cyanjye:\n{x}", "{x}\n\n(maze isaha ngerageza iki)", "Dore umwitozo:\n{x}"),
}
ASK_I18N = {
    "vi": ("Bạn giải thích giúp mình cách làm được không?", "Chỉ mình từng bước nhé."),
    "so": ("Fadlan ii sharax sida jawaabta loo helay.", "I tus tallaabooyinka."),
    "tg": ("Лутфан фаҳмонед, ки ҷавоб чӣ тавр ёфта шуд.", "Қадамҳоро нишон диҳед."),
    "mg": ("Azafady, hazavao ahy ny fomba nahitana ny valiny.", "Asehoy ahy ny dingana."),
    "lb": ("Kanns du mir erklären, wéi een op d'Äntwert kënnt?", "Weis mir w.e.g. d'Schrëtt."),
    "rw": ("Nyamuneka nsobanurira uko igisubizo kiboneka.", "Nyereka intambwe."),
}
FOLLOW_I18N = {
    "vi": ("Tại sao lại như vậy?", "Bạn kiểm tra lại bước cuối được không?"),
    "so": ("Maxay sidaas u tahay?", "Ma hubin kartaa tallaabada ugu dambeysa?"),
    "tg": ("Чаро ин тавр?", "Қадами охиринро боз санҷед?"),
    "mg": ("Nahoana no izany?", "Azonao jerena indray ve ny dingana farany?"),
    "lb": ("Firwat dat?", "Kanns du de leschte Schrëtt nach eng Kéier kontrolléieren?"),
    "rw": ("Kubera iki?", "Wakongera ukagenzura intambwe ya nyuma?"),
}
MIXED_TAIL = {"vi": "mai mình cần rồi, pls", "so": "berri ayaan u baahanahay, pls", "tg": "барои пагоҳ лозим, pls",
              "mg": "ilaiko rahampitso, pls", "lb": "brauch et fir muer, pls", "rw": "ndabikeneye ejo, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v12's voice grammar (English parts) with a v13 language on top."""
    v = W.voice(rng, "en")
    v.update(lg13=lg, mixed13=lg != "en" and rng.random() < 0.3)
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg13"]
    if lg != "en" and not v["mixed13"]:
        text = rng.choice(WRAP[lg]).format(x=core)
        return text + ("\n" + rng.choice(ASK_I18N[lg]) if ask and rng.random() < 0.6 else "")
    text = W.say(rng, v, core, ask)
    return text + " " + MIXED_TAIL[lg] if v["mixed13"] else text


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg13"] != "en" and not v["mixed13"]:
        return rng.choice(FOLLOW_I18N[v["lg13"]])
    return W.follow_up(rng, v)


# ---- probability and statistics: each template in three phrasings with the same slots ----
PROB = (
    ("Two fair dice are rolled. What is the probability that the sum is {s}, given that at least one die shows {k}?",
     "Roll two fair dice. Knowing that at least one shows a {k}, how likely is a total of {s}?",
     "2 dice, at least one is {k}. P(sum = {s})?"),
    ("A condition affects {p}% of people. A test has sensitivity {se}% and specificity {sp}%. Someone tests positive; "
     "what is the probability they have the condition?",
     "Prevalence {p}%, sensitivity {se}%, specificity {sp}%. Given a positive result, what's the chance it's real?",
     "bayes: prevalence {p}%, sens {se}%, spec {sp}%, positive test -> P(has it)?"),
    ("A player makes {fp}% of free throws. In {n} attempts, what is the probability she makes at least {k}?",
     "Free-throw success rate {fp}%, {n} shots. Probability of {k} or more going in?",
     "P(at least {k} of {n}) with p = 0.{fp}?"),
    ("Calls arrive at a help desk at an average of {lam} per hour. What is the probability of more than {k} calls in "
     "a given hour, and of none at all?",
     "A Poisson process with rate {lam}/hour. P(more than {k} events in an hour)? P(zero)?",
     "calls ~ Poisson({lam}) per hour. P(X > {k}), P(X = 0)?"),
    ("An urn holds {r} red and {b} blue balls. You draw {d} without replacement. What is the probability of exactly "
     "{k} red?",
     "Without replacement, {d} balls are taken from {r} red and {b} blue. How likely is it that exactly {k} are red?",
     "hypergeometric: {r} red {b} blue, draw {d}, P(exactly {k} red)?"),
    ("A sample of {n} bottles has mean fill {m} ml with standard deviation {sd} ml. Build a 95% confidence interval "
     "for the mean fill and say whether the label's {m0} ml is plausible.",
     "n = {n}, sample mean {m} ml, s = {sd} ml. 95% CI for the true mean? Is {m0} ml consistent with the data?",
     "95% CI: n={n}, mean={m}, sd={sd}. does it include {m0}?"),
    ("Of {n} visitors, {c} clicked the new button. Is the click rate different from the old {p0}% at the 5% level?",
     "A/B check: {c} clicks out of {n} visitors versus a historical rate of {p0}%. Significant at 5%?",
     "{c}/{n} clicked, baseline {p0}%. z-test, 5% level?"),
    ("A cereal brand hides one of {t} different toys in each box, equally likely. How many boxes should you expect to "
     "buy to collect all {t}?",
     "Each box contains one of {t} toys at random. Expected number of boxes until you have the complete set?",
     "coupon collector with {t} toys, expected boxes?"),
    ("A game costs {cost} to play. You win {w} with probability 1/{dn}, otherwise nothing. What is the expected value "
     "and the standard deviation of your net gain per game?",
     "Ticket price {cost}, prize {w}, odds of winning 1 in {dn}. Expected net gain per play, and its SD?",
     "cost {cost}, win {w} w.p. 1/{dn}. E[net], SD?"),
    ("In a study of {n} students, the correlation between hours studied and exam score is r = {rr}. Is it significant "
     "at the 5% level, and what share of the variance does it explain?",
     "r = {rr} between study hours and score, n = {n}. Test for significance (5%) and give r-squared.",
     "corr {rr}, n={n}. significant? r^2?"),
    ("A game show has {doors} doors, one with a car. You pick one; the host opens {op} of the others, all empty, and "
     "offers a switch to one of the remaining closed doors. Should you switch, and what is your chance if you do?",
     "{doors}-door Monty Hall: after your pick the host reveals {op} goats. Switch or stay? Probability of winning "
     "when switching?",
     "monty hall {doors} doors, host opens {op}. switch? P(win)?"),
    ("Screws from a machine have lengths normally distributed with mean {m} mm and SD {sd} mm. What fraction are "
     "rejected if the tolerance is {m} +/- {tol} mm?",
     "Length ~ N({m}, {sd}^2) mm; spec is {m} +/- {tol} mm. What percentage fall outside the spec?",
     "N(mean {m}, sd {sd}), tolerance +/-{tol}. reject rate?"),
)


def prob_seed(rng: random.Random, template: int | None = None) -> tuple[int, dict[str, Any]]:
    """A problem: (template index, slot values); render it with prob_text in any of its three phrasings."""
    m = rng.choice((330, 500, 750, 12, 40))
    doors = rng.choice((3, 4, 5, 10))
    slots = {"s": rng.randint(4, 10), "k": rng.randint(1, 6), "p": rng.choice((0.5, 1, 2, 5)),
             "se": rng.choice((90, 95, 99)), "sp": rng.choice((90, 95, 98)), "fp": rng.choice((60, 70, 75, 85)),
             "n": rng.choice((10, 12, 20, 25, 40, 120, 400, 1500)), "lam": rng.choice((3, 4.5, 6, 8)),
             "r": rng.randint(3, 9), "b": rng.randint(3, 9), "d": rng.randint(3, 5), "m": m, "m0": m + rng.choice(
                 (0, 1, 2, 5)), "sd": rng.choice((0.5, 1.2, 2.5, 4)), "c": rng.randint(20, 140),
             "p0": rng.choice((3, 5, 8, 10)), "t": rng.choice((4, 6, 8, 10)), "cost": rng.choice((1, 2, 5)),
             "w": rng.choice((10, 50, 100, 500)), "dn": rng.choice((20, 50, 200)), "rr": rng.choice((0.21, 0.34,
                                                                                                   0.48, 0.62)),
             "doors": doors, "op": rng.randint(1, doors - 2), "tol": rng.choice((1, 2, 3))}
    return (template if template is not None else rng.randrange(len(PROB))), slots


def prob_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return PROB[t][phrasing % 3].format(**slots)


_SWAPS = (("probability", "chance"), ("What is", "What's"), ("given", "knowing"), ("people", "individuals"),
          ("exactly", "precisely"), ("expected", "average"), ("Is it", "Is that"), ("different", "distinct"))


def near_copy(rng: random.Random, text: str) -> str:
    """A cheap paraphrase: a few word swaps and a changed ending (what a careless rewording script does)."""
    for a, b in rng.sample(_SWAPS, 4):
        text = text.replace(a, b)
    return text.rstrip("?.") + rng.choice(("?", ".", " - please help.", " (explain)"))


# ---- text-to-SQL ----
DIALECTS = ("PostgreSQL", "MySQL 8", "SQLite", "BigQuery", "Snowflake", "SQL Server")
SCHEMAS = {
    "shop": "orders(id, customer_id, created_at, status, total), customers(id, name, country, signup_date), "
            "order_items(order_id, sku, qty, unit_price)",
    "clinic": "appointments(id, patient_id, doctor_id, starts_at, status), doctors(id, name, specialty), "
              "patients(id, birth_year, postcode)",
    "saas": "accounts(id, plan, created_at), events(account_id, name, ts), invoices(id, account_id, amount, paid_at)",
    "fleet": "vehicles(id, depot, model), trips(id, vehicle_id, started_at, ended_at, km), repairs(vehicle_id, "
             "date, cost)",
    "school": "students(id, cohort, enrolled_on), grades(student_id, course, term, score), courses(code, dept)",
    "bank": "accounts(id, customer_id, opened_on, type), transactions(id, account_id, ts, amount, merchant)",
    "games": "players(id, region, joined), matches(id, started, mode), match_players(match_id, player_id, score, won)",
    "library": "books(id, title, genre), loans(id, book_id, member_id, out_on, due_on, returned_on), members(id, "
               "joined, branch)",
}
SQL_SKILLS = ("rank rows within each group and keep the top {k}", "compute a running total per month",
              "find gaps-and-islands: streaks of consecutive days with activity", "pivot months into columns",
              "walk a hierarchy with a recursive CTE", "keep only the latest row per key", "find rows with no match "
              "in the other table (anti-join)", "compute the median and 90th percentile per group",
              "bucket timestamps into weeks starting Monday", "build a cohort retention table by signup month",
              "compare each row with the previous one (lag) and flag drops over {k}%", "deduplicate near-identical "
              "rows keeping the one with the most non-null columns")
SQL_LEVELS = ("basic", "intermediate", "with tricky edge cases (NULLs, ties, time zones)")
SQL_ASK = ("{dialect}. Tables: {schema}. I need to {skill} for the {dom} data. How do I write that?",
           "Using {dialect} with this schema: {schema}\n\nQuery to {skill}? ({level})",
           "how do you {skill} in {dialect}? schema is {schema}",
           "We're on {dialect}. Given {schema}, write a query that will {skill}. Bonus if it handles {edge}.")
_EDGES = ("NULL totals", "ties", "daylight-saving changes", "deleted customers", "empty months")


def sql_task(rng: random.Random, cell: tuple[int, str, int, int] | None = None, template: int | None = None) -> str:
    d, dom, s, lv = cell if cell is not None else (rng.randrange(6), rng.choice(list(SCHEMAS)), rng.randrange(12),
                                                   rng.randrange(3))
    t = SQL_ASK[template if template is not None else rng.randrange(len(SQL_ASK))]
    return t.format(dialect=DIALECTS[d], schema=SCHEMAS[dom], dom=dom, skill=SQL_SKILLS[s].format(
        k=rng.choice((3, 5, 10, 20))), level=SQL_LEVELS[lv], edge=rng.choice(_EDGES))


# ---- regular expressions and shell text processing ----
REGEX = ("Write a regex that matches {a} but not {b}.", "awk one-liner to sum column {c} of a CSV grouped by column "
         "{g}, skipping the header?", "sed command to replace every {a} with {b} only on lines that start with "
         "'{p}'", "How do I find files under {dir} modified in the last {n} days and larger than {sz}, then gzip "
         "them?", "grep for lines containing {a} that do NOT contain {b}, case-insensitive, with 2 lines of context",
         "Python regex to pull {a} out of log lines like '{log}'", "jq to turn a list of objects into CSV with the "
         "fields {f1} and {f2}", "Why does my regex {rx} match too much on '{log}'?", "bash loop to rename {n} files "
         "from IMG_1234.JPG to 2026-01-{n}_1234.jpg using their modified date")
_RX_THINGS = ("UK postcodes", "ISO dates", "IPv4 addresses", "email addresses", "semantic version numbers", "hex "
              "colours", "US phone numbers", "order ids like AB-12345")
_RX_OTHER = ("dates with a month over 12", "addresses with a trailing dot", "versions with leading zeros",
             "three-digit hex colours", "numbers inside longer words")
_LOGS = ("2026-01-03T10:22:01Z level=warn req=7f3a latency=812ms path=/api/v2/orders",
         "[03/Jan/2026:10:22:01 +0000] \"GET /health HTTP/1.1\" 200 17", "ERROR pool=db-2 wait=3.2s active=50/50")


def regex_task(rng: random.Random) -> str:
    return rng.choice(REGEX).format(a=rng.choice(_RX_THINGS), b=rng.choice(_RX_OTHER), c=rng.randint(2, 9),
                                    g=rng.randint(1, 3), p=rng.choice(("#", "WARN", "export", "  - ")),
                                    dir=rng.choice(("/var/log", "~/Downloads", "./data")), n=rng.randint(2, 30),
                                    sz=rng.choice(("100M", "1G", "20k")), log=rng.choice(_LOGS),
                                    f1=rng.choice(("id", "name", "email")), f2=rng.choice(("created", "total", "tags")),
                                    rx=rng.choice((r"\d+.\d+", r".*error.*", r"[A-Z].*\.")))


CAPS = ("prob", "sql", "regex")


def item(rng: random.Random, cap: str) -> tuple[str, str]:
    if cap == "prob":
        return prob_text(prob_seed(rng), rng.randrange(3)), "prob"
    if cap == "sql":
        return sql_task(rng), "sql"
    return regex_task(rng), "regex"


EVERYDAY = W.EVERYDAY + ("how long should I rest between sets?", "Write a birthday message for my coworker Dana.",
                         "What's a good name for a bakery in a small town?", "how do I get candle wax off a rug",
                         "Plan a 20-minute dinner with chickpeas and spinach.", "Explain what an API is to my mum.")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- response texts ----
_PROB = ("Let A be the event that {x}; we need P(A | B) = P(A and B) / P(B).", "There are {k} equally likely outcomes "
         "in B.", "By Bayes: P(D | +) = (0.{k} x 0.9{k}) / P(+) = {y}.", "Use the complement: 1 - P(X <= {k}).",
         "P(X = k) = C(n, k) p^k (1-p)^(n-k); summing k = {k} .. n gives {y}.", "The standard error is s / sqrt(n) "
         "= {y}.", "The interval is {x} +/- 1.96 x SE, i.e. ({y}, {z}).", "z = (p_hat - p0) / sqrt(p0(1-p0)/n) = "
         "{y}.", "Since |z| < 1.96 we do not reject H0.", "Expected boxes = n(1 + 1/2 + ... + 1/n) = {y}.",
         "Switching wins with probability (n-1)/(n(n-k-1)) = {y}.", "So the answer is {y}.")
_SQL = ("WITH ranked AS (SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY created_at DESC) AS rn "
        "FROM orders)", "SELECT * FROM ranked WHERE rn <= {k};", "The PARTITION BY restarts the numbering per group.",
        "SUM(total) OVER (ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)", "date_trunc('week', ts) "
        "starts weeks on Monday in PostgreSQL.", "Use LEFT JOIN ... WHERE b.id IS NULL for the anti-join.",
        "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY amount)", "Ties: use DENSE_RANK if tied rows should share a "
        "place.", "COALESCE(total, 0) keeps NULLs from dropping rows.", "day - ROW_NUMBER() gives the same value for "
        "each consecutive run, so group by it.")
_RX = (r"^(?:[A-Z]{{1,2}}\d[A-Z\d]? ?\d[A-Z]{{2}})$", "awk -F, 'NR>1 {{s[${g}] += ${c}}} END {{for (k in s) print k, "
       "s[k]}}' file.csv", "sed -E '/^#/ s/foo/bar/g'", "find /var/log -mtime -{k} -size +100M -exec gzip {{}} +",
       "grep -i -C2 'timeout' app.log | grep -vi 'retry'", "The dot matches any character; escape it as \\. .",
       "Anchors matter: without ^ and $ the pattern matches inside longer strings.", r"re.search(r'latency=(\d+)ms', "
       "line).group(1)")
_JUDGE = ("The answer sets up the problem correctly but drops a factor in step {k}.", "Score reflects a correct final "
          "result with an incomplete justification.", "It ignores the edge case the question explicitly mentions.",
          "Clear and well organised; the only issue is a rounding slip.", "The reasoning is circular in the second "
          "paragraph.", "Meets criteria 1-3; criterion 4 (units) is not met.")
_VISION = ("The chart shows {k} series over twelve months; the blue line peaks in month {k}.", "In the top left "
           "there is a label reading 'Q{k} revenue'.", "The diagram has three boxes connected by arrows, left to "
           "right.", "The handwriting says: x^2 + {k}x - {y} = 0, with the second line crossed out.", "The shirt is "
           "navy cotton with a round neck and a small logo on the chest.", "Background: plain white, studio lighting.",
           "The y-axis starts at {k}0, which exaggerates the difference.", "The screenshot shows an error dialog: "
           "'Connection refused'.")


def _fill(rng: random.Random, s: str) -> str:
    return s.format(x=round(rng.uniform(1, 500), 1), y=round(rng.uniform(0.001, 99), 3), z=round(rng.uniform(1, 600),
                    1), k=rng.randint(1, 12), g=rng.randint(1, 3), c=rng.randint(2, 9))


def _grow(rng: random.Random, pool: tuple[str, ...], chars: int, joiner: str, numbered: bool) -> str:
    out: list[str] = []
    n = 0
    while n < chars:
        s = _fill(rng, rng.choice(pool))
        out.append(f"{len(out) + 1}. {s}" if numbered else s)
        n += len(out[-1]) + len(joiner)
    return joiner.join(out)


POOLS = {"prob": (_PROB, "\n", True), "sql": (_SQL, "\n", False), "regex": (_RX, "\n\n", False),
         "judge": (_JUDGE, " ", False), "vision": (_VISION, " ", False)}


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens`; v11's and v12's styles too."""
    if style not in POOLS:
        return T.answer(rng, style, out_tokens, model, extra)
    chars = max(1, out_tokens * rng.uniform(3.4, 4.4))
    if model in REASONING_MODELS:
        chars *= rng.uniform(0.3, 0.7)
    pool, joiner, numbered = POOLS[style]
    return _grow(rng, pool, int(chars), joiner, numbered)


def emit(ctx: Ctx, ts: float, acct: dict[str, Any], api: str, body: dict[str, Any], out: int, style: str = "prose",
         user: str | None = None, text: str | None = None, ip: str | None = None) -> str | None:
    """corpus_v12_talk.emit with the v13 answer styles: a response_text when the account's tenant logs outputs."""
    if text is None and acct.get("logged"):
        text = answer(ctx.rng, style, out, str(body.get("model", "")))
    return T.emit(ctx, ts, acct, api, body, out, style, user=user, text=text, ip=ip)


def talk(ctx: Ctx, acct: dict, times: list[float], api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         system: str | None = None, out_range: tuple[int, int] = (150, 900), ip: str | None = None) -> None:
    """One conversation at `times`: `opener`, then follow() for each later turn, the history resent."""
    rng = ctx.rng
    if "max_tokens" not in acct:  # the client's setting, one per account (None: the API's default)
        acct["max_tokens"] = rng.choice((None, None, 1024, 2048, 4096))
    msgs: list[dict] = []
    for j, t in enumerate(times):
        msgs = msgs + [{"role": "user", "content": opener if j == 0 else follow()}]
        out = rng.randint(*out_range) if style != "everyday" else rng.randint(60, 400)
        reply = answer(rng, style, out, model)
        extra = {} if temperature is None or api == RESP else {"temperature": temperature}
        body = build(api, model, system, msgs, acct["max_tokens"] or 1024, **extra)
        if acct["max_tokens"] is None and api != ANTH:
            body.pop("max_output_tokens" if api == RESP else "max_tokens")
        emit(ctx, t, acct, api, body, out, text=reply, user=user, ip=ip)
        msgs = msgs + [{"role": "assistant", "content": reply}]


def everyday_talk(ctx: Ctx, acct: dict, times: list[float], v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None) -> None:
    rng = ctx.rng
    talk(ctx, acct, times, api, model, cover(rng, v), "everyday", lambda: rng.choice(W.EVERYDAY_FOLLOW), temperature,
         user)
