"""Through a real gateway: exactly one audit record per request, allowed or not, and `full`
records are a traffic log that `covenant extraction replay` reads."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.mock_teacher import running_mock_teacher


@pytest.fixture(scope="module")
def audited():
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url, extra_config={"audit": {
            "sink": "file", "path": "audit/audit.jsonl", "content": "full"}})
        gw.key = gw.create_key("acme", "audited")
        gw.free = gw.create_key("acme", "free-one", tier="free")
        gw.start()
        yield gw
        gw.stop()


def records(gw: GatewayProcess) -> list[dict]:
    return [json.loads(line) for line in (gw.workdir / "audit" / "audit.jsonl").read_text().splitlines()]


def test_one_record_per_request_with_decisions(audited):
    client = openai.OpenAI(base_url=audited.openai_base_url, api_key=audited.key, max_retries=0)
    free = openai.OpenAI(base_url=audited.openai_base_url, api_key=audited.free, max_retries=0)
    for i in range(5):
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"question {i}"}])
    list(client.chat.completions.create(model="gpt-4o-mini", stream=True,
                                        messages=[{"role": "user", "content": "stream it"}]))
    with pytest.raises(openai.PermissionDeniedError):
        free.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "denied"}])
    r = httpx.post(audited.openai_base_url + "/chat/completions", content=b"{bad", timeout=5,
                   headers={"authorization": f"Bearer {audited.key}"})
    assert r.status_code == 400
    with pytest.raises(openai.AuthenticationError):  # a refusal of its own: a surge of them is someone trying keys
        openai.OpenAI(base_url=audited.openai_base_url, api_key="cov_wrong", max_retries=0).models.list()
    audited.stop()  # flushes the queue on shutdown
    recs = records(audited)
    assert len(recs) == 9
    decisions = [r["decision"] for r in recs]
    assert decisions.count("allowed") == 6 and "blocked_access" in decisions and "invalid_request" in decisions
    assert decisions[-1] == "unauthenticated" and recs[-1]["principal"] is None
    streamed = next(r for r in recs if r["stream"])
    assert streamed["response_text"] and streamed["usage"]["output_tokens"] > 0
    assert all(audited.key not in json.dumps(r) for r in recs)


def test_full_records_replay(audited, tmp_path):
    out = tmp_path / "verdicts.jsonl"
    done = subprocess.run([sys.executable, "-m", "gateway", "extraction", "replay",
                           str(audited.workdir / "audit" / "audit.jsonl"), "--output", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    verdicts = [json.loads(line) for line in out.read_text().splitlines()]
    assert {v["principal"] for v in verdicts} >= {"acme/audited"}
