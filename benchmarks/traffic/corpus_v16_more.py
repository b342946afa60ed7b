"""Text pools for the `v16` variant, continued (see corpus_v16.py; written blind the same way): service agreements
and the questions people ask about them (long-context document QA), CI failure logs in six languages for
code-repair conversations, an operations agent (shell, logs, metrics, tickets) with the results its tools return,
and the v16 response texts (sized from usage.output_tokens like v11-v15; other styles fall through to
corpus_v15_more.answer)."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v15_more as N15

# ---- service agreements (long-context document QA) ----
PARTIES = ("Halden Logistics AB", "Marula Health Ltd", "Quispe & Mamani SRL", "Tesfay Engineering PLC", "Aung Myint "
           "Trading Co.", "Ndiaye Distribution SA", "Tuilagi Freight Ltd", "Ybyrá Foods SA", "Corvid Analytics Inc.",
           "Brightwater Clinics LLP")
KEY_CLAUSES = (
    ("Term", "This Agreement starts on {start} and runs for {m} months, then renews automatically for 12-month "
             "periods unless either party gives at least {n} days' written notice before the end of the current "
             "term."),
    ("Fees", "Customer pays {fee} per month, invoiced monthly in advance. Fees rise by {p}% at each renewal."),
    ("Late payment", "Invoices are due within {d} days of issue. Overdue amounts accrue interest at {r}% per month, "
                     "pro rata."),
    ("Service levels", "Supplier targets {sla}% monthly availability. For each full 0.1% below target, Customer "
                       "receives a credit of {c}% of that month's fee, capped at {cap}% of that month's fee."),
    ("Liability", "Each party's total liability in any contract year is limited to {x} times the fees paid in the "
                  "preceding twelve months, except for breach of the Confidentiality clause, which is uncapped."),
    ("Termination for convenience", "Customer may terminate on {n2} days' written notice by paying an "
                                    "early-termination charge equal to {k} months' fees."),
    ("Data return", "Supplier deletes Customer Data {d2} days after termination unless Customer has requested an "
                    "export in writing before then."),
    ("Subcontracting", "Supplier may use subcontractors only with Customer's prior written consent, which is deemed "
                       "given if Customer does not object within {d3} business days."),
    ("Audit", "Customer may audit Supplier's compliance once per contract year on {n3} days' notice, at Customer's "
              "cost unless the audit finds a material breach."),
    ("Confidentiality", "Each party keeps the other's Confidential Information secret for the term and {y} years "
                        "after it ends."),
)
BOILERPLATE = (("Notices", "Notices must be in writing and are effective on receipt at the address in Schedule 1."),
               ("Assignment", "Neither party may assign this Agreement without the other's consent, except to an "
                              "affiliate."),
               ("Entire agreement", "This Agreement is the entire agreement between the parties on its subject."),
               ("Counterparts", "This Agreement may be signed in counterparts, each of which is an original."),
               ("Waiver", "A failure to exercise a right is not a waiver of it."),
               ("Severance", "If any provision is held invalid, the rest of the Agreement stays in force."),
               ("Variation", "No variation is effective unless in writing and signed by both parties."),
               ("Third parties", "No one other than the parties has any right to enforce this Agreement."),
               ("Insurance", "Supplier maintains professional indemnity insurance of at least {fee} x 100."),
               ("Anti-bribery", "Each party complies with applicable anti-bribery law."),
               ("Publicity", "Neither party announces this Agreement without the other's approval."),
               ("Governing law", "The laws of {law} govern this Agreement and its courts have exclusive "
                                 "jurisdiction."))


def agreement(rng: random.Random, boilerplate: int | None = None) -> str:
    """A service agreement: a header naming its reference (random, so it identifies the document), the key
    clauses with drawn values and some boilerplate, numbered."""
    sup, cust = rng.sample(PARTIES, 2)
    slots = {"start": f"{rng.randint(1, 28)} {rng.choice(('January', 'March', 'June', 'September'))} 2025",
             "m": rng.choice((12, 24, 36)), "n": rng.choice((30, 60, 90)), "fee": f"EUR {rng.randint(8, 90) * 250}",
             "p": rng.choice((3, 4, 5, 7)), "d": rng.choice((14, 30, 45)), "r": rng.choice((0.5, 1, 1.5)),
             "sla": rng.choice((99.5, 99.9, 99.95)), "c": rng.choice((2, 5, 10)), "cap": rng.choice((25, 30, 50)),
             "x": rng.choice((1, 1.5, 2)), "n2": rng.choice((30, 60, 90)), "k": rng.choice((2, 3, 6)),
             "d2": rng.choice((14, 30, 60)), "d3": rng.choice((5, 10)), "n3": rng.choice((10, 20, 30)),
             "y": rng.choice((2, 3, 5)), "law": rng.choice(("England and Wales", "Sweden", "Ireland", "Singapore"))}
    clauses = list(KEY_CLAUSES) + rng.sample(BOILERPLATE, boilerplate if boilerplate is not None else
                                             rng.randint(4, len(BOILERPLATE)))
    rng.shuffle(clauses)
    body = "\n".join(f"{i}. {title}. {text.format(**slots)}" for i, (title, text) in enumerate(clauses, 1))
    return (f"MASTER SERVICES AGREEMENT (ref. MSA-{rng.getrandbits(28):07x})\nBetween {sup} (\"Supplier\") and "
            f"{cust} (\"Customer\").\n\n{body}")


DOC_QUESTIONS = ("Availability last month was {a}%. What credit is owed, in money?", "If the Customer wants out at "
                 "the end of the first term, what is the last day it can give notice?", "An invoice is paid {late} "
                 "days late. How much interest is due on it?", "Can the Supplier bring in a subcontractor without "
                 "asking? What if the Customer never replies?", "What is the most the Customer could recover if the "
                 "Supplier leaked its data? And after a long outage?", "The Customer terminates for convenience {mo} "
                 "months in. What does it owe in total?", "What happens to the data if nobody asks for an export?",
                 "Which clauses matter most in a renewal negotiation, and why?", "Is anything in here unusual or "
                 "one-sided against the Customer?", "How much will the monthly fee be in the third year?",
                 "Who pays for an audit that finds nothing wrong?", "Does the confidentiality duty survive "
                 "termination, and for how long?")
DOC_ASKS = ("Based only on the agreement below, answer: {q}\n\n{doc}", "{doc}\n\nQuestion about the agreement above: "
            "{q}", "I'm reviewing this contract for a client.\n---\n{doc}\n---\n{q}", "{doc}\n\n{q} Please cite the "
            "clause numbers.")


def doc_question(rng: random.Random, k: int | None = None) -> str:
    q = DOC_QUESTIONS[k if k is not None else rng.randrange(len(DOC_QUESTIONS))]
    return q.format(a=rng.choice((99.2, 99.41, 99.7, 98.9)), late=rng.choice((10, 21, 45, 70)),
                    mo=rng.choice((5, 9, 14, 20)))


def doc_ref(text: str) -> str | None:
    """The agreement reference in a text, if it holds one (tests use it to tell documents apart)."""
    start = text.find("(ref. MSA-")
    return text[start + 6:start + 17] if start >= 0 else None


# ---- CI failure logs for code repair ----
_CASES = ("empty_input", "last_element", "single_item", "large_k", "unicode", "negative_k", "duplicates")


def failure_log(rng: random.Random, plang: str, f: str) -> str:
    """A failing test run as the language's usual runner prints it."""
    case, line = rng.choice(_CASES), rng.randint(12, 240)
    got, want = rng.sample(("[]", "[1, 2]", "[1, 2, 3]", "0", "3", "None", "-1", "[3, 2, 1]"), 2)
    big = f[0].upper() + f[1:].replace("_", "")
    logs = {
        "Python": f"FAILED tests/test_{f}.py::test_{case} - AssertionError: assert {got} == {want}\n"
                  f"========= 1 failed, {rng.randint(5, 80)} passed in {rng.uniform(0.2, 9):.2f}s =========",
        "JavaScript": f"FAIL src/{f}.test.js\n  ● {f} › {case}\n    expect(received).toEqual(expected)\n"
                      f"    Expected: {want}\n    Received: {got}\nTests: 1 failed, {rng.randint(5, 80)} passed",
        "Java": f"[ERROR] {big}Test.{case}:{line} expected:<{want}> but was:<{got}>\n[ERROR] Tests run: "
                f"{rng.randint(5, 80)}, Failures: 1, Errors: 0",
        "Go": f"--- FAIL: Test{big}/{case} ({rng.uniform(0, 2):.2f}s)\n    {f}_test.go:{line}: got {got}, want "
              f"{want}\nFAIL\nexit status 1",
        "C++": f"[  FAILED  ] {big}Test.{case} ({rng.randint(0, 90)} ms)\n{f}_test.cc:{line}: Failure\nExpected "
               f"equality of these values:\n  {f}(input)\n    Which is: {got}\n  {want}",
        "PHP": f"1) {big}Test::test_{case}\nFailed asserting that {got} matches expected {want}.\n/app/tests/"
               f"{big}Test.php:{line}\nFAILURES! Tests: {rng.randint(5, 80)}, Failures: 1.",
    }
    return logs[plang]


def repair_opener(rng: random.Random, cell: tuple[int, int, int, int] | None = None) -> str:
    """The first turn of a repair conversation: a failing run, then corpus_v14's bug task for the same function."""
    b, lg, a, dp = cell if cell is not None else (rng.randrange(12), rng.randrange(6), rng.randrange(8),
                                                  rng.randrange(3))
    log = failure_log(rng, X.PLANGS[lg], X.ARCHETYPES[a])
    return f"CI output:\n```\n{log}\n```\n\n{X.bug_task(rng, (b, lg, a, dp))}"


REPAIR_NEXT = ("Applied that. Now this fails:\n```\n{log}\n```", "Better, but CI still complains:\n```\n{log}\n```",
               "```\n{log}\n```\nthat's after your change", "Closer. New failure:\n```\n{log}\n```\nWhat now?")


def repair_next(rng: random.Random, plang: str, f: str) -> str:
    return rng.choice(REPAIR_NEXT).format(log=failure_log(rng, plang, f))


# ---- the operations agent ----
OPS_SYS = ("You are an operations assistant with shell access to the staging and production hosts through tools. "
           "Investigate before acting, never run destructive commands without saying so, and finish with a short "
           "incident note.")
_P = {"host": ("string", "host name"), "cmd": ("string", "shell command"), "path": ("string", "file path"),
      "query": ("string", "metrics query"), "service": ("string", "systemd unit"), "text": ("string", "ticket text")}
OPS_TOOLS = [{"name": n, "description": d, "params": {p: _P[p] for p in ps}, "required": list(ps[:1])} for n, d, ps in (
    ("run_shell", "Run a read-only shell command on a host", ("host", "cmd")),
    ("read_file", "Read a file on a host", ("host", "path")),
    ("tail_log", "Last lines of a service log", ("host", "service")),
    ("query_metrics", "Query the metrics store", ("query",)),
    ("restart_service", "Restart a systemd unit", ("host", "service")),
    ("open_ticket", "Open a ticket for the owning team", ("text",)))]
_HOSTS = ("web-1", "web-2", "db-primary", "worker-3", "cache-1", "batch-2")
_UNITS = ("nginx", "postgresql", "celery-worker", "redis", "backup.timer", "cron")
OPS_TASKS = ("The nightly backup on {h} failed - find out why and fix it if it's safe.", "Disk on {h} is at 94%. "
             "What is eating it?", "Latency on the API doubled since 14:00. Investigate.", "{u} on {h} keeps "
             "restarting. Why?", "Certificates expire soon somewhere - which hosts, and when?", "Cron jobs on {h} "
             "didn't run last night. Check and open a ticket if it's not ours.", "Memory on {h} climbs every day "
             "until the OOM killer fires. Find the leak's process.", "Users report 502s from web-2 only. Compare it "
             "with web-1.")


def ops_task(rng: random.Random, tasks: tuple[str, ...] = OPS_TASKS) -> str:
    return rng.choice(tasks).format(h=rng.choice(_HOSTS), u=rng.choice(_UNITS))


def ops_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of an ops episode; stub results when not `realistic`."""
    host = rng.choice(_HOSTS)
    name = "run_shell" if k == 0 else rng.choice([t["name"] for t in OPS_TOOLS])
    if not realistic:
        return name, {"host": "h"}, "ok"
    if name == "run_shell":
        rows = "\n".join(f"/dev/sd{c}1  {rng.randint(20, 500)}G  {rng.randint(10, 99)}%  {m}" for c, m in
                         zip("abc", ("/", "/var", "/srv"), strict=False))
        return name, {"host": host, "cmd": "df -h"}, "Filesystem Size Use% Mounted on\n" + rows
    if name == "tail_log":
        unit = rng.choice(_UNITS)
        return name, {"host": host, "service": unit}, "\n".join(
            f"Jan {rng.randint(1, 4):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {host} {unit}: "
            f"{rng.choice(('connection reset by peer', 'worker exited with code 137', 'timeout after 30s', 'ok'))}"
            for _ in range(rng.randint(3, 8)))
    if name == "query_metrics":
        return name, {"query": "p95 latency by host"}, ", ".join(f"{h}: {rng.randint(80, 2400)} ms" for h in
                                                                 _HOSTS[:3])
    if name == "read_file":
        return name, {"host": host, "path": "/etc/cron.d/backup"}, f"{rng.randint(0, 59)} 2 * * * root /opt/backup.sh"
    return name, {"host": host}, f"{name} ok ref={rng.getrandbits(28):07x}"


# ---- response texts ----
_ALGO = ("By the master theorem, compare n^{k} with n^(log_b a).", "The inner loop runs about log_{k}(i) times.",
         "Summing over i gives n log n up to a constant.", "Base case: n = 0 gives 1 on both sides.", "Inductive "
         "step: add the next term and factor.", "Count all committees, then subtract the ones containing both: "
         "C(n, k) - C(n-2, k-2).", "Dijkstra from A: settle C first at distance 2.", "The truth table has a row "
         "where the formula is false, so it is not a tautology.", "gcd(a, m) divides c, so there are exactly "
         "gcd(a, m) solutions.", "Each element is copied at most a constant number of times on average.", "The "
         "birthday bound gives roughly 1 - exp(-n^2 / 2m).", "dp[v] = 1 + min(dp[v - c]) over coins c <= v.",
         "Greedy takes the largest coin first, which fails for {k}.")
_SHELL = ("```\nfind {d} -type f -size +100M -mtime -7 -printf '%s %p\\n' | sort -rn\n```", "awk -F, '{{s[${k}] += "
          "${j}}} END {{for (g in s) print g, s[g]}}' file", "Use `sed -i.bak` so each file keeps a backup.", "`jq -r "
          "'.[] | select(.status == \"failed\") | .id'`", "git branch feature && git reset --hard HEAD~{k}", "The "
          "^M means the script has Windows line endings; run dos2unix on it.", "Check which process holds the "
          "port with `ss -ltnp` or `lsof -i :{j}`.", "Add `set -euo pipefail` at the top so failures stop the "
          "script.", "The container's main process exits, so the container stops; run it with a shell to look "
          "inside.")
_DOCQA = ("Under clause {k}, the credit is {j}% of the monthly fee.", "Notice must arrive {k}0 days before the term "
          "ends, so the last day is earlier than it looks.", "Interest runs pro rata from the due date, not the "
          "invoice date.", "Clause {k} deems consent given after the objection period.", "The cap does not apply "
          "to confidentiality breaches.", "The early-termination charge is {j} months' fees on top of fees "
          "already due.", "Nothing here is unusual, but the renewal uplift compounds.")
_REPAIR = ("The failure is in the last iteration: the loop stops one element early.", "```\nfor i in range(len("
           "items)):\n    out.append(items[i])\n```", "Guard the empty input before slicing.", "The new failure "
           "is a separate bug: k larger than the list.", "Run the single test first: pytest -k {d}.", "This "
           "should make both cases pass; the rest of the suite is unaffected.")
_OPS = ("The backup failed because /var was full; I removed old rotated logs and reran it.", "worker-3 is "
        "OOM-killed about every {k} hours; the celery worker's memory grows steadily.", "I opened a ticket for "
        "the data team with the log excerpt.", "Latency rose after the cache restart; hit rate is back to normal "
        "now.")
POOLS = {"algo": (_ALGO, "\n", True), "shell": (_SHELL, "\n", False), "docqa": (_DOCQA, " ", False),
         "repair": (_REPAIR, "\n", False), "ops": (_OPS, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(2, 9), j=rng.randint(2, 9), d=rng.choice(("/var/log", "./build", "empty_input")))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` (corpus_v14.answer over the v16 pools); styles of earlier
    variants fall through to corpus_v15_more.answer."""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=N15.answer,
                    bracketed="-")
