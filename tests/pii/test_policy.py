"""The `pii` policy block rejects what cannot work, with messages naming the problem."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from gateway.pii.engine import PiiConfigError, PiiEngine
from gateway.pii.policy import PiiAction, PiiPolicy, PiiRule, RedactOperator


def test_defaults():
    policy = PiiPolicy(prompt=PiiRule(action="block"), output=PiiRule())
    assert policy.prompt.action is PiiAction.BLOCK and policy.output.operator is RedactOperator.REPLACE
    assert policy.stream_holdback_chars == 128 and policy.phone_regions == ("US", "GB")
    assert policy.ner_model is None and policy.output.mode == "enforce"


@pytest.mark.parametrize(("data", "message"), [
    ({"prompt": {"entities": ["EMAIL"]}}, "unknown entity types ['EMAIL']"),
    ({"prompt": {"action": "drop"}}, "action"),
    ({"prompt": {"operator": "encrypt"}}, "operator"),
    ({"prompt": {"score_threshold": 1.5}}, "score_threshold"),
    ({"prompt": {"unexpected": 1}}, "Extra inputs are not permitted"),
    ({"shadow": True}, "Extra inputs are not permitted"),
    ({"prompt": {"allowlist": {"patterns": ["(unclosed"]}}}, "does not compile"),
    ({"phone_regions": ["XX"]}, "unknown phone regions ['XX']"),
    ({"stream_holdback_chars": 8}, "stream_holdback_chars"),
    ({"output": {"entities": ["PERSON"]}}, "need `ner_model`"),
    ({"prompt": {"mask_char": "**"}}, "mask_char"),
])
def test_invalid_policies_are_rejected(data, message):
    with pytest.raises(ValidationError) as info:
        PiiPolicy.model_validate(data)
    assert message in str(info.value)


def test_frozen():
    rule = PiiRule()
    with pytest.raises(ValidationError):
        rule.action = PiiAction.FLAG


def test_missing_ner_model_fails_clearly_without_downloading():
    policy = PiiPolicy(ner_model="covenant_no_such_model", prompt=PiiRule(entities=("PERSON",)))
    with pytest.raises(PiiConfigError, match="not installed.*never downloads"):
        PiiEngine(policy)


def test_hash_operator_needs_a_configured_key():
    policy = PiiPolicy(prompt=PiiRule(entities=("EMAIL_ADDRESS",), operator="hash"))
    with pytest.raises(PiiConfigError, match="hash key"):
        PiiEngine(policy, warm=False)


def test_operators_replace_mask_and_keyed_hash():
    text = "mail jane.doe@example.com now"
    out = {}
    for operator in ("replace", "mask", "hash"):
        for key in (b"k1", b"k2"):
            policy = PiiPolicy(prompt=PiiRule(entities=("EMAIL_ADDRESS",), operator=operator))
            engine = PiiEngine(policy, hash_key=key, warm=False)
            out[operator, key] = engine.prompt_redactor.redact(text)
            engine.close()
    assert out["replace", b"k1"].text == "mail <EMAIL_ADDRESS> now"
    assert out["mask", b"k1"].text == "mail " + "*" * len("jane.doe@example.com") + " now"
    hashed = out["hash", b"k1"].text
    assert hashed.startswith("mail ") and "jane" not in hashed and hashed != out["hash", b"k2"].text
    assert out["hash", b"k1"].counts == {"EMAIL_ADDRESS": 1}
