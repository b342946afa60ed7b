"""Text pools for the `v12` variant, continued (see corpus_v12.py; written blind the same way): operations and
SRE troubleshooting (eight platforms x ten symptoms x five constraints, with log excerpts), a coding agent's tools,
issues and the output of the commands it runs in a real sandbox, and code with a hole for fill-in-the-middle
completion."""

from __future__ import annotations

import random

PLATFORMS = ("Kubernetes", "Terraform", "Docker Compose", "systemd", "nginx", "PostgreSQL", "Kafka", "GitHub Actions")
SYMPTOMS = ("a crash loop right after the deploy", "intermittent 502 and 504 errors", "the disk filling up overnight",
            "latency doubling after a config change", "TLS certificate errors", "OOM kills under load",
            "DNS resolution failures", "lock contention", "a backlog that keeps growing", "jobs hanging with no output")
CONSTRAINTS = ("no downtime allowed", "read-only access to production", "an air-gapped environment",
               "must stay on the current major version", "no budget for extra nodes")
OPS_TASKS = ("diagnose", "runbook", "postmortem")
_SVC = ("checkout-api", "billing-worker", "search-indexer", "auth-gateway", "media-resizer", "ledger-sync",
        "notif-sender", "geo-lookup")
_LOG = {
    "Kubernetes": ("Back-off restarting failed container {s} in pod {s}-{h}", "Liveness probe failed: HTTP probe "
                   "failed with statuscode: 503", "0/{n} nodes are available: {n} Insufficient memory.",
                   "Container {s} was OOMKilled (exit code 137)", "Readiness probe failed: dial tcp 10.{n}.{n}.{n}:8080: "
                   "connect: connection refused"),
    "Terraform": ("Error acquiring the state lock: ConditionalCheckFailedException", "Error: Provider produced "
                  "inconsistent final plan", "aws_instance.{s}: Still modifying... [{n}m0s elapsed]",
                  "Plan: 0 to add, {n} to change, {n} to destroy.", "Error: timeout while waiting for state to become "
                  "'available'"),
    "Docker Compose": ("{s}-1 exited with code 137", "{s}-1  | Error: connect ECONNREFUSED 172.18.0.{n}:5432",
                       "no space left on device", "{s}-1  | FATAL: password authentication failed",
                       "Container {s}-1  Restarting ({n}) {n} seconds ago"),
    "systemd": ("{s}.service: Main process exited, code=killed, status=9/KILL", "{s}.service: Start request repeated "
                "too quickly.", "{s}.service: Watchdog timeout (limit {n}s)!", "Out of memory: Killed process {n} "
                "({s})", "{s}.service: Failed with result 'exit-code'."),
    "nginx": ("upstream timed out (110: Connection timed out) while reading response header from upstream",
              "connect() failed (111: Connection refused) while connecting to upstream", "SSL_do_handshake() failed "
              "(SSL: error:0A000086:SSL routines::certificate verify failed)", "{n} worker_connections are not enough",
              "client intended to send too large body: {n}000 bytes"),
    "PostgreSQL": ("process {n} still waiting for ShareLock on transaction {n}{n} after 1000.{n} ms", "canceling "
                   "statement due to statement timeout", "could not extend file \"base/{n}/{n}\": No space left on "
                   "device", "checkpoints are occurring too frequently ({n} seconds apart)", "terminating connection "
                   "due to idle-in-transaction timeout"),
    "Kafka": ("Consumer group {s} lag: {n}{n}{n} messages on partition {n}", "Member {s}-{h} has left group due to "
              "max.poll.interval.ms", "Rebalance in progress, retrying commit", "Broker {n} is not the leader for "
              "partition {s}-{n}", "Log segment deletion failed: disk usage {n}%"),
    "GitHub Actions": ("Error: The runner has received a shutdown signal.", "The job running on runner {s}-{h} has "
                       "exceeded the maximum execution time of 360 minutes.", "Error: Process completed with exit "
                       "code 137.", "npm ERR! network request to https://registry.npmjs.org failed, reason: getaddrinfo "
                       "EAI_AGAIN", "Cache not found for input keys: {s}-{h}"),
}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(s=rng.choice(_SVC), h=f"{rng.getrandbits(20):05x}", n=rng.randint(1, 99))


def log_excerpt(rng: random.Random, platform: str, lines: int | None = None) -> str:
    out = []
    ts, day = rng.randint(0, 80000), rng.randint(1, 4)
    for _ in range(lines or rng.randint(3, 8)):
        ts += rng.randint(1, 90)
        out.append(f"2026-01-0{day}T{ts // 3600:02d}:{ts % 3600 // 60:02d}:{ts % 60:02d}Z "
                   + _fill(rng, rng.choice(_LOG[platform])))
    return "\n".join(out)


_OPS_ASK = {
    "diagnose": ("What is the most likely cause, and what would you check to confirm it?",
                 "Where would you start, and what would each finding tell you?", "Root cause?"),
    "runbook": ("Write the runbook an on-call engineer should follow next time.", "Turn this into a step-by-step "
                "runbook with checks and rollback points.", "What should our runbook for this say?"),
    "postmortem": ("Draft the postmortem: timeline, root cause, contributing factors, action items.",
                   "Write a blameless postmortem for this incident.", "Postmortem draft please."),
}


def ops_question(rng: random.Random, platform: str | None = None, symptom: str | None = None,
                 constraint: str | None = None, task: str | None = None) -> str:
    platform = platform or rng.choice(PLATFORMS)
    symptom = symptom or rng.choice(SYMPTOMS)
    task = task or rng.choice(OPS_TASKS)
    head = f"{platform}: {symptom}" + (f" ({constraint})" if constraint else "") + "."
    return f"{head}\n```\n{log_excerpt(rng, platform)}\n```\n{rng.choice(_OPS_ASK[task])}"


# ---- a coding agent in a sandbox ----
REPOS = ("acme/ledger", "openstat/tabular", "kiln-dev/kiln", "harbor/geoindex", "tidewater/queue", "fernlabs/rpc",
         "plume/templating", "northwind/invoicing")
ISSUES = ("`parse_amount` rounds half-up instead of half-even for negative values", "Pagination skips the last page "
          "when total is a multiple of page size", "Timezone-aware datetimes lose their offset after a round trip",
          "Retry decorator retries on 4xx responses", "CSV export breaks on fields containing newlines",
          "Memory grows unbounded when the cache key includes a dict", "CLI `--dry-run` still writes the lock file",
          "Race in `Queue.ack` when two workers ack the same message", "Config loader ignores env overrides for "
          "nested keys", "Deprecation warning on import under Python 3.13")
_FILES = ("src/{m}/core.py", "src/{m}/utils.py", "src/{m}/io.py", "tests/test_{m}.py", "src/{m}/cli.py",
          "src/{m}/cache.py", "pyproject.toml")
_TOP = ("src", "tests", "docs", ".github", "pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "tox.ini",
        "setup.cfg", ".gitignore", "Makefile")
_COMMITS = ("Merge pull request #{n} from fork/fix-typo", "Bump version", "Add CI for 3.13", "Fix flaky test",
            "Refactor config loading", "Docs: clarify retry semantics", "Drop Python 3.8")
_MODS = ("ledger", "tabular", "kiln", "geoindex", "queue", "rpc", "templating", "invoicing")
AGENT_SYSTEM = ("You are an autonomous software engineer working in a sandboxed checkout of the repository. Use the "
                "tools to explore, reproduce the issue, make a minimal fix and run the tests. Call submit when done.")


def agent_tools(api: str) -> list[dict]:
    specs = (("bash", "Run a shell command in the repository root.", {"command": {"type": "string"}}),
             ("edit_file", "Replace an exact string in a file.", {"path": {"type": "string"},
                                                                   "old": {"type": "string"},
                                                                   "new": {"type": "string"}}),
             ("submit", "Finish the task with a summary of the change.", {"summary": {"type": "string"}}))
    out = []
    for name, desc, props in specs:
        schema = {"type": "object", "properties": props, "required": list(props)}
        if api == "anthropic.messages":
            out.append({"name": name, "description": desc, "input_schema": schema})
        elif api == "openai.responses":
            out.append({"type": "function", "name": name, "description": desc, "parameters": schema})
        else:
            out.append({"type": "function", "function": {"name": name, "description": desc, "parameters": schema}})
    return out


def agent_task(rng: random.Random) -> tuple[str, str]:
    """(task text, module) for one issue of one repository."""
    i = rng.randrange(len(REPOS))
    return (f"Repository {REPOS[i]} (checked out at {rng.getrandbits(28):07x}). Issue #{rng.randint(40, 3000)}: "
            f"{rng.choice(ISSUES)}. Fix it and make sure the test suite passes.", _MODS[i])


def agent_command(rng: random.Random, mod: str, step: int) -> tuple[str, str]:
    """(command, output kind) a coding agent runs at this step."""
    f = rng.choice(_FILES).format(m=mod)
    if step == 0:
        return rng.choice((("ls -la", "ls"), ("git log --oneline -5", "log"),
                           (f"find src/{mod} -name '*.py' | head -50", "find")))
    return rng.choice(((f"grep -rn '{rng.choice(('def ', 'class ', 'TODO', 'round', 'offset', 'retry'))}' src/{mod}",
                        "grep"), (f"sed -n '{rng.randint(1, 200)},{rng.randint(201, 320)}p' {f}", "code"),
                       (f"python -m pytest tests/test_{mod}.py -x -q", "pytest"), ("git diff", "diff"),
                       (f"python -c 'import {mod}; print({mod}.__version__)'", "short")))


def shell_output(rng: random.Random, kind: str, mod: str) -> str:
    if kind == "ls":
        names = rng.sample(_TOP, rng.randint(6, len(_TOP)))
        return "\n".join(f"{'drwxr-xr-x' if '.' not in n[1:] else '-rw-r--r--'} 1 agent agent "
                         f"{rng.randint(96, 40000):>6} Jan  {rng.randint(1, 4)} 10:{rng.randint(10, 59)} {n}"
                         for n in sorted(names))
    if kind == "log":
        return "\n".join(f"{rng.getrandbits(28):07x} {rng.choice(_COMMITS).format(n=rng.randint(10, 900))}"
                         for _ in range(5))
    if kind == "find":
        return "\n".join(sorted({f.format(m=mod) for f in rng.sample(_FILES, rng.randint(3, len(_FILES)))}))
    if kind == "grep":
        return "\n".join(f"{rng.choice(_FILES).format(m=mod)}:{rng.randint(1, 400)}:    "
                         f"{rng.choice(('def ', 'return ', 'if ', '# '))}{rng.choice(_MODS)}_{rng.randint(1, 9)}(x)"
                         for _ in range(rng.randint(2, 14)))
    if kind == "code":
        return "\n".join(f"{rng.randint(1, 300):>4}  " + "    " * rng.randint(0, 3) +
                         rng.choice(("return value", "if not items:", "for row in rows:", "raise ValueError(msg)",
                                     "result = round(x, 2)", "self._cache[key] = value", "except KeyError:",
                                     "offset = tz.utcoffset(dt)", "yield from chunk"))
                         for _ in range(rng.randint(15, 60)))
    if kind == "pytest":
        n = rng.randint(20, 400)
        failed = rng.randint(0, 3)
        body = [f"{'.' * min(n - failed, 70)}{'F' * failed}"]
        for _ in range(failed):
            body += [f"___ test_{mod}_{rng.choice(('roundtrip', 'negative', 'last_page', 'nested'))} ___",
                     f"E       assert {rng.randint(0, 99)} == {rng.randint(0, 99)}", f"tests/test_{mod}.py:"
                     f"{rng.randint(10, 300)}: AssertionError"]
        body.append(f"{failed} failed, {n - failed} passed in {rng.uniform(0.4, 40):.2f}s" if failed else
                    f"{n} passed in {rng.uniform(0.4, 40):.2f}s")
        return "\n".join(body)
    if kind == "diff":
        f = rng.choice(_FILES).format(m=mod)
        hunk = f"@@ -{rng.randint(1, 200)},7 +{rng.randint(1, 200)},8 @@"
        return (f"diff --git a/{f} b/{f}\n--- a/{f}\n+++ b/{f}\n{hunk}\n"
                + "\n".join(rng.choice(("-    return round(x, 2)", "+    return x.quantize(CENT, ROUND_HALF_EVEN)",
                                        "     if not items:", "+        return []")) for _ in range(rng.randint(3, 9))))
    return rng.choice(("0.9.3", "1.4.0.dev0", "OK", "Traceback (most recent call last):\n  ...\nImportError: "
                       "cannot import name 'compat'"))


# ---- fill-in-the-middle: code before and after a hole ----
_FIM = {
    "python": ("def {f}(rows: list[dict], key: str) -> dict:\n    \"\"\"Group rows by key, newest first.\"\"\"\n"
               "    out: dict = {{}}\n    for row in sorted(rows, key=lambda r: r['ts'], reverse=True):\n",
               "\n    return out\n\n\ndef test_{f}():\n    assert {f}([], 'id') == {{}}\n"),
    "typescript": ("export async function {f}(url: string, tries = 3): Promise<Response> {{\n  let lastErr: unknown;\n"
                   "  for (let i = 0; i < tries; i++) {{\n", "\n  }}\n  throw lastErr;\n}}\n"),
    "go": ("func {F}(ctx context.Context, ids []string) (map[string]Item, error) {{\n\tout := make(map[string]Item, "
           "len(ids))\n", "\n\treturn out, nil\n}}\n"),
    "sql": ("-- monthly revenue per region, {f}\nSELECT region,\n       date_trunc('month', paid_at) AS month,\n",
            "\nFROM payments p\nJOIN customers c ON c.id = p.customer_id\nGROUP BY 1, 2\nORDER BY 1, 2;\n"),
    "yaml": ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {f}\nspec:\n  replicas: 3\n  template:\n"
             "    spec:\n      containers:\n        - name: {f}\n", "\n          ports:\n            - containerPort: "
             "8080\n"),
}
FIM_LANGS = tuple(_FIM)
_FIM_HEAD = {"python": ("", "import os\n", "from __future__ import annotations\n\n"),
             "typescript": ("", "import { z } from 'zod';\n"), "go": ("", "package store\n\n"),
             "sql": ("", "-- reporting\n"), "yaml": ("", "---\n")}
FIM_OUT = {"python": ("        out.setdefault(row[key], row)", "        if row[key] in out:", "            continue"),
           "typescript": ("    try {", "      return await fetch(url);", "    } catch (e) {", "      lastErr = e;"),
           "go": ("\tfor _, id := range ids {", "\t\tit, err := s.get(ctx, id)", "\t\tout[id] = it"),
           "sql": ("       SUM(p.amount) AS revenue", "       COUNT(*) AS payments"),
           "yaml": ("          image: registry/app:1.4.2", "          resources:", "            limits:")}


def fim_pair(rng: random.Random, lang: str | None = None) -> tuple[str, str, str]:
    """(prefix, suffix, language) around a hole."""
    lang = lang or rng.choice(FIM_LANGS)
    f = rng.choice(("group_latest", "fetch_retry", "load_items", "dedupe_by_key", "merge_rates", "billing_api"))
    pre, suf = _FIM[lang]
    camel = "".join(w.title() for w in f.split("_"))
    return rng.choice(_FIM_HEAD[lang]) + pre.format(f=f, F=camel), suf.format(f=f, F=camel), lang
