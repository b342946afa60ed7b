"""Fault injection, per request (`x-mock-fault` header) and programmed server-side (`/_mock/faults`).

Timing faults are checked by behaviour, not by measuring: a client whose timeout is far shorter
than the injected delay must time out before (delay_ms) or after (first_byte_delay_ms) the headers.
"""

import json

import anthropic
import httpx
import openai
import pytest

from tests.support.mock_teacher import MockTeacherHandle

CHAT = {"model": "m", "messages": [{"role": "user", "content": "Tell me about queues."}], "max_tokens": 60}
STREAM = {**CHAT, "stream": True}
MESSAGE = {"model": "c", "max_tokens": 60, "messages": [{"role": "user", "content": "Tell me about queues."}]}


def fault(spec: str) -> dict[str, str]:
    return {"x-mock-fault": spec}


def sse_events(raw: str) -> list[str]:
    return [block for block in raw.split("\n\n") if block.strip()]


def test_status_fault_speaks_each_dialect(mock: MockTeacherHandle) -> None:
    client = openai.OpenAI(base_url=mock.openai_base_url, api_key="k", max_retries=0)
    with pytest.raises(openai.RateLimitError) as rate:
        client.chat.completions.create(**CHAT, extra_headers=fault("status=429"))
    assert rate.value.body["type"] == "rate_limit_exceeded"
    assert rate.value.response.headers["retry-after"] == "0"
    with pytest.raises(openai.InternalServerError):
        client.chat.completions.create(**CHAT, extra_headers=fault("status=503"))
    aclient = anthropic.Anthropic(base_url=mock.url, api_key="k", max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as overloaded:
        aclient.messages.create(**MESSAGE, extra_headers=fault("status=529"))
    assert overloaded.value.status_code == 529
    assert overloaded.value.body["error"]["type"] == "overloaded_error"
    streamed = httpx.post(mock.url + "/v1/chat/completions", json=STREAM, headers=fault("status=500"))
    assert streamed.status_code == 500 and streamed.json()["error"]["type"] == "server_error"


def test_delay_ms_holds_the_headers(mock: MockTeacherHandle) -> None:
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(mock.url + "/v1/chat/completions", json=CHAT, headers=fault("delay_ms=3000"), timeout=0.3)


def test_first_byte_delay_sends_headers_then_holds_the_body(mock: MockTeacherHandle) -> None:
    for body in (CHAT, STREAM):
        with httpx.Client(timeout=0.3) as client:
            with client.stream("POST", mock.url + "/v1/chat/completions", json=body,
                               headers=fault("first_byte_delay_ms=3000")) as response:
                assert response.status_code == 200
                with pytest.raises(httpx.ReadTimeout):
                    response.read()


def test_drop_after_chunks_cuts_the_stream(mock: MockTeacherHandle) -> None:
    received: list[bytes] = []
    with pytest.raises(httpx.RemoteProtocolError):
        with httpx.stream("POST", mock.url + "/v1/chat/completions", json=STREAM,
                          headers=fault("drop_after_chunks=4"), timeout=5) as response:
            for chunk in response.iter_bytes():
                received.append(chunk)
    events = sse_events(b"".join(received).decode())
    assert len(events) == 4 and "[DONE]" not in "".join(events)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.post(mock.url + "/v1/chat/completions", json=CHAT, headers=fault("drop_after_chunks=0"), timeout=5)


def test_malformed_json_body_and_event(mock: MockTeacherHandle) -> None:
    plain = httpx.post(mock.url + "/v1/chat/completions", json=CHAT, headers=fault("malformed_json"))
    assert plain.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(plain.text)
    streamed = httpx.post(mock.url + "/v1/chat/completions", json=STREAM, headers=fault("malformed_json"))
    data = [e.removeprefix("data: ") for e in sse_events(streamed.text)]
    broken = []
    for payload in data[:-1]:
        try:
            json.loads(payload)
        except json.JSONDecodeError:
            broken.append(payload)
    assert len(broken) == 1 and data[-1] == "[DONE]"


def test_malformed_sse_breaks_framing(mock: MockTeacherHandle) -> None:
    streamed = httpx.post(mock.url + "/v1/messages", json={**MESSAGE, "stream": True},
                          headers=fault("malformed_sse"))
    assert "this line is not server-sent events\n" in streamed.text
    merged = [e for e in sse_events(streamed.text) if e.count("data: ") > 1]
    assert len(merged) == 1  # one event lost its end, so its data runs into the next event's
    assert streamed.text.rstrip().endswith('data: {"type":"message_stop"}')


def test_never_end_keeps_streaming(mock: MockTeacherHandle) -> None:
    normal = len(sse_events(httpx.post(mock.url + "/v1/chat/completions", json=STREAM).text))
    seen = 0
    with httpx.stream("POST", mock.url + "/v1/chat/completions", json=STREAM, headers=fault("never_end"),
                      timeout=5) as response:
        for line in response.iter_lines():
            if line.startswith("data: "):
                assert line != "data: [DONE]"
                seen += 1
            if seen > normal + 5:
                break
    assert seen > normal + 5


def test_never_end_non_streaming_never_completes_the_body(mock: MockTeacherHandle) -> None:
    with httpx.stream("POST", mock.url + "/v1/chat/completions", json=CHAT, headers=fault("never_end"),
                      timeout=5) as response:
        trickle = b""
        for chunk in response.iter_bytes():
            trickle += chunk
            if len(trickle) >= 5:
                break
    assert trickle.strip() == b""


def test_reset_aborts_the_connection(mock: MockTeacherHandle) -> None:
    with pytest.raises((httpx.ReadError, httpx.RemoteProtocolError)):
        httpx.post(mock.url + "/v1/messages", json=MESSAGE, headers=fault("reset"), timeout=5)
    client = openai.OpenAI(base_url=mock.openai_base_url, api_key="k", max_retries=0)
    with pytest.raises(openai.APIConnectionError):
        client.chat.completions.create(**CHAT, extra_headers=fault("reset"))


def test_program_applies_to_the_next_requests_in_order(mock: MockTeacherHandle) -> None:
    mock.set_faults([{"status": 503, "times": 2}, "status=429"])
    url = mock.url + "/v1/chat/completions"
    assert [httpx.post(url, json=CHAT).status_code for _ in range(4)] == [503, 503, 429, 200]
    assert mock.requests()[0]["fault"] == {"status": 503}


def test_program_until_cleared_and_header_override(mock: MockTeacherHandle) -> None:
    remaining = mock.set_faults([{"status": 502, "times": None}])
    assert remaining == [{"status": 502, "times": None}]
    url = mock.url + "/v1/messages"
    assert [httpx.post(url, json=MESSAGE).status_code for _ in range(3)] == [502, 502, 502]
    assert httpx.post(url, json=MESSAGE, headers=fault("status=400")).status_code == 400
    mock.clear_faults()
    assert httpx.post(url, json=MESSAGE).status_code == 200


def test_sdk_retries_recover_from_programmed_failures(mock: MockTeacherHandle) -> None:
    mock.set_faults([{"status": 503, "times": 2}])
    client = openai.OpenAI(base_url=mock.openai_base_url, api_key="k", max_retries=2)
    assert client.chat.completions.create(**CHAT).choices[0].message.content
    assert len(mock.requests()) == 3


def test_bad_fault_descriptions_are_rejected(mock: MockTeacherHandle) -> None:
    assert httpx.post(mock.url + "/v1/chat/completions", json=CHAT, headers=fault("status=200")).status_code == 400
    assert httpx.post(mock.url + "/v1/chat/completions", json=CHAT, headers=fault("explode")).status_code == 400
    assert httpx.post(mock.url + "/_mock/faults", json=[{"times": 0, "status": 500}]).status_code == 400
    assert httpx.post(mock.url + "/_mock/faults", json={"status": 500}).status_code == 400
    assert httpx.get(mock.url + "/_mock/faults").json() == []



def test_every_answer_carries_its_request_id_and_an_anthropic_error_body_names_the_same_one(
        mock: MockTeacherHandle) -> None:
    """As the APIs: OpenAI sends x-request-id and Anthropic request-id on every response, of every route
    (the SDKs expose it as `_request_id`, and `request_id` on errors), and an Anthropic error body's
    `request_id` is its header's."""
    client = openai.OpenAI(base_url=mock.openai_base_url, api_key="k", max_retries=0)
    raw = client.with_raw_response
    answers = [
        raw.chat.completions.create(**CHAT), raw.chat.completions.create(**STREAM),
        raw.completions.create(model="m", prompt="Once", max_tokens=5),
        raw.completions.create(model="m", prompt="Once", max_tokens=5, stream=True),
        raw.responses.create(model="m", input="Once", max_output_tokens=16),
        raw.responses.create(model="m", input="Once", max_output_tokens=16, stream=True),
        raw.embeddings.create(model="e", input="Once"), raw.models.list(), raw.models.retrieve("m"),
    ]
    for answer in answers:
        assert answer.headers.get("x-request-id", "").startswith("req_"), answer.http_request.url
    assert client.completions.create(model="m", prompt="Once", max_tokens=5)._request_id
    with pytest.raises(openai.RateLimitError) as rate:
        client.chat.completions.create(**CHAT, extra_headers=fault("status=429"))
    assert rate.value.request_id.startswith("req_")

    aclient = anthropic.Anthropic(base_url=mock.url, api_key="k", max_retries=0)
    araw = aclient.with_raw_response
    answers = [
        araw.messages.create(**MESSAGE), araw.messages.create(**MESSAGE, stream=True),
        araw.messages.count_tokens(model="c", messages=MESSAGE["messages"]),
        araw.models.list(), araw.models.retrieve("c"),
    ]
    for answer in answers:
        assert answer.headers.get("request-id", "").startswith("req_"), answer.http_request.url
    assert aclient.messages.count_tokens(model="c", messages=MESSAGE["messages"])._request_id
    for spec in ("status=529", "status=400"):
        with pytest.raises(anthropic.APIStatusError) as caught:
            aclient.messages.create(**MESSAGE, extra_headers=fault(spec))
        assert caught.value.request_id.startswith("req_")
        assert caught.value.body["request_id"] == caught.value.request_id
    with pytest.raises(anthropic.BadRequestError) as bad:
        aclient.messages.create(model="c", max_tokens=5, messages=[])
    assert bad.value.body["request_id"] == bad.value.request_id
