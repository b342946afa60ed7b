"""The batchers' lean Redis connection (gateway/store/resp.py) against real redis-server processes:
same replies as redis-py, credentials and database honoured, failures mapped like every store error."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis
from redis.exceptions import NoScriptError, ResponseError

from gateway.store import StoreUnavailable, open_store
from gateway.store.redis import build_client
from gateway.store.resp import RespConnection, pack_commands, supports
from tests.support.redis_server import RedisServer, start_redis


@pytest.fixture
def password_redis():
    server = start_redis("--requirepass", "s3cret")
    yield server
    server.stop()


def test_plain_and_unix_urls_use_it_tls_and_sentinel_do_not():
    def lean(url: str) -> bool:
        return supports(build_client(url, 0.05)[1].connection_pool)

    assert lean("redis://127.0.0.1:6379/0") and lean("redis://:pw@localhost:6380/2") and lean("unix:///tmp/r.sock?db=1")
    assert not lean("rediss://localhost:6380/0")
    assert not lean("redis+sentinel://127.0.0.1:26379/mymaster/0")


async def test_every_reply_type_decodes_as_redis_py_decodes_it(redis_url: str):
    commands = [("SET", "k", "v"), ("GET", "k"), ("GET", "missing"), ("INCRBY", "n", 5), ("RPUSH", "l", "a", "b"),
                ("LRANGE", "l", 0, -1), ("EVAL", "return {1, 'two', {3}, false}", 0), ("HGET", "k", "f"),
                ("EVALSHA", "0" * 40, 0)]
    kwargs = build_client(redis_url, 1.0)[1].connection_pool.connection_kwargs
    conn = await RespConnection.open(kwargs)
    ours = await conn.request(pack_commands(commands), len(commands))
    conn.close()
    # redis-py's own connection, read without response callbacks (what the batcher used before)
    await Redis.from_url(redis_url).flushall()
    ref = build_client(redis_url, 1.0)[1].connection_pool.make_connection()
    await ref.connect()
    await ref.send_packed_command(ref.pack_commands(commands))
    theirs = []
    for _ in commands:
        try:
            theirs.append(await ref.read_response())
        except ResponseError as exc:
            theirs.append(exc)
    await ref.disconnect()
    assert ours[:7] == theirs[:7] == [b"OK", b"v", None, 5, 2, [b"a", b"b"], [1, b"two", [3], None]]
    assert isinstance(ours[7], ResponseError) and isinstance(theirs[7], ResponseError)  # WRONGTYPE, returned
    assert isinstance(ours[8], NoScriptError) and isinstance(theirs[8], NoScriptError)  # the batcher reloads


async def test_password_and_database_from_the_url_are_used(password_redis: RedisServer):
    url = f"redis://:s3cret@127.0.0.1:{password_redis.port}/3"
    store = open_store(url, timeout_ms=1000)
    try:
        assert await store.batch.command("SET", "where", "db3") == b"OK"
        assert await store.batch.command("GET", "where") == b"db3"
        assert password_redis.cli("-a", "s3cret", "-n", "3", "GET", "where").strip() == "db3"
        assert password_redis.cli("-a", "s3cret", "-n", "0", "EXISTS", "where").strip() == "0"
    finally:
        await store.close()


async def test_a_wrong_password_is_a_connection_failure_of_the_store(password_redis: RedisServer):
    store = open_store(f"redis://:wrong@127.0.0.1:{password_redis.port}/0", timeout_ms=1000)
    try:
        with pytest.raises(StoreUnavailable) as err:
            await store.batch.command("PING")
        assert err.value.reason == "connection" and "handshake" in str(err.value)
    finally:
        await store.close()


async def test_a_server_that_closes_the_connection_fails_the_waiting_batch_then_recovers(
        redis_url: str, redis_server: RedisServer):
    store = open_store(redis_url, timeout_ms=3000)
    try:
        assert await store.batch.command("PING") == b"PONG"
        waiting = asyncio.ensure_future(store.batch.command("BLPOP", "never-filled", 2))
        await asyncio.sleep(0.2)  # the batch is on the wire, blocked in Redis
        redis_server.cli("CLIENT", "KILL", "TYPE", "normal")  # the server drops every client connection
        with pytest.raises(StoreUnavailable) as err:
            await waiting
        assert err.value.reason == "connection"
        assert await store.batch.command("PING") == b"PONG"  # a new connection, no stale one reused
    finally:
        await store.close()


async def test_replies_are_matched_to_their_batches_across_many_concurrent_batches(redis_url: str):
    store = open_store(redis_url, timeout_ms=2000)
    try:
        async def one(i: int) -> bytes:
            await store.batch.command("SET", f"k{i}", f"v{i}")
            return await store.batch.command("GET", f"k{i}")

        got = await asyncio.gather(*(one(i) for i in range(500)))
        assert got == [f"v{i}".encode() for i in range(500)]
    finally:
        await store.close()
