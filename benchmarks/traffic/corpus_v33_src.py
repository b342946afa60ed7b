"""The sources of the `v33` variant - instructions to evolve, databases to ask questions of, passages to write queries
for - and what a careful teacher answers over them (written blind: the author did not read gateway/extraction/,
tests/extraction/ beyond the blind-variant tests and their helpers, docs/extraction*.md or the evaluation harness
beyond its dataset table; nothing here was tuned against a detector result).

The v33 theme is synthetic-instruction and retrieval data: an operator grows its student's instruction set and its
retriever's training data out of the teacher. So its sources (corpus_v33_src.json) are:

- `instruction`, `evolve`, `chain`: seed instructions (everyday tasks, exam-style questions, business prompts) and
  their evolution, Evol-Instruct style: one method at a time (METHODS: add a constraint, deepen, concretise, widen,
  add reasoning steps) rewrites an instruction into a harder one that keeps the earlier one word for word and adds
  a sentence - so every generation of a chain embeds its parent.
- `sql_case`: a question over one of fourteen small databases (three tables each, as CREATE TABLE statements), of
  one of six question types, with its PostgreSQL query and a short explanation; every query names the schema's own
  tables only.
- `passage`, `queries`, `relevance`: a passage (a web page, a product description, a documentation page) whose every
  sentence answers one search query, a query it only half answers (`near`), and a three-way relevance label for a
  query against it.
- `layout`s and `blocks`: how products and scripts paste these ("Schema:", "Question:", "Passage:", "Query:", an
  instruction under its head) and the pasted parts found again in any text.

Nothing here is harmful: the instructions are homework, recipes and office chores, the databases a shop's or a
library's, the passages kettles, tyres and API keys; benign products draw on the same sources.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

import orjson

_SRC = orjson.loads((Path(__file__).parent / "corpus_v33_src.json").read_bytes())


def _fill(rng: random.Random, text: str, slots: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """The text with each slot it names drawn once (in sorted slot order), and the values drawn."""
    got = {k: rng.choice(slots[k]) for k in sorted(slots) if "{" + k + "}" in text}
    return text.format(**got), got


# ---- instructions and their evolution ----
SEEDS = tuple((d, text, slots) for d, text, slots in _SRC["seeds"])
INSTRUCTION_DOMAINS = ("task", "exam", "prompt")
METHODS = {m: (desc, tuple(adds)) for m, (desc, adds) in _SRC["methods"].items()}
METHOD_NAMES = tuple(METHODS)
_MSLOTS = _SRC["method_slots"]


def instruction(rng: random.Random, domain: str | None = None, k: int | None = None) -> str:
    """A seed instruction (the k-th seed, or one of `domain`, or any) with its slots filled."""
    pool = [s for s in SEEDS if domain is None or s[0] == domain]
    _, text, slots = SEEDS[k % len(SEEDS)] if k is not None else rng.choice(pool)
    return _fill(rng, text, slots)[0]


def evolve(rng: random.Random, parent: str, method: str) -> str:
    """The parent made harder by `method`: the parent word for word, then one sentence of the method's it does not
    hold yet."""
    adds = [a for a in METHODS[method][1] if a.split(" {")[0] not in parent]
    add = _fill(rng, rng.choice(adds or list(METHODS[method][1])), _MSLOTS)[0]
    return f"{parent} {add}"


def chain(rng: random.Random, depth: int, domain: str | None = None, seed: str | None = None
          ) -> list[tuple[str, str, str]]:
    """`depth` evolution steps from a seed instruction: (parent, method, evolved) each, the next parent the last
    evolved."""
    parent, out = seed or instruction(rng, domain), []
    for m in rng.sample(METHOD_NAMES, depth) if depth <= len(METHOD_NAMES) else rng.choices(METHOD_NAMES, k=depth):
        child = evolve(rng, parent, m)
        out.append((parent, m, child))
        parent = child
    return out


def answer_style(instr: str) -> str:
    """The kind of answer an instruction wants (corpus answer styles)."""
    if "function" in instr:
        return "code"
    return "steps" if any(w in instr for w in ("Solve", "average speed", "cost", "area", "step")) else "prose"


# ---- text to SQL ----
DOMAINS = tuple(_SRC["sql_domains"])
QUESTIONS = tuple(_SRC["sql_questions"])
DB_NAMES = tuple(d[0] for d in DOMAINS)


def ddl(k: int) -> str:
    """The k-th database as CREATE TABLE statements: its entity table, the fact table that references it, and a third
    table of its own."""
    _, (E, _, pk, name, cat, *_), (F, _, fpk, date, num, _), (X, *xcols) = DOMAINS[k]
    ent = f"CREATE TABLE {E} (\n  {pk} INTEGER PRIMARY KEY,\n  {name} TEXT NOT NULL,\n  {cat} TEXT\n);"
    fact = (f"CREATE TABLE {F} (\n  {fpk} INTEGER PRIMARY KEY,\n  {pk} INTEGER REFERENCES {E}({pk}),\n  {date} DATE,\n"
            f"  {num} NUMERIC(10,2)\n);")
    third = f"CREATE TABLE {X} (\n  " + ",\n  ".join(xcols) + "\n);"
    return "\n".join((ent, fact, third))


DDLS = tuple(ddl(k) for k in range(len(DOMAINS)))


def sql_case(rng: random.Random, db: int | None = None, q: int | None = None) -> dict[str, Any]:
    """A question over a database (the db-th, or any) of a question type (the q-th, or any), its SQL and why."""
    k = rng.randrange(len(DOMAINS)) if db is None else db
    _, (E, e, pk, name, cat, catw, cats), (F, fs, _, date, num, meas), (X, *_) = DOMAINS[k]
    j = rng.randrange(len(QUESTIONS)) if q is None else q
    year = rng.choice(("2023", "2024", "2025"))
    values = {"E": E, "e": e, "es": E.replace("gym_", "").replace("_", " "), "pk": pk, "name": name, "cat": cat,
              "catw": catw, "catv": rng.choice(cats), "F": F, "fs": fs, "date": date, "num": num, "meas": meas,
              "year": year, "next": str(int(year) + 1), "k": rng.choice(("3", "5", "10")),
              "since": f"{year}-{rng.choice(('01', '04', '07', '10'))}-01"}
    question, sql, why = (x.format(**values) for x in QUESTIONS[j])
    return {"db": k, "type": j, "name": DOMAINS[k][0], "ddl": DDLS[k], "question": question, "sql": sql, "why": why,
            "tables": (E, F, X)}


FROM = re.compile(r"\b(?:FROM|JOIN)\s+([a-z_]+)")
CREATE = re.compile(r"CREATE TABLE ([a-z_]+) \(")


def tables_used(sql: str) -> set[str]:
    return set(FROM.findall(sql))


def sql_layout(case: dict[str, Any], heads: tuple[str, str] = ("Schema", "Question")) -> str:
    return f"{heads[0]}:\n{case['ddl']}\n\n{heads[1]}: {case['question']}"


def sql_reply(case: dict[str, Any]) -> str:
    return f"```sql\n{case['sql']}\n```\n\n{case['why']}"


# ---- passages, queries and relevance ----
PASSAGES = tuple(_SRC["passages"])
PASSAGE_DOMAINS = ("web", "product", "docs")
BY_DOMAIN = {d: tuple(i for i, p in enumerate(PASSAGES) if p[0] == d) for d in PASSAGE_DOMAINS}
LABELS = ("relevant", "partially relevant", "not relevant")


def passage(rng: random.Random, topic: int | None = None, domain: str | None = None) -> dict[str, Any]:
    """A passage (the topic-th, or one of `domain`, or any) with its slots filled once: its text, the query each
    sentence answers, and the query it only half answers."""
    i = topic if topic is not None else rng.choice(BY_DOMAIN[domain]) if domain else rng.randrange(len(PASSAGES))
    dom, slots, lines, queries, near = PASSAGES[i]
    got = {k: rng.choice(v) for k, v in sorted(slots.items())}
    filled = tuple(x.format(**got) for x in lines)
    return {"topic": i, "domain": dom, "lines": filled, "text": " ".join(filled),
            "queries": tuple(q.format(**got) for q in queries), "near": near.format(**got)}


def queries(rng: random.Random, inst: dict[str, Any], k: int) -> list[str]:
    """k (at most four) different queries the passage answers, in a random order."""
    return rng.sample(inst["queries"], k)


def relevance(inst: dict[str, Any], query: str) -> str:
    """The passage's relevance to a query: it answers it, half answers it, or is about something else."""
    return LABELS[0] if query in inst["queries"] else LABELS[1] if query == inst["near"] else LABELS[2]


def probe(rng: random.Random, inst: dict[str, Any]) -> str:
    """A query to label against the passage: one it answers (half the time), the near one, or another passage's."""
    r = rng.random()
    if r < 0.5:
        return rng.choice(inst["queries"])
    if r < 0.75:
        return inst["near"]
    other = passage(rng, rng.choice([i for i in range(len(PASSAGES)) if i != inst["topic"]]))
    return rng.choice(other["queries"])


_WHY = {LABELS[0]: "The passage answers it directly: {s}", LABELS[1]: "The passage is on the same subject but does "
        "not answer this; it covers: {s}", LABELS[2]: "The passage is about something else: {s}"}


def label_reason(inst: dict[str, Any], query: str) -> str:
    """Why the passage has the label it has for the query (the sentence that answers it quoted, or the first)."""
    at = inst["queries"].index(query) if query in inst["queries"] else 0
    return _WHY[relevance(inst, query)].format(s=inst["lines"][at])


def numbered(lines: list[str]) -> str:
    return "\n".join(f"{j + 1}. {x}" for j, x in enumerate(lines))


# ---- the pasted layouts found again ----
INSTRUCTION_HEADS = ("#Given Instruction#", "Task", "Prompt", "Original question")
SCHEMA_HEADS = ("Schema", "Tables", "Database")
QUESTION_HEADS = ("Question", "Request")
PASSAGE_HEADS = ("Passage", "Document", "Text", "Product description", "Page")
_RX = {"instruction": re.compile(rf"^(?:{'|'.join(INSTRUCTION_HEADS)}): (.+)$", re.M),
       "question": re.compile(rf"^(?:{'|'.join(QUESTION_HEADS)}): (.+)$", re.M),
       "passage": re.compile(rf"^(?:{'|'.join(PASSAGE_HEADS)}): (.+)$", re.M),
       "query": re.compile(r"^Query: (.+)$", re.M)}


def blocks(text: str) -> dict[str, Any]:
    """What a text pastes: an instruction, a question, a passage, a query (each as its line runs) and the tables of a
    schema (CREATE TABLE names, in order) - only those it has."""
    out: dict[str, Any] = {k: m.group(1) for k, rx in _RX.items() if (m := rx.search(text))}
    if tables := CREATE.findall(text):
        out["tables"] = tables
    return out


# ---- replies as JSON ----
_obj = {"type": "object", "additionalProperties": False}
EVOLVE_SCHEMA = {"name": "evolved_instruction", "strict": True, "schema": {
    **_obj, "required": ["instruction", "method"],
    "properties": {"instruction": {"type": "string"}, "method": {"type": "string", "enum": list(METHOD_NAMES)}}}}
SQL_SCHEMA = {"name": "text_to_sql", "strict": True, "schema": {
    **_obj, "required": ["sql", "explanation"],
    "properties": {"sql": {"type": "string"}, "explanation": {"type": "string"}}}}
QUERIES_SCHEMA = {"name": "generated_queries", "strict": True, "schema": {
    **_obj, "required": ["queries"], "properties": {"queries": {"type": "array", "items": {"type": "string"}}}}}
LABEL_SCHEMA = {"name": "relevance_label", "strict": True, "schema": {
    **_obj, "required": ["label", "reason"],
    "properties": {"label": {"type": "string", "enum": list(LABELS)}, "reason": {"type": "string"}}}}
