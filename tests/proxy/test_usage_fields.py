"""What an upstream's usage block is read as: the counts token and spend limits are settled with."""

from __future__ import annotations

import orjson
import pytest

from gateway.dialects.responses import read_usage
from gateway.dialects.sse import SSEProcessor
from gateway.pipeline import Usage

CACHED = {"input_tokens": 5, "cache_creation_input_tokens": 100_000, "cache_read_input_tokens": 900_000,
          "output_tokens": 10}


def _sse(name: str, obj: dict) -> bytes:
    return b"event: " + name.encode() + b"\ndata: " + orjson.dumps(obj) + b"\n\n"


def test_anthropic_prompt_cache_reads_and_writes_count_as_input():
    """OpenAI's prompt_tokens include its cached tokens; Anthropic's input_tokens leave them out, so a caller using
    cache_control was charged 15 tokens for a million-token prompt."""
    usage = Usage()
    read_usage("anthropic.messages", {"usage": CACHED}, usage)
    assert (usage.input_tokens, usage.output_tokens, usage.reported) == (1_000_005, 10, True)


def test_the_same_in_an_anthropic_stream():
    usage = Usage()
    sse = SSEProcessor("anthropic.messages", usage, None, False)
    sse.feed(_sse("message_start", {"type": "message_start", "message": {"usage": {**CACHED, "output_tokens": 1}}}))
    sse.feed(_sse("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"},
                                    "usage": {"output_tokens": 10}}))
    assert (usage.input_tokens, usage.output_tokens) == (1_000_005, 10)
    sse.feed(_sse("message_delta", {"type": "message_delta", "delta": {}, "usage": CACHED}))  # cumulative form
    assert usage.input_tokens == 1_000_005


def test_openai_counts_are_read_as_they_are():
    usage = Usage()
    read_usage("openai.chat.completions", {"usage": {"prompt_tokens": 7, "completion_tokens": 3,
                                                     "prompt_tokens_details": {"cached_tokens": 6}}}, usage)
    assert (usage.input_tokens, usage.output_tokens) == (7, 3)


@pytest.mark.parametrize("odd", ["twelve", None, True, -5, float("nan"), [], {"n": 1}])
def test_an_odd_usage_value_counts_zero_and_breaks_nothing(odd):
    usage = Usage()
    read_usage("openai.chat.completions", {"usage": {"prompt_tokens": odd, "completion_tokens": 4}}, usage)
    assert (usage.input_tokens, usage.output_tokens) == (0, 4)
    streamed = Usage()
    sse = SSEProcessor("openai.chat.completions", streamed, None, False)
    chunk = {"id": "c", "choices": [], "usage": {"prompt_tokens": odd, "completion_tokens": 4}}
    sse.feed(b"data: " + orjson.dumps(chunk) + b"\n\n")  # a ValueError escaped the stream loop before
    assert (streamed.input_tokens, streamed.output_tokens) == (0, 4)


def test_a_count_sent_as_a_string_of_digits_is_read():
    usage = Usage()
    read_usage("openai.chat.completions", {"usage": {"prompt_tokens": "12", "completion_tokens": 4.0}}, usage)
    assert (usage.input_tokens, usage.output_tokens) == (12, 4)


def test_a_message_delta_that_leaves_out_the_cache_counts_keeps_those_of_message_start():
    """message_delta's counts are cumulative and its optional ones are left out when not applicable (the SDK's
    get_final_message() keeps message_start's then): a delta naming only input_tokens must not drop the cache
    reads and writes from the charge."""
    usage = Usage()
    sse = SSEProcessor("anthropic.messages", usage, None, False)
    sse.feed(_sse("message_start", {"type": "message_start", "message": {"usage": {**CACHED, "output_tokens": 1}}}))
    sse.feed(_sse("message_delta", {"type": "message_delta", "delta": {"stop_reason": "end_turn"},
                                    "usage": {"input_tokens": 7, "output_tokens": 10}}))
    assert (usage.input_tokens, usage.output_tokens) == (1_000_007, 10)
    sse.feed(_sse("message_delta", {"type": "message_delta", "delta": {},
                                    "usage": {"cache_read_input_tokens": None, "output_tokens": 12}}))
    assert (usage.input_tokens, usage.output_tokens) == (1_000_007, 12)
