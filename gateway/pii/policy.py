"""The `pii` policy block: what to look for in prompts and outputs and what to do about it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.pii.entities import NER_ENTITIES, PATTERN_ENTITIES, SECRET_ENTITIES

KNOWN_ENTITIES: frozenset[str] = frozenset(PATTERN_ENTITIES + SECRET_ENTITIES + NER_ENTITIES)

DEFAULT_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", *SECRET_ENTITIES,
)


class PiiAction(StrEnum):
    BLOCK = "block"
    REDACT = "redact"
    FLAG = "flag"


class RedactOperator(StrEnum):
    REPLACE = "replace"  # "<ENTITY_TYPE>"
    MASK = "mask"  # every character replaced by mask_char
    HASH = "hash"  # keyed HMAC-SHA256; the key comes from configuration, never the policy file


class Allowlist(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    values: tuple[str, ...] = Field(default=(), description="Exact detected values that are never flagged.")
    patterns: tuple[str, ...] = Field(
        default=(),
        description="Regular expressions (Python syntax); a detected value matching one in full is never flagged.",
    )

    @field_validator("patterns")
    @classmethod
    def _patterns_compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"allowlist pattern {pattern!r} does not compile: {exc}") from exc
        return patterns


class PiiRule(BaseModel):
    """What to scan for in one direction (prompt or output) and the action to take."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    entities: tuple[str, ...] = Field(
        default=DEFAULT_ENTITIES,
        min_length=1,
        json_schema_extra={"items": {"type": "string", "enum": sorted(KNOWN_ENTITIES)}},
        description="Entity types to detect (Presidio names such as EMAIL_ADDRESS, and the secret types "
        "OPENAI_API_KEY, ANTHROPIC_API_KEY, AWS_ACCESS_KEY, GITHUB_TOKEN, PRIVATE_KEY, JWT, BEARER_TOKEN).",
    )
    score_threshold: float = Field(
        default=0.4, ge=0.0, le=1.0,
        description="Minimum recognizer score for a detection to count (phone numbers score 0.4 offline).",
    )
    action: PiiAction = Field(
        default=PiiAction.REDACT,
        description="block: refuse the request naming the entity types; redact: rewrite the text; "
        "flag: audit and metrics only.",
    )
    operator: RedactOperator = Field(
        default=RedactOperator.REPLACE, description="How `redact` rewrites a detection: replace, mask or hash."
    )
    mask_char: str = Field(default="*", min_length=1, max_length=1, description="Character used by `mask`.")
    allowlist: Allowlist = Field(default_factory=Allowlist, description="Values or patterns never flagged.")
    skip_code_fences: bool = Field(
        default=False, description="Ignore detections inside ``` fenced code blocks (meant for outputs)."
    )
    mode: Literal["enforce", "shadow"] = Field(
        default="enforce", description="shadow: detect, count and audit, but neither block nor rewrite."
    )

    @field_validator("entities")
    @classmethod
    def _known_entities(cls, entities: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(entities) - KNOWN_ENTITIES)
        if unknown:
            raise ValueError(f"unknown entity types {unknown}; known: {sorted(KNOWN_ENTITIES)}")
        return tuple(dict.fromkeys(entities))


class PiiPolicy(BaseModel):
    """PII and secrets scanning for prompts and outputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: PiiRule | None = Field(default=None, description="Rule for request text; absent = not scanned.")
    output: PiiRule | None = Field(default=None, description="Rule for response text; absent = not scanned.")
    phone_regions: tuple[str, ...] = Field(
        default=("US", "GB"), min_length=1,
        description="ISO regions for numbers written without a country code (each region costs scan time).",
    )
    ner_model: str | None = Field(
        default=None,
        description="Installed spaCy model package enabling PERSON/LOCATION/ORGANIZATION/NRP (opt-in, slow); "
        "checked at startup, never downloaded.",
    )
    stream_holdback_chars: int = Field(
        default=128, ge=32, le=4096,
        description="Characters of a streamed output held back so an entity split across chunks is still caught.",
    )

    @field_validator("phone_regions")
    @classmethod
    def _regions_exist(cls, regions: tuple[str, ...]) -> tuple[str, ...]:
        import phonenumbers  # local: only needed when a policy is validated

        bad = sorted(set(regions) - phonenumbers.SUPPORTED_REGIONS)
        if bad:
            raise ValueError(f"unknown phone regions {bad}")
        return tuple(dict.fromkeys(regions))

    @model_validator(mode="after")
    def _ner_entities_need_model(self) -> PiiPolicy:
        for direction, rule in (("prompt", self.prompt), ("output", self.output)):
            wanted = sorted(set(rule.entities) & set(NER_ENTITIES)) if rule else []
            if wanted and not self.ner_model:
                raise ValueError(f"{direction}: entities {wanted} need `ner_model` (an installed spaCy model)")
        return self

    @field_validator("output")
    @classmethod
    def _output_cannot_block(cls, rule: PiiRule | None) -> PiiRule | None:
        # Output text is already on its way to the caller (streams especially): it can be
        # rewritten or flagged, not refused.
        if rule is not None and rule.action == PiiAction.BLOCK:
            raise ValueError("action block is for prompts; an output can be redacted or flagged")
        return rule
