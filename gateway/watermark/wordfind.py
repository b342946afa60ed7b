"""Finds where the table's words stand in a long text, with the scanner's word pattern's exact results.

Searching the word pattern (a trie of ~3,000 words) from each position tries the trie after every
whitespace character: ~300 tries for a 300-word answer, most of the time spent marking it. A text uses
few of the table's words, so this finds them with C operations first: the text's UTF-8 bytes are cut
into tokens at every ASCII character that may stand before or after an eligible word and at every
non-ASCII byte (one 256-byte translation: far cheaper than translating the str, which leaves its fast
path at the first non-ASCII character), the tokens are intersected with the first tokens of the table's
entries, and only those tokens' occurrences are tried, each with the same anchored pattern. The table's
words are ASCII, so every position where the pattern matches starts one of those tokens (cutting at
more places only adds candidates): the positions found are exactly the pattern's (tests compare both).

The same search is compiled (``_wordfind.c``, built by ``pip install``): ``make_finder`` returns that one
when the build had a C compiler, ~3.5x faster on a 300-word answer, and this class otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

try:
    from gateway.watermark._wordfind import CONTEXT as COMPILED_CONTEXT
    from gateway.watermark._wordfind import Finder as CompiledFinder
    from gateway.watermark._wordfind import find_any
except ImportError:  # installed without a C compiler: WordFinder gives the same positions
    CompiledFinder = find_any = COMPILED_CONTEXT = None


class Finder(Protocol):
    def positions(self, text: str, pos: int = 0) -> list[tuple[int, int]]: ...


def make_finder(words: Iterable[str], match: re.Pattern[str], separators: str, before: str,
                after: str, compiled: bool | None = None, marking: tuple = ()) -> Finder:
    """The compiled search when it is built (or ``compiled`` is true), else the Python one (same
    arguments as WordFinder). ``marking``: (info, sets, capitals, mixed) for the compiled finder's
    ``mark`` (scanner._marking)."""
    if compiled is None:
        compiled = CompiledFinder is not None
    if compiled:
        if CompiledFinder is None:
            raise RuntimeError("gateway.watermark._wordfind is not built: reinstall with a C compiler "
                               "(pip install -e . on a machine with gcc and the Python headers)")
        return CompiledFinder(words, before, after, *marking)
    return WordFinder(words, match, separators, before, after)


class WordFinder:
    """Built once per scanner. ``words``: every form the pattern matches (lower-case and Capitalised),
    ASCII; ``match``: the anchored word pattern (its look-behind sees the text before the position);
    ``separators``: the non-whitespace characters allowed before or after a word; ``before``: those
    allowed before it."""

    __slots__ = ("_cut", "_firsts", "_match", "_before", "_after", "_whole")

    def __init__(self, words: Iterable[str], match: re.Pattern[str], separators: str, before: str,
                 after: str) -> None:
        # every byte that is not part of an ASCII word character run the table could use becomes a space:
        # ASCII separators, control characters (str.isspace is true for \x1c-\x1f) and all non-ASCII bytes
        cut = bytearray(range(256))
        for b in [*separators.encode(), *range(0x00, 0x20), *range(0x80, 0x100)]:
            cut[b] = 0x20
        self._cut = bytes(cut)
        firsts: dict[bytes, str] = {}
        # Tokens that are a whole entry and start no longer one ("big", not "do" of "do not" or "per" of
        # "per cent"): their match is the token itself when the character after it may end a word, which
        # is checked here without running the pattern. The others are matched by the pattern.
        whole: set[bytes] = set()
        heads: set[bytes] = set()
        for w in words:
            if not w.isascii():
                raise ValueError(f"table entry {w!r} is not ASCII")
            tokens = w.encode().translate(self._cut).split()
            if not tokens or not w.startswith(tokens[0].decode()):
                raise ValueError(f"table entry {w!r} does not start with a word character")
            firsts[tokens[0]] = tokens[0].decode()
            (whole if len(w) == len(tokens[0]) else heads).add(tokens[0])
        self._firsts = firsts
        self._match = match.match
        self._before = frozenset(before)
        self._after = frozenset(after)
        self._whole = frozenset(whole - heads)

    def positions(self, text: str, pos: int = 0) -> list[tuple[int, int]]:
        """(start, end) of every match of the word pattern starting at or after ``pos``, in order."""
        firsts = self._firsts
        tokens = firsts.keys() & text[pos:].encode(errors="surrogatepass").translate(self._cut).split()
        if not tokens:
            return []
        found: dict[int, int] = {}  # start -> end; two tokens (e.g. "do", "does") can hit one start
        find = text.find
        match = self._match
        before, after = self._before, self._after
        whole = self._whole
        n = len(text)
        for token in tokens:
            t = firsts[token]
            i = find(t, pos)
            if token in whole:
                k = len(t)
                while i >= 0:
                    if i == 0 or (c := text[i - 1]).isspace() or c in before:
                        e = i + k
                        # the pattern's look-ahead: whitespace or closing punctuation or the end, but not
                        # a dot that glues on a word character ("e.g", "file.txt")
                        if e == n or ((c := text[e]).isspace() or c in after) and not (
                                c == "." and e + 1 < n and (text[e + 1].isalnum() or text[e + 1] == "_")):
                            found[i] = e
                    i = find(t, i + 1)
                continue
            while i >= 0:
                if i == 0 or (c := text[i - 1]).isspace() or c in before:
                    m = match(text, i)
                    if m is not None:
                        found[i] = m.end()
                i = find(t, i + 1)
        return sorted(found.items())
