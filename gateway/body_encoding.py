"""Request bodies sent with a Content-Encoding: gzip and deflate are decoded (bounded by the body
limit, so a small compressed body cannot expand past it); any other encoding gets 415. Stages read
the decoded JSON and the upstream receives it decoded (the header is not forwarded)."""

from __future__ import annotations

import zlib

from gateway.errors import BodyTooLarge, InvalidRequest

# zlib window bits: gzip wrapper, zlib wrapper, or raw deflate (which some clients send as "deflate")
_WBITS = {"gzip": (31,), "x-gzip": (31,), "deflate": (15, -15)}


def _has_members(wbits: int) -> bool:
    """Whether more data may follow the end of a stream: another gzip member; raw deflate and zlib end there."""
    return wbits not in (zlib.MAX_WBITS, -zlib.MAX_WBITS)


class Inflater:
    """Decodes a gzip, zlib or raw deflate stream piece by piece. zlib's decompressobj stops at the end of
    the first gzip member, and RFC 1952 lets a body hold several (concatenated files; compressors that
    flush by starting a new member): each further member is decoded in turn, so none is dropped."""

    def __init__(self, wbits: int) -> None:
        self._wbits = wbits
        self._z = zlib.decompressobj(wbits)
        self._fed = False  # the current member has had input

    def decompress(self, data: bytes) -> bytes:
        out = []
        while data:
            out.append(self._z.decompress(data))
            self._fed = True
            if not self._z.eof:
                break
            data = self._z.unused_data
            if data and not _has_members(self._wbits):
                raise zlib.error(f"{len(data)} bytes after the end of the compressed data")
            self._z, self._fed = zlib.decompressobj(self._wbits), False
        return b"".join(out)

    def flush(self) -> bytes:
        """The rest of the output; a stream cut inside a member is an error, not its end."""
        out = self._z.flush()
        if self._fed and not self._z.eof:
            raise zlib.error("the compressed data ends early")
        return out


def decode_body(body: bytes, encoding: str, limit: int) -> bytes:
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return body
    tries = _WBITS.get(name)
    if tries is None:
        raise InvalidRequest(f"request Content-Encoding {encoding!r} is not supported; send the body as is, "
                             "or with gzip or deflate", code="unsupported_content_encoding", status=415)
    for wbits in tries:
        try:
            out = _inflate_bounded(body, wbits, limit)
        except zlib.error as exc:
            error = exc
            continue
        if out is None:
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes once decoded ({name})")
        return out
    raise InvalidRequest(f"request body is not valid {name} data: {error}", code="invalid_body")


def _inflate_bounded(body: bytes, wbits: int, limit: int) -> bytes | None:
    """Every member of `body` decoded, or None once the output passes `limit` (decoding stops there: a small
    body cannot expand past it)."""
    out = bytearray()
    data = body
    while True:
        inflater = zlib.decompressobj(wbits)
        out += inflater.decompress(data, limit + 1 - len(out))
        if len(out) > limit or inflater.unconsumed_tail:
            return None
        if not inflater.eof:
            raise zlib.error("the compressed body ends early")
        data = inflater.unused_data
        if not data:
            return bytes(out)
        if not _has_members(wbits):
            raise zlib.error(f"{len(data)} bytes after the end of the compressed body")
