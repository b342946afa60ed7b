"""`python -m gateway.mock_teacher --port P` serves as a separate process (the CLI path)."""

import subprocess
import sys

import httpx

from tests.support.ports import free_port, wait_listening


def test_module_entry_point_serves_and_stops() -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "gateway.mock_teacher", "--port", str(port), "--seed", "3"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_listening(port, proc=proc)
        body = {"model": "m", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 12}
        first = httpx.post(f"http://127.0.0.1:{port}/v1/chat/completions", json=body).json()
        second = httpx.post(f"http://127.0.0.1:{port}/v1/chat/completions", json=body).json()
        assert first["choices"][0]["message"]["content"] == second["choices"][0]["message"]["content"]
        assert first["usage"]["completion_tokens"] <= 12
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"listening on http://127.0.0.1:{port}" in out
