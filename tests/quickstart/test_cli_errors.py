"""Commands given something that is not there say so in one line and exit 1, never with a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.ports import closed_port


def covenant(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([sys.executable, "-m", "gateway", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env={**os.environ, **env}, input="")


@pytest.mark.parametrize(("args", "said"), [
    (("watermark", "detect", "missing.txt"), "covenant: cannot read missing.txt: No such file or directory"),
    (("watermark", "detect", "--corpus", "missing.jsonl"), "covenant: cannot read missing.jsonl: No such file or directory"),
    (("extraction", "replay", "missing.jsonl"), "covenant: cannot read missing.jsonl: No such file or directory"),
    (("extraction", "replay", "."), "covenant: cannot read .: Is a directory"),
    (("policy", "test", "--policies", "nowhere"), "nowhere: no such file or directory"),
])
def test_a_missing_input_is_one_line(tmp_path, args, said):
    out = covenant(tmp_path, *args)
    assert out.returncode == 1 and said in out.stderr.splitlines(), out.stderr
    assert "Traceback" not in out.stderr


def test_an_unreachable_gateway_is_one_line(tmp_path):
    with closed_port() as port:
        url = f"http://127.0.0.1:{port}"
        out = covenant(tmp_path, "watermark", "trace", "some leaked text", "--gateway", url, COVENANT_ADMIN_TOKEN="t")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"covenant watermark trace: cannot reach the gateway at {url}/admin/v1/watermark/trace")


def test_detect_does_not_speak_like_a_serving_gateway(tmp_path):
    out = covenant(tmp_path, "watermark", "detect", "-", COVENANT_WATERMARK_SECRET="s" * 32)
    assert out.returncode == 0 and "scoring against 0 known accounts" in out.stderr
    assert "no API keys yet" not in out.stderr and "DEVELOPMENT KEY" not in out.stderr
