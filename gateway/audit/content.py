"""Content modes and record encoding, run by the background writer (never on the request path).

- `full`: `request` is the parsed request body as forwarded upstream (a stage that rewrites the
  prompt rewrites it in place), `response_text` the output text. Replay-compatible.
- `redacted`: the same, with PII and secrets replaced by `<ENTITY_TYPE>` in every string of the
  body and in the output, using the PII library's Presidio set-up (`gateway.pii`).
- `hash`: `request_hash` over the raw body bytes and `response_hash` over the output text, as
  `sha256:<hex>` or, given a key, `hmac-sha256:<hex>` (a keyed hash cannot be confirmed by
  hashing guessed prompts).
- `none`: no content at all.

Every record carries `content` (the mode) so readers know what they hold.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Callable, Iterable
from typing import Any, Literal

import orjson

from gateway.audit.record import PendingRecord
from gateway.dialects.requests import MIN_ENTITY_INT

log = logging.getLogger("covenant.audit")

ContentMode = Literal["full", "redacted", "hash", "none"]
CONTENT_MODES: tuple[str, ...] = ("full", "redacted", "hash", "none")

# orjson would happily encode dataclasses (rate-limit reservations…) as dicts; an annotation that
# is not plain JSON data is internal state, not an audit fact, so make it fail and skip it.
_STRICT = orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS

# Body keys whose string values are protocol vocabulary, never user content: not scanned.
_STRUCTURAL_KEYS = frozenset({"model", "role", "type", "object", "tool_choice", "response_format", "stop_reason",
                              "finish_reason", "encoding_format", "reasoning_effort", "service_tier"})
_MIN_SCAN_CHARS = 5  # no entity type we look for is shorter


def _hasher(key: bytes | None) -> Callable[[bytes], str]:
    if key:
        return lambda data: "hmac-sha256:" + hmac.new(key, data, hashlib.sha256).hexdigest()
    return lambda data: "sha256:" + hashlib.sha256(data).hexdigest()


class RecordEncoder:
    """Renders the content of pending records per mode and encodes them as JSON lines."""

    def __init__(self, mode: ContentMode, *, hash_key: bytes | None = None,
                 redact_text: Callable[[str], tuple[str, dict[str, int]]] | None = None) -> None:
        if mode not in CONTENT_MODES:
            raise ValueError(f"unknown audit content mode {mode!r}; expected one of {', '.join(CONTENT_MODES)}")
        self.mode = mode
        self._hash = _hasher(hash_key)
        self._redact_text = redact_text
        self._skipped_keys: set[str] = set()

    @property
    def needs_redactor(self) -> bool:
        return self.mode == "redacted" and self._redact_text is None

    def prepare(self) -> None:
        """Build the PII redactor for `redacted` (~1 s: Presidio import and warm-up). Blocking: call it
        in a thread."""
        if self.needs_redactor:
            self._redact_text = presidio_redactor()

    def encode_batch(self, batch: Iterable[PendingRecord]) -> list[bytes]:
        return [self.encode(p) for p in batch]

    def encode(self, pending: PendingRecord) -> bytes:
        rec = pending.record
        rec["content"] = self.mode
        if self.mode == "full":
            rec["request"] = pending.request
            if pending.output is not None:
                rec["response_text"] = "".join(pending.output)
        elif self.mode == "redacted":
            counts: dict[str, int] = {}
            rec["request"] = self._redact_value(pending.request, counts) if pending.request is not None else None
            if pending.output is not None:
                rec["response_text"] = self._redact_str("".join(pending.output), counts)
            rec["redactions"] = counts
        elif self.mode == "hash":
            if pending.body:
                rec["request_hash"] = self._hash(pending.body)
            if pending.output is not None:
                rec["response_hash"] = self._hash("".join(pending.output).encode("utf-8", "surrogatepass"))
        rec["annotations"] = self._plain_annotations(rec.get("annotations") or {})
        return orjson.dumps(rec, option=_STRICT | orjson.OPT_APPEND_NEWLINE)

    # -- helpers ----------------------------------------------------------------------------------
    def _plain_annotations(self, annotations: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for key, value in annotations.items():
            try:
                orjson.dumps(value, option=_STRICT)
            except TypeError:
                if key not in self._skipped_keys:  # once per key: a stage author should see it, once
                    self._skipped_keys.add(key)
                    log.info("audit: annotation %r is not plain JSON data (%s); left out of records",
                             key, type(value).__name__)
                continue
            out[key] = value
        return out

    def _redact_str(self, text: str, counts: dict[str, int]) -> str:
        if self._redact_text is None:
            raise RuntimeError("redacted audit content needs prepare() first")
        if len(text) < _MIN_SCAN_CHARS:
            return text
        redacted, found = self._redact_text(text)
        for entity, n in found.items():
            counts[entity] = counts.get(entity, 0) + n
        return redacted

    def _redact_value(self, value: Any, counts: dict[str, int]) -> Any:
        """A copy of a JSON value with every non-structural string redacted (never mutates the body), object keys
        and integers included: a tool's input may hold a card number as a number, or key a map by e-mail."""
        if isinstance(value, str):
            return self._redact_str(value, counts)
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) < MIN_ENTITY_INT:  # counts, ids, token ids: no entity is that short
                return value
            digits = str(value)
            redacted = self._redact_str(digits, counts)
            return value if redacted == digits else redacted
        if isinstance(value, dict):
            return {self._redact_str(k, counts) if isinstance(k, str) else k:
                    (v if k in _STRUCTURAL_KEYS and isinstance(v, str) else self._redact_value(v, counts))
                    for k, v in value.items()}
        if isinstance(value, list):
            return [self._redact_value(v, counts) for v in value]
        return value


def presidio_redactor() -> Callable[[str], tuple[str, dict[str, int]]]:
    """The PII library's scanner and `replace` redactor with its default entities (e-mail, phone,
    card, IBAN, US SSN and the secret types), independent of any policy: audit redaction must not
    weaken because a policy scans less."""
    from gateway.pii.engine import PiiEngine
    from gateway.pii.policy import PiiPolicy, PiiRule

    engine = PiiEngine(PiiPolicy(prompt=PiiRule()), warm=True)
    redactor = engine.prompt_redactor
    if redactor is None:  # cannot happen: a prompt rule was given
        raise RuntimeError("PII engine built without a prompt redactor")

    def redact(text: str) -> tuple[str, dict[str, int]]:
        r = redactor.redact(text)
        return r.text, r.counts

    return redact
