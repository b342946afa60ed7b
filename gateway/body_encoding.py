"""Request bodies sent with a Content-Encoding: gzip and deflate are decoded (bounded by the body
limit, so a small compressed body cannot expand past it); any other encoding gets 415. Stages read
the decoded JSON and the upstream receives it decoded (the header is not forwarded)."""

from __future__ import annotations

import zlib

from gateway.errors import BodyTooLarge, InvalidRequest

# zlib window bits: gzip wrapper, zlib wrapper, or raw deflate (which some clients send as "deflate")
_WBITS = {"gzip": (31,), "x-gzip": (31,), "deflate": (15, -15)}


def decode_body(body: bytes, encoding: str, limit: int) -> bytes:
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return body
    tries = _WBITS.get(name)
    if tries is None:
        raise InvalidRequest(f"request Content-Encoding {encoding!r} is not supported; send the body as is, "
                             "or with gzip or deflate", code="unsupported_content_encoding", status=415)
    for wbits in tries:
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(body, limit + 1)
        except zlib.error as exc:
            error = exc
            continue
        if len(out) > limit or inflater.unconsumed_tail:
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes once decoded ({name})")
        if not inflater.eof:
            error = zlib.error("the compressed body ends early")
            continue
        return out
    raise InvalidRequest(f"request body is not valid {name} data: {error}", code="invalid_body")
