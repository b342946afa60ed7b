"""Text pools for the `v25` variant, continued (see corpus_v25.py; written blind the same way): the code the porting
tasks paste, the asks of synthetic-data work (write new tasks like these, make this one harder, write a
conversation, port this function, write it up as a worked example), the grid of simulated conversations (who the
user is, what it is about, how many turns), a dataset-building agent (seed look-ups, variants, duplicate checks,
answer checks, appended records) for the agentic campaign and a QA team's eval-set builder, and the response texts
of the v25 styles, sized from usage.output_tokens like v11-v24. Nothing here imports corpus_v25 (it imports this
module)."""

from __future__ import annotations

import random
from typing import Any

from benchmarks.traffic import corpus_v14 as X
from benchmarks.traffic import corpus_v24_more as C24
from benchmarks.traffic.corpus_v11_answers import REASONING_MODELS

# ---- the code that porting tasks paste (four functions in each source language) ----
PY = ("def slugify(title):\n    words = title.lower().split()\n    return '-'.join(w.strip('.,!?') for w in words)",
      "def chunks(items, size):\n    return [items[i:i + size] for i in range(0, len(items), size)]",
      "def moving_average(xs, k):\n    out = []\n    for i in range(k - 1, len(xs)):\n        out.append(sum(xs[i - k "
      "+ 1:i + 1]) / k)\n    return out",
      "def top_words(text, n):\n    counts = {}\n    for w in text.split():\n        counts[w] = counts.get(w, 0) + 1\n"
      "    return sorted(counts, key=counts.get, reverse=True)[:n]")
JS = ("function clamp(x, lo, hi) {\n  return Math.min(hi, Math.max(lo, x));\n}",
      "function median(xs) {\n  const s = [...xs].sort((a, b) => a - b);\n  const m = Math.floor(s.length / 2);\n"
      "  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;\n}",
      "async function retry(fn, tries) {\n  for (let i = 0; i < tries; i++) {\n    try { return await fn(); }\n"
      "    catch (e) { await new Promise(r => setTimeout(r, 2 ** i * 100)); }\n  }\n  throw new Error('gave up');\n}",
      "function groupBy(rows, key) {\n  return rows.reduce((acc, r) => {\n    (acc[r[key]] ||= []).push(r);\n"
      "    return acc;\n  }, {});\n}")
JAVA = ("static boolean isPalindrome(String s) {\n    String t = s.replaceAll(\"[^A-Za-z]\", \"\").toLowerCase();\n"
        "    return new StringBuilder(t).reverse().toString().equals(t);\n}",
        "static int[] prefixSums(int[] xs) {\n    int[] out = new int[xs.length + 1];\n    for (int i = 0; i < xs.length; "
        "i++) out[i + 1] = out[i] + xs[i];\n    return out;\n}",
        "static Map<Character, Integer> letterCounts(String s) {\n    Map<Character, Integer> m = new HashMap<>();\n"
        "    for (char c : s.toCharArray()) m.merge(c, 1, Integer::sum);\n    return m;\n}",
        "static long gcd(long a, long b) {\n    while (b != 0) { long t = a % b; a = b; b = t; }\n    return a;\n}")
RB = ("def parse_duration(s)\n  s.scan(/(\\d+)([hms])/).sum do |n, u|\n    n.to_i * { 'h' => 3600, 'm' => 60, 's' "
      "=> 1 }[u]\n  end\nend",
      "def flatten_keys(h, prefix = nil)\n  h.flat_map do |k, v|\n    key = [prefix, k].compact.join('.')\n    "
      "v.is_a?(Hash) ? flatten_keys(v, key) : [[key, v]]\n  end.to_h\nend",
      "def dedupe_by(items, &blk)\n  seen = {}\n  items.select { |x| seen[blk.call(x)] ? false : seen[blk.call(x)] = "
      "true }\nend",
      "def weekday_name(date)\n  %w[Sun Mon Tue Wed Thu Fri Sat][date.wday]\nend")
TARGETS = ("Rust", "Go", "TypeScript", "Kotlin", "Swift", "C#", "Elixir", "Scala")

# ---- the asks ----
GEN_ASKS = ("Here are a few questions from our course. Could you write {k} more like them, each a bit different?",
            "can you come up with {k} new ones in the same style as these?", "Write {k} fresh questions like the "
            "ones below - same level, different situations.", "I need {k} more of these for practice, please vary "
            "the numbers and the setting.", "{k} more like these? Number them please.")
EVOLVE_OPS = ("so that solving it needs two more reasoning steps", "by adding one realistic constraint",
              "so that it is set in a different situation but tests the same skill", "so that the answer needs one "
              "extra calculation or check", "so that it is harder for a strong student")
EVOLVE_ASKS = ("Can you make this one harder? Rewrite it {op}.", "rewrite this {op}, just the new question please",
               "Could you rework the question below {op}?", "make a tougher version of this - {op}")
EXAMPLE_ASKS = ("Write this up as a worked example for our question bank: the problem, a full solution, and the most "
                "common mistake.", "Could you turn this into a worked example - solution step by step, then one "
                "typical error to watch for?", "I need a model solution for this one that students can learn "
                "from, with the usual mistake flagged.")
PRACTICE_ASKS = ("Make me {k} practice questions like this with answers so I can revise.", "turn this into {k} "
                 "flashcards (question / answer)", "can you give me {k} similar questions with solutions to test "
                 "myself?", "Write {k} quiz questions on the same idea, answers at the end.")
PORT_NEXT = ("now in {dst}?", "And the same in {dst}, please.", "ok, what about {dst}?", "could you also do it in "
             "{dst}?", "{dst} version too pls")
CONTINUE_ASKS = ("Continue the conversation for {k} more turns.", "keep it going - {k} more exchanges",
                 "Add {k} more turns where the user pushes back a little.")

# ---- the grid of simulated conversations ----
DIALOGUE_USERS = ("a first-time smartphone owner", "a nurse coming off a night shift", "a retired engineer who "
                  "distrusts apps", "a teenager planning a trip with friends", "a small-business owner in a hurry",
                  "a non-native speaker who writes short messages", "a parent juggling three kids",
                  "a student who is anxious about an exam")
DIALOGUE_TOPICS = {"nutrition": ("planning a week of meals on a tight budget", "how much protein they need after "
                                 "starting to lift weights", "cutting down on salt without bland food"),
                   "support": ("a parcel that never arrived", "being charged twice for a subscription",
                               "a router that drops the connection every evening"),
                   "porting": ("moving a small script from Python to Go", "why their JavaScript code behaves "
                               "differently in TypeScript", "learning Rust after years of Java")}
DIALOGUE_TURNS = (4, 6, 8, 10)


# ---- a dataset-building agent (agentic_distill; the QA team's eval-set builder) ----
DATA_SYS = ("You are a dataset-building assistant. Pull seed tasks, write variants, check each variant for "
            "duplicates and verify its answer before you append it to the dataset; report what you added.")
_DP = {"domain": ("string", "subject area"), "n": ("integer", "how many"), "task_id": ("string", "task id"),
       "text": ("string", "task text"), "answer": ("string", "reference answer"), "split": ("string", "dataset split")}
DATA_TOOLS = [{"name": n, "description": d, "params": {p: _DP[p] for p in ps}, "required": list(ps[:1])}
              for n, d, ps in (
    ("sample_seed_tasks", "Draw seed tasks of a subject area from the pool", ("domain", "n")),
    ("write_variant", "Store a new variant of a seed task", ("task_id", "text")),
    ("dedupe_check", "Similarity of a text to everything already in the dataset", ("text",)),
    ("verify_answer", "Run the checker on a task and a reference answer", ("task_id", "answer")),
    ("append_record", "Append a task and its reference answer to a split", ("task_id", "split")))]
DATA_TASKS = ("Add {n} new {d} tasks to the {s} split, each checked for duplicates and with a verified answer.",
              "The {d} items in {s} are too easy; write harder variants of {n} of them and append the ones that pass.",
              "Fill the gap in {s}: {n} {d} tasks on situations we have none of yet.",
              "Re-verify the answers of {n} {d} tasks in {s} and replace any that fail.")


def data_task(rng: random.Random, tasks: tuple[str, ...] = DATA_TASKS) -> str:
    return rng.choice(tasks).format(n=rng.choice((5, 10, 20, 25)), d=rng.choice(("nutrition", "support-reply",
                                                                                 "code-porting")),
                                    s=rng.choice(("train", "dev", "holdout", "regression")))


def data_step(rng: random.Random, k: int, realistic: bool) -> tuple[str, dict[str, Any], str]:
    """(tool, arguments, result) of step k of a dataset-building episode; stub results when not `realistic`."""
    name = "sample_seed_tasks" if k == 0 else rng.choice([t["name"] for t in DATA_TOOLS])
    if not realistic:
        return name, {"domain": "x"}, "ok"
    tid = f"T-{rng.randint(100000, 999999)}"
    if name == "sample_seed_tasks":
        n = rng.randint(3, 12)
        return name, {"domain": rng.choice(("nutrition", "support", "porting")), "n": n}, \
            ", ".join(f"T-{rng.randint(100000, 999999)}" for _ in range(min(n, 5)))
    if name == "write_variant":
        return name, {"task_id": tid, "text": "(variant)"}, f"stored as {tid}-v{rng.randint(1, 6)}"
    if name == "dedupe_check":
        return name, {"text": "(variant)"}, f"nearest {rng.uniform(0.1, 0.97):.2f} ({tid})"
    if name == "verify_answer":
        return name, {"task_id": tid, "answer": "(answer)"}, rng.choice(("pass", "pass", "fail: units", "pass"))
    return name, {"task_id": tid, "split": rng.choice(("train", "dev"))}, f"appended; split now {rng.randint(80, 9000)}"


# ---- response texts ----
_NUTRITION = ("BMR = 10 x weight + 6.25 x height - 5 x age + s = 1{k}{j}{k} kcal.", "Multiply by the activity factor: "
              "TDEE = {k}{j}{k}0 kcal a day.", "Protein: {k}{j}% of {k}{j}00 kcal = {k}{j}0 kcal, / 4 = {k}{j} g.",
              "Fat provides 9 kcal per gram, protein and carbohydrate 4.", "Per serving: {k}{j}{k} kcal after "
              "scaling every ingredient by the same factor.", "Sweat loss of {k}.{j} L an hour needs roughly that "
              "much fluid replaced over the race.", "Sodium: {k}{j}0 mg per litre x litres lost.", "Recovery protein "
              "at 0.{k} g/kg comes to about {k}{j} g.", "Check: the grams add back up to the energy target.")
_SUPPORT = ("Hi {n}, thanks for getting in touch, and I'm sorry about this.", "I've checked your account and can see "
            "exactly what happened.", "I've issued a refund of the duplicate charge; it shows within {k} working "
            "days.", "Could you try restarting the router and then forgetting and re-adding the network?",
            "Under our policy you can choose a replacement or a full refund.", "You can cancel any time from the "
            "Billing page; the notice period ends on the {k}th.", "If the light stays orange, reply here and we'll "
            "book an engineer.", "Thanks for your patience - let me know if there's anything else.")
_PORTING = ("```\nfn {f}(xs: &[f64], k: usize) -> Vec<f64> {{\n    xs.windows(k).map(|w| w.iter().sum::<f64>() / k "
            "as f64).collect()\n}}\n```", "```\nfunc {f}(xs []int) []int {{\n    out := make([]int, len(xs)+1)\n    "
            "for i, x := range xs {{ out[i+1] = out[i] + x }}\n    return out\n}}\n```", "In Go there are no "
            "default arguments, so the prefix becomes an explicit parameter.", "Rust's slices have windows(), "
            "which replaces the index arithmetic.", "Integer division differs: cast before dividing.", "Kotlin's "
            "groupBy does this in one call.", "Errors are returned rather than thrown, so the retry loop checks "
            "err.", "The regex syntax is the same apart from escaping the backslash.")
_EXAMPLE = ("Problem: restated with the given values.", "Solution, step {k}: write down what is known.", "Step "
            "{j}: apply the rule and keep the units.", "Answer: {k}{j}.{k}.", "Common mistake: forgetting to "
            "convert units first - {k}0% of students do.", "Why it works: each step keeps the quantities "
            "consistent.")
_AGENT = ("Added {k} tasks to the split; {j} were rejected as near-duplicates.", "Verified {k}{j} answers; {k} failed "
          "and were replaced.", "Every new item has a reference answer and a source seed.", "Dedupe threshold 0.9; "
          "nearest match 0.{k}{j}.")
POOLS = {"nutrition": (_NUTRITION, "\n", True), "support": (_SUPPORT, " ", False), "porting": (_PORTING, "\n", False),
         "example": (_EXAMPLE, "\n", False), "data_agent": (_AGENT, " ", False)}


def _fill(rng: random.Random, s: str) -> str:
    return s.format(k=rng.randint(1, 9), j=rng.randint(0, 9), n=rng.choice(("Sam", "Priya", "Jo", "Tomasz", "there")),
                    f=rng.choice(("moving_average", "prefix_sums", "chunks", "median")))


def answer(rng: random.Random, style: str, out_tokens: int, model: str = "", extra: Any = None) -> str:
    """A response text of `style` sized from `out_tokens` over the v25 pools (corpus_v14.answer); styles of earlier
    variants fall through to corpus_v24_more.answer. (corpus_v25.answer adds the generated tasks, rewritten tasks
    and conversations.)"""
    return X.answer(rng, style, out_tokens, model, extra, pools=POOLS, fill=_fill, fallback=C24.answer,
                    bracketed="-")


def budget(rng: random.Random, out_tokens: int, model: str) -> float:
    return out_tokens * rng.uniform(3.4, 4.4) * (rng.uniform(0.3, 0.7) if model in REASONING_MODELS else 1.0)
