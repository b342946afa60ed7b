"""Content modes: what of the prompt and the output an audit record holds."""

from __future__ import annotations

import hashlib
import hmac
import io
from pathlib import Path

import orjson
import pytest

from gateway.audit.content import RecordEncoder, presidio_redactor
from gateway.audit.record import pending_from
from gateway.extraction.replay import iter_records, replay

PROMPT = "Email me at jane.doe@example.com, my key is sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z. What is 2+2?"
OUTPUT = "Sure jane.doe@example.com: the answer is 4."
BODY = {"model": "gpt-4o-mini", "user": "end-user-7", "temperature": 0.2,
        "messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": PROMPT}]}


@pytest.fixture(scope="module")
def redact():
    return presidio_redactor()  # ~1 s: Presidio import and warm-up, once for the module


async def _line(make_exchange, mode: str, **kw) -> dict:
    ctx = await make_exchange()(BODY, output=OUTPUT)
    assert ctx.keep_output is False  # no audit stage here: the content modes are given the output below
    ctx.keep_output = True
    ctx.response_text.append(OUTPUT)
    return orjson.loads(RecordEncoder(mode, **kw).encode(pending_from(ctx, mode)))


async def test_full_holds_the_body_and_output(make_exchange):
    rec = await _line(make_exchange, "full")
    assert rec["content"] == "full"
    assert rec["request"] == BODY
    assert rec["response_text"] == OUTPUT


async def test_full_records_are_traffic_log_lines_for_replay(make_exchange, tmp_path: Path):
    lines = []
    for i, who in enumerate(("alice", "bob", "alice")):
        from gateway.identity import Principal

        ctx = await make_exchange()(BODY, principal=Principal("acme", who, f"k{i}"), output=OUTPUT)
        ctx.keep_output, ctx.response_text = True, [OUTPUT]
        lines.append(RecordEncoder("full").encode(pending_from(ctx, "full")))
    parsed = list(iter_records(io.BytesIO(b"".join(lines))))
    assert [(number, why) for number, _, why in parsed] == [(1, ""), (2, ""), (3, "")]  # the reader accepts every line
    for _, rec, _ in parsed:
        assert isinstance(rec["ts"], float) and rec["api"] == "openai.chat.completions"
        assert isinstance(rec["request"], dict) and rec["principal"] in ("acme/alice", "acme/bob")
        assert set(rec["usage"]) == {"input_tokens", "output_tokens"} and set(rec["client"]) == {"ip", "user_agent"}
    traffic = tmp_path / "traffic.jsonl"
    traffic.write_bytes(b"".join(lines))
    summary = replay(traffic, output_path=tmp_path / "verdicts.jsonl", progress=False)
    assert (summary.requests, summary.skipped_lines, summary.principals) == (3, 0, 2)


async def test_hash_holds_digests_not_content(make_exchange):
    rec = await _line(make_exchange, "hash")
    raw = orjson.dumps(rec)
    assert b"jane.doe" not in raw and b"2+2" not in raw and b"answer" not in raw
    assert "request" not in rec and "response_text" not in rec
    assert rec["request_hash"] == "sha256:" + hashlib.sha256(orjson.dumps(BODY)).hexdigest()
    assert rec["response_hash"] == "sha256:" + hashlib.sha256(OUTPUT.encode()).hexdigest()


async def test_keyed_hash_uses_hmac(make_exchange):
    rec = await _line(make_exchange, "hash", hash_key=b"k" * 32)
    assert rec["request_hash"] == "hmac-sha256:" + hmac.new(b"k" * 32, orjson.dumps(BODY), hashlib.sha256).hexdigest()


async def test_none_holds_no_content(make_exchange):
    rec = await _line(make_exchange, "none")
    raw = orjson.dumps(rec)
    assert rec["content"] == "none"
    assert not {"request", "response_text", "request_hash", "response_hash"} & set(rec)
    assert b"jane.doe" not in raw and b"2+2" not in raw


async def test_redacted_removes_pii_and_secrets_everywhere(make_exchange, redact):
    rec = await _line(make_exchange, "redacted", redact_text=redact)
    raw = orjson.dumps(rec)
    assert b"jane.doe@example.com" not in raw and b"sk-proj-Ab3d" not in raw
    assert rec["request"]["messages"][1]["content"] == (
        "Email me at <EMAIL_ADDRESS>, my key is <OPENAI_API_KEY>. What is 2+2?")
    assert rec["response_text"] == "Sure <EMAIL_ADDRESS>: the answer is 4."
    # structure and non-PII values stay, so a redacted record is still a replayable traffic-log line
    assert rec["request"]["model"] == "gpt-4o-mini" and rec["request"]["messages"][0] == BODY["messages"][0]
    assert rec["request"]["temperature"] == 0.2
    assert rec["redactions"] == {"EMAIL_ADDRESS": 2, "OPENAI_API_KEY": 1}
    assert BODY["messages"][1]["content"] == PROMPT  # the live body is never rewritten


def test_redacted_removes_pii_held_in_numbers_and_object_keys(redact):
    from gateway.audit.record import PendingRecord

    body = {"model": "claude-x", "max_tokens": 64, "messages": [
        {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "pay", "input": {
            "card": 4111111111111111, "phone": 12125550173, "amount": 12, "exact": True,
            "contacts": {"jane.doe@example.com": {"role": "owner"}}}}]}]}
    rec = orjson.loads(RecordEncoder("redacted", redact_text=redact).encode(PendingRecord({"ts": 1.0}, request=body)))
    raw = orjson.dumps(rec)
    assert b"4111111111111111" not in raw and b"12125550173" not in raw and b"jane.doe@example.com" not in raw
    assert rec["request"]["messages"][0]["content"][0]["input"] == {
        "card": "<CREDIT_CARD>", "phone": "<PHONE_NUMBER>", "amount": 12, "exact": True,
        "contacts": {"<EMAIL_ADDRESS>": {"role": "owner"}}}
    assert rec["request"]["max_tokens"] == 64  # numbers that are no entity stay numbers
    assert rec["redactions"] == {"CREDIT_CARD": 1, "PHONE_NUMBER": 1, "EMAIL_ADDRESS": 1}


def test_token_ids_and_counts_are_not_scanned_one_by_one(redact):
    """An embeddings input of token ids holds thousands of integers: only those long enough to be an entity (eight
    digits or more, as the PII stage reads a tool input) go through the redactor."""
    from gateway.audit.record import PendingRecord

    calls = []

    def counting(text):
        calls.append(text)
        return redact(text)

    body = {"model": "text-embedding-3-small", "input": [[10_000 + i for i in range(2_000)]], "dimensions": 256}
    rec = orjson.loads(RecordEncoder("redacted", redact_text=counting).encode(PendingRecord({"ts": 1.0}, request=body)))
    assert rec["request"] == body and not [c for c in calls if c.isdigit()]


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError, match="unknown audit content mode"):
        RecordEncoder("raw")  # type: ignore[arg-type]
