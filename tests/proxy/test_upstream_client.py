"""The upstream HTTP client (gateway.httpclient) against real loopback servers that misbehave on cue."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import socket
import ssl
import struct

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from gateway import httpclient as hc


class Server:
    """A raw HTTP/1.1 server on loopback whose answers the test scripts, request by request."""

    def __init__(self, answer) -> None:
        self.answer = answer  # async (reader, writer, n_on_connection, request_head) -> keep going?
        self.connections = 0
        self.open = 0
        self.peak = 0
        self.requests: list[bytes] = []

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        self.open += 1
        self.peak = max(self.peak, self.open)
        try:
            n = 0
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                               if line.lower().startswith(b"content-length:")), 0)
                body = await reader.readexactly(length) if length else b""
                self.requests.append(head + body)
                n += 1
                if not await self.answer(reader, writer, n, head):
                    return
        finally:
            self.open -= 1
            writer.close()

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0, ssl=getattr(self, "ssl", None))
        port = self.server.sockets[0].getsockname()[1]
        return f"{'https' if getattr(self, 'ssl', None) else 'http'}://127.0.0.1:{port}"

    async def __aexit__(self, *exc) -> None:
        self.server.close()


def ok(body: bytes = b'{"ok":true}', extra: bytes = b"") -> bytes:
    return b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n%s\r\n%s" % (
        len(body), extra, body)


async def answer_ok(reader, writer, n, head) -> bool:
    writer.write(ok())
    await writer.drain()
    return True


async def get(pool: hc.ConnectionPool, path: str = "/v1/x", *, read_timeout: float = 5, total: float = 10):
    resp = await pool.request("POST", path, [("content-type", "application/json")], b"{}",
                              read_timeout=read_timeout, total_timeout=total)
    return resp, await resp.read()


async def test_keep_alive_connections_are_reused():
    srv = Server(answer_ok)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        for _ in range(5):
            resp, body = await get(pool)
            assert (resp.status, body) == (200, b'{"ok":true}')
        await pool.close()
    assert srv.connections == 1
    assert srv.requests[0].startswith(b"POST /v1/x HTTP/1.1\r\nhost: 127.0.0.1:")
    assert b"content-length: 2\r\n\r\n{}" in srv.requests[0]


async def test_base_url_path_prefix_and_header_names_are_sent():
    srv = Server(answer_ok)
    async with srv as url:
        pool = hc.ConnectionPool(url + "/proxy/")
        resp, _ = await get(pool, "/v1/chat/completions")
        await pool.close()
    assert srv.requests[0].startswith(b"POST /proxy/v1/chat/completions HTTP/1.1\r\n")
    assert b"\r\ncontent-type: application/json\r\n" in srv.requests[0]


async def test_chunked_body_is_read_whole_and_piece_by_piece():
    async def chunked(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n")
        for part in (b"data: 1\n\n", b"data: 2\n\n", b"data: [DONE]\n\n"):
            writer.write(b"%x\r\n%s\r\n" % (len(part), part))
            await writer.drain()
            await asyncio.sleep(0.02)
        writer.write(b"0\r\n\r\n")
        return True

    async with Server(chunked) as url:
        pool = hc.ConnectionPool(url)
        _, whole = await get(pool)
        resp = await pool.request("GET", "/s", [], None, read_timeout=5, total_timeout=10)
        pieces = [c async for c in resp.iter_chunks()]
        await pool.close()
    assert whole == b"data: 1\n\ndata: 2\n\ndata: [DONE]\n\n"
    assert b"".join(pieces) == whole and len(pieces) >= 2  # delivered as they arrived, not buffered


async def test_body_without_length_ends_with_the_connection():
    async def close_delimited(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nhello ")
        await writer.drain()
        writer.write(b"world")
        return False

    async with Server(close_delimited) as url:
        pool = hc.ConnectionPool(url)
        resp, body = await get(pool)
        await pool.close()
    assert body == b"hello world"


async def test_body_without_length_cut_by_a_reset_is_an_error_not_its_end():
    async def close_delimited_then_reset(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\ndata: {}\n\n")
        await writer.drain()
        await asyncio.sleep(0.1)
        writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # RST: the upstream crashed mid-answer, not a clean end of the body
        return False

    async with Server(close_delimited_then_reset) as url:
        pool = hc.ConnectionPool(url)
        resp = await pool.request("GET", "/s", [], None, read_timeout=5, total_timeout=10)
        got = []
        with pytest.raises(hc.ConnectionClosed):
            async for chunk in resp.iter_chunks():
                got.append(chunk)
        await pool.close()
    assert got == [b"data: {}\n\n"]


async def one_per_connection_then_silent_close(reader, writer, n, head):
    if n == 1:
        writer.write(ok())  # says keep-alive (HTTP/1.1 default) ...
        await writer.drain()
        return True
    return False  # ... but drops the next request unanswered, as an idle-timeout race does


async def test_upstream_that_closed_an_idle_connection_gets_an_idempotent_request_on_a_new_one():
    srv = Server(one_per_connection_then_silent_close)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        await get(pool)
        resp = await pool.request("GET", "/v1/models", [], None, read_timeout=5, total_timeout=10)
        body = await resp.read()
        await pool.close()
    assert body == b'{"ok":true}'
    assert srv.connections == 2 and len(srv.requests) == 3


async def test_a_post_on_a_reused_connection_closed_unanswered_is_not_sent_again():
    # The upstream read the whole request before it hung up: it may have acted on it (a generation billed),
    # which the client cannot tell from an idle-timeout race. The caller gets the error (its SDK retries).
    srv = Server(one_per_connection_then_silent_close)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        await get(pool)
        with pytest.raises(hc.ConnectionClosed):
            await get(pool)
        await pool.close()
    assert len(srv.requests) == 2


async def test_a_post_with_an_idempotency_key_is_sent_again_on_a_new_connection():
    srv = Server(one_per_connection_then_silent_close)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        await get(pool)
        resp = await pool.request("POST", "/v1/x", [("idempotency-key", "k-1")], b"{}", read_timeout=5,
                                  total_timeout=10)
        body = await resp.read()
        await pool.close()
    assert body == b'{"ok":true}'
    assert srv.connections == 2 and len(srv.requests) == 3


async def test_fresh_connection_closed_without_an_answer_is_an_error_not_a_retry():
    async def hang_up(reader, writer, n, head):
        return False

    srv = Server(hang_up)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        with pytest.raises(hc.ConnectionClosed):
            await get(pool)
        await pool.close()
    assert len(srv.requests) == 1


async def test_connection_refused_is_a_connect_error():
    srv = Server(answer_ok)
    async with srv as url:
        pass
    pool = hc.ConnectionPool(url)
    with pytest.raises(hc.ConnectError):
        await get(pool)


async def test_no_head_within_the_read_timeout():
    async def silent(reader, writer, n, head):
        await asyncio.sleep(2)
        return False

    async with Server(silent) as url:
        pool = hc.ConnectionPool(url)
        with pytest.raises(hc.ReadTimeout, match="no response headers within 0.2s"):
            await get(pool, read_timeout=0.2)
        await pool.close()


async def test_response_headers_trickled_byte_by_byte_must_still_arrive_within_the_read_timeout():
    async def trickle_head(reader, writer, n, head):
        try:
            for byte in ok():  # each gap far below the read timeout, the whole head far above it
                writer.write(bytes([byte]))
                await writer.drain()
                await asyncio.sleep(0.02)
        except ConnectionError:
            pass
        return False

    async with Server(trickle_head) as url:
        pool = hc.ConnectionPool(url)
        with pytest.raises(hc.ReadTimeout, match="no response headers within 0.3s"):
            await get(pool, read_timeout=0.3)
        await pool.close()


async def test_a_stream_that_keeps_trickling_still_hits_the_total_timeout():
    async def trickle(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        for _ in range(40):
            writer.write(b"1\r\nx\r\n")
            await writer.drain()
            await asyncio.sleep(0.05)
        return False

    async with Server(trickle) as url:
        pool = hc.ConnectionPool(url)
        resp = await pool.request("GET", "/", [], None, read_timeout=0.3, total_timeout=0.6)
        got = b""
        with pytest.raises(hc.TotalTimeout):
            async for chunk in resp.iter_chunks():
                got += chunk
        await pool.close()
    assert 3 <= len(got) < 40  # the gaps never exceeded the read timeout; the total did


async def test_garbage_instead_of_http_is_a_protocol_error():
    async def garbage(reader, writer, n, head):
        writer.write(b"SSH-2.0-OpenSSH_9.2\r\n\r\n")
        await writer.drain()
        return False

    async with Server(garbage) as url:
        pool = hc.ConnectionPool(url)
        with pytest.raises((hc.ProtocolError, hc.ConnectionClosed)):
            await get(pool)
        await pool.close()


async def test_at_most_max_connections_exchanges_at_once():
    async def slow(reader, writer, n, head):
        await asyncio.sleep(0.1)
        writer.write(ok())
        await writer.drain()
        return True

    srv = Server(slow)
    async with srv as url:
        pool = hc.ConnectionPool(url, max_connections=2)
        results = await asyncio.gather(*(get(pool) for _ in range(6)))
        await pool.close()
    assert [r[0].status for r in results] == [200] * 6
    assert srv.peak == 2 and srv.connections == 2


async def test_waiting_for_a_busy_pool_is_bounded_by_the_connect_timeout():
    release, arrived = asyncio.Event(), asyncio.Event()

    async def held_until_released(reader, writer, n, head):
        arrived.set()
        await release.wait()
        writer.write(ok())
        await writer.drain()
        return True

    srv = Server(held_until_released)
    async with srv as url:
        pool = hc.ConnectionPool(url, max_connections=1, connect_timeout=0.2)
        first = asyncio.ensure_future(get(pool, read_timeout=30, total=60))  # holds the only connection
        await arrived.wait()
        with pytest.raises(hc.PoolTimeout, match="all 1 connections"):  # nothing was sent: another upstream may
            await get(pool, read_timeout=30, total=60)                  # take it (a ConnectTimeout)
        release.set()
        resp, body = await first
        _, again = await get(pool)  # the slot the waiter gave up is not lost
        await pool.close()
    assert body == again == b'{"ok":true}'
    assert len(srv.requests) == 2 and issubclass(hc.PoolTimeout, hc.ConnectTimeout)


async def test_abort_mid_body_closes_the_connection_and_frees_the_slot():
    async def endless(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        try:
            while True:
                writer.write(b"5\r\nhello\r\n")
                await writer.drain()
                await asyncio.sleep(0.01)
        except ConnectionError:
            return False

    srv = Server(endless)
    async with srv as url:
        pool = hc.ConnectionPool(url, max_connections=1)
        for _ in range(2):  # the second request needs the only slot back
            resp = await pool.request("GET", "/", [], None, read_timeout=5, total_timeout=10)
            async for _chunk in resp.iter_chunks():
                break
            resp.abort()
        await asyncio.sleep(0.1)
        await pool.close()
    assert srv.connections == 2


async def test_large_body_is_intact_when_the_reader_is_slow():
    payload = bytes(range(256)) * (12 * 4096)  # 12 MiB, well above the read-pause threshold

    async def big(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n" % len(payload))
        writer.write(payload)
        await writer.drain()
        return True

    async with Server(big) as url:
        pool = hc.ConnectionPool(url)
        resp = await pool.request("GET", "/", [], None, read_timeout=5, total_timeout=30)
        got = bytearray()
        async for chunk in resp.iter_chunks():
            got += chunk
            await asyncio.sleep(0.001)
        await pool.close()
    assert bytes(got) == payload


def _self_signed() -> tuple[bytes, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    return (cert.public_bytes(serialization.Encoding.PEM),
            key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                              serialization.NoEncryption()))


async def test_https_upstream_is_verified_against_the_trust_store(tmp_path):
    cert, key = _self_signed()
    (tmp_path / "cert.pem").write_bytes(cert)
    (tmp_path / "key.pem").write_bytes(key)
    server_ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_ctx.load_cert_chain(tmp_path / "cert.pem", tmp_path / "key.pem")
    srv = Server(answer_ok)
    srv.ssl = server_ctx
    async with srv as url:
        assert url.startswith("https://")
        untrusting = hc.ConnectionPool(url)  # the system store does not know this certificate
        with pytest.raises(hc.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            await get(untrusting)
        trusting = hc.ConnectionPool(url, ssl_context=ssl.create_default_context(cafile=tmp_path / "cert.pem"))
        resp, body = await get(trusting)
        await trusting.close()
    assert (resp.status, body) == (200, b'{"ok":true}')


async def test_a_large_body_read_whole_some_time_after_its_head_arrives_intact():
    # The caller does other work (a store round trip) between the head and `read()`: meanwhile more than the
    # read-pause threshold arrives and the socket stops being read; `read()` must take it up again.
    payload = bytes(range(256)) * (16 * 1024)  # 4 MiB

    async def big(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n" % len(payload) + payload)
        await writer.drain()
        return True

    async with Server(big) as url:
        pool = hc.ConnectionPool(url)
        resp = await pool.request("GET", "/", [], None, read_timeout=5, total_timeout=10)
        await asyncio.sleep(0.3)
        body = await resp.read()
        await pool.close()
    assert body == payload


@pytest.mark.parametrize("extra", [1000, 100_000, 200_000])
async def test_a_connection_whose_large_body_ended_unread_serves_the_next_request(extra):
    # The body's last bytes arrive past the read-pause threshold while nobody waits: the exchange ends with
    # reading paused, and the connection goes back to the pool; the next exchange on it must be read.
    payload = b"x" * ((1 << 20) + extra)

    async def big(reader, writer, n, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n" % len(payload) + payload)
        await writer.drain()
        return True

    srv = Server(big)
    async with srv as url:
        pool = hc.ConnectionPool(url)
        resp = await pool.request("GET", "/", [], None, read_timeout=5, total_timeout=10)
        await asyncio.sleep(0.3)
        first = await resp.read()
        resp = await pool.request("GET", "/", [], None, read_timeout=5, total_timeout=10)
        second = await resp.read()
        await pool.close()
    assert first == second == payload
    assert srv.connections == 1


async def test_a_response_head_that_never_ends_is_cut_at_its_size_bound_not_buffered_until_the_timeout():
    sent = 0

    async def endless_header(reader, writer, n, head):
        nonlocal sent
        writer.write(b"HTTP/1.1 200 OK\r\nx-endless: ")
        try:
            while sent < 64 * hc.MAX_HEAD_BYTES:
                writer.write(b"a" * 65536)
                sent += 65536
                await writer.drain()
        except ConnectionError:
            pass
        return False

    async with Server(endless_header) as url:
        pool = hc.ConnectionPool(url)
        with pytest.raises(hc.ProtocolError, match="response head exceeds"):
            await get(pool, read_timeout=30, total=60)
        await pool.close()
    assert sent < 16 * hc.MAX_HEAD_BYTES  # the connection was closed once the bound was passed


async def test_a_head_as_large_as_the_bound_allows_is_read_with_its_body():
    big = b"x-big: " + b"b" * (hc.MAX_HEAD_BYTES - 1024) + b"\r\n"

    async def large_head(reader, writer, n, head):
        writer.write(ok(b'{"ok":true}' + b" " * 300_000, extra=big))
        await writer.drain()
        return True

    async with Server(large_head) as url:
        pool = hc.ConnectionPool(url)
        resp, body = await get(pool)
        await pool.close()
    assert resp.status == 200 and body.startswith(b'{"ok":true}') and len(body) == 300_011
