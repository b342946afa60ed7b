"""Text pools, voices and conversations for the `v16` variant (attacks_v16*.py, personas_v16*.py).

Written blind: the author did not read gateway/extraction/, tests/extraction/ (beyond the blind-variant tests and
their helpers), docs/extraction.md or the evaluation harness beyond its dataset table, never ran the detector and
tuned nothing against a detector result. Shared by the v16 attacks and the v16 benign personas, so that topic,
language or wording alone separates neither: discrete maths and algorithm analysis (recurrences, loop costs,
induction, counting, shortest paths, tautologies, congruences, amortised cost, hashing, coin-change DP), shell
and command-line work (find, awk, sed, jq, git, cron, retries, error messages, containers, ports), each template
in three phrasings with the same slots; everyday questions; the usual asks in Quechua, Tigrinya, Burmese, Wolof,
Samoan and Guarani. A voice is corpus_v14's (corpus_v12's grammar) with a v16 language on top.

New in v16 are two pieces of conversation machinery an operator who has read the public signal list would build,
and which ordinary users produce too: follow-up turns that quote a sentence of the answer before them (what a
second model writing "curious student" follow-ups does, and what people do when they paste the part they did not
get), and `disguise`, which dresses an item in a context line and a reordering so that no two accounts send one
masked skeleton. Agreements for document QA, CI failure logs, the ops agent and the response texts are in
corpus_v16_more.py. Pacing: corpus_v14.human_sessions.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial
from typing import Any

from benchmarks.traffic import corpus_v12 as W
from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v15 as M15
from benchmarks.traffic.context import Ctx
from benchmarks.traffic.corpus_v16_more import answer

human_sessions = X.human_sessions
weekend = X.weekend

# ---- languages ----
LANGS = ("en", "qu", "ti", "my", "wo", "sm", "gn")
LANG_NAMES = {"en": "English", "qu": "Quechua", "ti": "Tigrinya", "my": "Burmese", "wo": "Wolof", "sm": "Samoan",
              "gn": "Guarani"}
WRAP = {
    "qu": ("Allinllachu! Kaymi tapukuyniy:\n{x}", "{x}\n\n(huk hora kayta ruwachkani)", "Kaymi sasachakuy:\n{x}"),
    "ti": ("ሰላም! ሕቶይ እዚኣ እያ:\n{x}", "{x}\n\n(ሓንቲ ሰዓት ኣብዚ ጸኒሐ)", "እዚ ሕቶ እዩ:\n{x}"),
    "my": ("မင်္ဂလာပါ! ကျွန်တော့်မေးခွန်းက:\n{x}", "{x}\n\n(ဒါကို တစ်နာရီလောက် ကြိုးစားနေတာ)", "ဒါက ပုစ္ဆာပါ:\n{x}"),
    "wo": ("Salaam aleekum! Sama laaj mooy:\n{x}", "{x}\n\n(benn waxtu laa ci nekk)", "Lii mooy laaj bi:\n{x}"),
    "sm": ("Talofa! O la'u fesili lenei:\n{x}", "{x}\n\n(ua tasi le itula o ou taumafai i lenei mea)",
           "O le fa'afitauli lenei:\n{x}"),
    "gn": ("Mba'éichapa! Che porandu ha'e:\n{x}", "{x}\n\n(peteĩ aravo aña'ã ko'ã)", "Ko'ápe oĩ pe apañuãi:\n{x}"),
}
ASK_I18N = {
    "qu": ("Ama hina kaspa, willaway imaynatam kutichiyta tarinki.", "Sapa puriyninta rikuchiway."),
    "ti": ("በጃኻ መልሲ ብኸመይ ከም ዝርከብ ኣረድኣኒ።", "ነፍሲ ወከፍ ስጉምቲ ኣርእየኒ።"),
    "my": ("အဖြေကို ဘယ်လိုရလဲ ရှင်းပြပေးပါ။", "အဆင့်တိုင်း ပြပေးပါ။"),
    "wo": ("Su la neexee, leeral ma naka lañuy am tontu bi.", "Won ma dooxin bu nekk."),
    "sm": ("Fa'amolemole fa'amatala mai pe fa'apefea ona maua le tali.", "Fa'aali mai la'asaga ta'itasi."),
    "gn": ("Emombe'umína mba'éichapa ojejuhu mbohovái.", "Ehechaukamína opaite paso."),
}
FOLLOW_I18N = {
    "qu": ("Imaraykutaq?", "Qhipa puriyta hukmanta qhawariwankimanchu?"),
    "ti": ("ስለምንታይ?", "ናይ መወዳእታ ስጉምቲ ደጊምካ ክትርእዮ ትኽእልዶ?"),
    "my": ("ဘာကြောင့်လဲ?", "နောက်ဆုံးအဆင့်ကို ပြန်စစ်ပေးနိုင်မလား?"),
    "wo": ("Lu tax?", "Ndax mën nga seetaat dooxin bu mujj bi?"),
    "sm": ("Aisea?", "E mafai ona e toe siaki le la'asaga mulimuli?"),
    "gn": ("Mba'ére?", "Ikatúpa rehecha jey pe paso paha?"),
}
COVER_I18N = {
    "qu": ("Kunan tuta imatataq wayk'usaq?", "Imaynatataq umalliqniyman qillqata qillqasaq?"),
    "ti": ("ሎሚ ምሸት እንታይ ክሰርሕ?", "ናብ ሓላፊየይ ኢመይል ብኸመይ ክጽሕፍ?"),
    "my": ("ဒီည ဘာချက်ရမလဲ?", "မန်နေဂျာကို အီးမေးလ် ဘယ်လိုရေးရမလဲ?"),
    "wo": ("Lan laay togg tey ci guddi?", "Naka laay bind email sama njiit?"),
    "sm": ("O le a se mea ou te kuka i le po nei?", "E fa'apefea ona ou tusia se imeli i lo'u pule?"),
    "gn": ("Mba'épa ajapóta karu ko pyharépe?", "Mba'éichapa ahai peteĩ correo che ruvichápe?"),
}
MIXED_TAIL = {"qu": "paqarin munani, pls", "ti": "ጽባሕ የድልየኒ, pls", "my": "မနက်ဖြန် လိုတယ်, pls",
              "wo": "suba laa ko soxla, pls", "sm": "ou te mana'omia taeao, pls", "gn": "ko'ẽrõ aikotevẽ, pls"}


def lang(rng: random.Random, share: float) -> str:
    return rng.choice(LANGS[1:]) if rng.random() < share else "en"


def voice(rng: random.Random, lg: str = "en") -> dict[str, Any]:
    """corpus_v14's voice (corpus_v12's grammar, English), with a v16 language and a quoting habit on top."""
    v = X.voice(rng, "en")
    v.update(lg16=lg, mixed16=lg != "en" and rng.random() < 0.3, quotes=rng.uniform(0.3, 0.8))
    return v


def say(rng: random.Random, v: dict[str, Any], core: str, ask: bool = True) -> str:
    lg = v["lg16"]
    if lg == "en" or v["mixed16"]:
        text = X.say(rng, v, core, ask)
        return f"{text} {MIXED_TAIL[lg]}" if v["mixed16"] else text
    asks = ASK_I18N[lg] if ask and rng.random() < 0.6 else ("",)
    return "\n".join(p for p in (rng.choice(WRAP[lg]).format(x=core), rng.choice(asks)) if p)


def follow_up(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg16"] == "en" or v["mixed16"]:
        return W.follow_up(rng, v)
    return rng.choice(FOLLOW_I18N[v["lg16"]])


# ---- follow-ups that quote the answer before them ----
QUOTE_FOLLOW = ('You said "{q}" - why does that hold?', '"{q}"\n\nI don\'t follow this part. Can you expand?',
                'about "{q}": would that still be true if the input were much bigger?', 'wait - "{q}"? how did '
                'you get that', 'Could you give an example of "{q}"?', '"{q}" - is that always the case, or just '
                'here?', 'ok, and after "{q}", what comes next?', 'I tried it and I\'m not sure about "{q}". Can '
                'you double-check?')


def quote(rng: random.Random, reply: str) -> str:
    """A sentence of `reply` as a reader would paste it: list numbering dropped, cut at about 90 characters."""
    parts = [p.strip().lstrip("0123456789. -") for p in reply.replace("\n", ". ").split(". ")]
    parts = [p for p in parts if len(p) > 12] or [reply[:60]]
    q = rng.choice(parts)
    return q if len(q) <= 90 else q[:90].rsplit(" ", 1)[0] + " ..."


def quote_follow(rng: random.Random, v: dict[str, Any], reply: str) -> str:
    q = quote(rng, reply)
    if v["lg16"] != "en" and not v["mixed16"]:
        return f'"{q}" - {rng.choice(FOLLOW_I18N[v["lg16"]])}'
    text = rng.choice(QUOTE_FOLLOW).format(q=q)
    return text.lower() if v["lower"] and rng.random() < 0.5 else text


# ---- everyday questions ----
EVERYDAY = M15.EVERYDAY + X.EVERYDAY[-6:] + (
    "what's a good gift for a coworker who's leaving?", "How do I get my toddler to sleep past 5am?", "Write a "
    "two-line birthday message for my aunt.", "is it worth fixing a 9 year old laptop?", "Suggest three "
    "vegetarian lunches I can prep on Sunday.", "how do you clean a cast iron pan?")


def cover(rng: random.Random, v: dict[str, Any]) -> str:
    if v["lg16"] != "en" and rng.random() < 0.5:
        return rng.choice(COVER_I18N[v["lg16"]])
    text = rng.choice(EVERYDAY)
    return W.typo(rng, text.lower() if v["lower"] else text, v["typo"])


# ---- discrete maths and algorithm analysis ----
FORMULAS = ("(p -> q) -> (~q -> ~p)", "(p -> q) -> (q -> p)", "((p -> q) & (q -> r)) -> (p -> r)",
            "((p | q) & ~p) -> q", "~(p & q) <-> (~p | ~q)", "(p -> (q -> r)) -> ((p & q) -> r)")
GRAPHS = ("A-B 4, A-C 2, C-B 1, B-D 5, C-D 8, D-E 3, C-E 10", "A-B 7, A-C 9, A-F 14, B-C 10, C-F 2, F-E 9, C-D 11, "
          "D-E 6", "A-B 1, B-C 2, A-C 4, C-D 1, B-D 6, D-E 2", "A-B 3, A-D 7, B-D 2, B-C 4, C-E 6, D-E 5, C-D 5")
COINS = ("1, 3, 4", "1, 5, 10, 25", "2, 5, 7", "1, 6, 10", "3, 7, 11", "1, 4, 9, 16")
ALGO = (
    ("Solve the recurrence T(n) = {a}T(n/{b}) + n^{k} with T(1) = 1 and give a tight asymptotic bound.",
     "What is the growth rate of T(n) = {a}T(n/{b}) + n^{k}? Justify the bound you give.",
     "T(n)={a}T(n/{b})+n^{k} -> big-theta?"),
    ("What is the running time of this loop nest as a function of n?\n\nfor i in range({s}, n):\n    j = 1\n    while "
     "j < i:\n        j *= {b}",
     "How many times does the inner statement run, in big-O terms?\nfor i in range({s}, n):\n    j = 1\n    while j "
     "< i:\n        j *= {b}",
     "complexity? for i in range({s}, n): j=1; while j<i: j*={b}"),
    ("Prove by induction that 1 + {b} + {b}^2 + ... + {b}^n = ({b}^(n+1) - 1)/{b1} for every n >= 0.",
     "Show, by induction on n, that the sum of {b}^i for i from 0 to n equals ({b}^(n+1) - 1)/{b1}.",
     "induction: sum {b}^i (i=0..n) = ({b}^(n+1)-1)/{b1}"),
    ("How many {q}-person committees can be formed from {n} people if two particular people refuse to serve "
     "together?",
     "From a group of {n} we choose a committee of {q}; two of them will not sit on the same committee. How many "
     "committees are possible?",
     "{n} people, committee of {q}, 2 can't be together. count?"),
    ("Find the shortest path from A to E in the graph with weighted edges {g}, and say which algorithm you used.",
     "Edges (undirected, weighted): {g}. What's the cheapest route from A to E?",
     "shortest A->E: {g}"),
    ("Is the formula {f} a tautology? Decide it with a truth table or a proof.",
     "Decide whether {f} is true under every assignment of truth values.",
     "tautology? {f}"),
    ("Solve {a}x = {c} (mod {m}), or explain why there is no solution.",
     "Find every x between 0 and {m1} with {a}x congruent to {c} modulo {m}.",
     "{a}x = {c} mod {m}, x=?"),
    ("A dynamic array grows by a factor of {gr} whenever it is full. What is the amortised cost of an append, and "
     "how much memory can be wasted?",
     "If a resizable array multiplies its capacity by {gr} on overflow, what is the amortised append cost and the "
     "worst-case wasted space?",
     "dyn array growth x{gr}: amortised append? wasted space?"),
    ("If {n} keys are hashed uniformly into {m} buckets, what is the probability of at least one collision? Give an "
     "estimate.",
     "Roughly how likely is a collision when {n} items go into a hash table with {m} slots, hashing uniformly?",
     "P(collision), n={n} keys, m={m} buckets?"),
    ("With coins of {coins}, what is the fewest number of coins that make {amt}? Describe the dynamic programme and "
     "whether the greedy choice works.",
     "Minimum number of coins from {{{coins}}} summing to {amt}: set up the DP - and does greedy fail here?",
     "min coins ({coins}) for {amt}. DP? greedy ok?"),
)


def algo_seed(rng: random.Random, template: int | None = None) -> tuple[int, dict[str, Any]]:
    b = rng.choice((2, 3, 4))
    m = rng.choice((12, 15, 17, 20, 21, 26, 35))
    return (template if template is not None else rng.randrange(len(ALGO))), {
        "a": rng.choice((1, 2, 3, 4, 7, 8)), "b": b, "b1": b - 1, "k": rng.choice((0, 1, 2, 3)),
        "s": rng.choice((0, 1, 2)), "q": rng.choice((3, 4, 5, 6)), "n": rng.choice((8, 10, 12, 15, 23, 40, 100)), "m": m, "m1": m - 1,
        "c": rng.randint(1, 14), "g": rng.choice(GRAPHS), "f": rng.choice(FORMULAS), "gr": rng.choice((1.5, 2, 3)),
        "coins": rng.choice(COINS), "amt": rng.choice((6, 12, 18, 29, 37, 63))}


def algo_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return ALGO[t][phrasing % 3].format(**slots)


# ---- shell and command-line work ----
ERRORS = (("npm install", "EACCES: permission denied"), ("ssh deploy@web1", "Permission denied (publickey)"),
          ("pip install -r requirements.txt", "error: externally-managed-environment"), ("./run.sh",
          "bad interpreter: /bin/bash^M: no such file or directory"), ("git push", "rejected (non-fast-forward)"),
          ("docker compose up", "Bind for 0.0.0.0:5432 failed: port is already allocated"))
SHELL = (
    ("Write a shell command that finds files larger than {size} under {dir} modified in the last {d} days and lists "
     "them by size.",
     "How do I list every file over {size} in {dir} changed within {d} days, biggest first?",
     "find files >{size} in {dir}, last {d} days, sorted by size?"),
    ("Using awk, sum column {c} of {file} grouped by the value in column {gc} (the file is {sep}-separated).",
     "I have a {sep}-separated file {file}. How do I total column {c} per distinct value of column {gc} with awk?",
     "awk: sum col {c} by col {gc}, {file}, {sep}-sep"),
    ("Replace every occurrence of '{old}' with '{new}' in all .{ext} files under {dir}, in place, keeping backups.",
     "What's a safe find/sed one-liner to swap '{old}' for '{new}' across *.{ext} in {dir}, with backups?",
     "sed in-place {old} -> {new}, *.{ext}, {dir}, backups"),
    ("With jq, print the {fld} of every object in the top-level array whose status is '{st}'.",
     "My JSON is an array of objects with '{fld}' and 'status'. Which jq filter gives the {fld} values where status "
     "is \"{st}\"?",
     "jq: {fld} of items with status={st}?"),
    ("I committed {k} times to the wrong branch. How do I move those commits to a new branch and reset this one?",
     "My last {k} commits should have gone on a feature branch. What git commands fix that without losing work?",
     "git: move last {k} commits to a new branch, reset current?"),
    ("Write a crontab line that runs {script} {when}.",
     "What's the cron expression for running {script} {when}?",
     "cron for {script} {when}?"),
    ("Write a bash function that retries `{cmd}` up to {k} times with exponential backoff starting at {s} seconds.",
     "How do I wrap `{cmd}` in a retry loop in bash - {k} attempts, doubling the wait from {s}s?",
     "bash retry `{cmd}` x{k}, backoff from {s}s"),
    ("Why does `{cmd}` fail with \"{err}\", and how do I fix it?",
     "Running `{cmd}` gives me: {err}. What's going on?",
     "`{cmd}` -> \"{err}\" ??"),
    ("A Docker container built from {image} exits immediately; the log only says \"{cerr}\". How do I debug it?",
     "My {image} container stops right after start with \"{cerr}\" in the logs. Where do I look?",
     "docker {image} exits at once: {cerr}. debug?"),
    ("Something is already listening on port {port}. How do I find the process and stop it safely?",
     "Port {port} is in use - how do I see which process holds it and stop it cleanly?",
     "who's on port {port}? stop it safely?"),
)


def shell_seed(rng: random.Random, template: int | None = None) -> tuple[int, dict[str, Any]]:
    cmd, err = rng.choice(ERRORS)
    old, new = rng.choice((("http://", "https://"), ("v1/api", "v2/api"), ("staging.db", "prod.db"),
                           ("TODO(jan)", "TODO(team)")))
    return (template if template is not None else rng.randrange(len(SHELL))), {
        "size": rng.choice(("100M", "1G", "500k", "20M")), "dir": rng.choice(("/var/log", "~/projects", "/srv/data",
                                                                               "./build")),
        "d": rng.choice((1, 3, 7, 30)), "c": rng.randint(2, 6), "gc": rng.randint(1, 3), "sep": rng.choice((
            "comma", "tab", "pipe")), "file": rng.choice(("sales.csv", "access.log", "events.tsv", "orders.txt")),
        "old": old, "new": new, "ext": rng.choice(("py", "yaml", "md", "conf")), "fld": rng.choice((
            "id", "email", "name", "updated_at")), "st": rng.choice(("failed", "active", "pending")),
        "k": rng.randint(2, 6), "s": rng.choice((1, 2, 5)), "script": rng.choice(("backup.sh", "/opt/report.py",
                                                                                  "rotate-logs")),
        "when": rng.choice(("every 15 minutes", "at 02:30 on weekdays", "on the first of every month", "every "
                            "Sunday at midnight")), "cmd": cmd, "err": err, "image": rng.choice((
            "python:3.12-slim", "node:20-alpine", "postgres:16", "nginx:1.27")),
        "port": rng.choice((3000, 5432, 8080, 6379)),
        "cerr": rng.choice(("exec format error", "permission denied", "no such file or directory: /app/start.sh",
                            "Killed"))}


def shell_text(seed: tuple[int, dict[str, Any]], phrasing: int = 0) -> str:
    t, slots = seed
    return SHELL[t][phrasing % 3].format(**slots)


CAPS = ("algo", "shell")


def item(rng: random.Random, cap: str) -> tuple[str, str]:
    if cap == "algo":
        return algo_text(algo_seed(rng), rng.randrange(3)), "algo"
    return shell_text(shell_seed(rng), rng.randrange(3)), "shell"


# ---- asks that want the working without naming it, and the disguise ----
IMPLICIT_ASKS = ("What would you check first, and what do you conclude?", "Explain it so I could teach it tomorrow.",
                 "Convince me the answer is right.", "Where do people usually go wrong with this, and what's the "
                 "right result?", "How would I know it's correct?", "I want to be able to do the next one alone.",
                 "Pretend I'm a sceptical reviewer.", "Talk it over with me like a colleague would.")
_LEADS = ("This came up at work today:", "From last year's exam:", "Our team lead asked this in standup:", "My "
          "friend and I disagree on this one.", "Saw this in a code review:", "Warm-up question from the reading "
          "group:", "I found this in my old notes:", "Quick sanity check before I ship something:")


def disguise(rng: random.Random, text: str) -> str:
    """The item in another dress: a lead-in line now and then, its sentences reordered now and then (code blocks
    are left alone)."""
    if "\n" not in text and rng.random() < 0.4:
        text = W.reorder(rng, text)
    return f"{rng.choice(_LEADS)}\n{text}" if rng.random() < 0.45 else text


# ---- records and conversations ----
emit = partial(X.emit, answer_fn=answer)  # corpus_v14.emit with the v16 response texts


def talk(ctx: Ctx, acct: dict, times: list[float], api: str, model: str, opener: str, style: str,
         follow: Callable[[], str], temperature: float | None = None, user: str | None = None,
         system: str | None = None, out_range: tuple[int, int] = (150, 900), *,
         quoting: dict[str, Any] | None = None, styles: list[str] | None = None, **extra: Any) -> list[dict]:
    """One conversation (corpus_v14.talk with the v16 response texts). With `quoting` (a voice), a later turn
    quotes a sentence of the reply before it with the voice's probability, and is follow() otherwise."""
    rng = ctx.rng
    replies: list[str] = []

    def answer_fn(r: random.Random, st: str, out: int, mdl: str = "", ext: Any = None) -> str:
        replies.append(answer(r, st, out, mdl, ext))
        return replies[-1]

    def turn() -> str:
        if quoting is not None and replies and rng.random() < quoting["quotes"]:
            return quote_follow(rng, quoting, replies[-1])
        return follow()

    return X.talk(ctx, acct, times, api, model, opener, style, turn, temperature, user, system, out_range,
                  styles=styles, answer_fn=answer_fn, **extra)


def everyday_talk(ctx: Ctx, acct: dict, times: list[float], v: dict, api: str, model: str,
                  temperature: float | None = None, user: str | None = None) -> None:
    rng = ctx.rng
    talk(ctx, acct, times, api, model, cover(rng, v), "everyday", lambda: rng.choice(M15.EVERYDAY_FOLLOW),
         temperature, user, quoting=v if rng.random() < 0.3 else None)
