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


def test_a_port_already_taken_is_one_line_not_a_traceback() -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for command in (["-m", "gateway", "mock-teacher"], ["-m", "gateway.mock_teacher"]):
            done = subprocess.run([sys.executable, *command, "--port", str(port)], capture_output=True, text=True,
                                  timeout=60)
            assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
            assert done.stderr.startswith(f"mock teacher: cannot listen on 127.0.0.1:{port}: "), done.stderr
            assert "address already in use" in done.stderr
