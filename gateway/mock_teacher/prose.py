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


Template = list[tuple[str, str | None]]
_CONSISTENT_SLOTS = frozenset({"n", "m", "b", "a", "N2"})


def _compile(template: str) -> Template:
    return [(literal, field) for literal, field, _, _ in string.Formatter().parse(template)]


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


class ProseGenerator:
    """Builds replies; keeps an LRU of recent ones since benchmarks repeat the same prompts."""

    def __init__(self, cache_size: int = 1024) -> None:
        self._sentences = [_compile(t) for t in vocab.SENTENCES]
        self._bullets = [_compile(t) for t in vocab.BULLETS]
        self._headings = [_compile(t) for t in vocab.HEADINGS]
        self._code = [_compile(t) for t in vocab.CODE_BLOCKS]
        identifiers = tuple(n for n in vocab.NOUNS if n.isidentifier())
        self._slots: dict[str, Sequence[str]] = {
            "N": vocab.NOUNS, "P": vocab.PLURALS, "A": vocab.ADJECTIVES, "V": vocab.VERBS,
            "B": vocab.BASE_VERBS, "D": vocab.ADVERBS, "C": vocab.CONNECTORS,
            "n": identifiers, "m": identifiers, "b": vocab.BASE_VERBS[:40], "a": vocab.ADJECTIVES,
            "N2": tuple(n.capitalize() for n in identifiers),
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
        return self._fill(rng.choice(self._sentences), rng, topics)

    def words(self, rng: random.Random, count: int) -> str:
        return " ".join(rng.choice(vocab.NOUNS) if i % 2 else rng.choice(vocab.ADJECTIVES) for i in range(count))

    def _fill(self, template: Template, rng: random.Random, topics: tuple[str, ...]) -> str:
        out: list[str] = []
        slots = self._slots
        same: dict[str, str] = {}  # code identifiers repeat within one block
        for literal, field in template:
            if field is None:
                out.append(literal)
                continue
            if field == "T":
                value = rng.choice(topics) if topics else rng.choice(vocab.NOUNS)
            elif field in _CONSISTENT_SLOTS:
                value = same.get(field) or same.setdefault(field, rng.choice(slots[field]))
            else:
                value = rng.choice(slots[field])
            if value[0] in "aeio" and (literal.endswith(" a ") or literal in ("a ", "A ")):
                literal = literal[:-1] + "n "
            out.append(literal)
            out.append(value)
        return _capitalize("".join(out))

    def _block(self, rng: random.Random, topics: tuple[str, ...], first: bool) -> tuple[str, list[str], str]:
        """One block: (kind, units, joiner between units). A unit is where a reply may end."""
        roll = 0.0 if first else rng.random()
        if roll < 0.5:
            return "text", [self.sentence(rng, topics) for _ in range(rng.randint(2, 5))], " "
        if roll < 0.75:
            items = [self._fill(rng.choice(self._bullets), rng, topics) for _ in range(rng.randint(3, 5))]
            return "text", ["- " + item for item in items], "\n"
        if roll < 0.9:
            return "code", [self._fill(rng.choice(self._code), rng, topics)], ""
        # a heading travels with its first sentence, so no reply ends on a bare heading
        heading = self._fill(rng.choice(self._headings), rng, topics) + "\n\n" + self.sentence(rng, topics)
        return "text", [heading] + [self.sentence(rng, topics) for _ in range(rng.randint(1, 3))], " "

    def _compose(self, rng: random.Random, target: int, topics: tuple[str, ...]) -> Prose:
        pieces: list[str] = []
        used = 0
        natural_floor = 0.75 * target  # stopping at a sentence end this late reads as a natural ending
        while True:
            kind, units, joiner = self._block(rng, topics, first=not pieces)
            for i, unit in enumerate(units):
                n = count_tokens(unit)
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
