"""Precompiled patterns for reasoning elicitation and capability categories (built once per process)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Categories; index order is stable because it is packed into feature events.
CATEGORIES: tuple[str, ...] = (
    "other", "math", "code", "agentic", "science", "writing", "summarize", "classify", "translate", "embedding",
)
CAPABILITY_CATEGORIES = frozenset({1, 2, 3, 4})  # math, code, agentic, science: what distillers target

# Reasoning-elicitation flags (bit positions).
COT = 1          # "think step by step", "show all your reasoning"
EXPLAIN = 2      # "explain every intermediate step"
RUBRIC = 4       # rubric grading / scoring a response
TRACE_TAGS = 8   # asks for <thinking> tags or a labelled reasoning section

_COT = (
    r"step[\s-]*by[\s-]*step|chain[\s-]of[\s-]thought|think (?:carefully|aloud|out loud|hard|through)"
    r"|show (?:all |every |each )?(?:of )?(?:your |the )?(?:work|reasoning|steps|thinking|thought process)"
    r"|reason(?:ing)? (?:through|carefully|it out)|full reasoning|detailed reasoning|complete reasoning"
    r"|walk (?:me )?through (?:your|the) (?:reasoning|logic|solution)"
    r"|paso a paso|schritt für schritt|étape par étape|passo dopo passo|шаг за шагом|逐步|一步一步|ステップバイステップ"
)
_EXPLAIN = (
    r"explain (?:every|each|all)(?: of the)? (?:intermediate |single )?(?:step|calculation|stage|reasoning)"
    r"|(?:every|each|all) intermediate (?:step|result|calculation)|justify (?:every|each) step"
    r"|before (?:giving|stating) (?:the|your) (?:final )?answer"
)
_RUBRIC = (
    r"\brubric\b|grade (?:the|this) (?:following |above )?(?:response|answer|solution|essay)"
    r"|score (?:the|this) (?:response|answer|solution)|on a scale (?:of|from) \d+ to \d+"
    r"|evaluate the (?:correctness|quality) of (?:the|this)"
)
_TRACE = r"<think(?:ing)?>|\breasoning:\s|\bthought process:|scratchpad"

# Cheap prefilters: a pattern only runs when one of its trigger words is in the prompt's token set,
# so the common prompt (no elicitation) costs a few set lookups instead of regex scans.
_COT_TRIGGERS = frozenset(
    "step steps chain think thinking reason reasoning show walk full detailed complete paso schritt étape passo шаг"
    .split()
)
_EXPLAIN_TRIGGERS = frozenset("explain intermediate justify before".split())
_RUBRIC_TRIGGERS = frozenset("rubric grade score scale evaluate".split())
_TRACE_TRIGGERS = frozenset("reasoning thought scratchpad".split())
_NON_LATIN_COT = ("逐步", "一步一步", "ステップバイステップ")

_CATEGORY_WORDS: dict[int, str] = {
    1: "solve equation equations integral derivative theorem prove probability calculate compute algebra geometry "
       "polynomial matrix fraction fractions triangle arithmetic percent percentage sum how many remainder prime "
       "integer integers factor angle area perimeter",
    2: "python javascript typescript function def class compile bug code sql regex algorithm implement refactor "
       "stack exception unit rust java golang return import variable array loop compiler",
    3: "tool tools agent execute browse plan api",
    4: "physics chemistry biology molecule atom enzyme velocity acceleration reaction cell quantum dna protein "
       "energy force",
    5: "story poem essay email letter blog slogan rewrite draft write",
    6: "summarize summarise summary tl dr condense",
    7: "classify sentiment label categorize categorise spam",
    8: "translate translation french spanish german",
}


@dataclass(frozen=True, slots=True)
class CompiledPatterns:
    """All regexes and keyword tables, built once; `FeatureExtractor` holds one instance."""

    cot: re.Pattern[str]
    explain: re.Pattern[str]
    rubric: re.Pattern[str]
    trace: re.Pattern[str]
    category_of: dict[str, int]
    punct: dict[int, str]

    @classmethod
    def build(cls) -> CompiledPatterns:
        # Text is lower-cased before matching: no IGNORECASE (it slows every alternation).
        category_of = {w: c for c, words in _CATEGORY_WORDS.items() for w in words.split()}
        punct = {ord(ch): " " for ch in "!\"$%&'()*,./:;<=>?@[\\]^_`{|}~+-\n\t"}
        punct.update({ord(d): "#" for d in "0123456789"})
        return cls(
            cot=re.compile(_COT),
            explain=re.compile(_EXPLAIN),
            rubric=re.compile(_RUBRIC),
            trace=re.compile(_TRACE),
            category_of=category_of,
            punct=punct,
        )

    def tokens(self, lowered: str) -> list[str]:
        """Words with digit runs masked to one '#', so numeric slots do not split templates.

        Digits become '#' in the same C-level translate that blanks punctuation; runs of '#' are then
        collapsed (a few str.replace passes) -- no per-token Python work.
        """
        text = lowered.translate(self.punct)
        while "##" in text:
            text = text.replace("##", "#")
        return text.split()

    def reasoning_flags(self, lowered: str, token_set: set[str]) -> int:
        flags = 0
        if not token_set.isdisjoint(_COT_TRIGGERS) and self.cot.search(lowered):
            flags |= COT
        elif any(s in lowered for s in _NON_LATIN_COT):
            flags |= COT
        if not token_set.isdisjoint(_EXPLAIN_TRIGGERS) and self.explain.search(lowered):
            flags |= EXPLAIN
        if not token_set.isdisjoint(_RUBRIC_TRIGGERS) and self.rubric.search(lowered):
            flags |= RUBRIC
        if ("<think" in lowered or not token_set.isdisjoint(_TRACE_TRIGGERS)) and self.trace.search(lowered):
            flags |= TRACE_TAGS
        return flags

    def category(self, tokens: list[str], lowered: str, has_tools: bool) -> int:
        if has_tools:
            return 3
        counts = [0] * len(CATEGORIES)
        get = self.category_of.get
        for t in tokens:
            c = get(t)
            if c is not None:
                counts[c] += 1
        # Math and code are often written in symbols rather than words.
        if "```" in lowered or "def " in lowered or "();" in lowered:
            counts[2] += 2
        counts[1] += min(3, tokens.count("#") // 2) if ("=" in lowered or "+" in lowered or "^" in lowered) else 0
        best = max(range(len(counts)), key=counts.__getitem__)
        return best if counts[best] > 0 else 0
