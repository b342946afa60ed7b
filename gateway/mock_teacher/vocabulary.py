"""Word lists and sentence templates the prose generator draws from (plain data, never mutated).

Slots in templates: {N} noun, {P} plural noun, {A} adjective, {V} verb (3rd person), {B} base verb,
{D} adverb, {T} topic word taken from the prompt (falls back to a noun), {C} sentence connector.
"""

NOUNS = (
    "system", "request", "model", "policy", "cache", "server", "client", "token", "budget", "layer",
    "pipeline", "record", "schema", "queue", "window", "signal", "metric", "dataset", "batch", "service",
    "gateway", "network", "process", "thread", "buffer", "stream", "channel", "index", "report", "decision",
    "approach", "result", "method", "pattern", "function", "module", "interface", "contract", "limit", "threshold",
    "version", "release", "team", "customer", "account", "document", "summary", "example", "question", "answer",
    "strategy", "trade-off", "constraint", "benchmark", "workload", "latency", "throughput", "failure", "retry", "timeout",
    "response", "payload", "header", "protocol", "session", "identity", "credential", "permission", "audit", "review",
    "experiment", "hypothesis", "baseline", "estimate", "sample", "feature", "parameter", "profile", "snapshot", "migration",
    "database", "transaction", "partition", "replica", "cluster", "node", "worker", "scheduler", "job", "task",
    "library", "framework", "algorithm", "structure", "graph", "tree", "table", "column", "field", "value",
)

PLURALS = (
    "systems", "requests", "models", "policies", "caches", "servers", "clients", "tokens", "budgets", "layers",
    "records", "queues", "signals", "metrics", "datasets", "services", "processes", "buffers", "streams", "reports",
    "decisions", "results", "methods", "patterns", "functions", "modules", "interfaces", "limits", "versions", "teams",
    "customers", "documents", "examples", "questions", "answers", "constraints", "benchmarks", "workloads", "failures",
    "retries", "responses", "headers", "sessions", "credentials", "experiments", "samples", "features", "parameters",
    "nodes", "workers", "jobs", "tasks", "libraries", "algorithms", "tables", "columns", "fields", "values", "users",
)

ADJECTIVES = (
    "simple", "robust", "careful", "reliable", "consistent", "explicit", "efficient", "small", "large", "clear",
    "practical", "important", "common", "useful", "predictable", "stable", "fast", "slow", "expensive", "cheap",
    "secure", "private", "public", "shared", "local", "remote", "distributed", "concurrent", "sequential", "optional",
    "required", "default", "custom", "dynamic", "static", "incremental", "complete", "partial", "accurate", "approximate",
    "deterministic", "random", "structured", "flexible", "strict", "lenient", "modern", "traditional", "typical", "rare",
    "obvious", "subtle", "careful", "measurable", "repeatable", "scalable", "minimal", "detailed", "general", "specific",
)

VERBS = (
    "improves", "reduces", "handles", "requires", "supports", "prevents", "controls", "measures", "defines", "limits",
    "protects", "simplifies", "increases", "affects", "depends on", "relies on", "returns", "stores", "tracks", "validates",
    "describes", "explains", "captures", "reflects", "balances", "combines", "separates", "exposes", "hides", "replaces",
    "extends", "shapes", "guides", "drives", "enables", "complicates", "clarifies", "determines", "influences", "covers",
)

BASE_VERBS = (
    "improve", "reduce", "handle", "require", "support", "prevent", "control", "measure", "define", "limit",
    "protect", "simplify", "increase", "check", "monitor", "review", "test", "document", "compare", "evaluate",
    "configure", "deploy", "validate", "store", "track", "cache", "split", "merge", "retry", "schedule",
    "compute", "estimate", "inspect", "refine", "adjust", "tune", "isolate", "replace", "extend", "verify",
)

ADVERBS = (
    "usually", "often", "rarely", "carefully", "quickly", "gradually", "clearly", "typically", "generally", "always",
    "sometimes", "mostly", "directly", "explicitly", "reliably", "efficiently", "safely", "consistently", "simply", "largely",
)

CONNECTORS = (
    "However", "In practice", "For example", "As a result", "In contrast", "Moreover", "In most cases", "By design",
    "At the same time", "Similarly", "In short", "For this reason", "On the other hand", "Finally", "First", "Next",
)

SENTENCES = (
    "The {A} {N} {V} the {N} in a {A} way.",
    "A {A} {N} {D} {V} the {P} that matter most.",
    "{C}, the {N} {V} {A} {P}.",
    "{C}, you should {B} the {N} before you {B} the {P}.",
    "When the {N} is {A}, the {N} {D} {V} the {N}.",
    "It is {A} to {B} the {T} {D}.",
    "Most {P} {B} the {T} because it {V} the {N}.",
    "The {T} {V} the {N}, which {D} {V} {A} {P}.",
    "{C}, a {A} {T} {V} both the {N} and the {N}.",
    "To {B} the {T}, {B} a {A} {N} and {B} the {P}.",
    "This {N} {V} {P} without a {A} {N}.",
    "Because {P} are {A}, the {N} {D} {V} the {T}.",
    "You can {B} the {N} by keeping the {P} {A}.",
    "The key idea is that a {A} {N} {V} {A} {P}.",
    "{C}, {P} that {B} the {T} tend to be {A}.",
    "Think of the {T} as a {A} {N} that {V} the {P}.",
    "A {N} is {A} when it {V} the {N} and {V} the {P}.",
    "Why does the {T} matter? It {V} the {N} and {V} the {P}.",
)

BULLETS = (
    "{B} the {N} {D}.",
    "Keep the {P} {A}.",
    "Prefer a {A} {N} over a {A} {N}.",
    "**{A} {N}**: {V} the {P}.",
    "Use the {T} to {B} the {N}.",
    "Avoid {A} {P} in the {N}.",
    "{B} each {N} against a {A} {N}.",
    "`{B}_{N}()` {V} the {P}.",
)

HEADINGS = (
    "## {A} {P}",
    "### How the {T} works",
    "## Why {P} matter",
    "### A {A} {N}",
    "## Step by step",
)

# Code blocks: {n}/{m} are identifier-safe nouns, {b} a base verb, {a} an adjective.
CODE_BLOCKS = (
    '```python\ndef {b}_{n}({m}s, limit=10):\n    """Return the {a} {m}s of the {n}."""\n'
    "    result = []\n    for item in {m}s:\n        if item.{a} and len(result) < limit:\n"
    "            result.append(item)\n    return result\n```",
    "```python\nclass {N2}:\n    def __init__(self, {m}):\n        self.{m} = {m}\n\n"
    "    def {b}(self):\n        return self.{m}.{b}()\n```",
    "```bash\n$ {b} --{n} {m}.yaml --{a}\nok: 3 {m}s checked\n```",
    "```sql\nSELECT {n}_id, COUNT(*) AS {m}s\nFROM {n}s\nWHERE {a} = TRUE\nGROUP BY {n}_id;\n```",
    "```json\n{{\"{n}\": \"{a}\", \"{m}s\": [1, 2, 3], \"enabled\": true}}\n```",
)

# Words that do not make a good topic when taken from the prompt.
STOPWORDS = frozenset(
    "about above after again against their there these those which while would could should where whose "
    "being other every under until within without please write explain describe tell give using".split()
)
