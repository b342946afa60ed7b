"""Marking: streaming equals whole-text marking, protected spans survive byte for byte."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.pipeline import compose
from gateway.watermark.embed import Watermarker
from gateway.watermark.table import load_table, takes_an
from tests.watermark.prose import prose

SECRET = b"test-master-secret-0123456789abcdef"


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


def chunked(wm: Watermarker, text: str, cuts: list[int], account: str = "a1") -> str:
    t = wm.stream("t1", account)
    bounds = sorted({min(c, len(text)) for c in cuts})
    out, prev = [], 0
    for b in bounds + [len(text)]:
        out.append(t.feed(text[prev:b]))
        prev = b
    out.append(t.flush())
    return "".join(out)


def test_table_is_sane() -> None:
    table = load_table()
    assert len(table.sets) >= 300
    assert all(2 <= len(s) <= 4 for s in table.sets)
    # words of one set share their article class unless the set is flagged as mixed
    for members, mixed in zip(table.sets, table.article_mixed, strict=True):
        assert mixed == (len({takes_an(w) for w in members}) > 1)


def test_adding_sets_to_the_table_keeps_every_other_choice() -> None:
    """A release that grows the table must not re-draw the choices behind the marks already served."""
    from importlib import resources

    from gateway.watermark.keys import Layout, account_key, variants_for
    from gateway.watermark.table import TABLE_FILES, parse_table

    root = resources.files("gateway.watermark")
    text = "\n".join(root.joinpath(name).read_text("utf-8") for name in TABLE_FILES)
    old, grown = parse_table(text), parse_table("alpha\tbeta\n" + text + "\ngamma\tdelta\tepsilon\n")
    n = len(old.sets)
    assert grown.sets[1:n + 1] == old.sets and grown.digest != old.digest
    for tenant, account in (("t", "a"), ("t", "b"), ("u", "a")):
        key = account_key(SECRET, tenant, account)
        assert (variants_for(key, grown)[1:n + 1] == variants_for(key, old)).all()
    a, b = Layout.build(SECRET, old, 0.5), Layout.build(SECRET, grown, 0.5)
    assert (b.is_shared[1:n + 1] == a.is_shared).all() and (b.threshold[1:n + 1] == a.threshold).all()
    # ...and the choices are still keyed: accounts differ on about half of the binary sets
    v = [variants_for(account_key(SECRET, "t", x), old) for x in ("a", "b")]
    binary = [i for i, size in enumerate(old.sizes) if size == 2]
    assert 0.4 < sum(v[0][i] != v[1][i] for i in binary) / len(binary) < 0.6


def test_marking_changes_words_and_keeps_case(wm: Watermarker) -> None:
    text = prose(wm.table, 60, seed=1, plain=True)
    marked = wm.mark(text, tenant="t1", account="a1")
    assert marked != text
    assert len(marked.split()) == len(text.split())  # one word for one word
    for a, b in zip(text.split(), marked.split(), strict=True):
        assert a[0].isupper() == b[0].isupper()
    assert wm.mark(marked, tenant="t1", account="a1") == marked  # idempotent


def test_article_never_broken(wm: Watermarker) -> None:
    text = " ".join(f"It was a {w} one. It was an {w} one." for s in wm.table.sets for w in s)
    original = set(re.findall(r"\b(a|an) ([a-z]+)", text))
    for acct in ("a1", "a2", "a3"):
        marked = wm.mark(text, tenant="t1", account=acct)
        assert marked != text
        for art, word in re.findall(r"\b(a|an) ([a-z]+)", marked):
            # either the writer's own pair, or one the marker made: then the article must fit
            assert (art, word) in original or (art == "an") == takes_an(word), (art, word)


def test_names_and_all_caps_untouched(wm: Watermarker) -> None:
    words = [s[0] for s in wm.table.sets[:80]]
    text = " ".join(f"We met {w.capitalize()} Smith and saw {w.upper()} there." for w in words)
    assert wm.mark(text, tenant="t1", account="a1") == text


def test_list_items_and_headings_start_sentences(wm: Watermarker) -> None:
    """A model's answers are full of bullets: the Capitalised first word of a list item or heading is marked as a
    sentence start is, streamed or whole; a capital after a dash inside a line is still a name's."""
    src, dst = ("Big", "Large") if wm.mark("Big.", tenant="t1", account="a1") == "Large." else ("Large", "Big")
    assert wm.mark(f"{dst}.", tenant="t1", account="a1") == f"{dst}."  # the account's choice is dst
    for text, marked in ((f"Intro.\n- {src} wins\n", f"Intro.\n- {dst} wins\n"),
                         (f"Intro.\n  * {src} wins\n", f"Intro.\n  * {dst} wins\n"),
                         (f"## {src} wins\n", f"## {dst} wins\n"),
                         (f"Intro - {src} Ben\n", f"Intro - {src} Ben\n")):
        assert wm.mark(text, tenant="t1", account="a1") == marked
        assert chunked(wm, text, list(range(1, len(text)))) == marked


@pytest.mark.parametrize("item", ["    - ", "\t- ", "    * ", "    + ", "    1. ", "    12) ", "\t3. "])
def test_an_indented_list_item_is_prose_at_every_cut(wm: Watermarker, item: str) -> None:
    """A nested list item indented 4 spaces or a tab is prose, not an indented code line, and streams as it marks
    whole: the opener looked past the bullet at the space after it, which a stream cut right after the bullet
    (any delta ending inside the item's first word) did not have yet, so streamed nested bullets were read as
    code and left unmarked."""
    src, dst = ("big", "large") if wm.mark("big.", tenant="t1", account="a1") == "large." else ("large", "big")
    text = f"Steps:\n1. First\n{item}a {src} one\n{item}{src}\n"
    marked = text.replace(f" {src} ", f" {dst} ").replace(f"{item}{src}", f"{item}{dst}")
    assert wm.mark(text, tenant="t1", account="a1") == marked
    for cut in range(1, len(text)):
        assert chunked(wm, text, [cut]) == marked, repr(text[:cut])
    assert chunked(wm, text, list(range(1, len(text)))) == marked
    code = f"Code:\n\n{item.rstrip()}x = {src}\n"  # the bullet glued to what follows: an indented code line
    assert wm.mark(code, tenant="t1", account="a1") == code == chunked(wm, code, list(range(1, len(code))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), cuts=st.lists(st.integers(0, 3000), max_size=40),
       extra=st.sampled_from(["", "\n\n```py\nbig = large\n```\n", " `big` ", ' "big" ', " {\"k\": \"big\"} "]))
def test_streaming_equals_whole_text(wm: Watermarker, seed: int, cuts: list[int], extra: str) -> None:
    text = prose(wm.table, 30, seed) .replace(". ", ". " + extra, 3)
    assert chunked(wm, text, cuts) == wm.mark(text, tenant="t1", account="a1")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.lists(st.sampled_from(list("bigLarge usualy`\"'{}[]\n ~.-@/:") + ["big", "large", "usually", "Big",
                                                                             "```", "http://", " a ", " an "]),
                    max_size=120).map("".join),
       cuts=st.lists(st.integers(0, 300), max_size=30))
def test_streaming_equals_whole_text_on_adversarial_input(wm: Watermarker, text: str, cuts: list[int]) -> None:
    marked = wm.mark(text, tenant="t1", account="a1")
    assert chunked(wm, text, cuts) == marked
    assert wm.stream("t1", "a1").whole(text) == marked  # a JSON answer's text, in one piece


def test_whole_after_fed_text_continues_the_stream(wm: Watermarker) -> None:
    text = "It is usually big. " * 20
    s = wm.stream("t1", "a1")
    assert s.feed(text[:33]) + s.whole(text[33:]) == wm.mark(text, tenant="t1", account="a1")


PROTECTED = st.one_of(
    st.builds(lambda body: f"\n\n```python\n{body}\n```\n\n", st.sampled_from(
        ["x = 'big large'\nusually()", "for big in large:\n    quickly(big)", "# perhaps big"])),
    st.builds(lambda w: f"`{w} large`", st.sampled_from(["big", "usually", "perhaps"])),
    st.builds(lambda d: json.dumps(d), st.dictionaries(st.sampled_from(["big", "large", "color"]),
                                                       st.sampled_from(["big value", "usually large", "gray"]),
                                                       min_size=1)),
    st.sampled_from(["https://example.com/big/large?usually=perhaps", "www.big-large.org/colour",
                     "big.large@example.org", "3.14 big5 10large", "\"big and large, usually\"",
                     "'perhaps big'", "“usually large”", "well-known big-hearted re-organize"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), spans=st.lists(PROTECTED, min_size=1, max_size=4),
       cuts=st.lists(st.integers(0, 4000), max_size=20))
def test_protected_spans_byte_identical(wm: Watermarker, seed: int, spans: list[str], cuts: list[int]) -> None:
    sentences = prose(wm.table, 24, seed).split(". ")
    step = max(1, len(sentences) // (len(spans) + 1))
    for i, span in enumerate(spans):
        sentences[(i + 1) * step] += " " + span + " here"
    text = ". ".join(sentences)
    marked = wm.mark(text, tenant="t1", account="a9")
    for span in spans:
        assert span in marked, span
    assert chunked(wm, text, cuts, account="a9") == marked


def test_exclusions(wm: Watermarker) -> None:
    text = "The big plan was usually fine and perhaps large. Version big-2 of BigCo ships."
    ex = Watermarker(SECRET, exclude_patterns=[r"(?i:usually)"])
    assert all("usually" in ex.mark(text, tenant="t1", account=a) for a in ("a1", "a2", "a3", "a4"))
    from gateway.watermark.table import load_table as lt
    no_big = Watermarker(SECRET, table=lt(frozenset({"big", "large"})))
    for acct in ("a1", "a2", "a3", "a4"):
        out = no_big.mark(text, tenant="t1", account=acct)
        assert " big plan" in out and " large." in out


def test_strength_zero_is_identity_and_nested(wm: Watermarker) -> None:
    text = prose(wm.table, 80, seed=5, plain=True)
    assert wm.mark(text, tenant="t1", account="a1", strength=0.0) == text
    half = wm.mark(text, tenant="t1", account="a1", strength=0.5).split()
    full = wm.mark(text, tenant="t1", account="a1", strength=1.0).split()
    orig = text.split()
    changed_half = {i for i, (a, b) in enumerate(zip(orig, half, strict=True)) if a != b}
    changed_full = {i for i, (a, b) in enumerate(zip(orig, full, strict=True)) if a != b}
    assert changed_half < changed_full


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), cuts=st.lists(st.integers(0, 3000), max_size=20))
def test_a_chain_of_transforms_gives_the_same_text_whole_and_streamed(wm: Watermarker, seed: int,
                                                                     cuts: list[int]) -> None:
    text = prose(wm.table, 30, seed)
    factory = compose([lambda: wm.stream("t1", "a1"), lambda: wm.stream("t2", "a2")])
    expected = wm.mark(wm.mark(text, tenant="t1", account="a1"), tenant="t2", account="a2")
    assert factory().whole(text) == expected
    chain, out, prev = factory(), [], 0
    for cut in sorted(set(cuts)) + [len(text)]:
        out.append(chain.feed(text[prev:cut]))
        prev = cut
    assert "".join(out) + chain.flush() == expected


@pytest.mark.parametrize("run", [
    "data:image/png;base64," + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB" * 32_000,  # one whitespace-free "word" of 1 MB
    "\n" * 2_000_000,  # a run of blank lines
], ids=["long-word", "long-whitespace"])
def test_a_long_run_without_a_word_boundary_is_streamed_in_linear_time(wm: Watermarker, run: str) -> None:
    """Each delta copied and re-scanned everything held back: a 100 KB base64 blob streamed in 4-character
    deltas cost 2.2 s of the event loop, 400 KB 36 s, these runs minutes (past the suite's 120-s timeout).
    What cannot complete a word is only appended to what is held, and the text is the same."""
    text = "It is usually big: " + run + " and usually big."
    s = wm.stream("t1", "a1")
    out = [s.feed(text[i:i + 4]) for i in range(0, len(text), 4)]
    out.append(s.flush())
    assert "".join(out) == wm.mark(text, tenant="t1", account="a1")
    s = wm.stream("t1", "a1")
    assert s.feed(text[:-7]) + s.whole(text[-7:]) == wm.mark(text, tenant="t1", account="a1")
