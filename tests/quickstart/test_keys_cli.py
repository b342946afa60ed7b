"""`covenant keys create|list|revoke` against the keys file; only hashes are stored."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml


def covenant(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gateway", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60)


def test_create_list_revoke(tmp_path):
    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"keys_file": "keys.json"}))
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "alice", "--label", "tier=free")
    assert out.returncode == 0, out.stderr
    key = next(line for line in out.stdout.splitlines() if line.startswith("cov_"))
    stored = (tmp_path / "keys.json").read_text()
    assert key not in stored, "the key itself must never be stored"
    record = json.loads(stored)["keys"][0]
    assert record["tenant"] == "acme" and record["labels"] == {"tier": "free"} and len(record["sha256"]) == 64

    listing = covenant(tmp_path, "keys", "list").stdout
    assert record["key_id"] in listing and "active" in listing and key not in listing

    assert covenant(tmp_path, "keys", "revoke", record["key_id"]).returncode == 0
    assert "revoked" in covenant(tmp_path, "keys", "list").stdout
    assert covenant(tmp_path, "keys", "revoke", "nope").returncode == 1


def test_bad_label_is_rejected(tmp_path):
    out = covenant(tmp_path, "keys", "create", "--tenant", "a", "--account", "b", "--label", "novalue")
    assert out.returncode == 2 and "key=value" in out.stderr


@pytest.mark.parametrize(("args", "said"), [
    (("--account", "bob/evil"), "account 'bob/evil': use 1-128 letters"),
    (("--account", "b", "--expires", "soon"), "--expires takes a duration (30d, 12h, 90m, 2w) or an ISO date/time"),
    (("--account", "b", "--expires", "2001-01-01"), "--expires '2001-01-01' is in the past"),
    (("--account", "b", "--label", "bad key=v"), "label 'bad key': names are 1-63 letters"),  # the admin API's rule
])
def test_a_malformed_option_is_status_2_as_a_malformed_label(tmp_path, args, said):
    """The name and expiry checks ended with status 1, the one for something missing (`keys revoke` of an unknown
    id); a malformed --label already ended with 2."""
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", *args)
    assert out.returncode == 2 and out.stderr.startswith(said) and out.stderr.count("\n") == 1, out.stderr
    assert not (tmp_path / "covenant-keys.json").exists()


def test_revoking_an_unknown_key_is_status_1_on_stderr(tmp_path):
    out = covenant(tmp_path, "keys", "revoke", "0123456789ab")
    assert (out.returncode, out.stdout, out.stderr) == (1, "", "no key with id 0123456789ab\n")


def test_a_key_can_be_given_an_expiry(tmp_path):
    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"keys_file": "keys.json"}))
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "trial", "--expires", "2030-01-01")
    assert out.returncode == 0, out.stderr
    assert "expires: 2030-01-01T00:00:00Z" in out.stdout
    assert json.loads((tmp_path / "keys.json").read_text())["keys"][0]["expires"] == 1893456000
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "week", "--expires", "7d")
    assert out.returncode == 0, out.stderr
    listing = covenant(tmp_path, "keys", "list").stdout
    assert "2030-01-01T00:00:00Z" in listing and "EXPIRES" in listing
    for bad, reason in (("2001-01-01", "in the past"), ("soon", "takes a duration")):
        out = covenant(tmp_path, "keys", "create", "--tenant", "a", "--account", "b", "--expires", bad)
        assert out.returncode != 0 and reason in out.stderr


def test_tenant_and_account_names_are_checked(tmp_path):
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "bob/evil")
    assert out.returncode != 0 and "account 'bob/evil'" in out.stderr


def test_an_unreachable_store_is_one_line_not_a_traceback(tmp_path):
    from tests.support.ports import closed_port

    with closed_port() as port:
        (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"store": f"redis://127.0.0.1:{port}"}))
        for args in (("keys", "list"), ("keys", "create", "--tenant", "acme", "--account", "a")):
            out = covenant(tmp_path, *args)
            assert out.returncode == 1 and out.stderr.startswith("covenant: the store is unavailable: ")
            assert "Traceback" not in out.stderr and out.stderr.count("\n") == 1


def test_key_changes_from_the_command_line_go_to_the_audit_log(tmp_path):
    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"keys_file": "keys.json",
                                                            "audit": {"sink": "file", "path": "audit/audit-{pid}.jsonl"}}))
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "ops", "--reason", "ticket 7")
    assert out.returncode == 0 and "audit: recorded in audit/audit-cli.jsonl" in out.stderr
    key = next(line for line in out.stdout.splitlines() if line.startswith("cov_"))
    key_id = json.loads((tmp_path / "keys.json").read_text())["keys"][0]["key_id"]
    assert covenant(tmp_path, "keys", "revoke", key_id, "--reason", "rotated").returncode == 0
    again = covenant(tmp_path, "keys", "revoke", key_id, "--reason", "twice")
    assert again.returncode == 0 and f"{key_id} was already revoked" in again.stdout, "idempotent, as the admin API"
    lines = (tmp_path / "audit" / "audit-cli.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [(r["kind"], r["action"], r["reason"], r["via"], r["key_id"]) for r in records] == [
        ("key", "created", "ticket 7", "cli", key_id), ("key", "revoked", "rotated", "cli", key_id)]
    assert key not in "".join(lines)
    report = covenant(tmp_path, "report", "--format", "json")
    assert json.loads(report.stdout)["operator_records"] == 2, "the report reads the command's file beside the workers'"


def test_key_changes_go_to_the_redis_stream_when_that_is_the_sink(tmp_path, redis_url):
    import redis

    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"store": redis_url, "audit": {"sink": "redis"}}))
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "ops")
    assert out.returncode == 0 and "audit: recorded in the Redis stream covenant:audit" in out.stderr
    (entry,) = redis.Redis.from_url(redis_url).xrange("covenant:audit")
    assert json.loads(entry[1][b"record"])["action"] == "created"


def test_without_an_audit_sink_the_command_says_the_change_is_not_recorded(tmp_path):
    (tmp_path / "covenant.yaml").write_text(yaml.safe_dump({"keys_file": "keys.json"}))
    out = covenant(tmp_path, "keys", "create", "--tenant", "acme", "--account", "ops")
    assert out.returncode == 0 and "audit: not recorded (the audit sink is 'none')" in out.stderr
