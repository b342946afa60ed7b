"""The stream redactor's output equals whole-text redaction for any chunking."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.pii.redact import StreamRedactor
from tests.pii.corpus import CORPUS, PEM_FULL, PROSE
from tests.pii.streaming import redact_in_pieces as _stream

_TEXTS = [text for text, _ in CORPUS] + [
    PROSE + "Call (212) 555-0142 or mail jane.doe@example.com. " + PROSE,
    "```\ncode a@example.com\n```\nprose b@example.com\n```py\nc@example.com",
    PROSE[:100] + PEM_FULL + "\n" + PROSE[:100],
    # phone numbers next to dead digit runs, extensions, adjacent same-type entities
    "took 18 months, call +44 20 7946 0958  (212) 555-0142 ext. 12 in 2025" + " " * 40 + "or 020 7946 0958, x 9",
]


@st.composite
def chunked(draw):
    parts = draw(st.lists(st.sampled_from(_TEXTS), min_size=1, max_size=4))
    text = " ".join(parts)
    cuts = draw(st.lists(st.integers(0, len(text)), max_size=40))
    return text, cuts


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=chunked(), window=st.sampled_from([32, 128]))
def test_any_chunking_equals_whole_text(corpus_engine, case, window):
    text, cuts = case
    for redactor in (corpus_engine.prompt_redactor, corpus_engine.output_redactor):
        assert _stream(redactor, text, cuts, window) == redactor.redact(text).text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=chunked(), window=st.sampled_from([32, 128]))
def test_whole_is_whole_text_redaction_and_counts_what_it_rewrote(corpus_engine, case, window):
    text, cuts = case
    redactor = corpus_engine.output_redactor
    reference = redactor.redact(text)
    stream = StreamRedactor(redactor, window=window)
    assert stream.whole(text) == reference.text
    assert stream.counts == reference.counts
    cut = min(cuts, default=0)  # after text was fed, the rest continues the stream
    stream = StreamRedactor(redactor, window=window)
    assert stream.feed(text[:cut]) + stream.whole(text[cut:]) == _stream(redactor, text, [cut], window)


def test_character_by_character(corpus_engine):
    redactor = corpus_engine.prompt_redactor
    for text in _TEXTS[-4:]:  # entities across many chunks, fences, a PEM block longer than the window, phones
        assert _stream(redactor, text, list(range(len(text))), 32) == redactor.redact(text).text


def test_prose_is_held_back_at_most_the_window(corpus_engine):
    stream = StreamRedactor(corpus_engine.prompt_redactor, window=128)
    words = [word + " " for word in (PROSE * 3).split(" ")]
    fed, released, first = 0, 0, None
    for word in words:
        fed += len(word)
        released += len(stream.feed(word))
        if released and first is None:
            first = fed
        assert fed - released <= 128  # after every delta, not only on average
    assert first is not None and first <= 128 + max(map(len, words))  # first text leaves once the window is full


def test_adjacent_same_type_entities_split_by_a_cut(corpus_engine):
    # Found by the stress run: Presidio's anonymizer merged same-type entities separated by spaces,
    # so a cut between them rewrote "<PHONE_NUMBER>  <PHONE_NUMBER>" where the whole text had one tag.
    text = "12  +44 20 7946 0958  (212) 555-0142  see /usr/local/lib/python3.11/x.py  212 x 555 x 0142  18  +"
    redactor = corpus_engine.prompt_redactor
    assert redactor.redact(text).text.startswith("12  <PHONE_NUMBER>  <PHONE_NUMBER>  see")
    assert _stream(redactor, text, list(range(len(text))), 32) == redactor.redact(text).text


def test_counts_by_entity_type(corpus_engine):
    stream = StreamRedactor(corpus_engine.prompt_redactor, window=32)
    text = "a@example.com and b@example.com, call (212) 555-0142. " + PROSE
    out = "".join(stream.feed(text[i:i + 7]) for i in range(0, len(text), 7)) + stream.flush()
    assert out.startswith("<EMAIL_ADDRESS> and <EMAIL_ADDRESS>, call <PHONE_NUMBER>.")
    assert stream.counts == {"EMAIL_ADDRESS": 2, "PHONE_NUMBER": 1}


def test_fences_opened_and_closed_between_two_scans(corpus_engine):
    # The fence tracker is fed once per scan, not per delta: a whole fenced block (markers split
    # across deltas) arriving between two scans must still keep its e-mail and redact the next one.
    redactor = corpus_engine.output_redactor
    text = ("intro " * 30 + "\n~~~\nx@example.com\n~~~\nafter y@example.com\n```\nz@example.com\n``"
            + "`\n" + "tail " * 30)
    whole = redactor.redact(text).text
    assert "x@example.com" in whole and "z@example.com" in whole and "y@example.com" not in whole
    for size in (1, 2, 3, 5, 64, 200):
        for window in (32, 128):
            assert _stream(redactor, text, list(range(0, len(text), size)), window) == whole, (size, window)
