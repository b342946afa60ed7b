"""Scanner internals: the fast word searches (the pattern that consumes the character before a word,
the Python WordFinder used on long texts, and the compiled finder used on every text when it is built)
find exactly the words of the look-behind regex that detection uses, at every position including
offset 0."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gateway.watermark import wordfind
from gateway.watermark.embed import Watermarker
from gateway.watermark.scanner import (
    _ARTICLE,
    CONTEXT,
    FINDER_MAX_CHARS,
    FINDER_MIN_CHARS,
    Scanner,
    ScanState,
    scan,
)
from gateway.watermark.table import parse_table

SECRET = b"test-master-secret-0123456789abcdef"
# prose separators only (no quotes, backticks, brackets or line starts): every word event is a word
PIECES = ["big", "large", "Big", "usually", "do not", "Do", "not", "don't", "per cent", "colour", "a", "an",
          "enormous", "x", " ", "  ", "(", "*", "_", "—", "–", ".", ",", "-", "/", "!", ")", "\u00a0", "é"]


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


@pytest.fixture(scope="module", params=[True, False], ids=["compiled", "python"])
def sc(request, wm: Watermarker) -> Scanner:
    """The scanner with the compiled word search and with the Python one."""
    return Scanner(wm.table, compiled=request.param)


def test_the_compiled_word_search_is_built() -> None:
    """`pip install -e .` compiles gateway/watermark/_wordfind.c; without it the gateway still works
    (the Python search), but this suite would not be testing what production runs."""
    assert wordfind.CompiledFinder is not None, (
        "gateway.watermark._wordfind is missing: run `pip install -e .` on a machine with a C compiler "
        "(gcc) and the Python headers")
    assert isinstance(Watermarker(SECRET).scanner.finder, wordfind.CompiledFinder)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.one_of(st.lists(st.sampled_from(PIECES), max_size=40),  # below FINDER_MIN_CHARS
                       st.lists(st.sampled_from(PIECES), min_size=150, max_size=400)))  # mostly above
def test_scan_visits_the_lookbehind_words(sc: Scanner, parts: list[str]) -> None:
    text = "".join(parts)
    assume(not text.startswith("    "))  # an indented code line: protected, so no word events (by design)
    table = sc.table
    seen: list[tuple[int, str]] = []
    scan(sc, ScanState(), text, 0, lambda s, w, _i, _m, _ss: seen.append((s, w)))
    expected = []
    for m in sc.word.finditer(text):
        set_id = table.index[m.group().lower()][0]
        if table.article_mixed[set_id] and _ARTICLE.search(text[max(0, m.start() - CONTEXT):m.start()].rstrip()):
            continue
        expected.append((m.start(), m.group()))
    assert seen == expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES + ["does", "Does not", "donut", "bigger", "\t", "\n", "\u2003",
                                                "Do not", "DO", "is not", "isn't", "per", "cent", "'", "._",
                                                ".a", "2", "\U0001F600"]),
                      max_size=200),
       start=st.integers(0, 400))
def test_word_finder_finds_every_position_where_the_word_pattern_matches(sc: Scanner, parts: list[str],
                                                                         start: int) -> None:
    text = "".join(parts)
    pos = min(start, len(text))
    expected = [(i, m.end()) for i in range(pos, len(text)) if (m := sc.word.match(text, i))]
    assert sc.finder.positions(text, pos) == expected


def test_the_python_finder_serves_long_texts_and_the_pattern_search_short_and_huge_ones(wm: Watermarker) -> None:
    """Both paths must give the same events; this pins that the long path is the one taken."""
    class Counting:
        def __init__(self, finder) -> None:
            self.finder, self.calls = finder, 0

        def positions(self, text: str, pos: int = 0):
            self.calls += 1
            return self.finder.positions(text, pos)

    sc = Scanner(wm.table, compiled=False)
    counting = Counting(sc.finder)
    sc.finder = counting
    try:
        events: list[int] = []
        scan(sc, ScanState(), "a big dog. " * (FINDER_MIN_CHARS // 11 + 1), 0, lambda s, *_: events.append(s))
        assert counting.calls == 1 and len(events) > FINDER_MIN_CHARS // 11
        scan(sc, ScanState(), "a big dog. ", 0, lambda s, *_: events.append(s))
        assert counting.calls == 1
        huge = "a big dog. " * (FINDER_MAX_CHARS // 11 + 1)  # its cost grows with length x vocabulary
        huge_events: list[int] = []
        scan(sc, ScanState(), huge, 0, lambda s, *_: huge_events.append(s))
        assert counting.calls == 1 and huge_events == list(range(2, len(huge), 11))
    finally:
        sc.finder = counting.finder


def test_the_compiled_finder_serves_every_scan_however_short(wm: Watermarker) -> None:
    sc = Scanner(wm.table, compiled=True)
    assert sc.finder_min == 0
    events: list[int] = []
    scan(sc, ScanState(), "a big dog. ", 0, lambda s, *_: events.append(s))
    assert events == [2]


def test_the_compiled_finder_refuses_table_entries_it_cannot_search() -> None:
    with pytest.raises(ValueError, match="not a non-empty ASCII str"):
        wordfind.CompiledFinder(["big", "größer"], "(", ".")
    with pytest.raises(ValueError, match="at most two words"):
        wordfind.CompiledFinder(["one two three"], "(", ".")
    with pytest.raises(ValueError, match="at most two words"):
        wordfind.CompiledFinder(["big 'tis"], "(", ".")


@pytest.mark.parametrize("compiled", [True, False], ids=["compiled", "python"])
def test_a_phrase_wins_over_its_first_word_as_the_pattern_does_and_the_word_is_found_when_it_stands_alone(
        compiled: bool) -> None:
    table = parse_table("big\tlarge\nbig dog\thuge hound\n")
    sc = Scanner(table, compiled=compiled)
    for text in ("big dog.", "big dogs", "big  dog", "Big dog", "a big dog big", "big dog's", "(big dog)"):
        expected = [(i, m.end()) for i in range(len(text)) if (m := sc.word.match(text, i))]
        assert sc.finder.positions(text) == expected, text
    assert sc.finder.positions("big dog big") == [(0, 7), (8, 11)]


@functools.cache
def _small_scanners() -> tuple[Scanner, Scanner]:
    """A compiled and a Python scanner of a two-word table, built once for the property test below."""
    table = parse_table("big\tlarge\n")
    return Scanner(table, compiled=True), Scanner(table, compiled=False)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab `\"“'‘{[”’}]\n\u00e9\U0001F600")), max_size=60),
       start=st.integers(0, 70))
def test_the_compiled_special_search_finds_what_the_character_class_finds(text: str, start: int) -> None:
    compiled, python = _small_scanners()
    m = python.special.search(text, start)
    expected = m.start() if m is not None else -1
    assert compiled.next_special(text, start) == python.next_special(text, start) == expected
