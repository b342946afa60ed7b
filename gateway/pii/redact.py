"""Rewriting detected entities with Presidio anonymizer operators, whole or streamed."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from gateway.pii.engine import PiiConfigError, Scanner, outside_fences
from gateway.pii.fences import FenceTracker, fence_spans
from gateway.pii.findings import Finding, count_by_type, resolve_overlaps
from gateway.pii.policy import RedactOperator

# A stream scan trusts findings at least this far from the end of what arrived: longer than any
# entity that contains spaces (an IBAN written in groups: 34 characters + 8 spaces) plus the
# matchers' look-ahead, so such an entity is seen whole before the text around it is released.
MIN_STREAM_MARGIN = 48
# Released text kept to the left of each stream scan, so matches next to the cut see the same
# neighbours as in the whole text (word boundaries, phone candidates' lead characters).
STREAM_LEFT_CONTEXT = 64
HASH_HEX_CHARS = 16  # 64 bits: enough to correlate repeats of a value, too short to brute-force cheaply
_UNBOUNDED_MASK = 1 << 30


@dataclass(frozen=True, slots=True)
class Redaction:
    text: str
    counts: dict[str, int] = field(default_factory=dict)  # entity type -> occurrences rewritten


class Redactor:
    """The rule's redaction operator, built once per policy version."""

    def __init__(self, scanner: Scanner, *, hash_key: bytes | None = None) -> None:
        rule = scanner.rule
        self.scanner = scanner
        self._anonymizer = AnonymizerEngine()
        if rule.operator is RedactOperator.REPLACE:
            # Presidio's replace defaults to "<ENTITY_TYPE>"
            self._operators = {"DEFAULT": OperatorConfig("replace")}
        elif rule.operator is RedactOperator.MASK:
            params = {"masking_char": rule.mask_char, "chars_to_mask": _UNBOUNDED_MASK, "from_end": False}
            self._operators = {"DEFAULT": OperatorConfig("mask", params)}
        else:
            if not hash_key:
                raise PiiConfigError("pii operator `hash` needs a hash key from configuration (not the policy file)")
            key = bytes(hash_key)

            def keyed_hash(value: str) -> str:
                return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:HASH_HEX_CHARS]

            self._operators = {"DEFAULT": OperatorConfig("custom", {"lambda": keyed_hash})}

    def apply(self, text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
        """Rewrite `findings` (overlaps resolved) in `text`; returns the text and the findings rewritten."""
        if not findings:
            return text, []
        chosen = resolve_overlaps(findings)
        if not chosen:
            return text, []
        results = [RecognizerResult(f.entity_type, f.start, f.end, f.score) for f in chosen]
        # No merging of same-type entities separated by spaces: one rewrite per counted finding,
        # and a stream cut between two such entities rewrites them the same way as the whole text.
        return self._anonymizer.anonymize(text=text, analyzer_results=results, operators=self._operators,
                                          merge_entities_with_spaces=False).text, chosen

    def redact(self, text: str) -> Redaction:
        out, chosen = self.apply(text, self.scanner.scan(text))
        return Redaction(out, count_by_type(chosen) if chosen else {})

    def stream(self, window: int) -> StreamRedactor:
        return StreamRedactor(self, window=window)


class StreamRedactor:
    """TextTransform for one streamed text: `feed` returns what is safe to release, `flush` the rest.

    The concatenated output equals `Redactor.redact` of the whole text. The buffer is scanned each
    time `window` characters are pending (so the first text leaves after exactly `window`
    characters); text is released up to `margin` (= window - step, step = window/2 by default,
    margin at least MIN_STREAM_MARGIN) characters behind the end of what arrived, and held further
    while it is inside an unfinished token (at most `token_hold` characters, so long opaque tokens
    such as JWTs are seen whole) or inside a detected entity that reaches the end of the buffer (a
    PEM key still arriving; at most `max_hold` characters). For window >= 96, prose made of words
    shorter than the step is therefore never held back more than `window` characters. Each scan
    covers STREAM_LEFT_CONTEXT + window characters for `step` released ones.
    Equality holds for entities that fit in the margin and for longer ones within those bounds.
    """

    def __init__(self, redactor: Redactor, *, window: int = 128, step: int | None = None,
                 token_hold: int | None = None, max_hold: int = 65_536) -> None:
        self._redactor = redactor
        self._scanner = redactor.scanner
        self._window = window
        # Scan only once `step` more characters than the margin are pending: each scan covers left
        # context + margin + step, so scanning on every small delta would cost many whole-text scans.
        self._step = step if step is not None else max(1, window // 2)
        self._margin = max(window - self._step, MIN_STREAM_MARGIN)
        self._token_hold = token_hold if token_hold is not None else 16 * window
        self._max_hold = max_hold
        self._fences = FenceTracker() if self._scanner.rule.skip_code_fences else None
        self._buf = ""  # released context (left of _ctx) followed by unreleased text
        self._ctx = 0  # index in _buf where unreleased text starts
        self._base = 0  # absolute offset of _buf[0]
        self._fenced = 0  # absolute offset up to which the fence tracker has seen the text
        self._counts: dict[str, int] = {}
        self.straddled = 0  # findings that crossed an earlier cut (leaked prefix); expected 0

    @property
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    @property
    def held(self) -> int:
        """Characters received and not yet released (the current hold-back)."""
        return len(self._buf) - self._ctx

    def feed(self, text: str) -> str:
        if not text:
            return ""
        self._buf += text
        if len(self._buf) - self._ctx < self._margin + self._step:
            return ""
        return self._release(final=False)

    def whole(self, text: str) -> str:
        """The whole text in one piece: `Redactor.redact`, the reference `feed` + `flush` equal (one scan
        instead of a release scan and a final one)."""
        if self._buf:
            return self.feed(text) + self.flush()
        red = self._redactor.redact(text)
        for entity, count in red.counts.items():
            self._counts[entity] = self._counts.get(entity, 0) + count
        return red.text

    def flush(self) -> str:
        if self._fences is not None:
            self._track_fences()
            self._fences.finish()
        out = self._release(final=True) if len(self._buf) > self._ctx else ""
        self._buf, self._ctx = "", 0
        return out

    def _track_fences(self) -> None:
        # The tracker takes text in any chunking: it is fed what arrived since the last scan, once
        # per scan rather than once per delta. Everything it has not seen is still in _buf (the
        # buffer is trimmed only after a scan).
        end = self._base + len(self._buf)
        if end > self._fenced:
            self._fences.feed(self._buf[self._fenced - self._base:])
            self._fenced = end

    def _findings(self) -> list[Finding]:
        if self._fences is not None:
            self._track_fences()
        findings = self._scanner.analyze(self._buf)
        if not findings:
            return findings
        if self._fences is not None:
            spans = [(a - self._base, b - self._base) for a, b in self._fences.spans]
            findings = outside_fences(findings, spans)
        return [f for f in findings if f.end > self._ctx]

    def _cut(self, findings: list[Finding]) -> int:
        buf, n = self._buf, len(self._buf)
        cut = n - self._margin
        start = cut  # never cut inside a token that may still grow or be a long credential
        while start > self._ctx and not buf[start - 1].isspace():
            start -= 1
        if n - start <= self._token_hold:
            cut = start
        changed = True
        while changed:
            changed = False
            for f in findings:
                still_open = f.end == n or buf[f.end:].isspace()
                if (f.start < cut < f.end or (still_open and f.start < cut)) and n - f.start <= self._max_hold:
                    cut, changed = f.start, True
        return cut

    def _release(self, final: bool) -> str:
        findings = self._findings()
        cut = len(self._buf) if final else self._cut(findings)
        if cut <= self._ctx:
            return ""
        out = self._buf[self._ctx:cut]
        if findings:
            part = []
            for f in findings:
                if f.start < cut:
                    if f.start < self._ctx:
                        self.straddled += 1  # its beginning was already released: rewrite what is left
                    part.append(Finding(max(f.start, self._ctx) - self._ctx, min(f.end, cut) - self._ctx,
                                        f.entity_type, f.score))
            out, chosen = self._redactor.apply(out, part)
            for entity, count in count_by_type(chosen).items():
                self._counts[entity] = self._counts.get(entity, 0) + count
        keep_from = max(0, cut - STREAM_LEFT_CONTEXT)
        self._buf = self._buf[keep_from:]
        self._base += keep_from
        self._ctx = cut - keep_from
        return out


def redact_whole(redactor: Redactor, text: str) -> str:
    """The reference the stream must equal (used by tests and the benchmark)."""
    return redactor.redact(text).text


__all__ = ["Redaction", "Redactor", "StreamRedactor", "fence_spans", "redact_whole"]
