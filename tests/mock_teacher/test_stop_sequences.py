"""Stop sequences (OpenAI `stop`, Anthropic `stop_sequences`): prose ends before the first one the reply contains,
the sequence itself left out, with the APIs' finish reasons, streamed or not; structured replies are never cut."""

from __future__ import annotations

import anthropic
import openai
import pytest

from gateway.mock_teacher.prose import count_tokens
from gateway.mock_teacher.replies import ReplyEngine
from gateway.mock_teacher.settings import MockSettings
from tests.mock_teacher.test_replies import ask
from tests.support.mock_teacher import MockTeacherHandle

PROMPT = "Summarise the trade-offs of sliding window rate limits."
USER = [{"role": "user", "content": PROMPT}]


def a_word_in(text: str) -> str:
    """A word from the middle of the reply (so the cut leaves text before it)."""
    words = text.split()
    return next(w for w in words[len(words) // 2:] if w.isalpha() and len(w) > 3)


def test_the_reply_ends_before_the_earliest_stop_sequence_it_contains() -> None:
    engine = ReplyEngine(MockSettings())
    whole = engine.reply(ask(PROMPT))
    word = a_word_in(whole.text)
    cut = engine.reply(ask(PROMPT, stop=("never in the reply ~~", word)))
    at = whole.text.find(word)
    assert cut.text == whole.text[:at] and cut.stop_sequence == word
    assert cut.finish_reason == "stop" and not cut.truncated and cut.tokens == count_tokens(cut.text) < whole.tokens
    earliest = whole.text.split()[1]
    assert engine.reply(ask(PROMPT, stop=(word, earliest))).stop_sequence == earliest
    assert engine.reply(ask(PROMPT, stop=("never in the reply ~~",))) == whole


def test_structured_replies_are_never_cut() -> None:
    engine = ReplyEngine(MockSettings())
    whole = engine.reply(ask(PROMPT, json_mode=True))
    assert engine.reply(ask(PROMPT, json_mode=True, stop=('"',))) == whole


def test_openai_chat_and_completions_stop_streamed_or_not(mock: MockTeacherHandle) -> None:
    client = openai.OpenAI(base_url=mock.url + "/v1", api_key="sk-test", max_retries=0)
    whole = client.chat.completions.create(model="m", messages=USER, max_tokens=120).choices[0].message.content
    word = a_word_in(whole)
    r = client.chat.completions.create(model="m", messages=USER, max_tokens=120, stop=[word])
    assert r.choices[0].message.content == whole[:whole.find(word)] and r.choices[0].finish_reason == "stop"
    streamed = client.chat.completions.create(model="m", messages=USER, max_tokens=120, stop=word, stream=True)
    chunks = list(streamed)
    assert "".join(c.choices[0].delta.content or "" for c in chunks if c.choices) == r.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    legacy = client.completions.create(model="m", prompt=PROMPT, max_tokens=120)
    w = a_word_in(legacy.choices[0].text)
    cut = client.completions.create(model="m", prompt=PROMPT, max_tokens=120, stop=[w])
    assert cut.choices[0].text == legacy.choices[0].text[:legacy.choices[0].text.find(w)]
    with pytest.raises(openai.BadRequestError, match="stop"):
        client.chat.completions.create(model="m", messages=USER, stop=[1, 2])
    with pytest.raises(openai.BadRequestError, match="at most 4"):
        client.chat.completions.create(model="m", messages=USER, stop=["a", "b", "c", "d", "e"])


def test_anthropic_stop_sequences_streamed_or_not(mock: MockTeacherHandle) -> None:
    client = anthropic.Anthropic(base_url=mock.url, api_key="sk-ant-test", max_retries=0)
    whole = client.messages.create(model="c", max_tokens=120, messages=USER).content[0].text
    word = a_word_in(whole)
    m = client.messages.create(model="c", max_tokens=120, messages=USER, stop_sequences=[word])
    assert m.content[0].text == whole[:whole.find(word)]
    assert m.stop_reason == "stop_sequence" and m.stop_sequence == word
    with client.messages.stream(model="c", max_tokens=120, messages=USER, stop_sequences=[word]) as s:
        text = "".join(s.text_stream)
        final = s.get_final_message()
    assert text == m.content[0].text and final.stop_reason == "stop_sequence" and final.stop_sequence == word
    plain = client.messages.create(model="c", max_tokens=120, messages=USER, stop_sequences=["never ~~"])
    assert plain.stop_sequence is None and plain.stop_reason in ("end_turn", "max_tokens")
