"""One audit record per request, built from the finished request context."""

from __future__ import annotations

import orjson

from gateway.audit.content import RecordEncoder
from gateway.audit.record import build_record, pending_from
from tests.audit.conftest import Annotate, DenyAll

BODY = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "What is 2+2?"}]}


async def test_allowed_request_record_has_every_field(make_exchange, policy_set):
    ctx = await make_exchange(Annotate())(BODY, request_id="req-42")
    rec = build_record(ctx)
    assert rec["request_id"] == "req-42"
    assert (rec["principal"], rec["tenant"], rec["account"], rec["key_id"]) == ("acme/alice", "acme", "alice", "k1")
    assert (rec["api"], rec["route"], rec["model"]) == ("openai.chat.completions", "/v1/chat/completions",
                                                        "gpt-4o-mini")
    assert (rec["status"], rec["decision"], rec["reasons"]) == (200, "allowed", [])
    assert rec["policy_version"] == policy_set.version
    assert rec["usage"] == {"input_tokens": 12, "output_tokens": 5}
    assert rec["client"] == {"ip": "10.0.0.7", "user_agent": "openai-python/1.50.0"}
    assert rec["stream"] is False
    assert rec["request_bytes"] == len(orjson.dumps(BODY))
    lat = rec["latency_ms"]
    assert lat["total"] >= lat["upstream"] >= 0 and abs(lat["total"] - lat["upstream"] - lat["added"]) < 0.01
    assert isinstance(rec["ts"], float) and rec["ts"] > 1.7e9


async def test_annotations_kept_when_plain_json_and_public(make_exchange):
    ctx = await make_exchange(Annotate())(BODY)
    line = RecordEncoder("none").encode(pending_from(ctx, "none"))
    rec = orjson.loads(line)
    # The rate-limit stage's annotation holds dataclasses (its reservation): internal state, left out.
    assert "_ratelimit" in ctx.annotations
    assert rec["annotations"] == {"extraction": {"score": 0.42, "status": "ok"},
                                  "pii": {"prompt": {"EMAIL_ADDRESS": 1}}, "watermark": {"applied": True}}


async def test_denied_request_is_recorded_with_decision_and_reasons(make_exchange):
    ctx = await make_exchange(DenyAll())(BODY)
    rec = build_record(ctx)
    assert (rec["status"], rec["decision"], rec["reasons"]) == (403, "blocked_pii", ["pii:block:EMAIL_ADDRESS"])
    assert rec["usage"] == {"input_tokens": 0, "output_tokens": 0}
    assert rec["latency_ms"]["upstream"] == 0.0


async def test_no_credentials_in_any_mode(make_exchange):
    ctx = await make_exchange(Annotate())(BODY)
    for mode in ("full", "redacted", "hash", "none"):
        if mode == "redacted":
            enc = RecordEncoder(mode, redact_text=lambda t: (t, {}))  # identity: only the envelope is checked
        else:
            enc = RecordEncoder(mode)
        line = enc.encode(pending_from(ctx, mode))
        assert b"cov_secretkeyid" not in line and b"authorization" not in line.lower()
