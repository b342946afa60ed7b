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
THINKING = 16    # request parameters that return the reasoning: extended thinking, reasoning summaries
NARRATED = 32    # an agent loop whose earlier tool calls came with narrated reasoning (see features._split_messages)

# The lexicon is built from the ways people ask a model to expose its reasoning, not from any
# evaluation phrasing: (1) fixed idioms ("step by step", "chain of thought", "one step at a time"),
# (2) an exposing verb followed within a few words by a reasoning object ("lay out ... your thought
# process", "write out the full derivation", "narrate ... deductions"), (3) exhaustiveness
# ("don't skip any steps", "line by line", "leave nothing out"), (4) the same in other languages,
# (5) asks for the discarded route too ("abandoned attempts", "dead ends"): only a reasoning trace has one.
_COT_IDIOMS = (
    r"step[\s-]*by[\s-]*step|chain[\s-]of[\s-]thoughts?|(?:one|a) (?:step|move|stage) at a time|think (?:carefully|aloud"
    r"|out loud|hard|through|it through|about each|before)|reason (?:step|carefully|through|it out|about each|out loud)"
    r"|(?:reason|think) at (?:full |great )?length"
    r"|(?:full|detailed|complete|entire|whole|explicit|thorough|uncut|raw|unabridged|unedited|verbatim)"
    r" (?:reasoning|rationale|derivation|thought process|working|solution path|chain of reasoning)"
    r"|line[\s-]by[\s-]line|leave nothing (?:out|implicit|unexplained)|(?:nothing|no steps?) skipped|paper trail"
    r"|(?:every|each|per|one) (?:inference|deduction)|(?:abandoned|discarded|rejected) (?:attempts?|approaches|paths)"
    r"|(?:include|including|with|keep) (?:the |your |all |any )?(?:dead[\s-]ends|false starts|failed attempts)"
    r"|(?:private|internal|inner) (?:deliberations?|monologue|reasoning|thoughts)"
    r"|(?:do not|don't|dont|never|without) skip(?:s|ping)? (?:any|a single|over any|a)? ?(?:steps?|anything|details?|parts?)"
    r"|show your work|show (?:all |every |each )?(?:of )?"
    r"(?:your |the )?(?:work|reasoning|steps|thinking|thought process|calculations|derivation)"
)
_VERBS = (r"show|explain|write out|writes out|lay out|spell out|detail|describe|narrate|walk (?:me |us )?through"
          r"|(?:talk|take|run|lead|go) (?:me |us )?through|(?:let|help) me (?:see|watch|follow)|break apart|untangle|unpack|unravel|map out|chart|reconstruct"
          r"|outline|present|provide|include|document|articulate|elaborate on|break down|trace|justify|expose|reveal"
          r"|verbalize|verbalise|record|log|teach")
_OBJECTS = (r"reasoning|rationale|thought process|thoughts|thinking|derivations?|deductions?|inferences?|logic"
            r"|working|steps|calculations|intermediate (?:steps|results|calculations)|justifications?"
            r"|chain of thought|scratch ?work|inner monologue|train of thought|solution path|proof steps"
            r"|(?:each|every) (?:move|line|step|transition)|how you(?:'d| would)? (?:crack|approach|tackle|attack|solve)"
            r"|deliberations?|everything you considered|sanity checks|how you (?:arrived|reached)")
# Words that start a reasoning object, so that the verb-object pattern runs on them ("narrate how you would
# attack this"): without "attack" and "approach" that ask went unflagged when "how" stopped being a trigger.
# (Adjectives such as "raw" or "uncut" need no trigger: the reasoning object they qualify is one.)
_OBJECT_TRIGGERS = ("move moves transition crack tackle attack approach deliberation deliberations considered sanity "
                    "trail abandoned discarded attempts krokem pas")
# Socratic asks for the route rather than the result ("how would you even start this, and then what?").
# And asks to watch the route being taken ("let me see your thinking", "work it out where I can follow along").
_COT_SOCRATIC = (r"how (?:would|do|did|should|could) (?:you|one|i) (?:even )?(?:start|begin|approach|attack|tackle"
                 r"|crack)|where does (?:that|this|it) lead|what you(?:'d| would) try first"
                 r"|why each (?:line|step|move) follows|follow along"
                 r"|(?:let|help) me (?:watch|follow)(?:\W+\w+){0,3}?\W+(?:think|thinking|reason|reasoning|work"
                 r"|working|logic|thought)")
_COT_VERB_OBJECT = rf"\b(?:{_VERBS})\b(?:\W+\w+){{0,5}}?\W+(?:{_OBJECTS})\b"
_COT_FOREIGN_ASCII = (
    r"paso a paso|passo a passo|passo dopo passo|stap voor stap|krok po kroku|langkah demi langkah|adim adim"
    r"|razonamiento|raisonnement|ragionamento|raciocinio|redenering|tu trabajo|seu raciocinio"
    r"|cada paso|cada passo|chaque etape|jeden schritt|ogni passaggio|elke stap|kazdy krok"
    r"|rechenweg|gedankengang|loesungsweg|begruendung|steg for steg|resonemang|pas cu pas|fiecare pas|krok za krokem"
)
# Only scanned when the prompt is not pure ASCII (str.isascii is O(1)): accents, Cyrillic, CJK, ...
_COT_FOREIGN = (
    r"paso a paso|razonamiento|explica cada paso|muestra (?:tu|todo tu|el) (?:trabajo|razonamiento|proceso)"
    r"|raciocínio|passo a passo|explique cada passo|mostre (?:seu|o) (?:raciocínio|trabalho)"
    r"|étape par étape|raisonnement|explique[rz]? chaque étape|montre[rz]? (?:ton|votre) (?:raisonnement|travail)"
    r"|schritt für schritt|begründung|gedankengang|lösungsweg|rechenweg|jeden schritt|zwischenschritt"
    r"|passo dopo passo|ragionamento|ogni passaggio|adım adım|düşünce süreci"
    r"|шаг за шагом|пошагово|рассужден|каждый шаг|ход решения|ход мысл"
    r"|逐步|一步一步|一步步|推理过程|思考过程|解题过程|详细步骤|每一步|思维链|分步|推導過程|思考過程を|推論過程|段階的に|順を追って"
    r"|ステップバイステップ|一歩ずつ|단계별로|차근차근|추론 과정|풀이 과정|단계적으로|사고 과정"
    r"|từng bước|suy luận|خطوة بخطوة|चरण दर चरण|steg för steg|resonemang|visa hur du"
    r"|крок за кроком|покроково|міркуван|розпиши|хід розв|βήμα προς βήμα|συλλογισμ|σκέψη σου|εξήγησε κάθε"
    r"|चरणबद्ध|तर्क|هر مرحله|اشرح (?:كل|خطوات)|تفكيرك|استدلال"
    # Czech, Finnish, Hungarian, Romanian, Hebrew, Thai: thought process, derivation, each step, dead ends
    r"|myšlenkov|odvozen|každý krok|krok za krokem|slepé uličk|slepých uliček|postup řešení|jak jsi (?:na|k) "
    r"|ajatteluprosess|päättelyketj|välivaihe|vaihe vaiheelta|umpikuj|miten päädyit"
    r"|gondolatmenet|levezetés|minden lépés|lépésről lépésre|zsákutc|hogyan jutottál"
    r"|raționament|rationament|fiecare pas|pas cu pas|derivarea|încercările eșuate|cum ai ajuns"
    r"|תהליך החשיבה|כל שלב|שלב אחר שלב|שלב אחרי שלב|ניסיונות שנכשלו|הפיתוח המלא|איך הגעת"
    r"|กระบวนการคิด|ทีละขั้นตอน|แต่ละขั้นตอน|วิธีทำ|ข้ามขั้นตอน"
)
_COT = rf"{_COT_IDIOMS}|{_COT_VERB_OBJECT}|{_COT_FOREIGN_ASCII}"
_EXPLAIN = (
    r"explain (?:every|each|all)(?: of the)? (?:intermediate |single |individual )?(?:step|calculation|stage|reasoning|move"
    r"|decision|transformation|line)|(?:every|each|all) intermediate (?:step|result|calculation|line|reasoning|working)"
    r"|justify (?:every|each|all|your) (?:step|claim|move|decision)s?|before (?:giving|stating|writing|you give|answering)"
    r"(?: (?:the|your))?(?: final)? ?(?:answer|result|conclusion)?|why each step"
)
_RUBRIC = (
    r"\brubric\b|grad(?:e|ing) (?:the|this) (?:following |above )?(?:response|answer|solution|essay|output)"
    r"|scor(?:e|ing) (?:the|this) (?:response|answer|solution|output)|on a scale (?:of|from) \d+ to \d+"
    r"|evaluate the (?:correctness|quality) of (?:the|this)|grading criteria|rate (?:the|this) (?:response|answer"
    r"|solution)|critique (?:the|this) (?:response|answer|solution)|(?:score|rate) (?:it )?(?:from|out of) \d+"
)
_TRACE = (r"<(?:think(?:ing)?|thoughts?|reason(?:ing)?|rationale|deliberation|analysis|working|scratch(?:pad)?|steps"
          r"|trace|cot|derivation|monologue|reflection)>"
          r"|\breasoning:\s|\bthought process:|scratchpad"
          r"|(?:wrap|put|enclose) (?:your |the )?(?:reasoning|thinking|thoughts) (?:in|inside|between)")

# Cheap prefilters: a pattern only runs when one of its trigger words is in the prompt's token set,
# so the common prompt (no elicitation) costs a few set lookups instead of regex scans.
_COT_TRIGGERS = frozenset((
    "step steps chain think thinking reason reasoning show walk full detailed complete entire whole explicit thorough "
    "line skip skips skipping skipped nothing deduction deductions derivation derivations rationale logic thought thoughts "
    "working calculations justification justifications inference inferences scratch scratchwork monologue proof "
    "paso passo stap krok langkah adim razonamiento raisonnement ragionamento raciocinio redenering trabajo "
    "etape schritt passaggio rechenweg gedankengang loesungsweg begruendung steg resonemang "
    + _OBJECT_TRIGGERS).split()
)
# The Socratic asks run a small pattern of their own, so that common words ("how", "first") do not
# send every prompt through the large one.
_SOCRATIC_TRIGGERS = frozenset("start begin approach attack tackle crack lead first follows along watch follow".split())
_EXPLAIN_TRIGGERS = frozenset("explain intermediate justify before why".split())
_RUBRIC_TRIGGERS = frozenset("rubric grade grading score scoring scale evaluate criteria rate critique".split())
_TRACE_TRIGGERS = frozenset("reasoning thought thinking thoughts scratchpad reason".split())  # or any "<" (tags)
# Any trigger at all: most prompts have none (~80 % of a blind set's), and a C-level pass over their token list
# spares them building the token set and the five gates.
_ANY_TRIGGER = _COT_TRIGGERS | _SOCRATIC_TRIGGERS | _EXPLAIN_TRIGGERS | _RUBRIC_TRIGGERS | _TRACE_TRIGGERS

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


# Round 27: an answer that opens by declining the request. The ways assistants decline in English: a first person
# (or "sorry, but") with a negated ability or will and a verb of helping or producing, or an explicit decline. The
# answer's opening only (ANSWER_HEAD): a refusal comes first; a long answer quoting one later is no refusal.
_REFUSAL = (
    r"\b(?:i|we)(?:'m| am|'re| are)? (?:(?:really |truly )?(?:sorry,? (?:but )?)?(?:i |we )?)?"
    r"(?:can(?:'t|not| not)|won't|will not|(?:am |'m |are |'re )?(?:not able|unable) to|must decline|have to decline"
    r"|(?:am |'m )?not going to|shouldn't|should not)"
    r" (?:help|assist|provide|give|write|create|generate|produce|share|do that|do this|comply|support|go along"
    r"|walk you|explain how|describe how|offer|make|draft)"
    r"|\b(?:i|we) (?:must|have to|need to) (?:decline|refuse)|\bi'm declining\b|\bnot something i can help"
)
ANSWER_HEAD = 400  # characters of an answer searched for a refusal
# Every match of _REFUSAL holds one of these: C-level substring tests first (~1 us) spare most answers the regex,
# whose alternation is tried at every word (~6 us on a 400-character head).
_REFUSAL_CUES = ("can't", "cannot", "can not", "won't", "will not", "not able", "unable", "declin", "not going",
                 "shouldn't", "should not", "refus", "not something")


@dataclass(frozen=True, slots=True)
class CompiledPatterns:
    """All regexes and keyword tables, built once; `FeatureExtractor` holds one instance."""

    cot: re.Pattern[str]
    socratic: re.Pattern[str]
    explain: re.Pattern[str]
    rubric: re.Pattern[str]
    trace: re.Pattern[str]
    foreign: re.Pattern[str]
    refusal: re.Pattern[str]
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
            socratic=re.compile(_COT_SOCRATIC),
            explain=re.compile(_EXPLAIN),
            rubric=re.compile(_RUBRIC),
            trace=re.compile(_TRACE),
            foreign=re.compile(_COT_FOREIGN),
            refusal=re.compile(_REFUSAL),
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

    def reasoning_flags(self, lowered: str, tokens: list[str]) -> int:
        """The elicitation flags of a lower-cased prompt and its `tokens`."""
        if _ANY_TRIGGER.isdisjoint(tokens):  # no gate below opens: only the checks that need no trigger
            flags = COT if not lowered.isascii() and self.foreign.search(lowered) else 0
            return flags | TRACE_TAGS if "<" in lowered and self.trace.search(lowered) else flags
        token_set = set(tokens)
        flags = 0
        if not token_set.isdisjoint(_COT_TRIGGERS) and self.cot.search(lowered):
            flags |= COT
        elif not token_set.isdisjoint(_SOCRATIC_TRIGGERS) and self.socratic.search(lowered):
            flags |= COT
        elif not lowered.isascii() and self.foreign.search(lowered):
            flags |= COT
        if not token_set.isdisjoint(_EXPLAIN_TRIGGERS) and self.explain.search(lowered):
            flags |= EXPLAIN
        if not token_set.isdisjoint(_RUBRIC_TRIGGERS) and self.rubric.search(lowered):
            flags |= RUBRIC
        if ("<" in lowered or not token_set.isdisjoint(_TRACE_TRIGGERS)) and self.trace.search(lowered):
            flags |= TRACE_TAGS
        return flags

    def refused(self, answer: str) -> bool:
        """The answer opens by declining the request (round 27). Curly apostrophes read as straight ones."""
        head = answer[:ANSWER_HEAD].lower()
        if "\u2019" in head:
            head = head.replace("\u2019", "'")
        return any(cue in head for cue in _REFUSAL_CUES) and self.refusal.search(head) is not None

    def category(self, tokens: list[str], lowered: str, has_tools: bool) -> int:
        if has_tools:
            return 3
        counts = [0] * len(CATEGORIES)
        cat = self.category_of
        # filter() with the dict's own __contains__ walks the tokens in C; only keywords reach Python.
        for t in filter(cat.__contains__, tokens):
            counts[cat[t]] += 1
        # Math and code are often written in symbols rather than words.
        if "```" in lowered or "def " in lowered or "();" in lowered:
            counts[2] += 2
        counts[1] += min(3, tokens.count("#") // 2) if ("=" in lowered or "+" in lowered or "^" in lowered) else 0
        best = max(range(len(counts)), key=counts.__getitem__)
        return best if counts[best] > 0 else 0
