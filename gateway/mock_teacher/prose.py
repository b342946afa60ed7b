"""Deterministic English prose: paragraphs, bullet lists, headings and fenced code, sized in tokens.

A token is a word or a punctuation mark (`count_tokens`), close enough to a BPE token for usage
accounting in tests. Replies are drawn from `vocabulary` with a `random.Random` seeded from a hash
of (prompt, model, seed, ...), so the same request always yields the same text.
"""

import hashlib
import random
import re
import string
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from gateway.mock_teacher import vocabulary as vocab

TOKEN_PATTERN = re.compile(r"\w+|[^\w\s]")
_WORD_WITH_SPACE = re.compile(r"\S+\s*")
_TOPIC_CANDIDATE = re.compile(r"[A-Za-z]{5,14}")
_TOPIC_SCAN_CHARS = 4000  # topics come from the start of the prompt; long prompts cost no more


def count_tokens(text: str) -> int:
    return len(TOKEN_PATTERN.findall(text))


def truncate_tokens(text: str, limit: int) -> str:
    """The prefix of `text` holding its first `limit` tokens."""
    if limit <= 0:
        return ""
    end = 0
    for i, match in enumerate(TOKEN_PATTERN.finditer(text)):
        if i == limit:
            break
        end = match.end()
    return text[:end]


def split_deltas(text: str, words_per_delta: int) -> list[str]:
    """Cut `text` into stream deltas of a few words each; their concatenation is `text`."""
    words = _WORD_WITH_SPACE.findall(text)
    lead = text[: len(text) - len(text.lstrip())]
    deltas = ["".join(words[i : i + words_per_delta]) for i in range(0, len(words), words_per_delta)]
    if lead:
        if deltas:
            deltas[0] = lead + deltas[0]
        else:
            deltas = [lead]
    return deltas


def paced_pieces(text: str, words_per_delta: int, tokens: int) -> tuple[list[str], float]:
    """Stream deltas of `text` and the tokens each carries (spread evenly: no per-delta count)."""
    pieces = split_deltas(text, words_per_delta)
    return pieces, max(1, tokens) / max(1, len(pieces))


def reply_key(*parts: object) -> bytes:
    """Hash of everything a reply depends on (prompt text, model, seed, length, choice index...)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(str(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.digest()


def rng_for(key: bytes) -> random.Random:
    return random.Random(int.from_bytes(key[:8], "little"))


def prompt_topics(prompt: str, limit: int = 6) -> tuple[str, ...]:
    """A few distinctive words of the prompt, so replies visibly follow what was asked."""
    seen: dict[str, None] = {}
    for word in _TOPIC_CANDIDATE.findall(prompt[:_TOPIC_SCAN_CHARS]):
        lower = word.lower()
        if lower not in vocab.STOPWORDS:
            seen.setdefault(lower, None)
            if len(seen) >= limit:
                break
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class Prose:
    text: str
    tokens: int
    truncated: bool  # cut at the token limit (finish_reason "length" / stop_reason "max_tokens")


# A compiled template: (literal, tokens in literal, slot or None) parts, and whether the parts' token
# counts add up (False when a literal touches a slot with a word character, as in `{B}_{N}()`).
Template = tuple[list[tuple[str, int, str | None]], bool]
_CONSISTENT_SLOTS = frozenset({"n", "m", "b", "a", "N2"})


def _compile(template: str) -> Template:
    parts = [(literal, count_tokens(literal), field) for literal, field, _, _ in string.Formatter().parse(template)]
    additive = True
    for i, (literal, _, field) in enumerate(parts):
        touches_previous_slot = i > 0 and parts[i - 1][2] is not None
        if literal and ((touches_previous_slot and (literal[0].isalnum() or literal[0] == "_"))
                        or (field is not None and (literal[-1].isalnum() or literal[-1] == "_"))):
            additive = False
    return parts, additive


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def _weighted(words: Sequence[str]) -> tuple[tuple[str, int], ...]:
    return tuple((w, count_tokens(w)) for w in words)


class ProseGenerator:
    """Builds replies; keeps an LRU of recent ones since benchmarks repeat the same prompts."""

    def __init__(self, cache_size: int = 1024) -> None:
        self._sentences = [_compile(t) for t in vocab.SENTENCES]
        self._bullets = [_compile(t) for t in vocab.BULLETS]
        self._headings = [_compile(t) for t in vocab.HEADINGS]
        self._code = [_compile(t) for t in vocab.CODE_BLOCKS]
        identifiers = tuple(n for n in vocab.NOUNS if n.isidentifier())
        self._nouns = _weighted(vocab.NOUNS)
        self._slots: dict[str, tuple[tuple[str, int], ...]] = {
            "N": self._nouns, "P": _weighted(vocab.PLURALS), "A": _weighted(vocab.ADJECTIVES),
            "V": _weighted(vocab.VERBS), "B": _weighted(vocab.BASE_VERBS), "D": _weighted(vocab.ADVERBS),
            "C": _weighted(vocab.CONNECTORS), "n": _weighted(identifiers), "m": _weighted(identifiers),
            "b": _weighted(vocab.BASE_VERBS), "a": _weighted(vocab.ADJECTIVES),
            "N2": _weighted(tuple(n.capitalize() for n in identifiers)),
        }
        self._cache: OrderedDict[tuple[bytes, int], Prose] = OrderedDict()
        self._cache_size = cache_size

    def reply(self, key: bytes, max_tokens: int, topics: tuple[str, ...] = ()) -> Prose:
        cache_key = (key, max_tokens)
        cached = self._cache.get(cache_key)
        if cached is not None:
            self._cache.move_to_end(cache_key)
            return cached
        prose = self._compose(rng_for(key), max(1, max_tokens), topics)
        if self._cache_size:
            self._cache[cache_key] = prose
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return prose

    def sentence(self, rng: random.Random, topics: tuple[str, ...] = ()) -> str:
        return self._fill(rng.choice(self._sentences), rng, topics)[0]

    def words(self, rng: random.Random, count: int) -> str:
        return " ".join(rng.choice(vocab.NOUNS) if i % 2 else rng.choice(vocab.ADJECTIVES) for i in range(count))

    def _fill(self, template: Template, rng: random.Random, topics: tuple[str, ...]) -> tuple[str, int]:
        """The filled template and its token count."""
        parts, additive = template
        out: list[str] = []
        tokens = 0
        slots = self._slots
        draw = rng.random  # indexing by random() is ~2x faster than rng.choice on this hot loop
        same: dict[str, tuple[str, int]] = {}  # code identifiers repeat within one block
        for literal, literal_tokens, field in parts:
            tokens += literal_tokens
            if field is None:
                out.append(literal)
                continue
            if field == "T":
                pick = (topics[int(draw() * len(topics))], 1) if topics else self._nouns[int(draw() * len(self._nouns))]
            elif field in _CONSISTENT_SLOTS:
                pick = same.get(field) or same.setdefault(field, slots[field][int(draw() * len(slots[field]))])
            else:
                options = slots[field]
                pick = options[int(draw() * len(options))]
            value = pick[0]
            if value[0] in "aeio" and (literal.endswith(" a ") or literal in ("a ", "A ")):
                literal = literal[:-1] + "n "
            out.append(literal)
            out.append(value)
            tokens += pick[1]
        text = _capitalize("".join(out))
        return text, tokens if additive else count_tokens(text)

    def _block(self, rng: random.Random, topics: tuple[str, ...],
               first: bool) -> tuple[str, list[tuple[str, int]], str]:
        """One block: (kind, units with their tokens, joiner between units). A unit is where a reply may end."""
        roll = 0.0 if first else rng.random()
        if roll < 0.5:
            return "text", [self._fill(rng.choice(self._sentences), rng, topics) for _ in range(rng.randint(2, 5))], " "
        if roll < 0.75:
            items = [self._fill(rng.choice(self._bullets), rng, topics) for _ in range(rng.randint(3, 5))]
            return "text", [("- " + text, n + 1) for text, n in items], "\n"
        if roll < 0.9:
            return "code", [self._fill(rng.choice(self._code), rng, topics)], ""
        # a heading travels with its first sentence, so no reply ends on a bare heading
        heading, heading_tokens = self._fill(rng.choice(self._headings), rng, topics)
        first_text, first_tokens = self._fill(rng.choice(self._sentences), rng, topics)
        rest = [self._fill(rng.choice(self._sentences), rng, topics) for _ in range(rng.randint(1, 3))]
        return "text", [(heading + "\n\n" + first_text, heading_tokens + first_tokens), *rest], " "

    def _compose(self, rng: random.Random, target: int, topics: tuple[str, ...]) -> Prose:
        pieces: list[str] = []
        used = 0
        natural_floor = 0.75 * target  # stopping at a sentence end this late reads as a natural ending
        while True:
            kind, units, joiner = self._block(rng, topics, first=not pieces)
            for i, (unit, n) in enumerate(units):
                separator = joiner if i else "\n\n" if pieces else ""
                if used + n > target:
                    if used >= natural_floor:
                        return Prose("".join(pieces), used, False)
                    if kind != "text":
                        break  # a code block that does not fit: write prose instead
                    pieces.append(separator + truncate_tokens(unit, target - used))
                    return Prose("".join(pieces), target, True)
                pieces.append(separator + unit)
                used += n
                if used == target:
                    return Prose("".join(pieces), used, False)
