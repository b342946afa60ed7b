"""A request body sent gzip- or deflate-encoded is decoded (within the body limit) and goes upstream
decoded; any other Content-Encoding is refused with 415 in the caller's dialect. None of the refused
requests reaches the upstream."""

from __future__ import annotations

import gzip
import zlib

import httpx
import orjson
import pytest

BODY = orjson.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hello there"}]})


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-15)
    return packer.compress(data) + packer.flush()


def _gzip_members(data: bytes) -> bytes:
    """Two gzip members (RFC 1952: a gzip file may hold several, as concatenated files do)."""
    return gzip.compress(data[:20]) + gzip.compress(data[20:])


def _post(gateway, content: bytes, encoding: str, path: str = "/v1/chat/completions", **headers) -> httpx.Response:
    return httpx.post(gateway.url + path, content=content, timeout=10,
                      headers={"authorization": f"Bearer {gateway.keys.alice}", "content-type": "application/json",
                               "content-encoding": encoding, **headers})


@pytest.mark.parametrize(("encoding", "encode"), [
    ("gzip", gzip.compress), ("x-gzip", gzip.compress), ("deflate", zlib.compress), ("deflate", _raw_deflate),
    ("identity", bytes), ("GZIP", gzip.compress), ("gzip", _gzip_members),
], ids=["gzip", "x-gzip", "deflate-zlib", "deflate-raw", "identity", "upper-case", "gzip-members"])
def test_compressed_bodies_are_decoded_and_sent_upstream_decoded(gateway, teacher_log, encoding, encode):
    r = _post(gateway, encode(BODY), encoding)
    assert r.status_code == 200, r.text
    assert r.json()["choices"][0]["message"]["content"]
    (sent,) = teacher_log.requests()
    assert sent["body"]["messages"] == orjson.loads(BODY)["messages"]
    assert "content-encoding" not in {k.lower() for k in sent["headers"]}


def test_an_unsupported_encoding_is_415_in_each_dialect(gateway, teacher_log):
    r = _post(gateway, BODY, "br")
    assert r.status_code == 415
    err = r.json()["error"]
    assert err["code"] == "unsupported_content_encoding" and "'br'" in err["message"]
    r = _post(gateway, BODY, "zstd", "/v1/messages", **{"anthropic-version": "2023-06-01"})
    assert r.status_code == 415 and r.json()["type"] == "error"
    assert r.json()["error"]["code"] == "unsupported_content_encoding"
    assert teacher_log.requests() == []


@pytest.mark.parametrize(("content", "encoding"), [
    (b"not gzip at all", "gzip"), (gzip.compress(BODY)[:-12], "gzip"), (_gzip_members(BODY)[:-12], "gzip"),
    (gzip.compress(BODY) + b"trailing junk", "gzip"), (zlib.compress(BODY) + b"trailing junk", "deflate"),
], ids=["garbage", "truncated", "second-member-truncated", "junk-after-gzip", "junk-after-zlib"])
def test_a_body_that_does_not_decode_is_400(gateway, teacher_log, content, encoding):
    r = _post(gateway, content, encoding)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_body" and encoding in r.json()["error"]["message"]
    assert teacher_log.requests() == []


def test_the_body_limit_applies_to_the_decoded_size(gateway, teacher_log):
    bomb = gzip.compress(b'{"model": "gpt-4o-mini", "messages": [], "x": "' + b" " * (8 << 20) + b'"}')
    assert len(bomb) < 64 << 10  # small on the wire, 8 MiB decoded: over the 4 MiB limit
    r = _post(gateway, bomb, "gzip")
    assert r.status_code == 413 and r.json()["error"]["code"] == "request_too_large"
    assert "decoded" in r.json()["error"]["message"]
    assert teacher_log.requests() == []
