"""Bad input gets a clear 4xx in the caller's dialect and never reaches the upstream."""

from __future__ import annotations

import httpx
import orjson
import pytest


def post(gateway, path: str, content: bytes | str, key: str | None, **headers: str) -> httpx.Response:
    h = {"content-type": "application/json", **headers}
    if key:
        h["authorization"] = f"Bearer {key}"
    return httpx.post(gateway.url + path, content=content, headers=h, timeout=10)


@pytest.mark.parametrize(("body", "code", "param"), [
    (b"{not json", "invalid_json", None),
    (b"[1, 2]", "invalid_body", None),
    (b'{"messages": []}', "missing_model", "model"),
    (b'{"model": 7, "messages": []}', "invalid_type", "model"),
    (b'{"model": "gpt-4o-mini", "messages": "hi"}', "invalid_type", "messages"),
    (b'{"model": "gpt-4o-mini", "messages": [], "stream": "yes"}', "invalid_type", "stream"),
    (b'{"model": "gpt-4o-mini", "messages": [], "max_tokens": -5}', "invalid_type", "max_tokens"),
    (b"", "invalid_body", None),
])
def test_malformed_openai_body_is_400_in_openai_dialect(gateway, teacher_log, body, code, param):
    r = post(gateway, "/v1/chat/completions", body, gateway.keys.alice)
    assert r.status_code == 400
    err = r.json()["error"]
    assert err["code"] == code and err["param"] == param and err["type"] == "invalid_request_error"
    assert err["message"]
    assert teacher_log.requests() == []


def test_malformed_anthropic_body_is_400_in_anthropic_dialect(gateway, teacher_log):
    r = post(gateway, "/v1/messages", b'{"model": "claude-mock-1", "messages": {}}', gateway.keys.alice,
             **{"anthropic-version": "2023-06-01"})
    assert r.status_code == 400
    assert r.json() == {"type": "error", "error": {"type": "invalid_request_error",
                                                   "message": "messages must be an array", "code": "invalid_type"},
                        "request_id": r.headers["request-id"]}
    assert teacher_log.requests() == []


def test_authentication_comes_before_body_checks(gateway):
    r = post(gateway, "/v1/chat/completions", b"{not json", None)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "missing_api_key"


def test_huge_body_is_413(gateway, teacher_log):
    big = b'{"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "' + b"a" * (5 * 1024 * 1024) + b'"}]}'
    r = post(gateway, "/v1/chat/completions", big, gateway.keys.alice)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "request_too_large"
    assert teacher_log.requests() == []


def test_deeply_nested_json_is_400(gateway):
    body = '{"model": "gpt-4o-mini", "messages": [], "metadata": ' + "[" * 200 + "]" * 200 + "}"
    r = post(gateway, "/v1/chat/completions", body, gateway.keys.alice)
    assert r.status_code == 400 and r.json()["error"]["code"] == "body_too_deep"


def test_unknown_route_is_404_in_guessed_dialect(gateway):
    r = httpx.post(gateway.url + "/v1/fine_tuning/jobs", json={}, timeout=5)
    assert r.status_code == 404 and r.json()["error"]["code"] == "unknown_route"
    assert "POST /v1/chat/completions" in r.json()["error"]["message"], "the message lists what is offered"
    r = httpx.post(gateway.url + "/v1/messages/batches", json={}, headers={"anthropic-version": "2023-06-01"}, timeout=5)
    assert r.status_code == 404 and r.json()["type"] == "error"


def test_wrong_method_is_405_with_the_allowed_method(gateway):
    r = httpx.get(gateway.url + "/v1/chat/completions", timeout=5)
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert r.headers["allow"] == "POST"
    r = httpx.delete(gateway.url + "/v1/models", timeout=5)
    assert r.status_code == 405 and r.headers["allow"] == "GET"


def test_a_trailing_slash_is_pointed_at_the_route(gateway):
    r = httpx.post(gateway.url + "/v1/chat/completions/", json={}, timeout=5)
    assert r.status_code == 404
    assert r.json()["error"]["message"].endswith("did you mean /v1/chat/completions?")


def test_upstream_4xx_is_passed_through_with_the_upstream_body(gateway, teacher_log):
    # Covenant checks only what it relies on; the mock teacher itself rejects an empty conversation.
    r = post(gateway, "/v1/chat/completions", b'{"model": "gpt-4o-mini", "messages": []}', gateway.keys.alice)
    direct = httpx.post(teacher_log.url + "/v1/chat/completions", json={"model": "gpt-4o-mini", "messages": []},
                        timeout=5)
    assert r.status_code == direct.status_code == 400
    assert r.json() == direct.json()


@pytest.mark.parametrize("tool_calls", [5, True, 1.5, {"id": "call_1"}])
def test_a_field_the_gateway_does_not_check_reaches_the_upstream_as_sent_whatever_its_shape(gateway, teacher_log,
                                                                                          tool_calls):
    # The prompt stages read assistant tool calls; one that is not an array is the upstream's to judge, never a 500.
    messages = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "ok", "tool_calls": tool_calls},
                {"role": "user", "content": "and?"}]
    body = orjson.dumps({"model": "gpt-4o-mini", "messages": messages})
    r = post(gateway, "/v1/chat/completions", body, gateway.keys.alice)
    assert r.status_code < 500, r.text
    (sent,) = teacher_log.requests()
    assert sent["body"]["messages"][1]["tool_calls"] == tool_calls
