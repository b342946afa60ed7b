"""One Presidio analyzer per policy version, and fast per-direction scanners over it.

Speed: Presidio runs every recognizer over the whole text (~14 ms per 2,000 characters with the
default set, ~75% of it the phone matcher). A `Scanner` first runs precompiled triggers
(gateway/pii/triggers.py): recognizers whose trigger is absent are skipped, and recognizers
whose matches cannot contain whitespace see only the tokens holding a trigger. Findings are the
same as the ungated analyzer's (tested on the corpus and on generated texts).
"""

from __future__ import annotations

import asyncio
import importlib.util
import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass

from gateway.pii.digit_mask import mask_dead_digits
from gateway.pii.entities import NER_ENTITIES
from gateway.pii.fences import fence_spans
from gateway.pii.findings import Finding
from gateway.pii.policy import PiiPolicy, PiiRule
from gateway.pii.triggers import Gate, gate_for, has_ascii_digit

LANGUAGE = "en"
# Texts up to this length are scanned on the event loop; longer ones in the thread pool (the PII stage counts
# a prompt's texts together).
# Measured (benchmarks/pii_bench.py): ~1 ms for 4,000 chars of prose, ~4 ms when digit-dense.
INLINE_SCAN_MAX_CHARS = 4_000
_SEPARATORS = " \t\n\r\f\v"  # token-scoped recognizers never match these
_SEPARATOR = re.compile(f"[{_SEPARATORS}]")
_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")
_WARMUP_TEXT = (
    "Warm-up: mail jane.doe@example.com, call +44 20 7946 0958 or (212) 555-0142, card 4111 1111 1111 1111, "
    "IBAN GB82 WEST 1234 5698 7654 32, ssn 536-90-4399, ip 10.1.2.3, https://example.com/x on 2024-01-31, "
    "key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z, AKIAIOSFODNN7EXAMPLE, eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig "
    "-----BEGIN PRIVATE KEY-----\nMIIBVgIBADANBgkqhkiG9w0BAQEFAASCAUAwggE8AgEAAkEA\n"
)


def _not_a_skipped_language(record: logging.LogRecord) -> bool:
    """Presidio warns once per predefined recognizer of another language when it loads English ones only
    (eleven lines at every start that look like a fault); what we load is logged by the PII stage."""
    return not record.getMessage().startswith("Recognizer not added to registry because language is not supported")


class PiiConfigError(ValueError):
    """The PII policy cannot be built on this host (missing model, missing hash key)."""


def build_analyzer(policy: PiiPolicy):  # -> presidio_analyzer.AnalyzerEngine (imported lazily: ~0.8 s)
    """Presidio with the no-op NLP engine (or the operator's installed spaCy model) and our recognizers."""
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NoOpNlpEngine
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    from gateway.pii.recognizers.email import OfflineEmailRecognizer
    from gateway.pii.recognizers.secrets import secret_recognizers

    if policy.ner_model:
        if importlib.util.find_spec(policy.ner_model) is None:
            raise PiiConfigError(
                f"pii.ner_model {policy.ner_model!r} is not installed. Install that spaCy model package "
                "on this host, or remove ner_model and the PERSON/LOCATION/ORGANIZATION/NRP entities; "
                "Covenant never downloads models."
            )
        from presidio_analyzer.nlp_engine import SpacyNlpEngine

        nlp_engine = SpacyNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": policy.ner_model}])
    else:
        nlp_engine = NoOpNlpEngine(models=[{"lang_code": LANGUAGE, "model_name": "no-op"}])
    nlp_engine.load()

    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    presidio_log = logging.getLogger("presidio-analyzer")
    presidio_log.addFilter(_not_a_skipped_language)  # the same function each time: added once
    registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=[LANGUAGE])
    registry.remove_recognizer("PhoneRecognizer")
    registry.add_recognizer(PhoneRecognizer(supported_regions=policy.phone_regions))
    registry.remove_recognizer("EmailRecognizer")
    registry.add_recognizer(OfflineEmailRecognizer())
    if policy.ner_model:
        registry.add_nlp_recognizer(nlp_engine=nlp_engine)
    for recognizer in secret_recognizers():
        registry.add_recognizer(recognizer)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])


@dataclass(frozen=True, slots=True)
class _GatedGroup:
    gate: Gate
    entities: frozenset[str]


class Scanner:
    """Detection for one direction's rule. `scan` is synchronous CPU work; see `scan_async`."""

    def __init__(self, analyzer, rule: PiiRule, phone_regions: tuple[str, ...], *,
                 prefilter: bool = True, executor: Executor | None = None) -> None:
        self.rule = rule
        self._analyzer = analyzer
        self.executor = executor  # long texts are scanned (and redacted) here, off the event loop
        self._entities = list(rule.entities)
        # Context words and NER need the whole text: no gating with an NLP model.
        self._prefilter = prefilter and not (set(rule.entities) & set(NER_ENTITIES))
        self._token_groups: list[_GatedGroup] = []
        self._text_groups: list[_GatedGroup] = []
        self._digit_groups: list[_GatedGroup] = []
        for recognizer in analyzer.registry.get_recognizers(language=LANGUAGE, entities=self._entities):
            gate: Gate = gate_for(type(recognizer).__name__, phone_regions)
            group = _GatedGroup(gate, frozenset(recognizer.supported_entities) & set(self._entities))
            {"token": self._token_groups, "text": self._text_groups, "digits": self._digit_groups}[gate.scope].append(group)
        # An entity found by more than one kind of recognizer must see the whole, unmasked text.
        other_entities = set().union(*(g.entities for g in self._text_groups + self._token_groups))
        self._text_groups += [g for g in self._digit_groups if g.entities & other_entities]
        self._digit_groups = [g for g in self._digit_groups if not g.entities & other_entities]
        text_entities = set().union(*(g.entities for g in self._text_groups))
        self._text_groups += [g for g in self._token_groups if g.entities & text_entities]
        self._token_groups = [g for g in self._token_groups if not g.entities & text_entities]
        self._allow_values = frozenset(rule.allowlist.values)
        self._allow_patterns = [re.compile(p) for p in rule.allowlist.patterns]
        self._probes = _QuietProbes.build(
            [g.gate for g in self._text_groups + self._token_groups + self._digit_groups]
        ) if self._prefilter else None

    # -- detection -------------------------------------------------------------------------------

    def analyze(self, text: str) -> list[Finding]:
        """Findings in `text` (allowlist applied; code fences are the caller's business)."""
        if not text:
            return []
        if self._probes is None:
            raw = self._run(text, self._entities)
        elif self._probes.quiet(text):
            return []  # no recognizer's trigger occurs: the gated run would call nothing
        else:
            raw = self._run_gated(text)
        return self._postprocess(text, raw)

    def scan(self, text: str) -> list[Finding]:
        """Findings to act on in one whole text, sorted by position."""
        findings = self.analyze(text)
        if self.rule.skip_code_fences and findings:
            findings = outside_fences(findings, fence_spans(text))
        return findings

    async def scan_async(self, text: str) -> list[Finding]:
        """`scan` inline for short texts, in the thread pool for long ones (keeps the loop responsive)."""
        if len(text) <= INLINE_SCAN_MAX_CHARS or self.executor is None:
            return self.scan(text)
        return await asyncio.get_running_loop().run_in_executor(self.executor, self.scan, text)

    # -- internals -------------------------------------------------------------------------------

    def _run(self, text: str, entities: Iterable[str]) -> list[Finding]:
        results = self._analyzer.analyze(
            text=text, language=LANGUAGE, entities=list(entities), score_threshold=self.rule.score_threshold
        )
        return [Finding(r.start, r.end, r.entity_type, r.score) for r in results]

    def _run_gated(self, text: str) -> list[Finding]:
        ascii_only = text.isascii()
        no_digit = ascii_only and not has_ascii_digit(text)  # most prose: skip every digit gate
        text_entities: set[str] = set()
        for group in self._text_groups:
            gate = group.gate
            if no_digit and gate.needs_digit:
                continue
            trigger = gate.for_text(ascii_only)
            if trigger is None or trigger.search(text):
                text_entities |= group.entities
        token_entities: set[str] = set()
        windows: list[tuple[int, int]] = []
        for group in self._token_groups:
            gate = group.gate
            if no_digit and gate.needs_digit:
                continue
            if _token_windows(text, gate.for_text(ascii_only), windows):
                token_entities |= group.entities
        # Each Presidio call costs ~0.1 ms on its own (short texts, stream buffers): recognizers
        # that would see the whole text anyway join one call.
        masked_runs: list[tuple[str, frozenset[str]]] = []
        for group in self._digit_groups:
            gate = group.gate
            trigger = gate.for_text(ascii_only)
            if (no_digit and gate.needs_digit) or trigger is None or not trigger.search(text):
                continue
            masked = mask_dead_digits(text, trigger)
            if masked is text:
                text_entities |= group.entities
            else:
                masked_runs.append((masked, group.entities))
        compact = ""
        if token_entities:
            compact, starts, origins = _compact(text, windows)
            if text_entities and 2 * len(compact) >= len(text):
                text_entities |= token_entities
                token_entities = set()
        findings = self._run(text, text_entities) if text_entities else []
        for masked, entities in masked_runs:
            findings += self._run(masked, entities)
        if token_entities:
            for f in self._run(compact, token_entities):
                i = bisect_right(starts, f.start) - 1
                findings.append(f.shifted(origins[i] - starts[i]))
        return findings

    def _postprocess(self, text: str, findings: list[Finding]) -> list[Finding]:
        # A specific secret type wins over the generic high-entropy token on the same characters.
        specific = [f for f in findings if f.entity_type != "BEARER_TOKEN"]
        kept = [
            f for f in findings
            if f.entity_type != "BEARER_TOKEN" or all(f.end <= s.start or s.end <= f.start for s in specific)
        ]
        if self._allow_values or self._allow_patterns:
            kept = [f for f in kept if not self._allowed(text[f.start:f.end])]
        return sorted(kept)

    def _allowed(self, value: str) -> bool:
        return value in self._allow_values or any(p.fullmatch(value) for p in self._allow_patterns)


@dataclass(frozen=True, slots=True)
class _QuietProbes:
    """Every gate's trigger once, cheapest test first: `quiet(text)` is True exactly when no gate's
    trigger occurs in `text`, i.e. when `Scanner._run_gated` would run no recognizer at all (the
    common case: prose without digits, "@" or key prefixes). Literal triggers are substring tests
    (a literal containing another literal trigger is implied by it and dropped); triggers that need
    a digit are not searched in an ASCII text without one (as in `_run_gated`)."""

    # (key character, literals holding it): one memchr-speed `in` for the character rules out all
    # of its literals (a three-letter `in` scans a 2 KB text at ~1 µs, a single character at ~0.05)
    literals: tuple[tuple[str, tuple[str, ...]], ...]
    patterns: tuple[Gate, ...]
    digit_gates: tuple[Gate, ...]

    @staticmethod
    def build(gates: list[Gate]) -> _QuietProbes | None:
        if any(g.trigger is None for g in gates):
            return None  # a recognizer that always runs: no text is quiet
        literals: set[str] = set()
        patterns: dict[str, Gate] = {}
        digit_gates: dict[str, Gate] = {}
        for g in gates:
            source = g.trigger.pattern
            if g.needs_digit:
                digit_gates.setdefault(source, g)
            elif not g.trigger.flags & (re.IGNORECASE | re.VERBOSE) and not _REGEX_SYNTAX & set(source):
                literals.add(source)
            else:
                patterns.setdefault(source, g)
        by_key: dict[str, list[str]] = {}
        for lit in sorted(lit for lit in literals if not any(o != lit and o in lit for o in literals)):
            by_key.setdefault(min(lit, key=_prose_rank), []).append(lit)
        return _QuietProbes(tuple((k, tuple(v)) for k, v in by_key.items()), tuple(patterns.values()),
                            tuple(digit_gates.values()))

    def quiet(self, text: str) -> bool:
        for key, literals in self.literals:
            if key in text:
                for literal in literals:
                    if literal in text:
                        return False
        ascii_only = text.isascii()
        for gate in self.patterns:
            if gate.for_text(ascii_only).search(text):
                return False
        if self.digit_gates and (not ascii_only or has_ascii_digit(text)):
            for gate in self.digit_gates:
                if gate.for_text(ascii_only).search(text):
                    return False
        return True


def _prose_rank(ch: str) -> int:
    """How common a character is in prose, roughly (lower: rarer, a better key)."""
    if ch.isspace() or ch in ".,'":
        return 4
    if ch.islower():
        return 3
    if ch.isdigit():
        return 2
    if ch.isupper():
        return 1
    return 0


def outside_fences(findings: list[Finding], spans: list[tuple[int, float]]) -> list[Finding]:
    return [f for f in findings if all(f.end <= a or b <= f.start for a, b in spans)]


def _token_windows(text: str, trigger: re.Pattern[str] | None, windows: list[tuple[int, int]]) -> bool:
    """Append [start, end) of every whitespace-delimited token holding a trigger match."""
    if trigger is None:
        windows.append((0, len(text)))
        return True
    found = False
    pos = 0
    while (m := trigger.search(text, pos)) is not None:
        found = True
        p = start = m.start()
        while start > 0 and text[start - 1] not in _SEPARATORS:  # O(token length)
            start -= 1
        sep = _SEPARATOR.search(text, p)
        end = sep.start() if sep else len(text)
        windows.append((start, end))
        pos = max(end, m.end(), p + 1)
    return found


def _compact(text: str, windows: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """Join the windows, each with its neighbouring separator, into one short text.

    Returns the text, each piece's start in it, and each piece's start in the original. A
    token-scoped match never contains a separator, so it lies inside one piece and its
    surroundings (one separator on each side, or the text's edges) are the original ones.
    """
    merged: list[list[int]] = []
    for start, end in sorted(windows):
        a, b = max(0, start - 1), min(len(text), end + 1)
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    pieces, starts, origins, at = [], [], [], 0
    for a, b in merged:
        pieces.append(text[a:b])
        starts.append(at)
        origins.append(a)
        at += b - a
    return "".join(pieces), starts, origins


class PiiEngine:
    """Everything derived from one `PiiPolicy` version: built once, warmed, then shared by requests."""

    def __init__(self, policy: PiiPolicy, *, hash_key: bytes | None = None, prefilter: bool = True,
                 executor: Executor | None = None, warm: bool = True) -> None:
        from gateway.pii.redact import Redactor

        self.policy = policy
        self._own_executor = executor is None
        self.executor: Executor = executor or ThreadPoolExecutor(max_workers=2, thread_name_prefix="covenant-pii")
        self.analyzer = build_analyzer(policy)
        self.prompt: Scanner | None = None
        self.output: Scanner | None = None
        self.prompt_redactor: Redactor | None = None
        self.output_redactor: Redactor | None = None
        for direction in ("prompt", "output"):
            rule: PiiRule | None = getattr(policy, direction)
            if rule is None:
                continue
            scanner = Scanner(self.analyzer, rule, policy.phone_regions, prefilter=prefilter, executor=self.executor)
            setattr(self, direction, scanner)
            setattr(self, f"{direction}_redactor", Redactor(scanner, hash_key=hash_key))
        if warm:
            self.warm()

    def warm(self) -> None:
        """First analyze() pays ~170 ms of lazy set-up; pay it at startup, not on a request."""
        self.analyzer.analyze(text=_WARMUP_TEXT, language=LANGUAGE)
        for scanner in (self.prompt, self.output):
            if scanner is not None:
                scanner.scan(_WARMUP_TEXT)

    def close(self) -> None:
        if self._own_executor:
            self.executor.shutdown(wait=False, cancel_futures=True)
