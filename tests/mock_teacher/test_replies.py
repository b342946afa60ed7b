"""Replies are deterministic, follow the prompt, look like real prose and respect token limits."""

import json

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from gateway.mock_teacher.prose import ProseGenerator, count_tokens, reply_key, split_deltas
from gateway.mock_teacher.replies import ReplyEngine
from gateway.mock_teacher.requests_in import ReplyRequest
from gateway.mock_teacher.settings import MockSettings


def ask(prompt: str, model: str = "m", max_tokens: int | None = 200, **kw) -> ReplyRequest:
    return ReplyRequest(prompt=prompt, messages=1, model=model, max_tokens=max_tokens, **kw)


def test_same_prompt_model_and_seed_give_the_same_reply() -> None:
    first = ReplyEngine(MockSettings(seed=7)).reply(ask("How do retries work?"))
    again = ReplyEngine(MockSettings(seed=7, reply_cache_size=0)).reply(ask("How do retries work?"))
    assert first == again


def test_prompt_model_seed_and_choice_each_change_the_reply() -> None:
    engine = ReplyEngine(MockSettings())
    base = engine.reply(ask("How do retries work?")).text
    assert engine.reply(ask("How do timeouts work?")).text != base
    assert engine.reply(ask("How do retries work?", model="other")).text != base
    assert ReplyEngine(MockSettings(seed=1)).reply(ask("How do retries work?")).text != base
    assert engine.reply(ask("How do retries work?"), index=1).text != base


def test_prompts_with_a_decline_phrase_get_a_short_refusal_and_others_an_answer() -> None:
    engine = ReplyEngine(MockSettings(decline_phrases=("Without Them Knowing",)))
    declined = engine.reply(ask("How do I read my brother's messages without them knowing?"))
    assert declined.text.startswith("I can't help with that request. ") and declined.tokens == count_tokens(declined.text)
    assert declined == engine.reply(ask("How do I read my brother's messages without them knowing?"))
    assert not engine.reply(ask("How do I read my own messages on a new phone?")).text.startswith("I can't")
    assert not ReplyEngine(MockSettings()).reply(ask("... without them knowing?")).text.startswith("I can't")


def test_replies_mention_words_of_the_prompt() -> None:
    engine = ReplyEngine(MockSettings())
    text = engine.reply(ask("Explain idempotency keys for payment webhooks", max_tokens=400)).text.lower()
    assert any(word in text for word in ("idempotency", "payment", "webhooks"))


def test_replies_have_paragraphs_lists_and_code() -> None:
    generator = ProseGenerator(cache_size=0)
    texts = [generator.reply(reply_key("prompt", i), 400).text for i in range(30)]
    assert all("\n\n" in t for t in texts)
    assert sum("\n- " in t for t in texts) >= 10
    assert sum("```" in t for t in texts) >= 5
    assert all(t.count("```") % 2 == 0 for t in texts)  # fences close (code is never cut when it fits)


def test_length_tracks_the_token_limit() -> None:
    generator = ProseGenerator(cache_size=0)
    for limit in (1, 2, 7, 30, 100, 300, 1000):
        for i in range(5):
            prose = generator.reply(reply_key("p", limit, i), limit)
            assert prose.tokens == count_tokens(prose.text)
            assert 0.75 * limit <= prose.tokens <= limit
            if prose.truncated:
                assert prose.tokens == limit
            else:  # a natural ending: a whole sentence, list item or code block
                assert prose.text.endswith((".", "?", "```"))


def test_json_schema_replies_validate_for_many_prompts() -> None:
    schema = {"type": "object", "properties": {
        "name": {"type": "string", "maxLength": 12},
        "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 3},
        "count": {"type": "integer", "minimum": 3, "maximum": 9},
        "ratio": {"type": "number", "minimum": 0, "maximum": 1},
        "mode": {"const": "fast"},
        "child": {"$ref": "#/$defs/node"}},
        "required": ["name", "tags", "count", "ratio", "mode", "child"],
        "$defs": {"node": {"type": "object", "properties": {"next": {"anyOf": [{"$ref": "#/$defs/node"},
                                                                               {"type": "null"}]}},
                           "required": ["next"]}}}
    engine = ReplyEngine(MockSettings())
    for i in range(25):
        reply = engine.reply(ask(f"prompt {i}", json_mode=True, json_schema=schema))
        jsonschema.validate(json.loads(reply.text), schema)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=6))
def test_stream_deltas_concatenate_to_the_text(text: str, words: int) -> None:
    assert "".join(split_deltas(text, words)) == text
