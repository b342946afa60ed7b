"""`covenant audit`: a reviewer finds records by account, request id, decision, reason, model and time, in
files (rotated ones included) or in the Redis Stream sink, and replays what they found."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import openai
import orjson
import pytest

from gateway.audit.query import AuditFilter, file_lines, redis_lines, render_table, search
from gateway.audit.report import audit_files
from gateway.audit.sinks import RedisStreamSink
from tests.ratelimit_gateway.helpers import add_redis_key
from tests.store.test_redis_topologies import cluster_node  # noqa: F401 - a one-node Redis Cluster (fixture)
from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

NOW = time.time()


def rec(i: int, principal: str, decision: str = "allowed", reasons=(), model: str = "gpt-4o-mini", age: float = 60.0):
    tenant, account = principal.split("/")
    return {"ts": NOW - age + i * 0.001, "request_id": f"req-{i}", "principal": principal, "tenant": tenant,
            "account": account, "api": "openai.chat.completions", "model": model, "status": 200, "decision": decision,
            "reasons": list(reasons), "usage": {"input_tokens": 10 + i, "output_tokens": i},
            "request": {"model": model, "messages": [{"role": "user", "content": f"question {i}"}]}}


RECORDS = [
    rec(0, "acme/bob", age=3 * 86400),  # older than a day
    rec(1, "acme/bob"),
    rec(2, "acme/bob", "blocked_extraction", ["extraction:block:campaign"]),
    rec(3, "acme/alice", "rate_limited", ["rate_limited:free-rpm"], model="gpt-4o"),
    rec(4, "acme/bob", reasons=["extraction:flag:templated_elicitation"]),
    rec(5, "free/carol", reasons=["shadow:rate_limited:rpm"], model="gpt-4o"),
    rec(6, "acme/bob"),
]


@pytest.fixture
def audit_log(tmp_path: Path) -> Path:
    path = tmp_path / "audit.jsonl"
    (tmp_path / "audit.jsonl.20250101T000000000000Z").write_bytes(
        b"".join(orjson.dumps(r) + b"\n" for r in RECORDS[:3]))
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in RECORDS[3:]) + b"not a record\n")
    return path


def ids(result) -> list[str]:
    return [r["request_id"] for r in result.records]


@pytest.mark.parametrize(("flt", "expected"), [
    (AuditFilter(since_ts=NOW - 86400, principal="acme/bob"), ["req-1", "req-2", "req-4", "req-6"]),
    (AuditFilter(principal="acme/bob"), ["req-0", "req-1", "req-2", "req-4", "req-6"]),
    (AuditFilter(reason="extraction"), ["req-2", "req-4"]),
    (AuditFilter(reason="shadow:"), ["req-5"]),
    (AuditFilter(decisions=frozenset({"rate_limited", "blocked_extraction"})), ["req-2", "req-3"]),
    (AuditFilter(model="gpt-4o"), ["req-3", "req-5"]),
    (AuditFilter(model="gpt-4o*", tenant="acme", since_ts=NOW - 86400), ["req-1", "req-2", "req-3", "req-4", "req-6"]),
    (AuditFilter(request_id="req-4"), ["req-4"]),
    (AuditFilter(principal="nobody/here"), []),
])
def test_filters_select_exactly_the_matching_records_in_time_order(audit_log, flt, expected):
    result = search(file_lines(audit_files([audit_log])), flt, limit=100)
    assert ids(result) == expected
    assert (result.scanned, result.matched, result.skipped_lines) == (7, len(expected), 1)


def test_limit_keeps_the_newest_matches(audit_log):
    result = search(file_lines(audit_files([audit_log])), AuditFilter(principal="acme/bob"), limit=2)
    assert ids(result) == ["req-4", "req-6"] and result.matched == 5
    table = render_table(result)
    assert table.splitlines()[0].split()[:3] == ["time", "(UTC)", "request_id"]
    assert "extraction:flag:templated_elicitation" in table and "req-6" in table


def test_the_table_shows_the_request_id_that_request_id_finds(tmp_path):
    """The gateway's ids are 32 hex digits: the table once showed 12 of them, which --request-id then did not find."""
    record = {**rec(1, "acme/bob"), "request_id": "996bee55761eb847cea0f1c562b3b6a5"}
    log = tmp_path / "audit.jsonl"
    log.write_bytes(orjson.dumps(record) + b"\n")
    shown = render_table(search(file_lines(audit_files([log])), AuditFilter(), limit=10)).splitlines()[1].split()[2]
    found = search(file_lines(audit_files([log])), AuditFilter(request_id=shown), limit=10)
    assert shown == record["request_id"] and ids(found) == [record["request_id"]]


def test_limit_keeps_the_newest_matches_across_every_workers_file(tmp_path):
    # with `{pid}` in the path each worker writes its own file: they are read one after the other, and the
    # newest records may be in any of them (worker 100 served the last requests here)
    newest_first_worker = [rec(i, "acme/bob") for i in (0, 3, 5)]
    second_worker = [rec(i, "acme/bob") for i in (1, 2, 4)]
    for pid, records in ((100, newest_first_worker), (200, second_worker)):
        (tmp_path / f"audit-{pid}.jsonl").write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in records))
    files = audit_files([str(tmp_path / "audit-{pid}.jsonl")])
    assert [f.name for f in files] == ["audit-100.jsonl", "audit-200.jsonl"]
    result = search(file_lines(files), AuditFilter(principal="acme/bob"), limit=2)
    assert ids(result) == ["req-4", "req-5"] and result.matched == 6


async def test_the_redis_stream_is_read_by_time_range(redis_url):
    sink = RedisStreamSink(redis_url, maxlen=10_000)
    await sink.start()
    await sink.write([orjson.dumps(r) + b"\n" for r in RECORDS])
    await sink.close()
    # the stream's ids are the times of writing (now), so a window that ends before now finds nothing
    assert ids(search(redis_lines(redis_url, NOW - 3600, NOW - 1800), AuditFilter(), 100)) == []
    found = search(redis_lines(redis_url, NOW - 3600, float("inf"), batch=2), AuditFilter(principal="acme/bob"), 100)
    assert ids(found) == ["req-0", "req-1", "req-2", "req-4", "req-6"]  # the record's ts is not re-filtered here


async def test_the_stream_of_a_cluster_store_is_read_and_written_by_the_commands(request, tmp_path):
    from gateway.audit.operator import record_operator_action
    from gateway.config import load_settings
    from gateway.store import open_store

    url = f"redis+cluster://127.0.0.1:{request.getfixturevalue('cluster_node').port}"
    store = open_store(url, timeout_ms=1000)
    sink = RedisStreamSink(store.client, maxlen=10_000)  # as the gateway writes it: through the store's client
    await sink.write([orjson.dumps(r) + b"\n" for r in RECORDS[1:4]])
    await store.close()
    config = tmp_path / "covenant.yaml"
    config.write_text(f"store: '{url}'\naudit: {{sink: redis}}\n")
    created = {"kind": "key", "action": "created", "ts": time.time(), "key_id": "3fa9c2d1e0b4", "tenant": "acme",
               "account": "bob", "expires": None, "reason": "ticket 7", "via": "cli"}
    where = await record_operator_action(load_settings(str(config)).audit, url, created)
    assert where == "the Redis stream covenant:audit"

    out = covenant("audit", "--config", str(config), "--principal", "acme/bob", "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    found = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r.get("request_id") or r["kind"] for r in found] == ["req-1", "req-2", "key"]


def covenant(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gateway", *args], capture_output=True, text=True, timeout=120,
                          cwd=cwd)


def test_the_cli_finds_records_and_its_jsonl_replays(audit_log, tmp_path):
    found = covenant("audit", "--path", str(audit_log), "--since", "2d", "--principal", "acme/bob", "--format", "jsonl")
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["request_id"] for line in found.stdout.splitlines()] == ["req-1", "req-2", "req-4", "req-6"]
    assert "4 of the 7 records read match" in found.stderr and "skipped 1 lines that are not records" in found.stderr
    (tmp_path / "bob.jsonl").write_text(found.stdout)
    replay = covenant("extraction", "replay", str(tmp_path / "bob.jsonl"), "--output", str(tmp_path / "v.jsonl"))
    assert replay.returncode == 0, replay.stderr
    [verdict] = [json.loads(line) for line in (tmp_path / "v.jsonl").read_text().splitlines()]
    assert verdict["principal"] == "acme/bob" and verdict["requests"] == 4
    none = covenant("audit", "--path", str(audit_log), "--request-id", "req-404")
    assert none.returncode == 3 and "0 of the 7 records read match" in none.stderr


def test_the_cli_says_when_the_sink_keeps_nothing(tmp_path):
    (tmp_path / "covenant.yaml").write_text("audit: {sink: none}\n")
    out = covenant("audit", "--config", str(tmp_path / "covenant.yaml"))
    assert out.returncode == 1 and "sink is 'none'" in out.stderr and "COVENANT_AUDIT__SINK" in out.stderr


def test_a_request_served_by_the_gateway_is_found_by_its_request_id(redis_url):
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url, store=redis_url,
                            extra_config={"audit": {"sink": "redis", "content": "full"}})
        key = add_redis_key(redis_url, "acme", "reviewed")  # a gateway on a Redis store reads keys there
        gw.start()
        try:
            client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0)
            raw = client.chat.completions.with_raw_response.create(
                model="gpt-4o-mini", messages=[{"role": "user", "content": "Which river is longest?"}])
            rid = raw.headers["x-request-id"]
            client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "and next?"}])
            deadline = time.monotonic() + 10  # the audit writer is a background task: wait for its batch
            while True:
                r = gw.admin("GET", "/admin/v1/audit/records", params={"principal": "acme/reviewed"})
                if len(r.json().get("records", ())) == 2 or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert r.status_code == 200 and r.json()["matched"] == 2
            assert [x["request_id"] for x in r.json()["records"]][0] == rid
            r = gw.admin("GET", "/admin/v1/audit/records", params={"request_id": rid, "decision": "rate_limited"})
            assert r.json()["records"] == []
            assert gw.admin("GET", "/admin/v1/audit/records", params={"since": "soon"}).status_code == 422
        finally:
            gw.stop()  # flushes the audit queue
    out = covenant("audit", "--config", str(gw.config_file), "--request-id", rid, "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    [found] = [json.loads(line) for line in out.stdout.splitlines()]
    assert found["principal"] == "acme/reviewed" and found["request"]["messages"][0]["content"] == "Which river is longest?"
    assert "1 of the 2 records read match" in out.stderr


def test_an_accounts_key_changes_are_found_with_its_requests_and_read_as_such(tmp_path):
    created = {"kind": "key", "action": "created", "ts": NOW - 30, "key_id": "3fa9c2d1e0b4", "tenant": "acme",
               "account": "bob", "expires": None, "reason": "ticket 7", "via": "cli"}
    review = {"kind": "review", "ts": NOW - 20, "principal": "acme/bob", "decision": "confirm", "reviewer": "rev",
              "note": "templated maths harvest"}
    path = tmp_path / "audit.jsonl"
    path.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in (RECORDS[1], created, review, RECORDS[3])))
    result = search(file_lines([path]), AuditFilter(principal="acme/bob"), limit=10)
    assert [r.get("request_id") or r["kind"] for r in result.records] == ["req-1", "key", "review"]
    rows = render_table(result).splitlines()
    assert rows[2].split()[2:6] == ["3fa9c2d1e0b4", "acme/bob", "-", "-"] and "key:created" in rows[2]
    assert rows[2].endswith("ticket 7")
    assert "review:confirm" in rows[3] and rows[3].endswith("templated maths harvest")


def test_the_cli_refuses_a_limit_below_one_with_a_usage_line(audit_log):
    for bad in ("-5", "0"):
        out = covenant("audit", "--path", str(audit_log), "--limit", bad)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert "--limit: must be 1 or more" in out.stderr
