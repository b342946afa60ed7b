"""Scanner internals: the fast word search (which consumes the character before a word) finds exactly
the words of the look-behind regex that detection uses, at every position including offset 0."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from gateway.watermark.embed import Watermarker
from gateway.watermark.scanner import _ARTICLE, CONTEXT, ScanState, scan

SECRET = b"test-master-secret-0123456789abcdef"
# prose separators only (no quotes, backticks, brackets or line starts): every word event is a word
PIECES = ["big", "large", "Big", "usually", "do not", "Do", "not", "don't", "per cent", "colour", "a", "an",
          "enormous", "x", " ", "  ", "(", "*", "_", "—", "–", ".", ",", "-", "/", "!", ")", "\u00a0", "é"]


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40))
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
