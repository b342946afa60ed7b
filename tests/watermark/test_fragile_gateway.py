"""The fragile channel end to end: with the policy's `fragile_channel` on, a verbatim copy of a served answer
names its account and the minute it was served, through the admin API and the CLI; stripped, it names nobody."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import openai
import pytest

from gateway.watermark.embed import FRAGILE_SPACING
from gateway.watermark.fragile import PAYLOAD_RE
from tests.support.gateway import ROOT, GatewayProcess
from tests.support.mock_teacher import running_mock_teacher

SECRET = "test-master-secret-0123456789abcdef"
PROMPT = [{"role": "user", "content": "Write a long essay about how teams review software changes."}]
FRAGILE_POLICY = """apiVersion: covenant/v1
kind: Policy
metadata:
  name: watermark-fragile
spec:
  watermark:
    enabled: true
    fragile_channel: true
"""


@pytest.fixture(scope="module")
def gw(tmp_path_factory):
    policies = tmp_path_factory.mktemp("policies")
    (policies / "00-baseline.yaml").write_text((ROOT / "policies" / "00-baseline.yaml").read_text())
    (policies / "30-watermark.yaml").write_text(FRAGILE_POLICY)
    with running_mock_teacher() as teacher:
        gw = GatewayProcess(upstream_url=teacher.url, policies=policies, env={"COVENANT_WATERMARK_SECRET": SECRET})
        gw.carol = gw.create_key("acme", "carol")
        for i in range(10):
            gw.create_key("other", f"acct-{i}")
        gw.start()
        yield gw
        gw.stop()


def _served_minute(before: float, after: float) -> set[str]:
    return {datetime.fromtimestamp(t // 60 * 60, UTC).strftime("%Y-%m-%dT%H:%MZ") for t in (before, after)}


def test_a_verbatim_copy_names_its_account_and_minute(gw):
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.carol, max_retries=0)
    before = time.time()
    text = client.chat.completions.create(model="gpt-4o-mini", messages=PROMPT, max_tokens=700).choices[0].message.content
    streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
        model="gpt-4o-mini", messages=PROMPT, max_tokens=700, stream=True) if c.choices)
    after = time.time()
    copies, plain = PAYLOAD_RE.findall(text), PAYLOAD_RE.sub("", text)
    # a copy after the first eligible word, then one at least FRAGILE_SPACING characters after the last
    assert len(plain) > 2 * FRAGILE_SPACING and 2 <= len(copies) <= 1 + len(plain) // FRAGILE_SPACING
    assert len(copies) == len(PAYLOAD_RE.findall(streamed))
    assert PAYLOAD_RE.sub("", streamed) == PAYLOAD_RE.sub("", text)  # the payloads differ only if the minute did
    r = gw.admin("POST", "/admin/v1/watermark/detect", json={"text": "Quoted from a forum post:\n\n" + text}).json()
    [found] = r["fragile"]
    assert (found["tenant"], found["account"], found["payloads"]) == ("acme", "carol", len(copies))
    assert found["first_served"] in _served_minute(before, after)
    stripped = PAYLOAD_RE.sub("", text)
    assert gw.admin("POST", "/admin/v1/watermark/detect", json={"text": stripped}).json()["fragile"] == []


def test_the_cli_reports_the_fragile_attribution(gw, tmp_path):
    client = openai.OpenAI(base_url=gw.openai_base_url, api_key=gw.carol, max_retries=0)
    text = client.chat.completions.create(model="gpt-4o-mini", messages=PROMPT, max_tokens=300).choices[0].message.content
    leak = tmp_path / "leak.txt"
    leak.write_text(text)
    out = subprocess.run([sys.executable, "-m", "gateway", "watermark", "detect", "--config", str(gw.config_file),
                          str(leak)], capture_output=True, text=True, timeout=120,
                         env={"COVENANT_WATERMARK_SECRET": SECRET, "PATH": "/usr/bin:/bin"}, cwd=Path(gw.workdir))
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)["files"][str(leak)]
    assert [(f["tenant"], f["account"]) for f in result["fragile"]] == [("acme", "carol")]
