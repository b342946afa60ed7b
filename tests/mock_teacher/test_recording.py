"""`/_mock/requests` tells gateway tests what reached the upstream, without leaking credentials."""

import hashlib

import anthropic
import httpx
import openai

from tests.support.mock_teacher import MockTeacherHandle

CHAT = {"model": "m", "messages": [{"role": "user", "content": "secret plan"}], "max_tokens": 5}


def fingerprint(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def test_records_path_body_and_credential_fingerprints(mock: MockTeacherHandle) -> None:
    openai.OpenAI(base_url=mock.openai_base_url, api_key="sk-upstream-1", max_retries=0).chat.completions.create(
        **CHAT, extra_headers={"x-trace": "t1"})
    httpx.post(mock.url + "/v1/messages", headers={"x-api-key": "sk-ant-upstream-2"},
               json={"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]})
    anthropic.Anthropic(base_url=mock.url, api_key="sk-ant-3", max_retries=0).messages.count_tokens(
        model="c", messages=[{"role": "user", "content": "hi"}])
    first, second, third = mock.requests()
    assert first["method"] == "POST" and first["path"] == "/v1/chat/completions"
    assert first["body"] == CHAT
    assert first["headers"]["x-trace"] == "t1"
    assert "authorization" not in first["headers"]
    assert first["credentials"] == {"authorization": fingerprint("sk-upstream-1")}
    assert second["credentials"] == {"x-api-key": fingerprint("sk-ant-upstream-2")}
    assert "x-api-key" not in second["headers"]
    assert third["path"] == "/v1/messages/count_tokens"
    assert fingerprint("sk-ant-3") in third["credentials"].values()
    raw = httpx.get(mock.url + "/_mock/requests").text
    assert "sk-upstream-1" not in raw and "sk-ant-upstream-2" not in raw


def test_no_credentials_and_unparsable_bodies_are_recorded_too(mock: MockTeacherHandle) -> None:
    response = httpx.post(mock.url + "/v1/chat/completions", content=b"{not json",
                          headers={"content-type": "application/json"})
    assert response.status_code == 400
    record = mock.requests()[-1]
    assert record["credentials"] == {} and record["body"] == "{not json"


def test_keeps_the_last_hundred_and_clears(mock: MockTeacherHandle) -> None:
    with httpx.Client() as client:
        for i in range(105):
            client.post(mock.url + "/v1/completions", json={"model": "m", "prompt": f"p{i}", "max_tokens": 1})
    records = mock.requests()
    assert len(records) == 100
    assert records[0]["body"]["prompt"] == "p5" and records[-1]["body"]["prompt"] == "p104"
    mock.clear_requests()
    assert mock.requests() == []


def test_control_routes_are_not_recorded(mock: MockTeacherHandle) -> None:
    mock.set_faults([])
    httpx.get(mock.url + "/_mock/health")
    mock.clear_faults()
    assert mock.requests() == []
