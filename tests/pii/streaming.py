"""Feed a text to a StreamRedactor in pieces cut at the given offsets (shared by the stream tests)."""

from __future__ import annotations

from gateway.pii.redact import StreamRedactor


def redact_in_pieces(redactor, text: str, cuts: list[int], window: int = 128) -> str:
    """What a stream of `text` cut at `cuts` comes out as; no entity may straddle a release."""
    stream = StreamRedactor(redactor, window=window)
    out, prev = [], 0
    for cut in sorted(set(cuts)) + [len(text)]:
        out.append(stream.feed(text[prev:cut]))
        prev = cut
    out.append(stream.flush())
    assert stream.straddled == 0
    return "".join(out)
