"""Scanner internals: the fast word searches (the pattern that consumes the character before a word,
and the WordFinder used on long texts) find exactly the words of the look-behind regex that
detection uses, at every position including offset 0."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gateway.watermark.embed import Watermarker
from gateway.watermark.scanner import _ARTICLE, CONTEXT, FINDER_MIN_CHARS, ScanState, scan

SECRET = b"test-master-secret-0123456789abcdef"
# prose separators only (no quotes, backticks, brackets or line starts): every word event is a word
PIECES = ["big", "large", "Big", "usually", "do not", "Do", "not", "don't", "per cent", "colour", "a", "an",
          "enormous", "x", " ", "  ", "(", "*", "_", "—", "–", ".", ",", "-", "/", "!", ")", "\u00a0", "é"]


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.one_of(st.lists(st.sampled_from(PIECES), max_size=40),  # below FINDER_MIN_CHARS
                       st.lists(st.sampled_from(PIECES), min_size=150, max_size=400)))  # mostly above
def test_scan_visits_the_lookbehind_words(wm: Watermarker, parts: list[str]) -> None:
    text = "".join(parts)
    assume(not text.startswith("    "))  # an indented code line: protected, so no word events (by design)
    sc, table = wm.scanner, wm.table
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
@given(parts=st.lists(st.sampled_from(PIECES + ["does", "Does not", "donut", "bigger", "\t", "\n", "\u2003"]),
                      max_size=200),
       start=st.integers(0, 400))
def test_word_finder_finds_every_position_where_the_word_pattern_matches(wm: Watermarker, parts: list[str],
                                                                         start: int) -> None:
    text = "".join(parts)
    pos = min(start, len(text))
    expected = [(i, m.end()) for i in range(pos, len(text)) if (m := wm.scanner.word.match(text, i))]
    assert wm.scanner.finder.positions(text, pos) == expected


def test_long_texts_use_the_word_finder_and_short_ones_the_pattern_search(wm: Watermarker) -> None:
    """Both paths must give the same events; this pins that the long path is the one taken."""
    class Counting:
        def __init__(self, finder) -> None:
            self.finder, self.calls = finder, 0

        def positions(self, text: str, pos: int = 0):
            self.calls += 1
            return self.finder.positions(text, pos)

    sc = wm.scanner
    counting = Counting(sc.finder)
    sc.finder = counting
    try:
        events: list[int] = []
        scan(sc, ScanState(), "a big dog. " * (FINDER_MIN_CHARS // 11 + 1), 0, lambda s, *_: events.append(s))
        assert counting.calls == 1 and len(events) > FINDER_MIN_CHARS // 11
        scan(sc, ScanState(), "a big dog. ", 0, lambda s, *_: events.append(s))
        assert counting.calls == 1
    finally:
        sc.finder = counting.finder
