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
from functools import partial

from gateway.watermark.table import EquivalenceTable, trie_regex
from gateway.watermark.wordfind import COMPILED_CONTEXT, WordFinder, find_any, make_finder

CONTEXT = 64  # characters of already-processed text kept for look-behind decisions

PROSE, FENCE, INDENT, INLINE, DQUOTE, SQUOTE, JSON, JSON_STR = range(8)

# Every regex searched over long stretches starts with a literal or a character class, so CPython's
# engine skips ahead in C to the next candidate character instead of trying a match at every offset
# (10x on quote/bracket scanning); which branch matched is read from the first character.
_BLANK = r"\n[^\S\n]*\n"
_ARTICLE = re.compile(r"(?:^|[^\w])(?:a|an)\Z", re.IGNORECASE)
_LINE_MARKER = re.compile(r"(?:\A|\n)[^\S\n]*(?:[-*+]|#{1,6})\Z")  # a list bullet or heading opens the line
_SPECIAL = "`\"“'‘{["  # characters that may open a protected span
_BEFORE_PUNCT = "(*_—–"  # what may stand right before an eligible word, besides whitespace
_AFTER_PUNCT = ".,;:!?)*_—–"  # ... and right after it
_BEFORE_WORD = r"\s" + _BEFORE_PUNCT
_AFTER_WORD = rf"(?=[\s{_AFTER_PUNCT}]|\Z)(?!\.\w)"
# From this many characters on, a scan finds its words with the Python WordFinder (a fixed cost of a
# few µs, then far cheaper per word) instead of searching the word pattern from one word to the next;
# the compiled finder has no such fixed cost and serves every scan, streamed segments too
FINDER_MIN_CHARS = 256
# ... and up to this many: the Python finder calls str.find once per distinct table word of the text,
# each over the rest of the text, so its cost grows with length x vocabulary (3 MB of documentation:
# 0.76 s, against 0.12 s for the pattern search); the compiled finder is one linear pass at any length
FINDER_MAX_CHARS = 1 << 18
_NO_MATCH = 1 << 62  # "no further match" position

# Called for each eligible word: (match start, word, set id, member id, sentence_start) -> replacement
# or None to keep the word. sentence_start is computed only for Capitalised words (False otherwise).
OnWord = Callable[[int, str, int, int, bool], str | None]


class Scanner:
    """Compiled once per (table, exclusion patterns); holds no per-text state.

    Prose is scanned with a few separate regexes whose next matches are merged by position: one
    big alternation is 3-4x slower in CPython's engine, which tries every branch at every offset.
    """

    def __init__(self, table: EquivalenceTable, exclude_patterns: Sequence[str] = (),
                 compiled: bool | None = None) -> None:
        """``compiled``: use the C word search (default: when it is built)."""
        self.table = table
        forms = _forms(table)
        words = trie_regex(forms)
        # a word counts only when it stands alone: preceded by whitespace or opening punctuation,
        # followed by whitespace or closing punctuation (this also protects URLs, e-mail addresses,
        # paths, identifiers, hyphenated compounds and key=value pairs, whose words are glued)
        self.word = re.compile(rf"(?<![^{_BEFORE_WORD}])(?:{words}){_AFTER_WORD}")
        # the same, consuming the character before the word (group 1 is the word): a leading
        # character class lets the engine jump from one candidate to the next; the word at
        # offset 0 of a text, which has no character before it, is checked with ``word``
        self.word_after = re.compile(rf"[{_BEFORE_WORD}]({words}){_AFTER_WORD}")
        self.finder = make_finder(forms, self.word, _BEFORE_PUNCT + _AFTER_PUNCT, _BEFORE_PUNCT, _AFTER_PUNCT,
                                  compiled, marking=_marking(table, forms))
        python = isinstance(self.finder, WordFinder)
        # the compiled finder also marks prose (``scan`` with ``targets``): the word loop below and
        # MarkingStream._on_word's rules in one C call per stretch between two limits
        self.marks = None if python else self.finder.mark
        if self.marks is not None and COMPILED_CONTEXT != CONTEXT:
            raise RuntimeError(f"_wordfind.c looks back {COMPILED_CONTEXT} characters, the scanner {CONTEXT}")
        self.finder_min, self.finder_max = (FINDER_MIN_CHARS, FINDER_MAX_CHARS) if python else (0, 1 << 62)
        self.special = re.compile(f"[{re.escape(_SPECIAL)}]")
        # next_special(buf, pos): where the next quote, backtick or bracket stands, or -1
        self.next_special = partial(_search_from, self.special) if python else partial(find_any, _SPECIAL)
        # a fence or an indented code line at a line start: ``line_start`` at the text's first character,
        # ``line`` after a newline (searched: its literal lead is ~15x faster than a MULTILINE "^")
        # (a list item's bullet is followed by whitespace or the end: "followed by a space or tab" looked past the
        # bullet's run of non-space characters, which a stream cut right after the bullet did not have yet)
        opener = r"(?:(?P<fence>[ ]{0,3}(?:`{3,}|~{3,}))|(?P<indent>(?:\t|[ ]{4,})(?![-*+](?:\s|\Z)|\d+[.)](?:\s|\Z))))"
        self.line_start = re.compile(opener)
        self.line = re.compile(r"\n" + opener)
        excl = "|".join(f"(?:{p})" for p in exclude_patterns)
        self.exclude = re.compile(excl) if excl else None
        self.ticks = re.compile(r"`+")
        self.fence = re.compile(r"\n[ ]{0,3}(?P<f>`{3,}|~{3,})")  # a closing fence: after a newline
        self.indent = re.compile(r"\n")
        self.inline = re.compile(r"``*|" + _BLANK)
        self.dquote = re.compile(r"\"|”|" + _BLANK)
        # the look-behind follows the quote (width 2: the character before it, then the quote) so
        # that the pattern still starts with a literal
        self.squote = re.compile(r"'(?<=[\w.,!?;:]')(?!\w)|’(?<=[\w.,!?;:]’)(?!\w)|" + _BLANK)
        self.json = re.compile(r"\{|\[|\}|\]|\"|" + _BLANK)
        self.json_str = re.compile(r"\\\S|\"|" + _BLANK)


def _search_from(pattern: re.Pattern[str], buf: str, pos: int) -> int:
    m = pattern.search(buf, pos)
    return m.start() if m is not None else -1


def _forms(table: EquivalenceTable) -> list[str]:
    """The words the scanner matches (case-sensitively): lower-case and Capitalised (sentence
    starts); detection lower-cases its input, marking leaves other casings alone anyway."""
    words = list(table.index)
    return sorted(set(words) | {w.capitalize() for w in words})


def capitalised(word: str) -> bool:
    """Written as ``capitalize()`` writes it ("Large", "Do not"): the only capital form marking rewrites, and
    only at a sentence start; ALL CAPS and mixed case are left alone."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower())


def _marking(table: EquivalenceTable, forms: list[str]) -> tuple[dict[str, int], tuple, tuple, bytes]:
    """What the compiled marker needs to apply ``_eligible`` and ``MarkingStream._on_word`` itself: per form
    ``set id << 8 | member << 3 | flags`` (1: ``islower()``; 2: Capitalised as ``capitalize()`` writes it;
    4: its first letter is upper-case), the members as written and Capitalised, and the article flags."""
    info = {}
    for f in forms:
        set_id, member = table.index[f.lower()]
        info[f] = set_id << 8 | member << 3 | f.islower() | capitalised(f) << 1 | f[0].isupper() << 2
    capitals = tuple(tuple(w.capitalize() for w in members) for members in table.sets)
    return info, tuple(tuple(m) for m in table.sets), capitals, bytes(table.article_mixed)


class ScanState:
    """Per-text state of the scanner (the part that crosses segment boundaries)."""

    __slots__ = ("mode", "fence", "ticks", "depth")

    def __init__(self) -> None:
        self.mode = PROSE
        self.fence = ""  # opening fence marker while in FENCE
        self.ticks = 0  # backtick run length while in INLINE
        self.depth = 0  # bracket depth while in JSON / JSON_STR


def _first_word(sc: Scanner, buf: str) -> tuple[int, int]:
    """(start, end) of the first eligible word of a text, or (_NO_MATCH, 0)."""
    m = sc.word.match(buf)
    if m is not None:
        return 0, m.end()
    m = sc.word_after.search(buf)
    return (m.start(1), m.end()) if m is not None else (_NO_MATCH, 0)


def _eligible(buf: str, start: int, word: str, mixed: bool) -> tuple[bool, bool]:
    """(eligible, sentence_start) for a table word at ``start``: a set whose members need different
    articles is skipped right after "a"/"an"; only a Capitalised word needs the sentence start: after
    ".!?", at a line's start, or after a line's list bullet or heading marks ("- Improve", "## Large")."""
    window = buf[max(0, start - CONTEXT):start]
    prev = window.rstrip()
    if mixed and _ARTICLE.search(prev):
        return False, False
    if not word[0].isupper():
        return True, False
    return True, (not prev or prev[-1] in ".!?" or "\n" in window[len(prev):]
                  or (prev[-1] in "-*+#" and _LINE_MARKER.search(prev) is not None))


def mark_prose(sc: Scanner, st: ScanState, buf: str, pos: int, targets: bytes) -> str:
    """``"".join(scan(sc, st, buf, pos, None, targets))``, with a short cut for the common streamed segment:
    prose that holds no line-start opener, special character or exclusion is marked in one C call."""
    if st.mode == PROSE and pos and sc.exclude is None:
        if sc.line.search(buf, pos - 1) is None and sc.next_special(buf, pos) < 0:
            out: list[str] = []
            copied = sc.marks(buf, pos, _NO_MATCH, targets, out, pos)[1]
            if not out:
                return buf[pos:]
            out.append(buf[copied:])
            return "".join(out)
    return "".join(scan(sc, st, buf, pos, None, targets))


def scan(sc: Scanner, st: ScanState, buf: str, pos: int, on_word: OnWord | None,
         targets: bytes | None = None) -> list[str]:
    """Process ``buf[pos:]`` (``buf[:pos]`` is context); return output pieces for that part.

    Output pieces are the original text except where ``on_word`` returned a replacement. ``targets``
    (per set the member to write, 255 for none; only with ``sc.marks``, the compiled marker): mark in C,
    with the rules of ``_eligible`` and ``MarkingStream._on_word``, instead of calling ``on_word``.
    """
    out: list[str] = []
    copied = pos  # buf[copied:pos] is original text not yet in ``out`` (copied lazily, at replacements)
    n = len(buf)
    index = sc.table.index
    mixed = sc.table.article_mixed
    # next match of each prose regex (start position, or -1 = search again); the buffer does not
    # change within one call, so a match stays valid while it starts at or after ``pos``
    exclude = sc.exclude
    ls = ss = ws = -1
    es = -1 if exclude is not None else _NO_MATCH
    lm = em = None
    we = 0
    word_after = sc.word_after.search
    next_special = sc.next_special
    marks = sc.marks if targets is not None else None
    if targets is not None and marks is None:
        raise ValueError("scan: targets need the compiled marker (sc.marks)")
    found = (sc.finder.positions(buf, pos) if marks is None and sc.finder_min <= n - pos <= sc.finder_max
             else None)
    nfound = len(found) if found is not None else 0
    fi = 0
    while pos < n:
        mode = st.mode
        if mode == PROSE:
            if ls < pos:
                # a line starts at the text's first character or after a newline at pos - 1 or later
                lm = sc.line_start.match(buf) if pos == 0 else None
                if lm is not None:
                    ls = 0
                else:
                    lm = sc.line.search(buf, pos - 1 if pos else 0)
                    ls = lm.start() + 1 if lm is not None else _NO_MATCH
            if ss < pos:
                ss = next_special(buf, pos)
                if ss < 0:
                    ss = _NO_MATCH
            if es < pos:
                em = exclude.search(buf, pos)
                es = em.start() if em is not None else _NO_MATCH
            # the words before the next line start, special character or exclusion (on equal starts
            # those come first): the common case, looped without re-checking them
            limit = min(ls, ss, es)
            if marks is not None:
                pos, copied = marks(buf, pos, limit, targets, out, copied)
            while marks is None:
                if ws < pos:
                    if found is not None:
                        while fi < nfound and found[fi][0] < pos:
                            fi += 1
                        ws, we = found[fi] if fi < nfound else (_NO_MATCH, 0)
                    elif pos:  # buf[pos - 1] may be the character before the word
                        m = word_after(buf, pos - 1)
                        ws, we = (m.start(1), m.end()) if m is not None else (_NO_MATCH, 0)
                    else:
                        ws, we = _first_word(sc, buf)
                if ws >= limit:
                    break
                start, pos = ws, we
                if on_word is None:
                    continue
                word = buf[start:pos]
                set_id, member = index[word.lower()]
                if mixed[set_id] or word[0].isupper():
                    ok, sentence_start = _eligible(buf, start, word, mixed[set_id])
                    if not ok:
                        continue
                else:  # the common case: nothing to look up before the word
                    sentence_start = False
                rep = on_word(start, word, set_id, member, sentence_start)
                if rep is not None:
                    out.append(buf[copied:start])
                    out.append(rep)
                    copied = pos
            if limit == _NO_MATCH:
                break
            if pos > limit:  # the last word ran past it (the apostrophe of "don't"): search again from pos
                continue
            if ls == limit:
                pos = lm.end()
                if lm.lastgroup == "fence":
                    st.mode, st.fence = FENCE, lm.group().strip()
                else:
                    st.mode = INDENT
            elif ss == limit:
                ch = buf[limit]
                pos = limit + 1
                if ch == "`":
                    pos = sc.ticks.match(buf, limit).end()
                    st.mode, st.ticks = INLINE, pos - limit
                elif ch == '"' or ch == "“":
                    st.mode = DQUOTE
                elif ch == "'" or ch == "‘":
                    # an opening single quote, not an apostrophe: nothing word-like before, a word after
                    before = buf[limit - 1] if limit else " "
                    if not (before.isalnum() or before in "_'’") and buf[pos:pos + 1].isalnum():
                        st.mode = SQUOTE
                else:
                    st.mode, st.depth = JSON, 1
            else:
                pos = em.end()
            continue
        if mode == FENCE:
            m = sc.fence.search(buf, pos - 1)  # pos > 0: an opening fence came first
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
            if buf[m.start()] == "\n" or m.end() - m.start() == st.ticks:
                st.mode = PROSE
        elif mode == DQUOTE or mode == SQUOTE:
            m = (sc.dquote if mode == DQUOTE else sc.squote).search(buf, pos)
            if m is None:
                break
            st.mode = PROSE
        else:  # JSON, JSON_STR
            m = (sc.json if mode == JSON else sc.json_str).search(buf, pos)
            if m is None:
                break
            ch = buf[m.start()]
            if ch == "\n":  # a blank line ends the span
                st.mode, st.depth = PROSE, 0
            elif ch == '"':
                st.mode = JSON_STR if mode == JSON else JSON
            elif ch == "{" or ch == "[":
                st.depth += 1
            elif ch == "}" or ch == "]":
                st.depth -= 1
                if st.depth == 0:
                    st.mode = PROSE
        pos = m.end()
    if copied < n:
        out.append(buf[copied:])
    return out
