"""Covenant's gated scanner finds exactly what plain Presidio finds with the same recognizers."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.pii.corpus import CORPUS, PROSE

# Fragments that exercise every trigger and the places where gating could differ from plain
# Presidio: separators inside entities, entities glued to words, digits runs of every length.
_FRAGMENTS = [text for text, _ in CORPUS] + [
    "4111", "1111", "555", "0142", "(212)", "+44", "20", "7946", "0958", "536-90-4399", "GB82", "WEST",
    "12:30", "2024-01-31", "01/02/2024", "10.0.0.1", "fe80::1", "::", "00:1A:2B:3C:4D:5E", "@", ".com",
    "www.example.org/path", "x", "ext.", "-", ".", "/", "_", ":", "1", "9", "12345678", "A1234567",
    "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    # non-ASCII texts take the Unicode triggers (\\d also matches these digits), ASCII ones the fast path
    "café", "Zoë", "\u0665\u0663\u0666-\u0669\u0660-\u0664\u0663\u0669\u0669", "\uff14\uff11\uff11\uff11",
]
_SEPARATORS = st.sampled_from([" ", "", "\n", "\t", ", ", "-", " - ", "."])


def _pieces_to_text(pieces: list[tuple[str, str]]) -> str:
    return "".join(frag + sep for frag, sep in pieces)


texts = st.lists(st.tuples(st.sampled_from(_FRAGMENTS), _SEPARATORS), min_size=1, max_size=12).map(_pieces_to_text)


def _same(engines, text: str) -> None:
    fast, plain = engines
    assert fast.prompt.analyze(text) == plain.prompt.analyze(text), text


def test_corpus_same_findings_for_every_offline_entity(all_entities_engines):
    fast, plain = all_entities_engines
    total = 0
    for text, _ in CORPUS:
        found = fast.prompt.analyze(text)
        assert found == plain.prompt.analyze(text), text
        total += len(found)
    assert total > len(CORPUS)  # threshold 0: weak recognizers fire too, so the comparison has substance


def test_prose_same_findings(all_entities_engines):
    _same(all_entities_engines, PROSE * 10)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_generated_texts_same_findings(all_entities_engines, text):
    _same(all_entities_engines, text)


# Phone numbers: digits far from any trigger are masked before the matcher runs
# (gateway/pii/digit_mask.py). These fragments probe what a phonenumbers candidate may reach:
# extensions after long separator runs, lead brackets and plus signs, dates, time stamps,
# "x"/"X" as punctuation, non-ASCII digits; fillers put groups near and beyond GAP_WEIGHT.
_PHONE_FRAGMENTS = [
    "(212) 555-0142", "+44 20 7946 0958", "212-555-0142", "2125550142", "212X555X0142", "212 x 555 x 0142",
    "ext. 12", "extension 7", " x 9", "#", ";ext=12", "anexo 3", "int 4", "12", "2025", "18", "3", "555",
    "0142", "(", "+", "+1", "12:30", ":45", "01/02/2024", "2024-01-31", "\u0661\u0662\u0663\u0664\u0665\u0666\u0667",
    ", , , , , , , , , , , , , , , , , , , , ,", "- - - - - - - - - - - - - - -", "\xa0" * 40, "\t" * 40,
    "020 7946 0958", "07700 900123", "1-800-555-0199", "555 0142", "p. 212-555",
]
_FILLERS = st.sampled_from(["", " ", " months ", " and then ", " Several members raised concerns about the timeline ",
                            " " * 35, "." * 5, " The chair proposed a phased approach with three milestones. "])
phone_texts = st.lists(st.tuples(st.sampled_from(_PHONE_FRAGMENTS), _FILLERS), min_size=1, max_size=16).map(
    _pieces_to_text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=phone_texts)
def test_phone_texts_same_findings(all_entities_engines, text):
    _same(all_entities_engines, text)


def test_dead_digit_groups_are_masked_and_live_ones_kept():
    from gateway.pii.digit_mask import MASK_CHAR, mask_dead_digits
    from gateway.pii.triggers import phone_gate

    trigger = phone_gate(("US", "GB")).trigger
    far = " the previous project took" + " long words" * 4 + " "
    text = "18 months" + far + "call (212) 555-0142 ext. 12" + far + "in 2025"
    masked = mask_dead_digits(text, trigger)
    assert len(masked) == len(text)
    assert masked.startswith(MASK_CHAR * 2 + " months") and masked.endswith("in " + MASK_CHAR * 4)
    assert "call (212) 555-0142 ext. 12" in masked


_ASCII = st.text(alphabet=st.characters(min_codepoint=9, max_codepoint=126), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(_ASCII, st.sampled_from(_FRAGMENTS[:40])), max_size=6).map("".join))
def test_ascii_triggers_match_exactly_where_the_unicode_ones_do(text):
    from gateway.pii.triggers import _GATES, has_ascii_digit, phone_gate

    assume(text.isascii())
    for gate in [*_GATES.values(), phone_gate(("US", "GB"))]:
        fast = gate.for_text(True)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in gate.trigger.finditer(text)], gate
        if gate.needs_digit and not has_ascii_digit(text):
            assert gate.trigger.search(text) is None, (gate, text)


def test_digit_free_prose_skips_the_digit_gates_and_still_finds_the_rest(all_entities_engines):
    fast, plain = all_entities_engines
    text = PROSE.replace("0", "").replace("1", "") + " mail jane.doe@example.com, token sk-" + "a" * 48
    text = "".join(c for c in text if not c.isdigit())
    found = fast.prompt.analyze(text)
    assert found == plain.prompt.analyze(text)
    assert {f.entity_type for f in found} >= {"EMAIL_ADDRESS"}
