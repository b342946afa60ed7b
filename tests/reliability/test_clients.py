"""Misbehaving clients: disconnects at each phase, a slow reader of an endless stream, a slow sender
of a body. Raw sockets, so the test controls exactly when bytes go out and come in."""

from __future__ import annotations

import json
import re
import socket
import time

import pytest

from gateway.mock_teacher import MockSettings
from tests.reliability.support import FILE_AUDIT, HERE, chat, metric, records_for, wait_for
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

BODY_TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def clients():
    # never_end streams as fast as the reader takes them: the gateway must not buffer ahead.
    with running_mock_teacher(MockSettings(never_end_interval_ms=0.01)) as fast:
        gw = GatewayProcess(upstream_url=fast.url, policies=HERE / "policies_one_slot", extra_config={
            "audit": FILE_AUDIT, "limits": {"body_timeout_seconds": BODY_TIMEOUT_S, "max_stream_seconds": 60}})
        gw.key = gw.create_key("acme", "clients")
        gw.teacher = fast
        gw.start()
        yield gw
        gw.stop()


def _request_head(gw: GatewayProcess, rid: str, length: int, fault: str = "") -> bytes:
    extra = f"x-mock-fault: {fault}\r\n" if fault else ""
    return (f"POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1:{gw.port}\r\n"
            f"authorization: Bearer {gw.key}\r\ncontent-type: application/json\r\n"
            f"x-request-id: {rid}\r\n{extra}content-length: {length}\r\n\r\n").encode()


def _body(stream: bool = False, max_tokens: int = 20) -> bytes:
    return json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hello"}],
                       "stream": stream, "max_tokens": max_tokens}).encode()


def _connect(gw: GatewayProcess, rcvbuf: int | None = None) -> socket.socket:
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.connect(("127.0.0.1", gw.port))
    s.settimeout(10)
    return s


def _freed_and_accounted(gw: GatewayProcess, rid: str) -> dict:
    assert wait_for(lambda: metric(gw, "covenant_in_flight_requests") == 0, timeout=10)
    assert chat(gw, gw.key).status_code == 200, "the account's one concurrency slot is free again"
    recs = records_for(gw, {rid})
    assert len(recs) == 1, recs
    return recs[0]


def test_disconnect_during_body_upload(clients):
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-upload-1", len(body)) + body[:10])
        time.sleep(0.2)
    rec = _freed_and_accounted(clients, "cli-upload-1")
    # as a client that leaves later: not a 400 the caller never got (the overview's denied ratio counted it)
    assert rec["decision"] == "client_disconnected" and rec["status"] == 499


def test_in_flight_gauge_counts_a_request_waiting_for_the_upstream(clients):
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-gauge-1", len(body), fault="delay_ms=1500") + body)
        assert wait_for(lambda: metric(clients, "covenant_in_flight_requests") == 1, timeout=5)
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
    _freed_and_accounted(clients, "cli-gauge-1")


def test_disconnect_while_waiting_for_the_upstream_frees_everything_within_the_upstream_budget(clients):
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-wait-1", len(body), fault="delay_ms=1500") + body)
        time.sleep(0.3)
    # The gateway notices the disconnect only when the upstream answers (see the next test), so the
    # slot and the in-flight count are held at most for the upstream's time, then freed and accounted.
    rec = _freed_and_accounted(clients, "cli-wait-1")
    assert rec["status"] in (200, 499) or rec["decision"] == "client_disconnected", rec


def test_disconnect_while_waiting_for_the_upstream_cancels_the_upstream_request(clients):
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-wait-2", len(body), fault="delay_ms=4000") + body)
        time.sleep(0.3)
    assert wait_for(lambda: metric(clients, "covenant_in_flight_requests") == 0, timeout=2)
    rec = records_for(clients, {"cli-wait-2"}, timeout=1)
    assert rec and rec[0]["decision"] == "client_disconnected"
    wait_for(lambda: metric(clients, "covenant_in_flight_requests") == 0, timeout=10)  # leave a clean slot


def test_a_client_that_leaves_at_once_is_seen_when_the_disconnect_watch_starts(clients):
    # The disconnect watcher starts 50 ms into the exchange (so short exchanges never pay for a task);
    # a client gone before then is seen as soon as it starts, long before the upstream answers.
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-wait-3", len(body), fault="delay_ms=4000") + body)
    assert wait_for(lambda: metric(clients, "covenant_in_flight_requests") == 0, timeout=2)
    rec = records_for(clients, {"cli-wait-3"}, timeout=1)
    assert rec and rec[0]["decision"] == "client_disconnected"


def _read_response(s: socket.socket, timeout: float) -> str:
    """One whole HTTP/1.1 response: the head and the body may arrive in separate segments."""
    s.settimeout(timeout)
    data = b""
    while True:
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            if length is not None and len(body) >= int(length.group(1)):
                break
            if length is None and body.endswith(b"0\r\n\r\n"):  # chunked: the last chunk
                break
        part = s.recv(65536)
        if not part:
            break
        data += part
    return data.decode()


def test_slow_sender_gets_408_after_the_body_timeout(clients):
    body = _body()
    with _connect(clients) as s:
        s.sendall(_request_head(clients, "cli-trickle-1", len(body)) + body[:5])
        for i in range(5, 15):  # one byte every 0.5 s: never finishes before the timeout
            try:
                s.sendall(body[i:i + 1])
            except OSError:
                break
            time.sleep(0.5)
            s.setblocking(False)
            try:
                if s.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                pass
            finally:
                s.setblocking(True)
        reply = _read_response(s, timeout=10)
    assert reply.startswith("HTTP/1.1 408"), reply
    payload = reply.split("\r\n\r\n", 1)[1]  # chunked: the JSON object sits between the chunk sizes
    err = json.loads(payload[payload.index("{"):payload.rindex("}") + 1])["error"]
    assert err["code"] == "body_timeout"  # the trickle never finishes the body: only the timeout ends it
    rec = _freed_and_accounted(clients, "cli-trickle-1")
    assert rec["status"] == 408


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def test_slow_reader_of_an_endless_stream_keeps_gateway_memory_bounded(clients):
    pid = clients.proc.pid
    body = _body(stream=True)
    with _connect(clients, rcvbuf=4096) as s:
        s.sendall(_request_head(clients, "cli-slow-1", len(body), fault="never_end") + body)
        first = s.recv(4096)
        assert first.startswith(b"HTTP/1.1 200")
        baseline = _rss_mib(pid)
        samples, received = [], len(first)
        for _ in range(30):  # ~3 s, reading 2 KiB per 100 ms while the upstream could send MB/s
            received += len(s.recv(2048))
            time.sleep(0.1)
            samples.append(_rss_mib(pid))
    print(f"\nslow reader: gateway RSS {baseline:.1f} MiB -> max {max(samples):.1f} MiB, read {received} bytes")
    assert max(samples) - baseline < 32, f"gateway RSS grew {max(samples) - baseline:.1f} MiB behind a slow reader"
    rec = _freed_and_accounted(clients, "cli-slow-1")
    assert rec["decision"] == "client_disconnected"
