"""Run the real gateway (`python -m gateway serve`, uvicorn on loopback) as a subprocess for tests."""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

from gateway.identity import FileKeyStore, new_key
from tests.support.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
ADMIN_TOKEN = "test-admin-token-0123456789"


def _workdir() -> Path:
    """A gateway's config, policies and log: removed when the test process exits (tests read logs after stop)."""
    path = Path(tempfile.mkdtemp(prefix="covenant-gw-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@dataclass
class GatewayProcess:
    upstream_url: str | None  # the mock teacher on its own port; None = the built-in in-process mock
    policies: Path | None = None  # a directory to copy; default: the shipped examples
    drop_policies: tuple[str, ...] = ()  # file names (globs) left out of the copy
    store: str = "memory://"
    extra_config: dict[str, Any] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    workdir: Path = field(default_factory=lambda: _workdir())
    proc: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.policy_dir = self.workdir / "policies"
        shutil.copytree(self.policies or ROOT / "policies", self.policy_dir,
                        ignore=shutil.ignore_patterns(*self.drop_policies) if self.drop_policies else None)
        self.keys_file = self.workdir / "keys.json"
        self.config_file = self.workdir / "covenant.yaml"
        self.log_file = self.workdir / "gateway.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def openai_base_url(self) -> str:
        return self.url + "/v1"

    def create_key(self, tenant: str, account: str, **labels: str) -> str:
        """Create a key in the gateway's keys file (the gateway picks up changes by itself)."""
        key, record = new_key(tenant, account, labels)
        store = FileKeyStore(self.keys_file)
        store._records[record.key_id] = record  # noqa: SLF001 - synchronous write for test set-up
        store.save()
        return key

    def write_config(self) -> None:
        upstreams = ([{"name": "teacher", "dialect": "any", "base_url": self.upstream_url,
                       "api_key_env": "TEACHER_API_KEY", "models": ["*"],
                       "timeouts": {"connect": 2, "first_byte": 10, "total": 30}}]
                     if self.upstream_url else [{"name": "mock", "dialect": "any"}])
        config = {"host": "127.0.0.1", "port": self.port, "store": self.store, "policies_dir": str(self.policy_dir),
                  "keys_file": str(self.keys_file), "dev_key": False, "upstreams": upstreams,
                  "log_format": "json", **self.extra_config}
        self.config_file.write_text(yaml.safe_dump(config))

    def start(self, timeout: float = 90.0) -> GatewayProcess:
        self.write_config()
        env = {**os.environ, "COVENANT_ADMIN_TOKEN": ADMIN_TOKEN, "TEACHER_API_KEY": "sk-upstream-secret-abc123",
               "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", **self.env}
        env.pop("COVENANT_CONFIG_FILE", None)
        self._log = open(self.log_file, "ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "gateway", "serve", "--config", str(self.config_file)],
                                     cwd=self.workdir, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gateway exited with {self.proc.returncode}:\n{self.logs()}")
            try:
                if httpx.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"gateway not ready after {timeout}s:\n{self.logs()}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        code = self.proc.returncode
        self.proc = None
        self._log.close()
        return code

    def logs(self) -> str:
        return self.log_file.read_text(errors="replace") if self.log_file.exists() else ""

    def admin(self, method: str, path: str, **kwargs) -> httpx.Response:
        headers = {"authorization": f"Bearer {ADMIN_TOKEN}", **kwargs.pop("headers", {})}
        return httpx.request(method, self.url + path, headers=headers, timeout=10, **kwargs)
