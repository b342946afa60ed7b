"""How answers reach the socket: a JSON answer (and an error) carries its length and goes out as one
write with its head; a streamed answer's head is not held past the turn that wrote it."""

from __future__ import annotations

import asyncio
import socket

import httpx
import orjson

from gateway.http_protocol import CoalescingTransport

HEAD = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n"


class RecordingTransport:
    """The socket side of CoalescingTransport: records each write as the kernel would get it."""

    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = self.aborted = False

    def write(self, data: bytes) -> None:
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed or self.aborted

    def close(self) -> None:
        self.closed = True

    def abort(self) -> None:
        self.aborted = True

    def get_extra_info(self, name: str, default=None):
        return {"peername": ("127.0.0.1", 4242)}.get(name, default)


async def test_a_head_and_its_body_written_in_one_turn_are_one_write():
    raw = RecordingTransport()
    t = CoalescingTransport(raw, asyncio.get_running_loop())
    t.write(HEAD)
    assert raw.writes == []
    t.write(b'{"ok": true}')
    assert raw.writes == [HEAD + b'{"ok": true}']
    t.write(b"HTTP/1.1 200 OK\r\n\r\n")  # the next pipelined answer
    t.write(b"more")
    assert raw.writes[1:] == [b"HTTP/1.1 200 OK\r\n\r\nmore"]
    await asyncio.sleep(0)  # the end-of-turn flush finds nothing left to send
    assert len(raw.writes) == 2


async def test_a_large_body_is_not_copied_to_join_its_head():
    raw = RecordingTransport()
    t = CoalescingTransport(raw, asyncio.get_running_loop())
    body = b"x" * (1 << 20)
    t.write(HEAD)
    t.write(body)
    assert raw.writes == [HEAD, body] and raw.writes[1] is body


async def test_a_head_alone_goes_out_at_the_end_of_its_turn():
    raw = RecordingTransport()
    t = CoalescingTransport(raw, asyncio.get_running_loop())
    t.write(HEAD)  # a stream: its first event comes from the upstream later
    await asyncio.sleep(0)
    assert raw.writes == [HEAD]
    t.write(b"data: {}\n\n")
    t.write(b"data: [DONE]\n\n")
    assert raw.writes == [HEAD, b"data: {}\n\n", b"data: [DONE]\n\n"]


async def test_close_sends_what_is_held_and_abort_drops_it():
    loop = asyncio.get_running_loop()
    raw = RecordingTransport()
    t = CoalescingTransport(raw, loop)
    t.write(HEAD)
    t.close()
    assert raw.writes == [HEAD] and raw.closed
    raw = RecordingTransport()
    t = CoalescingTransport(raw, loop)
    t.write(HEAD)
    t.abort()
    await asyncio.sleep(0)
    assert raw.writes == [] and raw.aborted


async def test_everything_else_reaches_the_socket_transport():
    t = CoalescingTransport(RecordingTransport(), asyncio.get_running_loop())
    assert t.get_extra_info("peername") == ("127.0.0.1", 4242)
    assert t.is_closing() is False


def test_json_answers_and_errors_carry_their_length(gateway, teacher_log):
    ok = httpx.post(gateway.url + "/v1/chat/completions", timeout=10,
                    headers={"authorization": f"Bearer {gateway.keys.alice}"},
                    json={"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello"}]})
    assert ok.status_code == 200
    assert int(ok.headers["content-length"]) == len(ok.content)
    assert "transfer-encoding" not in ok.headers
    bad = httpx.post(gateway.url + "/v1/chat/completions", headers={"authorization": "Bearer nope"}, json={},
                     timeout=10)
    assert bad.status_code == 401
    assert int(bad.headers["content-length"]) == len(bad.content)
    assert bad.json()["error"]["code"]


def test_pipelined_requests_get_their_answers_in_order(gateway, teacher_log):
    """Two requests in one segment: each answer's head travels with its own body, in order."""
    body = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]})
    host, port = gateway.url.removeprefix("http://").split(":")
    one = (f"POST /v1/chat/completions HTTP/1.1\r\nhost: {host}\r\nauthorization: Bearer {gateway.keys.alice}\r\n"
           f"content-type: application/json\r\ncontent-length: {len(body)}\r\n\r\n").encode() + body
    two = one.replace(gateway.keys.alice.encode(), b"not-a-key")
    with socket.create_connection((host, int(port)), timeout=10) as s:
        s.sendall(one + two)
        data = b""
        while data.count(b"HTTP/1.1 ") < 2 or not _complete(data):
            chunk = s.recv(65536)
            assert chunk, data
            data += chunk
    first, second = data.split(b"HTTP/1.1 ")[1:]
    assert first.startswith(b"200 ") and b'"chat.completion"' in first
    assert second.startswith(b"401 ") and b"invalid_api_key" in second


def _complete(data: bytes) -> bool:
    """Both answers read in full: the second's body is as long as its content-length says."""
    last = data.rsplit(b"HTTP/1.1 ", 1)[1]
    head, _, body = last.partition(b"\r\n\r\n")
    length = [line.split(b":")[1] for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")]
    return bool(length) and len(body) >= int(length[0])
