"""Token-level data (`logprobs`) of an output that a response stage rewrites.

The tokens of `logprobs` spell the upstream's text. Once the watermark or the PII redaction has
changed that text, forwarding them would hand the caller the unmarked text (or the redacted
e-mail address) beside the changed one. So, per choice / content part: when the gateway left the
text unchanged, its token data goes out whole; when it changed it, the token data is withheld
(`null` for chat and legacy completions, `[]` for the Responses API). Streamed, the token data is
held back while the text flows and released with the choice's last chunk (or its `done` event),
because whether the text changes is known only at its end: streamed and whole answers carry the
same token data.
"""

from __future__ import annotations

from typing import Any

import orjson

MAX_HELD_BYTES = 4 * 1024 * 1024  # per streamed choice
# legacy completions: parallel lists, concatenated chunk after chunk
_COMPLETION_FIELDS = ("tokens", "token_logprobs", "top_logprobs", "text_offset")


def withhold(api: str, owner: dict) -> bool:
    """Drop the token data of one choice / content part whose text was changed; True if any."""
    if api == "openai.responses":
        if owner.get("logprobs"):
            owner["logprobs"] = []
            return True
        return False
    if owner.get("logprobs") is not None:
        owner["logprobs"] = None
        return True
    return False


class HeldTokens:
    """The token data of one streamed choice / content part, accumulated until its text ends.

    Kept as compact JSON and bounded (MAX_HELD_BYTES per choice, ~3,000 tokens with 20 alternatives
    each): past the bound the choice's token data is withheld, so a caller asking for `top_logprobs`
    on a long answer cannot make the gateway hold megabytes per stream."""

    __slots__ = ("api", "parts", "size", "overflow")

    def __init__(self, api: str) -> None:
        self.api = api
        self.parts: list[bytes] = []
        self.size = 0
        self.overflow = False

    def add(self, value: Any) -> None:
        if not value or self.overflow:
            return
        raw = orjson.dumps(value)
        self.size += len(raw)
        if self.size > MAX_HELD_BYTES:
            self.overflow, self.parts = True, []
            return
        self.parts.append(raw)

    def release(self) -> Any:
        """All of it, in the shape of one chunk's field (for the last chunk of the text)."""
        if self.overflow:
            return self.withheld()
        parts = [orjson.loads(raw) for raw in self.parts]
        if self.api == "openai.responses":
            return [entry for part in parts for entry in part]
        if self.api == "openai.completions":
            merged: dict[str, Any] = {}
            for name in _COMPLETION_FIELDS:
                lists = [p.get(name) for p in parts if isinstance(p, dict)]
                merged[name] = None if all(v is None for v in lists) else [x for v in lists if v for x in v]
            return merged
        content = [e for p in parts if isinstance(p, dict) for e in (p.get("content") or ())]
        refusal = [e for p in parts if isinstance(p, dict) for e in (p.get("refusal") or ())]
        return {"content": content, "refusal": refusal or None}

    def withheld(self) -> Any:
        return [] if self.api == "openai.responses" else None
