"""The official `openai` SDK parses every OpenAI route of the mock, streaming or not, sync or async."""

import json

import jsonschema
import openai
import pytest

from gateway.mock_teacher.prose import count_tokens
from tests.support.mock_teacher import MockTeacherHandle

USER = [{"role": "user", "content": "Explain how a token bucket limits request rates."}]
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["c", "f"]},
                           "days": {"type": "integer", "minimum": 1, "maximum": 7}},
            "required": ["city", "unit"],
            "additionalProperties": False,
        },
    },
}


@pytest.fixture
def client(mock: MockTeacherHandle) -> openai.OpenAI:
    return openai.OpenAI(base_url=mock.openai_base_url, api_key="sk-test", max_retries=0)


@pytest.fixture
def aclient(mock: MockTeacherHandle) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=mock.openai_base_url, api_key="sk-test", max_retries=0)


def test_chat_completion_has_the_api_shape_and_honest_usage(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(model="mock-gpt-4o-mini", messages=USER, max_tokens=120)
    assert result.object == "chat.completion" and result.id.startswith("chatcmpl-")
    assert result.model == "mock-gpt-4o-mini"
    choice = result.choices[0]
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert 90 <= result.usage.completion_tokens <= 120
    assert result.usage.total_tokens == result.usage.prompt_tokens + result.usage.completion_tokens
    longer = client.chat.completions.create(model="mock-gpt-4o-mini", max_tokens=5,
                                            messages=[{"role": "user", "content": USER[0]["content"] * 5}])
    assert longer.usage.prompt_tokens > result.usage.prompt_tokens
    assert longer.usage.completion_tokens == 5 and longer.choices[0].finish_reason == "length"


def test_max_completion_tokens_and_default_length(client: openai.OpenAI) -> None:
    short = client.chat.completions.create(model="m", messages=USER, max_completion_tokens=40)
    default = client.chat.completions.create(model="m", messages=USER)
    assert 30 <= short.usage.completion_tokens <= 40
    assert 192 <= default.usage.completion_tokens <= 256  # MockSettings.default_max_tokens


def test_stream_reassembles_to_the_non_streamed_reply(client: openai.OpenAI) -> None:
    whole = client.chat.completions.create(model="m", messages=USER, max_tokens=80)
    chunks = list(client.chat.completions.create(model="m", messages=USER, max_tokens=80, stream=True))
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert len({c.id for c in chunks}) == 1
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == whole.choices[0].message.content
    assert len(chunks) > 10  # a few words per delta
    assert chunks[-1].choices[0].finish_reason == whole.choices[0].finish_reason
    assert all(c.usage is None for c in chunks)  # no include_usage, no usage


def test_include_usage_ends_with_an_empty_choices_usage_chunk(client: openai.OpenAI) -> None:
    chunks = list(client.chat.completions.create(model="m", messages=USER, max_tokens=50, stream=True,
                                                 stream_options={"include_usage": True}))
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert last.usage.completion_tokens == client.chat.completions.create(
        model="m", messages=USER, max_tokens=50).usage.completion_tokens
    assert text and all(c.usage is None for c in chunks[:-1])


def test_n_choices_differ_and_stream_interleaved(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(model="m", messages=USER, max_tokens=60, n=3)
    texts = [c.message.content for c in result.choices]
    assert [c.index for c in result.choices] == [0, 1, 2]
    assert len(set(texts)) == 3
    assert result.usage.completion_tokens == sum(count_tokens(t) for t in texts)
    chunks = list(client.chat.completions.create(model="m", messages=USER, max_tokens=60, n=3, stream=True))
    streamed = {0: "", 1: "", 2: ""}
    for chunk in chunks:
        for choice in chunk.choices:
            streamed[choice.index] += choice.delta.content or ""
    assert [streamed[i] for i in range(3)] == texts


def test_json_object_mode_returns_valid_json(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(model="m", messages=USER, response_format={"type": "json_object"})
    value = json.loads(result.choices[0].message.content)
    assert isinstance(value, dict) and value


def test_json_schema_mode_conforms_to_the_schema(client: openai.OpenAI) -> None:
    schema = {
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "steps": {"type": "array", "items": {"type": "object", "properties": {
                "n": {"type": "integer", "minimum": 1}, "text": {"type": "string"}}, "required": ["n", "text"]},
                "minItems": 2},
            "difficulty": {"enum": ["easy", "hard"]},
            "score": {"type": ["number", "null"], "maximum": 1},
            "when": {"type": "string", "format": "date"},
        },
        "required": ["title", "steps", "difficulty", "score", "when"],
        "additionalProperties": False,
    }
    for prompt in ("one", "two", "three"):
        result = client.chat.completions.create(
            model="m", messages=[{"role": "user", "content": prompt}],
            response_format={"type": "json_schema", "json_schema": {"name": "plan", "schema": schema, "strict": True}})
        jsonschema.validate(json.loads(result.choices[0].message.content), schema)


def test_tools_give_tool_calls_with_arguments_matching_the_schema(client: openai.OpenAI) -> None:
    result = client.chat.completions.create(model="m", messages=USER, tools=[WEATHER_TOOL])
    choice = result.choices[0]
    assert choice.finish_reason == "tool_calls" and choice.message.content is None
    call = choice.message.tool_calls[0]
    assert call.id.startswith("call_") and call.type == "function" and call.function.name == "get_weather"
    jsonschema.validate(json.loads(call.function.arguments), WEATHER_TOOL["function"]["parameters"])
    assert result.usage.completion_tokens > 0

    streamed = list(client.chat.completions.create(model="m", messages=USER, tools=[WEATHER_TOOL], stream=True))
    arguments = "".join(tc.function.arguments or "" for c in streamed for tc in (c.choices[0].delta.tool_calls or []))
    assert arguments == call.function.arguments
    assert streamed[-1].choices[0].finish_reason == "tool_calls"

    after = client.chat.completions.create(model="m", tools=[WEATHER_TOOL], messages=[
        *USER, choice.message.model_dump(exclude_none=True),
        {"role": "tool", "tool_call_id": call.id, "content": "18 C, sunny"}])
    assert after.choices[0].finish_reason in ("stop", "length") and after.choices[0].message.content
    assert client.chat.completions.create(model="m", messages=USER, tools=[WEATHER_TOOL],
                                          tool_choice="none").choices[0].message.tool_calls is None


def test_legacy_completions(client: openai.OpenAI) -> None:
    result = client.completions.create(model="m", prompt="Once upon a time", max_tokens=30)
    assert result.object == "text_completion" and result.choices[0].text
    assert result.usage.completion_tokens <= 30
    chunks = list(client.completions.create(model="m", prompt="Once upon a time", max_tokens=30, stream=True,
                                            stream_options={"include_usage": True}))
    assert "".join(c.choices[0].text for c in chunks if c.choices) == result.choices[0].text
    assert chunks[-1].usage.completion_tokens == result.usage.completion_tokens


def test_requests_beyond_the_models_bounds_are_refused_as_by_the_api(client: openai.OpenAI) -> None:
    """Replies fill their budget: an unbounded one stalled the process. So, as the API: max_tokens above the
    model's output limit, n above 128 and best_of above 20 are 400s."""
    hi = [{"role": "user", "content": "hi"}]
    for bad in ({"max_tokens": 10**12}, {"n": 129}):
        with pytest.raises(openai.BadRequestError):
            client.chat.completions.create(model="m", messages=hi, **bad)
    with pytest.raises(openai.BadRequestError, match="best_of"):
        client.completions.create(model="m", prompt="Once", max_tokens=5, best_of=21)
    with pytest.raises(openai.BadRequestError, match="max_tokens is too large"):
        client.responses.create(model="m", input="hi", max_output_tokens=10**9)


def test_legacy_completions_charge_every_best_of_candidate(client: openai.OpenAI) -> None:
    """As the API: `best_of` candidates are generated and charged, the best `n` returned; best_of < n or
    streamed is refused."""
    one = client.completions.create(model="m", prompt="Once upon a time", max_tokens=30)
    best = client.completions.create(model="m", prompt="Once upon a time", max_tokens=30, best_of=3)
    assert len(best.choices) == 1 and best.choices[0].text == one.choices[0].text
    assert best.usage.completion_tokens > one.usage.completion_tokens
    for bad in ({"n": 2, "best_of": 1}, {"best_of": 2, "stream": True}):
        with pytest.raises(openai.BadRequestError):
            client.completions.create(model="m", prompt="Once upon a time", max_tokens=30, **bad)


def test_a_response_cut_at_max_output_tokens_is_incomplete_down_to_its_message(client: openai.OpenAI) -> None:
    """As the Responses API: a reply cut by `max_output_tokens` is `incomplete` with the reason, and so is its
    message item, whole or streamed (`response.output_item.done` and the final `response.incomplete`)."""
    cut = client.responses.create(model="m", input="Explain token buckets.", max_output_tokens=5)
    assert cut.status == "incomplete" and cut.incomplete_details.reason == "max_output_tokens"
    assert [item.status for item in cut.output] == ["incomplete"] and cut.usage.output_tokens == 5
    events = list(client.responses.create(model="m", input="Explain token buckets.", max_output_tokens=5,
                                          stream=True))
    done = [e for e in events if e.type == "response.output_item.done"]
    assert [e.item.status for e in done] == ["incomplete"]
    assert events[-1].type == "response.incomplete" and events[-1].response.output[0].status == "incomplete"
    whole = client.responses.create(model="m", input="Hi", max_output_tokens=2000)
    assert whole.status == "completed" and [item.status for item in whole.output] == ["completed"]


def test_legacy_prompts_may_be_token_ids(client: openai.OpenAI) -> None:
    """As the API: a legacy `prompt` is a string, strings, token ids or lists of token ids (a token-id prompt
    was a 500)."""
    for prompt in ([9906, 1917, 13], [[9906, 1917], [13]], ["Once upon", "a time"]):
        result = client.completions.create(model="m", prompt=prompt, max_tokens=8)
        assert result.choices[0].text and result.usage.prompt_tokens > 0, prompt
    with pytest.raises(openai.BadRequestError):
        client.completions.create(model="m", prompt=[{"text": "hi"}], max_tokens=8)


def test_a_stream_options_that_is_not_an_object_is_a_400(mock: MockTeacherHandle) -> None:
    import httpx

    for route, body in (("/v1/chat/completions", {"messages": [{"role": "user", "content": "hi"}]}),
                        ("/v1/completions", {"prompt": "hi"})):
        answer = httpx.post(mock.url + route, json={"model": "m", "stream": True, "stream_options": "usage", **body})
        assert answer.status_code == 400 and answer.json()["error"]["type"] == "invalid_request_error", answer.text
