"""A real redis-server process on a free loopback port, for tests.

Never skipped: when the binary is missing the fixture fails with the install hint.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field

from tests.support.ports import free_port, wait_listening

INSTALL_HINT = "redis-server not found on PATH: install it (Debian/Ubuntu: apt-get install redis-server)"


def _workdir() -> str:
    """The server's --dir (kept across restarts): removed when the test process exits, like the gateways'."""
    path = tempfile.mkdtemp(prefix="covenant-redis-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@dataclass
class RedisServer:
    port: int
    proc: subprocess.Popen | None = None
    workdir: str = field(default_factory=_workdir)
    extra_args: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError(INSTALL_HINT)
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.workdir, "--protected-mode", "no", "--enable-debug-command", "local", *self.extra_args],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_listening(self.port, proc=self.proc)
        return self

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def kill(self) -> None:
        """Hard kill (SIGKILL), as an outage would."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def cli(self, *args: str) -> str:
        out = subprocess.run(["redis-cli", "-p", str(self.port), *args], capture_output=True, text=True, timeout=10)
        return out.stdout.strip()


def start_redis(*extra_args: str) -> RedisServer:
    return RedisServer(port=free_port(), extra_args=extra_args).start()
