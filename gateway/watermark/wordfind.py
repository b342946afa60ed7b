"""Finds where the table's words stand in a long text, with the scanner's word pattern's exact results.

Searching the word pattern (a trie of ~3,000 words) from each position tries the trie after every
whitespace character: ~300 tries, about 60 % of the time spent marking a 300-word answer. A text
uses few of the table's words, so this finds them with C string operations first: the text is cut
into tokens at every character that may stand before or after an eligible word, the tokens are
intersected with the first tokens of the table's entries, and only those tokens' occurrences are
tried, each with the same anchored pattern. Every position where the pattern matches starts one
of those tokens, so the positions found are exactly the pattern's (tests compare both on random
texts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


class WordFinder:
    """Built once per scanner. ``words``: every form the pattern matches (lower-case and Capitalised);
    ``match``: the anchored word pattern (its look-behind sees the text before the position);
    ``separators``: the non-whitespace characters allowed before or after a word."""

    __slots__ = ("_cut", "_firsts", "_match", "_before")

    def __init__(self, words: Iterable[str], match: re.Pattern[str], separators: str, before: str) -> None:
        self._cut = str.maketrans(dict.fromkeys(separators, " "))
        firsts = set()
        for w in words:
            tokens = w.translate(self._cut).split()
            if not tokens or not w.startswith(tokens[0]):
                raise ValueError(f"table entry {w!r} does not start with a word character")
            firsts.add(tokens[0])
        self._firsts = frozenset(firsts)
        self._match = match.match
        self._before = frozenset(before)

    def positions(self, text: str, pos: int = 0) -> list[tuple[int, int]]:
        """(start, end) of every match of the word pattern starting at or after ``pos``, in order."""
        tokens = self._firsts.intersection(text[pos:].translate(self._cut).split())
        if not tokens:
            return []
        found: dict[int, int] = {}  # start -> end; two tokens (e.g. "do", "does") can hit one start
        find = text.find
        match = self._match
        before = self._before
        for token in tokens:
            i = find(token, pos)
            while i >= 0:
                if i == 0 or (c := text[i - 1]).isspace() or c in before:
                    m = match(text, i)
                    if m is not None:
                        found[i] = m.end()
                i = find(token, i + 1)
        return sorted(found.items())
