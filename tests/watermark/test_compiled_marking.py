"""The compiled marker (`Finder.mark`, `_wordmark.c`) against the Python reference (`scan` calling
`MarkingStream._on_word`): the same output for every text, chunking, account, strength and exclusion, on
texts full of what its rules look at (articles, sentence starts, bullets and headings, capitals, phrases,
protected spans, non-ASCII text of every string kind)."""

from __future__ import annotations

import functools
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.watermark import embed, wordfind
from gateway.watermark.embed import MarkingStream, Watermarker
from gateway.watermark.scanner import Scanner, ScanState, _eligible, mark_prose, scan

SECRET = b"test-master-secret-0123456789abcdef"
pytestmark = pytest.mark.skipif(wordfind.CompiledFinder is None, reason="the compiled marker is not built")

WORDS = ["big", "large", "Big", "Large", "BIG", "bIg", "usually", "Usually", "typically", "Typically", "huge",
         "enormous", "Enormous", "Huge", "colour", "color", "Colour", "do not", "Do not", "DO not", "don't",
         "Don't", "is not", "Isn't", "per cent", "Per cent", "percent", "a", "an", "A", "An", "AN", "the",
         "Large Hadron Collider", "x", "2", "3.14", "e.g.", "naïve", "größer", "日本", "\U0001F600"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\n\n", "\t", ".", ". ", "! ", "? ", ",", ";", ":", "(", ")", "*", "_",
              "—", "–", "-", "/", "'", "’", "‘", '"', "“", "”", "`", "{", "}", "[", "]", "~", "=", "\\", "\u00a0",
              "\u2003", "\u200b", "\n- ", "\n  * ", "\n+ ", "\n## ", "\n####### ", "#", "\n1. ", "\n    ",
              "\n```\n", "\n~~~\n", " `", "` ", ' "', '" ', " {", "} ", " https://example.com/", "@example.org"]
TEXTS = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=150).map("".join)
CUTS = st.lists(st.integers(0, 1500), max_size=30)


@functools.cache
def _marker(exclusions: tuple[str, ...]) -> Watermarker:
    wm = Watermarker(SECRET, exclude_patterns=exclusions)
    assert wm.scanner.marks is not None
    return wm


def _reference(wm: Watermarker, tenant: str, account: str, strength: float) -> MarkingStream:
    """A stream of ``wm`` that marks with the Python callback (the fragile path's switch, forced)."""
    s = wm.stream(tenant, account, strength)
    s._marks = None
    return s


def _chunked(s: MarkingStream, text: str, cuts: list[int]) -> str:
    out, prev = [], 0
    for cut in sorted({min(c, len(text)) for c in cuts}) + [len(text)]:
        out.append(s.feed(text[prev:cut]))
        prev = cut
    return "".join(out) + s.flush()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, cuts=CUTS, account=st.sampled_from(["a1", "a2", "a3", "a4", "a5"]),
       strength=st.sampled_from([1.0, 0.5]), exclusions=st.sampled_from([(), ("(?i:usually)", "[Bb]ig")]))
def test_compiled_marking_equals_the_python_reference(text: str, cuts: list[int], account: str, strength: float,
                                                      exclusions: tuple[str, ...]) -> None:
    wm = _marker(exclusions)
    expected = _reference(wm, "t1", account, strength).whole(text)
    assert wm.mark(text, tenant="t1", account=account, strength=strength) == expected
    # stream against stream: a phrase head glued to opening punctuation ("(per cent") is released before its
    # second word arrives, on both paths alike (the hold-back looks at "(per", not "per"), so a chunked stream
    # may differ from the whole text there
    assert _chunked(wm.stream("t1", account, strength), text, cuts) == _chunked(
        _reference(wm, "t1", account, strength), text, cuts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, cuts=CUTS, spacing=st.sampled_from([1, 40, 300]))
def test_fragile_copies_fall_on_the_same_words_whatever_the_chunking(text: str, cuts: list[int], spacing: int) -> None:
    """Copies follow the first eligible word at or past each spacing, counted in the text as received: the
    compiled path (taken where no copy can fall due) writes what the Python path writes, whole or chunked."""
    wm = _marker(())
    with mock.patch.object(embed, "FRAGILE_SPACING", spacing):
        whole = wm.stream("t1", "a1", fragile_ts=29_000_000).whole(text)
        ref = wm.stream("t1", "a1", fragile_ts=29_000_000)
        ref._marks = None
        assert ref.whole(text) == whole
        ref = wm.stream("t1", "a1", fragile_ts=29_000_000)
        ref._marks = None
        assert _chunked(wm.stream("t1", "a1", fragile_ts=29_000_000), text, cuts) == _chunked(ref, text, cuts)
    payload = ref._payload
    assert whole.replace(payload, "") == wm.mark(text, tenant="t1", account="a1")  # the payload adds, never changes


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, pos=st.integers(0, 400), limit=st.integers(0, 500), account=st.sampled_from(["a1", "a2", "a3"]))
def test_one_stretch_marks_the_words_the_callback_marks(text: str, pos: int, limit: int, account: str) -> None:
    """Finder.mark on its own, at any start and limit inside any text (the scanner's state machine aside)."""
    wm = _marker(())
    targets, marks = wm._targets("t1", account, 1.0)
    pos = min(pos, len(text))
    stream = MarkingStream(wm, targets, marks)
    expected_pieces: list[str] = []
    expected_pos, copied, index = pos, pos, wm.table.index
    for start, end in wm.scanner.finder.positions(text, pos):
        if start >= limit:
            break
        expected_pos, word = end, text[start:end]
        # the scan loop's call, with the Python rules
        set_id, member = index[word.lower()]
        ok, first = _eligible(text, start, word, wm.table.article_mixed[set_id]) if (
            wm.table.article_mixed[set_id] or word[0].isupper()) else (True, False)
        rep = stream._on_word(start, word, set_id, member, first) if ok else None
        if rep is not None:
            expected_pieces += [text[copied:start], rep]
            copied = end
    out: list[str] = []
    assert wm.scanner.marks(text, pos, limit, marks, out, pos) == (expected_pos, copied)
    assert "".join(out) == "".join(expected_pieces)


@pytest.mark.parametrize("filler", ["", "é", "ā", "日", "\U0001F600"], ids=["ascii", "latin1", "ucs2", "cjk", "ucs4"])
def test_every_string_kind(filler: str) -> None:
    wm = _marker(())
    text = f"{filler}Big news{filler}. It is usually big, a huge one.\n- Large wins\n## Big heading {filler}\n" * 3
    for account in ("a1", "a2", "a3", "a4"):
        expected = _reference(wm, "t1", account, 1.0).whole(text)
        assert wm.mark(text, tenant="t1", account=account) == expected
        assert _chunked(wm.stream("t1", account), text, list(range(0, len(text), 7))) == expected


def test_with_the_fragile_channel_segments_where_no_copy_falls_due_take_the_compiled_path() -> None:
    wm = _marker(())
    text = "It is usually big. " * 300  # 5,700 characters: copies at the first word and every FRAGILE_SPACING
    s = wm.stream("t1", "a1", fragile_ts=29_000_000)
    assert s._payload and s._marks is not None
    ref = wm.stream("t1", "a1", fragile_ts=29_000_000)
    ref._marks = None  # the Python path throughout
    cuts = list(range(0, len(text), 13))
    out = _chunked(s, text, cuts)
    assert out == _chunked(ref, text, cuts) == _chunked(wm.stream("t1", "a1", fragile_ts=29_000_000), text, [0])
    assert out.count(s._payload) == 6


def test_the_short_cut_for_plain_segments_gives_scans_output() -> None:
    wm = _marker(())
    _, marks = wm._targets("t1", "a2", 1.0)
    for buf in ("x big usually large Big. Usually", "x big `code` large", "x big\n    code big", "x big\n``` big"):
        st1, st2 = ScanState(), ScanState()
        assert mark_prose(wm.scanner, st1, buf, 1, marks) == "".join(scan(wm.scanner, st2, buf, 1, None, marks))
        assert (st1.mode, st1.fence, st1.ticks, st1.depth) == (st2.mode, st2.fence, st2.ticks, st2.depth)


def test_errors_are_python_exceptions() -> None:
    wm = _marker(())
    _, marks = wm._targets("t1", "a1", 1.0)
    mark = wm.scanner.marks
    with pytest.raises(ValueError, match="one target per set"):
        mark("big", 0, 3, marks[:-1], [], 0)
    with pytest.raises(ValueError, match="copied <= pos"):
        mark("big", 2, 3, marks, [], 3)
    with pytest.raises(ValueError, match="copied <= pos"):
        mark("big", 4, 3, marks, [], 0)
    with pytest.raises(TypeError):
        mark("big", 0, 3, list(marks), [], 0)
    with pytest.raises(ValueError, match="beyond the set's members"):
        mark("big", 0, 3, bytes([7]) * len(marks), [], 0)
    with pytest.raises(TypeError, match="without marking information"):
        wordfind.CompiledFinder(["big"], "(", ".").mark("big", 0, 3, b"", [], 0)
    with pytest.raises(ValueError, match="no marking information"):
        wordfind.CompiledFinder(["big"], "(", ".", {}, (("big",),), (("Big",),), b"\0")
    with pytest.raises(ValueError, match="scan: targets need the compiled marker"):
        scan(Scanner(wm.table, compiled=False), ScanState(), "big", 0, None, marks)


EDGES = ["\n####### Big one", "\n###### Big one", "####### Big", "x ## Big", "\n  - Big", "\n\t* Big", "a\u00a0- Big",
         "\n\u2003+ Big", "#\u00a0Big", "- x - Big", "a huge", "an enormous", "An Enormous", "(a) huge", "_a huge",
         "a\nhuge", "ba huge", "é a huge", "xan huge", "A. Big", "x! Big", "x? Big", "x, Big", "x —Big", "x\n Big",
         "x" * 70 + " Big", "## " + "x" * 70 + " Big", "a" + " " * 70 + "huge", "a" + " " * 63 + "huge",
         "a" + " " * 64 + "huge", "xa" + " " * 63 + "huge", "AN huge", "aN enormous", "An\thuge",
         "\n" + " " * 63 + "- Big", "\n" + " " * 64 + "- Big", "\n" + " " * 65 + "- Big"]


@pytest.mark.parametrize("text", EDGES)
def test_the_rules_edges(text: str) -> None:
    """Article, sentence-start, bullet and heading rules at their edges (a 7-"#" run is no heading, the
    look-behind window is 64 characters), for every variant an account may pick."""
    wm = _marker(())
    for account in [f"a{k}" for k in range(12)]:
        for t in (text, text.replace("huge", "enormous"), text.replace("Big", "Large")):
            assert wm.mark(t, tenant="t1", account=account) == _reference(wm, "t1", account, 1.0).whole(t)
