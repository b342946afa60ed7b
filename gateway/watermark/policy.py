"""The ``watermark`` policy block (composed into the policy spec by gateway/policy/schema.py)."""

from __future__ import annotations

import re
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
        (), description="Words never changed and never written (e.g. product names that collide with the table).",
    )
    exclude_patterns: tuple[str, ...] = Field(
        (), description="Regexes whose matches in prose are left untouched; a match must not contain whitespace.",
    )
    fragile_channel: bool = Field(
        False,
        description="Also embed account id, time and MAC as invisible characters in prose (erased by NFKC/strippers).",
    )
    provenance: bool = Field(True, description="Store a keyed MinHash fingerprint of each served response for `trace`.")

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
            if rx.search(" ") or rx.search("\n"):
                raise ValueError(f"exclude_patterns: {p!r} matches whitespace; matches must stay within one word")
        return v

    @model_validator(mode="after")
    def _escalation(self) -> WatermarkPolicy:
        if self.escalated_strength < self.strength:
            raise ValueError("escalated_strength must be at least strength")
        return self
