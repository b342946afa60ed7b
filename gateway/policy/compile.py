"""Compiled policy sets: which policies apply to a request, resolved once per (principal, model, route).

How several matching policies combine (deterministic, documented in docs/policies.md):
policies are ordered by `priority` (high first), then by specificity (how many selector fields
they set, more first), then by name. Rate limits of *every* matching policy apply together;
each single-valued block (access, extraction, watermark, pii) is taken from the first policy in
that order that defines it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import translate
from typing import Any

from gateway.policy.load import LoadedPolicy, PolicySource
from gateway.policy.schema import AccessRule, Policy, Selector

_CACHE_MAX = 50_000


class _Globs:
    """A list of globs compiled into one regex; an empty list matches everything."""

    __slots__ = ("rx", "any")

    def __init__(self, globs: list[str]) -> None:
        self.any = not globs or "*" in globs
        self.rx = None if self.any else re.compile("|".join(f"(?:{translate(g)})" for g in globs))

    def match(self, value: str) -> bool:
        return self.any or self.rx.match(value) is not None


@dataclass(frozen=True)
class CompiledSelector:
    tenants: _Globs
    accounts: _Globs
    labels: tuple[tuple[str, _Globs], ...]
    models: _Globs
    routes: _Globs
    specificity: int

    @classmethod
    def of(cls, s: Selector) -> CompiledSelector:
        fields = [s.tenants, s.accounts, s.models, s.routes]
        specificity = sum(1 for f in fields if f and "*" not in f) + len(s.key_labels)
        return cls(_Globs(s.tenants), _Globs(s.accounts),
                   tuple((k, _Globs([v])) for k, v in sorted(s.key_labels.items())),
                   _Globs(s.models), _Globs(s.routes), specificity)

    def matches(self, tenant: str, account: str, labels: dict[str, str], model: str, route: str) -> tuple[str, ...]:
        """Empty tuple when it does not match; otherwise the reasons it matched (for `explain`)."""
        if not (self.tenants.match(tenant) and self.accounts.match(account)
                and self.models.match(model) and self.routes.match(route)):
            return ()
        for key, glob in self.labels:
            value = labels.get(key)
            if value is None or not glob.match(value):
                return ()
        return ("selector matched",)


@dataclass(frozen=True)
class CompiledPolicy:
    policy: Policy
    file: str
    line: int
    selector: CompiledSelector

    @property
    def name(self) -> str:
        return self.policy.metadata.name


@dataclass(frozen=True)
class EffectivePolicy:
    """What applies to one (principal, model, route): resolved once, then cached."""

    version: str
    policies: tuple[CompiledPolicy, ...]
    access: AccessRule | None
    rate_limits: tuple[Any, ...]  # RateLimitPolicy blocks of every matching policy, in order
    extraction: Any
    watermark: Any
    pii: Any
    sources: dict[str, str] = field(default_factory=dict)  # block name -> policy name that supplied it
    artifacts: dict[str, Any] = field(default_factory=dict)  # the policy version's compiled stage state
    memo: dict[str, Any] = field(default_factory=dict)  # per-(principal, model, route) stage state, built once
    route: str = ""  # the route path it was resolved for (a stage may apply to some routes only)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.policies)


_SINGLE_BLOCKS = ("access", "extraction", "watermark", "pii")


class CompiledPolicySet:
    """An immutable, validated policy version. Swapped atomically on reload."""

    def __init__(self, source: PolicySource) -> None:
        self.version = source.version
        self.files = source.files
        compiled = [CompiledPolicy(lp.policy, lp.file, lp.line, CompiledSelector.of(lp.policy.spec.selector))
                    for lp in source.policies]
        compiled.sort(key=lambda c: (-c.policy.spec.priority, -c.selector.specificity, c.name))
        self.policies: tuple[CompiledPolicy, ...] = tuple(compiled)
        self.artifacts: dict[str, Any] = {}  # per-version compiled state of stages (limits, scanners…)
        self._cache: dict[tuple, EffectivePolicy] = {}

    @classmethod
    def empty(cls) -> CompiledPolicySet:
        return cls(PolicySource((), (), "empty"))

    @property
    def loaded(self) -> tuple[LoadedPolicy, ...]:
        return tuple(LoadedPolicy(p.policy, p.file, p.line) for p in self.policies)

    def match(self, tenant: str, account: str, key_id: str, labels: dict[str, str], model: str,
              route: str) -> EffectivePolicy:
        # labels belong in the key: a key whose labels an operator edits must match anew (a different order of the
        # same labels is only a miss)
        cache_key = (tenant, account, key_id, model, route, tuple(labels.items()) if labels else ())
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        matched = tuple(p for p in self.policies if p.selector.matches(tenant, account, labels, model, route))
        sources: dict[str, str] = {}
        single: dict[str, Any] = {}
        for name in _SINGLE_BLOCKS:
            for p in matched:
                block = getattr(p.policy.spec, name)
                if block is not None:
                    single[name] = block
                    sources[name] = p.name
                    break
            else:
                single[name] = None
        limits = tuple(p.policy.spec.rate_limits for p in matched if p.policy.spec.rate_limits is not None)
        if limits:
            sources["rate_limits"] = ", ".join(p.name for p in matched if p.policy.spec.rate_limits is not None)
        eff = EffectivePolicy(self.version, matched, single["access"], limits, single["extraction"],
                              single["watermark"], single["pii"], sources, self.artifacts, route=route)
        if len(self._cache) >= _CACHE_MAX:
            self._cache.clear()  # bounded; rebuilt on demand from the immutable policy list
        self._cache[cache_key] = eff
        return eff
