"""The request-path batcher writes the same bytes redis-py would write for its commands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from redis.asyncio import Connection

from gateway.store.resp import pack_commands

_ARG = st.one_of(
    st.text(max_size=40),
    st.binary(max_size=40),
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False, allow_infinity=False),
)
_NAME = st.sampled_from(["EVALSHA", "HGET", "XADD", "SET", "PING"])
_COMMANDS = st.lists(st.tuples(_NAME).flatmap(lambda n: st.lists(_ARG, max_size=8).map(lambda a: (*n, *a))),
                     min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(commands=_COMMANDS)
def test_packed_bytes_equal_redis_py(commands):
    reference = b"".join(bytes(part) for part in Connection().pack_commands(commands))
    assert pack_commands(commands) == reference


def test_large_values_are_sent_whole():
    big = "x" * 100_000  # redis-py chunks values above its buffer cutoff; the bytes on the wire are the same
    assert pack_commands([("SET", "k", big)]) == b"".join(Connection().pack_commands([("SET", "k", big)]))


@pytest.mark.parametrize("bad", [True, None, 1j, ["a"]])
def test_unsupported_argument_types_are_refused(bad):
    with pytest.raises(TypeError):
        pack_commands([("SET", "k", bad)])
