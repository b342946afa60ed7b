"""Two-word phrasings ("do not" / "don't"): marked as one set, streamed with a bounded hold-back."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.watermark.detect import KeyRegistry, detect, observe
from gateway.watermark.embed import Watermarker

SECRET = b"test-master-secret-0123456789abcdef"
PHRASES = ["do not", "don't", "Do not", "Don't", "is not", "isn't", "cannot", "can't", "per cent", "percent",
           "will not", "won't", "were not", "weren't"]


@pytest.fixture(scope="module")
def wm() -> Watermarker:
    return Watermarker(SECRET)


def sentence_soup(rng_words: list[str]) -> str:
    return " ".join(rng_words)


def chunked(wm: Watermarker, text: str, cuts: list[int], account: str = "a1") -> str:
    t = wm.stream("t1", account)
    out, prev = [], 0
    for b in sorted({min(c, len(text)) for c in cuts}) + [len(text)]:
        out.append(t.feed(text[prev:b]))
        prev = b
    return "".join(out) + t.flush()


def test_phrase_sets_are_marked_both_ways(wm: Watermarker) -> None:
    sid = wm.table.index["do not"][0]
    assert wm.table.index["don't"][0] == sid
    # pick an auxiliary whose set is in the account channel, so accounts differ
    own = [s for s in wm.table.sets if " " in s[0] and not wm.layout.is_shared[wm.table.index[s[0]][0]]]
    full, short = own[0][0], own[0][1]
    text = f"We {full} know. {full.capitalize()} wait."
    outs = {wm.mark(text, tenant="t1", account=f"a{i}") for i in range(16)}
    # both variants occur across accounts, each written with the sentence-start capital kept
    assert outs == {text, f"We {short} know. {short.capitalize()} wait."}


def test_phrase_needs_a_single_space_and_whole_words(wm: Watermarker) -> None:
    for text in ("We do  not know.", "We do\nnot know.", "We do nothing.", "We undo not much.", "`do not`",
                 "We do-not know."):
        assert {wm.mark(text, tenant="t1", account=f"a{i}") for i in range(8)} == {text}


def test_hold_back_is_the_phrase_head_only(wm: Watermarker) -> None:
    t = wm.stream("t1", "a1")
    assert t.feed("The tests do") == "The tests"  # "do" may start "do not": held with its space
    out = t.feed(" not pass and ")  # the phrase is complete: released up to the last word
    assert out.endswith("pass and") or out.endswith("pass")
    t2 = wm.stream("t1", "a1")
    assert t2.feed("The tests pass ") == "The tests pass"  # no phrase head: only whitespace held


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(PHRASES + ["we", "it", "the", "a", ".", "\n\n", "`", "do", "is", "not",
                                                 "not.", "do,", "per", "cent", "(do", "(per", "—is", "*do",
                                                 "(Do", "x(is"]), max_size=60),
       cuts=st.lists(st.integers(0, 400), max_size=30))
def test_streaming_equals_whole_text_with_phrases(wm: Watermarker, words: list[str], cuts: list[int]) -> None:
    text = " ".join(words)
    assert chunked(wm, text, cuts) == wm.mark(text, tenant="t1", account="a1")


def test_a_phrase_after_opening_punctuation_is_held_back_whole(wm: Watermarker) -> None:
    """The scanner reads "(per cent" as the phrase after "(": the stream must not release "(per" before it
    knows whether "cent" follows, at any cut."""
    text = "The rate (per cent of users) is low, and (do not forget) it —is not over."
    for account in ("a1", "a2", "a3", "a4"):
        whole = wm.mark(text, tenant="t1", account=account)
        assert all(chunked(wm, text, [cut], account) == whole for cut in range(len(text))), account


@pytest.mark.parametrize("text", [
    "You must not—do not—touch the wire.",
    "It is not—for example—a rule, and it does not;(per cent) count.",
    "We will not—were not, did not—go.",
    "They do not—do not—do not—do not—stop.",
])
def test_a_phrase_whose_second_word_is_glued_to_the_next_phrase_head_is_not_cut(wm: Watermarker, text: str) -> None:
    """"must not—do": the token "not—do" ends with a phrase's first word, so the stream holds it back; cutting
    right before it cut the phrase "must not" in two, and token by token the stream kept "must not" where the
    whole answer was marked "mustn't" (em dashes without spaces are common in a model's prose)."""
    tokens = re.findall(r"\s*\S+", text)
    for account in ("a1", "a2", "a3", "a4", "a5"):
        whole = wm.mark(text, tenant="t1", account=account)
        assert chunked(wm, text, [sum(map(len, tokens[:i])) for i in range(len(tokens))], account) == whole
        assert all(chunked(wm, text, [cut], account) == whole for cut in range(len(text))), account


def test_typographic_apostrophe_is_detected(wm: Watermarker) -> None:
    straight = observe("They don't agree.", wm)
    assert straight == observe("They don\u2019t agree.", wm) and straight


def test_contractions_carry_attribution(wm: Watermarker) -> None:
    accounts = [("t1", f"acct-{i}") for i in range(50)]
    reg = KeyRegistry(wm, accounts)
    text = " ".join(f"Step {n} {p} finish in time." for n, p in enumerate(
        ["does not", "did not", "is not", "was not", "will not", "would not", "should not", "could not",
         "must not", "cannot", "has not", "had not", "do not", "are not", "were not", "have not"]))
    marked = wm.mark(text, tenant="t1", account="acct-7")
    assert re.sub(r"\w+n't|cannot|\w+ not", "X", marked) == re.sub(r"\w+n't|cannot|\w+ not", "X", text)
    res = detect(marked, reg)
    assert res.positions_scored == 16
    assert res.candidates[0].account == "acct-7" or res.shared_p_value < 0.05
