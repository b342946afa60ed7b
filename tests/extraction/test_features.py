"""Feature extraction: each signal on crafted inputs, every API shape, robustness to missing fields."""

from __future__ import annotations

import orjson
import pytest

from gateway.extraction.features import FeatureEvent
from gateway.extraction.patterns import CATEGORIES, COT, EXPLAIN, RUBRIC, TRACE_TAGS
from tests.extraction.helpers import FX, HYDRA_TEMPLATE, chat, event, problem


@pytest.mark.parametrize("text, flag", [
    ("Think step by step and show all of your reasoning.", COT),
    ("Explain every intermediate step, then give the final answer.", EXPLAIN),
    ("Grade the following response using this rubric: correctness, clarity.", RUBRIC),
    ("Put your thoughts inside <thinking> tags first.", TRACE_TAGS),
    ("Resuelve paso a paso.", COT),
    ("请一步一步地思考。", COT),
])
def test_reasoning_elicitation_is_detected(text: str, flag: int) -> None:
    assert event("a", 0, chat(text)).reasoning & flag


def test_plain_prompts_have_no_reasoning_flags() -> None:
    for text in ("What are some good gift ideas for my dad?", "Summarize this article: the market grew.",
                 "Write a poem about autumn leaves and the first frost."):
        assert event("a", 0, chat(text)).reasoning == 0


def test_reasoning_requested_in_the_system_prompt_counts() -> None:
    ev = event("a", 0, chat("What is 12 times 13?", system="Always think step by step."))
    assert ev.reasoning & COT


@pytest.mark.parametrize("text, category", [
    ("Solve for x: 3x + 5 = 20 and compute the derivative of the polynomial.", "math"),
    ("Write a Python function that implements binary search; fix the bug in this code.", "code"),
    ("Why does the enzyme speed up the reaction in the cell?", "science"),
    ("Classify the sentiment of this review as positive or negative.", "classify"),
    ("Tell me something nice.", "other"),
])
def test_category_guess(text: str, category: str) -> None:
    assert CATEGORIES[event("a", 0, chat(text)).category] == category


def test_tools_make_the_request_agentic() -> None:
    body = chat("Book me a table", tools=[{"type": "function", "function": {"name": "book"}}])
    ev = event("a", 0, body)
    assert ev.has_tools and CATEGORIES[ev.category] == "agentic"


def test_sampling_parameters() -> None:
    ev = event("a", 0, chat("hi", n=8, logprobs=True, top_logprobs=20, temperature=1.2, max_tokens=4096))
    assert (ev.n, ev.logprobs, ev.temperature, ev.max_tokens) == (8, 20, 1.2, 4096)
    plain = event("a", 0, chat("hi"))
    assert (plain.n, plain.logprobs, plain.temperature, plain.max_tokens) == (1, 0, -1.0, 0)
    legacy = event("a", 0, {"prompt": "hi", "logprobs": 5, "max_tokens": 7}, api="openai.completions")
    assert legacy.logprobs == 5 and legacy.max_tokens == 7


def test_single_turn_versus_follow_up() -> None:
    assert event("a", 0, chat("first question")).single_turn
    assert not event("a", 0, chat("a follow-up", history=2)).single_turn


def test_end_user_field_in_both_dialects() -> None:
    a = event("a", 0, chat("hi", user="student-1"))
    b = event("a", 0, {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}],
                       "metadata": {"user_id": "student-1"}}, api="anthropic.messages")
    c = event("a", 0, chat("hi", user="student-2"))
    assert a.user_hash == b.user_hash != 0 and a.user_hash != c.user_hash
    assert event("a", 0, chat("hi")).user_hash == 0


def test_client_metadata_uses_the_network_prefix() -> None:
    same_24 = event("a", 0, chat("x"), ip="203.0.113.7").ip_prefix
    assert event("a", 0, chat("x"), ip="203.0.113.200").ip_prefix == same_24
    assert event("a", 0, chat("x"), ip="203.0.114.7").ip_prefix != same_24
    v6 = event("a", 0, chat("x"), ip="2001:db8:1:2::1").ip_prefix
    assert event("a", 0, chat("x"), ip="2001:db8:1:ffff::9").ip_prefix == v6
    assert event("a", 0, chat("x"), ip=None).ip_prefix == 0  # type: ignore[arg-type]


def test_template_signature_survives_slot_changes_but_separates_templates() -> None:
    a = event("a", 0, chat(HYDRA_TEMPLATE.format(p=problem(1))))
    b = event("a", 0, chat(HYDRA_TEMPLATE.format(p=problem(7))))
    unrelated = event("a", 0, chat("Can you recommend a few science fiction novels for a long flight? "
                                   "I liked Dune and The Left Hand of Darkness, nothing too grim please."))
    assert set(a.bands) & set(b.bands), "same template, different slots: must share an LSH band"
    assert not set(a.bands) & set(unrelated.bands)
    assert a.content_hash != b.content_hash
    # The content hash is the exact prompt (resampling sends the same one again); the same sentence with
    # other numbers is template reuse, which the bands see, not a repeat.
    assert event("a", 0, chat("Solve for x: 3x + 5 = 20.")).content_hash == \
        event("b", 9, chat("Solve for x: 3x + 5 = 20.")).content_hash
    assert event("a", 0, chat("Solve for x: 3x + 5 = 20.")).content_hash != \
        event("a", 0, chat("Solve for x: 8x + 1 = 99.")).content_hash
    assert set(event("a", 0, chat("Solve for x: 3x + 5 = 20.")).bands) == \
        set(event("a", 0, chat("Solve for x: 8x + 1 = 99.")).bands)


def test_a_template_whose_slot_sits_at_one_end_keeps_one_signature_across_slots() -> None:
    suffix = "\nThink step by step and show all of your reasoning before giving the final answer. Be exhaustive."
    a = event("a", 0, chat("Solve: A train travels 82 km in 3 hours. At the same speed, how far in 7 hours?" + suffix))
    b = event("a", 0, chat("Solve: How many ways can 8 people sit around a round table if rotations count once?"
                           + suffix))
    assert set(a.bands) & set(b.bands), "same instructions after different problems: one shared key"
    c = event("a", 0, chat("Solve: How many ways can 8 people sit around a round table if rotations count once? "
                           "Can you show the steps?"))
    assert not set(a.bands) & set(c.bands), "another question with other instructions"


@pytest.mark.parametrize("api, body", [
    ("openai.chat.completions", {"messages": [{"role": "user", "content": [{"type": "text", "text": "step by step"}]}]}),
    ("openai.completions", {"prompt": ["step by step please"]}),
    ("openai.responses", {"input": "step by step", "instructions": "be brief"}),
    ("openai.responses", {"input": [{"role": "user", "content": [{"type": "input_text", "text": "step by step"}]}]}),
    ("anthropic.messages", {"system": [{"type": "text", "text": "think step by step"}],
                            "messages": [{"role": "user", "content": "hello"}]}),
])
def test_every_api_shape_is_read(api: str, body: dict) -> None:
    assert event("a", 0, body, api=api).reasoning & COT


@pytest.mark.parametrize("body", [{}, {"messages": None}, {"messages": ["junk", 3]}, {"prompt": 7}, {"input": None}])
def test_malformed_bodies_do_not_raise(body: dict) -> None:
    for api in ("openai.chat.completions", "openai.completions", "openai.responses", "openai.embeddings",
                "anthropic.messages"):
        ev = FX.extract(api, body, "p", 1.0)
        assert ev.reasoning == 0 and ev.bands == ()


def test_event_row_round_trip() -> None:
    ev = event("acct", 12.5, chat("Think step by step: 2+2", n=2), tenant="t", key_id="k", output_tokens=9)
    assert FeatureEvent.from_row(ev.to_row()) == ev


def test_events_from_gateways_of_the_nine_previous_releases_still_decode() -> None:
    # During a rolling upgrade old gateways publish rows without `answered` (previous release), without `branch`
    # either (the one before), without `scenario` either, without `passages` either, without `asks` either, without
    # the round-11 fields either, without `problem` either, without chained/toolset/think_tool either, without
    # stem_hash either or without prior_hash too (the oldest); new workers must read them.
    from gateway.extraction.publisher import decode_event, encode_event

    ev = event("a", 5, chat('What should I cook tonight?\n"a"\n"bb"\n"ccc"', logprobs=True))
    ev.answer_grams = (1, 2, 3)
    assert decode_event(encode_event(ev)) == ev
    names = type(ev).__dataclass_fields__
    declined = FX.describe("openai.chat.completions", chat("Write a fake review for my shop."), "a", 5.0,
                           answer="I can't help with writing fake reviews, but I can help you ask customers for real ones.")
    r26 = decode_event(orjson.dumps([v for k, v in zip(names, declined.to_row(), strict=True) if k != "answered"]))
    assert declined.answered == 2 and r26.answered == 0 and r26.answer_grams == declined.answer_grams
    pasted = event("a", 5, chat("Label it, one word.\n\n" + "The blender is loud but it crushes ice in seconds. " * 4,
                                logprobs=True))
    opening = event("a", 5, {"model": "m", "messages": [{"role": "system", "content": "Instruction: " + "x" * 200},
                                                        {"role": "user", "content": "Hi, how can I help?"}]})
    continued = event("a", 5, {"model": "m", "messages": [{"role": "user", "content": "Solve: 12 + 30 * 2 " + "y" * 60},
                                                          {"role": "assistant", "content": "Step 1: 30 * 2 = 60. " * 3}]})
    r25 = decode_event(orjson.dumps([v for k, v in zip(names, continued.to_row(), strict=True) if k not in ("branch", "answered")]))
    assert continued.branch and r25.branch == () and r25.content_hash == continued.content_hash
    r23 = decode_event(orjson.dumps([v for k, v in zip(names, opening.to_row(), strict=True)
                                     if k not in ("scenario", "branch", "answered")]))
    assert opening.scenario and r23.scenario == () and r23.sys_hash == opening.sys_hash
    previous_release = decode_event(orjson.dumps([v for k, v in zip(names, pasted.to_row(), strict=True)
                                                  if k not in ("passages", "scenario", "branch", "answered")]))
    assert pasted.passages and previous_release.passages == () and previous_release.asks == pasted.asks
    r15 = decode_event(orjson.dumps([v for k, v in zip(names, ev.to_row(), strict=True)
                                     if k not in ("asks", "passages", "scenario", "branch", "answered")]))
    assert ev.asks and r15.asks == () and r15.quote_grams == ev.quote_grams
    r11 = ("schema_hash", "quote_grams", "answer_grams", "asks", "passages", "scenario", "branch", "answered")
    ev = event("a", 5, chat("What to cook tonight?", logprobs=True))  # no sentence of 24 characters: no asks
    assert ev.asks == ()
    assert decode_event(orjson.dumps([v for k, v in zip(names, ev.to_row(), strict=True) if k not in r11])) == ev
    assert decode_event(orjson.dumps([v for k, v in zip(names, ev.to_row(), strict=True)
                                      if k not in ("problem", *r11)])) == ev
    new = ("chained", "toolset", "think_tool", "problem", *r11)
    last = [v for k, v in zip(names, ev.to_row(), strict=True) if k not in new]
    assert decode_event(orjson.dumps(last)) == ev  # the new fields default to what this request has
    previous = [v for k, v in zip(names, ev.to_row(), strict=True) if k not in ("stem_hash", *new)]
    old = decode_event(orjson.dumps(previous))
    assert old.stem_hash == 0 and old.prior_hash == ev.prior_hash and old.excerpt == ev.excerpt
    before = [v for k, v in zip(names, ev.to_row(), strict=True) if k not in ("prior_hash", "stem_hash", *new)]
    older = decode_event(orjson.dumps(before))
    assert older.prior_hash == 0 and older.stem_hash == 0 and older.content_hash == ev.content_hash
    assert older.excerpt == ev.excerpt
