"""The official OpenAI SDK works through Covenant unchanged, but for base_url."""

from __future__ import annotations

import openai
import pytest

MESSAGES = [{"role": "user", "content": "Explain how tides work."}]


@pytest.fixture
def client(gateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.alice, max_retries=0)


@pytest.fixture
def aclient(gateway) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.alice, max_retries=0)


def test_chat_completion_passes_through_with_usage(client, teacher):
    direct = openai.OpenAI(base_url=teacher.openai_base_url, api_key="x", max_retries=0)
    via = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=60)
    ref = direct.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=60)
    assert via.choices[0].message.content == ref.choices[0].message.content
    assert via.usage.completion_tokens == ref.usage.completion_tokens > 0


def test_chat_stream_arrives_in_chunks_with_final_usage(client):
    stream = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=80, stream=True,
                                            stream_options={"include_usage": True})
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert len([c for c in chunks if c.choices]) > 3, "the stream must not be collapsed into one chunk"
    assert text.strip()
    assert chunks[-1].usage is not None and chunks[-1].usage.completion_tokens > 0


def test_stream_and_non_stream_give_the_same_text(client):
    whole = client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=50)
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
        model="gpt-4o-mini", messages=MESSAGES, max_tokens=50, stream=True) if c.choices)
    assert streamed == whole.choices[0].message.content


def test_legacy_completions(client):
    out = client.completions.create(model="gpt-3.5-turbo-instruct", prompt="Once upon a time", max_tokens=30)
    assert out.choices[0].text and out.usage.total_tokens > 0
    streamed = "".join(c.choices[0].text for c in client.completions.create(
        model="gpt-3.5-turbo-instruct", prompt="Once upon a time", max_tokens=30, stream=True) if c.choices)
    assert streamed == out.choices[0].text


def test_responses_api_stream_and_not(client):
    out = client.responses.create(model="gpt-4o-mini", input="Describe a lighthouse.", max_output_tokens=40)
    assert out.output_text and out.usage.output_tokens > 0
    events = list(client.responses.create(model="gpt-4o-mini", input="Describe a lighthouse.",
                                          max_output_tokens=40, stream=True))
    deltas = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert deltas == out.output_text
    assert events[-1].type in ("response.completed", "response.incomplete")  # incomplete: cut at max tokens
    assert events[-1].response.usage.output_tokens == out.usage.output_tokens


def test_background_responses_are_refused_as_an_unsupported_parameter(client, teacher_log):
    """Their output would be fetched later, outside the gateway: unmetered, unscanned, unmarked."""
    with pytest.raises(openai.BadRequestError) as err:
        client.responses.create(model="gpt-4o-mini", input="Write a long essay.", background=True)
    assert err.value.body["code"] == "unsupported_parameter" and err.value.body["param"] == "background"
    assert teacher_log.requests() == []
    assert client.responses.create(model="gpt-4o-mini", input="hi", background=False, max_output_tokens=5).output_text


def test_embeddings_and_models(client):
    emb = client.embeddings.create(model="text-embedding-3-small", input=["a", "b"])
    assert len(emb.data) == 2 and len(emb.data[0].embedding) > 0
    models = client.models.list()
    assert len(models.data) > 0


async def test_async_client_stream(aclient):
    stream = await aclient.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=40, stream=True)
    text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    assert text.strip()
    out = await aclient.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES, max_tokens=40)
    assert out.choices[0].message.content == text


def test_unknown_key_raises_authentication_error(gateway):
    bad = openai.OpenAI(base_url=gateway.openai_base_url, api_key="cov_000000000000_nope", max_retries=0)
    with pytest.raises(openai.AuthenticationError) as err:
        bad.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES)
    assert err.value.status_code == 401
    assert err.value.body["code"] == "invalid_api_key"


def test_policy_denial_is_a_permission_error(gateway):
    free = openai.OpenAI(base_url=gateway.openai_base_url, api_key=gateway.keys.free, max_retries=0)
    with pytest.raises(openai.PermissionDeniedError) as err:
        free.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    assert "free tier" in err.value.message


def test_upstream_error_passes_through_with_its_body(client):
    with pytest.raises(openai.InternalServerError) as err:
        client.chat.completions.create(model="gpt-4o-mini", messages=MESSAGES,
                                       extra_headers={"x-mock-fault": "status=500"})
    assert err.value.status_code == 500
