"""The official `anthropic` SDK parses the mock's Messages API, streaming or not, sync or async."""

import anthropic
import jsonschema
import pytest

from tests.support.mock_teacher import MockTeacherHandle

USER = [{"role": "user", "content": "Summarise the trade-offs of sliding window rate limits."}]
TOOL = {"name": "search_docs", "description": "Search the documentation",
        "input_schema": {"type": "object", "properties": {"query": {"type": "string"},
                                                          "limit": {"type": "integer", "minimum": 1, "maximum": 5}},
                         "required": ["query"]}}


@pytest.fixture
def client(mock: MockTeacherHandle) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=mock.url, api_key="sk-ant-test", max_retries=0)


@pytest.fixture
def aclient(mock: MockTeacherHandle) -> anthropic.AsyncAnthropic:
    return anthropic.AsyncAnthropic(base_url=mock.url, api_key="sk-ant-test", max_retries=0)


def test_message_has_the_api_shape(client: anthropic.Anthropic) -> None:
    message = client.messages.create(model="mock-claude-sonnet", max_tokens=100, messages=USER,
                                     system="You are terse.")
    assert message.type == "message" and message.role == "assistant" and message.id.startswith("msg_")
    assert message.content[0].type == "text" and message.content[0].text
    assert message.stop_reason in ("end_turn", "max_tokens")
    assert 75 <= message.usage.output_tokens <= 100
    assert message.usage.input_tokens > 0
    cut = client.messages.create(model="mock-claude-sonnet", max_tokens=3, messages=USER)
    assert cut.stop_reason == "max_tokens" and cut.usage.output_tokens == 3


def test_stream_event_sequence_and_reassembly(client: anthropic.Anthropic) -> None:
    whole = client.messages.create(model="c", max_tokens=60, messages=USER)
    events = list(client.messages.create(model="c", max_tokens=60, messages=USER, stream=True))
    kinds = [e.type for e in events]
    assert kinds[0] == "message_start" and kinds[1] == "content_block_start"
    assert kinds[-3:] == ["content_block_stop", "message_delta", "message_stop"]
    assert kinds.count("content_block_delta") > 5
    text = "".join(e.delta.text for e in events if e.type == "content_block_delta")
    assert text == whole.content[0].text
    delta = events[-2]
    assert delta.usage.output_tokens == whole.usage.output_tokens
    assert delta.delta.stop_reason == whole.stop_reason
    with client.messages.stream(model="c", max_tokens=60, messages=USER) as stream:
        assert stream.get_final_message().content[0].text == whole.content[0].text


def test_ping_event_is_sent(mock: MockTeacherHandle) -> None:
    import httpx

    body = {"model": "c", "max_tokens": 10, "messages": USER, "stream": True}
    raw = httpx.post(mock.url + "/v1/messages", json=body, timeout=10).text
    assert "event: ping\ndata: {\"type\":\"ping\"}\n\n" in raw


def test_tool_use_blocks(client: anthropic.Anthropic) -> None:
    message = client.messages.create(model="c", max_tokens=200, messages=USER, tools=[TOOL])
    assert message.stop_reason == "tool_use"
    block = message.content[0]
    assert block.type == "tool_use" and block.name == "search_docs" and block.id.startswith("toolu_")
    jsonschema.validate(block.input, TOOL["input_schema"])
    with client.messages.stream(model="c", max_tokens=200, messages=USER, tools=[TOOL]) as stream:
        final = stream.get_final_message()
    assert final.content[0].input == block.input
    answered = client.messages.create(model="c", max_tokens=50, tools=[TOOL], messages=[
        *USER, {"role": "assistant", "content": [block.model_dump()]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": block.id, "content": "found 3"}]}])
    assert answered.content[0].type == "text" and answered.stop_reason != "tool_use"


def test_count_tokens_matches_message_usage(client: anthropic.Anthropic) -> None:
    counted = client.messages.count_tokens(model="c", messages=USER)
    assert counted.input_tokens == client.messages.create(model="c", max_tokens=5, messages=USER).usage.input_tokens


def test_errors_use_the_anthropic_shape(client: anthropic.Anthropic) -> None:
    with pytest.raises(anthropic.BadRequestError) as caught:
        client.messages.create(model="c", max_tokens=5, messages=[])
    assert caught.value.body["type"] == "error"
    assert caught.value.body["error"]["type"] == "invalid_request_error"


async def test_async_client(aclient: anthropic.AsyncAnthropic) -> None:
    whole = await aclient.messages.create(model="c", max_tokens=40, messages=USER)
    text = ""
    async with aclient.messages.stream(model="c", max_tokens=40, messages=USER) as stream:
        async for chunk in stream.text_stream:
            text += chunk
    assert text == whole.content[0].text


def test_models_pages_follow_their_cursors(client: anthropic.Anthropic, mock: MockTeacherHandle) -> None:
    """The SDK pages with `after_id` (the last id of the page before) while `has_more`: every model once, in
    order; `before_id` pages backwards. The mock once ignored both, and the SDK's iteration never ended."""
    import itertools

    every = [m.id for m in client.models.list(limit=1000)]
    assert len(every) >= 3
    paged = [m.id for m in itertools.islice(client.models.list(limit=2), 3 * len(every))]
    assert paged == every
    page = client.models.list(limit=1, after_id=every[0])
    assert [m.id for m in page.data] == [every[1]] and page.first_id == every[1] and page.has_more
    page = client.models.list(limit=2, before_id=every[-1])
    assert [m.id for m in page.data] == every[-3:-1] and page.has_more == (len(every) > 3)
