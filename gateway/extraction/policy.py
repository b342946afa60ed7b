"""The `extraction` policy block: thresholds, actions per status, allowlists, windows."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["ok", "flag", "throttle", "block"]
Mode = Literal["enforce", "shadow"]


class ExtractionAction(BaseModel):
    """One action taken when a principal reaches a status."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    action: Literal["flag", "throttle", "block", "escalate_watermark"] = Field(
        description="flag: review queue only; throttle: apply the named tighter rate limit; "
        "block: 403 with reason code extraction_blocked; escalate_watermark: stronger watermark for this account."
    )
    rate_limit: str | None = Field(
        default=None, description="Name of the rate limit to apply; required when action is throttle."
    )
    mode: Mode = Field(default="enforce", description="shadow: record what would happen, do not act.")

    @model_validator(mode="after")
    def _throttle_needs_limit(self) -> ExtractionAction:
        if self.action == "throttle" and not self.rate_limit:
            raise ValueError("action 'throttle' needs rate_limit (the name of a rate limit)")
        return self


class ExtractionThresholds(BaseModel):
    """Score (0..1) at which a principal reaches each status."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    flag: float = Field(default=0.5, ge=0, le=1, description="Score at or above which a principal is flagged.")
    throttle: float = Field(default=0.7, ge=0, le=1, description="Score at or above which it is throttled.")
    block: float = Field(default=0.85, ge=0, le=1, description="Score at or above which it is blocked.")

    @model_validator(mode="after")
    def _ordered(self) -> ExtractionThresholds:
        if not self.flag <= self.throttle <= self.block:
            raise ValueError("thresholds must satisfy flag <= throttle <= block")
        return self


class ExtractionAllowlist(BaseModel):
    """Known benign heavy users (evaluation labs, batch customers): never flagged."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    accounts: frozenset[str] = Field(default=frozenset(),
                                     description="Accounts: the account id (eval-lab-1) or the principal (acme/eval-lab-1).")
    tenants: frozenset[str] = Field(default=frozenset(), description="Tenant ids.")
    key_ids: frozenset[str] = Field(default=frozenset(), description="API key labels / ids.")

    def allows(self, principal: str, tenant: str | None, key_id: str | None) -> bool:
        """`principal` is tenant/account, as the gateway names it: the account alone matches too."""
        if principal in self.accounts or tenant in self.tenants or key_id in self.key_ids:
            return True
        if not self.accounts:
            return False
        account = principal[len(tenant) + 1:] if tenant and principal.startswith(tenant + "/") \
            else principal.partition("/")[2]
        return account in self.accounts


class ExtractionWindow(BaseModel):
    """State decay and evidence requirements."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    half_life_s: float = Field(default=3 * 86400.0, gt=0, description="Half-life of per-account decayed counters.")
    min_requests: int = Field(default=5, ge=1, description="Requests an account needs before it is scored alone.")
    max_principals: int = Field(default=1_000_000, ge=10, description="Per-account states kept (LRU beyond).")
    max_clusters: int = Field(default=500_000, ge=10, description="Template clusters kept (LRU beyond).")


class CampaignSettings(BaseModel):
    """Grouping of coordinated accounts into campaigns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_accounts: int = Field(
        default=5, ge=2,
        description="Accounts a linked group needs to be a campaign (a few evaluation labs running the same "
        "public benchmark share a template; distillation campaigns use dozens to thousands of accounts).",
    )
    regroup_interval_s: float = Field(
        default=300.0, gt=0, description="Seconds (event time) between two campaign groupings."
    )
    suspect_score: float = Field(
        default=0.25, ge=0, le=1, description="Own score from which an account takes part in grouping."
    )
    block_requires_campaign: bool = Field(
        default=True,
        description="Only campaign members (or reviewer-confirmed accounts) can reach block; "
        "a single account tops out at throttle.",
    )


class ExtractionRescorer(BaseModel):
    """The learned re-scorer (round 28): a tree ensemble over the detector's signals, evidence and campaign, shipped
    with the gateway and trained on the evaluation's traffic sets (docs/extraction.md, *Re-scorer*). When on, an
    account is flagged or worse only while the re-scorer's probability is above its threshold; the hand-written
    score still decides between flag, throttle and block."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=False, description="Judge accounts with the learned re-scorer as well.")
    threshold: float | None = Field(
        default=None, gt=0, lt=1,
        description="Probability above which an account is judged extracting; default: the model's own (set at "
        "1 % of benign accounts on held-out sets). Lower finds more campaigns and flags more benign accounts.",
    )
    min_requests: int = Field(
        default=5, ge=1,
        description="Requests an account needs before the re-scorer judges it; until then the hand-written score "
        "alone does (the model learned from accounts' whole histories).",
    )


class ExtractionPolicy(BaseModel):
    """Detection of bulk extraction and distillation campaigns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = Field(default=True, description="Compute features and apply verdicts.")
    mode: Mode = Field(default="enforce", description="shadow: every action of this block is recorded only.")
    thresholds: ExtractionThresholds = Field(default_factory=ExtractionThresholds, description="Scores per status.")
    on_flag: tuple[ExtractionAction, ...] = Field(
        default=(ExtractionAction(action="flag"),), description="Actions at status flag."
    )
    on_throttle: tuple[ExtractionAction, ...] = Field(
        default=(ExtractionAction(action="flag"),),
        description="Actions at status throttle (e.g. throttle with rate_limit: extraction-slow).",
    )
    on_block: tuple[ExtractionAction, ...] = Field(
        default=(ExtractionAction(action="block"),), description="Actions at status block."
    )
    allowlist: ExtractionAllowlist = Field(default_factory=ExtractionAllowlist, description="Never flagged.")
    window: ExtractionWindow = Field(default_factory=ExtractionWindow, description="Decay and evidence.")
    campaign: CampaignSettings = Field(default_factory=CampaignSettings, description="Campaign grouping.")
    rescorer: ExtractionRescorer = Field(default_factory=ExtractionRescorer, description="The learned re-scorer.")
    keep_examples: bool = Field(
        default=True, description="Keep a short excerpt of a few prompts per account for review."
    )

    def status_for(self, score: float, in_campaign: bool) -> Status:
        t = self.thresholds
        if score >= t.block and (in_campaign or not self.campaign.block_requires_campaign):
            return "block"
        if score >= t.throttle:
            return "throttle"
        if score >= t.flag:
            return "flag"
        return "ok"

    def actions_for(self, status: Status) -> tuple[ExtractionAction, ...]:
        """Actions the stage applies for a verdict; block-level mode shadow turns every action to shadow."""
        acts = {"ok": (), "flag": self.on_flag, "throttle": self.on_throttle, "block": self.on_block}[status]
        if self.mode == "shadow":
            return tuple(a.model_copy(update={"mode": "shadow"}) for a in acts)
        return acts
