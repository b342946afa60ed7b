"""The quiet-text fast path (`_QuietProbes` in gateway/pii/engine.py): a text in which no gate's
trigger occurs returns no findings without running the gated scan, and texts where a trigger is
present (whole, split across stream chunks, inside code fences) behave as before."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gateway.pii.redact import StreamRedactor
from tests.pii.corpus import PROSE
from tests.pii.streaming import redact_in_pieces as _stream

QUIET_PROSE = "".join(c for c in PROSE if not c.isdigit())  # no digit, "@", key prefix or URL-like dot


def _gates(scanner):
    return [g.gate for g in scanner._text_groups + scanner._token_groups + scanner._digit_groups]


# Near misses of the literal triggers and their key characters, real triggers, digits of all kinds.
_PIECES = ["sk", "k-", "s k-", "sk-", "sk-ant-", "-", "--", "-----BEGI", "-----BEGIN", "eyj", "EYJ", "eyJ", "J",
           "@", "AKIA", "AKI", "ghp_", "gh_", "github_pat_", "4111 111", "536-90", "12", "\u0665\u0663\u0666\u0669\u0660",
           "café", "a.b", "::", "word", " ", "\n", "```\n", "xo", "xox", "AIz", "AIza", "hf", "hf_", ":/", "://",
           "k_live", "k_live_", "k_test_", "glpat", "glpat-", "://hooks"]
_texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=12)), max_size=10).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_quiet_exactly_when_no_trigger_occurs(all_entities_engines, corpus_engine, text):
    for scanner in (all_entities_engines[0].prompt, corpus_engine.prompt, corpus_engine.output):
        expected = not any(g.trigger.search(text) for g in _gates(scanner))
        assert scanner._probes.quiet(text) is expected, text


def test_literal_triggers_are_probed_through_a_rare_character(corpus_engine):
    probes = corpus_engine.output._probes
    keys = dict(probes.literals)
    assert keys["-"] == ("-----BEGIN", "glpat-", "sk-")  # "sk-ant-" is implied by "sk-"
    assert keys["@"] == ("@",)
    assert probes.quiet(QUIET_PROSE)
    assert probes.quiet(QUIET_PROSE + " a well-known, long-term plan")  # the key occurs, no literal does
    assert not probes.quiet(QUIET_PROSE + " the task-based plan")  # "sk-": the full scan decides (nothing)
    assert corpus_engine.output.scan(QUIET_PROSE + " the task-based plan") == []


def test_quiet_prose_finds_nothing_like_plain_presidio(all_entities_engines):
    fast, plain = all_entities_engines
    text = QUIET_PROSE * 5
    assert fast.prompt._probes.quiet(text)
    assert fast.prompt.analyze(text) == plain.prompt.analyze(text) == []


_ENTITIES = ["jane.doe@example.com", "(212) 555-0142", "536-90-4399", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
             "4111 1111 1111 1111"]


@pytest.mark.parametrize("entity", _ENTITIES)
@pytest.mark.parametrize("window", [32, 128])
def test_entity_after_quiet_prose_at_every_chunk_boundary(corpus_engine, entity, window):
    # The buffer is quiet (fast path) until the entity arrives; a cut at any of its characters,
    # or either side of it, must leave the output as whole-text redaction has it.
    redactor = corpus_engine.output_redactor
    head = QUIET_PROSE * 2 + "mail "
    text = head + entity + " " + QUIET_PROSE
    whole = redactor.redact(text).text
    assert "<" in whole and entity not in whole
    for at in range(len(head) - 3, len(head) + len(entity) + 4):
        assert _stream(redactor, text, [at], window) == whole, at
    # one feed of everything, as a JSON answer is transformed
    assert _stream(redactor, text, [], window) == whole


@pytest.mark.parametrize("window", [32, 128])
def test_fenced_entity_after_quiet_prose_stays_and_the_one_after_the_fence_goes(corpus_engine, window):
    redactor = corpus_engine.output_redactor
    assert redactor.scanner.rule.skip_code_fences
    text = (QUIET_PROSE + "\n```python\nSUPPORT = 'help@example.com'  # (212) 555-0142\n```\n"
            + QUIET_PROSE + " write to sales@example.com\n")
    whole = redactor.redact(text).text
    assert "help@example.com" in whole and "(212) 555-0142" in whole
    assert "sales@example.com" not in whole and "<EMAIL_ADDRESS>" in whole
    fence = text.index("```")
    for at in [*range(fence - 2, fence + 12), text.index("help@"), text.index("@example.com'"),
               text.index("```\n", fence + 3), text.index("sales@") + 3]:
        assert _stream(redactor, text, [at], window) == whole, at
    assert _stream(redactor, text, list(range(0, len(text), 7)), window) == whole


def test_quiet_stream_releases_as_before(corpus_engine):
    # Nothing to find: the hold-back (what each feed releases) is decided by the cut rules alone.
    stream = StreamRedactor(corpus_engine.output_redactor, window=128)
    words = [w + " " for w in (QUIET_PROSE * 3).split(" ")]
    fed = released = 0
    for word in words:
        fed += len(word)
        released += len(stream.feed(word))
        assert fed - released <= 128
    assert released + len(stream.flush()) == fed
    assert stream.counts == {}


# FenceTracker.feed skips texts without a fence character; _feed_lines is the line-by-line reference.
_FENCE_PIECES = ["```", "~~~", "``", "`", "~", "```py", "   ```", "    ```", " ", "  ", "\n", "\n\n", "a", "text ",
                 "x@example.com", "\t", "- item"]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(_FENCE_PIECES), max_size=30), data=st.data())
def test_fence_tracker_fast_path_matches_the_line_by_line_reference(pieces, data):
    from gateway.pii.fences import FenceTracker

    text = "".join(pieces)
    cuts = sorted(set(data.draw(st.lists(st.integers(0, len(text)), max_size=12))))
    fast, reference = FenceTracker(), FenceTracker()
    prev = 0
    for cut in [*cuts, len(text)]:
        fast.feed(text[prev:cut])
        reference._feed_lines(text[prev:cut])
        prev = cut
        assert fast.spans == reference.spans, (text, cuts)
    fast.finish()
    reference.finish()
    assert fast.spans == reference.spans, (text, cuts)


def test_a_closing_fence_line_ended_by_a_later_delta_closes_the_region():
    from gateway.pii.fences import FenceTracker, fence_spans

    text = "```\ncode\n```   \nprose after\n"
    for cut in range(len(text) + 1):
        tracker = FenceTracker()
        tracker.feed(text[:cut])
        tracker.feed(text[cut:])
        tracker.finish()
        assert tracker.spans == fence_spans(text) == [(0, 16)], cut
