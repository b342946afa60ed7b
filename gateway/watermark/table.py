"""The curated table of interchangeable words, loaded from package data.

Each line of ``data/equivalents.tsv`` is one *alternative set*: words that can replace each other
in any sentence where they occur as written. The watermark picks one member per set with a keyed
pseudo-random function; detection checks which member a text uses.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources

# Words that take "an" although they start with a consonant letter (silent h), and words that take
# "a" although they start with a vowel letter (a /j/ or /w/ sound).
_AN_EXCEPTIONS = ("honest", "honor", "honour", "hour", "heir")
_A_EXCEPTIONS = ("uni", "use", "usu", "uti", "eu", "one", "once", "ubiq")
# a member: one word, optionally with an apostrophe suffix ("don't"), or two such words joined by one
# space ("do not"); phrases need the streaming marker to hold back their first word
_MEMBER = re.compile(r"^[a-z]+(?:'[a-z]+)?(?: [a-z]+(?:'[a-z]+)?)?$")
TABLE_FILES = ("data/equivalents.tsv", "data/generated.tsv")


def takes_an(word: str) -> bool:
    """True when the indefinite article before ``word`` is "an"."""
    w = word.lower()
    if w.startswith(_AN_EXCEPTIONS):
        return True
    if w.startswith(_A_EXCEPTIONS):
        return False
    return w[:1] in "aeiou"


@dataclass(frozen=True)
class EquivalenceTable:
    """Alternative sets and the lookup structures built once from them."""

    sets: tuple[tuple[str, ...], ...]
    index: dict[str, tuple[int, int]]  # lower-case word -> (set id, member id)
    article_mixed: tuple[bool, ...]  # set mixes "a"- and "an"-words: skip it right after an article
    sizes: tuple[int, ...]
    digest: bytes  # identifies the table; part of every key derivation
    phrase_heads: frozenset[str]  # lower-case first words of two-word members ("do" of "do not")
    # 16 bytes per set naming it by its members: the keyed choices are a PRF of these, so adding a set to
    # the table (a new release) leaves every other set's choice, and the marks already served, as they were
    set_ids: bytes = b""
    blocks: dict[bytes, bytes] = field(default_factory=dict, compare=False, repr=False)  # keys.py's per-label cache


def parse_table(text: str, exclude_words: frozenset[str] = frozenset()) -> EquivalenceTable:
    """Parse TSV text. A set with an excluded word stays in the table but leaves the index: the marker never
    finds, rewrites or writes any of its members, while set ids, sizes and the digest stay those of the whole
    table, so every account's choices for the other sets (and so detection with the shipped table) are the
    same with or without exclusions. (Dropping the word, as before 2026-11-29, renumbered the sets and
    changed the digest: one excluded word made that policy's outputs undetectable.)"""
    sets: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        members = tuple(w.strip().lower() for w in line.split("\t") if w.strip())
        for w in members:
            if not _MEMBER.match(w):
                raise ValueError(f"equivalents line {lineno}: {w!r} is not a plain ASCII word or two-word phrase")
            if w in seen:
                raise ValueError(f"equivalents line {lineno}: {w!r} already belongs to another set")
            if w in ("a", "an"):
                raise ValueError(f"equivalents line {lineno}: articles cannot be in a set")
            seen.add(w)
        if len(members) >= 2:
            sets.append(members)
    excluded = {w.lower() for w in exclude_words}
    index = {w: (sid, vid) for sid, members in enumerate(sets) if excluded.isdisjoint(members)
             for vid, w in enumerate(members)}
    mixed = tuple(len({takes_an(w) for w in members}) > 1 for members in sets)
    digest = hashlib.sha256("\n".join("\t".join(m) for m in sets).encode()).digest()[:16]
    heads = frozenset(w.split(" ")[0] for w in index if " " in w)
    set_ids = b"".join(hashlib.sha256(b"covenant/wm/set\0" + "\t".join(m).encode()).digest()[:16] for m in sets)
    return EquivalenceTable(tuple(sets), index, mixed, tuple(len(m) for m in sets), digest, heads, set_ids)


def load_table(exclude_words: frozenset[str] = frozenset()) -> EquivalenceTable:
    """The shipped table (package data, no network): the hand-curated sets, then the generated
    spelling pairs (``benchmarks/watermark/build_table.py``)."""
    root = resources.files("gateway.watermark")
    text = "\n".join(root.joinpath(name).read_text("utf-8") for name in TABLE_FILES)
    return parse_table(text, exclude_words)


def trie_regex(words: list[str]) -> str:
    """A trie-shaped regex alternation (shared prefixes factored out: no scan over 800 branches)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [ch + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)
