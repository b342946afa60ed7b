"""The README's first command: `covenant serve` with no config runs the embedded default
(in-memory state, built-in mock teacher, example policies) and prints a working dev key."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openai
import pytest

from tests.support.gateway import GatewayProcess
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_serve_with_no_config_prints_a_dev_key_that_works():
    workdir = Path(tempfile.mkdtemp(prefix="covenant-quickstart-"))
    shutil.copytree(ROOT / "policies", workdir / "policies")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVENANT_")}
    proc = subprocess.Popen([sys.executable, "-m", "gateway", "serve", "--port", str(port)], cwd=workdir, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        key, lines = None, []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            line = proc.stdout.readline()
            lines.append(line)
            m = re.search(r"DEVELOPMENT KEY .*: (cov_\S+)", line)
            key = key or (m and m.group(1))
            if "Uvicorn running" in line:
                break
        log = "".join(lines)
        assert key, log
        assert "upstream mock: built-in mock teacher" in log
        assert re.search(r"policy set [0-9a-f]{16}: \d+ policies from policies", log), log
        assert "store: memory" in log
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key=key, max_retries=0)
        reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "Hello"}])
        assert reply.choices[0].message.content
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        shutil.rmtree(workdir, ignore_errors=True)


def test_a_huge_max_tokens_cannot_stall_the_built_in_teacher_and_the_gateway_with_it(tmp_path):
    """The built-in teacher serves in the gateway's own process and its replies fill their budget: with no token
    quota in the way (here no policies at all), a request for 2**40 tokens held the event loop, and every caller,
    while its reply grew past a gigabyte. It is a 400, as from the API."""
    (tmp_path / "policies").mkdir()
    gw = GatewayProcess(upstream_url=None, policies=tmp_path / "policies")
    key = gw.create_key("acme", "greedy")
    gw.start()
    try:
        client = openai.OpenAI(base_url=gw.openai_base_url, api_key=key, max_retries=0, timeout=30)
        with pytest.raises(openai.BadRequestError, match="max_tokens is too large"):
            client.chat.completions.create(model="gpt-4o-mini", max_tokens=2**40,
                                           messages=[{"role": "user", "content": "Hello"}])
        assert client.chat.completions.create(model="gpt-4o-mini", max_tokens=20,
                                              messages=[{"role": "user", "content": "Hello"}]).choices
    finally:
        gw.stop()
