"""Finds the prose positions that the watermark may use, skipping every protected span.

One state machine serves marking and detection. It runs over *segments*: the streaming marker cuts
its input only at the start of a whitespace run that follows a complete word, so every construct
the regexes match (a word, a URL, a fence marker, a blank line) lies inside one segment, and the
state (fence, inline code, quote, JSON depth, indented code line) carries over between segments.
Regexes look back at most 64 characters (kept as context) and look ahead only at non-space
characters of the same run; together this makes the output independent of the chunking.

Protected (never changed): fenced code (``` / ~~~), inline code, indented code lines, text in
double or single quotes, JSON-looking spans ({...} and [...], strings inside them), URLs, e-mail
addresses, numbers (never words), words glued to hyphens, slashes, dots, apostrophes or "(",
ALL-CAPS and mid-sentence Capitalised words (names), and policy exclusion patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from gateway.watermark.table import EquivalenceTable, trie_regex

CONTEXT = 64  # characters of already-processed text kept for look-behind decisions

PROSE, FENCE, INDENT, INLINE, DQUOTE, SQUOTE, JSON, JSON_STR = range(8)

_BLANK = r"(?P<blank>\n[^\S\n]*\n)"
_ARTICLE = re.compile(r"(?:^|[^\w])(?:a|an)\Z", re.IGNORECASE)

# Called for each eligible word: (match start, word, set id, member id, sentence_start) -> replacement
# or None to keep the word.
OnWord = Callable[[int, str, int, int, bool], str | None]


class Scanner:
    """Compiled once per (table, exclusion patterns); holds no per-text state.

    Prose is scanned with a few separate regexes whose next matches are merged by position: one
    big alternation is 3-4x slower in CPython's engine, which tries every branch at every offset.
    """

    def __init__(self, table: EquivalenceTable, exclude_patterns: Sequence[str] = ()) -> None:
        self.table = table
        words = _trie_regex_for(table)
        # a word counts only when it stands alone: preceded by whitespace or opening punctuation,
        # followed by whitespace or closing punctuation (this also protects URLs, e-mail addresses,
        # paths, identifiers, hyphenated compounds and key=value pairs, whose words are glued)
        self.word = re.compile(
            r"(?<![^\s(*_—–])(?:" + words + r")(?=[\s.,;:!?)*_—–]|\Z)(?!\.\w)"
        )
        self.special = re.compile(r"(?P<bt>`+)|(?P<dq>[\"“])|(?P<sq>['‘])|(?P<brace>[{\[])")
        self.line = re.compile(
            r"^(?:(?P<fence>[ ]{0,3}(?:`{3,}|~{3,}))|(?P<indent>(?:\t|[ ]{4,})(?![-*+][ \t]|\d+[.)][ \t])))",
            re.MULTILINE,
        )
        excl = "|".join(f"(?:{p})" for p in exclude_patterns)
        self.exclude = re.compile(excl) if excl else None
        self.fence = re.compile(r"^[ ]{0,3}(?P<f>`{3,}|~{3,})", re.MULTILINE)
        self.indent = re.compile(r"\n")
        self.inline = re.compile(r"(?P<bt>`+)|" + _BLANK)
        self.dquote = re.compile(r"(?P<q>[\"”])|" + _BLANK)
        self.squote = re.compile(r"(?P<q>(?<=[\w.,!?;:])['’](?!\w))|" + _BLANK)
        self.json = re.compile(r"(?P<open>[{\[])|(?P<close>[}\]])|(?P<str>\")|" + _BLANK)
        self.json_str = re.compile(r"(?P<esc>\\\S)|(?P<str>\")|" + _BLANK)


def _trie_regex_for(table: EquivalenceTable) -> str:
    """Case-sensitive alternation of the words, lower-case and Capitalised (sentence starts);
    detection lower-cases its input, marking leaves other casings alone anyway."""
    words = list(table.index)
    return trie_regex(sorted(set(words) | {w.capitalize() for w in words}))


class ScanState:
    """Per-text state of the scanner (the part that crosses segment boundaries)."""

    __slots__ = ("mode", "fence", "ticks", "depth")

    def __init__(self) -> None:
        self.mode = PROSE
        self.fence = ""  # opening fence marker while in FENCE
        self.ticks = 0  # backtick run length while in INLINE
        self.depth = 0  # bracket depth while in JSON / JSON_STR


_PROSE_REGEXES = ("line", "special", "exclude", "word")  # priority on equal start


def _next_prose_event(sc: Scanner, buf: str, pos: int, cache: dict) -> tuple[re.Match | None, str]:
    """Earliest match at or after ``pos`` among the prose regexes; cached matches stay valid while
    they start at or after ``pos`` (the buffer does not change within one ``scan`` call)."""
    best: re.Match | None = None
    best_name = ""
    for name in _PROSE_REGEXES:
        if name in cache:
            m = cache[name]
            if m is not None and m.start() < pos:
                m = cache[name] = getattr(sc, name).search(buf, pos)
        else:
            rx = getattr(sc, name)
            m = cache[name] = rx.search(buf, pos) if rx is not None else None
        if m is not None and (best is None or m.start() < best.start()):
            best, best_name = m, name
    if best is None:
        return None, ""
    kind = best_name if best_name in ("word", "exclude") else best.lastgroup
    return best, kind or best_name


def scan(sc: Scanner, st: ScanState, buf: str, pos: int, on_word: OnWord | None) -> list[str]:
    """Process ``buf[pos:]`` (``buf[:pos]`` is context); return output pieces for that part.

    Output pieces are the original text except where ``on_word`` returned a replacement.
    """
    out: list[str] = []
    cache: dict[str, re.Match | None] = {}
    n = len(buf)
    index = sc.table.index
    mixed = sc.table.article_mixed
    while pos < n:
        mode = st.mode
        if mode == PROSE:
            m, kind = _next_prose_event(sc, buf, pos, cache)
            if m is None:
                break
            start, end = m.start(), m.end()
            if kind == "word":
                word = m.group()
                entry = index.get(word.lower())
                if entry is not None and on_word is not None:
                    window = buf[max(0, start - CONTEXT):start]
                    prev = window.rstrip()
                    if not (mixed[entry[0]] and _ARTICLE.search(prev)):
                        sentence_start = not prev or prev[-1] in ".!?" or "\n" in window[len(prev):]
                        rep = on_word(start, word, entry[0], entry[1], sentence_start)
                        if rep is not None:
                            out.append(buf[pos:start])
                            out.append(rep)
                            pos = end
                            continue
            elif kind == "fence":
                st.mode, st.fence = FENCE, m.group().strip()
            elif kind == "indent":
                st.mode = INDENT
            elif kind == "bt":
                st.mode, st.ticks = INLINE, end - start
            elif kind == "dq":
                st.mode = DQUOTE
            elif kind == "sq":
                # an opening single quote, not an apostrophe: nothing word-like before, a word after
                before = buf[start - 1] if start else " "
                if not (before.isalnum() or before in "_'’") and buf[end:end + 1].isalnum():
                    st.mode = SQUOTE
            elif kind == "brace":
                st.mode, st.depth = JSON, 1
            out.append(buf[pos:end])
            pos = end
            continue
        if mode == FENCE:
            m = sc.fence.search(buf, pos)
            while m is not None:
                f = m.group("f")
                if f[0] == st.fence[0] and len(f) >= len(st.fence):
                    break
                m = sc.fence.search(buf, m.end())
            if m is None:
                break
            st.mode = PROSE
        elif mode == INDENT:
            m = sc.indent.search(buf, pos)
            if m is None:
                break
            st.mode = PROSE
        elif mode == INLINE:
            m = sc.inline.search(buf, pos)
            if m is None:
                break
            if m.lastgroup == "blank" or m.end() - m.start() == st.ticks:
                st.mode = PROSE
        elif mode in (DQUOTE, SQUOTE):
            m = (sc.dquote if mode == DQUOTE else sc.squote).search(buf, pos)
            if m is None:
                break
            st.mode = PROSE
        else:  # JSON, JSON_STR
            m = (sc.json if mode == JSON else sc.json_str).search(buf, pos)
            if m is None:
                break
            kind = m.lastgroup
            if kind == "blank":
                st.mode, st.depth = PROSE, 0
            elif kind == "str":
                st.mode = JSON_STR if mode == JSON else JSON
            elif kind == "open":
                st.depth += 1
            elif kind == "close":
                st.depth -= 1
                if st.depth == 0:
                    st.mode = PROSE
        out.append(buf[pos:m.end()])
        pos = m.end()
    if pos < n:
        out.append(buf[pos:])
    return out
