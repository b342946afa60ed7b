"""The ``watermark`` policy block (composed into the policy spec by gateway/policy/schema.py)."""

from __future__ import annotations

import re
import re._parser as sre_parse  # stdlib regex parser: walk the pattern instead of guessing
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class WatermarkPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(False, description="Mark output text of matching requests with the keyed word-choice watermark.")
    mode: Literal["enforce", "shadow"] = Field(
        "enforce", description="shadow: record provenance fingerprints and metrics but leave the text unchanged."
    )
    strength: float = Field(
        1.0, ge=0.0, le=1.0,
        description="Share of alternative sets (eligible positions) that are marked; the rest keep the upstream's word.",
    )
    escalated_strength: float = Field(
        1.0, ge=0.0, le=1.0,
        description="Strength used when the extraction detector returns escalate_watermark (at least `strength`).",
    )
    exclude_words: tuple[str, ...] = Field(
        (), description="Words whose alternative set is never marked: none of its members is changed or written "
                        "(e.g. product names that collide with the table).",
    )
    exclude_patterns: tuple[str, ...] = Field(
        (), description="Regexes whose matches in prose are left untouched; a match must not contain whitespace.",
    )
    fragile_channel: bool = Field(
        False,
        description="Also embed account id, time and MAC as 48 zero-width characters after a prose word, again "
                    "about every 1,000 characters of text (for verbatim copies; any zero-width stripper erases them).",
    )
    provenance: bool = Field(True, description="Store a keyed MinHash fingerprint of each served response for `trace`.")
    record_reference: bool = Field(
        True,
        description="Count the upstream's own word choices (before marking) per alternative set: the "
                    "gateway-recorded reference of `covenant watermark detect --corpus --reference gateway`.",
    )

    @field_validator("exclude_words")
    @classmethod
    def _words(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(w.strip().lower() for w in v if w.strip())

    @field_validator("exclude_patterns")
    @classmethod
    def _patterns(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for p in v:
            try:
                rx = re.compile(p)
            except re.error as exc:
                raise ValueError(f"exclude_patterns: {p!r} does not compile: {exc}") from exc
            if rx.groups:
                raise ValueError(f"exclude_patterns: {p!r} must not contain capturing groups; use (?:...)")
            if _can_match_whitespace(p):
                raise ValueError(f"exclude_patterns: {p!r} matches whitespace; matches must stay within one word")
        return v

    @model_validator(mode="after")
    def _escalation(self) -> WatermarkPolicy:
        if self.escalated_strength < self.strength:
            raise ValueError("escalated_strength must be at least strength")
        return self


_WS = {9, 10, 11, 12, 13, 32, 0x85, 0xA0}
_WS_CATEGORIES = {"CATEGORY_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_NOT_DIGIT", "CATEGORY_UNI_SPACE",
                  "CATEGORY_UNI_NOT_WORD", "CATEGORY_UNI_NOT_DIGIT"}


def _can_match_whitespace(pattern: str) -> bool:
    """True when some part of the pattern can consume a whitespace character (conservative)."""

    def walk(items) -> bool:
        for op, av in items:
            name = str(op)
            if name == "ANY":
                return True
            if name == "LITERAL" and av in _WS:
                return True
            if name == "NOT_LITERAL" and av not in _WS:
                return True
            if name == "IN":
                if any(str(o) == "NEGATE" for o, _ in av):
                    return True
                for o, a in av:
                    if str(o) == "LITERAL" and a in _WS:
                        return True
                    if str(o) == "RANGE" and any(a[0] <= w <= a[1] for w in _WS):
                        return True
                    if str(o) == "CATEGORY" and str(a) in _WS_CATEGORIES:
                        return True
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and walk(av[2]):
                return True
            if name == "SUBPATTERN" and walk(av[-1]):
                return True
            if name == "BRANCH" and any(walk(b) for b in av[1]):
                return True
            if name == "ATOMIC_GROUP" and walk(av):
                return True
        return False

    return walk(sre_parse.parse(pattern))
