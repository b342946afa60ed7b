"""Every request limit (`limits:` in the gateway config), end to end through a real gateway, in both
dialects: each gives its documented 4xx in the caller's dialect and never reaches the upstream.

The gateway runs small limits so each can be crossed with a cheap request; the mock teacher on
its own port records what reached it.
"""

from __future__ import annotations

import socket

import httpx
import orjson
import pytest

from tests.reliability.support import FILE_AUDIT, records_for
from tests.support.gateway import GatewayProcess

LIMITS = {"max_body_bytes": 4096, "max_json_depth": 8, "max_messages": 3, "max_header_bytes": 4096,
          "max_stream_seconds": 1.5, "body_timeout_seconds": 1.0, "header_timeout_seconds": 1.0}
DIALECTS = ("openai", "anthropic")


@pytest.fixture(scope="module")
def limited(teacher):
    gw = GatewayProcess(upstream_url=teacher.url, drop_policies=("20-pii*", "30-*", "40-*"),
                        extra_config={"limits": LIMITS, "audit": FILE_AUDIT})
    gw.key = gw.create_key("acme", "limited")
    gw.teacher = teacher
    gw.start()
    yield gw
    gw.stop()


def _request(gw: GatewayProcess, dialect: str, messages: list, **extra) -> tuple[str, dict[str, str], dict]:
    if dialect == "openai":
        return ("/v1/chat/completions", {"authorization": f"Bearer {gw.key}"},
                {"model": "gpt-4o-mini", "messages": messages, "max_tokens": 8, **extra})
    return ("/v1/messages", {"x-api-key": gw.key, "anthropic-version": "2023-06-01"},
            {"model": "claude-mock-1", "messages": messages, "max_tokens": 8, **extra})


def _assert_dialect_error(r: httpx.Response, dialect: str, status: int, code: str) -> None:
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    if dialect == "openai":
        assert set(body) == {"error"}, body
        assert body["error"]["code"] == code and body["error"]["message"], body
    else:
        assert body["type"] == "error" and body["error"]["message"], body
        assert body["error"].get("code") == code, body


def _turns(n: int) -> list[dict]:
    return [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i}"} for i in range(n)]


def _reached_upstream(gw: GatewayProcess, marker: str) -> bool:
    return any(marker in orjson.dumps(r).decode() for r in gw.teacher.requests())


@pytest.mark.parametrize("dialect", DIALECTS)
def test_max_messages(limited, dialect):
    path, headers, body = _request(limited, dialect, _turns(3))
    assert httpx.post(limited.url + path, headers=headers, json=body, timeout=10).status_code == 200
    path, headers, body = _request(limited, dialect, _turns(4))
    body["messages"][0]["content"] = f"too-many-{dialect}"
    r = httpx.post(limited.url + path, headers={**headers, "x-request-id": f"lim-msgs-{dialect}"}, json=body,
                   timeout=10)
    _assert_dialect_error(r, dialect, 400, "too_many_messages")
    assert "4 > 3" in r.text
    assert not _reached_upstream(limited, f"too-many-{dialect}")
    [rec] = records_for(limited, {f"lim-msgs-{dialect}"})
    assert rec["status"] == 400


@pytest.mark.parametrize("dialect", DIALECTS)
def test_max_body_bytes(limited, dialect):
    path, headers, body = _request(limited, dialect, [{"role": "user", "content": f"big-{dialect} " + "a" * 5000}])
    r = httpx.post(limited.url + path, headers=headers, json=body, timeout=10)
    _assert_dialect_error(r, dialect, 413, "request_too_large")
    assert not _reached_upstream(limited, f"big-{dialect}")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_max_json_depth(limited, dialect):
    nested: object = f"deep-{dialect}"
    for _ in range(10):
        nested = [nested]
    path, headers, body = _request(limited, dialect, [{"role": "user", "content": "hi"}], metadata={"x": nested})
    r = httpx.post(limited.url + path, headers=headers, json=body, timeout=10)
    _assert_dialect_error(r, dialect, 400, "body_too_deep")
    assert "deeper than 8" in r.text
    assert not _reached_upstream(limited, f"deep-{dialect}")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_body_timeout_is_408_in_the_callers_dialect(limited, dialect):
    path, headers, body = _request(limited, dialect, [{"role": "user", "content": "slow"}])
    status, reply = _trickle(limited, path, headers, body)
    _assert_dialect_error(httpx.Response(status, content=_body(reply)), dialect, 408, "body_timeout")


@pytest.mark.parametrize("dialect", DIALECTS)
def test_a_caller_without_a_valid_key_is_refused_before_its_body_is_read(limited, dialect):
    """The key is checked on the headers: a stranger's body is never waited for (with a valid key,
    the same trickle waits out the body timeout: the test above)."""
    path, headers, body = _request(limited, dialect, [{"role": "user", "content": "stranger"}])
    headers = {k: v.replace(limited.key, "sk-cov-not-a-key") for k, v in headers.items()}
    status, reply = _trickle(limited, path, headers, body)
    _assert_dialect_error(httpx.Response(status, content=_body(reply)), dialect, 401, "invalid_api_key")


def _trickle(gw: GatewayProcess, path: str, headers: dict[str, str], body: dict) -> tuple[int, bytes]:
    """Send the headers and the first 10 bytes of the body, then nothing: the body never completes.
    Returns the status and the raw reply."""
    raw = orjson.dumps(body)
    head = f"POST {path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: {len(raw)}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
    with socket.create_connection(("127.0.0.1", gw.port), timeout=10) as s:
        s.sendall(head.encode() + raw[:10])
        reply = b""
        while b"\r\n\r\n" not in reply or not _complete(reply):
            chunk = s.recv(65536)
            if not chunk:
                break
            reply += chunk
    return int(reply.split(b" ", 2)[1]), reply


def _complete(reply: bytes) -> bool:
    head, _, body = reply.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return body.endswith(b"0\r\n\r\n")  # chunked


def _body(reply: bytes) -> bytes:
    head, _, body = reply.partition(b"\r\n\r\n")
    if b"transfer-encoding: chunked" not in head.lower():
        return body
    out, rest = b"", body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        out, rest = out + rest[:size], rest[size + 2:]
    return out


def test_max_header_bytes_is_refused_and_the_gateway_still_serves(limited):
    path, headers, body = _request(limited, "openai", [{"role": "user", "content": "hi"}])
    with socket.create_connection(("127.0.0.1", limited.port), timeout=10) as s:
        s.sendall(f"POST {path} HTTP/1.1\r\nhost: x\r\nx-pad: {'p' * 6000}\r\n\r\n".encode())
        reply = b""
        while b"}" not in reply:  # headers and the chunked JSON body may arrive in separate reads
            part = s.recv(65536)
            if not part:
                break
            reply += part
    assert reply.split(b" ", 2)[1] == b"431", reply[:200]
    assert b'"code":"request_header_fields_too_large"' in reply
    assert httpx.post(limited.url + path, headers=headers, json=body, timeout=10).status_code == 200


def test_a_header_that_never_ends_is_cut_at_the_limit_not_buffered(limited):
    """httptools buffers a header until its line ends: a client that never ended one grew the gateway's memory
    without bound (150 MB in 20 s from one connection), since the 431 above needs a complete head. Now the
    connection is answered 431 and closed once the head passes the limit: the gateway stops reading, so the
    client cannot send more than the socket buffers hold (it could send all 64 MiB before)."""
    sent, reply = 0, b""
    with socket.create_connection(("127.0.0.1", limited.port), timeout=10) as s:
        s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nx-endless: ")
        try:
            while sent < 64 * 1024 * 1024:
                s.sendall(b"e" * 65536)
                sent += 65536
        except OSError:  # reset: the gateway closed the connection
            pass
        try:
            reply = s.recv(65536)
        except OSError:  # the reset may overtake the answer
            pass
    assert sent < 32 * 1024 * 1024, "the gateway kept reading an endless header"
    assert reply == b"" or reply.split(b" ", 2)[1] == b"431", reply[:200]
    assert httpx.get(limited.url + "/healthz", timeout=10).status_code == 200


def test_a_head_trickled_past_the_header_timeout_gets_408_and_the_connection_closes(limited):
    """uvicorn's keep-alive timer stops at a head's first byte and nothing else bounds a head in time: a client
    sending one header byte now and then held its connection (slowloris). The socket's own timeout (10 s) would
    fail this test if the gateway never answered."""
    with socket.create_connection(("127.0.0.1", limited.port), timeout=10) as s:
        s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nhost: x\r\nx-slow: ")
        reply = s.makefile("rb").read()  # to the end: the gateway closes the connection
    assert reply.split(b" ", 2)[1] == b"408", reply[:200]
    assert b'"code":"request_timeout"' in reply
    assert httpx.get(limited.url + "/healthz", timeout=10).status_code == 200


@pytest.mark.parametrize("dialect", DIALECTS)
def test_max_stream_seconds_cuts_the_stream_with_an_error_event_in_the_callers_dialect(limited, dialect):
    path, headers, body = _request(limited, dialect, [{"role": "user", "content": "hi"}], stream=True)
    # never_end streams forever: without the cut this request never ends (pytest-timeout fails it)
    r = httpx.post(limited.url + path, headers={**headers, "x-mock-fault": "never_end"}, json=body, timeout=20)
    assert r.status_code == 200
    last = [e for e in r.text.strip().split("\n\n") if e.strip()][-1]
    data = orjson.loads(last.split("data: ", 1)[1].split("\n")[0])
    if dialect == "openai":
        assert data["error"]["code"] == "stream_too_long", data
    else:
        assert last.startswith("event: error") and data["type"] == "error", last
        assert data["error"].get("code") == "stream_too_long" or "stream" in data["error"]["message"], data
