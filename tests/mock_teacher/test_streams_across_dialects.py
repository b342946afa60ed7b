"""Stream faults and pacing behave alike on the three streaming dialects."""

import json

import httpx
import pytest

from gateway.mock_teacher import MockSettings
from tests.support.mock_teacher import MockTeacherHandle, running_mock_teacher

PROMPT = "Compare fixed and sliding windows."
STREAMS = {
    "chat": ("/v1/chat/completions", {"model": "m", "stream": True, "max_tokens": 60,
                                      "messages": [{"role": "user", "content": PROMPT}]}),
    "responses": ("/v1/responses", {"model": "m", "stream": True, "max_output_tokens": 60, "input": PROMPT}),
    "messages": ("/v1/messages", {"model": "m", "stream": True, "max_tokens": 60,
                                  "messages": [{"role": "user", "content": PROMPT}]}),
}


def data_lines(raw: str) -> list[str]:
    return [line.removeprefix("data: ") for line in raw.splitlines() if line.startswith("data: ")]


def streamed_text(route: str, raw: str) -> str:
    text = ""
    for payload in data_lines(raw):
        if payload == "[DONE]":
            continue
        event = json.loads(payload)
        if route == "chat" and event["choices"]:
            text += event["choices"][0]["delta"].get("content") or ""
        elif route == "responses" and event["type"] == "response.output_text.delta":
            text += event["delta"]
        elif route == "messages" and event["type"] == "content_block_delta":
            text += event["delta"]["text"]
    return text


@pytest.mark.parametrize("route", STREAMS)
def test_drop_after_chunks(mock: MockTeacherHandle, route: str) -> None:
    path, body = STREAMS[route]
    received = b""
    with pytest.raises(httpx.RemoteProtocolError):
        with httpx.stream("POST", mock.url + path, json=body, headers={"x-mock-fault": "drop_after_chunks=6"},
                          timeout=5) as response:
            for chunk in response.iter_bytes():
                received += chunk
    assert len(data_lines(received.decode())) == 6


@pytest.mark.parametrize("route", STREAMS)
def test_malformed_json_hits_exactly_one_event(mock: MockTeacherHandle, route: str) -> None:
    path, body = STREAMS[route]
    raw = httpx.post(mock.url + path, json=body, headers={"x-mock-fault": "malformed_json"}).text
    bad = 0
    for payload in data_lines(raw):
        if payload != "[DONE]":
            try:
                json.loads(payload)
            except json.JSONDecodeError:
                bad += 1
    assert bad == 1


@pytest.mark.parametrize("route", STREAMS)
def test_never_end_streams_text_past_the_normal_end(mock: MockTeacherHandle, route: str) -> None:
    path, body = STREAMS[route]
    normal = httpx.post(mock.url + path, json=body).text
    raw = ""
    with httpx.stream("POST", mock.url + path, json=body, headers={"x-mock-fault": "never_end"},
                      timeout=5) as response:
        for line in response.iter_lines():
            raw += line + "\n"
            if line.startswith("data: ") and len(data_lines(raw)) > len(data_lines(normal)) + 3:
                break
    normal_text = streamed_text(route, normal)
    endless_text = streamed_text(route, raw)
    assert endless_text.startswith(normal_text) and len(endless_text) > len(normal_text)


def test_paced_streams_carry_the_same_content() -> None:
    paced = MockSettings(tokens_per_second=20000, first_token_latency_ms=5, stream_words_per_delta=2)
    with running_mock_teacher(paced) as slow, running_mock_teacher() as fast:
        for route, (path, body) in STREAMS.items():
            slow_raw = httpx.post(slow.url + path, json=body).text
            fast_raw = httpx.post(fast.url + path, json=body).text
            assert streamed_text(route, slow_raw) == streamed_text(route, fast_raw)
            assert len(data_lines(slow_raw)) > len(data_lines(fast_raw))  # two words per delta, not three
        chat_body = {**STREAMS["chat"][1], "stream": False}
        paced_reply = httpx.post(slow.url + "/v1/chat/completions", json=chat_body).json()
        fast_stream = httpx.post(fast.url + "/v1/chat/completions", json=STREAMS["chat"][1]).text
        assert paced_reply["choices"][0]["message"]["content"] == streamed_text("chat", fast_stream)
