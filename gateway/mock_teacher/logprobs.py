"""Token-level data (`logprobs`) for the mock's OpenAI answers: deterministic, shaped like the API's.

The mock has no model, so the "tokens" are the reply's words and punctuation (each with the
whitespace after it, so a stream delta's tokens spell that delta; their concatenation is the text) and the log-probabilities come from a
hash. What matters for a gateway in front of it is the shape and that the tokens spell the text.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

_TOKEN = re.compile(r"(?:[A-Za-z]+|\d|[^\sA-Za-z\d])\s*|\s+")
_ALTERNATIVES = ("the ", ", ", "a ", ". ", "and ", "of ", "to ", "in ", "is ", "that ",
                 "it ", "for ", "on ", "as ", "with ", "this ", "be ", "by ", "or ", "an ")


def tokens_of(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _logprob(token: str, salt: int) -> float:
    h = hashlib.blake2b(f"{salt}\x00{token}".encode(), digest_size=4).digest()
    return -round(int.from_bytes(h, "little") % 4000 / 1000, 3)


def _entry(token: str, lp: float) -> dict[str, Any]:
    return {"token": token, "logprob": lp, "bytes": list(token.encode())}


def chat_logprobs(text: str, top: int) -> dict[str, Any]:
    """`choices[i].logprobs` of a chat completion (or of one stream chunk) for `text`."""
    content = []
    for token in tokens_of(text):
        lp = _logprob(token, 0)
        alts = [a for a in _ALTERNATIVES if a != token][: max(0, top - 1)]
        tops = ([_entry(token, lp)] + [_entry(a, round(lp - 1 - i * 0.5, 3)) for i, a in enumerate(alts)]) if top else []
        content.append({**_entry(token, lp), "top_logprobs": tops})
    return {"content": content, "refusal": None}


def completion_logprobs(text: str, top: int, offset: int = 0) -> dict[str, Any]:
    """`choices[i].logprobs` of a legacy completion: parallel lists, offsets into the text."""
    tokens = tokens_of(text)
    offsets, at = [], offset
    for token in tokens:
        offsets.append(at)
        at += len(token)
    lps = [_logprob(t, 0) for t in tokens]
    tops = None
    if top:
        tops = [{t: lp} | {a: round(lp - 1 - i * 0.5, 3)
                           for i, a in enumerate([x for x in _ALTERNATIVES if x != t][: top - 1])}
                for t, lp in zip(tokens, lps, strict=True)]
    return {"tokens": tokens, "token_logprobs": lps, "top_logprobs": tops, "text_offset": offsets}
