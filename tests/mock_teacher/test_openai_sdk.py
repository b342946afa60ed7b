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


def test_logprobs_spell_the_text_whole_and_streamed(client: openai.OpenAI) -> None:
    whole = client.chat.completions.create(model="m", messages=USER, max_tokens=60, logprobs=True, top_logprobs=3)
    choice = whole.choices[0]
    assert "".join(t.token for t in choice.logprobs.content) == choice.message.content
    assert all(len(t.top_logprobs) == 3 and t.top_logprobs[0].token == t.token and t.logprob <= 0
               for t in choice.logprobs.content)
    streamed = [t for c in client.chat.completions.create(model="m", messages=USER, max_tokens=60, logprobs=True,
                                                          top_logprobs=3, stream=True)
                for ch in c.choices if ch.logprobs for t in ch.logprobs.content]
    assert streamed == choice.logprobs.content
    assert client.chat.completions.create(model="m", messages=USER, max_tokens=10).choices[0].logprobs is None
    with pytest.raises(openai.BadRequestError, match="top_logprobs requires logprobs"):
        client.chat.completions.create(model="m", messages=USER, top_logprobs=2)

    legacy = client.completions.create(model="m", prompt="Once upon a time", max_tokens=30, logprobs=2).choices[0]
    lp = legacy.logprobs
    assert "".join(lp.tokens) == legacy.text and len(lp.token_logprobs) == len(lp.top_logprobs) == len(lp.tokens)
    assert [legacy.text[o:o + len(t)] for o, t in zip(lp.text_offset, lp.tokens, strict=True)] == lp.tokens
    chunks = [c.choices[0] for c in client.completions.create(model="m", prompt="Once upon a time", max_tokens=30,
                                                                logprobs=2, stream=True) if c.choices]
    assert [t for c in chunks if c.logprobs for t in c.logprobs.tokens] == lp.tokens
    assert [o for c in chunks if c.logprobs for o in c.logprobs.text_offset] == lp.text_offset


def test_responses_api_plain_and_streamed(client: openai.OpenAI) -> None:
    result = client.responses.create(model="m", input="Describe a circuit breaker.", max_output_tokens=70,
                                     instructions="Be brief.")
    assert result.object == "response" and result.id.startswith("resp_")
    assert result.output_text and result.usage.output_tokens <= 70
    assert result.status in ("completed", "incomplete")
    kinds = []
    with client.responses.stream(model="m", input="Describe a circuit breaker.", max_output_tokens=70,
                                 instructions="Be brief.") as stream:
        for event in stream:
            kinds.append(event.type)
        final = stream.get_final_response()
    assert kinds[0] == "response.created"
    assert kinds[-1] in ("response.completed", "response.incomplete")
    assert kinds.count("response.output_text.delta") > 5
    assert final.output_text == result.output_text
    numbers = []
    for event in client.responses.create(model="m", input="x", stream=True):
        numbers.append(event.sequence_number)
    assert numbers == list(range(len(numbers)))


def test_responses_api_tools_and_json(client: openai.OpenAI) -> None:
    tool = {"type": "function", "name": "lookup", "parameters": {
        "type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}
    result = client.responses.create(model="m", input="find it", tools=[tool])
    call = result.output[0]
    assert call.type == "function_call" and call.name == "lookup"
    assert isinstance(json.loads(call.arguments)["query"], str)
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"],
              "additionalProperties": False}
    shaped = client.responses.create(model="m", input="x", text={"format": {
        "type": "json_schema", "name": "s", "schema": schema, "strict": True}})
    jsonschema.validate(json.loads(shaped.output_text), schema)


def test_embeddings_are_deterministic_unit_vectors(client: openai.OpenAI) -> None:
    first = client.embeddings.create(model="mock-embedding", input=["alpha", "beta"])  # SDK asks for base64
    floats = client.embeddings.create(model="mock-embedding", input=["alpha", "beta"], encoding_format="float")
    a, b = first.data[0].embedding, first.data[1].embedding
    assert len(a) == 256 and abs(sum(x * x for x in a) - 1) < 1e-5
    assert a != b
    assert floats.data[0].embedding == pytest.approx(a, abs=1e-6)
    assert first.usage.prompt_tokens == 2
    sized = client.embeddings.create(model="mock-embedding", input="alpha", dimensions=64)
    assert len(sized.data[0].embedding) == 64


def test_models_list(client: openai.OpenAI) -> None:
    ids = [m.id for m in client.models.list()]
    assert "mock-gpt-4o-mini" in ids
    assert client.models.retrieve("anything").id == "anything"


def test_bad_requests_are_openai_errors(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model="m", messages=[])
    assert caught.value.body["type"] == "invalid_request_error"


async def test_async_client_plain_and_streamed(aclient: openai.AsyncOpenAI) -> None:
    whole = await aclient.chat.completions.create(model="m", messages=USER, max_tokens=40)
    stream = await aclient.chat.completions.create(model="m", messages=USER, max_tokens=40, stream=True,
                                                   stream_options={"include_usage": True})
    text, usage = "", None
    async for chunk in stream:
        if chunk.choices:
            text += chunk.choices[0].delta.content or ""
        usage = chunk.usage or usage
    assert text == whole.choices[0].message.content
    assert usage.completion_tokens == whole.usage.completion_tokens
    response = await aclient.responses.create(model="m", input="hello", max_output_tokens=20)
    assert response.output_text
