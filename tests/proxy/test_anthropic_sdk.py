"""The official Anthropic SDK works through Covenant unchanged, but for base_url."""

from __future__ import annotations

import anthropic
import httpx
import pytest

MESSAGES = [{"role": "user", "content": "Write about mountains."}]


@pytest.fixture
def client(gateway) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gateway.url, api_key=gateway.keys.alice, max_retries=0)


def test_messages_create(client, teacher):
    direct = anthropic.Anthropic(base_url=teacher.url, api_key="x", max_retries=0)
    via = client.messages.create(model="claude-mock-1", max_tokens=60, messages=MESSAGES)
    ref = direct.messages.create(model="claude-mock-1", max_tokens=60, messages=MESSAGES)
    assert via.content[0].text == ref.content[0].text
    assert via.usage.output_tokens == ref.usage.output_tokens > 0


def test_messages_stream_matches_whole(client):
    whole = client.messages.create(model="claude-mock-1", max_tokens=60, messages=MESSAGES)
    with client.messages.stream(model="claude-mock-1", max_tokens=60, messages=MESSAGES) as stream:
        text = "".join(stream.text_stream)
        final = stream.get_final_message()
    assert text == whole.content[0].text
    assert final.usage.output_tokens == whole.usage.output_tokens


async def test_async_messages_stream(gateway):
    client = anthropic.AsyncAnthropic(base_url=gateway.url, api_key=gateway.keys.alice, max_retries=0)
    async with client.messages.stream(model="claude-mock-1", max_tokens=40, messages=MESSAGES) as stream:
        text = "".join([t async for t in stream.text_stream])
    assert text.strip()


def test_count_tokens(client):
    out = client.messages.count_tokens(model="claude-mock-1", messages=MESSAGES)
    assert out.input_tokens > 0


def test_bad_key_is_an_anthropic_authentication_error(gateway):
    bad = anthropic.Anthropic(base_url=gateway.url, api_key="sk-ant-not-a-covenant-key", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError) as err:
        bad.messages.create(model="claude-mock-1", max_tokens=10, messages=MESSAGES)
    assert err.value.body["type"] == "error"
    assert err.value.body["error"]["type"] == "authentication_error"


def test_denied_model_is_a_permission_error(gateway):
    free = anthropic.Anthropic(base_url=gateway.url, api_key=gateway.keys.free, max_retries=0)
    with pytest.raises(anthropic.PermissionDeniedError):
        free.messages.create(model="claude-opus-4-1", max_tokens=10, messages=MESSAGES)



def test_the_query_string_and_beta_headers_reach_the_upstream_as_sent(gateway, teacher_log):
    # Older SDK releases sent beta calls to /v1/messages?beta=true; list endpoints page with ?limit=&after_id=
    r = httpx.post(gateway.url + "/v1/messages?beta=true&x=%2F1", timeout=30, json={
        "model": "claude-mock-1", "max_tokens": 20, "messages": MESSAGES},
        headers={"x-api-key": gateway.keys.alice, "anthropic-version": "2023-06-01",
                 "anthropic-beta": "interleaved-thinking-2025-05-14"})
    assert r.status_code == 200 and r.json()["content"][0]["text"]
    [sent] = teacher_log.requests()
    assert sent["raw_path"] == "/v1/messages?beta=true&x=%2F1"  # byte for byte
    assert sent["headers"]["anthropic-beta"] == "interleaved-thinking-2025-05-14"


def test_the_sdk_reports_the_gateways_request_id(client, gateway):
    """`message._request_id` and `APIStatusError.request_id` read `request-id`: the id the audit log keeps."""
    raw = client.messages.with_raw_response.create(model="claude-mock-1", max_tokens=20, messages=MESSAGES)
    message = raw.parse()
    assert message._request_id and message._request_id == raw.headers["x-request-id"]
    with client.messages.stream(model="claude-mock-1", max_tokens=20, messages=MESSAGES) as stream:
        stream.until_done()
        assert stream.request_id and stream.request_id != message._request_id
    stranger = anthropic.Anthropic(base_url=gateway.url, api_key="cov_nope_nope", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError) as caught:
        stranger.messages.create(model="claude-mock-1", max_tokens=20, messages=MESSAGES)
    assert caught.value.request_id and caught.value.request_id == caught.value.response.headers["x-request-id"]
    assert caught.value.body["request_id"] == caught.value.request_id  # in the body too, as the API's errors
