"""The policy block validates what the watermark stage relies on."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.watermark.detect import KeyRegistry, detect
from gateway.watermark.embed import Watermarker
from gateway.watermark.policy import WatermarkPolicy
from tests.watermark.prose import LICENSE_PROSE


def test_defaults_are_safe() -> None:
    p = WatermarkPolicy()
    assert not p.enabled and not p.fragile_channel and p.strength == 1.0


@pytest.mark.parametrize("bad, message", [
    ({"strength": 1.5}, "less than or equal to 1"),
    ({"strength": 0.8, "escalated_strength": 0.5}, "escalated_strength must be at least strength"),
    ({"exclude_patterns": ["big\\s+dog"]}, "matches whitespace"),
    ({"exclude_patterns": ["big.dog"]}, "matches whitespace"),
    ({"exclude_patterns": ["big[^x]dog"]}, "matches whitespace"),
    ({"exclude_patterns": ["(?:big|a dog)"]}, "matches whitespace"),
    ({"exclude_patterns": ["(big"]}, "does not compile"),
    ({"exclude_patterns": ["(big)"]}, "capturing groups"),
    ({"strenght": 0.5}, "Extra inputs are not permitted"),
])
def test_rejects(bad: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        WatermarkPolicy(**bad)


def test_exclusions_reach_the_watermarker() -> None:
    policy = WatermarkPolicy(enabled=True, exclude_words=("Big",), exclude_patterns=("(?i:usually)",))
    wm = Watermarker.from_policy(b"test-master-secret-0123456789abcdef", policy)
    assert "big" not in wm.table.index and "large" not in wm.table.index  # the set lost its partner
    assert WatermarkPolicy(exclude_patterns=(r"ACME-\d+", r"[A-Z]{2,}\w*")).exclude_patterns
    text = "The big house was usually quiet."
    for acct in ("a", "b", "c", "d"):
        assert wm.mark(text, tenant="t", account=acct).startswith("The big house was usually")


def test_exclusions_keep_every_other_choice_so_the_shipped_detector_still_attributes() -> None:
    secret = b"test-master-secret-0123456789abcdef"
    plain = Watermarker(secret)
    policy = WatermarkPolicy(enabled=True, exclude_words=("large", "Usually"))
    excluding = Watermarker.from_policy(secret, policy)
    assert excluding.table.digest == plain.table.digest and excluding.table.sets == plain.table.sets
    text = LICENSE_PROSE + " A big, large house. Usually, usually, typically, normally."
    marked = excluding.mark(text, tenant="t", account="a")
    words = {"big", "large", "usually", "typically", "normally"}
    assert [w for w in marked.lower().split() if w.strip(".,") in words] == \
        [w for w in text.lower().split() if w.strip(".,") in words]  # the excluded sets are left as written
    registry = KeyRegistry(plain, [("t", "a"), ("t", "b"), ("u", "a")])
    result = detect(marked, registry)
    assert result.detected and result.candidates[0].account == "a" and result.candidates[0].tenant == "t"
    assert detect(marked, registry).p_value <= detect(plain.mark(text, tenant="t", account="a"), registry).p_value * 1e3
