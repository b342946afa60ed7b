"""One warmed engine per module: building Presidio costs ~1 s, scanning microseconds."""

from __future__ import annotations

import pytest

from gateway.pii.engine import PiiEngine
from gateway.pii.entities import PATTERN_ENTITIES, SECRET_ENTITIES
from gateway.pii.policy import DEFAULT_ENTITIES, PiiPolicy, PiiRule

CORPUS_ENTITIES = (*DEFAULT_ENTITIES, "IP_ADDRESS")
ALL_OFFLINE_ENTITIES = PATTERN_ENTITIES + SECRET_ENTITIES


@pytest.fixture(scope="session")
def corpus_engine() -> PiiEngine:
    policy = PiiPolicy(
        prompt=PiiRule(entities=CORPUS_ENTITIES),
        output=PiiRule(entities=CORPUS_ENTITIES, skip_code_fences=True),
    )
    engine = PiiEngine(policy)
    yield engine
    engine.close()


@pytest.fixture(scope="session")
def all_entities_engines() -> tuple[PiiEngine, PiiEngine]:
    """Every offline entity at threshold 0: gated (Covenant's scanner) and plain Presidio."""
    policy = PiiPolicy(prompt=PiiRule(entities=ALL_OFFLINE_ENTITIES, score_threshold=0.0))
    fast, plain = PiiEngine(policy), PiiEngine(policy, prefilter=False)
    yield fast, plain
    fast.close()
    plain.close()
