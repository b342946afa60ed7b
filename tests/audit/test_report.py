"""`covenant report` over a hand-made audit log (rotated file included): exact numbers."""

from __future__ import annotations

import argparse
import csv
import io
import os
import time
from pathlib import Path

import orjson
import pytest

from gateway.audit.report import audit_files, parse_duration, render_csv, render_table, summarise
from gateway.cli_report import add_report_command

NOW = time.time()


def rec(tenant, account, model, decision="allowed", status=200, reasons=(), usage=(0, 0), spend=None, age=60.0):
    return {"ts": NOW - age, "principal": f"{tenant}/{account}", "tenant": tenant, "account": account,
            "api": "openai.chat.completions", "model": model, "status": status, "decision": decision,
            "reasons": list(reasons), "usage": {"input_tokens": usage[0], "output_tokens": usage[1]},
            "spend_usd": spend}


RECORDS_ROTATED = [
    rec("acme", "alice", "gpt-4o", usage=(100, 50), spend=0.25),
    rec("acme", "alice", "gpt-4o", "rate_limited", 429, ["rate_limited:account-requests"]),
    rec("acme", "old", "gpt-4o", usage=(999, 999), spend=9.0, age=3 * 86400),  # outside --since 24h
]
RECORDS_CURRENT = [
    rec("acme", "bob", "gpt-4o-mini", usage=(10, 5), spend=0.01, reasons=["shadow:rate_limited:rpm"]),
    rec("acme", "bob", "gpt-4o-mini", "blocked_pii", 422, ["pii:block:EMAIL_ADDRESS"]),
    rec("free", "carol", "gpt-4o-mini", usage=(20, 0), spend=0.005),
    rec("free", "carol", "gpt-4o-mini", "upstream_error", 502, usage=(20, 0)),
    rec("free", "dave", "gpt-4o-mini", "rate_limited", 429, ["rate_limited:free-rpm"]),
]
# Operators' actions share the log; they are not requests.
OPERATOR_RECORDS = [
    {"kind": "review", "ts": NOW - 30, "principal": "acme/bob", "decision": "confirm", "reviewer": "rev", "note": ""},
    {"kind": "key", "action": "created", "ts": NOW - 20, "key_id": "3fa9c2d1e0b4", "tenant": "acme",
     "account": "erin", "expires": None, "reason": ""},
]


@pytest.fixture
def audit_log(tmp_path: Path) -> Path:
    path = tmp_path / "covenant-audit.jsonl"
    rotated = tmp_path / "covenant-audit.jsonl.20250101T000000000000Z"
    rotated.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in RECORDS_ROTATED))
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in RECORDS_CURRENT + OPERATOR_RECORDS) + b"not json\n\n")
    ancient = tmp_path / "covenant-audit.jsonl.20200101T000000000000Z"
    ancient.write_bytes(orjson.dumps(rec("acme", "x", "m", age=0)) + b"\n")  # content recent, file old
    os.utime(ancient, (NOW - 10 * 86400, NOW - 10 * 86400))
    return path


def test_summary_by_tenant(audit_log: Path):
    since = NOW - 86400
    files = audit_files([audit_log], since)
    assert [f.name for f in files] == ["covenant-audit.jsonl.20250101T000000000000Z", "covenant-audit.jsonl"]
    r = summarise(files, since_ts=since, by="tenant")
    assert (r.records, r.skipped_lines, r.operator_records) == (7, 1, 2)
    acme, free = r.groups["acme"].as_dict(), r.groups["free"].as_dict()
    assert acme == {"requests": 4, "allowed": 2, "rejected": 2, "errors": 0, "flagged": 1, "input_tokens": 110,
                    "output_tokens": 55, "spend_usd": 0.26, "rejections": {"blocked_pii": 1, "rate_limited": 1},
                    "flags": {"shadow": 1}}
    assert free == {"requests": 3, "allowed": 1, "rejected": 1, "errors": 1, "flagged": 0, "input_tokens": 40,
                    "output_tokens": 0, "spend_usd": 0.005, "rejections": {"rate_limited": 1}, "flags": {}}
    assert r.total().requests == 7 and r.total().rejected == 3


def test_by_account_and_model(audit_log: Path):
    since = NOW - 86400
    files = audit_files([audit_log], since)
    by_account = summarise(files, since_ts=since, by="account")
    assert {k: g.requests for k, g in by_account.groups.items()} == {
        "acme/alice": 2, "acme/bob": 2, "free/carol": 2, "free/dave": 1}
    by_model = summarise(files, since_ts=since, by="model")
    assert {k: (g.requests, g.rejected) for k, g in by_model.groups.items()} == {"gpt-4o": (2, 1),
                                                                                 "gpt-4o-mini": (5, 2)}


def test_table_and_csv(audit_log: Path):
    since = NOW - 86400
    r = summarise(audit_files([audit_log], since), since_ts=since, by="tenant")
    table = render_table(r)
    lines = table.splitlines()
    assert lines[0].split() == ["TENANT", "REQUESTS", "ALLOWED", "REJECTED", "ERRORS", "FLAGGED", "INPUT_TOKENS",
                                "OUTPUT_TOKENS", "SPEND_USD"]
    assert lines[2].split() == ["acme", "4", "2", "2", "0", "1", "110", "55", "0.2600"]
    assert lines[3].split() == ["free", "3", "1", "1", "1", "0", "40", "0", "0.0050"]
    assert lines[4].split() == ["TOTAL", "7", "3", "3", "1", "1", "150", "55", "0.2650"]
    assert "  acme  blocked_pii  1" in lines
    rows = list(csv.DictReader(io.StringIO(render_csv(r))))
    assert rows[0] == {"tenant": "acme", "requests": "4", "allowed": "2", "rejected": "2", "errors": "0",
                       "flagged": "1", "input_tokens": "110", "output_tokens": "55", "spend_usd": "0.2600",
                       "rejected_blocked_pii": "1", "rejected_rate_limited": "1"}


def _parser() -> argparse.ArgumentParser:
    # The command as `covenant` registers it (add_report_command), on a parser of its own.
    parser = argparse.ArgumentParser(prog="covenant")
    add_report_command(parser.add_subparsers(dest="command", required=True),
                       lambda p: p.add_argument("--config"))
    return parser


def test_cli_json(audit_log: Path, capsys):
    args = _parser().parse_args(["report", "--since", "24h", "--by", "model", "--format", "json",
                                      "--path", str(audit_log)])
    assert args.func(args) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert out["total"]["requests"] == 7 and out["groups"]["gpt-4o"]["spend_usd"] == 0.25


def test_durations():
    assert [parse_duration(x) for x in ("90s", "30m", "24h", "7d", "2w", "15")] == [90, 1800, 86400, 604800,
                                                                                    1209600, 15]
    with pytest.raises(ValueError):
        parse_duration("yesterday")


def test_cli_table_default_and_missing_files(audit_log: Path, tmp_path: Path, capsys):
    args = _parser().parse_args(["report", "--path", str(audit_log)])
    assert (args.since, args.by, args.format) == ("24h", "tenant", "table")
    assert args.func(args) == 0
    assert capsys.readouterr().out.splitlines()[4].split()[:2] == ["TOTAL", "7"]
    args = _parser().parse_args(["report", "--path", str(tmp_path / "nothing.jsonl")])
    assert args.func(args) == 1
    assert "no audit files" in capsys.readouterr().err


def test_cli_says_how_to_turn_the_file_sink_on(tmp_path: Path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no config file: the embedded default, whose audit sink is "none"
    args = _parser().parse_args(["report"])
    assert args.func(args) == 1
    err = capsys.readouterr().err
    assert "the audit sink is 'none'" in err and "COVENANT_AUDIT__SINK=file" in err


def test_cli_reads_the_redis_stream_when_that_is_the_sink(redis_url: str, tmp_path: Path, capsys, monkeypatch):
    import redis
    import yaml

    from gateway.audit.sinks import STREAM_FIELD, STREAM_KEY

    client = redis.Redis.from_url(redis_url)
    for r in RECORDS_CURRENT + OPERATOR_RECORDS:
        client.xadd(STREAM_KEY, {STREAM_FIELD: orjson.dumps(r)})
    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"store": redis_url, "audit": {"sink": "redis"}}))
    monkeypatch.chdir(tmp_path)
    args = _parser().parse_args(["report", "--by", "account", "--format", "json"])
    assert args.func(args) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert out["files"] == [f"the Redis stream of {redis_url}"]
    assert (out["records"], out["operator_records"]) == (len(RECORDS_CURRENT), 2)
    assert {k: g["requests"] for k, g in out["groups"].items()} == {"acme/bob": 2, "free/carol": 2, "free/dave": 1}


def test_cli_says_when_the_redis_stream_cannot_be_read(tmp_path: Path, capsys, monkeypatch):
    import yaml

    from tests.support.ports import closed_port

    with closed_port() as port:
        url = f"redis://127.0.0.1:{port}"  # nothing listens there
        (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"store": url, "audit": {"sink": "redis"}}))
        monkeypatch.chdir(tmp_path)
        args = _parser().parse_args(["report"])
        assert args.func(args) == 1
    assert capsys.readouterr().err.startswith(f"covenant report: cannot read the Redis stream of {url}: ")
