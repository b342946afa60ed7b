"""The policy file schema: the single source of truth for validation, docs and JSON Schema.

A policy file holds one or more YAML documents of this shape:

    apiVersion: covenant/v1
    kind: Policy
    metadata: {name: free-tier}
    spec:
      selector: {tenants: [acme], key_labels: {tier: free}, models: ["gpt-4o*"]}
      rate_limits: [...]
      ...

Feature blocks (rate limits, extraction, watermark, PII) are defined beside their feature in
`gateway/<feature>/policy.py` and composed here.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gateway.extraction.policy import ExtractionPolicy
from gateway.pii.policy import PiiPolicy
from gateway.ratelimit.policy import RateLimitPolicy
from gateway.watermark.policy import WatermarkPolicy

_NAME = re.compile(r"^[a-z0-9]([a-z0-9._-]{0,61}[a-z0-9])?$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Metadata(Strict):
    # the pattern is for the JSON Schema (editors); the validator below checks it with a readable message
    name: str = Field(description="Unique policy name: lowercase letters, digits, '.', '_' and '-'.",
                      json_schema_extra={"pattern": _NAME.pattern})
    description: str = Field("", description="What this policy is for, shown by `covenant policy explain`.")

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _NAME.match(v):
            raise ValueError("must be 1-63 lowercase letters, digits, '.', '_' or '-', starting and ending alphanumeric")
        return v


class Selector(Strict):
    """Which requests a policy applies to. Each list holds shell-style globs (`*`, `?`, `[ab]`);
    an empty or absent list matches everything. All given fields must match."""

    tenants: list[str] = Field(default_factory=list, description="Tenant name globs.")
    accounts: list[str] = Field(default_factory=list, description="Account id globs.")
    key_labels: dict[str, str] = Field(default_factory=dict,
                                       description="Labels the API key must carry; values are globs.")
    models: list[str] = Field(default_factory=list, description="Requested model name globs.")
    routes: list[str] = Field(default_factory=list, description="Route path globs, e.g. `/v1/chat/completions`.")


class AccessRule(Strict):
    """Allow or deny matching requests outright (e.g. a model a tenant has no licence for)."""

    action: Literal["allow", "deny"] = Field("allow", description="`deny` rejects matching requests with 403.")
    message: str = Field("this request is not permitted by policy",
                         description="Reason given to the caller when denied.")
    mode: Literal["enforce", "shadow"] = Field("enforce", description="`shadow` records the denial without enforcing it.")


class Spec(Strict):
    selector: Selector = Field(default_factory=Selector, description="Which requests this policy applies to.")
    priority: int = Field(0, description="Higher priority policies are considered first (before specificity).")
    access: AccessRule | None = Field(None, description="Allow/deny rule. The first matching policy with one decides.")
    rate_limits: RateLimitPolicy | None = Field(
        None, description="Rate limits, quotas and budgets. Limits of every matching policy all apply.")
    extraction: ExtractionPolicy | None = Field(
        None, description="Bulk-extraction / distillation detection. The first matching policy with one decides.")
    watermark: WatermarkPolicy | None = Field(
        None, description="Output watermarking. The first matching policy with one decides.")
    pii: PiiPolicy | None = Field(
        None, description="PII and secret scanning of prompts and outputs. The first matching policy with one decides.")


class Policy(Strict):
    """One policy document."""

    api_version: Literal["covenant/v1"] = Field(alias="apiVersion", description="Schema version: `covenant/v1`.")
    kind: Literal["Policy"] = Field(description="Document kind: `Policy`.")
    metadata: Metadata
    spec: Spec


def json_schema() -> dict:
    schema = Policy.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://covenant.dev/schemas/policy-v1.json"
    schema["title"] = "Covenant policy (covenant/v1)"
    return schema
