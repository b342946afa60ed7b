"""A stream that ends before its usage block (the upstream cuts it, the caller leaves) is charged the output it
carried, counted at ~4 characters a token, as a whole stream or answer without a usage block is; tool calls' names
and arguments count as text does, streamed or whole. Here the gateway runs no output stage, so it forwards the upstream's bytes
untouched and reads the text only when it must."""

from __future__ import annotations

import time

import anthropic
import httpx
import openai
import orjson
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.metrics import metric

MSG = [{"role": "user", "content": "Describe a harbour at dawn."}]


@pytest.fixture(scope="module")
def plain(teacher) -> GatewayProcess:
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-watermark*", "40-extraction*"))
    gw.key = gw.create_key("acme", "plain")
    gw.start()
    yield gw
    gw.stop()


def _settled(gw: GatewayProcess, decision: str, before: float) -> None:
    """The record is written after the caller's stream ended: wait for it (a bound against hanging)."""
    deadline = time.monotonic() + 10
    while metric(gw, "covenant_requests_total", decision=decision) == before and time.monotonic() < deadline:
        time.sleep(0.02)
    assert metric(gw, "covenant_requests_total", decision=decision) == before + 1


def test_an_anthropic_stream_the_upstream_cuts_is_charged_its_text(plain, teacher_log):
    client = anthropic.Anthropic(base_url=plain.url, api_key=plain.key, max_retries=0)
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="upstream_error"))
    text: list[str] = []
    with pytest.raises(anthropic.APIStatusError), client.messages.stream(
            model="claude-mock-1", max_tokens=200, messages=MSG,
            extra_headers={"x-mock-fault": "drop_after_chunks=6"}) as stream:
        text.extend(stream.text_stream)
    assert len("".join(text)) > 40
    _settled(plain, "upstream_error", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged == (len("".join(text)) + 3) // 4


def test_an_openai_stream_the_upstream_cuts_before_the_usage_chunk_is_charged_its_text(plain, teacher_log):
    client = openai.OpenAI(base_url=plain.openai_base_url, api_key=plain.key, max_retries=0)
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="upstream_error"))
    text: list[str] = []
    with pytest.raises(openai.APIError):
        for chunk in client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True,
                                                    stream_options={"include_usage": True},
                                                    extra_headers={"x-mock-fault": "drop_after_chunks=6"}):
            text += [c.delta.content or "" for c in chunk.choices]
    assert len("".join(text)) > 40
    _settled(plain, "upstream_error", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged == (len("".join(text)) + 3) // 4


def test_a_caller_that_leaves_mid_stream_is_charged_at_least_the_text_it_read(plain, teacher_log):
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="client_disconnected"))
    body = {"model": "claude-mock-1", "max_tokens": 200, "messages": MSG, "stream": True}
    read = ""
    with httpx.stream("POST", plain.url + "/v1/messages", content=orjson.dumps(body), timeout=30,
                      headers={"x-api-key": plain.key, "anthropic-version": "2023-06-01",
                               "x-mock-fault": "never_end"}) as resp:
        assert resp.status_code == 200
        for line in resp.iter_lines():
            if line.startswith("data: ") and '"text_delta"' in line:
                read += orjson.loads(line[6:])["delta"]["text"]
            if len(read) > 200:
                break
    _settled(plain, "client_disconnected", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged >= (len(read) + 3) // 4


TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "The weather in a city.",
                                           "parameters": {"type": "object", "properties": {"city": {"type": "string"},
                                                                                           "days": {"type": "integer"}},
                                                          "required": ["city", "days"]}}}]


def test_a_tool_call_streamed_without_a_usage_block_is_charged_its_name_and_arguments(plain, teacher_log):
    """The generated output of a tool call is its name and arguments: an upstream that reports no usage (or a cut
    stream) is charged those like text, not nothing."""
    client = openai.OpenAI(base_url=plain.openai_base_url, api_key=plain.key, max_retries=0)
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="allowed"))
    calls: dict[int, list[str]] = {}
    for chunk in client.chat.completions.create(model="gpt-4o-mini", messages=MSG, stream=True, tools=TOOLS,
                                                extra_headers={"x-mock-fault": "no_stream_usage"}):
        for choice in chunk.choices:
            for call in choice.delta.tool_calls or ():
                calls.setdefault(call.index, []).extend(
                    v for v in (call.function.name, call.function.arguments) if v)
    generated = sum(len(part) for parts in calls.values() for part in parts)
    assert generated > 10 and "".join(calls[0]).startswith("get_weather{")
    _settled(plain, "allowed", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged == (generated + 3) // 4


def test_an_anthropic_tool_use_the_upstream_cuts_is_charged_its_input_so_far(plain, teacher_log):
    body = {"model": "claude-mock-1", "max_tokens": 200, "messages": MSG, "stream": True,
            "tools": [{"name": "get_weather", "description": "The weather in a city.",
                       "input_schema": TOOLS[0]["function"]["parameters"]}]}
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="upstream_error"))
    partial = ""
    with httpx.stream("POST", plain.url + "/v1/messages", content=orjson.dumps(body), timeout=30,
                      headers={"x-api-key": plain.key, "anthropic-version": "2023-06-01",
                               "x-mock-fault": "drop_after_chunks=5"}) as resp:
        assert resp.status_code == 200
        for line in resp.iter_lines():
            if line.startswith("data: ") and '"input_json_delta"' in line:
                partial += orjson.loads(line[6:])["delta"]["partial_json"]
    assert len(partial) > 4
    _settled(plain, "upstream_error", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged == (len("get_weather") + len(partial) + 3) // 4


def _whole_answer(gw: GatewayProcess, api: str) -> str:
    """A tool-calling request answered whole by an upstream that reports no usage; its generated text by hand."""
    fault = {"x-mock-fault": "no_usage"}
    if api == "chat":
        message = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0).chat.completions.create(
            model="gpt-4o-mini", messages=MSG, tools=TOOLS, extra_headers=fault).choices[0].message
        assert message.tool_calls
        return (message.content or "") + "".join(c.function.name + c.function.arguments for c in message.tool_calls)
    if api == "responses":
        tool = {"type": "function", **TOOLS[0]["function"]}
        out = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.key, max_retries=0).responses.create(
            model="gpt-4o-mini", input="Describe a harbour at dawn.", tools=[tool], extra_headers=fault).output
        calls = [item for item in out if item.type == "function_call"]
        assert calls
        return "".join(c.name + c.arguments for c in calls)
    blocks = anthropic.Anthropic(base_url=gw.url, api_key=gw.key, max_retries=0).messages.create(
        model="claude-mock-1", max_tokens=200, messages=MSG, extra_headers=fault,
        tools=[{"name": "get_weather", "description": "The weather in a city.",
                "input_schema": TOOLS[0]["function"]["parameters"]}]).content
    uses = [b for b in blocks if b.type == "tool_use"]
    assert uses
    # streamed, a tool's input arrives as its JSON text: the whole answer counts that text
    return "".join(b.name + orjson.dumps(b.input).decode() for b in uses)


@pytest.mark.parametrize("api", ["chat", "responses", "anthropic"])
def test_a_tool_call_answered_whole_without_a_usage_block_is_charged_its_name_and_arguments(plain, teacher_log, api):
    """As a stream is: an upstream that reports no usage is not a way to call tools for nothing."""
    tokens, requests = (metric(plain, "covenant_tokens_total", direction="output"),
                        metric(plain, "covenant_requests_total", decision="allowed"))
    generated = _whole_answer(plain, api)
    assert len(generated) > 10
    _settled(plain, "allowed", requests)
    charged = metric(plain, "covenant_tokens_total", direction="output") - tokens
    assert charged == (len(generated) + 3) // 4
