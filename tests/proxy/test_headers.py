"""Credentials, request ids and hop-by-hop headers at the gateway boundary."""

from __future__ import annotations

import hashlib

import httpx

from gateway.upstream import forward_response_headers

BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 5}


def test_caller_key_is_replaced_by_the_upstream_credential(gateway, teacher_log):
    r = httpx.post(gateway.url + "/v1/chat/completions", json=BODY, timeout=10,
                   headers={"authorization": f"Bearer {gateway.keys.alice}", "openai-organization": "org-caller",
                            "cookie": "session=1", "x-forwarded-for": "10.9.9.9", "api-key": "azure-style-secret"})
    assert r.status_code == 200
    (seen,) = teacher_log.requests()
    upstream_hash = hashlib.sha256(b"sk-upstream-secret-abc123").hexdigest()
    caller_hash = hashlib.sha256(gateway.keys.alice.encode()).hexdigest()
    auth = seen["credentials"]["authorization"]
    assert auth is not None and upstream_hash.startswith(auth) and not caller_hash.startswith(auth)
    forwarded = {k.lower() for k in seen["headers"]}
    assert not forwarded & {"openai-organization", "cookie", "x-forwarded-for", "x-api-key", "api-key"}
    assert set(seen["credentials"]) == {"authorization"}  # the caller's api-key (Azure's header) stayed here


def test_anthropic_caller_key_is_replaced_by_x_api_key(gateway, teacher_log):
    r = httpx.post(gateway.url + "/v1/messages", timeout=10,
                   json={"model": "claude-mock-1", "max_tokens": 5, "messages": [{"role": "user", "content": "hi"}]},
                   headers={"x-api-key": gateway.keys.alice, "anthropic-version": "2023-06-01"})
    assert r.status_code == 200
    (seen,) = teacher_log.requests()
    assert seen["credentials"]["x-api-key"] == hashlib.sha256(b"sk-upstream-secret-abc123").hexdigest()[
        : len(seen["credentials"]["x-api-key"])]
    assert "anthropic-version" in {k.lower() for k in seen["headers"]}


def test_request_id_is_echoed_or_generated(gateway):
    h = {"authorization": f"Bearer {gateway.keys.alice}"}
    r = httpx.post(gateway.url + "/v1/chat/completions", json=BODY, headers={**h, "x-request-id": "abc-123"}, timeout=10)
    assert r.headers["x-request-id"] == "abc-123"
    r = httpx.post(gateway.url + "/v1/chat/completions", json=BODY, timeout=10,
                   headers={**h, "x-request-id": "bad id\twith spaces"})
    generated = r.headers["x-request-id"]
    assert generated != "bad id\twith spaces" and len(generated) == 32


def test_upstream_own_rate_limit_headers_are_not_leaked(gateway):
    r = httpx.post(gateway.url + "/v1/chat/completions", json=BODY, timeout=10,
                   headers={"authorization": f"Bearer {gateway.keys.alice}"})
    assert "server" not in r.headers or "aiohttp" not in r.headers.get("server", "").lower()


def test_headers_the_caller_names_in_connection_stay_on_its_hop(gateway, teacher_log):
    """RFC 9110 7.6.1: a header listed in Connection belongs to that one connection; a proxy drops it."""
    r = httpx.post(gateway.url + "/v1/chat/completions", json=BODY, timeout=10,
                   headers={"authorization": f"Bearer {gateway.keys.alice}", "connection": "keep-alive, X-Hop-Trace",
                            "x-hop-trace": "caller-side", "x-end-to-end": "kept"})
    assert r.status_code == 200
    (seen,) = teacher_log.requests()
    forwarded = {k.lower() for k in seen["headers"]}
    assert "x-end-to-end" in forwarded and "x-hop-trace" not in forwarded


def test_headers_the_upstream_names_in_connection_do_not_reach_the_caller():
    headers, content_type, _ = forward_response_headers([
        (b"content-type", b"application/json"), (b"connection", b"keep-alive, x-upstream-hop"),
        (b"x-upstream-hop", b"upstream-side"), (b"openai-processing-ms", b"12")])
    assert content_type == "application/json"
    assert headers == [(b"content-type", b"application/json"), (b"openai-processing-ms", b"12")]
